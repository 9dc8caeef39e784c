/**
 * OpenID Connect as the relying party (SPEC O4, §2), with openid-client: authorization code +
 * PKCE (S256) + state + nonce; the ID token's algorithm pinned to the one stored with the IdP, and
 * its signature checked (enableNonRepudiationChecks — openid-client does not verify ID-token
 * signatures from the token endpoint otherwise); the authorization response's `iss` compared with
 * the IdP this flow was started for (RFC 9207 mix-up defence) and required when the IdP announced
 * it; the userinfo `sub` compared with the ID token's; plain http only for a loopback IdP.
 */
import * as client from 'openid-client';
import type { SignInCheck } from '../../../shared/admin/directory';
import { CheckFailure, checkList } from './checks';
import type { OidcSettings } from '../../../shared/admin/schemas';
import { isLoopbackHost } from '../../../shared/admin/schemas';
import { attributeMap, type AttributeMap } from '../jit/mapping';

const TIMEOUT_SECONDS = 10;
/** Claims whose values are tokens or proofs: never shown in the decoded messages. */
const REDACTED = new Set(['access_token', 'refresh_token', 'id_token', 'code', 'at_hash', 'c_hash', 'nonce']);

export interface OidcPeer {
  settings: Omit<OidcSettings, 'hasClientSecret'>;
  clientSecret: string | null;
  redirectUri: string;
}

/** What the flow keeps between the redirect and the callback (in memory, never sent anywhere). */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcSuccess {
  ok: true;
  subject: string;
  claims: AttributeMap;
  checks: SignInCheck[];
  messages: { label: string; body: string }[];
}
export interface OidcFailure {
  ok: false;
  checks: SignInCheck[];
  messages: { label: string; body: string }[];
}
export type OidcOutcome = OidcSuccess | OidcFailure;

export const OIDC_CHECKS = [
  ['authorization', 'IdP authorized the sign-in'],
  ['state', 'State matches this sign-in'],
  ['issuer-parameter', 'Response comes from this IdP (iss)'],
  ['token', 'Code exchanged for tokens'],
  ['id-token-signature', 'ID token signed with the pinned algorithm and the IdP’s key'],
  ['id-token-claims', 'ID token issuer, audience, nonce and lifetime'],
  ['userinfo', 'Userinfo is about the same subject'],
] as const;
type OidcCheckId = (typeof OIDC_CHECKS)[number][0];

type OidcCheckFailure = CheckFailure<OidcCheckId>;

const checks = (failure: OidcCheckFailure | null) => checkList(OIDC_CHECKS, failure);

function causeMessages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && parts.length < 4) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.join(': ');
}

/**
 * openid-client's errors share a handful of codes (six different attacks are all
 * OAUTH_INVALID_RESPONSE); the cause's message says which check it was.
 */
function classify(error: unknown, stage: 'callback' | 'userinfo'): OidcCheckFailure {
  const message = causeMessages(error);
  if (stage === 'userinfo') {
    return new CheckFailure<OidcCheckId>(
      'userinfo',
      `The userinfo response is not about the signed-in subject (${message}).`,
      'The IdP answered with another user’s data; check the IdP, this response must not be trusted.',
      'other-subject',
      { message },
    );
  }
  if (error instanceof client.AuthorizationResponseError) {
    const code = error.error;
    return new CheckFailure<OidcCheckId>(
      'authorization',
      `The IdP refused the sign-in: ${code}${error.error_description ? ` (${error.error_description})` : ''}.`,
      code === 'access_denied' || code === 'login_required'
        ? 'An authentication error: the credentials, or the user’s access to this client at the IdP.'
        : 'A configuration error: check the client ID, redirect URI and scopes registered at the IdP.',
      code === 'access_denied' || code === 'login_required'
        ? 'refused-authentication'
        : 'refused-configuration',
      { error: code, description: error.error_description ?? '' },
    );
  }
  if (/"state"/.test(message)) {
    return new CheckFailure<OidcCheckId>(
      'state',
      'The response does not carry the state this sign-in sent.',
      'Start the sign-in from Tessera again (and finish it in the same browser).',
      'wrong-state',
    );
  }
  if (/response parameter|parameter "iss"/.test(message)) {
    return new CheckFailure<OidcCheckId>(
      'issuer-parameter',
      `The authorization response does not come from this IdP (${message}).`,
      'Another IdP answered (a mix-up); sign in again. If it persists, check the issuer stored for this IdP.',
      'mix-up',
      { message },
    );
  }
  if (/signature|"alg"/i.test(message)) {
    return new CheckFailure<OidcCheckId>(
      'id-token-signature',
      `The ID token's signature or algorithm is not acceptable (${message}).`,
      'The IdP must sign ID tokens with the algorithm stored for it, with a key from its JWKS. If it rotated keys or algorithms, fetch its discovery document again.',
      'bad-id-token-signature',
      { message },
    );
  }
  if (/claim|timestamp|nonce/i.test(message)) {
    return new CheckFailure<OidcCheckId>(
      'id-token-claims',
      `The ID token's claims are not for this sign-in (${message}).`,
      'Check the issuer and client ID stored for this IdP, and this computer’s clock.',
      'bad-id-token-claims',
      { message },
    );
  }
  return new CheckFailure<OidcCheckId>(
    'token',
    `Exchanging the code failed (${message}).`,
    'Check the client ID and secret, and that the redirect URI is registered at the IdP.',
    'token-exchange-failed',
    { message },
  );
}

function configuration(peer: OidcPeer): client.Configuration {
  const { settings } = peer;
  const config = new client.Configuration(
    {
      issuer: settings.issuer,
      authorization_endpoint: settings.authorizationEndpoint,
      token_endpoint: settings.tokenEndpoint,
      jwks_uri: settings.jwksUri,
      ...(settings.userinfoEndpoint ? { userinfo_endpoint: settings.userinfoEndpoint } : {}),
      authorization_response_iss_parameter_supported: settings.issParameterSupported,
    },
    settings.clientId,
    { id_token_signed_response_alg: settings.idTokenSigningAlgs[0] ?? 'RS256' },
    // client_secret_basic: OpenID Connect Core §9's default method.
    peer.clientSecret ? client.ClientSecretBasic(peer.clientSecret) : client.None(),
  );
  const issuer = new URL(settings.issuer);
  if (issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname)) client.allowInsecureRequests(config);
  client.enableNonRepudiationChecks(config);
  config.timeout = TIMEOUT_SECONDS;
  return config;
}

function decodeJwt(jwt: string): string {
  const [header, payload] = jwt.split('.');
  const decode = (part: string | undefined) => {
    try {
      return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown;
    } catch {
      return '(not JSON)';
    }
  };
  return JSON.stringify({ header: decode(header), payload: redact(decode(payload)) }, null, 2);
}

function redact(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, REDACTED.has(key) ? '(redacted)' : inner]),
  );
}

/** Claims as attribute values: strings as they are, numbers and booleans as text, one level of objects. */
function claimsToAttributes(...sources: Record<string, unknown>[]): AttributeMap {
  const entries: [string, string[]][] = [];
  const add = (name: string, value: unknown) => {
    if (typeof value === 'string') entries.push([name, [value]]);
    else if (typeof value === 'number' || typeof value === 'boolean') entries.push([name, [String(value)]]);
    else if (Array.isArray(value)) {
      entries.push([name, value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)]);
    }
  };
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (REDACTED.has(name)) continue;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [inner, innerValue] of Object.entries(value)) add(`${name}.${inner}`, innerValue);
      } else add(name, value);
    }
  }
  // Userinfo comes after the ID token: where both say something, keep one value, the ID token's.
  const seen = new Set<string>();
  return attributeMap(entries.filter(([name]) => !seen.has(name) && (seen.add(name), true)));
}

export class OidcRelyingParty {
  async start(peer: OidcPeer): Promise<{ url: string; pending: OidcPending }> {
    const config = configuration(peer);
    const pending: OidcPending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: peer.redirectUri,
      scope: peer.settings.scopes.join(' '),
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /** Completes a callback (`callbackUrl` as the browser requested it). Never throws for a bad response. */
  async finish(peer: OidcPeer, pending: OidcPending, callbackUrl: URL): Promise<OidcOutcome> {
    const messages: OidcOutcome['messages'] = [];
    const query = Object.fromEntries(callbackUrl.searchParams);
    messages.push({ label: 'Authorization response', body: JSON.stringify(redact(query), null, 2) });
    const config = configuration(peer);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      return { ok: false, checks: checks(classify(error, 'callback')), messages };
    }
    messages.push({
      label: 'Token response',
      body: JSON.stringify(redact({ ...tokens }), null, 2),
    });
    if (tokens.id_token) messages.push({ label: 'ID token (decoded)', body: decodeJwt(tokens.id_token) });
    const idClaims = tokens.claims();
    if (!idClaims) {
      return {
        ok: false,
        checks: checks(
          new CheckFailure<OidcCheckId>(
            'id-token-claims',
            'No ID token came back.',
            'Request the openid scope.',
            'no-id-token',
          ),
        ),
        messages,
      };
    }
    let userinfo: Record<string, unknown> = {};
    if (peer.settings.userinfoEndpoint) {
      try {
        userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        messages.push({ label: 'Userinfo', body: JSON.stringify(redact(userinfo), null, 2) });
      } catch (error) {
        return { ok: false, checks: checks(classify(error, 'userinfo')), messages };
      }
    }
    return {
      ok: true,
      subject: idClaims.sub,
      claims: claimsToAttributes(idClaims, userinfo),
      checks: checks(null),
      messages,
    };
  }
}
