/**
 * X.509 for SAML: reading an IdP's signing certificate, making Tessera's own (SP) certificate, and
 * importing a CA-signed one (S1, C2).
 *
 * Node's X509Certificate does the parsing and the signature checks (OpenSSL underneath); @peculiar/x509
 * builds new certificates on Node's WebCrypto; node-forge reads PKCS#12, which Node cannot, and the
 * one certificate field Node 20 does not expose (the signature algorithm, from the DER).
 * Every refusal is an AppError with a stable `certificate.<code>` reason and never carries key material.
 */
import {
  createPrivateKey,
  createPublicKey,
  KeyObject,
  randomBytes,
  webcrypto,
  X509Certificate,
} from 'node:crypto';
import { rootCertificates } from 'node:tls';
import forge from 'node-forge';
import { ADMIN_LIMITS, type CertificateInfo, type IdpCertificate } from '../../../shared/admin/schemas';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';

/** A certificate Tessera signs with, ready to store: the private key goes to the keychain. */
export interface SpCertificateMaterial {
  certificatePem: string;
  /** Intermediates, issuer of the leaf first (empty for self-signed). */
  chainPems: string[];
  /** PKCS#8, unencrypted: the keychain protects it. */
  privateKeyPem: string;
  info: CertificateInfo;
}

export type SpKeyType = 'rsa-2048' | 'rsa-3072' | 'p-256';

export type CaSignedCertificateInput =
  | {
      kind: 'pem';
      /** Leaf first, then the intermediates. */
      certificatesPem: string;
      privateKeyPem: string;
      passphrase?: string;
    }
  | { kind: 'pkcs12'; data: Buffer; password: string };

/** S1: Tessera's own certificates last five years. */
export const SP_CERTIFICATE_YEARS = 5;

// X.520's upper bound for a common name.
const COMMON_NAME_MAX = 64;

const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

const STRONG_HASHES = new Set(['SHA-256', 'SHA-384', 'SHA-512']);

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `certificate.${reason}`, params);
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

interface PemBlock {
  label: string;
  /** The whole block, boundaries included, as found. */
  text: string;
  /** The base64 body without whitespace (and without RFC 1421 headers, which keys may carry). */
  body: string;
}

function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(/-----BEGIN ([A-Z0-9 ]{1,48})-----([\s\S]*?)-----END \1-----/g)) {
    const inner = match[2]!;
    const headerEnd = inner.search(/\r?\n\r?\n/);
    const withoutHeaders = inner.includes(':') && headerEnd >= 0 ? inner.slice(headerEnd) : inner;
    blocks.push({ label: match[1]!, text: match[0], body: withoutHeaders.replace(/\s+/g, '') });
  }
  return blocks;
}

function strictBase64(body: string): Buffer | null {
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  return Buffer.from(body, 'base64');
}

function certificateFromDer(der: Buffer | null): X509Certificate | null {
  if (!der) return null;
  try {
    return new X509Certificate(der);
  } catch {
    return null;
  }
}

const MALFORMED_MESSAGE =
  'This is not a valid X.509 certificate. Paste the certificate in PEM format (-----BEGIN CERTIFICATE----- …) or its base64 body.';

/**
 * One certificate from PEM text or from a bare base64 body (as metadata's <ds:X509Certificate>
 * carries it). Anything else — two certificates, a key, garbage — is refused rather than guessed at.
 */
function readSingleCertificate(text: string): X509Certificate {
  const blocks = pemBlocks(text);
  if (blocks.length === 0) {
    if (text.includes('-----BEGIN')) throw invalid('malformed', MALFORMED_MESSAGE);
    const cert = certificateFromDer(strictBase64(text.replace(/\s+/g, '')));
    if (!cert) throw invalid('malformed', MALFORMED_MESSAGE);
    return cert;
  }
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length === 0 || blocks.some((block) => block.label.includes('PRIVATE KEY')))
    throw invalid('malformed', MALFORMED_MESSAGE);
  if (certificates.length > 1)
    throw invalid(
      'several',
      'This text holds more than one certificate. Paste only the identity provider’s signing certificate.',
    );
  const cert = certificateFromDer(strictBase64(certificates[0]!.body));
  if (!cert) throw invalid('malformed', MALFORMED_MESSAGE);
  return cert;
}

function dn(value: string): string {
  // Node gives one RDN a line; one line reads better in a table.
  return value.split('\n').join(', ');
}

function keyAlgorithm(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `RSA ${details.modulusLength ?? '?'}`;
    case 'rsa-pss':
      return `RSA-PSS ${details.modulusLength ?? '?'}`;
    case 'dsa':
      return `DSA ${details.modulusLength ?? '?'}`;
    case 'ec':
      return `EC ${CURVE_NAMES[details.namedCurve ?? ''] ?? details.namedCurve ?? '?'}`;
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return (key.asymmetricKeyType ?? 'unknown').toUpperCase();
  }
}

const notBefore = (cert: X509Certificate) => new Date(cert.validFrom);
const notAfter = (cert: X509Certificate) => new Date(cert.validTo);

function isSelfSigned(cert: X509Certificate): boolean {
  return cert.issuer === cert.subject && cert.verify(cert.publicKey);
}

function describe(cert: X509Certificate): CertificateInfo {
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    notBefore: notBefore(cert).toISOString(),
    notAfter: notAfter(cert).toISOString(),
    fingerprintSha256: cert.fingerprint256,
    keyAlgorithm: keyAlgorithm(cert.publicKey),
    selfSigned: isSelfSigned(cert),
  };
}

function toPem(cert: X509Certificate): string {
  return cert.toString();
}

/** What the admin sees of a certificate (the PEM is one that already parsed). */
export function certificateInfo(pem: string): CertificateInfo {
  return describe(readSingleCertificate(pem));
}

function checkValidity(cert: X509Certificate, now: Date, options: { allowExpired?: boolean } = {}): void {
  const from = notBefore(cert);
  const until = notAfter(cert);
  if (from.getTime() > now.getTime())
    throw invalid(
      'notYetValid',
      `This certificate is not valid until ${from.toISOString()}. Check the computer's clock, or use a certificate that is already valid.`,
      { notBefore: from.toISOString() },
    );
  if (!options.allowExpired && until.getTime() < now.getTime())
    throw invalid(
      'expired',
      `This certificate expired on ${until.toISOString()}. Ask for a current certificate.`,
      { notAfter: until.toISOString() },
    );
}

/** Keys an IdP may sign with: RSA of 2048 bits or more, or a NIST curve. */
function isAcceptableIdpKey(key: KeyObject): boolean {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')
    return (details.modulusLength ?? 0) >= 2048;
  if (key.asymmetricKeyType === 'ec')
    return ['P-256', 'P-384', 'P-521'].includes(CURVE_NAMES[details.namedCurve ?? ''] ?? '');
  return false;
}

/**
 * An IdP's signing certificate (from metadata or pasted into the manual form). Its own signature and
 * issuer do not matter — it is pinned, not chained — but its dates and key do.
 */
export function parseCertificatePem(
  text: string,
  now: Date,
  options: { allowExpired?: boolean } = {},
): IdpCertificate {
  if (Buffer.byteLength(text, 'utf8') > ADMIN_LIMITS.certificateMaxBytes)
    throw invalid('tooLarge', 'This is too large to be a certificate.');
  const cert = readSingleCertificate(text.trim());
  checkValidity(cert, now, options);
  if (!isAcceptableIdpKey(cert.publicKey)) {
    const algorithm = keyAlgorithm(cert.publicKey);
    throw invalid(
      'weakKey',
      `This certificate's key (${algorithm}) is too weak or not supported. Tessera accepts RSA keys of at least 2048 bits and EC keys on P-256, P-384 or P-521.`,
      { keyAlgorithm: algorithm },
    );
  }
  return { ...describe(cert), pem: toPem(cert) };
}

// ── Chains ───────────────────────────────────────────────────────────────────────────────────

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  // checkIssued compares names (and key identifiers); verify proves the parent's key signed it.
  return child.checkIssued(parent) && child.verify(parent.publicKey);
}

function isValidAt(cert: X509Certificate, now: Date): boolean {
  return notBefore(cert).getTime() <= now.getTime() && now.getTime() <= notAfter(cert).getTime();
}

let defaultRoots: X509Certificate[] | null = null;

function parseRoots(pems: readonly string[]): X509Certificate[] {
  return pems.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
}

/** Node's bundled Mozilla root store (the public roots S3 means), unless a test injects its own. */
function trustedRoots(trustedRootsPem?: readonly string[]): X509Certificate[] {
  if (trustedRootsPem) return parseRoots(trustedRootsPem);
  defaultRoots ??= parseRoots(rootCertificates);
  return defaultRoots;
}

function topIsTrusted(top: X509Certificate, roots: X509Certificate[], now: Date): boolean {
  return roots.some(
    (root) => isValidAt(root, now) && (root.fingerprint256 === top.fingerprint256 || issuedBy(top, root)),
  );
}

/**
 * Whether `leafPem` chains, through any of `intermediatesPem` (in any order), to a trusted root,
 * every certificate on the way valid at `now` and every issuer a CA.
 */
export function chainsToTrustedRoot(
  leafPem: string,
  intermediatesPem: readonly string[],
  now: Date,
  trustedRootsPem?: readonly string[],
): boolean {
  let current: X509Certificate;
  try {
    current = new X509Certificate(leafPem);
  } catch {
    return false;
  }
  if (!isValidAt(current, now)) return false;
  const pool = parseRoots(intermediatesPem);
  const roots = trustedRoots(trustedRootsPem);
  // Bounded by the pool: every step uses up one intermediate.
  for (;;) {
    if (topIsTrusted(current, roots, now)) return true;
    const index = pool.findIndex((c) => c.ca && isValidAt(c, now) && issuedBy(current, c));
    if (index < 0) return false;
    current = pool.splice(index, 1)[0]!;
  }
}

// ── Tessera's own certificate ────────────────────────────────────────────────────────────────

type X509Module = typeof import('@peculiar/x509');
let x509Module: Promise<X509Module> | null = null;

/**
 * @peculiar/x509 on Node's WebCrypto, loaded on first use. It registers its algorithms through
 * tsyringe, which refuses to load without the Reflect metadata API: the polyfill comes first.
 */
export function loadX509(): Promise<X509Module> {
  x509Module ??= import('reflect-metadata')
    .then(() => import('@peculiar/x509'))
    .then((x509) => {
      // Otherwise it looks for a global `crypto`; make the choice explicit.
      x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
      return x509;
    });
  return x509Module;
}

function serialNumber(): string {
  // RFC 5280 §4.1.2.2: positive, at most 20 octets; 16 random octets, top bit clear, first nonzero.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** S1: a self-signed certificate for signing AuthnRequests and SP metadata, valid five years. */
export async function generateSelfSignedSpCertificate(options: {
  commonName: string;
  keyType: SpKeyType;
  now: Date;
}): Promise<SpCertificateMaterial> {
  const commonName = options.commonName.trim();
  // @peculiar/x509 2.2 round-trips names through its DN string form, which drops quotes and
  // backslashes (`a "b"` becomes `b`): refuse them rather than issue a certificate for another name.
  if (commonName.length === 0 || commonName.length > COMMON_NAME_MAX || /["\\\p{Cc}]/u.test(commonName))
    throw invalid(
      'commonName',
      `The certificate's name must be 1 to ${COMMON_NAME_MAX} characters, without quotes, backslashes or control characters.`,
      { max: COMMON_NAME_MAX },
    );
  const x509 = await loadX509();
  const rsa = options.keyType !== 'p-256';
  const keyParams = rsa
    ? {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: options.keyType === 'rsa-3072' ? 3072 : 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      }
    : { name: 'ECDSA', namedCurve: 'P-256' };
  const keys = (await webcrypto.subtle.generateKey(keyParams, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const notAfterDate = new Date(options.now.getTime());
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + SP_CERTIFICATE_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    // The JSON form: no DN-string escaping for whatever the admin typed.
    name: [{ CN: [commonName] }],
    notBefore: options.now,
    notAfter: notAfterDate,
    keys,
    signingAlgorithm: rsa
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        rsa
          ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
          : x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const cert = new X509Certificate(Buffer.from(certificate.rawData));
  const privateKeyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certificatePem: toPem(cert), chainPems: [], privateKeyPem, info: describe(cert) };
}

// ── Importing a CA-signed certificate ────────────────────────────────────────────────────────

interface Material {
  /** Leaf first, then each one's issuer. */
  certificates: X509Certificate[];
  key: KeyObject;
}

function readPemMaterial(input: Extract<CaSignedCertificateInput, { kind: 'pem' }>): Material {
  if (
    Buffer.byteLength(input.certificatesPem, 'utf8') > ADMIN_LIMITS.certificateMaxBytes ||
    Buffer.byteLength(input.privateKeyPem, 'utf8') > ADMIN_LIMITS.certificateMaxBytes
  )
    throw invalid('tooLarge', 'The certificate or key text is too large. Paste only the PEM blocks.');
  const blocks = pemBlocks(input.certificatesPem).filter((block) => block.label === 'CERTIFICATE');
  if (blocks.length === 0)
    throw invalid(
      'noCertificate',
      'No certificate was found. Paste the certificate in PEM format (-----BEGIN CERTIFICATE----- …), followed by its intermediates.',
    );
  const certificates = blocks.map((block, index) => {
    const cert = certificateFromDer(strictBase64(block.body));
    if (!cert)
      throw invalid('malformed', `Certificate ${index + 1} in the list is not a valid X.509 certificate.`, {
        position: index + 1,
      });
    return cert;
  });
  const keyBlocks = pemBlocks(input.privateKeyPem).filter((block) => block.label.endsWith('PRIVATE KEY'));
  if (keyBlocks.length === 0)
    throw invalid(
      'noKey',
      'No private key was found. Paste the private key in PEM format (-----BEGIN PRIVATE KEY----- …).',
    );
  if (keyBlocks.length > 1)
    throw invalid('keyMalformed', 'More than one private key was pasted. Paste only the certificate’s key.');
  const block = keyBlocks[0]!;
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,\s*ENCRYPTED/.test(block.text);
  if (encrypted && !input.passphrase)
    throw invalid('passphraseRequired', 'The private key is encrypted. Enter its passphrase.');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: block.text, format: 'pem', passphrase: input.passphrase });
  } catch {
    if (encrypted)
      throw invalid('wrongPassword', 'The passphrase is wrong: the private key could not be decrypted.');
    throw invalid(
      'keyMalformed',
      'The private key could not be read. Paste it in PEM format (PKCS#8 or PKCS#1).',
    );
  }
  return { certificates, key };
}

function forgeDer(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

/** OpenSSL and Windows use 2,048–600,000 rounds; a million is generous, and still quick to refuse. */
const PKCS12_MAX_ITERATIONS = 1_000_000;

/**
 * The largest iteration count in the file's clear parts: MacData's, and those of PBE parameters
 * (a SEQUENCE of salt OCTET STRING then INTEGER). OCTET STRINGs that hold DER (SafeContents, bags)
 * are opened too, so shrouded key bags outside encrypted content are seen as well.
 */
function largestIterationCount(node: forge.asn1.Asn1, depth = 0): number {
  if (depth > 32) return Infinity;
  const { asn1 } = forge;
  if (!Array.isArray(node.value)) {
    if (
      node.type === asn1.Type.OCTETSTRING &&
      node.tagClass === asn1.Class.UNIVERSAL &&
      node.value.length > 2
    ) {
      try {
        return largestIterationCount(asn1.fromDer(forge.util.createBuffer(node.value), true), depth + 1);
      } catch {
        return 0;
      }
    }
    return 0;
  }
  const children = node.value;
  let largest = 0;
  children.forEach((child, index) => {
    const previous = children[index - 1];
    if (
      child.type === asn1.Type.INTEGER &&
      typeof child.value === 'string' &&
      previous?.type === asn1.Type.OCTETSTRING
    ) {
      const bytes = child.value;
      // More than 4 bytes is beyond 2^31 already.
      const count =
        bytes.length > 4
          ? Infinity
          : forge.util.bytesToHex(bytes)
            ? parseInt(forge.util.bytesToHex(bytes), 16)
            : 0;
      largest = Math.max(largest, count);
    }
    largest = Math.max(largest, largestIterationCount(child, depth + 1));
  });
  return largest;
}

function readPkcs12Material(input: Extract<CaSignedCertificateInput, { kind: 'pkcs12' }>): Material {
  if (input.data.length > ADMIN_LIMITS.pkcs12MaxBytes)
    throw invalid('tooLarge', 'This file is too large to be a certificate and key (PKCS#12).');
  // forge's key derivation costs time in the password's length: refuse what no one types.
  if (input.password.length > ADMIN_LIMITS.passwordMax)
    throw invalid('wrongPassword', 'The password is wrong: the file could not be opened.');
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(input.data.toString('binary')));
    // The file chooses how long forge (pure JS) derives keys: refuse absurd counts before deriving.
    if (largestIterationCount(asn1) > PKCS12_MAX_ITERATIONS)
      throw invalid(
        'malformed',
        'This PKCS#12 file asks for an unreasonable number of key-derivation rounds. Export it again with standard settings.',
      );
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, input.password);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : '';
    // forge's words for a failed MAC or a failed decryption: both mean the password.
    if (/password|decrypt/i.test(message))
      throw invalid('wrongPassword', 'The password is wrong: the file could not be opened.');
    throw invalid('malformed', 'This file is not a PKCS#12 (.p12 / .pfx) file, or it is damaged.');
  }
  const keyBags = [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!].flatMap(
    (bagType) => pfx.getBags({ bagType })[bagType] ?? [],
  );
  const certBags = pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  if (keyBags.length === 0)
    throw invalid('noKey', 'The file holds no private key. Export the certificate together with its key.');
  if (keyBags.length > 1)
    throw invalid(
      'keyMalformed',
      'The file holds more than one private key. Export only this certificate’s key.',
    );
  if (certBags.length === 0) throw invalid('noCertificate', 'The file holds no certificate.');
  const keyBag = keyBags[0]!;
  let key: KeyObject;
  try {
    // forge understands RSA keys only; for others it hands back the PKCS#8 structure, which Node reads.
    const der = keyBag.key
      ? forgeDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)))
      : forgeDer(keyBag.asn1);
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw invalid('keyMalformed', 'The private key in the file could not be read.');
  }
  const certificates = certBags.map((bag, index) => {
    let cert: X509Certificate | null = null;
    try {
      // The cached TBSCertificate keeps the signed bytes exactly as they were.
      cert = certificateFromDer(forgeDer(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1));
    } catch {
      cert = null;
    }
    if (!cert)
      throw invalid('malformed', `Certificate ${index + 1} in the file is not a valid X.509 certificate.`, {
        position: index + 1,
      });
    return cert;
  });
  return { certificates: orderChain(certificates, key), key };
}

const sameKey = (cert: X509Certificate, key: KeyObject): boolean =>
  cert.publicKey
    .export({ type: 'spki', format: 'der' })
    .equals(createPublicKey(key).export({ type: 'spki', format: 'der' }));

/** PKCS#12 bags come in no particular order: the key's certificate first, then issuer after issuer. */
function orderChain(certificates: X509Certificate[], key: KeyObject): X509Certificate[] {
  const leafIndex = certificates.findIndex((cert) => sameKey(cert, key));
  if (leafIndex < 0) return certificates; // the key check reports it
  const pool = [...certificates];
  const ordered = pool.splice(leafIndex, 1);
  for (;;) {
    const last = ordered[ordered.length - 1]!;
    if (isSelfSigned(last)) break;
    const index = pool.findIndex((cert) => issuedBy(last, cert));
    if (index < 0) break;
    ordered.push(pool.splice(index, 1)[0]!);
  }
  // Anything not on the leaf's path is left at the end, where the chain check names it.
  return [...ordered, ...pool];
}

function isAcceptableSpKey(key: KeyObject): boolean {
  const details = key.asymmetricKeyDetails ?? {};
  // RSA-PSS-only keys are refused: XML signatures here are PKCS#1 v1.5 (rsa-sha256).
  if (key.asymmetricKeyType === 'rsa') return (details.modulusLength ?? 0) >= 2048;
  return key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1';
}

// Signature algorithms by OID (RFC 4055, RFC 5758) and the hash each uses.
const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5',
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const DIGEST_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

function oidOf(node: forge.asn1.Asn1 | undefined): string | null {
  return node && node.type === forge.asn1.Type.OID && typeof node.value === 'string'
    ? forge.asn1.derToOid(node.value)
    : null;
}

/** The hash of the certificate's own signature (Certificate.signatureAlgorithm, RFC 5280 §4.1.1.2). */
function signatureHash(cert: X509Certificate): string | null {
  try {
    const certificate = forge.asn1.fromDer(forge.util.createBuffer(cert.raw.toString('binary')));
    const [algorithm, parameters] = children(children(certificate)[1]);
    const oid = oidOf(algorithm);
    if (oid !== RSASSA_PSS) return oid ? (SIGNATURE_HASHES[oid] ?? null) : null;
    // RSASSA-PSS-params: hashAlgorithm [0] defaults to SHA-1 (RFC 4055 §3.1).
    const hashField = children(parameters).find(
      (field) => field.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && field.type === 0,
    );
    if (!hashField) return 'SHA-1';
    const hashOid = oidOf(children(children(hashField)[0])[0]);
    return hashOid ? (DIGEST_NAMES[hashOid] ?? null) : null;
  } catch {
    return null;
  }
}

function checkMaterial(material: Material, now: Date, trustedRootsPem?: readonly string[]): void {
  const { certificates, key } = material;
  const leaf = certificates[0]!;
  if (!sameKey(leaf, key))
    throw invalid(
      'keyMismatch',
      'The private key does not belong to the certificate. Check that you picked the key that was created with this certificate’s request.',
    );
  checkValidity(leaf, now);
  if (!isAcceptableSpKey(key)) {
    const algorithm = keyAlgorithm(leaf.publicKey);
    throw invalid(
      'weakKey',
      `The certificate's key (${algorithm}) is not accepted. Use an RSA key of at least 2048 bits or an EC P-256 key.`,
      { keyAlgorithm: algorithm },
    );
  }
  certificates.forEach((cert, index) => {
    // A root's signature on itself proves nothing, so its algorithm does not matter.
    if (index > 0 && isSelfSigned(cert)) return;
    const hash = signatureHash(cert);
    if (!hash || !STRONG_HASHES.has(hash))
      throw invalid(
        'weakSignature',
        `Certificate ${index + 1} (${dn(cert.subject)}) is signed with ${hash ?? 'an unsupported algorithm'}. Ask the CA for a certificate signed with SHA-256 or better.`,
        { position: index + 1, subject: dn(cert.subject) },
      );
  });
  for (let index = 0; index + 1 < certificates.length; index++) {
    const child = certificates[index]!;
    const parent = certificates[index + 1]!;
    if (!parent.ca || !issuedBy(child, parent))
      throw invalid(
        'chainBroken',
        `The chain is broken: certificate ${index + 2} (${dn(parent.subject)}) did not issue certificate ${index + 1} (${dn(child.subject)}). List the certificate first, then each issuer in order.`,
        { position: index + 2 },
      );
    if (!isValidAt(parent, now))
      throw invalid(
        'chainExpired',
        `The intermediate certificate ${dn(parent.subject)} is not valid now (valid ${notBefore(parent).toISOString()} to ${notAfter(parent).toISOString()}). Get the CA's current intermediate certificate.`,
        { subject: dn(parent.subject), notAfter: notAfter(parent).toISOString() },
      );
  }
  const top = certificates[certificates.length - 1]!;
  if (!topIsTrusted(top, trustedRoots(trustedRootsPem), now))
    throw invalid(
      'untrustedChain',
      `The chain does not lead to a trusted public root (the last certificate was issued by ${dn(top.issuer)}). Add the missing intermediate certificates, or use a certificate from a public CA.`,
      { issuer: dn(top.issuer) },
    );
}

/** S1/C2 "signed by a public CA": the certificate, its chain and its key, checked before anything is stored. */
export function importCaSignedCertificate(
  input: CaSignedCertificateInput,
  now: Date,
  trustedRootsPem?: readonly string[],
): SpCertificateMaterial {
  const material = input.kind === 'pem' ? readPemMaterial(input) : readPkcs12Material(input);
  checkMaterial(material, now, trustedRootsPem);
  const [leaf, ...chain] = material.certificates;
  return {
    certificatePem: toPem(leaf!),
    chainPems: chain.map(toPem),
    privateKeyPem: material.key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    info: describe(leaf!),
  };
}
