/**
 * SAML Single Logout as the service provider (SAML profiles §4.4), with @node-saml/node-saml:
 * - our LogoutRequest (SP-initiated), signed with the SP key, naming the session's NameID and
 *   SessionIndex, sent to the IdP's SingleLogoutService by HTTP-Redirect (signed query) or
 *   HTTP-POST (enveloped signature);
 * - the IdP's LogoutResponse, checked strictly: node-saml verifies the signature with the pinned
 *   IdP certificates, and we check what it does not (a signature is required on the redirect
 *   binding too, Destination, Issuer, InResponseTo, the status);
 * - the IdP's own LogoutRequest (IdP-initiated): verified the same way, answered with a signed
 *   LogoutResponse.
 *
 * Every message comes with a check list, so a refused LogoutResponse says exactly what was wrong
 * and what the IdP said (SPEC §4), like a refused sign-in.
 */
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import {
  SAML,
  ValidateInResponseTo,
  type CacheItem,
  type CacheProvider,
  type Profile,
} from '@node-saml/node-saml';
import { signSamlPost } from '@node-saml/node-saml/lib/saml-post-signing';
import type { Document, Element } from '@xmldom/xmldom';
import type { SignInCheck } from '../../../shared/admin/directory';
import type { SamlBinding } from '../../../shared/admin/schemas';
import { ACCEPTED_DIGESTS, ACCEPTED_SIGNATURE_METHODS, SAML_NS } from '../sso/metadata';
import { firstChild, is, parseXmlStrict } from '../sso/xml';
import { CheckFailure, checkList } from './checks';
import type { SamlSessionRef } from './saml-sp';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export const SAML_LOGOUT_LIMITS = {
  /** A LogoutRequest or LogoutResponse is well under 16 KB; the form or query is refused above this. */
  encodedMaxChars: 64 * 1024,
  xmlMaxBytes: 128 * 1024,
  /** How long our LogoutRequest waits for its answer. */
  requestLifetimeMs: 10 * 60_000,
  clockSkewMs: 60_000,
} as const;

export interface SamlLogoutPeer {
  spEntityId: string;
  /** Our SingleLogoutService (both bindings): the Destination the IdP must address. */
  sloUrl: string;
  idpEntityId: string;
  /** The IdP's SingleLogoutService, from its metadata (or the form). */
  idpSlo: { binding: SamlBinding; location: string };
  /** Every signing certificate from the IdP's metadata (PEM): the only ones trusted. */
  certificates: string[];
  spPrivateKeyPem: string;
}

/** What arrived at /saml/slo, as the HTTP layer read it. */
export type SloMessage =
  | { binding: 'HTTP-Redirect'; rawQuery: string }
  | { binding: 'HTTP-POST'; fields: { SAMLRequest?: string; SAMLResponse?: string; RelayState?: string } };

/** Where to send the browser with a message: a redirect, or a form our page posts (no script). */
export type SloSend =
  { kind: 'redirect'; url: string } | { kind: 'post'; url: string; fields: Record<string, string> };

/** A decoded, not yet trusted, SLO message. */
export interface ReceivedSlo {
  kind: 'request' | 'response';
  binding: SamlBinding;
  xml: string;
  root: Element;
  issuer: string | null;
  inResponseTo: string | null;
  relayState: string | null;
  /** The base64 message as it arrived (the POST field or the decoded query value). */
  encoded: string;
  /** Redirect binding: the decoded parameters, and the query node-saml verifies the signature over. */
  redirect: { container: Record<string, string>; signedQuery: string } | null;
}

export const SAML_LOGOUT_CHECKS = [
  ['xml', 'A well-formed SAML logout message'],
  ['in-response-to', 'Answers the LogoutRequest Tessera sent'],
  ['issuer', 'Issuer is the IdP'],
  ['destination', 'Destination is Tessera’s single logout URL'],
  ['algorithms', 'Signed with SHA-256 or better'],
  ['signature', 'Signed by a pinned IdP certificate'],
  ['status', 'IdP reports the session ended'],
] as const;
export type SamlLogoutCheckId = (typeof SAML_LOGOUT_CHECKS)[number][0];

const fail = (id: SamlLogoutCheckId, detail: string, fix: string): never => {
  throw new CheckFailure(id, detail, fix);
};

export type SloOutcome = { ok: true; checks: SignInCheck[] } | { ok: false; checks: SignInCheck[] };

/** A validated IdP-initiated LogoutRequest: whom to sign out. */
export interface IdpLogoutRequest {
  id: string;
  nameId: string;
  sessionIndex: string | null;
}

function text(element: Element | undefined): string {
  return (element?.textContent ?? '').trim();
}

/** node-saml wants a cache even when InResponseTo is ours to check; nothing needs to be kept. */
const NO_CACHE: CacheProvider = {
  saveAsync: (_key, value): Promise<CacheItem> => Promise.resolve({ value, createdAt: Date.now() }),
  getAsync: () => Promise.resolve(null),
  removeAsync: () => Promise.resolve(null),
};

/** Exposes node-saml's check of a redirect-binding signature (protected there). */
class LogoutSaml extends SAML {
  async verifyRedirectSignature(container: Record<string, string>, signedQuery: string): Promise<void> {
    await this.hasValidSignatureForRedirect(container, signedQuery);
  }
}

function saml(peer: SamlLogoutPeer, id?: string): LogoutSaml {
  return new LogoutSaml({
    idpCert: peer.certificates,
    idpIssuer: peer.idpEntityId,
    issuer: peer.spEntityId,
    callbackUrl: peer.sloUrl,
    entryPoint: peer.idpSlo.location,
    logoutUrl: peer.idpSlo.location,
    privateKey: peer.spPrivateKeyPem,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'sha256',
    // Ours to check, against the request this sign-out sent (see validateResponse).
    validateInResponseTo: ValidateInResponseTo.never,
    cacheProvider: NO_CACHE,
    acceptedClockSkewMs: SAML_LOGOUT_LIMITS.clockSkewMs,
    wantAuthnResponseSigned: true,
    ...(id ? { generateUniqueId: () => id } : {}),
  });
}

const signingOptions = (peer: SamlLogoutPeer) => ({
  privateKey: peer.spPrivateKeyPem,
  signatureAlgorithm: 'sha256' as const,
  digestAlgorithm: 'sha256',
});

const newId = () => `_${randomBytes(20).toString('hex')}`;

/**
 * The redirect binding's query, read token by token: each parameter once (a second SAMLResponse
 * would let what is verified differ from what is read), and the signed string rebuilt from the
 * exact tokens that arrived, in the order SAML bindings §3.4.4.1 signs them.
 */
function readRedirectQuery(rawQuery: string): {
  container: Record<string, string>;
  signedQuery: string;
} {
  const tokens = new Map<string, string>();
  for (const token of rawQuery.split('&')) {
    if (token === '') continue;
    let name: string;
    try {
      name = decodeURIComponent(token.split('=')[0]!.replace(/\+/g, ' '));
    } catch {
      return fail('xml', 'The query is not URL-encoded.', 'Check what the IdP sends.');
    }
    if (!['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature'].includes(name)) continue;
    if (tokens.has(name)) fail('xml', `The query carries ${name} twice.`, 'A genuine IdP sends each once.');
    tokens.set(name, token);
  }
  const container: Record<string, string> = {};
  for (const [name, token] of tokens) {
    const value = token.slice(token.indexOf('=') + 1);
    try {
      container[name] = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      fail('xml', `The query's ${name} is not URL-encoded.`, 'Check what the IdP sends.');
    }
  }
  const message = tokens.get('SAMLRequest') ?? tokens.get('SAMLResponse') ?? '';
  const signedQuery = [message, tokens.get('RelayState'), tokens.get('SigAlg'), tokens.get('Signature')]
    .filter((token): token is string => !!token)
    .join('&');
  return { container, signedQuery };
}

/** Decodes what arrived at our SLO URL; throws a CheckFailure ('xml') for anything malformed. */
export function readSloMessage(message: SloMessage): ReceivedSlo {
  let encoded: string;
  let kind: ReceivedSlo['kind'];
  let relayState: string | null;
  let redirect: ReceivedSlo['redirect'] = null;
  if (message.binding === 'HTTP-Redirect') {
    if (message.rawQuery.length > SAML_LOGOUT_LIMITS.encodedMaxChars)
      fail('xml', 'The logout message is too large.', 'A genuine one is a few KB; check what the IdP sends.');
    redirect = readRedirectQuery(message.rawQuery);
    const { container } = redirect;
    if (container.SAMLRequest !== undefined && container.SAMLResponse !== undefined)
      fail('xml', 'The query carries both a SAMLRequest and a SAMLResponse.', 'Check what the IdP sends.');
    kind = container.SAMLRequest !== undefined ? 'request' : 'response';
    encoded = container.SAMLRequest ?? container.SAMLResponse ?? '';
    relayState = container.RelayState ?? null;
  } else {
    const { fields } = message;
    if (fields.SAMLRequest !== undefined && fields.SAMLResponse !== undefined)
      fail('xml', 'The form carries both a SAMLRequest and a SAMLResponse.', 'Check what the IdP sends.');
    kind = fields.SAMLRequest !== undefined ? 'request' : 'response';
    encoded = fields.SAMLRequest ?? fields.SAMLResponse ?? '';
    relayState = fields.RelayState ?? null;
  }
  if (encoded === '')
    fail(
      'xml',
      'No SAMLRequest or SAMLResponse arrived.',
      'The IdP must send its logout messages to this URL with the HTTP-Redirect or HTTP-POST binding.',
    );
  if (encoded.length > SAML_LOGOUT_LIMITS.encodedMaxChars || !/^[A-Za-z0-9+/=\s]+$/.test(encoded))
    fail('xml', 'The logout message is not base64 (or is too large).', 'Check what the IdP sends.');
  let xml = '';
  const bytes = Buffer.from(encoded, 'base64');
  if (message.binding === 'HTTP-Redirect') {
    try {
      xml = inflateRawSync(bytes, { maxOutputLength: SAML_LOGOUT_LIMITS.xmlMaxBytes }).toString('utf8');
    } catch {
      fail(
        'xml',
        'The redirect-binding message is not DEFLATE-compressed (or inflates too large).',
        'The HTTP-Redirect binding sends the message deflated, then base64 (SAML bindings §3.4.4).',
      );
    }
  } else {
    if (bytes.length > SAML_LOGOUT_LIMITS.xmlMaxBytes)
      fail('xml', 'The logout message is too large.', 'Check what the IdP sends.');
    xml = bytes.toString('utf8');
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    fail(
      'xml',
      'The message contains a DOCTYPE or ENTITY declaration.',
      'SAML never needs one; it is refused.',
    );
  let doc: Document;
  try {
    doc = parseXmlStrict(xml);
  } catch (error) {
    return fail(
      'xml',
      `The message is not well-formed XML (${(error as Error).message.slice(0, 200)}).`,
      'Check what the IdP sends.',
    );
  }
  const root = doc.documentElement!;
  const expected = kind === 'request' ? 'LogoutRequest' : 'LogoutResponse';
  if (!is(root, SAML_NS.protocol, expected))
    fail(
      'xml',
      `The ${kind === 'request' ? 'SAMLRequest' : 'SAMLResponse'} is not a samlp:${expected}.`,
      'Send only logout messages to the single logout URL.',
    );
  const issuer = firstChild(root, ASSERTION_NS, 'Issuer');
  return {
    kind,
    binding: message.binding,
    xml,
    root,
    issuer: issuer ? text(issuer) : null,
    inResponseTo: root.getAttribute('InResponseTo') || null,
    relayState,
    encoded,
    redirect,
  };
}

/** A message's Issuer and Destination, checked against the peer. */
function checkAddress(peer: SamlLogoutPeer, received: ReceivedSlo): void {
  if (received.issuer !== peer.idpEntityId)
    fail(
      'issuer',
      received.issuer
        ? `The message comes from "${received.issuer}", not from "${peer.idpEntityId}".`
        : 'The message does not say who sent it (no Issuer).',
      'Upload this IdP’s own metadata; the message is from another entity.',
    );
  // SAML bindings §3.4.5.2 / §3.5.5.2: a signed message MUST carry the Destination it was sent to.
  const destination = received.root.getAttribute('Destination');
  if (destination !== peer.sloUrl)
    fail(
      'destination',
      destination
        ? `The message is addressed to ${destination}, not to ${peer.sloUrl}.`
        : 'The message does not say where it was sent (no Destination).',
      `Register Tessera’s single logout URL at the IdP: ${peer.sloUrl} (it is in Tessera’s SP metadata).`,
    );
}

/** SHA-1 is refused in either binding; the redirect binding must be signed at all. */
function checkAlgorithms(received: ReceivedSlo): void {
  if (received.redirect) {
    const { SigAlg: sigAlg, Signature: signature } = received.redirect.container;
    if (!sigAlg || !signature)
      fail(
        'signature',
        'The message is not signed (the query has no SigAlg and Signature).',
        'Make the IdP sign its logout messages; Tessera accepts no unsigned logout.',
      );
    if (!ACCEPTED_SIGNATURE_METHODS.has(sigAlg!))
      fail(
        'algorithms',
        `The message is signed with ${sigAlg!.split('#').pop()}.`,
        'Set the IdP to sign with RSA-SHA256 (SHA-1 is broken).',
      );
    return;
  }
  const all = (name: string) => Array.from(received.root.getElementsByTagNameNS(SAML_NS.ds, name));
  const signatures = Array.from(received.root.childNodes).filter(
    (node) => node.nodeType === 1 && is(node as Element, SAML_NS.ds, 'Signature'),
  );
  if (signatures.length === 0)
    fail(
      'signature',
      'The message is not signed (no Signature in it).',
      'Make the IdP sign its logout messages; Tessera accepts no unsigned logout.',
    );
  for (const method of all('SignatureMethod'))
    if (!ACCEPTED_SIGNATURE_METHODS.has(method.getAttribute('Algorithm') ?? ''))
      fail(
        'algorithms',
        `The message is signed with ${(method.getAttribute('Algorithm') ?? '').split('#').pop()}.`,
        'Set the IdP to sign with RSA-SHA256 (SHA-1 is broken).',
      );
  for (const method of all('DigestMethod'))
    if (!ACCEPTED_DIGESTS.has(method.getAttribute('Algorithm') ?? ''))
      fail(
        'algorithms',
        `The message uses the digest ${(method.getAttribute('Algorithm') ?? '').split('#').pop()}.`,
        'Set the IdP to use SHA-256 digests (SHA-1 is broken).',
      );
}

const signatureFailure = (error: unknown): never =>
  fail(
    'signature',
    `The signature does not verify with any certificate from the IdP’s metadata (${
      error instanceof Error ? error.message : String(error)
    }).`,
    'If the IdP rolled its signing certificate, upload its new metadata; otherwise the message was altered on the way.',
  );

export class SamlLogout {
  /** IdP-initiated LogoutRequest IDs already acted on → when they may be forgotten. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The LogoutRequest for a session, and where to send the browser with it. */
  async request(
    peer: SamlLogoutPeer,
    session: SamlSessionRef,
    relayState: string,
  ): Promise<{ requestId: string; send: SloSend }> {
    const requestId = newId();
    const sp = saml(peer, requestId);
    const user: Profile = {
      issuer: peer.idpEntityId,
      nameID: session.nameId,
      nameIDFormat: session.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      ...(session.nameQualifier ? { nameQualifier: session.nameQualifier } : {}),
      ...(session.spNameQualifier ? { spNameQualifier: session.spNameQualifier } : {}),
      ...(session.sessionIndex ? { sessionIndex: session.sessionIndex } : {}),
    };
    if (peer.idpSlo.binding === 'HTTP-POST') {
      const xml = signSamlPost(
        await sp._generateLogoutRequest(user),
        `/*[local-name(.)="LogoutRequest" and namespace-uri(.)="${SAML_NS.protocol}"]`,
        signingOptions(peer),
      );
      return {
        requestId,
        send: {
          kind: 'post',
          url: peer.idpSlo.location,
          fields: { SAMLRequest: Buffer.from(xml).toString('base64'), RelayState: relayState },
        },
      };
    }
    return { requestId, send: { kind: 'redirect', url: await sp.getLogoutUrlAsync(user, relayState, {}) } };
  }

  /** The IdP's answer to our LogoutRequest `expectedRequestId`. Never throws for a bad message. */
  async validateResponse(
    peer: SamlLogoutPeer,
    received: ReceivedSlo,
    expectedRequestId: string,
  ): Promise<SloOutcome> {
    try {
      if (received.inResponseTo !== expectedRequestId)
        fail(
          'in-response-to',
          received.inResponseTo
            ? 'The LogoutResponse answers another request than the one this sign-out sent.'
            : 'The LogoutResponse does not say which request it answers (no InResponseTo).',
          'Sign out again from the sign-in page.',
        );
      checkAddress(peer, received);
      checkAlgorithms(received);
      const sp = saml(peer);
      try {
        if (received.redirect) {
          await sp.verifyRedirectSignature(received.redirect.container, received.redirect.signedQuery);
        } else {
          const { loggedOut } = await sp.validatePostResponseAsync({ SAMLResponse: received.encoded });
          if (!loggedOut) throw new Error('not a LogoutResponse');
        }
      } catch (error) {
        signatureFailure(error);
      }
      const statusElement = firstChild(received.root, SAML_NS.protocol, 'Status');
      const code = statusElement ? firstChild(statusElement, SAML_NS.protocol, 'StatusCode') : undefined;
      const status = code?.getAttribute('Value') ?? '';
      if (status !== SUCCESS) {
        const inner = code ? firstChild(code, SAML_NS.protocol, 'StatusCode')?.getAttribute('Value') : null;
        const message = statusElement
          ? text(firstChild(statusElement, SAML_NS.protocol, 'StatusMessage'))
          : '';
        fail(
          'status',
          `The IdP answered ${status.split(':').pop() || 'without a status'}${
            inner ? ` / ${inner.split(':').pop()}` : ''
          }${message ? `: ${message}` : ''}.`,
          'Your session at the IdP may still be open: sign out there, or close the browser.',
        );
      }
      return { ok: true, checks: checkList(SAML_LOGOUT_CHECKS, null) };
    } catch (error) {
      const failure =
        error instanceof CheckFailure
          ? (error as CheckFailure<SamlLogoutCheckId>)
          : new CheckFailure<SamlLogoutCheckId>('xml', String(error), 'Check the IdP configuration.');
      return { ok: false, checks: checkList(SAML_LOGOUT_CHECKS, failure) };
    }
  }

  /**
   * An IdP-initiated LogoutRequest: signature (required), Issuer, Destination and its validity
   * window checked; throws a CheckFailure when it cannot be trusted.
   */
  async validateRequest(peer: SamlLogoutPeer, received: ReceivedSlo): Promise<IdpLogoutRequest> {
    checkAddress(peer, received);
    checkAlgorithms(received);
    const sp = saml(peer);
    let profile: Profile | null;
    try {
      profile = received.redirect
        ? (await sp.validateRedirectAsync(received.redirect.container, received.redirect.signedQuery)).profile
        : (await sp.validatePostRequestAsync({ SAMLRequest: received.encoded })).profile;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/signature/i.test(message)) return signatureFailure(error);
      return fail('xml', `The LogoutRequest was refused (${message}).`, 'Check what the IdP sends.');
    }
    if (!profile?.ID || !profile.nameID)
      return fail('xml', 'The LogoutRequest names no ID or NameID.', 'Check what the IdP sends.');
    // A signed request captured once must not sign people out again later (logout CSRF by replay).
    const now = this.now();
    const issued = Date.parse(received.root.getAttribute('IssueInstant') ?? '');
    const { requestLifetimeMs, clockSkewMs } = SAML_LOGOUT_LIMITS;
    if (Number.isNaN(issued) || issued > now + clockSkewMs || issued + requestLifetimeMs + clockSkewMs < now)
      fail(
        'xml',
        `The LogoutRequest was issued at ${received.root.getAttribute('IssueInstant') || '(no IssueInstant)'}, not within the last ${requestLifetimeMs / 60_000} minutes.`,
        'Check this computer’s clock and the IdP’s; an old LogoutRequest is not acted on.',
      );
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
    if (this.seen.has(profile.ID))
      fail(
        'xml',
        'This LogoutRequest was already acted on.',
        'A LogoutRequest is used once; sign out at the IdP again.',
      );
    this.seen.set(profile.ID, issued + requestLifetimeMs + 2 * clockSkewMs);
    return { id: profile.ID, nameId: profile.nameID, sessionIndex: profile.sessionIndex ?? null };
  }

  /** Our signed LogoutResponse to an IdP-initiated request (always Success: no session is left). */
  async response(peer: SamlLogoutPeer, requestId: string, relayState: string | null): Promise<SloSend> {
    const sp = saml(peer);
    const request = { ID: requestId, issuer: peer.idpEntityId, nameID: '', nameIDFormat: '' };
    if (peer.idpSlo.binding === 'HTTP-POST') {
      const xml = signSamlPost(
        sp._generateLogoutResponse(request, true),
        `/*[local-name(.)="LogoutResponse" and namespace-uri(.)="${SAML_NS.protocol}"]`,
        signingOptions(peer),
      );
      return {
        kind: 'post',
        url: peer.idpSlo.location,
        fields: {
          SAMLResponse: Buffer.from(xml).toString('base64'),
          ...(relayState ? { RelayState: relayState } : {}),
        },
      };
    }
    return { kind: 'redirect', url: await sp.getLogoutResponseUrlAsync(request, relayState ?? '', {}, true) };
  }
}
