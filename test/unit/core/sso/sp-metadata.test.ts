import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import {
  generateSelfSignedSpCertificate,
  type SpCertificateMaterial,
} from '../../../../electron/core/sso/certificates';
import { addEcdsaAlgorithms, SAML_NS, XMLDSIG } from '../../../../electron/core/sso/metadata';
import { DEFAULT_NAME_ID_FORMATS, generateSpMetadata } from '../../../../electron/core/sso/sp-metadata';
import { AppError } from '../../../../shared/ipc/errors';
import { NOW } from '../../../support/saml-fixtures';

let rsa: SpCertificateMaterial;
let next: SpCertificateMaterial;
let ec: SpCertificateMaterial;

beforeAll(async () => {
  [rsa, next, ec] = await Promise.all([
    generateSelfSignedSpCertificate({ commonName: 'Tessera SP current', keyType: 'rsa-2048', now: NOW }),
    generateSelfSignedSpCertificate({ commonName: 'Tessera SP next', keyType: 'p-256', now: NOW }),
    generateSelfSignedSpCertificate({ commonName: 'Tessera SP ec', keyType: 'p-256', now: NOW }),
  ]);
});

const base = () => ({
  entityId: 'https://tessera.example/sp/0b6f?org=a&b="c"',
  acsUrl: 'http://127.0.0.1:7480/saml/acs',
  certificatesPem: [rsa.certificatePem],
});

function parse(xml: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return doc.documentElement!;
}

const all = (root: Element, ns: string, localName: string) =>
  Array.from(root.getElementsByTagNameNS(ns, localName));
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

function verify(xml: string, certificatePem: string): { valid: boolean; references: string[] } {
  const root = parse(xml);
  const signature = all(root, SAML_NS.ds, 'Signature')[0]!;
  const verifier = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  addEcdsaAlgorithms(verifier);
  verifier.loadSignature(signature as unknown as Node);
  const valid = verifier.checkSignature(xml);
  return { valid, references: verifier.getReferences().map((r) => r.uri) };
}

describe('generateSpMetadata (S2)', () => {
  it('parses back: entity, signed-request flags, certificates, NameID formats, POST ACS', () => {
    const xml = generateSpMetadata({
      ...base(),
      sloUrl: 'http://127.0.0.1:7480/saml/slo',
      certificatesPem: [rsa.certificatePem, next.certificatePem],
    });
    const root = parse(xml);
    expect(root.namespaceURI).toBe(SAML_NS.md);
    expect(root.localName).toBe('EntityDescriptor');
    // Quotes and ampersands arrive intact: nothing was pasted into a string.
    expect(root.getAttribute('entityID')).toBe('https://tessera.example/sp/0b6f?org=a&b="c"');
    expect(root.getAttribute('ID')).toMatch(/^_[0-9a-f]{32}$/);
    const sp = all(root, SAML_NS.md, 'SPSSODescriptor')[0]!;
    expect(sp.getAttribute('AuthnRequestsSigned')).toBe('true');
    expect(sp.getAttribute('WantAssertionsSigned')).toBe('true');
    expect(sp.getAttribute('protocolSupportEnumeration')).toBe('urn:oasis:names:tc:SAML:2.0:protocol');
    const keys = all(sp, SAML_NS.md, 'KeyDescriptor');
    expect(keys.map((k) => k.getAttribute('use'))).toEqual(['signing', 'signing']);
    expect(all(sp, SAML_NS.ds, 'X509Certificate').map((c) => c.textContent)).toEqual([
      body(rsa.certificatePem),
      body(next.certificatePem),
    ]);
    expect(all(sp, SAML_NS.md, 'NameIDFormat').map((f) => f.textContent)).toEqual([
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    ]);
    expect(DEFAULT_NAME_ID_FORMATS).toHaveLength(3);
    const acs = all(sp, SAML_NS.md, 'AssertionConsumerService');
    expect(acs).toHaveLength(1);
    expect(acs[0]!.getAttribute('Binding')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(acs[0]!.getAttribute('Location')).toBe('http://127.0.0.1:7480/saml/acs');
    expect(acs[0]!.getAttribute('isDefault')).toBe('true');
    const slo = all(sp, SAML_NS.md, 'SingleLogoutService');
    expect(slo.map((s) => s.getAttribute('Location'))).toEqual([
      'http://127.0.0.1:7480/saml/slo',
      'http://127.0.0.1:7480/saml/slo',
    ]);
    // Schema order inside SPSSODescriptor.
    const order = Array.from(sp.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as Element).localName);
    expect(order).toEqual([
      'KeyDescriptor',
      'KeyDescriptor',
      'SingleLogoutService',
      'SingleLogoutService',
      'NameIDFormat',
      'NameIDFormat',
      'NameIDFormat',
      'AssertionConsumerService',
    ]);
    expect(all(root, SAML_NS.ds, 'Signature')).toHaveLength(0);
  });

  it('takes its own NameID formats and leaves SLO out when there is none', () => {
    const root = parse(generateSpMetadata({ ...base(), nameIdFormats: ['urn:example:format'] }));
    expect(all(root, SAML_NS.md, 'NameIDFormat').map((f) => f.textContent)).toEqual(['urn:example:format']);
    expect(all(root, SAML_NS.md, 'SingleLogoutService')).toHaveLength(0);
  });

  for (const [name, material, algorithm] of [
    ['RSA-SHA256', () => rsa, XMLDSIG.rsaSha256],
    ['ECDSA-SHA256', () => ec, XMLDSIG.ecdsaSha256],
  ] as const) {
    it(`signed (${name}): an enveloped signature over the root, first child, that verifies`, () => {
      const key = material();
      const xml = generateSpMetadata({
        ...base(),
        certificatesPem: [key.certificatePem],
        sign: { privateKeyPem: key.privateKeyPem, certificatePem: key.certificatePem },
      });
      const root = parse(xml);
      const first = Array.from(root.childNodes).find((n) => n.nodeType === 1) as Element;
      expect(first.namespaceURI).toBe(SAML_NS.ds);
      expect(first.localName).toBe('Signature');
      expect(all(first, SAML_NS.ds, 'SignatureMethod')[0]!.getAttribute('Algorithm')).toBe(algorithm);
      expect(all(first, SAML_NS.ds, 'DigestMethod')[0]!.getAttribute('Algorithm')).toBe(XMLDSIG.sha256);
      expect(all(first, SAML_NS.ds, 'Transform').map((t) => t.getAttribute('Algorithm'))).toEqual([
        XMLDSIG.enveloped,
        XMLDSIG.excC14n,
      ]);
      expect(all(first, SAML_NS.ds, 'X509Certificate')[0]!.textContent).toBe(body(key.certificatePem));
      expect(verify(xml, key.certificatePem)).toEqual({
        valid: true,
        references: [`#${root.getAttribute('ID')}`],
      });
      // …and not with another key, nor once changed.
      expect(() => verify(xml, next.certificatePem)).toThrow(/invalid signature/);
      expect(verify(xml.replace('/saml/acs', '/saml/evil'), key.certificatePem).valid).toBe(false);
    });
  }

  it('refuses what it cannot publish correctly', () => {
    const reasonOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof AppError) return error.reason;
        throw error;
      }
      return undefined;
    };
    expect(reasonOf(() => generateSpMetadata({ ...base(), acsUrl: 'http://sp.example.com/acs' }))).toBe(
      'spMetadata.insecureEndpoint',
    );
    expect(reasonOf(() => generateSpMetadata({ ...base(), sloUrl: 'javascript:alert(1)' }))).toBe(
      'spMetadata.insecureEndpoint',
    );
    expect(reasonOf(() => generateSpMetadata({ ...base(), certificatesPem: [] }))).toBe(
      'spMetadata.noCertificate',
    );
    expect(reasonOf(() => generateSpMetadata({ ...base(), certificatesPem: ['nope'] }))).toBe(
      'spMetadata.certificateMalformed',
    );
    expect(reasonOf(() => generateSpMetadata({ ...base(), entityId: ' ' }))).toBe('spMetadata.noEntityId');
    expect(
      reasonOf(() =>
        generateSpMetadata({
          ...base(),
          sign: { privateKeyPem: ec.privateKeyPem, certificatePem: rsa.certificatePem },
        }),
      ),
    ).toBe('spMetadata.keyMismatch');
  });
});
