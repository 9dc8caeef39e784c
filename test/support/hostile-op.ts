/**
 * A dishonest OpenID provider on 127.0.0.1, for tests of our relying party. Honest by default (a
 * full, valid authorization-code flow with PKCE S256, state, nonce and RS256 ID tokens signed with
 * a real RSA key), it can be switched to one attack at a time with `setMode`. Unlike the certified
 * oidc-provider of `peers.ts`, it has no login page: `/authorize` redirects straight back with a
 * code, so a test drives the whole flow with `fetch(…, { redirect: 'manual' })`.
 *
 * The provider stays honest where the attack is not: the token endpoint always checks the client
 * and the PKCE verifier, so a test that passes proves the RP refused the attack, not a typo.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as jose from 'jose';
import { close, listen } from './peers';

export const HOSTILE_OP_MODES = [
  /** No attack: every step is valid and the sign-in must succeed. */
  'honest',
  /**
   * The ID token is signed (RS256) with another RSA key that is not in the JWKS, under the kid of
   * the provider's real key: only a signature check against the JWKS catches it.
   */
  'foreign-key',
  /** The ID token is an unsecured JWT (`alg: none`, empty signature). */
  'alg-none',
  /**
   * Key confusion: the ID token is HS256, with the provider's public key (its SPKI PEM text) as
   * the HMAC secret, under the real kid. An RP that verifies "with the key in the JWKS" whatever
   * the alg says would accept it.
   */
  'hs256-public-key',
  /** The ID token's `iss` is the issuer with a trailing slash: a near miss, not an exact match. */
  'wrong-iss',
  /** The ID token's `aud` is another client. */
  'wrong-aud',
  /** The ID token's `nonce` is not the one the RP sent (a replayed or injected token). */
  'wrong-nonce',
  /** The ID token expired ten minutes ago (beyond any sane clock tolerance). */
  'expired',
  /** The authorization response carries another `state` than the request (CSRF / login injection). */
  'wrong-state',
  /**
   * The authorization response has no `iss` parameter, although the discovery document says
   * `authorization_response_iss_parameter_supported: true` (RFC 9207).
   */
  'missing-iss-param',
  /** The authorization response's `iss` parameter names another issuer (mix-up attack, RFC 9207). */
  'wrong-iss-param',
  /** The userinfo endpoint answers for another user: its `sub` is not the ID token's. */
  'userinfo-sub-mismatch',
] as const;

export type HostileOpMode = (typeof HOSTILE_OP_MODES)[number];

/** The `iss` the mix-up mode puts in the authorization response. */
export const MIX_UP_ISSUER = 'https://other-op.example';
/** The `aud` of the ID token in mode `wrong-aud`. */
export const OTHER_CLIENT_ID = 'another-client';
/** The `sub` the userinfo endpoint returns in mode `userinfo-sub-mismatch`. */
export const OTHER_SUBJECT = 'user-2';

/** What the provider saw of an authorization request. */
export interface HostileOpAuthorization {
  clientId: string;
  redirectUri: string;
  responseType: string;
  scope: string;
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string;
  codeChallengeMethod: string;
}

export interface RunningHostileOp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  discoveryUrl: string;
  /** The current mode (`honest` at start). */
  readonly mode: HostileOpMode;
  /** Switches the attack; it applies to every request from then on. */
  setMode(mode: HostileOpMode): void;
  /**
   * Claims added to, or overriding, the ID token's (e.g. `groups`, `given_name`, `sub`, `email`);
   * a claim set to `undefined` is removed. Replaces the previous `setClaims`; `setClaims({})`
   * restores the defaults. The non-JWT claims (all but iss/aud/exp/iat/nbf/nonce/azp/auth_time/
   * at_hash/jti) are returned by userinfo too. The mode's tampering applies after these.
   */
  setClaims(claims: Record<string, unknown>): void;
  /** The authorization requests received, oldest first. */
  readonly authorizations: readonly HostileOpAuthorization[];
  stop(): Promise<void>;
}

const CODE_LIFETIME_MS = 60_000;
const TOKEN_LIFETIME_S = 300;
/** Claims about the token itself, not the user: never copied to userinfo. */
const JWT_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'azp',
  'auth_time',
  'at_hash',
  'jti',
]);
const BODY_LIMIT = 64 * 1024;
/** The user every honest flow signs in. */
const DEFAULT_USER = {
  sub: 'user-1',
  email: 'alice@example.com',
  email_verified: true,
  name: 'Alice Example',
};

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  nonce: string | undefined;
  codeChallenge: string;
  scope: string;
  expiresAt: number;
}

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const random = () => randomBytes(32).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new OAuthError(413, 'invalid_request', 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/**
 * How the token endpoint reads the user-id and password of a Basic header:
 * - `form`: form-urldecodes them, leniently (`+` is a space; what oidc-provider does);
 * - `strict`: RFC 6749 §2.3.1 read to the letter — each must be application/x-www-form-urlencoded:
 *   RFC 3986 unreserved characters as they are, `+` for a space, every other octet as `%HH`
 *   (UTF-8). A raw reserved character (`!`, `*`, `'`, `(`, `)`, `:`…), a raw space or non-ASCII
 *   character, a `%` not followed by two hex digits, or a `%HH` run that is not UTF-8 is refused;
 * - `none`: compares them as they are, without decoding (the OP that refused openid-client's
 *   `%2D` for a `-` with `unauthorized_client`).
 */
export type BasicDecoding = 'form' | 'strict' | 'none';

const STRICT_FORM_ENCODED = /^(?:[A-Za-z0-9\-._~+]|%[0-9A-Fa-f]{2})*$/;

function decodeCredential(value: string, decoding: BasicDecoding): string {
  if (decoding === 'none') return value;
  if (decoding === 'strict' && !STRICT_FORM_ENCODED.test(value)) {
    const bad = /[^A-Za-z0-9\-._~+%]|%(?![0-9A-Fa-f]{2})/.exec(value);
    throw new OAuthError(
      401,
      'invalid_client',
      `the Basic credentials are not application/x-www-form-urlencoded (RFC 6749 §2.3.1): ${JSON.stringify(bad?.[0] ?? '')} at position ${bad?.index ?? 0}`,
    );
  }
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError(401, 'invalid_client', 'the Basic credentials are not UTF-8 once decoded');
  }
}

/** `client_secret_basic` credentials: base64 of the form-urlencoded id and secret (RFC 6749 §2.3.1). */
function basicCredentials(
  header: string,
  decoding: BasicDecoding,
): { id: string; secret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeCredential(decoded.slice(0, colon), decoding),
    secret: decodeCredential(decoded.slice(colon + 1), decoding),
  };
}

/** A hostile OpenID provider on a free loopback port, honest until `setMode` says otherwise. */
export async function startHostileOp(
  options: {
    clientId?: string;
    clientSecret?: string;
    /** How the token endpoint reads Basic credentials (default `form`). */
    basicDecoding?: BasicDecoding;
    /** The client authentication methods announced and accepted (default basic and post). */
    authMethods?: ('client_secret_basic' | 'client_secret_post')[];
    /** Fields merged into the discovery document (`{ issuer: '…/{tenantid}' }`, …). */
    discovery?: Record<string, unknown>;
  } = {},
): Promise<RunningHostileOp> {
  const clientId = options.clientId ?? 'tessera';
  const clientSecret = options.clientSecret ?? 'a-client-secret-for-tests';
  const basicDecoding = options.basicDecoding ?? 'form';
  const authMethods = options.authMethods ?? ['client_secret_basic', 'client_secret_post'];

  const providerKey = await jose.generateKeyPair('RS256');
  const foreignKey = await jose.generateKeyPair('RS256');
  const publicJwk = await jose.exportJWK(providerKey.publicKey);
  const kid = await jose.calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
  const publicPem = await jose.exportSPKI(providerKey.publicKey);

  let mode: HostileOpMode = 'honest';
  let extraClaims: Record<string, unknown> = {};
  const authorizations: HostileOpAuthorization[] = [];
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Map<string, Record<string, unknown>>();

  const { server, base } = await listen((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof OAuthError) {
        sendJson(res, error.status, { error: error.error, error_description: error.message });
      } else if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      } else {
        res.destroy();
      }
    });
  });
  const issuer = base;
  const discoveryUrl = `${issuer}/.well-known/openid-configuration`;

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    userinfo_endpoint: `${issuer}/userinfo`,
    scopes_supported: ['openid', 'email', 'profile'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: authMethods,
    authorization_response_iss_parameter_supported: true,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'email', 'email_verified', 'name'],
    ...options.discovery,
  };

  /** `claims` with the `setClaims` overrides applied (`undefined` removes a claim). */
  function overridden(claims: Record<string, unknown>): Record<string, unknown> {
    const result = { ...claims };
    for (const [name, value] of Object.entries(extraClaims)) {
      if (value === undefined) delete result[name];
      else result[name] = value;
    }
    return result;
  }

  async function idToken(code: IssuedCode): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = overridden({
      iss: issuer,
      aud: clientId,
      iat: now,
      exp: now + TOKEN_LIFETIME_S,
      auth_time: now,
      ...(code.nonce === undefined ? {} : { nonce: code.nonce }),
      ...DEFAULT_USER,
    });

    switch (mode) {
      case 'wrong-iss':
        claims.iss = `${issuer}/`;
        break;
      case 'wrong-aud':
        claims.aud = OTHER_CLIENT_ID;
        break;
      case 'wrong-nonce':
        claims.nonce = random();
        break;
      case 'expired':
        claims.iat = now - 15 * 60;
        claims.auth_time = now - 15 * 60;
        claims.exp = now - 10 * 60;
        break;
      default:
        break;
    }

    switch (mode) {
      case 'alg-none':
        return new jose.UnsecuredJWT(claims).encode();
      case 'hs256-public-key':
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid })
          .sign(new TextEncoder().encode(publicPem));
      case 'foreign-key':
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
          .sign(foreignKey.privateKey);
      default:
        return new jose.SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
          .sign(providerKey.privateKey);
    }
  }

  function authorize(url: URL, res: ServerResponse): void {
    const param = (name: string) => url.searchParams.get(name) ?? undefined;
    const refuse = (why: string) => {
      throw new OAuthError(400, 'invalid_request', why);
    };
    const request: HostileOpAuthorization = {
      clientId: param('client_id') ?? '',
      redirectUri: param('redirect_uri') ?? '',
      responseType: param('response_type') ?? '',
      scope: param('scope') ?? '',
      state: param('state'),
      nonce: param('nonce'),
      codeChallenge: param('code_challenge') ?? '',
      codeChallengeMethod: param('code_challenge_method') ?? '',
    };
    authorizations.push(request);
    // Refused without a redirect: an honest RP never sends these.
    if (request.clientId !== clientId) refuse('unknown client_id');
    let redirect: URL;
    try {
      redirect = new URL(request.redirectUri);
    } catch {
      throw new OAuthError(400, 'invalid_request', 'redirect_uri is not an absolute URL');
    }
    if (redirect.hash) refuse('redirect_uri has a fragment');
    if (request.responseType !== 'code') refuse('response_type must be code');
    if (!request.scope.split(' ').includes('openid')) refuse('scope must include openid');
    if (!request.codeChallenge) refuse('PKCE is required: code_challenge is missing');
    if (request.codeChallengeMethod !== 'S256') refuse('code_challenge_method must be S256');

    const code = random();
    codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      scope: request.scope,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    redirect.searchParams.set('code', code);
    const state = mode === 'wrong-state' ? random() : request.state;
    if (state !== undefined) redirect.searchParams.set('state', state);
    if (mode === 'wrong-iss-param') redirect.searchParams.set('iss', MIX_UP_ISSUER);
    else if (mode !== 'missing-iss-param') redirect.searchParams.set('iss', issuer);
    res.writeHead(302, { location: redirect.href, 'cache-control': 'no-store' }).end();
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    }
    const body = new URLSearchParams(await readBody(req));

    // Client authentication: client_secret_basic or client_secret_post, not both.
    const authorization = req.headers.authorization;
    let client: { id: string; secret: string } | undefined;
    if (authorization !== undefined) {
      if (body.has('client_secret')) {
        throw new OAuthError(400, 'invalid_request', 'more than one client authentication method');
      }
      if (!authMethods.includes('client_secret_basic')) {
        throw new OAuthError(401, 'invalid_client', 'client_secret_basic is not allowed for this client');
      }
      client = basicCredentials(authorization, basicDecoding);
    } else if (body.has('client_id') && body.has('client_secret')) {
      if (!authMethods.includes('client_secret_post')) {
        throw new OAuthError(401, 'invalid_client', 'client_secret_post is not allowed for this client');
      }
      client = { id: body.get('client_id') ?? '', secret: body.get('client_secret') ?? '' };
    }
    if (!client || client.id !== clientId || !sameSecret(client.secret, clientSecret)) {
      res.setHeader('www-authenticate', `Basic realm="${issuer}"`);
      throw new OAuthError(401, 'invalid_client', 'client authentication failed');
    }
    if (body.has('client_id') && body.get('client_id') !== client.id) {
      throw new OAuthError(400, 'invalid_request', 'client_id does not match the authenticated client');
    }

    if (body.get('grant_type') !== 'authorization_code') {
      throw new OAuthError(400, 'unsupported_grant_type', 'only authorization_code is supported');
    }
    const codeValue = body.get('code') ?? '';
    const code = codes.get(codeValue);
    codes.delete(codeValue); // single use, whatever happens next
    if (!code || code.expiresAt < Date.now()) {
      throw new OAuthError(400, 'invalid_grant', 'unknown, used or expired code');
    }
    if (code.clientId !== client.id)
      throw new OAuthError(400, 'invalid_grant', 'code issued to another client');
    if (body.get('redirect_uri') !== code.redirectUri) {
      throw new OAuthError(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
    }
    const verifier = body.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
      throw new OAuthError(400, 'invalid_grant', 'code_verifier missing or malformed');
    }
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (challenge !== code.codeChallenge) {
      throw new OAuthError(400, 'invalid_grant', 'PKCE verification failed');
    }

    const accessToken = random();
    accessTokens.set(accessToken, overridden(DEFAULT_USER));
    sendJson(
      res,
      200,
      {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_S,
        scope: code.scope,
        id_token: await idToken(code),
      },
      { pragma: 'no-cache' },
    );
  }

  function userinfo(req: IncomingMessage, res: ServerResponse): void {
    const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    const claims = match?.[1] ? accessTokens.get(match[1]) : undefined;
    if (!claims) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const body = Object.fromEntries(Object.entries(claims).filter(([name]) => !JWT_CLAIMS.has(name)));
    if (mode === 'userinfo-sub-mismatch') body.sub = OTHER_SUBJECT;
    sendJson(res, 200, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method ?? ''} ${url.pathname}`;
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        return sendJson(res, 200, discovery, { 'cache-control': 'max-age=0' });
      case 'GET /jwks':
        return sendJson(res, 200, jwks, { 'content-type': 'application/jwk-set+json' });
      case 'GET /authorize':
        return authorize(url, res);
      case 'POST /token':
        return token(req, res);
      case 'GET /userinfo':
      case 'POST /userinfo':
        return userinfo(req, res);
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }

  return {
    issuer,
    clientId,
    clientSecret,
    discoveryUrl,
    get mode() {
      return mode;
    },
    setMode(next) {
      if (!HOSTILE_OP_MODES.includes(next)) throw new Error(`unknown hostile OP mode: ${String(next)}`);
      mode = next;
    },
    setClaims(claims) {
      extraClaims = { ...claims };
    },
    get authorizations() {
      return authorizations;
    },
    stop: () => close(server),
  };
}
