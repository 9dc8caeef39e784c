/**
 * Real keys, real certificates and really signed SAML metadata for the SSO tests — no mocks: a
 * test root CA → intermediate → metadata signer, self-signed IdP certificates, an expired one, an
 * attacker's; metadata files shaped like the ones IdPs publish, signed with xml-crypto.
 *
 * RSA key generation is the slow part: build one TestPki per test file (beforeAll) and reuse it.
 */
import { KeyObject, X509Certificate } from 'node:crypto';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';
import { loadX509 } from '../../electron/core/sso/certificates';
import { addEcdsaAlgorithms, SAML_NS, XMLDSIG } from '../../electron/core/sso/metadata';

export type TestKeyType = 'rsa-2048' | 'rsa-1024' | 'p-256' | 'p-384';

export interface TestCert {
  /** PEM, as Node prints it. */
  pem: string;
  /** The base64 body, as metadata carries it. */
  base64: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  keys: CryptoKeyPair;
  keyType: TestKeyType;
  commonName: string;
}

export const DAY = 24 * 60 * 60 * 1000;
export const YEAR = 365 * DAY;

/** A fixed "now" for every SSO test: certificates are made around it, whatever the real date. */
export const NOW = new Date('2026-03-01T12:00:00Z');

const KEY_PARAMS: Record<TestKeyType, RsaHashedKeyGenParams | EcKeyGenParams> = {
  'rsa-2048': {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  'rsa-1024': {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 1024,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  'p-256': { name: 'ECDSA', namedCurve: 'P-256' },
  'p-384': { name: 'ECDSA', namedCurve: 'P-384' },
};

export async function newKeys(keyType: TestKeyType): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(KEY_PARAMS[keyType], true, ['sign', 'verify'])) as CryptoKeyPair;
}

let serial = 0x1000;

/**
 * A certificate for `keys`, signed by `issuer` (self-signed when absent) with SHA-256 unless
 * `hash` says otherwise. CAs get basicConstraints cA and keyCertSign, as a real CA's would.
 */
export async function makeCertificate(options: {
  commonName: string;
  keys: CryptoKeyPair;
  keyType: TestKeyType;
  issuer?: TestCert;
  ca?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  hash?: 'SHA-256' | 'SHA-1';
}): Promise<TestCert> {
  const x509 = await loadX509();
  const hash = options.hash ?? 'SHA-256';
  const issuer = options.issuer;
  const issuerKeyType = issuer ? issuer.keyType : options.keyType;
  const issuerPrivate = issuer ? issuer.keys.privateKey : options.keys.privateKey;
  const rsaIssuer = issuerKeyType.startsWith('rsa');
  // A WebCrypto RSA key is bound to one hash: import it again to sign with another.
  const signingKey =
    rsaIssuer && hash !== 'SHA-256'
      ? await crypto.subtle.importKey(
          'pkcs8',
          await crypto.subtle.exportKey('pkcs8', issuerPrivate),
          { name: 'RSASSA-PKCS1-v1_5', hash },
          false,
          ['sign'],
        )
      : issuerPrivate;
  const subject = `CN=${options.commonName}, O=Tessera Tests`;
  const extensions: InstanceType<typeof x509.Extension>[] = [
    new x509.BasicConstraintsExtension(!!options.ca, undefined, true),
    new x509.KeyUsagesExtension(
      options.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(options.keys.publicKey),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(8, '0'),
    subject,
    issuer: issuer ? new x509.X509Certificate(issuer.pem).subject : subject,
    notBefore: options.notBefore ?? new Date(NOW.getTime() - 30 * DAY),
    notAfter: options.notAfter ?? new Date(NOW.getTime() + 2 * YEAR),
    publicKey: options.keys.publicKey,
    signingKey,
    signingAlgorithm: rsaIssuer ? { name: 'RSASSA-PKCS1-v1_5', hash } : { name: 'ECDSA', hash },
    extensions,
  });
  const base64 = Buffer.from(certificate.rawData).toString('base64');
  const privateKeyPem = KeyObject.from(options.keys.privateKey)
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return {
    pem: new X509Certificate(Buffer.from(certificate.rawData)).toString(),
    base64,
    privateKeyPem,
    keys: options.keys,
    keyType: options.keyType,
    commonName: options.commonName,
  };
}

export interface TestPki {
  /** The test's public root (pass `[root.pem]` as the trusted roots). */
  root: TestCert;
  intermediate: TestCert;
  /** Issued by the intermediate: signs metadata (and serves as a CA-signed SP certificate). */
  signer: TestCert;
  /** Self-signed, as most IdPs' signing certificates are. */
  idp: TestCert;
  idp2: TestCert;
  /** Self-signed, `use="encryption"` in metadata. */
  encryption: TestCert;
  /** The idp key, in a certificate that expired a month ago. */
  expired: TestCert;
  /** Someone else's self-signed certificate. */
  attacker: TestCert;
}

export async function createTestPki(): Promise<TestPki> {
  const [rootKeys, intermediateKeys, signerKeys, idpKeys, idp2Keys, attackerKeys] = await Promise.all(
    Array.from({ length: 6 }, () => newKeys('rsa-2048')),
  );
  const rsa = 'rsa-2048' as const;
  const root = await makeCertificate({
    commonName: 'Tessera Test Root CA',
    keys: rootKeys!,
    keyType: rsa,
    ca: true,
    notAfter: new Date(NOW.getTime() + 10 * YEAR),
  });
  const intermediate = await makeCertificate({
    commonName: 'Tessera Test Issuing CA',
    keys: intermediateKeys!,
    keyType: rsa,
    issuer: root,
    ca: true,
    notAfter: new Date(NOW.getTime() + 5 * YEAR),
  });
  const signer = await makeCertificate({
    commonName: 'idp.example.com',
    keys: signerKeys!,
    keyType: rsa,
    issuer: intermediate,
  });
  const idp = await makeCertificate({ commonName: 'IdP signing 2026', keys: idpKeys!, keyType: rsa });
  const idp2 = await makeCertificate({ commonName: 'IdP signing 2027', keys: idp2Keys!, keyType: rsa });
  const encryption = await makeCertificate({ commonName: 'IdP encryption', keys: idp2Keys!, keyType: rsa });
  const expired = await makeCertificate({
    commonName: 'IdP signing 2024',
    keys: idpKeys!,
    keyType: rsa,
    notBefore: new Date(NOW.getTime() - 2 * YEAR),
    notAfter: new Date(NOW.getTime() - 30 * DAY),
  });
  const attacker = await makeCertificate({
    commonName: 'idp.example.com',
    keys: attackerKeys!,
    keyType: rsa,
  });
  return { root, intermediate, signer, idp, idp2, encryption, expired, attacker };
}

// ── Metadata ─────────────────────────────────────────────────────────────────────────────────

export const BINDINGS = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  artifact: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
  soap: 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
} as const;

export interface IdpMetadataOptions {
  entityId?: string;
  id?: string;
  /** Each becomes a KeyDescriptor use="signing". */
  signing?: string[];
  /** Each becomes a KeyDescriptor without `use` (signing and encryption). */
  anyUse?: string[];
  encryption?: string[];
  sso?: { binding: string; location: string }[];
  slo?: { binding: string; location: string }[];
  validUntil?: string;
  nameIdFormats?: string[];
}

/** An IdP's metadata shaped like a real one (Organization, ContactPerson, several bindings …). */
export function idpMetadataXml(options: IdpMetadataOptions): string {
  const keyDescriptor = (base64: string, use: string | null) => `
    <md:KeyDescriptor${use ? ` use="${use}"` : ''}>
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>
${base64.replace(/(.{76})/g, '$1\n')}
          </ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>${use === 'encryption' ? '\n      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>' : ''}
    </md:KeyDescriptor>`;
  const endpoints = (name: string, list: { binding: string; location: string }[]) =>
    list.map((e) => `\n    <md:${name} Binding="${e.binding}" Location="${e.location}"/>`).join('');
  const sso = options.sso ?? [
    { binding: BINDINGS.post, location: 'https://idp.example.com/idp/profile/SAML2/POST/SSO' },
    { binding: BINDINGS.redirect, location: 'https://idp.example.com/idp/profile/SAML2/Redirect/SSO' },
  ];
  const nameIdFormats = options.nameIdFormats ?? [
    'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Metadata for the Example IdP -->
<md:EntityDescriptor xmlns:md="${SAML_NS.md}" xmlns:ds="${SAML_NS.ds}"
    xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui"
    entityID="${options.entityId ?? 'https://idp.example.com/idp/shibboleth'}" ID="${options.id ?? '_f1c7a3e0b2d94e6c8a5b'}"${options.validUntil ? ` validUntil="${options.validUntil}"` : ''}>
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">
    <md:Extensions>
      <mdui:UIInfo><mdui:DisplayName xml:lang="en">Example IdP</mdui:DisplayName></mdui:UIInfo>
    </md:Extensions>${(options.signing ?? []).map((c) => keyDescriptor(c, 'signing')).join('')}${(options.anyUse ?? []).map((c) => keyDescriptor(c, null)).join('')}${(options.encryption ?? []).map((c) => keyDescriptor(c, 'encryption')).join('')}
    <md:ArtifactResolutionService Binding="${BINDINGS.soap}" Location="https://idp.example.com:8443/idp/profile/SAML2/SOAP/ArtifactResolution" index="1"/>${endpoints('SingleLogoutService', options.slo ?? [])}${nameIdFormats.map((f) => `\n    <md:NameIDFormat>${f}</md:NameIDFormat>`).join('')}${endpoints('SingleSignOnService', sso)}
  </md:IDPSSODescriptor>
  <md:Organization>
    <md:OrganizationName xml:lang="en">Example</md:OrganizationName>
    <md:OrganizationDisplayName xml:lang="en">Example Inc.</md:OrganizationDisplayName>
    <md:OrganizationURL xml:lang="en">https://www.example.com/</md:OrganizationURL>
  </md:Organization>
  <md:ContactPerson contactType="technical">
    <md:EmailAddress>mailto:it@example.com</md:EmailAddress>
  </md:ContactPerson>
</md:EntityDescriptor>
`;
}

export interface SignOptions {
  /** Certificates to publish in KeyInfo after the signer's (its chain). */
  chain?: TestCert[];
  algorithm?: 'rsa-sha256' | 'rsa-sha1' | 'ecdsa-sha256';
  /** xpath of the element to sign; the root by default. */
  xpath?: string;
  /** Put the signature inside this element (xpath) instead of first in the signed one. */
  location?: string;
  /** Reference URI="" (the whole document) instead of "#<ID>". */
  emptyUri?: boolean;
}

const SIGNATURE_ALGORITHMS = {
  'rsa-sha256': XMLDSIG.rsaSha256,
  'rsa-sha1': 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'ecdsa-sha256': XMLDSIG.ecdsaSha256,
} as const;

/** An enveloped signature, as IdPs sign their metadata (xml-crypto, exclusive c14n). */
export function signXml(xml: string, signer: TestCert, options: SignOptions = {}): string {
  const algorithm = options.algorithm ?? (signer.keyType.startsWith('rsa') ? 'rsa-sha256' : 'ecdsa-sha256');
  const sig = new SignedXml({
    privateKey: signer.privateKeyPem,
    // Every PEM in publicCert goes into KeyInfo/X509Data, signer first.
    publicCert: [signer, ...(options.chain ?? [])].map((c) => c.pem).join(''),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[algorithm],
    canonicalizationAlgorithm: XMLDSIG.excC14n,
  });
  addEcdsaAlgorithms(sig);
  const xpath = options.xpath ?? '/*';
  sig.addReference({
    xpath,
    transforms: [XMLDSIG.enveloped, XMLDSIG.excC14n],
    digestAlgorithm: algorithm === 'rsa-sha1' ? 'http://www.w3.org/2000/09/xmldsig#sha1' : XMLDSIG.sha256,
    isEmptyUri: options.emptyUri ?? false,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: options.location ?? xpath, action: options.location ? 'append' : 'prepend' },
  });
  return sig.getSignedXml();
}

function parse(xml: string) {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function descendants(root: Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

/**
 * Signature wrapping: the IdP's genuinely signed EntityDescriptor (signature and all) is moved
 * into an attacker's EntityDescriptor, whose own endpoints and certificate are what a careless
 * verifier would read. `keepSignatureOnRoot` moves the signature up to the evil root as well.
 */
export function wrapSignedMetadata(
  signedXml: string,
  attacker: TestCert,
  options: { keepSignatureOnRoot: boolean },
): string {
  const original = parse(signedXml);
  const evil = parse(
    idpMetadataXml({
      entityId: 'https://evil.example.net/idp',
      id: '_evil',
      signing: [attacker.base64],
      sso: [{ binding: BINDINGS.redirect, location: 'https://evil.example.net/sso' }],
    }),
  );
  const evilRoot = evil.documentElement!;
  const legit = evil.importNode(original.documentElement!, true) as Element;
  const signature = descendants(legit, SAML_NS.ds, 'Signature')[0]!;
  if (options.keepSignatureOnRoot) {
    legit.removeChild(signature);
    evilRoot.insertBefore(signature, evilRoot.firstChild);
  }
  // The signed element hides in an Extensions element, which schema-validating parsers allow.
  const extensions = evil.createElementNS(SAML_NS.md, 'md:Extensions');
  extensions.appendChild(legit);
  const descriptor = descendants(evilRoot, SAML_NS.md, 'IDPSSODescriptor')[0]!;
  evilRoot.insertBefore(extensions, descriptor);
  return new XMLSerializer().serializeToString(evil);
}

/** A PKCS#12 file (3DES, as many tools still write them) made with node-forge. */
export function makePkcs12(options: {
  key: TestCert | null;
  certificates: TestCert[];
  password: string;
  algorithm?: '3des' | 'aes256';
}): Buffer {
  const key = options.key ? forge.pki.privateKeyFromPem(options.key.privateKeyPem) : null;
  const certificates = options.certificates.map((c) => forge.pki.certificateFromPem(c.pem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    key as forge.pki.rsa.PrivateKey | null,
    certificates,
    options.password,
    {
      algorithm: options.algorithm ?? '3des',
    },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
