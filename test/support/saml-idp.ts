/**
 * A real SAML 2.0 identity provider for the SSO tests, and the hostile responses an attacker
 * would send instead — no mocks: responses are signed with xml-crypto (the library Tessera and
 * node-saml verify with) using the real keys of `createTestPki()`.
 *
 * - `samlResponseXml(options)` builds one `<samlp:Response>` with one `<saml:Assertion>` and signs
 *   it; every option has a default, so a test changes only what it is about.
 * - The hostile builders (`xswVariants`, `stripSignatures`, `resignWith`, …) take a genuine
 *   response and return the attack, each documented with the attack it names.
 * - `startSamlIdp(options)` runs an IdP on 127.0.0.1: metadata, HTTP-Redirect SSO with a login
 *   form, and an auto-posting HTTP-POST response to the SP's ACS URL. `idp.mode` and
 *   `idp.setResponseOptions()` make it misbehave on purpose.
 *
 * Times use the real clock (node-saml does): `now` defaults to `new Date()`, not the fixtures' NOW.
 */
import { childElements, parseXmlStrict } from '../../electron/core/sso/xml';
import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  verify as verifySignature,
  X509Certificate,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import * as xmlenc from 'xml-encryption';
import { addEcdsaAlgorithms, SAML_NS, XMLDSIG } from '../../electron/core/sso/metadata';
import { BINDINGS, idpMetadataXml, signXml, type TestCert } from './saml-fixtures';
import {
  child,
  logoutRequestXml,
  logoutResponseXml,
  readPost,
  readRedirect,
  readSpMetadata,
  redirectUrl,
  signRoot,
  text,
  type ReceivedLogout,
  type SloBinding,
  type SpMetadataInfo,
} from './saml-slo';

// ── Constants ────────────────────────────────────────────────────────────────────────────────

export const SAML2 = {
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  protocol: SAML_NS.protocol,
  ds: SAML_NS.ds,
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  cm: {
    bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
    holderOfKey: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
    senderVouches: 'urn:oasis:names:tc:SAML:2.0:cm:sender-vouches',
  },
  status: {
    success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
    responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
    authnFailed: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
    noPassive: 'urn:oasis:names:tc:SAML:2.0:status:NoPassive',
  },
  nameIdFormat: {
    email: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  },
  passwordProtectedTransport: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
} as const;

/** The SP the default response is for (the entity ID and ACS URL of the node-saml self-test). */
export const TEST_SP = {
  entityId: 'urn:tessera:sp:test',
  acsUrl: 'http://127.0.0.1:7480/saml/acs',
} as const;

/** The default issuer: the entity ID `idpMetadataXml()` publishes by default. */
export const TEST_IDP_ENTITY_ID = 'https://idp.example.com/idp/shibboleth';

const SIGNATURE_METHODS = {
  'rsa-sha256': XMLDSIG.rsaSha256,
  'rsa-sha1': 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'ecdsa-sha256': XMLDSIG.ecdsaSha256,
} as const;

const DIGEST_METHODS = {
  sha256: XMLDSIG.sha256,
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
} as const;

const XPATH = {
  response: `/*[local-name()='Response' and namespace-uri()='${SAML2.protocol}']`,
  assertion: `*[local-name()='Assertion' and namespace-uri()='${SAML2.assertion}']`,
  issuer: `*[local-name()='Issuer' and namespace-uri()='${SAML2.assertion}']`,
} as const;

// ── Small helpers ────────────────────────────────────────────────────────────────────────────

export function randomSamlId(prefix = '_'): string {
  return `${prefix}${randomBytes(20).toString('hex')}`;
}

/** Escapes text and attribute values (quotes included) for XML — and for HTML. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function instant(date: Date): string {
  return date.toISOString();
}

function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

type Attrs = Record<string, string | null | undefined>;

/** `<name attrs>` with text (escaped) or child elements (raw XML, one a line); empty → `<name/>`. */
function el(name: string, attrs: Attrs, content?: string | (string | null | false | undefined)[]): string {
  const rendered = Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] != null)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (content === undefined) return `<${name}${rendered}/>`;
  if (typeof content === 'string') return `<${name}${rendered}>${escapeXml(content)}</${name}>`;
  const children = content.filter((child): child is string => !!child);
  if (children.length === 0) return `<${name}${rendered}/>`;
  return `<${name}${rendered}>\n${children.join('\n')}\n</${name}>`;
}

function descendants(root: Element | Document, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

/** Well-formed XML or an exception (xmldom otherwise recovers from mistakes silently). */
export const parseXml = parseXmlStrict;

function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

function setText(element: Element, text: string): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(element.ownerDocument!.createTextNode(text));
}

// ── Responses ────────────────────────────────────────────────────────────────────────────────

/** Attribute values by name; the pairs form also allows duplicate names and `__proto__`. */
export type SamlAttributes = Record<string, string | string[]> | [name: string, value: string | string[]][];

export type SignedPart = 'assertion' | 'response' | 'both' | 'none';
export type SamlSignatureAlgorithm = keyof typeof SIGNATURE_METHODS;
export type SamlDigestAlgorithm = keyof typeof DIGEST_METHODS;

export interface SamlSignOptions {
  /** Which elements to sign (default 'assertion', as most IdPs do). */
  sign?: SignedPart;
  /** Required unless `sign` is 'none'. */
  signer?: TestCert;
  /** Default: rsa-sha256, or ecdsa-sha256 for an EC signer. */
  signatureAlgorithm?: SamlSignatureAlgorithm;
  digestAlgorithm?: SamlDigestAlgorithm;
  /** X509Certificate in KeyInfo, as real IdPs do (default true). */
  includeKeyInfo?: boolean;
  /** The certificate KeyInfo shows (default the signer's): e.g. the IdP's, over an attacker's key. */
  keyInfoCert?: TestCert;
}

export interface SamlResponseOptions extends SamlSignOptions {
  /** The IdP's entity ID, for Response/Issuer and Assertion/Issuer. */
  issuer?: string;
  /** Assertion/Issuer when it differs from `issuer`; null omits it. */
  assertionIssuer?: string | null;
  /** Response/Issuer when it differs from `issuer`; null omits it (it is optional in SAML). */
  responseIssuer?: string | null;
  /** Response@Destination (default the ACS URL); null omits. */
  destination?: string | null;
  /** Response@InResponseTo and SubjectConfirmationData@InResponseTo; null (default) omits. */
  inResponseTo?: string | null;
  /** SubjectConfirmationData@InResponseTo when it differs from `inResponseTo`; null omits. */
  subjectInResponseTo?: string | null;
  /** SubjectConfirmationData@Recipient (default `destination`, else the ACS URL); null omits. */
  recipient?: string | null;
  /** Conditions/AudienceRestriction/Audience (default the SP's entity ID); null omits the restriction. */
  audience?: string | string[] | null;
  nameId?: string;
  /** Default emailAddress; null omits Format. */
  nameIdFormat?: string | null;
  /** AuthnStatement@SessionIndex (random by default); null omits it. */
  sessionIndex?: string | null;
  now?: Date;
  /** Response and Assertion IssueInstant (default `now`). */
  issueInstant?: Date;
  /** Conditions@NotBefore (default now − 30 s); null omits. */
  notBefore?: Date | null;
  /** Conditions@NotOnOrAfter and SubjectConfirmationData@NotOnOrAfter (default now + 5 min); null omits. */
  notOnOrAfter?: Date | null;
  /** SubjectConfirmationData@NotOnOrAfter when it differs from `notOnOrAfter`; null omits. */
  subjectNotOnOrAfter?: Date | null;
  /** SubjectConfirmationData@NotBefore: omitted by default (the bearer profile forbids it). */
  subjectNotBefore?: Date | null;
  /** Default bearer; null omits the whole SubjectConfirmation. */
  subjectConfirmationMethod?: string | null;
  /** false omits the Conditions element altogether. */
  conditions?: boolean;
  /** An AttributeStatement, omitted when empty. */
  attributes?: SamlAttributes;
  /** Raw XML in place of the AttributeStatement built from `attributes`. */
  attributeStatementXml?: string;
  /** Default Success. */
  statusCode?: string;
  /** A second-level StatusCode (e.g. NoPassive under Responder). */
  subStatusCode?: string;
  statusMessage?: string;
  /** false: a Response without an assertion (error responses). Default true. */
  assertion?: boolean;
  assertionId?: string;
  responseId?: string;
}

function attributePairs(attributes: SamlAttributes | undefined): [string, string[]][] {
  if (!attributes) return [];
  const pairs = Array.isArray(attributes) ? attributes : Object.entries(attributes);
  return pairs.map(([name, value]) => [name, Array.isArray(value) ? value : [value]]);
}

function attributeStatementXml(
  attributes: SamlAttributes | undefined,
  declareNamespaces: boolean,
): string | null {
  const pairs = attributePairs(attributes);
  if (pairs.length === 0) return null;
  return el(
    'saml:AttributeStatement',
    declareNamespaces ? { 'xmlns:saml': SAML2.assertion, 'xmlns:xs': SAML2.xs, 'xmlns:xsi': SAML2.xsi } : {},
    pairs.map(([name, values]) =>
      el(
        'saml:Attribute',
        {
          Name: name,
          NameFormat: name.includes(':')
            ? 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri'
            : 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
        },
        values.map((value) => el('saml:AttributeValue', { 'xsi:type': 'xs:string' }, value)),
      ),
    ),
  );
}

/** The unsigned `<saml:Assertion>` of `samlResponseXml` (namespaces declared on it). */
function buildAssertion(o: SamlResponseOptions, now: Date, acsUrl: string): string {
  const destination = o.destination === undefined ? acsUrl : o.destination;
  const recipient = o.recipient === undefined ? (destination ?? acsUrl) : o.recipient;
  const inResponseTo = o.subjectInResponseTo === undefined ? (o.inResponseTo ?? null) : o.subjectInResponseTo;
  const notBefore = o.notBefore === undefined ? addMs(now, -30_000) : o.notBefore;
  const notOnOrAfter = o.notOnOrAfter === undefined ? addMs(now, 5 * 60_000) : o.notOnOrAfter;
  const subjectNotOnOrAfter = o.subjectNotOnOrAfter === undefined ? notOnOrAfter : o.subjectNotOnOrAfter;
  const method = o.subjectConfirmationMethod === undefined ? SAML2.cm.bearer : o.subjectConfirmationMethod;
  const audiences =
    o.audience === undefined ? [TEST_SP.entityId] : o.audience === null ? [] : [o.audience].flat();
  const issuer = o.issuer ?? TEST_IDP_ENTITY_ID;
  const assertionIssuer = o.assertionIssuer === undefined ? issuer : o.assertionIssuer;
  const nameIdFormat = o.nameIdFormat === undefined ? SAML2.nameIdFormat.email : o.nameIdFormat;
  const sessionIndex = o.sessionIndex === undefined ? randomSamlId() : o.sessionIndex;
  const time = (date: Date | null) => (date ? instant(date) : null);
  return el(
    'saml:Assertion',
    {
      'xmlns:saml': SAML2.assertion,
      'xmlns:xs': SAML2.xs,
      'xmlns:xsi': SAML2.xsi,
      ID: o.assertionId ?? randomSamlId(),
      Version: '2.0',
      IssueInstant: instant(o.issueInstant ?? now),
    },
    [
      assertionIssuer !== null && el('saml:Issuer', {}, assertionIssuer),
      el('saml:Subject', {}, [
        el('saml:NameID', { Format: nameIdFormat }, o.nameId ?? 'alice@example.com'),
        method !== null &&
          el('saml:SubjectConfirmation', { Method: method }, [
            el('saml:SubjectConfirmationData', {
              InResponseTo: inResponseTo,
              NotBefore: time(o.subjectNotBefore ?? null),
              NotOnOrAfter: time(subjectNotOnOrAfter),
              Recipient: recipient,
            }),
          ]),
      ]),
      o.conditions !== false &&
        el('saml:Conditions', { NotBefore: time(notBefore), NotOnOrAfter: time(notOnOrAfter) }, [
          audiences.length > 0 &&
            el(
              'saml:AudienceRestriction',
              {},
              audiences.map((audience) => el('saml:Audience', {}, audience)),
            ),
        ]),
      el('saml:AuthnStatement', { AuthnInstant: instant(now), SessionIndex: sessionIndex }, [
        el('saml:AuthnContext', {}, [el('saml:AuthnContextClassRef', {}, SAML2.passwordProtectedTransport)]),
      ]),
      o.attributeStatementXml ?? attributeStatementXml(o.attributes, false),
    ],
  );
}

/** The response of `samlResponseXml` before any signature. */
export function unsignedSamlResponseXml(options: SamlResponseOptions = {}): string {
  const now = options.now ?? new Date();
  const acsUrl = TEST_SP.acsUrl;
  const issuer = options.issuer ?? TEST_IDP_ENTITY_ID;
  const responseIssuer = options.responseIssuer === undefined ? issuer : options.responseIssuer;
  const statusCode = options.statusCode ?? SAML2.status.success;
  const response = el(
    'samlp:Response',
    {
      'xmlns:samlp': SAML2.protocol,
      'xmlns:saml': SAML2.assertion,
      ID: options.responseId ?? randomSamlId(),
      Version: '2.0',
      IssueInstant: instant(options.issueInstant ?? now),
      Destination: options.destination === undefined ? acsUrl : options.destination,
      InResponseTo: options.inResponseTo ?? null,
    },
    [
      responseIssuer !== null && el('saml:Issuer', {}, responseIssuer),
      el('samlp:Status', {}, [
        el(
          'samlp:StatusCode',
          { Value: statusCode },
          options.subStatusCode ? [el('samlp:StatusCode', { Value: options.subStatusCode })] : undefined,
        ),
        options.statusMessage !== undefined && el('samlp:StatusMessage', {}, options.statusMessage),
      ]),
      options.assertion !== false && buildAssertion(options, now, acsUrl),
    ],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${response}\n`;
}

/**
 * An enveloped signature over the Response or its (first) Assertion, placed right after the
 * element's Issuer as the SAML schema requires: Reference URI="#ID", enveloped-signature and
 * exclusive c14n transforms, exclusive c14n of SignedInfo.
 */
export function signSamlElement(
  xml: string,
  target: 'response' | 'assertion',
  options: SamlSignOptions,
): string {
  const signer = options.signer;
  if (!signer)
    throw new Error('A signer (TestCert) is required to sign a SAML response; or pass sign: "none".');
  const algorithm =
    options.signatureAlgorithm ?? (signer.keyType.startsWith('rsa') ? 'rsa-sha256' : 'ecdsa-sha256');
  return signWithKey(xml, target, {
    privateKeyPem: signer.privateKeyPem,
    keyInfoPem: options.includeKeyInfo === false ? undefined : (options.keyInfoCert ?? signer).pem,
    signatureMethod: SIGNATURE_METHODS[algorithm],
    digestMethod: DIGEST_METHODS[options.digestAlgorithm ?? 'sha256'],
  });
}

function signWithKey(
  xml: string,
  target: 'response' | 'assertion',
  key: {
    privateKeyPem: string;
    keyInfoPem: string | undefined;
    signatureMethod: string;
    digestMethod: string;
  },
): string {
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    // Every certificate of publicCert goes into KeyInfo/X509Data; none → no KeyInfo.
    publicCert: key.keyInfoPem,
    signatureAlgorithm: key.signatureMethod,
    canonicalizationAlgorithm: XMLDSIG.excC14n,
    idAttribute: 'ID',
  });
  addEcdsaAlgorithms(sig);
  const elementXpath = target === 'response' ? XPATH.response : `${XPATH.response}/${XPATH.assertion}`;
  sig.addReference({
    xpath: elementXpath,
    transforms: [XMLDSIG.enveloped, XMLDSIG.excC14n],
    digestAlgorithm: key.digestMethod,
  });
  const response = parseXml(xml).documentElement!;
  const element = target === 'response' ? response : childElements(response, SAML2.assertion, 'Assertion')[0];
  if (!element) throw new Error(`No ${target} to sign`);
  const hasIssuer = childElements(element, SAML2.assertion, 'Issuer').length > 0;
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: hasIssuer
      ? { reference: `${elementXpath}/${XPATH.issuer}`, action: 'after' }
      : { reference: elementXpath, action: 'prepend' },
  });
  return sig.getSignedXml();
}

/** Signs an unsigned response as `options.sign` says (the assertion first when both). */
export function signSamlResponse(xml: string, options: SamlSignOptions): string {
  const sign = options.sign ?? 'assertion';
  let signed = xml;
  if (sign === 'assertion' || sign === 'both') signed = signSamlElement(signed, 'assertion', options);
  if (sign === 'response' || sign === 'both') signed = signSamlElement(signed, 'response', options);
  return signed;
}

/** A SAML 2.0 Response with one Assertion, signed as `options.sign` says (the assertion by default). */
export function samlResponseXml(options: SamlResponseOptions = {}): string {
  const sign = options.sign ?? (options.assertion === false ? 'response' : 'assertion');
  return signSamlResponse(unsignedSamlResponseXml(options), { ...options, sign });
}

/** The SAMLResponse form field of the HTTP-POST binding. */
export function toPostBody(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

/** The first Assertion of a Response (or the document itself when it is one), as XML. */
export function extractAssertion(xml: string): string {
  const root = parseXml(xml).documentElement!;
  if (root.namespaceURI === SAML2.assertion && root.localName === 'Assertion') return root.toString();
  const assertion = childElements(root, SAML2.assertion, 'Assertion')[0];
  if (!assertion) throw new Error('No Assertion in this document');
  return assertion.toString();
}

/**
 * The response with its (signed) assertion encrypted for `recipient` — XML Encryption with
 * AES-256-GCM and RSA-OAEP, by xml-encryption (what node-saml decrypts with): what an IdP sends
 * when it encrypts assertions, here for a key the SP may not have.
 */
export async function encryptAssertion(responseXml: string, recipient: TestCert): Promise<string> {
  const doc = parseXml(responseXml);
  const assertion = childElements(doc.documentElement!, SAML2.assertion, 'Assertion')[0];
  if (!assertion) throw new Error('No Assertion in this document');
  const encrypted = await new Promise<string>((resolve, reject) =>
    xmlenc.encrypt(
      assertion.toString(),
      {
        rsa_pub: createPublicKey(recipient.pem).export({ type: 'spki', format: 'pem' }).toString(),
        pem: recipient.pem,
        encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
        keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const wrapper = parseXml(
    `<saml:EncryptedAssertion xmlns:saml="${SAML2.assertion}">${encrypted}</saml:EncryptedAssertion>`,
  ).documentElement!;
  doc.documentElement!.replaceChild(doc.importNode(wrapper, true), assertion);
  return new XMLSerializer().serializeToString(doc);
}

// ── Hostile builders ─────────────────────────────────────────────────────────────────────────

/** What the attacker wants the SP to read instead: another user, other attributes. */
export interface EvilContent {
  nameId: string;
  /** Replaces the AttributeStatement. */
  attributes?: SamlAttributes;
}

interface Located {
  doc: Document;
  response: Element;
  assertion: Element;
  assertionSignature: Element | undefined;
  responseSignature: Element | undefined;
}

function locate(xml: string): Located {
  const doc = parseXml(xml);
  const response = doc.documentElement!;
  if (response.namespaceURI !== SAML2.protocol || response.localName !== 'Response')
    throw new Error('Not a samlp:Response');
  const assertion = childElements(response, SAML2.assertion, 'Assertion')[0];
  if (!assertion) throw new Error('The Response has no Assertion');
  return {
    doc,
    response,
    assertion,
    assertionSignature: childElements(assertion, SAML2.ds, 'Signature')[0],
    responseSignature: childElements(response, SAML2.ds, 'Signature')[0],
  };
}

/** Rewrites `assertion` to say what the attacker wants: NameID, attributes, and a fresh ID. */
function evilize(assertion: Element, evil: EvilContent, options: { keepSignature: boolean }): Element {
  const doc = assertion.ownerDocument!;
  assertion.setAttribute('ID', randomSamlId('_evil_'));
  if (!options.keepSignature)
    for (const signature of childElements(assertion, SAML2.ds, 'Signature')) assertion.removeChild(signature);
  for (const subject of childElements(assertion, SAML2.assertion, 'Subject'))
    for (const nameId of childElements(subject, SAML2.assertion, 'NameID')) setText(nameId, evil.nameId);
  if (evil.attributes) {
    for (const statement of childElements(assertion, SAML2.assertion, 'AttributeStatement'))
      assertion.removeChild(statement);
    const statementXml = attributeStatementXml(evil.attributes, true);
    if (statementXml) assertion.appendChild(doc.importNode(parseXml(statementXml).documentElement!, true));
  }
  return assertion;
}

function withoutSignature(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  for (const signature of childElements(copy, SAML2.ds, 'Signature')) copy.removeChild(signature);
  return copy;
}

export type XswName = 'XSW1' | 'XSW2' | 'XSW3' | 'XSW4' | 'XSW5' | 'XSW6' | 'XSW7' | 'XSW8';

export interface XswVariant {
  name: XswName;
  /** One line: where the signed element went and where the evil one is. */
  attack: string;
  xml: string;
}

export const XSW_ATTACKS: Record<XswName, string> = {
  XSW1: 'Response-level: the evil Response (new ID, evil assertion) keeps the signature; the signed original Response hides inside its ds:Signature',
  XSW2: "Response-level: the evil Response (new ID, evil assertion) keeps the signature; the signed original Response sits just before it, as the signature's sibling",
  XSW3: 'An unsigned evil assertion (new ID) is inserted before the signed assertion',
  XSW4: 'An unsigned evil assertion (new ID) replaces the signed one and wraps it as its last child',
  XSW5: "The signed assertion is made evil (new ID, its signature kept); an unsigned copy of the original, which the signature's Reference now finds, is appended to the Response",
  XSW6: 'The signed assertion is made evil (new ID, its signature kept); the unsigned original copy hides inside that ds:Signature',
  XSW7: 'An unsigned evil assertion (new ID) hides in a samlp:Extensions element (schema: any content) before the signed assertion',
  XSW8: 'The signed assertion is made evil (new ID, its signature kept); the unsigned original copy hides in a ds:Object inside that ds:Signature',
};

/**
 * The classic XML Signature Wrapping shapes XSW1–XSW8 (Somorovsky et al., "On Breaking SAML: Be
 * Whoever You Want to Be", USENIX Security 2012; numbered as SAML Raider does), applied to a
 * genuinely signed response. In each, the original signature still verifies over the original
 * content (moved elsewhere), while a careless SP reads `evil`. The signed assertion is required;
 * XSW1/XSW2 wrap the Response signature, so they are only built when the Response is signed too
 * (`sign: 'both'` gives all eight).
 */
export function xswVariants(signedResponseXml: string, evil: EvilContent): XswVariant[] {
  const probe = locate(signedResponseXml);
  if (!probe.assertionSignature) throw new Error('xswVariants needs a response whose assertion is signed');
  const variants: XswVariant[] = [];
  const add = (name: XswName, apply: (l: Located) => void) => {
    const located = locate(signedResponseXml);
    apply(located);
    variants.push({ name, attack: XSW_ATTACKS[name], xml: serialize(located.doc) });
  };
  const responseLevel = (placement: 'inside-signature' | 'before-signature') => (l: Located) => {
    const signature = l.responseSignature!;
    const original = withoutSignature(l.response);
    l.response.setAttribute('ID', randomSamlId('_evil_response_'));
    evilize(l.assertion, evil, { keepSignature: false });
    if (placement === 'inside-signature') signature.appendChild(original);
    else l.response.insertBefore(original, signature);
  };
  if (probe.responseSignature) {
    add('XSW1', responseLevel('inside-signature'));
    add('XSW2', responseLevel('before-signature'));
  }
  add('XSW3', (l) => {
    const evilAssertion = evilize(l.assertion.cloneNode(true) as Element, evil, { keepSignature: false });
    l.response.insertBefore(evilAssertion, l.assertion);
  });
  add('XSW4', (l) => {
    const evilAssertion = evilize(l.assertion.cloneNode(true) as Element, evil, { keepSignature: false });
    l.response.replaceChild(evilAssertion, l.assertion);
    evilAssertion.appendChild(l.assertion);
  });
  add('XSW5', (l) => {
    const original = withoutSignature(l.assertion);
    evilize(l.assertion, evil, { keepSignature: true });
    l.response.appendChild(original);
  });
  add('XSW6', (l) => {
    const original = withoutSignature(l.assertion);
    evilize(l.assertion, evil, { keepSignature: true });
    l.assertionSignature!.appendChild(original);
  });
  add('XSW7', (l) => {
    const extensions = l.doc.createElementNS(SAML2.protocol, 'samlp:Extensions');
    extensions.appendChild(evilize(l.assertion.cloneNode(true) as Element, evil, { keepSignature: false }));
    // Schema order: Issuer, Signature, Extensions, Status, Assertion.
    const status = childElements(l.response, SAML2.protocol, 'Status')[0] ?? l.assertion;
    l.response.insertBefore(extensions, status);
  });
  add('XSW8', (l) => {
    const original = withoutSignature(l.assertion);
    evilize(l.assertion, evil, { keepSignature: true });
    const object = l.doc.createElementNS(SAML2.ds, 'ds:Object');
    object.appendChild(original);
    l.assertionSignature!.appendChild(object);
  });
  return variants;
}

/** Signature exclusion: every ds:Signature removed, content untouched. */
export function stripSignatures(xml: string): string {
  const doc = parseXml(xml);
  for (const signature of descendants(doc, SAML2.ds, 'Signature'))
    signature.parentNode?.removeChild(signature);
  return serialize(doc);
}

/**
 * Forged signature: the same content re-signed with another key (an attacker's), whose certificate
 * is in KeyInfo unless `keyInfoCert` shows another (e.g. the IdP's own). Signs what was signed
 * before (the assertion when nothing was) unless `options.sign` says otherwise.
 */
export function resignWith(
  xml: string,
  signer: TestCert,
  options: Omit<SamlSignOptions, 'signer'> = {},
): string {
  const { assertionSignature, responseSignature } = locate(xml);
  const sign: SignedPart =
    options.sign ??
    (assertionSignature && responseSignature ? 'both' : responseSignature ? 'response' : 'assertion');
  return signSamlResponse(stripSignatures(xml), { ...options, sign, signer });
}

/**
 * Two assertions in one Response: `evilAssertionXml` (an Assertion, or a Response whose assertion
 * is taken — e.g. another validly signed one) is put before or after the signed assertion.
 */
export function twoAssertions(
  signedXml: string,
  evilAssertionXml: string,
  position: 'before' | 'after' = 'after',
): string {
  const l = locate(signedXml);
  const evil = l.doc.importNode(parseXml(extractAssertion(evilAssertionXml)).documentElement!, true);
  l.response.insertBefore(evil, position === 'before' ? l.assertion : l.assertion.nextSibling);
  return serialize(l.doc);
}

/** Signed Response, unsigned Assertion: an SP must require the assertion's own signature. */
export function unsignedAssertionInSignedResponse(options: SamlResponseOptions): string {
  return samlResponseXml({ ...options, sign: 'response' });
}

/**
 * Comment injection (Duo Labs, 2018: CVE-2017-11427/11428/11429/11430): a validly signed assertion
 * for `visible + hidden` (e.g. an account the attacker registered, `admin@good.example.evil.example`)
 * whose NameID text is then split by a comment: `admin@good.example<!---->.evil.example`. The
 * signature still verifies (c14n drops comments); a parser reading only the first text node sees
 * `visible`.
 */
export function commentInjectionNameId(
  visible: string,
  hidden: string,
  options: SamlResponseOptions = {},
): string {
  const signed = samlResponseXml({ ...options, nameId: visible + hidden });
  const text = `>${escapeXml(visible + hidden)}</saml:NameID>`;
  const parts = signed.split(text);
  if (parts.length !== 2) throw new Error('Expected exactly one NameID with that text');
  return parts.join(`>${escapeXml(visible)}<!---->${escapeXml(hidden)}</saml:NameID>`);
}

/**
 * A DOCTYPE before the root. 'xxe': an external entity (file:///etc/passwd, or `systemUrl` — point
 * it at a local server to see whether it is fetched) referenced in the NameID; 'billion-laughs':
 * nested entities expanding to ~3 GB, referenced in the NameID; 'dtd': a bare DOCTYPE that changes
 * nothing, so the signature still verifies and only a "no DTD, ever" rule refuses it.
 */
export function withDoctype(
  xml: string,
  kind: 'xxe' | 'billion-laughs' | 'dtd',
  options: { systemUrl?: string } = {},
): string {
  const root = parseXml(xml).documentElement!.nodeName;
  let doctype: string;
  let reference: string | null = null;
  if (kind === 'xxe') {
    doctype = `<!DOCTYPE ${root} [\n<!ENTITY xxe SYSTEM "${options.systemUrl ?? 'file:///etc/passwd'}">\n]>`;
    reference = '&xxe;';
  } else if (kind === 'billion-laughs') {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    doctype = `<!DOCTYPE ${root} [\n${levels.join('\n')}\n]>`;
    reference = '&lol9;';
  } else {
    doctype = `<!DOCTYPE ${root}>`;
  }
  let out = xml.replace(/^(<\?xml[^>]*\?>\s*)?/, (declaration) => `${declaration ?? ''}${doctype}\n`);
  if (reference) {
    const replaced = out.replace(/(<saml:NameID\b[^>]*>)/, `$1${reference}`);
    if (replaced === out) throw new Error('No saml:NameID to put the entity reference in');
    out = replaced;
  }
  return out;
}

/**
 * A response of at least `bytes` bytes: a comment of filler inside the Response (outside what the
 * signature covers, so it still verifies) — for the SP's size limit, checked before parsing.
 */
export function hugeResponse(bytes: number, options: SamlResponseOptions = {}): string {
  const xml = options.signer ? samlResponseXml(options) : samlResponseXml({ ...options, sign: 'none' });
  const missing = Math.max(0, bytes - Buffer.byteLength(xml, 'utf8') - 8);
  const [head, tail] = xml.split('</samlp:Response>');
  return `${head}<!--${'A'.repeat(missing)}-->\n</samlp:Response>${tail}`;
}

/**
 * Prototype pollution and profile-field shadowing through attribute names: `__proto__` (with a
 * structured value, which xml2js turns into an object), `constructor`, `hasOwnProperty`, and
 * names of profile fields an SP might read (`nameID`, `issuer`, `inResponseTo`, `sessionIndex`).
 * Validly signed, so only the SP's attribute handling stands in the way.
 */
export function protoAttributes(options: SamlResponseOptions = {}, evilNameId = 'admin@example.com'): string {
  const value = (text: string) => el('saml:AttributeValue', { 'xsi:type': 'xs:string' }, text);
  const attribute = (name: string, ...values: string[]) => el('saml:Attribute', { Name: name }, values);
  const statement = el('saml:AttributeStatement', {}, [
    attribute(
      '__proto__',
      '<saml:AttributeValue><isAdmin>true</isAdmin><role>admin</role></saml:AttributeValue>',
    ),
    attribute('constructor', value('polluted')),
    attribute('hasOwnProperty', value('polluted')),
    attribute('nameID', value(evilNameId)),
    attribute('issuer', value('https://evil.example.net/idp')),
    attribute('inResponseTo', value('_forged_in_response_to')),
    attribute('sessionIndex', value('_forged_session')),
  ]);
  return samlResponseXml({
    ...options,
    sessionIndex: options.sessionIndex ?? null,
    attributeStatementXml: statement,
  });
}

/** The assertion made evil with its ID and signature kept, and the digest its content now has. */
function evilWithDigest(
  signedXml: string,
  evil: EvilContent,
): { l: Located; signature: Element; evilDigest: string } {
  const l = locate(signedXml);
  const signature = l.assertionSignature;
  if (!signature) throw new Error('The assertion is not signed');
  const id = l.assertion.getAttribute('ID')!;
  evilize(l.assertion, evil, { keepSignature: true });
  l.assertion.setAttribute('ID', id);
  // A digest does not depend on the key: sign the evil content with a throwaway key, read it back.
  const unsigned = locate(serialize(l.doc));
  unsigned.assertion.removeChild(unsigned.assertionSignature!);
  const digestUri = descendants(signature, SAML2.ds, 'DigestMethod')[0]?.getAttribute('Algorithm');
  const digestAlgorithm = (Object.keys(DIGEST_METHODS) as SamlDigestAlgorithm[]).find(
    (key) => DIGEST_METHODS[key] === digestUri,
  );
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const resigned = signWithKey(serialize(unsigned.doc), 'assertion', {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    signatureMethod: XMLDSIG.ecdsaSha256,
    digestMethod: DIGEST_METHODS[digestAlgorithm ?? 'sha256'],
    keyInfoPem: undefined,
  });
  const evilDigest = descendants(locate(resigned).assertionSignature!, SAML2.ds, 'DigestValue')[0]!
    .textContent!;
  return { l, signature, evilDigest };
}

/**
 * CVE-2025-29775 (xml-crypto ≤ 6.0.0): the signed assertion is made evil (ID and signature kept)
 * and its DigestValue starts with a comment holding the evil content's digest — a verifier that
 * reads the DigestValue's first child compares with the comment, while SignedInfo (comments
 * dropped by c14n) still matches the SignatureValue.
 */
export function digestValueCommentInjection(signedXml: string, evil: EvilContent): string {
  const { l, signature, evilDigest } = evilWithDigest(signedXml, evil);
  const digestValue = descendants(signature, SAML2.ds, 'DigestValue')[0]!;
  digestValue.insertBefore(l.doc.createComment(evilDigest), digestValue.firstChild);
  return serialize(l.doc);
}

/**
 * CVE-2025-29774 (xml-crypto ≤ 6.0.0): the signed assertion is made evil (ID and signature kept)
 * and a second SignedInfo, the genuine one with the evil content's DigestValue, follows the first —
 * a verifier that checks the SignatureValue over one SignedInfo and the digests of the other is
 * fooled.
 */
export function duplicateSignedInfo(signedXml: string, evil: EvilContent): string {
  const { l, signature, evilDigest } = evilWithDigest(signedXml, evil);
  const signedInfo = childElements(signature, SAML2.ds, 'SignedInfo')[0]!;
  const forged = signedInfo.cloneNode(true) as Element;
  setText(descendants(forged, SAML2.ds, 'DigestValue')[0]!, evilDigest);
  signature.insertBefore(forged, signedInfo.nextSibling);
  return serialize(l.doc);
}

// ── The IdP server ───────────────────────────────────────────────────────────────────────────

/** A parsed AuthnRequest, as the IdP received it. */
export interface AuthnRequestInfo {
  id: string;
  issuer: string | null;
  acsUrl: string | null;
  destination: string | null;
  protocolBinding: string | null;
  nameIdFormat: string | null;
  forceAuthn: boolean;
  isPassive: boolean;
  relayState: string | null;
  binding: 'HTTP-Redirect' | 'HTTP-POST';
  /** Whether the query carried SigAlg + Signature (verified only when `spCertificates` is set). */
  signed: boolean;
  /** The SHA-256 fingerprint of the SP certificate whose key verified the signature, if checked. */
  verifiedBy: string | null;
  xml: string;
  receivedAt: Date;
}

/** Ready-made misbehaviours; `setResponseOptions` overrides them where both set an option. */
export type SamlIdpMode =
  | 'normal'
  | 'wrong-audience'
  | 'no-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-recipient'
  | 'wrong-destination'
  | 'wrong-issuer'
  | 'wrong-in-response-to'
  | 'unsolicited'
  | 'not-bearer'
  | 'no-subject-confirmation'
  | 'unsigned'
  | 'response-signed-only'
  | 'sha1'
  | 'error-status';

export interface SamlIdpContext {
  request: AuthnRequestInfo;
  username: string;
  attributes: Record<string, string | string[]>;
  /** The options the response was built with. */
  options: SamlResponseOptions;
}

export interface SamlIdpOptions {
  /** Signs responses (and is published in metadata unless `publishedCerts` says otherwise). */
  signer: TestCert;
  /** The signing certificates the metadata lists (default `[signer]`). */
  publishedCerts?: TestCert[];
  /** Signs the metadata (unsigned when absent). */
  signMetadataWith?: TestCert;
  /** Published after the metadata signer's certificate in its KeyInfo (e.g. `[pki.intermediate]`). */
  metadataChain?: TestCert[];
  /** Attributes per username; the NameID is the username. */
  users: Record<string, Record<string, string | string[]>>;
  /** Response options for every sign-in (below `mode` and `setResponseOptions`). */
  response?: SamlResponseOptions;
  /** Rewrites every response's XML just before it is base64-encoded. */
  tamper?: (xml: string, ctx: SamlIdpContext) => string;
  mode?: SamlIdpMode;
  /** Where to post when the AuthnRequest names no AssertionConsumerServiceURL. */
  defaultAcsUrl?: string;
  /** Single Logout at `${base}/slo`, published in the metadata with these bindings (default none). */
  slo?: SloBinding[];
  /**
   * Keep a login session per browser (a cookie): a second AuthnRequest from it is answered without
   * the login form, until Single Logout ends the session. Off by default.
   */
  sessions?: boolean;
  /** SP certificates (PEM) whose keys AuthnRequests must be signed with (see `trustSpMetadata`). */
  spCertificates?: string[];
}

/** How the IdP answers a LogoutRequest; all but 'normal' are hostile (or broken) answers. */
export type SamlSloMode =
  'normal' | 'unsigned' | 'wrong-in-response-to' | 'error-status' | 'wrong-destination';

/** A LogoutRequest the IdP received from the SP, after it verified it. */
export interface LogoutRequestInfo {
  id: string;
  issuer: string;
  destination: string | null;
  nameId: string;
  nameIdFormat: string | null;
  sessionIndex: string | null;
  binding: SloBinding;
  /** Verified with the SP's certificate from its metadata (an unsigned request is refused). */
  signed: boolean;
  /** Login sessions the request ended. */
  ended: number;
}

export interface IdpSession {
  username: string;
  sessionIndex: string;
}

export interface IssuedResponse {
  xml: string;
  /** Base64, as posted. */
  samlResponse: string;
  relayState: string | null;
  acsUrl: string;
  username: string;
  request: AuthnRequestInfo;
}

export interface RunningSamlIdp {
  base: string;
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
  /** Mutable: key rotation, or responses signed by someone else. */
  signer: TestCert;
  publishedCerts: TestCert[];
  mode: SamlIdpMode;
  tamper: ((xml: string, ctx: SamlIdpContext) => string) | undefined;
  metadataXml(): string;
  /** Merged into the options of every later response (overrides `mode`). */
  setResponseOptions(partial: SamlResponseOptions): void;
  resetResponseOptions(): void;
  readonly lastRequest: AuthnRequestInfo | null;
  readonly lastResponse: IssuedResponse | null;
  readonly requests: readonly AuthnRequestInfo[];
  /** `${base}/slo` (when `options.slo` publishes it). */
  sloUrl: string;
  sloMode: SamlSloMode;
  /** The binding of the LogoutResponse the IdP sends back (default HTTP-Redirect). */
  sloResponseBinding: SloBinding;
  /** Signs LogoutResponses and IdP-initiated LogoutRequests (default: `signer`). */
  sloSigner: TestCert | null;
  /** Configures the SP from its metadata, as an IdP admin would: its certificates and SLO URLs. */
  registerSp(metadataXml: string): void;
  readonly logoutRequests: readonly LogoutRequestInfo[];
  /** The SP's answers to `idpInitiatedLogout`, verified. */
  readonly logoutResponses: readonly ReceivedLogout[];
  /** Open login sessions (with `sessions: true`). */
  activeSessions(): IdpSession[];
  /** An IdP-initiated, signed LogoutRequest to the SP for a user's session(s). */
  idpInitiatedLogout(
    username: string,
    binding: SloBinding,
    relayState?: string,
  ): { kind: 'redirect'; url: string } | { kind: 'post'; url: string; fields: Record<string, string> };
  /**
   * Mutable. When not empty, every AuthnRequest (HTTP-Redirect) must be signed by the key of one of
   * these certificates, or the IdP answers 403 — as a real IdP that requires signed requests.
   */
  spCertificates: string[];
  /**
   * Reads the SP's metadata as a real IdP does when the admin uploads it: every signing certificate
   * in it is accepted (several during an SP certificate rollover), replacing the ones before.
   */
  trustSpMetadata(xml: string): void;
  stop(): Promise<void>;
}

const LIMITS = {
  /** Base64 SAMLRequest, query or form. */
  encodedRequest: 64 * 1024,
  /** The inflated (or decoded) AuthnRequest XML. */
  requestXml: 256 * 1024,
  formBody: 128 * 1024,
  pendingRequests: 1000,
};

const EVIL_ENDPOINT = 'https://evil.example.net/saml/acs';

function modeOptions(mode: SamlIdpMode): SamlResponseOptions {
  const now = Date.now();
  const hour = 60 * 60_000;
  switch (mode) {
    case 'normal':
      return {};
    case 'wrong-audience':
      return { audience: 'urn:evil:sp' };
    case 'no-audience':
      return { audience: null };
    case 'expired':
      return {
        issueInstant: new Date(now - 2 * hour),
        notBefore: new Date(now - 2 * hour),
        notOnOrAfter: new Date(now - hour),
      };
    case 'not-yet-valid':
      return {
        issueInstant: new Date(now + hour),
        notBefore: new Date(now + hour),
        notOnOrAfter: new Date(now + 2 * hour),
      };
    case 'wrong-recipient':
      return { recipient: EVIL_ENDPOINT };
    case 'wrong-destination':
      return { destination: EVIL_ENDPOINT };
    case 'wrong-issuer':
      return { issuer: 'https://evil.example.net/idp' };
    case 'wrong-in-response-to':
      return { inResponseTo: randomSamlId() };
    case 'unsolicited':
      return { inResponseTo: null };
    case 'not-bearer':
      return { subjectConfirmationMethod: SAML2.cm.holderOfKey };
    case 'no-subject-confirmation':
      return { subjectConfirmationMethod: null };
    case 'unsigned':
      return { sign: 'none' };
    case 'response-signed-only':
      return { sign: 'response' };
    case 'sha1':
      return { signatureAlgorithm: 'rsa-sha1', digestAlgorithm: 'sha1' };
    case 'error-status':
      return {
        statusCode: SAML2.status.responder,
        subStatusCode: SAML2.status.authnFailed,
        statusMessage: 'Authentication failed',
        assertion: false,
      };
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads an AuthnRequest (DOCTYPE refused, well-formed, namespaces checked). */
export function parseAuthnRequest(
  xml: string,
): Omit<AuthnRequestInfo, 'relayState' | 'binding' | 'signed' | 'verifiedBy' | 'receivedAt'> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new HttpError(400, 'DOCTYPE in the AuthnRequest');
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch {
    throw new HttpError(400, 'The AuthnRequest is not well-formed XML');
  }
  const root = doc.documentElement!;
  if (root.namespaceURI !== SAML2.protocol || root.localName !== 'AuthnRequest')
    throw new HttpError(400, 'Not a samlp:AuthnRequest');
  const id = root.getAttribute('ID');
  if (!id) throw new HttpError(400, 'The AuthnRequest has no ID');
  const attribute = (element: Element | undefined, name: string) =>
    element && element.hasAttribute(name) ? element.getAttribute(name) : null;
  const issuer = childElements(root, SAML2.assertion, 'Issuer')[0];
  const policy = childElements(root, SAML2.protocol, 'NameIDPolicy')[0];
  return {
    id,
    issuer: issuer ? (issuer.textContent ?? '').trim() : null,
    acsUrl: attribute(root, 'AssertionConsumerServiceURL'),
    destination: attribute(root, 'Destination'),
    protocolBinding: attribute(root, 'ProtocolBinding'),
    nameIdFormat: attribute(policy, 'Format'),
    forceAuthn: root.getAttribute('ForceAuthn') === 'true',
    isPassive: root.getAttribute('IsPassive') === 'true',
    xml,
  };
}

/** A minimal AuthnRequest, for driving the IdP without an SP library. */
export function authnRequestXml(options: {
  id?: string;
  issuer?: string;
  acsUrl?: string | null;
  destination?: string;
  nameIdFormat?: string;
}): string {
  return el(
    'samlp:AuthnRequest',
    {
      'xmlns:samlp': SAML2.protocol,
      'xmlns:saml': SAML2.assertion,
      ID: options.id ?? randomSamlId(),
      Version: '2.0',
      IssueInstant: instant(new Date()),
      Destination: options.destination,
      ProtocolBinding: BINDINGS.post,
      AssertionConsumerServiceURL: options.acsUrl === undefined ? TEST_SP.acsUrl : options.acsUrl,
    },
    [
      el('saml:Issuer', {}, options.issuer ?? TEST_SP.entityId),
      options.nameIdFormat && el('samlp:NameIDPolicy', { Format: options.nameIdFormat, AllowCreate: 'true' }),
    ],
  );
}

/** The HTTP-Redirect binding URL for `requestXml` (raw DEFLATE, base64, URL-encoded). */
export function redirectBindingUrl(ssoUrl: string, requestXml: string, relayState?: string): string {
  const url = new URL(ssoUrl);
  url.searchParams.set('SAMLRequest', deflateRawSync(Buffer.from(requestXml, 'utf8')).toString('base64'));
  if (relayState !== undefined) url.searchParams.set('RelayState', relayState);
  return url.toString();
}

function unescapeHtml(value: string): string {
  return value.replace(
    /&#(\d+);|&(amp|lt|gt|quot);/g,
    (_m, code: string | undefined, name: string | undefined) =>
      code
        ? String.fromCharCode(Number(code))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as const)[name as 'amp'],
  );
}

/** The action and hidden fields of the IdP's auto-posting page (or its login page). */
export function readPostForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('No form in this page');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1]!] = unescapeHtml(match[2]!);
  return { action: unescapeHtml(action), fields };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

function loginPage(key: string, request: AuthnRequestInfo, error?: string): string {
  return page(
    'Test IdP — Sign in',
    `<h1>Test IdP</h1>
<p>Sign in to continue to ${escapeXml(request.issuer ?? 'an unnamed service')}.</p>${error ? `\n<p role="alert">${escapeXml(error)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="key" value="${escapeXml(key)}">
<label for=u>Username</label><input id=u name=username autocomplete=username>
<button type=submit>Sign in</button>
</form>`,
  );
}

function autoPostPage(issued: IssuedResponse): string {
  const relayState =
    issued.relayState === null
      ? ''
      : `\n<input type="hidden" name="RelayState" value="${escapeXml(issued.relayState)}">`;
  return page(
    'Test IdP — Continue',
    `<form method="post" action="${escapeXml(issued.acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${escapeXml(issued.samlResponse)}">${relayState}
<noscript><p>JavaScript is off: press Continue.</p></noscript>
<button type="submit">Continue</button>
</form>
<script>document.forms[0].submit()</script>`,
  );
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'Expected a form post');
  return new URLSearchParams(await readBody(req, LIMITS.formBody));
}

function decodeSamlRequest(encoded: string, deflated: boolean): string {
  if (encoded.length > LIMITS.encodedRequest) throw new HttpError(413, 'SAMLRequest too large');
  const bytes = Buffer.from(encoded, 'base64');
  if (!deflated) {
    if (bytes.length > LIMITS.requestXml) throw new HttpError(413, 'SAMLRequest too large');
    return bytes.toString('utf8');
  }
  try {
    return inflateRawSync(bytes, { maxOutputLength: LIMITS.requestXml }).toString('utf8');
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(413, 'SAMLRequest inflates too large');
    throw new HttpError(400, 'SAMLRequest is not raw DEFLATE data');
  }
}

/** The signing certificates an SP's metadata publishes (KeyDescriptor use="signing" or no use). */
export function spMetadataCertificates(xml: string): string[] {
  const doc = parseXmlStrict(xml);
  const sp = childElements(doc.documentElement!, SAML_NS.md, 'SPSSODescriptor')[0];
  if (!sp) throw new Error('Not SP metadata: no md:SPSSODescriptor');
  return childElements(sp, SAML_NS.md, 'KeyDescriptor')
    .filter((descriptor) => (descriptor.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((descriptor) => childElements(descriptor, SAML_NS.ds, 'KeyInfo'))
    .flatMap((keyInfo) => childElements(keyInfo, SAML_NS.ds, 'X509Data'))
    .flatMap((data) => childElements(data, SAML_NS.ds, 'X509Certificate'))
    .map((element) => {
      const body = (element.textContent ?? '').replace(/\s+/g, '');
      return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    });
}

const REDIRECT_SIG_ALGS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': 'sha256',
};

/**
 * SAML bindings §3.4.4.1: the signature covers `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as
 * the values appear (URL-encoded) in the query. Returns the fingerprint of the certificate whose key
 * verified it; 403 when none does.
 */
function verifyRedirectSignature(url: URL, certificates: readonly string[]): string {
  const raw = new Map(
    url.search
      .slice(1)
      .split('&')
      .map((pair) => {
        const at = pair.indexOf('=');
        return [decodeURIComponent(pair.slice(0, at)), pair.slice(at + 1)] as const;
      }),
  );
  const sigAlg = url.searchParams.get('SigAlg');
  const signature = url.searchParams.get('Signature');
  if (!sigAlg || !signature)
    throw new HttpError(403, 'This IdP requires signed AuthnRequests; this one is not signed');
  const hash = REDIRECT_SIG_ALGS[sigAlg];
  if (!hash) throw new HttpError(403, `Unsupported SigAlg ${sigAlg}`);
  const signed = ['SAMLRequest', 'RelayState', 'SigAlg']
    .filter((name) => raw.has(name))
    .map((name) => `${name}=${raw.get(name)!}`)
    .join('&');
  for (const pem of certificates) {
    const certificate = new X509Certificate(pem);
    if (verifySignature(hash, Buffer.from(signed), certificate.publicKey, Buffer.from(signature, 'base64')))
      return certificate.fingerprint256;
  }
  throw new HttpError(
    403,
    'The AuthnRequest signature does not verify with any SP certificate this IdP knows: upload the SP metadata again',
  );
}

/**
 * A SAML 2.0 IdP on 127.0.0.1, entity ID `${base}/metadata`:
 * - GET /metadata: its metadata (signed when `signMetadataWith` is given), SSO at `${base}/sso`
 *   with the HTTP-Redirect binding;
 * - GET /sso (HTTP-Redirect) or POST /sso (HTTP-POST): reads the AuthnRequest, answers a login form;
 * - POST /login: for a known username, an auto-posting form carrying the signed SAMLResponse
 *   (InResponseTo = the request's ID, Destination = Recipient = its ACS URL, Audience = its
 *   Issuer) and the RelayState; 401 "Unknown user" otherwise.
 */
export async function startSamlIdp(options: SamlIdpOptions): Promise<RunningSamlIdp> {
  const pending = new Map<string, AuthnRequestInfo>();
  const requests: AuthnRequestInfo[] = [];
  let overrides: SamlResponseOptions = {};
  let lastResponse: IssuedResponse | null = null;
  /** Login sessions by cookie value. */
  const sessions = new Map<string, IdpSession>();
  const logoutRequests: LogoutRequestInfo[] = [];
  const logoutResponses: ReceivedLogout[] = [];
  let sp: SpMetadataInfo | null = null;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        send(res, status, 'text/html', page('Test IdP — Error', `<p>${escapeXml(message)}</p>`));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const idp: RunningSamlIdp = {
    base,
    entityId: `${base}/metadata`,
    metadataUrl: `${base}/metadata`,
    ssoUrl: `${base}/sso`,
    signer: options.signer,
    publishedCerts: options.publishedCerts ?? [options.signer],
    mode: options.mode ?? 'normal',
    tamper: options.tamper,
    spCertificates: options.spCertificates ?? [],
    trustSpMetadata(xml) {
      idp.spCertificates = spMetadataCertificates(xml);
    },
    metadataXml() {
      const xml = idpMetadataXml({
        entityId: idp.entityId,
        id: '_test_idp_metadata',
        signing: idp.publishedCerts.map((cert) => cert.base64),
        sso: [{ binding: BINDINGS.redirect, location: idp.ssoUrl }],
        slo: (options.slo ?? []).map((binding) => ({
          binding: binding === 'HTTP-POST' ? BINDINGS.post : BINDINGS.redirect,
          location: idp.sloUrl,
        })),
      });
      return options.signMetadataWith
        ? signXml(xml, options.signMetadataWith, { chain: options.metadataChain ?? [] })
        : xml;
    },
    setResponseOptions(partial) {
      overrides = { ...overrides, ...partial };
    },
    resetResponseOptions() {
      overrides = {};
    },
    get lastRequest() {
      return requests.at(-1) ?? null;
    },
    get lastResponse() {
      return lastResponse;
    },
    get requests() {
      return requests;
    },
    sloUrl: `${base}/slo`,
    sloMode: 'normal',
    sloResponseBinding: 'HTTP-Redirect',
    sloSigner: null,
    registerSp(metadataXml) {
      sp = readSpMetadata(metadataXml);
    },
    get logoutRequests() {
      return logoutRequests;
    },
    get logoutResponses() {
      return logoutResponses;
    },
    activeSessions() {
      return [...sessions.values()];
    },
    idpInitiatedLogout(username, binding, relayState = 'idp-initiated') {
      const registered = requireSp();
      const location = registered.slo[binding];
      if (!location) throw new Error(`The SP's metadata has no ${binding} SingleLogoutService`);
      // The IdP ends its own (latest) session of the user, then tells the SP.
      const [key, session] = [...sessions].filter(([, entry]) => entry.username === username).at(-1) ?? [];
      if (key) sessions.delete(key);
      const xml = logoutRequestXml({
        id: randomSamlId(),
        destination: location,
        issuer: idp.entityId,
        nameId: username,
        nameIdFormat: SAML2.nameIdFormat.email,
        sessionIndex: session?.sessionIndex ?? null,
      });
      if (binding === 'HTTP-Redirect')
        return {
          kind: 'redirect',
          url: redirectUrl(location, 'SAMLRequest', xml, relayState, idp.sloSigner ?? idp.signer),
        };
      return {
        kind: 'post',
        url: location,
        fields: {
          SAMLRequest: Buffer.from(signRoot(xml, idp.sloSigner ?? idp.signer)).toString('base64'),
          RelayState: relayState,
        },
      };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(body);
  }

  const SESSION_COOKIE = 'test_idp_session';
  function sessionOf(req: IncomingMessage): IdpSession | null {
    const cookie = (req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === SESSION_COOKIE)?.[1];
    return (cookie && sessions.get(cookie)) || null;
  }

  function requireSp(): SpMetadataInfo {
    if (!sp) throw new HttpError(400, 'No SP is registered for Single Logout (registerSp)');
    return sp;
  }

  /** SAML profiles §4.4.4: verify the SP's LogoutRequest, end the sessions it names, answer. */
  function logout(received: ReceivedLogout, binding: SloBinding, res: ServerResponse): void {
    const registered = requireSp();
    if (!received.signed) throw new HttpError(400, 'Unsigned LogoutRequest refused');
    const root = received.root;
    if (root.namespaceURI !== SAML2.protocol || root.localName !== 'LogoutRequest')
      throw new HttpError(400, 'Not a samlp:LogoutRequest');
    const issuer = text(child(root, 'assertion', 'Issuer'));
    if (issuer !== registered.entityId) throw new HttpError(400, `Unknown SP ${issuer}`);
    const destination = root.getAttribute('Destination');
    if (destination !== idp.sloUrl)
      throw new HttpError(400, `Destination ${destination} is not ${idp.sloUrl}`);
    const nameIdElement = child(root, 'assertion', 'NameID');
    const nameId = text(nameIdElement);
    const sessionIndex = text(child(root, 'protocol', 'SessionIndex')) || null;
    let ended = 0;
    for (const [key, session] of sessions) {
      if (session.username === nameId && (sessionIndex === null || session.sessionIndex === sessionIndex)) {
        sessions.delete(key);
        ended++;
      }
    }
    const id = root.getAttribute('ID') ?? '';
    logoutRequests.push({
      id,
      issuer,
      destination,
      nameId,
      nameIdFormat: nameIdElement?.getAttribute('Format') || null,
      sessionIndex,
      binding,
      signed: received.signed,
      ended,
    });
    const respondBinding = idp.sloResponseBinding;
    const location = registered.slo[respondBinding];
    if (!location) throw new HttpError(400, `The SP's metadata has no ${respondBinding} SingleLogoutService`);
    const mode = idp.sloMode;
    const xml = logoutResponseXml({
      id: randomSamlId(),
      inResponseTo: mode === 'wrong-in-response-to' ? randomSamlId() : id,
      destination: mode === 'wrong-destination' ? EVIL_ENDPOINT : location,
      issuer: idp.entityId,
      statusCode: mode === 'error-status' ? SAML2.status.responder : SAML2.status.success,
      ...(mode === 'error-status'
        ? {
            subStatusCode: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout',
            statusMessage: 'Session store unavailable',
          }
        : {}),
    });
    const signer = mode === 'unsigned' ? null : (idp.sloSigner ?? idp.signer);
    if (respondBinding === 'HTTP-Redirect') {
      res.writeHead(302, {
        Location: redirectUrl(location, 'SAMLResponse', xml, received.relayState, signer),
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    send(
      res,
      200,
      'text/html',
      autoPostPage({
        xml,
        samlResponse: Buffer.from(signer ? signRoot(xml, signer) : xml).toString('base64'),
        relayState: received.relayState,
        acsUrl: location,
        username: nameId,
        request: requests.at(-1)!,
      }),
    );
  }

  /** The SP's answer to an IdP-initiated LogoutRequest. */
  function logoutAnswered(received: ReceivedLogout, res: ServerResponse): void {
    if (!received.signed) throw new HttpError(400, 'Unsigned LogoutResponse refused');
    logoutResponses.push(received);
    send(res, 200, 'text/html', page('Test IdP — Signed out', '<h1>Test IdP</h1><p>You are signed out.</p>'));
  }

  function receive(
    encoded: string | null,
    relayState: string | null,
    binding: AuthnRequestInfo['binding'],
    signed: boolean,
    verifiedBy: string | null = null,
  ): { key: string; request: AuthnRequestInfo } {
    if (!encoded) throw new HttpError(400, 'No SAMLRequest');
    const xml = decodeSamlRequest(encoded, binding === 'HTTP-Redirect');
    const request: AuthnRequestInfo = {
      ...parseAuthnRequest(xml),
      relayState,
      binding,
      signed,
      verifiedBy,
      receivedAt: new Date(),
    };
    requests.push(request);
    if (pending.size >= LIMITS.pendingRequests) pending.delete(pending.keys().next().value!);
    const key = randomBytes(16).toString('hex');
    pending.set(key, request);
    return { key, request };
  }

  function respond(request: AuthnRequestInfo, username: string, sessionIndex?: string): IssuedResponse {
    const acsUrl = request.acsUrl ?? options.defaultAcsUrl;
    if (!acsUrl) throw new HttpError(400, 'The AuthnRequest names no AssertionConsumerServiceURL');
    const attributes = options.users[username]!;
    const responseOptions: SamlResponseOptions = {
      issuer: idp.entityId,
      signer: idp.signer,
      inResponseTo: request.id,
      destination: acsUrl,
      recipient: acsUrl,
      audience: request.issuer,
      nameId: username,
      nameIdFormat: request.nameIdFormat ?? SAML2.nameIdFormat.email,
      attributes,
      ...(sessionIndex ? { sessionIndex } : {}),
      ...options.response,
      ...modeOptions(idp.mode),
      ...overrides,
    };
    const ctx: SamlIdpContext = { request, username, attributes, options: responseOptions };
    let xml = samlResponseXml(responseOptions);
    if (idp.tamper) xml = idp.tamper(xml, ctx);
    return { xml, samlResponse: toPostBody(xml), relayState: request.relayState, acsUrl, username, request };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /metadata':
        return send(res, 200, 'application/samlmetadata+xml', idp.metadataXml());
      case 'GET /sso': {
        const q = url.searchParams;
        const signed = q.has('SigAlg') && q.has('Signature');
        const verifiedBy =
          idp.spCertificates.length > 0 ? verifyRedirectSignature(url, idp.spCertificates) : null;
        const { key, request } = receive(
          q.get('SAMLRequest'),
          q.get('RelayState'),
          'HTTP-Redirect',
          signed,
          verifiedBy,
        );
        const session = options.sessions ? sessionOf(req) : null;
        if (session) {
          // Already signed in here: single sign-on, no login form.
          pending.delete(key);
          const issued = respond(request, session.username, session.sessionIndex);
          lastResponse = issued;
          return send(res, 200, 'text/html', autoPostPage(issued));
        }
        return send(res, 200, 'text/html', loginPage(key, request));
      }
      case 'GET /slo': {
        const raw = url.search.slice(1);
        const received = readRedirect(raw, requireSp().certificatesPem);
        if (received.root.localName === 'LogoutResponse') return logoutAnswered(received, res);
        return logout(received, 'HTTP-Redirect', res);
      }
      case 'POST /slo': {
        const form = await readForm(req);
        const certs = requireSp().certificatesPem;
        const response = form.get('SAMLResponse');
        if (response) return logoutAnswered(readPost(response, form.get('RelayState'), certs), res);
        const received = readPost(form.get('SAMLRequest') ?? '', form.get('RelayState'), certs);
        return logout(received, 'HTTP-POST', res);
      }
      case 'POST /sso': {
        const form = await readForm(req);
        if (idp.spCertificates.length > 0)
          throw new HttpError(400, 'This test IdP checks AuthnRequest signatures on HTTP-Redirect only');
        const { key, request } = receive(form.get('SAMLRequest'), form.get('RelayState'), 'HTTP-POST', false);
        return send(res, 200, 'text/html', loginPage(key, request));
      }
      case 'POST /login': {
        const form = await readForm(req);
        const key = form.get('key') ?? '';
        const request = pending.get(key);
        if (!request) throw new HttpError(400, 'Unknown or expired sign-in request');
        const username = form.get('username') ?? '';
        if (!Object.hasOwn(options.users, username))
          return send(res, 401, 'text/html', loginPage(key, request, 'Unknown user'));
        const sessionIndex = randomSamlId();
        const issued = respond(request, username, sessionIndex);
        pending.delete(key);
        lastResponse = issued;
        const headers: Record<string, string> = {};
        if (options.sessions) {
          const cookie = randomBytes(16).toString('hex');
          sessions.set(cookie, { username, sessionIndex });
          headers['Set-Cookie'] = `${SESSION_COOKIE}=${cookie}; Path=/; HttpOnly; SameSite=Lax`;
        }
        return send(res, 200, 'text/html', autoPostPage(issued), headers);
      }
      default:
        throw new HttpError(404, 'Not found');
    }
  }

  return idp;
}
