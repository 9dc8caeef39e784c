/**
 * SAML Web Browser SSO as the service provider (SPEC S6, §2): AuthnRequest by HTTP-Redirect (or an
 * HTTP-POST form), response by HTTP-POST to the ACS, validated by @node-saml/node-saml with every
 * setting that matters — and then by the checks node-saml does not make (see ownChecks below).
 *
 * Every response yields a list of checks, each pass/fail/skipped with what to fix, so Test SSO can
 * say *why* a response was refused instead of "an error occurred" (SPEC §4).
 */
import { X509Certificate } from 'node:crypto';
import {
  SAML,
  ValidateInResponseTo,
  type CacheItem,
  type CacheProvider,
  type SamlConfig,
} from '@node-saml/node-saml';
import type { Document, Element } from '@xmldom/xmldom';
import type { SignInCheck } from '../../../shared/admin/directory';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { CheckFailure, checkList, type CheckParams } from './checks';
import { ACCEPTED_DIGESTS, ACCEPTED_SIGNATURE_METHODS, SAML_NS, XMLDSIG } from '../sso/metadata';
import { childElements, ELEMENT_NODE, firstChild, is, parseXmlStrict } from '../sso/xml';
import { attributeMap, type AttributeMap } from '../jit/mapping';

export const SAML_LIMITS = {
  /** The ACS refuses larger bodies before parsing them. */
  bodyMaxBytes: 512 * 1024,
  /** How long an AuthnRequest's ID is accepted as InResponseTo. */
  requestLifetimeMs: 10 * 60_000,
  clockSkewMs: 60_000,
  /** An assertion issued longer ago than this is refused, whatever its NotOnOrAfter says. */
  maxAssertionAgeMs: 10 * 60_000,
  attributesMax: 200,
  valuesMax: 500,
  valueMaxChars: 4096,
} as const;

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export interface SamlPeer {
  /** Our entity ID (the audience) and ACS URL (the Recipient and Destination). */
  spEntityId: string;
  acsUrl: string;
  idpEntityId: string;
  ssoUrl: string;
  ssoBinding: 'HTTP-Redirect' | 'HTTP-POST';
  /** Every signing certificate from the IdP's metadata (PEM); nothing else is trusted. */
  certificates: string[];
  /** Signs the AuthnRequest (our metadata says AuthnRequestsSigned); null sends it unsigned. */
  spPrivateKeyPem: string | null;
}

export type SamlStart =
  | { kind: 'redirect'; url: string; requestId: string }
  | { kind: 'post'; url: string; fields: Record<string, string>; requestId: string };

export interface SamlSuccess {
  ok: true;
  nameId: string;
  attributes: AttributeMap;
  /** The AuthnStatement's AuthnContextClassRef: how the IdP authenticated the person (or null). */
  authnContext: string | null;
  /** What a later Single Logout names (saml-logout.ts): from the assertion node-saml verified. */
  session: SamlSessionRef;
  checks: SignInCheck[];
  xml: string;
}

/** The NameID (with its qualifiers) and SessionIndex a LogoutRequest must carry. */
export interface SamlSessionRef {
  nameId: string;
  nameIdFormat: string | null;
  nameQualifier: string | null;
  spNameQualifier: string | null;
  sessionIndex: string | null;
}
export interface SamlFailure {
  ok: false;
  checks: SignInCheck[];
  xml: string | null;
}
export type SamlOutcome = SamlSuccess | SamlFailure;

/** The checks in the order they run; each later one is "skipped" once one fails. */
export const SAML_CHECKS = [
  ['size', 'Response size'],
  ['xml', 'Well-formed XML without DTD'],
  ['status', 'IdP reports success'],
  ['destination', 'Destination is our ACS URL'],
  ['issuer', 'Issuer is the IdP'],
  ['encryption', 'Assertion not encrypted'],
  ['algorithms', 'SHA-256 or better'],
  ['one-assertion', 'Exactly one assertion'],
  ['in-response-to', 'Answers our request'],
  ['conditions', 'Assertion has Conditions (audience and validity)'],
  ['signature', 'Assertion signed by a pinned certificate'],
  ['time', 'Within its validity period'],
  ['audience', 'Audience is our entity ID'],
  ['subject-confirmation', 'Bearer subject confirmation'],
  ['recipient', 'Recipient is our ACS URL'],
  ['expiry', 'Assertion expires'],
  ['replay', 'Not seen before'],
] as const;
export type SamlCheckId = (typeof SAML_CHECKS)[number][0];

type SamlCheckFailure = CheckFailure<SamlCheckId>;

const fail = (id: SamlCheckId, detail: string, fix: string, code?: string, params?: CheckParams): never => {
  throw new CheckFailure(id, detail, fix, code, params);
};

function text(element: Element | undefined): string {
  // textContent joins every text node and drops comments: "a<!---->b" reads as the "ab" that was
  // signed (exclusive c14n without comments), never as "a".
  return (element?.textContent ?? '').trim();
}

function base64Der(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

/**
 * What node-saml said, as one of our checks. Its errors are plain Errors; their messages are the
 * only thing that tells them apart (node_modules/@node-saml/node-saml/lib/saml.js).
 */
function classifyNodeSamlError(message: string, keyInfoCertIsForeign: boolean): SamlCheckFailure {
  if (/InResponseTo/i.test(message)) {
    return new CheckFailure<SamlCheckId>(
      'in-response-to',
      `The response does not answer a request Tessera sent in the last ${SAML_LIMITS.requestLifetimeMs / 60_000} minutes (${message}).`,
      'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
      'not-our-request',
      { minutes: SAML_LIMITS.requestLifetimeMs / 60_000, message },
    );
  }
  if (/multiple assertions/i.test(message)) {
    return new CheckFailure<SamlCheckId>(
      'one-assertion',
      'The response carries more than one assertion.',
      'A genuine IdP sends one; this response was probably tampered with.',
      'several-assertions',
    );
  }
  if (/signature|Cannot obtain assertion/i.test(message)) {
    return keyInfoCertIsForeign
      ? new CheckFailure<SamlCheckId>(
          'signature',
          'The response is signed by a certificate that is not in the uploaded metadata.',
          "The IdP may have rolled its certificate: download its new metadata and upload it in this IdP's settings.",
          'foreign-certificate',
        )
      : new CheckFailure<SamlCheckId>(
          'signature',
          `The assertion's signature does not verify with any certificate from the IdP's metadata (${message}).`,
          'Make the IdP sign the assertion (not only the response) with SHA-256; if it does, the response was altered on the way.',
          'bad-signature',
          { message },
        );
  }
  if (/Error parsing NotOnOrAfter/i.test(message)) {
    return new CheckFailure<SamlCheckId>(
      'expiry',
      'The assertion does not say when it expires (no NotOnOrAfter).',
      'Configure the IdP to limit the assertion’s lifetime.',
      'no-not-on-or-after',
    );
  }
  if (/not yet valid|expired|too old|skew|No valid subject confirmation/i.test(message)) {
    return new CheckFailure<SamlCheckId>(
      'time',
      `The assertion is outside its validity period (${message}).`,
      `Check that this computer's clock and the IdP's are right (up to ${SAML_LIMITS.clockSkewMs / 1000} s of difference is tolerated).`,
      'outside-validity',
      { message, seconds: SAML_LIMITS.clockSkewMs / 1000 },
    );
  }
  if (/audience/i.test(message)) {
    return new CheckFailure<SamlCheckId>(
      'audience',
      `The assertion is meant for another service (${message}).`,
      "Set the audience / SP entity ID at the IdP to Tessera's entity ID (it is in Tessera's SP metadata).",
      'wrong-audience',
      { message },
    );
  }
  return new CheckFailure<SamlCheckId>(
    'xml',
    `The response could not be processed (${message}).`,
    'Check the IdP configuration.',
    'unprocessable',
    { message },
  );
}

/**
 * Where node-saml keeps the request IDs we issued (validateInResponseTo: always): in memory, for
 * SAML_LIMITS.requestLifetimeMs. A restart forgets them, which only fails sign-ins in flight.
 * (node-saml's own InMemoryCacheProvider is not exported from its package.)
 */
class RequestIdCache implements CacheProvider {
  private readonly items = new Map<string, CacheItem>();

  constructor(private readonly now: () => number) {}

  private prune(): void {
    const oldest = this.now() - SAML_LIMITS.requestLifetimeMs;
    for (const [key, item] of this.items) if (item.createdAt < oldest) this.items.delete(key);
  }

  saveAsync(key: string, value: string): Promise<CacheItem | null> {
    this.prune();
    if (this.items.has(key)) return Promise.resolve(null);
    const item = { value, createdAt: this.now() };
    this.items.set(key, item);
    return Promise.resolve(item);
  }

  getAsync(key: string): Promise<string | null> {
    this.prune();
    return Promise.resolve(this.items.get(key)?.value ?? null);
  }

  removeAsync(key: string | null): Promise<string | null> {
    if (key === null) return Promise.resolve(null);
    const item = this.items.get(key);
    this.items.delete(key);
    return Promise.resolve(item?.value ?? null);
  }
}

export class SamlServiceProvider {
  private readonly requests: RequestIdCache;
  /** Assertion ID → when it may be forgotten (its NotOnOrAfter, plus the skew). */
  private readonly seen = new Map<string, number>();

  /**
   * node-saml reads the system clock (new Date()) for every time check it makes, so ours use the
   * same clock: one response is never judged against two different "nows".
   */
  constructor(private readonly now: () => number = Date.now) {
    this.requests = new RequestIdCache(now);
  }

  private saml(peer: SamlPeer, requestId?: string): SAML {
    const config: SamlConfig = {
      // Pinned: every certificate from the metadata, never the one inside a response.
      idpCert: peer.certificates,
      issuer: peer.spEntityId,
      callbackUrl: peer.acsUrl,
      entryPoint: peer.ssoUrl,
      audience: peer.spEntityId,
      wantAssertionsSigned: true,
      // Many IdPs sign only the assertion; the assertion is what we read, and it must be signed.
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: SAML_LIMITS.requestLifetimeMs,
      cacheProvider: this.requests,
      acceptedClockSkewMs: SAML_LIMITS.clockSkewMs,
      maxAssertionAgeMs: SAML_LIMITS.maxAssertionAgeMs,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'sha256',
      authnRequestBinding: peer.ssoBinding === 'HTTP-POST' ? 'HTTP-POST' : undefined,
      // The HTTP-POST binding carries the request base64-encoded only; DEFLATE is for redirects.
      skipRequestCompression: peer.ssoBinding === 'HTTP-POST',
      identifierFormat: null,
      disableRequestedAuthnContext: true,
      ...(peer.spPrivateKeyPem ? { privateKey: peer.spPrivateKeyPem } : {}),
      ...(requestId ? { generateUniqueId: () => requestId } : {}),
    };
    return new SAML(config);
  }

  /** The AuthnRequest to send the browser to; `relayState` names the sign-in flow. */
  async start(peer: SamlPeer, relayState: string): Promise<SamlStart> {
    // NCName: an ID must not start with a digit.
    const requestId = `_${crypto.randomUUID().replace(/-/g, '')}`;
    const saml = this.saml(peer, requestId);
    if (peer.ssoBinding === 'HTTP-POST') {
      // The form fields (SAMLRequest, RelayState, …); our own page posts them (no script).
      const message = await saml.getAuthorizeMessageAsync(relayState, undefined, {});
      const fields = Object.fromEntries(
        Object.entries(message).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      return { kind: 'post', url: peer.ssoUrl, fields, requestId };
    }
    const url = await saml.getAuthorizeUrlAsync(relayState, undefined, {});
    return { kind: 'redirect', url, requestId };
  }

  /**
   * Validates a POSTed SAMLResponse for the request `expectedRequestId` of this flow. Never throws
   * for a bad response: the outcome carries the failed check.
   */
  async validate(peer: SamlPeer, samlResponse: string, expectedRequestId: string): Promise<SamlOutcome> {
    let xml: string | null = null;
    let reached: SamlCheckId | null = null;
    try {
      reached = 'size';
      if (samlResponse.length > SAML_LIMITS.bodyMaxBytes) {
        fail(
          'size',
          `The response is larger than ${SAML_LIMITS.bodyMaxBytes / 1024} KB.`,
          'A genuine response is a few KB; check what the IdP sends.',
          'too-large',
          { kb: SAML_LIMITS.bodyMaxBytes / 1024 },
        );
      }
      reached = 'xml';
      if (!/^[A-Za-z0-9+/=\s]+$/.test(samlResponse)) {
        fail(
          'xml',
          'SAMLResponse is not base64.',
          'The IdP must post the response with the HTTP-POST binding.',
          'not-base64',
        );
      }
      xml = Buffer.from(samlResponse, 'base64').toString('utf8');
      const doc = this.parse(xml);
      const response = doc.documentElement!;

      reached = 'status';
      const statusCode = firstChild(
        firstChild(response, SAML_NS.protocol, 'Status') ?? response,
        SAML_NS.protocol,
        'StatusCode',
      );
      const status = statusCode?.getAttribute('Value') ?? '';
      if (status !== SUCCESS) {
        const inner = statusCode
          ? firstChild(statusCode, SAML_NS.protocol, 'StatusCode')?.getAttribute('Value')
          : null;
        const message = text(
          firstChild(
            firstChild(response, SAML_NS.protocol, 'Status') ?? response,
            SAML_NS.protocol,
            'StatusMessage',
          ),
        );
        fail(
          'status',
          `The IdP answered ${status.split(':').pop() || 'without a status'}${inner ? ` / ${inner.split(':').pop()}` : ''}${message ? `: ${message}` : ''}.`,
          'An authentication error means the credentials (or the user’s access to this application at the IdP); anything else is the IdP’s configuration.',
          'idp-status',
          {
            answer: `${status.split(':').pop() || '—'}${inner ? ` / ${inner.split(':').pop()}` : ''}${message ? `: ${message}` : ''}`,
          },
        );
      }

      reached = 'destination';
      const destination = response.getAttribute('Destination');
      if (destination !== null && destination !== peer.acsUrl) {
        fail(
          'destination',
          `The response is addressed to ${destination}, not to ${peer.acsUrl}.`,
          `Set the ACS URL at the IdP to ${peer.acsUrl}.`,
          'wrong-destination',
          { destination, acsUrl: peer.acsUrl },
        );
      }

      reached = 'issuer';
      const responseIssuer = firstChild(response, ASSERTION_NS, 'Issuer');
      if (responseIssuer && text(responseIssuer) !== peer.idpEntityId) {
        fail(
          'issuer',
          `The response comes from "${text(responseIssuer)}", not from "${peer.idpEntityId}".`,
          'Upload this IdP’s own metadata; the response is from another entity.',
          'wrong-response-issuer',
          { issuer: text(responseIssuer), expected: peer.idpEntityId },
        );
      }

      // Before the algorithms: an EncryptedKey's OAEP DigestMethod (often SHA-1) is no signature's.
      reached = 'encryption';
      if (childElements(response, ASSERTION_NS, 'EncryptedAssertion').length > 0) {
        fail(
          'encryption',
          'The IdP encrypted the assertion (EncryptedAssertion); Tessera does not decrypt assertions, and its SP metadata offers no encryption key.',
          'Turn off assertion encryption for Tessera at the IdP (AD FS: remove the encryption certificate from the relying party trust; Entra ID: turn off token encryption for the application). The response still travels only to this computer, signed.',
          'encrypted-assertion',
        );
      }

      reached = 'algorithms';
      this.checkAlgorithms(doc);

      reached = 'one-assertion';
      const assertions = childElements(response, ASSERTION_NS, 'Assertion');
      if (assertions.length !== 1) {
        fail(
          'one-assertion',
          assertions.length === 0
            ? 'The response carries no assertion.'
            : 'The response carries more than one assertion.',
          'A genuine IdP sends exactly one; check the IdP, or the response was tampered with.',
          assertions.length === 0 ? 'no-assertion' : 'several-assertions',
        );
      }

      reached = 'in-response-to';
      const inResponseTo = response.getAttribute('InResponseTo');
      if (inResponseTo !== expectedRequestId) {
        fail(
          'in-response-to',
          inResponseTo
            ? 'The response answers another request than the one this sign-in sent.'
            : 'The response does not say which request it answers (no InResponseTo).',
          'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
          inResponseTo ? 'other-request' : 'no-in-response-to',
        );
      }

      // Read before the signature is checked, so it can only refuse: without Conditions the
      // assertion names no audience (SAML profiles §4.1.4.2 requires one) and no validity period,
      // and node-saml would fail on it with a bare TypeError under "audience".
      reached = 'conditions';
      if (!firstChild(assertions[0]!, ASSERTION_NS, 'Conditions')) {
        fail(
          'conditions',
          'The assertion has no Conditions element, so it names no audience and no validity period.',
          `Configure the IdP to send Conditions with an AudienceRestriction naming Tessera's entity ID ${peer.spEntityId} (and NotBefore/NotOnOrAfter); for Web Browser SSO the audience is required.`,
          'no-conditions',
          { entityId: peer.spEntityId },
        );
      }

      reached = 'signature';
      let assertionXml: string;
      let session: SamlSessionRef;
      try {
        const { profile } = await this.saml(peer).validatePostResponseAsync({ SAMLResponse: samlResponse });
        if (!profile) throw new Error('Missing SAML assertion');
        assertionXml = profile.getAssertionXml?.() ?? '';
        session = {
          nameId: profile.nameID,
          nameIdFormat: profile.nameIDFormat || null,
          nameQualifier: profile.nameQualifier ?? null,
          spNameQualifier: profile.spNameQualifier ?? null,
          sessionIndex: profile.sessionIndex ?? null,
        };
      } catch (error) {
        // Which certificate signed it matters only for the diagnosis of a failure.
        const foreign = this.keyInfoIsForeign(doc, peer);
        throw classifyNodeSamlError(error instanceof Error ? error.message : String(error), foreign);
      }
      const result = this.ownChecks(peer, assertionXml, expectedRequestId, (id) => (reached = id));
      return { ok: true, ...result, session, checks: checkList(SAML_CHECKS, null), xml };
    } catch (error) {
      const failure =
        error instanceof CheckFailure
          ? error
          : new CheckFailure<SamlCheckId>(
              reached ?? 'xml',
              error instanceof Error ? error.message : String(error),
              'Check the IdP configuration.',
            );
      return { ok: false, checks: checkList(SAML_CHECKS, failure), xml };
    }
  }

  private parse(xml: string): Document {
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
      fail(
        'xml',
        'The response contains a DOCTYPE or ENTITY declaration.',
        'SAML never needs one; Tessera refuses it (XXE, entity expansion).',
        'doctype',
      );
    }
    let doc: Document;
    try {
      doc = parseXmlStrict(xml);
    } catch (error) {
      return fail(
        'xml',
        `The response is not well-formed XML (${(error as Error).message.slice(0, 200)}).`,
        'Check what the IdP sends.',
        'not-well-formed',
        { message: (error as Error).message.slice(0, 200) },
      );
    }
    if (!is(doc.documentElement!, SAML_NS.protocol, 'Response')) {
      fail(
        'xml',
        'The message is not a SAML protocol Response.',
        'Post the IdP’s SAML Response to this URL.',
        'not-a-response',
      );
    }
    return doc;
  }

  /** xml-crypto would verify RSA-SHA1 and SHA-1 digests (SHAttered); we refuse them anywhere. */
  private checkAlgorithms(doc: Document): void {
    const all = (localName: string) => Array.from(doc.getElementsByTagNameNS(XMLDSIG_NS, localName));
    for (const method of all('SignatureMethod')) {
      const algorithm = method.getAttribute('Algorithm') ?? '';
      if (!ACCEPTED_SIGNATURE_METHODS.has(algorithm)) {
        fail(
          'algorithms',
          `The response is signed with ${algorithm.split('#').pop()}.`,
          'Set the IdP to sign with RSA-SHA256 (SHA-1 is broken).',
          'weak-signature',
          { algorithm: algorithm.split('#').pop() ?? algorithm },
        );
      }
    }
    for (const method of all('DigestMethod')) {
      const algorithm = method.getAttribute('Algorithm') ?? '';
      if (!ACCEPTED_DIGESTS.has(algorithm)) {
        fail(
          'algorithms',
          `The response uses the digest ${algorithm.split('#').pop()}.`,
          'Set the IdP to use SHA-256 digests (SHA-1 is broken).',
          'weak-digest',
          { algorithm: algorithm.split('#').pop() ?? algorithm },
        );
      }
    }
  }

  /** For the diagnosis only: is the certificate in the response's KeyInfo one we do not pin? */
  private keyInfoIsForeign(doc: Document, peer: SamlPeer): boolean {
    const pinned = new Set(peer.certificates.map(base64Der));
    const inResponse = Array.from(doc.getElementsByTagNameNS(XMLDSIG_NS, 'X509Certificate')).map((element) =>
      text(element).replace(/\s+/g, ''),
    );
    return inResponse.length > 0 && inResponse.every((der) => !pinned.has(der) && isCertificate(der));
  }

  /**
   * What node-saml does not check, read from the assertion node-saml verified (its
   * getAssertionXml() is the signed assertion, not the response around it):
   * - the assertion's Issuer is the IdP;
   * - a bearer SubjectConfirmation whose Recipient is our ACS URL;
   * - an expiry (NotOnOrAfter) exists, and the assertion ID was not seen before it;
   * - the NameID and attributes, read into a null-prototype map (an attribute named `__proto__` or
   *   `nameID` is just a name there).
   */
  private ownChecks(
    peer: SamlPeer,
    assertionXml: string,
    expectedRequestId: string,
    reach: (id: SamlCheckId) => void,
  ): { nameId: string; attributes: AttributeMap; authnContext: string | null } {
    reach('issuer');
    const assertion = parseXmlStrict(assertionXml).documentElement!;
    if (!is(assertion, ASSERTION_NS, 'Assertion'))
      fail(
        'signature',
        'The signed element is not an assertion.',
        'The response was tampered with.',
        'signed-not-assertion',
      );
    const issuer = text(firstChild(assertion, ASSERTION_NS, 'Issuer'));
    if (issuer !== peer.idpEntityId) {
      fail(
        'issuer',
        `The assertion was issued by "${issuer || '(nobody)'}", not by "${peer.idpEntityId}".`,
        'Upload this IdP’s own metadata; the assertion is from another entity.',
        'wrong-assertion-issuer',
        { issuer: issuer || '—', expected: peer.idpEntityId },
      );
    }

    reach('subject-confirmation');
    const subject = firstChild(assertion, ASSERTION_NS, 'Subject');
    const confirmations = subject ? childElements(subject, ASSERTION_NS, 'SubjectConfirmation') : [];
    const bearer = confirmations.filter((element) => element.getAttribute('Method') === BEARER);
    if (bearer.length === 0) {
      fail(
        'subject-confirmation',
        confirmations.length === 0
          ? 'The assertion has no SubjectConfirmation.'
          : 'The assertion’s subject confirmation is not "bearer".',
        'Web Browser SSO needs a bearer SubjectConfirmation (SAML profiles §4.1.4.2); check the IdP’s SAML profile settings.',
        confirmations.length === 0 ? 'no-subject-confirmation' : 'not-bearer',
      );
    }

    reach('recipient');
    const now = this.now();
    const data = bearer.map((element) => firstChild(element, ASSERTION_NS, 'SubjectConfirmationData'));
    const forUs = data.filter((element) => element?.getAttribute('Recipient') === peer.acsUrl);
    if (forUs.length === 0) {
      const named = data.map((element) => element?.getAttribute('Recipient')).find(Boolean);
      fail(
        'recipient',
        named
          ? `The assertion is for ${named}, not for ${peer.acsUrl}.`
          : 'The assertion names no Recipient.',
        `Set the ACS URL at the IdP to ${peer.acsUrl}.`,
        named ? 'wrong-recipient' : 'no-recipient',
        { recipient: named ?? '', acsUrl: peer.acsUrl },
      );
    }
    // Response@InResponseTo is outside the signature; the signed answer to our request is here
    // (SAML profiles §4.1.4.2: it MUST match the AuthnRequest's ID). Without it, an assertion
    // the IdP issued unsolicited could be wrapped into any response.
    if (!forUs.some((element) => element?.getAttribute('InResponseTo') === expectedRequestId)) {
      fail(
        'in-response-to',
        'The signed assertion does not say it answers the request this sign-in sent (SubjectConfirmationData InResponseTo).',
        'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
        'assertion-other-request',
      );
    }

    reach('expiry');
    const conditions = firstChild(assertion, ASSERTION_NS, 'Conditions');
    const ends = [
      conditions?.getAttribute('NotOnOrAfter'),
      ...forUs.map((element) => element?.getAttribute('NotOnOrAfter')),
    ]
      .filter((value): value is string => !!value)
      .map((value) => Date.parse(value));
    if (ends.length === 0 || ends.some(Number.isNaN)) {
      fail(
        'expiry',
        'The assertion never expires (no NotOnOrAfter).',
        'Configure the IdP to limit the assertion’s lifetime.',
        'never-expires',
      );
    }
    const expires = Math.min(...ends);
    if (expires + SAML_LIMITS.clockSkewMs <= now) {
      fail('time', 'The assertion has expired.', 'Check both clocks, then sign in again.', 'expired');
    }

    reach('replay');
    const id = assertion.getAttribute('ID') ?? '';
    for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
    if (!id || this.seen.has(id)) {
      fail(
        'replay',
        'This assertion was already used to sign in.',
        'Sign in again; a response can be used once.',
        'replayed',
      );
    }
    this.seen.set(id, expires + SAML_LIMITS.clockSkewMs);

    const nameId = text(subject ? firstChild(subject, ASSERTION_NS, 'NameID') : undefined);
    const statement = firstChild(assertion, ASSERTION_NS, 'AuthnStatement');
    const context = statement ? firstChild(statement, ASSERTION_NS, 'AuthnContext') : undefined;
    const classRef = context ? text(firstChild(context, ASSERTION_NS, 'AuthnContextClassRef')) : '';
    return { nameId, attributes: readAttributes(assertion), authnContext: classRef || null };
  }
}

const XMLDSIG_NS = SAML_NS.ds;
void XMLDSIG;

function isCertificate(base64: string): boolean {
  try {
    new X509Certificate(Buffer.from(base64, 'base64'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The attributes of a pasted assertion (or response), for the mapping preview only: its signature
 * is not checked, because nothing is signed in and nothing is written with it. Still read as
 * hostile input: no DTD, strict XML, exactly one assertion.
 */
export function attributesOfPastedSaml(xml: string): AttributeMap {
  const refuse = (message: string) => new AppError(ErrorCode.InvalidInput, message, 'preview.notSaml');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw refuse('The pasted XML has a DOCTYPE or ENTITY declaration; SAML never needs one.');
  let root: Element;
  try {
    root = parseXmlStrict(xml).documentElement!;
  } catch {
    throw refuse('The pasted text is not well-formed XML. Paste the whole SAML assertion or response.');
  }
  const assertions = is(root, ASSERTION_NS, 'Assertion')
    ? [root]
    : is(root, SAML_NS.protocol, 'Response')
      ? childElements(root, ASSERTION_NS, 'Assertion')
      : [];
  if (assertions.length !== 1) {
    throw refuse('Paste one SAML assertion, or a response with exactly one (unencrypted) assertion.');
  }
  return readAttributes(assertions[0]!);
}

function readAttributes(assertion: Element): AttributeMap {
  const entries: [string, string[]][] = [];
  for (const statement of childElements(assertion, ASSERTION_NS, 'AttributeStatement')) {
    for (const attribute of childElements(statement, ASSERTION_NS, 'Attribute')) {
      if (entries.length >= SAML_LIMITS.attributesMax) break;
      const name = attribute.getAttribute('Name') ?? '';
      if (!name) continue;
      const values: string[] = [];
      for (let node = attribute.firstChild; node; node = node.nextSibling) {
        if (node.nodeType !== ELEMENT_NODE || !is(node as Element, ASSERTION_NS, 'AttributeValue')) continue;
        if (values.length >= SAML_LIMITS.valuesMax) break;
        values.push(text(node as Element).slice(0, SAML_LIMITS.valueMaxChars));
      }
      entries.push([name, values]);
    }
  }
  return attributeMap(entries);
}
