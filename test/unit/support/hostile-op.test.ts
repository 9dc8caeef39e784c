/**
 * The hostile OpenID provider of test/support/hostile-op.ts, checked two ways: by openid-client 6
 * configured as our relying party uses it (PKCE S256 + state + nonce, RS256 pinned, non-repudiation
 * checks, userinfo with the expected subject), and by hand (raw HTTP and jose) so that the attack
 * tokens are proven to be what each mode says, not merely "something openid-client refuses".
 */
import * as client from 'openid-client';
import * as jose from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_OP_MODES,
  MIX_UP_ISSUER,
  OTHER_CLIENT_ID,
  OTHER_SUBJECT,
  startHostileOp,
  type HostileOpMode,
  type RunningHostileOp,
} from '../../support/hostile-op';

const REDIRECT_URI = 'http://127.0.0.1/callback';
type HostileMode = Exclude<HostileOpMode, 'honest'>;

interface Rejection {
  /** Where openid-client refuses: redeeming the code (`authorizationCodeGrant`) or `fetchUserInfo`. */
  step: 'grant' | 'userinfo';
  /** The `ClientError`'s code and message (generic), and its cause's message (specific). */
  code: string;
  message: string;
  cause: string;
}

/**
 * What openid-client 6.8 answers to each attack, configured as our RP. Every error is a
 * `ClientError` whose `cause` is oauth4webapi's `OperationProcessingError` with the same code.
 */
const REJECTIONS: Record<HostileMode, Rejection> = {
  'foreign-key': {
    step: 'grant',
    code: 'OAUTH_INVALID_RESPONSE',
    message: 'invalid response encountered',
    cause: 'JWT signature verification failed',
  },
  'alg-none': {
    step: 'grant',
    code: 'OAUTH_INVALID_RESPONSE',
    message: 'invalid response encountered',
    cause: 'unexpected JWT "alg" header parameter',
  },
  'hs256-public-key': {
    step: 'grant',
    code: 'OAUTH_INVALID_RESPONSE',
    message: 'invalid response encountered',
    cause: 'unexpected JWT "alg" header parameter',
  },
  'wrong-iss': {
    step: 'grant',
    code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    message: 'unexpected JWT claim value encountered',
    cause: 'unexpected JWT "iss" (issuer) claim value',
  },
  'wrong-aud': {
    step: 'grant',
    code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    message: 'unexpected JWT claim value encountered',
    cause: 'unexpected JWT "aud" (audience) claim value',
  },
  'wrong-nonce': {
    step: 'grant',
    code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    message: 'unexpected JWT claim value encountered',
    cause: 'unexpected ID Token "nonce" claim value',
  },
  expired: {
    step: 'grant',
    code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
    message: 'JWT timestamp claim value failed validation',
    cause: 'unexpected JWT "exp" (expiration time) claim value, expiration is past current timestamp',
  },
  'wrong-state': {
    step: 'grant',
    code: 'OAUTH_INVALID_RESPONSE',
    message: 'invalid response encountered',
    cause: 'unexpected "state" response parameter value',
  },
  'missing-iss-param': {
    step: 'grant',
    code: 'OAUTH_INVALID_RESPONSE',
    message: 'invalid response encountered',
    cause: 'response parameter "iss" (issuer) missing',
  },
  'wrong-iss-param': {
    step: 'grant',
    code: 'OAUTH_INVALID_RESPONSE',
    message: 'invalid response encountered',
    cause: 'unexpected "iss" (issuer) response parameter value',
  },
  'userinfo-sub-mismatch': {
    step: 'userinfo',
    code: 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
    message: 'unexpected JSON attribute value encountered',
    cause: 'unexpected "response" body "sub" property value',
  },
};

const HOSTILE_MODES = HOSTILE_OP_MODES.filter((mode): mode is HostileMode => mode !== 'honest');

/** openid-client configured as our RP: RS256 pinned, signatures checked against the JWKS. */
async function configure(
  op: RunningHostileOp,
  options: { nonRepudiation?: boolean; auth?: 'basic' | 'post'; secret?: string } = {},
): Promise<client.Configuration> {
  const secret = options.secret ?? op.clientSecret;
  return client.discovery(
    new URL(op.discoveryUrl),
    op.clientId,
    { client_secret: secret, id_token_signed_response_alg: 'RS256' },
    options.auth === 'basic' ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret),
    {
      execute: [
        client.allowInsecureRequests,
        ...(options.nonRepudiation === false ? [] : [client.enableNonRepudiationChecks]),
      ],
    },
  );
}

interface Authorized {
  callbackUrl: URL;
  pkceCodeVerifier: string;
  expectedState: string;
  expectedNonce: string;
}

/** The authorization request and its redirect back, without a browser. */
async function authorize(config: client.Configuration): Promise<Authorized> {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const expectedState = client.randomState();
  const expectedNonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state: expectedState,
    nonce: expectedNonce,
  });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = response.headers.get('location');
  if (!location) throw new Error('the authorization endpoint did not redirect');
  return { callbackUrl: new URL(location), pkceCodeVerifier, expectedState, expectedNonce };
}

function grant(config: client.Configuration, authorized: Authorized) {
  const { callbackUrl, ...checks } = authorized;
  return client.authorizationCodeGrant(config, callbackUrl, { ...checks, idTokenExpected: true });
}

/** The whole sign-in as our RP does it: code grant, ID token claims, then userinfo for that subject. */
async function signIn(config: client.Configuration) {
  const tokens = await grant(config, await authorize(config));
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  return { tokens, claims, userinfo };
}

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The token response by hand (authorize, then POST /token with client_secret_post). */
async function rawTokenResponse(op: RunningHostileOp): Promise<Record<string, unknown>> {
  const verifier = client.randomPKCECodeVerifier();
  const authorizeUrl = new URL(`${op.issuer}/authorize`);
  authorizeUrl.search = new URLSearchParams({
    client_id: op.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    state: 'a-state',
    nonce: 'a-nonce',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  const redirect = await fetch(authorizeUrl, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const response = await fetch(`${op.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: op.clientId,
      client_secret: op.clientSecret,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function rawIdToken(op: RunningHostileOp): Promise<string> {
  const body = await rawTokenResponse(op);
  expect(typeof body.id_token).toBe('string');
  return body.id_token as string;
}

describe('hostile OpenID provider', () => {
  let op: RunningHostileOp;
  let jwks: ReturnType<typeof jose.createRemoteJWKSet>;

  beforeAll(async () => {
    op = await startHostileOp();
    jwks = jose.createRemoteJWKSet(new URL(`${op.issuer}/jwks`));
  });

  afterAll(() => op.stop());

  afterEach(() => {
    op.setMode('honest');
    op.setClaims({});
  });

  describe('what it serves', () => {
    it('publishes a discovery document for itself', async () => {
      const response = await fetch(op.discoveryUrl);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        issuer: op.issuer,
        authorization_endpoint: `${op.issuer}/authorize`,
        token_endpoint: `${op.issuer}/token`,
        jwks_uri: `${op.issuer}/jwks`,
        userinfo_endpoint: `${op.issuer}/userinfo`,
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        subject_types_supported: ['public'],
      });
      expect(op.discoveryUrl).toBe(`${op.issuer}/.well-known/openid-configuration`);
    });

    it('publishes one RSA public key, with a kid, and no private part', async () => {
      const body = (await (await fetch(`${op.issuer}/jwks`)).json()) as { keys: jose.JWK[] };
      expect(body.keys).toHaveLength(1);
      const [key] = body.keys;
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key?.kid).toEqual(expect.any(String));
      expect(key?.d).toBeUndefined();
    });

    it('takes its client from the options', async () => {
      const other = await startHostileOp({ clientId: 'someone', clientSecret: 's3cr3t' });
      try {
        expect(other).toMatchObject({ clientId: 'someone', clientSecret: 's3cr3t', mode: 'honest' });
        const { claims } = await signIn(await configure(other));
        expect(claims.aud).toBe('someone');
      } finally {
        await other.stop();
      }
    });

    it('honestly signs an RS256 ID token that the JWKS verifies', async () => {
      const { payload, protectedHeader } = await jose.jwtVerify(await rawIdToken(op), jwks, {
        issuer: op.issuer,
        audience: op.clientId,
        algorithms: ['RS256'],
      });
      expect(protectedHeader.kid).toEqual(expect.any(String));
      expect(payload).toMatchObject({ sub: 'user-1', email: 'alice@example.com', nonce: 'a-nonce' });
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
      expect(Math.abs((payload.iat ?? 0) - Date.now() / 1000)).toBeLessThan(5);
    });

    it('returns a Bearer token that expires in 5 minutes', async () => {
      expect(await rawTokenResponse(op)).toMatchObject({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 300,
      });
    });

    it('foreign-key: RS256 under the real kid, but a key the JWKS does not verify', async () => {
      op.setMode('foreign-key');
      const token = await rawIdToken(op);
      const published = (await (await fetch(`${op.issuer}/jwks`)).json()) as { keys: jose.JWK[] };
      expect(jose.decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: published.keys[0]?.kid });
      await expect(jose.jwtVerify(token, jwks)).rejects.toBeInstanceOf(
        jose.errors.JWSSignatureVerificationFailed,
      );
    });

    it('alg-none: an unsecured JWT with an empty signature', async () => {
      op.setMode('alg-none');
      const token = await rawIdToken(op);
      expect(token.endsWith('.')).toBe(true);
      expect(jose.decodeProtectedHeader(token).alg).toBe('none');
      expect(jose.UnsecuredJWT.decode(token).payload).toMatchObject({ sub: 'user-1', iss: op.issuer });
    });

    it('hs256-public-key: HS256 whose secret is the published public key (SPKI PEM)', async () => {
      op.setMode('hs256-public-key');
      const token = await rawIdToken(op);
      const published = (await (await fetch(`${op.issuer}/jwks`)).json()) as { keys: jose.JWK[] };
      const publicKey = await jose.importJWK(published.keys[0] as jose.JWK, 'RS256');
      const pem = await jose.exportSPKI(publicKey as CryptoKey);
      const { protectedHeader, payload } = await jose.jwtVerify(token, new TextEncoder().encode(pem), {
        algorithms: ['HS256'],
      });
      expect(protectedHeader).toMatchObject({ alg: 'HS256', kid: published.keys[0]?.kid });
      expect(payload).toMatchObject({ sub: 'user-1', iss: op.issuer, aud: op.clientId });
    });

    it('claim modes tamper with one claim only', async () => {
      const claimsIn = async (mode: HostileOpMode) => {
        op.setMode(mode);
        return (
          await jose
            .jwtVerify(await rawIdToken(op), jwks, { algorithms: ['RS256'] })
            .catch((error: unknown) => {
              // The expired token still carries a valid signature: read it anyway.
              if (error instanceof jose.errors.JWTExpired) return { payload: error.payload };
              throw error;
            })
        ).payload;
      };
      expect(await claimsIn('wrong-iss')).toMatchObject({ iss: `${op.issuer}/`, aud: op.clientId });
      expect(await claimsIn('wrong-aud')).toMatchObject({ iss: op.issuer, aud: OTHER_CLIENT_ID });
      const nonce = (await claimsIn('wrong-nonce')).nonce;
      expect(nonce).toEqual(expect.any(String));
      expect(nonce).not.toBe('a-nonce');
      const expired = await claimsIn('expired');
      expect(expired.exp).toBeLessThan(Date.now() / 1000 - 5 * 60);
    });

    it('authorization-response modes tamper with state and iss', async () => {
      const config = await configure(op);
      const params = async (mode: HostileOpMode) => {
        op.setMode(mode);
        const { callbackUrl, expectedState } = await authorize(config);
        return {
          state: callbackUrl.searchParams.get('state'),
          iss: callbackUrl.searchParams.get('iss'),
          expectedState,
        };
      };
      const honest = await params('honest');
      expect(honest).toMatchObject({ state: honest.expectedState, iss: op.issuer });
      const wrongState = await params('wrong-state');
      expect(wrongState.state).not.toBe(wrongState.expectedState);
      expect(wrongState.iss).toBe(op.issuer);
      expect((await params('missing-iss-param')).iss).toBeNull();
      expect((await params('wrong-iss-param')).iss).toBe(MIX_UP_ISSUER);
    });

    it('records the authorization request', async () => {
      const config = await configure(op);
      const { pkceCodeVerifier, expectedState, expectedNonce } = await authorize(config);
      expect(op.authorizations.at(-1)).toEqual({
        clientId: op.clientId,
        redirectUri: REDIRECT_URI,
        responseType: 'code',
        scope: 'openid email profile',
        state: expectedState,
        nonce: expectedNonce,
        codeChallenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
        codeChallengeMethod: 'S256',
      });
    });

    it('refuses an authorization request without PKCE S256 (400, no redirect)', async () => {
      const url = new URL(`${op.issuer}/authorize`);
      url.search = new URLSearchParams({
        client_id: op.clientId,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: 'openid',
        state: 's',
      }).toString();
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('rejects a wrong PKCE verifier with 400 invalid_grant', async () => {
      const config = await configure(op);
      const authorized = await authorize(config);
      const error = await rejection(
        grant(config, { ...authorized, pkceCodeVerifier: client.randomPKCECodeVerifier() }),
      );
      expect(error).toBeInstanceOf(client.ResponseBodyError);
      expect(error).toMatchObject({ status: 400, error: 'invalid_grant' });
    });

    it('redeems a code once only', async () => {
      const config = await configure(op);
      const authorized = await authorize(config);
      await grant(config, authorized);
      const error = await rejection(grant(config, authorized));
      expect(error).toBeInstanceOf(client.ResponseBodyError);
      expect(error).toMatchObject({ status: 400, error: 'invalid_grant' });
    });

    it('rejects a wrong client secret with 401 invalid_client', async () => {
      const config = await configure(op, { secret: 'not-the-secret' });
      const error = await rejection(grant(config, await authorize(config)));
      // A 401 with `WWW-Authenticate: Basic …` surfaces as a challenge error, not a body error.
      expect(error).toBeInstanceOf(client.WWWAuthenticateChallengeError);
      expect(error).toMatchObject({ status: 401, code: 'OAUTH_WWW_AUTHENTICATE_CHALLENGE' });
      expect(JSON.stringify(error)).not.toContain(op.clientSecret);
    });

    it('accepts client_secret_basic as well as client_secret_post', async () => {
      const { claims } = await signIn(await configure(op, { auth: 'basic' }));
      expect(claims.sub).toBe('user-1');
    });

    it('adds and overrides claims with setClaims, in the ID token and userinfo', async () => {
      op.setClaims({ groups: ['admins', 'ops'], given_name: 'Alice', email: 'alice@corp.example' });
      const { claims, userinfo } = await signIn(await configure(op));
      expect(claims).toMatchObject({
        sub: 'user-1',
        groups: ['admins', 'ops'],
        given_name: 'Alice',
        email: 'alice@corp.example',
      });
      expect(userinfo).toMatchObject({
        sub: 'user-1',
        groups: ['admins', 'ops'],
        email: 'alice@corp.example',
      });
      expect(userinfo).not.toHaveProperty('nonce');

      op.setClaims({ email: undefined, sub: 'user-9' });
      const second = await signIn(await configure(op));
      expect(second.claims.sub).toBe('user-9');
      expect(second.claims).not.toHaveProperty('email');
      expect(second.claims).not.toHaveProperty('groups');
      expect(second.userinfo.sub).toBe('user-9');
    });

    it('refuses an unknown mode', () => {
      expect(() => op.setMode('bogus' as HostileOpMode)).toThrow(/unknown hostile OP mode/);
    });
  });

  describe('against openid-client 6 configured as our RP', () => {
    it('honest: the sign-in succeeds, with the user in the ID token and userinfo', async () => {
      expect(op.mode).toBe('honest');
      const { tokens, claims, userinfo } = await signIn(await configure(op));
      expect(tokens.token_type).toBe('bearer');
      expect(claims).toMatchObject({
        iss: op.issuer,
        aud: op.clientId,
        sub: 'user-1',
        email: 'alice@example.com',
      });
      expect(userinfo).toMatchObject({ sub: 'user-1', email: 'alice@example.com', email_verified: true });
    });

    it.each(HOSTILE_MODES)('%s is rejected', async (mode) => {
      op.setMode(mode);
      expect(op.mode).toBe(mode);
      const expected = REJECTIONS[mode];
      const config = await configure(op);
      const authorized = await authorize(config);
      let error: unknown;
      if (expected.step === 'grant') {
        error = await rejection(grant(config, authorized));
      } else {
        const tokens = await grant(config, authorized);
        const subject = tokens.claims()?.sub ?? '';
        expect(subject).toBe('user-1');
        error = await rejection(client.fetchUserInfo(config, tokens.access_token, subject));
      }
      expect(error).toBeInstanceOf(client.ClientError);
      const clientError = error as client.ClientError;
      expect({ code: clientError.code, message: clientError.message }).toEqual({
        code: expected.code,
        message: expected.message,
      });
      expect(clientError.cause).toMatchObject({ code: expected.code, message: expected.cause });
    });

    it('userinfo-sub-mismatch: the impostor subject is the one in the userinfo response', async () => {
      op.setMode('userinfo-sub-mismatch');
      const config = await configure(op);
      const tokens = await grant(config, await authorize(config));
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, client.skipSubjectCheck);
      expect(userinfo.sub).toBe(OTHER_SUBJECT);
    });

    // Not an attack openid-client misses with our configuration, but the reason that configuration
    // matters: openid-client does not verify ID-token signatures from the token endpoint by default.
    it('foreign-key is NOT rejected by openid-client alone without enableNonRepudiationChecks', async () => {
      op.setMode('foreign-key');
      const { claims, userinfo } = await signIn(await configure(op, { nonRepudiation: false }));
      expect(claims.sub).toBe('user-1');
      expect(userinfo.sub).toBe('user-1');
    });
  });
});
