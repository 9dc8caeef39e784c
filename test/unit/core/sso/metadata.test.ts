import { beforeAll, describe, expect, it } from 'vitest';
import { manualIdpSettings, parseIdpMetadata, SAML_NS } from '../../../../electron/core/sso/metadata';
import { ADMIN_LIMITS } from '../../../../shared/admin/schemas';
import {
  BINDINGS,
  createTestPki,
  DAY,
  idpMetadataXml,
  makeCertificate,
  newKeys,
  NOW,
  signXml,
  wrapSignedMetadata,
  type TestPki,
} from '../../../support/saml-fixtures';
import { thrownAppError } from '../../../support/errors';

let pki: TestPki;
let trustedRootsPem: string[];

beforeAll(async () => {
  pki = await createTestPki();
  trustedRootsPem = [pki.root.pem];
});

const refusal = thrownAppError;

const parse = (xml: string) => parseIdpMetadata(xml, { now: NOW, trustedRootsPem });
const reason = (xml: string) => refusal(() => parse(xml)).reason;

describe('IdP metadata: a realistic file', () => {
  it('keeps every signing certificate (not the encryption one), prefers HTTP-Redirect, reads SLO', () => {
    const xml = idpMetadataXml({
      signing: [pki.idp.base64, pki.idp2.base64],
      encryption: [pki.encryption.base64],
      sso: [
        { binding: BINDINGS.artifact, location: 'https://idp.example.com/idp/profile/SAML2/Artifact/SSO' },
        { binding: BINDINGS.post, location: 'https://idp.example.com/idp/profile/SAML2/POST/SSO' },
        { binding: BINDINGS.redirect, location: 'https://idp.example.com/idp/profile/SAML2/Redirect/SSO' },
        { binding: BINDINGS.soap, location: 'https://idp.example.com/idp/profile/SAML2/SOAP/ECP' },
      ],
      slo: [
        { binding: BINDINGS.soap, location: 'https://idp.example.com/idp/profile/SAML2/SOAP/SLO' },
        { binding: BINDINGS.post, location: 'https://idp.example.com/idp/profile/SAML2/POST/SLO' },
      ],
      validUntil: '2026-06-01T00:00:00Z',
    });
    const parsed = parse(xml);
    expect(parsed.entityId).toBe('https://idp.example.com/idp/shibboleth');
    expect(parsed.sso).toEqual({
      binding: 'HTTP-Redirect',
      location: 'https://idp.example.com/idp/profile/SAML2/Redirect/SSO',
    });
    expect(parsed.ssoServices.map((s) => s.binding)).toEqual(['HTTP-POST', 'HTTP-Redirect']);
    expect(parsed.slo).toEqual({
      binding: 'HTTP-POST',
      location: 'https://idp.example.com/idp/profile/SAML2/POST/SLO',
    });
    expect(parsed.signingCertificates.map((c) => c.subject)).toEqual([
      'CN=IdP signing 2026, O=Tessera Tests',
      'CN=IdP signing 2027, O=Tessera Tests',
    ]);
    expect(parsed.signingCertificates[0]!.pem).toBe(pki.idp.pem);
    expect(parsed.signingCertificates[0]).toMatchObject({ keyAlgorithm: 'RSA 2048', selfSigned: true });
    expect(parsed.nameIdFormats).toEqual([
      'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    ]);
    expect(parsed.validUntil).toBe('2026-06-01T00:00:00.000Z');
    expect(parsed.trust).toBe('unsigned');
    expect(parsed.signer).toBeNull();
  });

  it('takes a KeyDescriptor without use as a signing key, and lists a certificate once', () => {
    const parsed = parse(
      idpMetadataXml({ signing: [pki.idp.base64], anyUse: [pki.idp.base64, pki.idp2.base64] }),
    );
    expect(parsed.signingCertificates.map((c) => c.pem)).toEqual([pki.idp.pem, pki.idp2.pem]);
  });

  it('falls back to HTTP-POST and accepts http:// on loopback (test IdPs)', () => {
    const parsed = parse(
      idpMetadataXml({
        signing: [pki.idp.base64],
        sso: [{ binding: BINDINGS.post, location: 'http://127.0.0.1:8080/sso' }],
      }),
    );
    expect(parsed.sso).toEqual({ binding: 'HTTP-POST', location: 'http://127.0.0.1:8080/sso' });
    expect(parsed.slo).toBeNull();
  });

  it('accepts an EntitiesDescriptor holding exactly one IdP (beside an SP)', () => {
    const idp = idpMetadataXml({ signing: [pki.idp.base64] }).replace(/^<\?xml[^>]*>\s*<!--[^>]*-->\s*/, '');
    const xml = `<md:EntitiesDescriptor xmlns:md="${SAML_NS.md}" ID="_federation" Name="urn:example:federation" validUntil="2026-04-01T00:00:00Z">
  <md:EntityDescriptor entityID="https://sp.example.com/shibboleth">
    <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
      <md:AssertionConsumerService Binding="${BINDINGS.post}" Location="https://sp.example.com/acs" index="0"/>
    </md:SPSSODescriptor>
  </md:EntityDescriptor>
  ${idp}
</md:EntitiesDescriptor>`;
    const parsed = parse(xml);
    expect(parsed.entityId).toBe('https://idp.example.com/idp/shibboleth');
    // The container's validUntil applies to what it contains.
    expect(parsed.validUntil).toBe('2026-04-01T00:00:00.000Z');
    const signed = parse(signXml(xml, pki.signer, { chain: [pki.intermediate] }));
    expect(signed.trust).toBe('public-root');
  });
});

describe('IdP metadata: signatures and trust (S3)', () => {
  let unsigned: string;
  beforeAll(() => {
    unsigned = idpMetadataXml({ signing: [pki.idp.base64] });
  });

  it('signed by a certificate chaining to a trusted root → public-root, signer reported', () => {
    const xml = signXml(unsigned, pki.signer, { chain: [pki.intermediate] });
    const parsed = parse(xml);
    expect(parsed.trust).toBe('public-root');
    expect(parsed.signer).toMatchObject({
      subject: 'CN=idp.example.com, O=Tessera Tests',
      issuer: 'CN=Tessera Test Issuing CA, O=Tessera Tests',
      selfSigned: false,
    });
    expect(parsed.signingCertificates.map((c) => c.pem)).toEqual([pki.idp.pem]);
  });

  it('the same file against the real public roots (the default) → self-signed', () => {
    const xml = signXml(unsigned, pki.signer, { chain: [pki.intermediate] });
    expect(parseIdpMetadata(xml, { now: NOW }).trust).toBe('self-signed');
  });

  it('without the intermediate in KeyInfo the chain is incomplete → self-signed', () => {
    expect(parse(signXml(unsigned, pki.signer)).trust).toBe('self-signed');
  });

  it('signed with a self-signed certificate → self-signed; Reference URI="" is accepted', () => {
    const parsed = parse(signXml(unsigned, pki.idp, { emptyUri: true }));
    expect(parsed.trust).toBe('self-signed');
    expect(parsed.signer?.selfSigned).toBe(true);
  });

  it('verifies ECDSA P-256 signatures too', async () => {
    const keys = await newKeys('p-256');
    const ec = await makeCertificate({ commonName: 'EC IdP', keys, keyType: 'p-256' });
    const parsed = parse(signXml(idpMetadataXml({ signing: [ec.base64] }), ec));
    expect(parsed.trust).toBe('self-signed');
    expect(parsed.signingCertificates[0]!.keyAlgorithm).toBe('EC P-256');
  });

  it('tampered after signing → signatureInvalid', () => {
    const xml = signXml(unsigned, pki.signer, { chain: [pki.intermediate] }).replace(
      'https://idp.example.com/idp/profile/SAML2/Redirect/SSO',
      'https://evil.example.net/sso',
    );
    expect(reason(xml)).toBe('metadata.signatureInvalid');
  });

  it('a changed SignatureValue → signatureInvalid', () => {
    const xml = signXml(unsigned, pki.idp).replace(
      /<ds:SignatureValue>(.)/,
      (_, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`,
    );
    expect(reason(xml)).toBe('metadata.signatureInvalid');
  });

  it('signature wrapping: the signed entity moved under an evil root → signatureInvalid', () => {
    const signed = signXml(unsigned, pki.signer, { chain: [pki.intermediate] });
    const wrapped = wrapSignedMetadata(signed, pki.attacker, { keepSignatureOnRoot: true });
    // The signature itself still verifies (its reference is found, in Extensions) …
    expect(wrapped).toContain('Reference URI="#_f1c7a3e0b2d94e6c8a5b"');
    // … but it does not cover the root, so nothing in the file is trusted.
    const error = refusal(() => parse(wrapped));
    expect(error.reason).toBe('metadata.signatureInvalid');
    expect(error.message).toMatch(/does not cover the whole metadata/);
  });

  it('signature wrapping: the signature left inside the moved entity counts for nothing → unsigned', () => {
    const signed = signXml(unsigned, pki.signer, { chain: [pki.intermediate] });
    const wrapped = wrapSignedMetadata(signed, pki.attacker, { keepSignatureOnRoot: false });
    const parsed = parse(wrapped);
    // Read as the unsigned file it is: the evil root's data, never "public-root".
    expect(parsed.trust).toBe('unsigned');
    expect(parsed.signer).toBeNull();
    expect(parsed.entityId).toBe('https://evil.example.net/idp');
  });

  it('a signature over a descendant, placed on the root, → signatureInvalid', () => {
    const xpath = `//*[local-name(.)='IDPSSODescriptor']`;
    const xml = signXml(
      unsigned.replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor ID="_inner" '),
      pki.idp,
      {
        xpath,
        location: '/*',
      },
    );
    expect(reason(xml)).toBe('metadata.signatureInvalid');
  });

  it('signed by a publicly trusted certificate for another host → self-signed, not public-root', async () => {
    const other = await makeCertificate({
      commonName: 'evil.example.net',
      keys: await newKeys('rsa-2048'),
      keyType: 'rsa-2048',
      issuer: pki.intermediate,
    });
    const parsed = parse(signXml(unsigned, other, { chain: [pki.intermediate] }));
    expect(parsed.trust).toBe('self-signed');
  });

  it('refuses a KeyInfo stuffed with certificates before verifying each one', () => {
    const signed = signXml(unsigned, pki.idp);
    const copies = Array.from(
      { length: 8 },
      (_, i) =>
        `<ds:X509Certificate>${[pki.idp, pki.idp2, pki.attacker, pki.signer, pki.intermediate, pki.root, pki.encryption, pki.expired][i]!.base64}</ds:X509Certificate>`,
    ).join('');
    const stuffed = signed.replace('</ds:X509Certificate>', `</ds:X509Certificate>${copies}`);
    expect(reason(stuffed)).toBe('metadata.signatureInvalid');
  });

  it('re-signed by an attacker with their own key → self-signed, never public-root', () => {
    const evil = unsigned.replace(
      'https://idp.example.com/idp/profile/SAML2/Redirect/SSO',
      'https://evil.example.net/sso',
    );
    // Even when the IdP's real chain is copied into KeyInfo beside the attacker's certificate.
    const xml = signXml(evil, pki.attacker, { chain: [pki.signer, pki.intermediate] });
    const parsed = parse(xml);
    expect(parsed.trust).toBe('self-signed');
    expect(parsed.signer?.fingerprintSha256).not.toBe(
      parse(signXml(unsigned, pki.signer)).signer?.fingerprintSha256,
    );
  });

  it('the IdP’s certificate in KeyInfo but the attacker’s key → signatureInvalid', () => {
    const xml = signXml(unsigned, pki.attacker).replace(pki.attacker.base64, pki.signer.base64);
    expect(reason(xml)).toBe('metadata.signatureInvalid');
  });

  it('content slipped into the Signature element (outside what it signs) is never read', () => {
    const injected = signXml(unsigned, pki.idp).replace(
      '</ds:Signature>',
      `<ds:Object><md:IDPSSODescriptor xmlns:md="${SAML_NS.md}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService Binding="${BINDINGS.redirect}" Location="https://evil.example.net/sso"/></md:IDPSSODescriptor></ds:Object></ds:Signature>`,
    );
    const parsed = parse(injected);
    expect(parsed.trust).toBe('self-signed');
    expect(parsed.sso.location).toBe('https://idp.example.com/idp/profile/SAML2/Redirect/SSO');
  });

  it('a second element with the root’s ID → signatureInvalid', () => {
    const xml = signXml(unsigned, pki.idp).replace(
      '<md:Organization>',
      '<md:Organization ID="_f1c7a3e0b2d94e6c8a5b">',
    );
    expect(reason(xml)).toBe('metadata.signatureInvalid');
  });

  it('rsa-sha1 → weakSignature', () => {
    const error = refusal(() => parse(signXml(unsigned, pki.idp, { algorithm: 'rsa-sha1' })));
    expect(error.reason).toBe('metadata.weakSignature');
    expect(error.params?.algorithm).toBe('http://www.w3.org/2000/09/xmldsig#rsa-sha1');
  });

  it('a signature without a certificate → signatureNoCertificate', () => {
    const xml = signXml(unsigned, pki.idp).replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, '');
    expect(reason(xml)).toBe('metadata.signatureNoCertificate');
  });

  it('two signatures on the root → signatureInvalid', () => {
    const once = signXml(unsigned, pki.idp);
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(once)![0];
    expect(reason(once.replace(signature, signature + signature))).toBe('metadata.signatureInvalid');
  });

  it('an expired signer certificate → signerExpired', () => {
    const xml = signXml(unsigned, pki.expired);
    expect(reason(xml)).toBe('metadata.signerExpired');
  });
});

describe('IdP metadata: hostile and broken input', () => {
  let good: string;
  beforeAll(() => {
    good = idpMetadataXml({ signing: [pki.idp.base64] });
  });

  it('over the size limit → tooLarge, counted in bytes before parsing', () => {
    // Fewer characters than the limit, more bytes (and not even XML): refused on size alone.
    const xml = 'é'.repeat(ADMIN_LIMITS.metadataMaxBytes / 2 + 1);
    expect(xml.length).toBeLessThan(ADMIN_LIMITS.metadataMaxBytes);
    expect(reason(xml)).toBe('metadata.tooLarge');
  });

  it('a DOCTYPE, external entity (XXE) or billion laughs → doctype', () => {
    const body = good.replace(/^<\?xml[^>]*>/, '');
    expect(reason(`<!DOCTYPE md:EntityDescriptor>${body}`)).toBe('metadata.doctype');
    expect(
      reason(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>`),
    ).toBe('metadata.doctype');
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
    ).join('')}]><lolz>&lol9;</lolz>`;
    expect(reason(laughs)).toBe('metadata.doctype');
    expect(reason(`${body}<!ENTITY x "y">`)).toBe('metadata.doctype');
  });

  it('not well-formed → notXml', () => {
    expect(reason(good.slice(0, good.length / 2))).toBe('metadata.notXml');
    expect(reason('this is not xml')).toBe('metadata.notXml');
    expect(reason('')).toBe('metadata.notXml');
    expect(reason(good.replace('</md:Organization>', ''))).toBe('metadata.notXml');
    expect(reason(good.replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor a="1" a="2" '))).toBe(
      'metadata.notXml',
    );
    expect(reason(`${good}<second/>`)).toBe('metadata.notXml');
    expect(reason(good.replace('<md:Organization>', '<md:Organization><x:y/>'))).toBe('metadata.notXml');
  });

  it('a root that is not md:EntityDescriptor — by namespace, not by prefix → notEntityDescriptor', () => {
    expect(reason('<html><body/></html>')).toBe('metadata.notEntityDescriptor');
    expect(reason(good.replace(`xmlns:md="${SAML_NS.md}"`, 'xmlns:md="urn:example:not-saml"'))).toBe(
      'metadata.notEntityDescriptor',
    );
    // The right namespace under another prefix is fine.
    expect(parse(good.replaceAll('md:', 'saml2md:').replace('xmlns:md=', 'xmlns:saml2md=')).entityId).toBe(
      'https://idp.example.com/idp/shibboleth',
    );
  });

  it('an EntitiesDescriptor with several IdPs → severalEntities; with none → noIdpDescriptor', () => {
    const entity = (id: string) =>
      idpMetadataXml({ signing: [pki.idp.base64], entityId: id, id: `_${id.length}` }).replace(
        /^<\?xml[^>]*>\s*<!--[^>]*-->\s*/,
        '',
      );
    const several = `<md:EntitiesDescriptor xmlns:md="${SAML_NS.md}">${entity('https://a.example/idp')}${entity('https://bb.example/idp')}</md:EntitiesDescriptor>`;
    const error = refusal(() => parse(several));
    expect(error.reason).toBe('metadata.severalEntities');
    expect(error.params).toEqual({ count: 2 });
    const onlySp = `<md:EntitiesDescriptor xmlns:md="${SAML_NS.md}"><md:EntityDescriptor entityID="https://sp.example"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor></md:EntitiesDescriptor>`;
    expect(reason(onlySp)).toBe('metadata.noIdpDescriptor');
    expect(reason(`<md:EntitiesDescriptor xmlns:md="${SAML_NS.md}"/>`)).toBe('metadata.notEntityDescriptor');
  });

  it('no IDPSSODescriptor (an SP’s metadata), or not for SAML 2.0 → noIdpDescriptor', () => {
    expect(reason(good.replaceAll('IDPSSODescriptor', 'SPSSODescriptor'))).toBe('metadata.noIdpDescriptor');
    expect(
      reason(good.replace('urn:oasis:names:tc:SAML:2.0:protocol', 'urn:oasis:names:tc:SAML:1.1:protocol')),
    ).toBe('metadata.noIdpDescriptor');
  });

  it('no SSO endpoint with a usable binding → noSsoService', () => {
    const xml = idpMetadataXml({
      signing: [pki.idp.base64],
      sso: [
        { binding: BINDINGS.artifact, location: 'https://idp.example.com/artifact' },
        { binding: BINDINGS.soap, location: 'https://idp.example.com/ecp' },
      ],
    });
    expect(reason(xml)).toBe('metadata.noSsoService');
  });

  it('an endpoint that is not https (outside loopback) → insecureEndpoint', () => {
    const http = idpMetadataXml({
      signing: [pki.idp.base64],
      sso: [{ binding: BINDINGS.redirect, location: 'http://idp.example.com/sso' }],
    });
    const error = refusal(() => parse(http));
    expect(error.reason).toBe('metadata.insecureEndpoint');
    expect(error.params).toEqual({ location: 'http://idp.example.com/sso' });
    const javascript = idpMetadataXml({
      signing: [pki.idp.base64],
      slo: [{ binding: BINDINGS.redirect, location: 'javascript:alert(1)' }],
    });
    expect(reason(javascript)).toBe('metadata.insecureEndpoint');
  });

  it('no signing certificate (only an encryption one) → noSigningCertificate', () => {
    expect(reason(idpMetadataXml({ encryption: [pki.encryption.base64] }))).toBe(
      'metadata.noSigningCertificate',
    );
  });

  it('a malformed signing certificate → certificateMalformed, naming which one', () => {
    const error = refusal(() =>
      parse(idpMetadataXml({ signing: [pki.idp.base64, 'bm90IGEgY2VydGlmaWNhdGU='] })),
    );
    expect(error.reason).toBe('metadata.certificateMalformed');
    expect(error.params).toMatchObject({ position: 2, count: 2 });
    expect(error.message).toMatch(/^Signing certificate 2 of 2/);
  });

  it('a rollover set with an expired certificate keeps the valid ones and names the expired (C1)', () => {
    const parsed = parse(idpMetadataXml({ signing: [pki.idp.base64, pki.expired.base64] }));
    expect(parsed.signingCertificates.map((c) => c.pem)).toEqual([pki.idp.pem]);
    expect(parsed.expiredCertificates).toHaveLength(1);
    expect(parsed.expiredCertificates[0]).toMatchObject({
      notAfter: new Date(NOW.getTime() - 30 * DAY).toISOString(),
    });
  });

  it('only expired signing certificates → certificateExpired, with its date', () => {
    const error = refusal(() => parse(idpMetadataXml({ signing: [pki.expired.base64, pki.expired.base64] })));
    expect(error.reason).toBe('metadata.certificateExpired');
    expect(error.params).toMatchObject({
      position: 1,
      count: 2,
      notAfter: new Date(NOW.getTime() - 30 * DAY).toISOString(),
    });
  });

  it('a weak (RSA 1024) signing certificate → certificateWeakKey', async () => {
    const weak = await makeCertificate({
      commonName: 'weak',
      keys: await newKeys('rsa-1024'),
      keyType: 'rsa-1024',
    });
    const error = refusal(() => parse(idpMetadataXml({ signing: [weak.base64] })));
    expect(error.reason).toBe('metadata.certificateWeakKey');
    expect(error.params).toMatchObject({ keyAlgorithm: 'RSA 1024' });
  });

  it('validUntil in the past → expired; not a date → invalidValidUntil', () => {
    const error = refusal(() =>
      parse(idpMetadataXml({ signing: [pki.idp.base64], validUntil: '2026-02-28T00:00:00Z' })),
    );
    expect(error.reason).toBe('metadata.expired');
    expect(error.params).toEqual({ validUntil: '2026-02-28T00:00:00.000Z' });
    expect(reason(idpMetadataXml({ signing: [pki.idp.base64], validUntil: 'next year' }))).toBe(
      'metadata.invalidValidUntil',
    );
  });

  it('no entityID → noEntityId', () => {
    expect(reason(idpMetadataXml({ signing: [pki.idp.base64], entityId: '  ' }))).toBe('metadata.noEntityId');
  });

  it('every refusal is INVALID_INPUT with an English message', () => {
    const error = refusal(() => parse('<nope'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message.length).toBeGreaterThan(20);
  });
});

describe('manual IdP settings (S3 form)', () => {
  const input = () => ({
    entityId: ' https://idp.example.com/idp ',
    ssoUrl: 'https://idp.example.com/sso',
    ssoBinding: 'HTTP-POST' as const,
    sloUrl: '',
    certificatePem: pki.idp.pem,
  });

  it('returns the same shape as metadata, unsigned, without SLO when none is given', () => {
    const parsed = manualIdpSettings(input(), NOW);
    expect(parsed).toMatchObject({
      entityId: 'https://idp.example.com/idp',
      sso: { binding: 'HTTP-POST', location: 'https://idp.example.com/sso' },
      ssoServices: [{ binding: 'HTTP-POST', location: 'https://idp.example.com/sso' }],
      slo: null,
      trust: 'unsigned',
      signer: null,
      validUntil: null,
    });
    expect(parsed.signingCertificates[0]!.pem).toBe(pki.idp.pem);
    expect(manualIdpSettings({ ...input(), sloUrl: 'https://idp.example.com/slo' }, NOW).slo).toEqual({
      binding: 'HTTP-POST',
      location: 'https://idp.example.com/slo',
    });
  });

  it('applies the same checks: https, certificate dates and key', () => {
    expect(
      refusal(() => manualIdpSettings({ ...input(), ssoUrl: 'http://idp.example.com/sso' }, NOW)).reason,
    ).toBe('metadata.insecureEndpoint');
    expect(
      refusal(() => manualIdpSettings({ ...input(), sloUrl: 'ftp://idp.example.com' }, NOW)).reason,
    ).toBe('metadata.insecureEndpoint');
    expect(
      refusal(() => manualIdpSettings({ ...input(), certificatePem: pki.expired.pem }, NOW)).reason,
    ).toBe('certificate.expired');
    expect(refusal(() => manualIdpSettings({ ...input(), certificatePem: 'garbage' }, NOW)).reason).toBe(
      'certificate.malformed',
    );
    expect(refusal(() => manualIdpSettings({ ...input(), entityId: '' }, NOW)).reason).toBe(
      'metadata.noEntityId',
    );
  });
});
