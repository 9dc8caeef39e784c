/**
 * OpenID Connect as the relying party (SPEC O4, §2), with openid-client: authorization code +
 * PKCE (S256) + state + nonce; the ID token's algorithm pinned to the one stored with the IdP, and
 * its signature checked (enableNonRepudiationChecks — openid-client does not verify ID-token
 * signatures from the token endpoint otherwise); the authorization response's `iss` compared with
 * the IdP this flow was started for (RFC 9207 mix-up defence) and required when the IdP announced
 * it; the userinfo `sub` compared with the ID token's; plain http only for a loopback IdP.
 *
 * The client authenticates at the token endpoint the way the admin chose (client_secret_basic,
 * client_secret_post or private_key_jwt, from what discovery announced). What the token endpoint
 * answers on failure — its HTTP status, `error` and `error_description` — is shown as it is.
 */
import { createPrivateKey } from 'node:crypto';
import * as client from 'openid-client';
import type { SignInCheck } from '../../../shared/admin/directory';
import { CheckFailure, checkList } from './checks';
import type { OidcSettings, TokenAuthMethod } from '../../../shared/admin/schemas';
import { isLoopbackHost } from '../../../shared/admin/schemas';
import { attributeMap, type AttributeMap } from '../jit/mapping';
import { createLogger } from '../logger';

const log = createLogger('oidc-rp');

const TIMEOUT_SECONDS = 10;
/** Claims whose values are tokens or proofs: never shown in the decoded messages. */
const REDACTED = new Set(['access_token', 'refresh_token', 'id_token', 'code', 'at_hash', 'c_hash', 'nonce']);

export interface OidcPeer {
  settings: Omit<OidcSettings, 'hasClientSecret'>;
  /** client_secret_basic / client_secret_post. */
  clientSecret: string | null;
  /** private_key_jwt: the PKCS#8 PEM of the key whose public half is settings.clientPublicJwk. */
  clientPrivateKeyPem?: string | null;
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
  /** The raw ID token, for RP-initiated logout's id_token_hint (oidc-logout.ts); never shown. */
  idToken: string;
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

/** What the token endpoint said, read from the error openid-client threw (or its causes). */
export interface TokenEndpointAnswer {
  status: number | null;
  error: string | null;
  description: string | null;
  /** A non-JSON body's first characters (an HTML error page, a proxy's message). */
  body: string | null;
}

const ANSWER_MAX_CHARS = 300;
const clip = (value: string) =>
  value.length > ANSWER_MAX_CHARS ? `${value.slice(0, ANSWER_MAX_CHARS)}…` : value;

/**
 * openid-client throws ResponseBodyError for an OAuth error body, WWWAuthenticateChallengeError
 * for a 401 with a challenge (before reading the body, which is still there to read), and a
 * ClientError whose cause is the Response for anything that is not OAuth at all.
 */
async function tokenEndpointAnswer(error: unknown): Promise<TokenEndpointAnswer | null> {
  if (error instanceof client.ResponseBodyError) {
    return {
      status: error.status,
      error: error.error,
      description: error.error_description ?? null,
      body: null,
    };
  }
  let response: Response | undefined;
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof Response) response = current;
    else if (current instanceof client.WWWAuthenticateChallengeError) response = current.response;
    if (response) break;
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  if (!response) return null;
  let text = '';
  try {
    text = response.bodyUsed ? '' : await response.clone().text();
  } catch {
    text = '';
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const field = (name: string) =>
    json && typeof json === 'object' && typeof (json as Record<string, unknown>)[name] === 'string'
      ? clip((json as Record<string, string>)[name]!)
      : null;
  const oauthError = field('error');
  return {
    status: response.status,
    error: oauthError,
    description: field('error_description'),
    body: oauthError ? null : text.trim() ? clip(text.trim().replace(/\s+/g, ' ')) : null,
  };
}

const METHOD_WORDS: Record<TokenAuthMethod, string> = {
  client_secret_basic: 'client_secret_basic (the client ID and secret in an HTTP Basic header)',
  client_secret_post: 'client_secret_post (the client ID and secret in the request body)',
  private_key_jwt: 'private_key_jwt (a JWT signed with Tessera’s key)',
};

/** The token step's failure in the OP's own words, with what to change for the likely cause. */
function tokenFailure(peer: OidcPeer, answer: TokenEndpointAnswer | null, message: string): OidcCheckFailure {
  const { settings } = peer;
  const url = settings.tokenEndpoint;
  if (!answer) {
    const timedOut = /timeout|timed out|aborted/i.test(message);
    return new CheckFailure<OidcCheckId>(
      'token',
      timedOut
        ? `The token endpoint ${url} did not answer within ${TIMEOUT_SECONDS} seconds.`
        : `The token endpoint ${url} could not be reached (${message}).`,
      'Check the token endpoint address and that this computer can reach the identity provider.',
    );
  }
  const said = answer.error
    ? `${answer.error}${answer.description ? ` (${answer.description})` : ''}`
    : answer.body
      ? `a response that is not OAuth JSON: ${answer.body}`
      : 'no error code';
  const detail = `The token endpoint ${url} answered HTTP ${answer.status ?? '?'}: ${said}.`;
  const method = settings.tokenEndpointAuthMethod;
  const others = settings.tokenEndpointAuthMethods.filter((m) => m !== method);
  let fix: string;
  switch (answer.error) {
    case 'invalid_client':
    case 'unauthorized_client':
      fix =
        `The IdP did not accept Tessera as the client "${settings.clientId}". Check the client ID, ` +
        (method === 'private_key_jwt'
          ? 'that Tessera’s public key (its JWKS) is registered for this client, '
          : 'the client secret, ') +
        `and that the client is registered to authenticate with ${METHOD_WORDS[method]}` +
        (others.length
          ? `; the IdP also offers ${others.join(', ')}, which you can choose in this IdP's settings.`
          : '.');
      break;
    case 'invalid_grant':
      fix = `The code was refused: check that the redirect URI registered at the IdP is exactly ${peer.redirectUri}, and sign in again (a code works once, for a short time).`;
      break;
    case 'unsupported_grant_type':
      fix = 'Allow the authorization code grant for this client at the IdP.';
      break;
    case 'invalid_request':
      fix = 'The IdP found the request malformed; its description above says what it missed.';
      break;
    default:
      fix = answer.error
        ? 'See the IdP’s description above, and check this client’s registration at the IdP.'
        : `Check that ${url} is the IdP’s token endpoint (its discovery document names it).`;
  }
  return new CheckFailure<OidcCheckId>('token', detail, fix);
}

/**
 * openid-client's errors share a handful of codes (six different attacks are all
 * OAUTH_INVALID_RESPONSE); the cause's message says which check it was.
 */
async function classify(
  error: unknown,
  stage: 'callback' | 'userinfo',
  peer: OidcPeer,
): Promise<OidcCheckFailure> {
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
  const answer = await tokenEndpointAnswer(error);
  if (answer) return tokenFailure(peer, answer, message);
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
  return tokenFailure(peer, null, message);
}

/**
 * RFC 6749 §2.3.1: the client ID and secret are form-urlencoded before they go into the Basic
 * header. openid-client encodes every character but letters and digits (`-` becomes %2D), which is
 * valid form encoding — and which OPs that compare the header's user-id without decoding refuse
 * (`unauthorized_client`). RFC 3986's unreserved characters (letters, digits, `-._~`) decode to
 * themselves, so leaving them as they are satisfies both kinds of OP; everything else is encoded.
 */
export function formEncodeCredential(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function clientSecretBasic(secret: string): client.ClientAuth {
  return (_as, metadata, _body, headers) => {
    const credentials = `${formEncodeCredential(metadata.client_id)}:${formEncodeCredential(secret)}`;
    headers.set('authorization', `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`);
  };
}

async function clientAuth(peer: OidcPeer): Promise<client.ClientAuth> {
  const { settings } = peer;
  switch (settings.tokenEndpointAuthMethod) {
    case 'private_key_jwt': {
      if (!peer.clientPrivateKeyPem || !settings.clientPublicJwk) {
        throw new Error('The private_key_jwt key of this IdP is missing; save the IdP again.');
      }
      const key = await crypto.subtle.importKey(
        'pkcs8',
        createPrivateKey(peer.clientPrivateKeyPem).export({ type: 'pkcs8', format: 'der' }),
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return client.PrivateKeyJwt({ key, kid: settings.clientPublicJwk.kid });
    }
    case 'client_secret_post':
      return peer.clientSecret ? client.ClientSecretPost(peer.clientSecret) : client.None();
    default:
      return peer.clientSecret ? clientSecretBasic(peer.clientSecret) : client.None();
  }
}

async function configuration(peer: OidcPeer): Promise<client.Configuration> {
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
    await clientAuth(peer),
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
    const config = await configuration(peer);
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
    const config = await configuration(peer);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      const failure = await classify(error, 'callback', peer);
      // The OP's own words, for the log too (no secret is in them: the error, its description,
      // the status and the endpoint's URL).
      log.warn(`Sign-in at ${peer.settings.issuer} refused at the ${failure.id} check: ${failure.detail}`);
      return { ok: false, checks: checks(failure), messages };
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
        const failure = await classify(error, 'userinfo', peer);
        log.warn(`Sign-in at ${peer.settings.issuer} refused at the userinfo check: ${failure.detail}`);
        return { ok: false, checks: checks(failure), messages };
      }
    }
    return {
      ok: true,
      subject: idClaims.sub,
      claims: claimsToAttributes(idClaims, userinfo),
      idToken: tokens.id_token!,
      checks: checks(null),
      messages,
    };
  }
}
