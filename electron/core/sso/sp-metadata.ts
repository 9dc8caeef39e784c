/**
 * Tessera's SP metadata (S2, C2): what an IdP is told about Tessera.
 *
 * Built as a DOM (xmldom) and serialized, never by joining strings, so no entity ID or URL can
 * break out of its attribute. @node-saml/node-saml's generateServiceProviderMetadata was the first
 * choice, but in 5.1 it publishes certificates only together with a private key, takes a single
 * NameID format, and signs with RSA only (no ECDSA for P-256 keys); xmlbuilder2 is not installed.
 *
 * Signed metadata carries an enveloped XML signature over the root (RSA-SHA256 or ECDSA-SHA256,
 * exclusive c14n, SHA-256 digest), placed first in md:EntityDescriptor as the schema requires.
 */
import { createPrivateKey, createPublicKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { isAllowedEndpoint } from '../../../shared/admin/schemas';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { addEcdsaAlgorithms, SAML_NS, XMLDSIG } from './metadata';

export const NAME_ID_FORMATS = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
} as const;

export const DEFAULT_NAME_ID_FORMATS: readonly string[] = [
  NAME_ID_FORMATS.emailAddress,
  NAME_ID_FORMATS.persistent,
  NAME_ID_FORMATS.unspecified,
];

const BINDING = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const;

const XMLNS = 'http://www.w3.org/2000/xmlns/';

export interface SpMetadataInput {
  entityId: string;
  acsUrl: string;
  sloUrl?: string;
  /** The current certificate, then (during a rollover, C2) the next one: IdPs accept either. */
  certificatesPem: string[];
  nameIdFormats?: string[];
  /** Sign the metadata with the SP key (the certificate goes into the signature's KeyInfo). */
  sign?: { privateKeyPem: string; certificatePem: string };
}

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `spMetadata.${reason}`, params);
}

function readCertificate(pem: string, position: number): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw invalid('certificateMalformed', `SP certificate ${position} is not a valid X.509 certificate.`, {
      position,
    });
  }
}

function base64Body(cert: X509Certificate): string {
  return cert.raw.toString('base64');
}

/** Appends indented children, so the file reads well when an admin opens it. */
class Builder {
  constructor(readonly doc: Document) {}

  element(
    parent: Element,
    depth: number,
    qualifiedName: string,
    attributes: Record<string, string> = {},
  ): Element {
    const ns = qualifiedName.startsWith('ds:') ? SAML_NS.ds : SAML_NS.md;
    const child = this.doc.createElementNS(ns, qualifiedName);
    for (const [name, value] of Object.entries(attributes)) child.setAttribute(name, value);
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(depth)}`));
    parent.appendChild(child);
    return child;
  }

  close(parent: Element, depth: number): void {
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(depth)}`));
  }
}

function signatureAlgorithmFor(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048) return XMLDSIG.rsaSha256;
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return XMLDSIG.ecdsaSha256;
  throw invalid(
    'unsupportedKey',
    'The SP key cannot sign metadata: it must be RSA (2048 bits or more) or EC P-256.',
  );
}

function signMetadata(xml: string, sign: NonNullable<SpMetadataInput['sign']>): string {
  let key: KeyObject;
  try {
    key = createPrivateKey(sign.privateKeyPem);
  } catch {
    throw invalid('keyMalformed', 'The SP private key cannot be read.');
  }
  const certificate = readCertificate(sign.certificatePem, 1);
  if (
    !certificate.publicKey
      .export({ type: 'spki', format: 'der' })
      .equals(createPublicKey(key).export({ type: 'spki', format: 'der' }))
  )
    throw invalid('keyMismatch', 'The SP private key does not belong to the SP certificate.');
  const signer = new SignedXml({
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicCert: certificate.toString(),
    signatureAlgorithm: signatureAlgorithmFor(key),
    canonicalizationAlgorithm: XMLDSIG.excC14n,
  });
  addEcdsaAlgorithms(signer);
  const root = `/*[local-name(.)='EntityDescriptor' and namespace-uri(.)='${SAML_NS.md}']`;
  // The reference is "#<ID>" of the root (xml-crypto uses the ID attribute already there).
  signer.addReference({
    xpath: root,
    transforms: [XMLDSIG.enveloped, XMLDSIG.excC14n],
    digestAlgorithm: XMLDSIG.sha256,
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    existingPrefixes: { ds: SAML_NS.ds },
    location: { reference: root, action: 'prepend' },
  });
  return signer.getSignedXml();
}

/** S2: the SP metadata file's content. */
export function generateSpMetadata(input: SpMetadataInput): string {
  const entityId = input.entityId.trim();
  if (entityId === '') throw invalid('noEntityId', 'The SP entity ID is empty.');
  for (const url of [input.acsUrl, ...(input.sloUrl ? [input.sloUrl] : [])])
    if (!isAllowedEndpoint(url))
      throw invalid(
        'insecureEndpoint',
        `"${url.slice(0, 200)}" is not an https:// address (http:// is allowed only for 127.0.0.1 and localhost).`,
        { location: url },
      );
  if (input.certificatesPem.length === 0)
    throw invalid('noCertificate', 'The SP metadata needs at least one certificate.');
  const certificates = input.certificatesPem.map((pem, index) => readCertificate(pem, index + 1));

  const doc = new DOMImplementation().createDocument(SAML_NS.md, 'md:EntityDescriptor', null);
  doc.insertBefore(doc.createProcessingInstruction('xml', 'version="1.0" encoding="UTF-8"'), doc.firstChild);
  const build = new Builder(doc);
  const root = doc.documentElement!;
  root.setAttributeNS(XMLNS, 'xmlns:ds', SAML_NS.ds);
  root.setAttribute('entityID', entityId);
  // xsd:ID must not start with a digit.
  root.setAttribute('ID', `_${randomBytes(16).toString('hex')}`);

  const sp = build.element(root, 1, 'md:SPSSODescriptor', {
    AuthnRequestsSigned: 'true',
    WantAssertionsSigned: 'true',
    protocolSupportEnumeration: SAML_NS.protocol,
  });
  // Schema order (SAML metadata §2.4.4): KeyDescriptor, SingleLogoutService, NameIDFormat, ACS.
  for (const certificate of certificates) {
    // use="signing": Tessera signs with this key but decrypts nothing, so IdPs must not encrypt to it.
    const keyDescriptor = build.element(sp, 2, 'md:KeyDescriptor', { use: 'signing' });
    const keyInfo = build.element(keyDescriptor, 3, 'ds:KeyInfo');
    const x509Data = build.element(keyInfo, 4, 'ds:X509Data');
    build.element(x509Data, 5, 'ds:X509Certificate').appendChild(doc.createTextNode(base64Body(certificate)));
    build.close(x509Data, 4);
    build.close(keyInfo, 3);
    build.close(keyDescriptor, 2);
  }
  if (input.sloUrl)
    for (const binding of [BINDING.redirect, BINDING.post])
      build.element(sp, 2, 'md:SingleLogoutService', { Binding: binding, Location: input.sloUrl });
  for (const format of input.nameIdFormats ?? DEFAULT_NAME_ID_FORMATS)
    build.element(sp, 2, 'md:NameIDFormat').appendChild(doc.createTextNode(format));
  build.element(sp, 2, 'md:AssertionConsumerService', {
    Binding: BINDING.post,
    Location: input.acsUrl,
    index: '0',
    isDefault: 'true',
  });
  build.close(sp, 1);
  build.close(root, 0);

  const xml = new XMLSerializer().serializeToString(doc) + '\n';
  return input.sign ? signMetadata(xml, input.sign) : xml;
}
