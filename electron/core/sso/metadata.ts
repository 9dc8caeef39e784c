/**
 * IdP SAML metadata (S3), read as hostile input: size and DTDs are refused before parsing, the XML
 * must be well-formed, lookups go by namespace (never by prefix), and when the metadata is signed
 * only what the signature covers is read — a signature over some other element (signature
 * wrapping) is refused rather than half-trusted. Every refusal is an AppError with a
 * `metadata.<code>` reason and a message the admin can act on.
 *
 * Trust (S3): a signature whose certificate chains to a public root → "public-root" (more secure);
 * any other valid signature → "self-signed"; none → "unsigned". The metadata's signing certificates
 * are pinned either way: none is ever taken from a SAML response.
 */
import {
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign as cryptoSign,
  verify as cryptoVerify,
  X509Certificate,
  type BinaryLike,
  type KeyLike,
} from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { createOptionalCallbackFunction, SignedXml, type SignatureAlgorithm } from 'xml-crypto';
import {
  ADMIN_LIMITS,
  isAllowedEndpoint,
  type CertificateInfo,
  type IdpCertificate,
  type SamlBinding,
} from '../../../shared/admin/schemas';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { chainsToTrustedRoot, parseCertificatePem } from './certificates';
import { templatedIdentifierFix } from './templated-id';
import { childElements, ELEMENT_NODE, firstChild, is, parseXmlStrict } from './xml';

/** A signer and its chain; more certificates than this in one KeyInfo is not a real signature. */
const MAX_SIGNATURE_CERTIFICATES = 5;

export const SAML_NS = {
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
} as const;

const BINDINGS: Record<string, SamlBinding> = {
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect': 'HTTP-Redirect',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST': 'HTTP-POST',
};

export interface SamlEndpoint {
  binding: SamlBinding;
  location: string;
}

export interface ParsedIdpMetadata {
  entityId: string;
  /** The endpoint sign-ins use: HTTP-Redirect when offered, else HTTP-POST. */
  sso: SamlEndpoint;
  /** Every usable SSO endpoint, in document order. */
  ssoServices: SamlEndpoint[];
  slo: SamlEndpoint | null;
  /** Every certificate of a KeyDescriptor with use="signing" or no use, without duplicates. */
  signingCertificates: IdpCertificate[];
  /**
   * Certificates of a rollover set that have expired (C1): left out of `signingCertificates`,
   * which keeps the valid ones. When every one has expired, the metadata is refused instead.
   */
  expiredCertificates: CertificateInfo[];
  nameIdFormats: string[];
  trust: 'public-root' | 'self-signed' | 'unsigned';
  /** Who signed the metadata (null when unsigned). */
  signer: CertificateInfo | null;
  /** The earliest validUntil of the entity (and its container and IdP descriptor), ISO 8601. */
  validUntil: string | null;
}

export interface ManualIdpInput {
  entityId: string;
  ssoUrl: string;
  ssoBinding: SamlBinding;
  /** Empty or absent: no single logout. */
  sloUrl?: string | null;
  certificatePem: string;
}

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `metadata.${reason}`, params);
}

// ── XML signature algorithms ─────────────────────────────────────────────────────────────────

const ECDSA_HASHES: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': 'sha384',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': 'sha512',
};

/**
 * ECDSA for XML-DSig (RFC 6931 §2.3.6), which xml-crypto does not ship. The signature value is
 * r ‖ s, each padded to the curve size (XML-DSig 1.1 §6.4.3) — Node's "ieee-p1363" encoding.
 */
function ecdsaAlgorithm(uri: string, hash: string): new () => SignatureAlgorithm {
  const bytes = (data: BinaryLike) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return class EcdsaSignature implements SignatureAlgorithm {
    getSignature = createOptionalCallbackFunction((signedInfo: BinaryLike, privateKey: KeyLike): string =>
      cryptoSign(hash, bytes(signedInfo), {
        key: privateKey instanceof KeyObject ? privateKey : createPrivateKey(privateKey),
        dsaEncoding: 'ieee-p1363',
      }).toString('base64'),
    );
    verifySignature = createOptionalCallbackFunction(
      (material: string, key: KeyLike, signatureValue: string): boolean =>
        cryptoVerify(
          hash,
          Buffer.from(material, 'utf8'),
          { key: createPublicKey(key), dsaEncoding: 'ieee-p1363' },
          Buffer.from(signatureValue, 'base64'),
        ),
    );
    getAlgorithmName = () => uri;
  };
}

/** Adds ECDSA (SHA-256/384/512) to a SignedXml, for signing and verifying. */
export function addEcdsaAlgorithms(signedXml: SignedXml): void {
  for (const [uri, hash] of Object.entries(ECDSA_HASHES))
    signedXml.SignatureAlgorithms[uri] = ecdsaAlgorithm(uri, hash);
}

export const XMLDSIG = {
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

// SHA-256 or better only; xml-crypto would also accept SHA-1.
export const ACCEPTED_SIGNATURE_METHODS = new Set([
  XMLDSIG.rsaSha256,
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
  ...Object.keys(ECDSA_HASHES),
]);
export const ACCEPTED_DIGESTS = new Set([XMLDSIG.sha256, 'http://www.w3.org/2001/04/xmlenc#sha512']);

/** Well-formed XML, or an error the admin can act on. */
function parseStrictXml(xml: string): Document {
  try {
    return parseXmlStrict(xml);
  } catch {
    throw invalid(
      'notXml',
      'This file is not well-formed XML, so it cannot be SAML metadata. Download the metadata again from the identity provider.',
    );
  }
}

// ── Signature ────────────────────────────────────────────────────────────────────────────────

interface VerifiedSignature {
  /** The root element exactly as signed (the signature itself removed). */
  signedRoot: Element;
  signerPem: string;
  /** The other certificates in the signature's KeyInfo, offered as intermediates. */
  otherPems: string[];
}

function certificatePemFromBase64(text: string): string | null {
  const body = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  try {
    return new X509Certificate(Buffer.from(body, 'base64')).toString();
  } catch {
    return null;
  }
}

const signatureInvalid = (detail: string) =>
  invalid(
    'signatureInvalid',
    `The metadata's signature is not valid (${detail}). The file may have been changed after it was signed: download it again from the identity provider.`,
    { detail },
  );

function verifyRootSignature(xml: string, root: Element, signature: Element): VerifiedSignature {
  const signedInfo = childElements(signature, SAML_NS.ds, 'SignedInfo');
  if (signedInfo.length !== 1) throw signatureInvalid('no single SignedInfo');
  const method = firstChild(signedInfo[0]!, SAML_NS.ds, 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  const references = childElements(signedInfo[0]!, SAML_NS.ds, 'Reference');
  const digests = references.map(
    (reference) => firstChild(reference, SAML_NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? '',
  );
  const weak = ACCEPTED_SIGNATURE_METHODS.has(method)
    ? digests.find((algorithm) => !ACCEPTED_DIGESTS.has(algorithm))
    : method;
  if (weak !== undefined)
    throw invalid(
      'weakSignature',
      `The metadata is signed with ${weak || 'an unnamed algorithm'}, which Tessera does not accept. Ask the identity provider to sign its metadata with RSA-SHA256 or better.`,
      { algorithm: weak },
    );
  if (references.length !== 1) throw signatureInvalid('it must cover exactly one element');
  // The reference must name the root itself: a signature over any other element proves nothing
  // about the root, however valid it is (XML signature wrapping).
  const rootId = root.getAttribute('ID') ?? '';
  const uri = references[0]!.getAttribute('URI');
  if (!(uri === '' || (rootId !== '' && uri === `#${rootId}`)))
    throw signatureInvalid('it does not cover the whole metadata');

  // Each candidate costs a full verification of the document: count them, distinct, bounded (a
  // real signer sends itself and its chain; hundreds of copies are an attempt to stall us).
  const candidates: string[] = [];
  for (const keyInfo of childElements(signature, SAML_NS.ds, 'KeyInfo'))
    for (const data of childElements(keyInfo, SAML_NS.ds, 'X509Data'))
      for (const element of childElements(data, SAML_NS.ds, 'X509Certificate')) {
        const pem = certificatePemFromBase64(element.textContent ?? '');
        if (pem && !candidates.includes(pem)) candidates.push(pem);
        if (candidates.length > MAX_SIGNATURE_CERTIFICATES)
          throw signatureInvalid(`its KeyInfo holds more than ${MAX_SIGNATURE_CERTIFICATES} certificates`);
      }
  if (candidates.length === 0)
    throw invalid(
      'signatureNoCertificate',
      'The metadata is signed, but the signature carries no certificate to check it with. Ask the identity provider for metadata whose signature includes its certificate.',
    );

  // Usually the first certificate is the signer; the others are its chain. Try each in turn.
  for (const candidate of candidates) {
    const verifier = new SignedXml({ publicCert: candidate, getCertFromKeyInfo: () => null });
    addEcdsaAlgorithms(verifier);
    let valid = false;
    try {
      verifier.loadSignature(signature);
      valid = verifier.checkSignature(xml);
    } catch {
      valid = false;
    }
    if (!valid) continue;
    const signed = verifier.getSignedReferences();
    const loaded = verifier.getReferences();
    if (
      signed.length !== 1 ||
      loaded.length !== 1 ||
      !ACCEPTED_SIGNATURE_METHODS.has(verifier.signatureAlgorithm ?? '') ||
      !ACCEPTED_DIGESTS.has(loaded[0]!.digestAlgorithm)
    )
      throw signatureInvalid('unexpected references');
    // Read only the octets the signature vouches for: nothing from the document around them.
    const signedRoot = parseStrictXml(signed[0]!).documentElement!;
    if (
      signedRoot.namespaceURI !== root.namespaceURI ||
      signedRoot.localName !== root.localName ||
      (signedRoot.getAttribute('ID') ?? '') !== rootId
    )
      throw signatureInvalid('it does not cover the whole metadata');
    return { signedRoot, signerPem: candidate, otherPems: candidates.filter((pem) => pem !== candidate) };
  }
  throw signatureInvalid('it does not match the content or the certificate');
}

// ── Reading the entity ───────────────────────────────────────────────────────────────────────

function supportsSaml2(descriptor: Element): boolean {
  return (descriptor.getAttribute('protocolSupportEnumeration') ?? '')
    .split(/\s+/)
    .includes(SAML_NS.protocol);
}

function idpDescriptor(entity: Element): Element | undefined {
  return childElements(entity, SAML_NS.md, 'IDPSSODescriptor').find(supportsSaml2);
}

function entitiesOf(container: Element): Element[] {
  return [
    ...childElements(container, SAML_NS.md, 'EntityDescriptor'),
    ...childElements(container, SAML_NS.md, 'EntitiesDescriptor').flatMap(entitiesOf),
  ];
}

/** An IdP entity of a document, as the wizard lists them for the admin to choose one. */
export interface MetadataEntity {
  entityId: string;
  /** mdui:DisplayName (English first), else the organization's display name; null when neither. */
  displayName: string | null;
}

const MDUI = 'urn:oasis:names:tc:SAML:metadata:ui';

function displayNameOf(entity: Element): string | null {
  const descriptor = idpDescriptor(entity);
  const names = [
    ...(descriptor
      ? childElements(descriptor, SAML_NS.md, 'Extensions')
          .flatMap((extensions) => childElements(extensions, MDUI, 'UIInfo'))
          .flatMap((info) => childElements(info, MDUI, 'DisplayName'))
      : []),
    ...childElements(entity, SAML_NS.md, 'Organization').flatMap((organization) =>
      childElements(organization, SAML_NS.md, 'OrganizationDisplayName'),
    ),
  ];
  const english = names.find(
    (name) => name.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') === 'en',
  );
  const text = ((english ?? names[0])?.textContent ?? '').trim();
  return text ? text.slice(0, ADMIN_LIMITS.nameMax) : null;
}

/**
 * The one IdP entity: the root, or in an EntitiesDescriptor (a federation's aggregate) the IdP the
 * admin chose by entity ID — or the only one there is. Its ancestors come along for validUntil.
 */
function pickEntity(root: Element, chosen: string | undefined): { entity: Element; containers: Element[] } {
  if (is(root, SAML_NS.md, 'EntityDescriptor')) {
    if (chosen !== undefined && (root.getAttribute('entityID') ?? '').trim() !== chosen)
      throw entityNotFound(chosen);
    return { entity: root, containers: [] };
  }
  const entities = entitiesOf(root);
  if (entities.length === 0)
    throw invalid(
      'notEntityDescriptor',
      'This XML is not SAML metadata (no md:EntityDescriptor). Download the identity provider’s SAML 2.0 metadata.',
    );
  const idps = entities.filter((entity) => idpDescriptor(entity));
  if (idps.length === 0) throw noIdpDescriptor();
  let entity: Element;
  if (chosen !== undefined) {
    const matching = idps.filter((candidate) => (candidate.getAttribute('entityID') ?? '').trim() === chosen);
    if (matching.length === 0) throw entityNotFound(chosen);
    if (matching.length > 1)
      throw invalid(
        'duplicateEntity',
        `This file describes the identity provider ${chosen.slice(0, 200)} more than once. Ask the federation for corrected metadata.`,
        { entityId: chosen.slice(0, ADMIN_LIMITS.urlMax) },
      );
    entity = matching[0]!;
  } else if (idps.length > 1) {
    throw invalid(
      'severalEntities',
      `This file describes ${idps.length} identity providers. Choose the one you are adding.`,
      { count: idps.length },
    );
  } else entity = idps[0]!;
  const containers: Element[] = [];
  for (let parent = entity.parentNode; parent && parent.nodeType === ELEMENT_NODE; parent = parent.parentNode)
    containers.push(parent as Element);
  return { entity, containers };
}

const entityNotFound = (entityId: string) =>
  invalid(
    'entityNotFound',
    `This file does not describe the identity provider ${entityId.slice(0, 200)}. Choose one of the identity providers it lists.`,
    { entityId: entityId.slice(0, ADMIN_LIMITS.urlMax) },
  );

const noIdpDescriptor = () =>
  invalid(
    'noIdpDescriptor',
    'This metadata describes no SAML 2.0 identity provider (no IDPSSODescriptor). Check that you downloaded the identity provider’s metadata, not a service provider’s.',
  );

// xsd:dateTime; a missing time zone is read as UTC, as SAML requires UTC anyway (SAML core §1.3.3).
const XSD_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

function validUntilOf(elements: Element[]): Date | null {
  let earliest: Date | null = null;
  for (const element of elements) {
    const raw = element.getAttribute('validUntil')?.trim();
    if (!raw) continue;
    const date = XSD_DATE_TIME.test(raw)
      ? new Date(/[Zz]|[+-]\d{2}:\d{2}$/.test(raw) ? raw : `${raw}Z`)
      : null;
    if (!date || Number.isNaN(date.getTime()))
      throw invalid('invalidValidUntil', `The metadata's validUntil date "${raw}" is not a valid date.`, {
        value: raw,
      });
    if (!earliest || date < earliest) earliest = date;
  }
  return earliest;
}

function endpoint(element: Element): SamlEndpoint | null {
  const binding = BINDINGS[element.getAttribute('Binding') ?? ''];
  if (!binding) return null; // Artifact, SOAP, PAOS …: not used by Tessera's broker
  const location = (element.getAttribute('Location') ?? '').trim();
  const responseLocation = (element.getAttribute('ResponseLocation') ?? '').trim();
  for (const url of responseLocation ? [location, responseLocation] : [location]) {
    if (!isAllowedEndpoint(url))
      throw invalid(
        'insecureEndpoint',
        `The metadata names the endpoint "${url.slice(0, 200)}", which is not an https:// address (http:// is allowed only for 127.0.0.1 and localhost). Ask the identity provider for its https endpoints.`,
        { location: url.slice(0, ADMIN_LIMITS.urlMax) },
      );
  }
  return { binding, location };
}

/** HTTP-Redirect when offered (what browsers follow without a form), else HTTP-POST. */
function preferred(endpoints: SamlEndpoint[]): SamlEndpoint | null {
  return (
    endpoints.find((e) => e.binding === 'HTTP-Redirect') ??
    endpoints.find((e) => e.binding === 'HTTP-POST') ??
    null
  );
}

const CERTIFICATE_REASONS: Record<string, string> = {
  'certificate.malformed': 'certificateMalformed',
  'certificate.tooLarge': 'certificateMalformed',
  'certificate.several': 'certificateMalformed',
  'certificate.expired': 'certificateExpired',
  'certificate.notYetValid': 'certificateNotYetValid',
  'certificate.weakKey': 'certificateWeakKey',
};

function certificateProblem(error: AppError, position: number, count: number): AppError {
  const which = `Signing certificate ${position} of ${count}`;
  const params = { position, count, ...error.params };
  switch (CERTIFICATE_REASONS[error.reason ?? '']) {
    case 'certificateExpired':
      return invalid(
        'certificateExpired',
        `${which} in the metadata expired on ${String(error.params?.notAfter)}. Ask the identity provider for current metadata.`,
        params,
      );
    case 'certificateNotYetValid':
      return invalid(
        'certificateNotYetValid',
        `${which} in the metadata is not valid until ${String(error.params?.notBefore)}. Check this computer's clock, or ask the identity provider for current metadata.`,
        params,
      );
    case 'certificateWeakKey':
      return invalid(
        'certificateWeakKey',
        `${which} in the metadata has a key that is too weak (${String(error.params?.keyAlgorithm)}). Tessera needs RSA of at least 2048 bits or EC P-256/P-384/P-521.`,
        params,
      );
    default:
      return invalid(
        'certificateMalformed',
        `${which} in the metadata is not a valid X.509 certificate. Download the metadata again from the identity provider.`,
        params,
      );
  }
}

function signingCertificates(
  descriptor: Element,
  now: Date,
): { certificates: IdpCertificate[]; expired: CertificateInfo[] } {
  const texts: string[] = [];
  for (const keyDescriptor of childElements(descriptor, SAML_NS.md, 'KeyDescriptor')) {
    const use = keyDescriptor.getAttribute('use');
    // No use: the key serves both signing and encryption (SAML metadata §2.4.1.1).
    if (use && use !== 'signing') continue;
    const element = childElements(keyDescriptor, SAML_NS.ds, 'KeyInfo')
      .flatMap((keyInfo) => childElements(keyInfo, SAML_NS.ds, 'X509Data'))
      .flatMap((data) => childElements(data, SAML_NS.ds, 'X509Certificate'))[0];
    if (element) texts.push(element.textContent ?? '');
  }
  if (texts.length === 0)
    throw invalid(
      'noSigningCertificate',
      'The metadata has no signing certificate (no KeyDescriptor with an X509Certificate for signing). Tessera needs it to check sign-ins: ask the identity provider for complete metadata.',
    );
  const certificates: IdpCertificate[] = [];
  const expired: CertificateInfo[] = [];
  let firstExpiry: AppError | null = null;
  texts.forEach((text, index) => {
    let certificate: IdpCertificate;
    try {
      certificate = parseCertificatePem(text, now, { allowExpired: true });
    } catch (error) {
      if (error instanceof AppError) throw certificateProblem(error, index + 1, texts.length);
      throw error;
    }
    if ([...certificates, ...expired].some((c) => c.fingerprintSha256 === certificate.fingerprintSha256))
      return;
    // An IdP rolling its key over publishes the old certificate beside the new one, sometimes past
    // its date: keep the valid ones, and say which were left out (C1).
    if (Date.parse(certificate.notAfter) < now.getTime()) {
      expired.push(infoOf(certificate));
      firstExpiry ??= certificateProblem(
        invalidCertificateExpired(certificate.notAfter),
        index + 1,
        texts.length,
      );
    } else certificates.push(certificate);
  });
  if (certificates.length === 0 && firstExpiry) throw firstExpiry;
  return { certificates, expired };
}

function invalidCertificateExpired(notAfter: string): AppError {
  return new AppError(ErrorCode.InvalidInput, 'expired', 'certificate.expired', { notAfter });
}

function infoOf(certificate: IdpCertificate): CertificateInfo {
  const { subject, issuer, notBefore, notAfter, fingerprintSha256, keyAlgorithm, selfSigned } = certificate;
  return { subject, issuer, notBefore, notAfter, fingerprintSha256, keyAlgorithm, selfSigned };
}

function signerCertificate(pem: string, now: Date): IdpCertificate {
  try {
    return parseCertificatePem(pem, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.reason === 'certificate.expired')
      throw invalid(
        'signerExpired',
        `The certificate that signed this metadata expired on ${String(error.params?.notAfter)}. Ask the identity provider for freshly signed metadata.`,
        error.params,
      );
    if (error.reason === 'certificate.notYetValid')
      throw invalid(
        'signerNotYetValid',
        `The certificate that signed this metadata is not valid until ${String(error.params?.notBefore)}. Check this computer's clock.`,
        error.params,
      );
    if (error.reason === 'certificate.weakKey')
      throw invalid(
        'weakSignature',
        `The metadata is signed with a key that is too weak (${String(error.params?.keyAlgorithm)}). Ask the identity provider to sign it with RSA of at least 2048 bits.`,
        { algorithm: String(error.params?.keyAlgorithm) },
      );
    throw signatureInvalid('its certificate cannot be read');
  }
}

interface ReadMetadata {
  /** The root as signed (when signed), else as parsed. */
  dataRoot: Element;
  verified: VerifiedSignature | null;
}

/** Size, DTD, well-formedness, root element and the root's signature: what every reading needs. */
function readMetadata(xml: string): ReadMetadata {
  if (Buffer.byteLength(xml, 'utf8') > ADMIN_LIMITS.metadataMaxBytes)
    throw invalid(
      'tooLarge',
      `This file is larger than ${ADMIN_LIMITS.metadataMaxBytes / 1024 / 1024} MB, far more than one identity provider's metadata. Upload the metadata of only the identity provider you are adding.`,
      { maxBytes: ADMIN_LIMITS.metadataMaxBytes },
    );
  // SAML metadata never needs a DTD; refusing it outright rules out external entities (XXE) and
  // entity expansion ("billion laughs") whatever the parser would do with them.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw invalid(
      'doctype',
      'This file contains a DOCTYPE or ENTITY declaration, which SAML metadata never needs and Tessera refuses for safety. Download the metadata again from the identity provider.',
    );
  const doc = parseStrictXml(xml);
  const root = doc.documentElement!;
  if (!is(root, SAML_NS.md, 'EntityDescriptor') && !is(root, SAML_NS.md, 'EntitiesDescriptor'))
    throw invalid(
      'notEntityDescriptor',
      'This XML is not SAML metadata (its root is not md:EntityDescriptor). Download the identity provider’s SAML 2.0 metadata.',
    );

  // Only a signature on the root counts: one deeper down would vouch for part of the file only.
  // For an aggregate that is the whole document's signature, whichever entity is then chosen.
  const signatures = childElements(root, SAML_NS.ds, 'Signature');
  if (signatures.length > 1) throw signatureInvalid('more than one signature on the metadata');
  const verified = signatures.length === 1 ? verifyRootSignature(xml, root, signatures[0]!) : null;
  return { dataRoot: verified ? verified.signedRoot : root, verified };
}

/**
 * The IdP entities a metadata file describes (one, or several in a federation's aggregate), read
 * like parseIdpMetadata reads them: after the document's signature, if any, verified.
 */
export function listIdpEntities(xml: string): MetadataEntity[] {
  const { dataRoot } = readMetadata(xml);
  const entities = is(dataRoot, SAML_NS.md, 'EntityDescriptor') ? [dataRoot] : entitiesOf(dataRoot);
  const idps = entities.filter((entity) => idpDescriptor(entity));
  if (idps.length === 0) throw noIdpDescriptor();
  return idps
    .map((entity) => ({
      entityId: (entity.getAttribute('entityID') ?? '').trim(),
      displayName: displayNameOf(entity),
    }))
    .filter((entity) => entity.entityId !== '' && entity.entityId.length <= ADMIN_LIMITS.urlMax);
}

/** A templated entity ID (Entra ID's multi-tenant "https://sts.windows.net/{tenantid}/"), refused with the fix. */
function refuseTemplatedEntityId(entityId: string): void {
  const suggestion = templatedIdentifierFix(entityId);
  if (suggestion)
    throw invalid(
      'templatedEntityId',
      `The entity ID "${entityId.slice(0, 200)}" is a template for many tenants, not one identity provider. Put your tenant ID in the URL instead: ${suggestion}. Download the metadata of your own tenant (its URL names your tenant ID rather than "common"), or enter that entity ID in the form.`,
      {
        entityId: entityId.slice(0, ADMIN_LIMITS.urlMax),
        suggestion: suggestion.slice(0, ADMIN_LIMITS.urlMax),
      },
    );
}

/**
 * S3: reads an IdP's metadata file; throws an AppError for anything Tessera will not use.
 * `entityId` chooses the IdP of an aggregate (EntitiesDescriptor) with several.
 */
export function parseIdpMetadata(
  xml: string,
  options: { now: Date; trustedRootsPem?: readonly string[]; entityId?: string },
): ParsedIdpMetadata {
  const { now } = options;
  const { dataRoot, verified } = readMetadata(xml);

  const { entity, containers } = pickEntity(dataRoot, options.entityId);
  const descriptor = idpDescriptor(entity);
  if (!descriptor) throw noIdpDescriptor();
  const entityId = (entity.getAttribute('entityID') ?? '').trim();
  if (entityId === '' || entityId.length > ADMIN_LIMITS.urlMax)
    throw invalid(
      'noEntityId',
      'The metadata has no entity ID (entityID). Ask the identity provider for complete metadata.',
    );
  refuseTemplatedEntityId(entityId);

  const validUntil = validUntilOf([...containers, entity, descriptor]);
  if (validUntil && validUntil.getTime() < now.getTime())
    throw invalid(
      'expired',
      `This metadata expired on ${validUntil.toISOString()} (its validUntil date). Download current metadata from the identity provider.`,
      { validUntil: validUntil.toISOString() },
    );

  const ssoServices = childElements(descriptor, SAML_NS.md, 'SingleSignOnService').flatMap((element) => {
    const found = endpoint(element);
    return found ? [found] : [];
  });
  const sso = preferred(ssoServices);
  if (!sso)
    throw invalid(
      'noSsoService',
      'The metadata has no single sign-on endpoint with the HTTP-Redirect or HTTP-POST binding, which Tessera needs.',
    );
  const slo = preferred(
    childElements(descriptor, SAML_NS.md, 'SingleLogoutService').flatMap((element) => {
      const found = endpoint(element);
      return found ? [found] : [];
    }),
  );

  const { certificates, expired } = signingCertificates(descriptor, now);
  const nameIdFormats = [
    ...new Set(
      childElements(descriptor, SAML_NS.md, 'NameIDFormat')
        .map((element) => (element.textContent ?? '').trim())
        .filter((format) => format !== ''),
    ),
  ];

  let trust: ParsedIdpMetadata['trust'] = 'unsigned';
  let signer: CertificateInfo | null = null;
  if (verified) {
    signer = infoOf(signerCertificate(verified.signerPem, now));
    // A public CA vouches for a name, not for an IdP: the signer must be an end-entity
    // certificate for this IdP's own host, or any TLS certificate could bless forged metadata.
    const hosts = [entityId, sso.location].flatMap((value) => {
      try {
        return [new URL(value).hostname];
      } catch {
        return [];
      }
    });
    trust =
      signerNamesHost(verified.signerPem, hosts) &&
      chainsToTrustedRoot(verified.signerPem, verified.otherPems, now, options.trustedRootsPem)
        ? 'public-root'
        : 'self-signed';
  }
  return {
    entityId,
    sso,
    ssoServices,
    slo,
    signingCertificates: certificates,
    expiredCertificates: expired,
    nameIdFormats,
    trust,
    signer,
    validUntil: validUntil ? validUntil.toISOString() : null,
  };
}

/** S3's form: the same shape and the same checks as metadata, without a signature. */
export function manualIdpSettings(input: ManualIdpInput, now: Date): ParsedIdpMetadata {
  const entityId = input.entityId.trim();
  if (entityId === '' || entityId.length > ADMIN_LIMITS.urlMax)
    throw invalid('noEntityId', 'Enter the identity provider’s entity ID.');
  refuseTemplatedEntityId(entityId);
  const checked = (url: string): string => {
    const trimmed = url.trim();
    if (!isAllowedEndpoint(trimmed))
      throw invalid(
        'insecureEndpoint',
        `"${trimmed.slice(0, 200)}" is not an https:// address (http:// is allowed only for 127.0.0.1 and localhost).`,
        { location: trimmed.slice(0, ADMIN_LIMITS.urlMax) },
      );
    return trimmed;
  };
  const sso: SamlEndpoint = { binding: input.ssoBinding, location: checked(input.ssoUrl) };
  // The form asks for one binding; an IdP that takes sign-ins with it takes logouts with it too.
  const sloUrl = input.sloUrl?.trim() ?? '';
  const slo: SamlEndpoint | null =
    sloUrl === '' ? null : { binding: input.ssoBinding, location: checked(sloUrl) };
  const certificate = parseCertificatePem(input.certificatePem, now);
  return {
    entityId,
    sso,
    ssoServices: [sso],
    slo,
    signingCertificates: [certificate],
    expiredCertificates: [],
    nameIdFormats: [],
    trust: 'unsigned',
    signer: null,
    validUntil: null,
  };
}

/** An end-entity certificate (not a CA) whose subject alternative names include one of `hosts`. */
function signerNamesHost(pem: string, hosts: readonly string[]): boolean {
  try {
    const certificate = new X509Certificate(pem);
    if (certificate.ca) return false;
    return hosts.some((host) => certificate.checkHost(host, { subject: 'default' }) !== undefined);
  } catch {
    return false;
  }
}
