/**
 * Client authentication at the token endpoint (RFC 6749 §2.3, OpenID Connect Core §9), each method
 * against real peers: oidc-provider configured for client_secret_basic, client_secret_post and
 * private_key_jwt (Tessera's JWKS registered with the client, as an admin pastes it: oidc-provider
 * will not fetch a JWKS from a loopback address, and neither would an OP on the internet), and the hostile OP reading Basic credentials
 * three ways — leniently, strictly by RFC 6749 §2.3.1, and not decoding at all (the OP that
 * refused openid-client's `%2D`). The client IDs carry `-_.~`, the characters that went wrong.
 * Failures show the OP's own error, description, HTTP status and token endpoint.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  formEncodeCredential,
  OidcRelyingParty,
  type OidcPeer,
} from '../../../../electron/core/broker/oidc-rp';
import { discoverOidc } from '../../../../electron/core/sso/oidc-discovery';
import { clientJwks, newClientKey } from '../../../../electron/core/sso/oidc-client-key';
import type { TokenAuthMethod } from '../../../../shared/admin/schemas';
import { startHostileOp, type BasicDecoding, type RunningHostileOp } from '../../../support/hostile-op';
import { oidcProviderAuthorize, startOidcProvider, type RunningOidcProvider } from '../../../support/peers';

const REDIRECT = 'http://127.0.0.1:7480/oidc/callback';
const TRICKY_ID = 'tessera-rp_1.~x';
const SECRET = 'a-secret-with-!*()-and space';

const rp = new OidcRelyingParty();

async function peerFor(
  discoveryUrl: string,
  clientId: string,
  method: TokenAuthMethod,
  credentials: { clientSecret?: string; key?: ReturnType<typeof newClientKey> },
): Promise<OidcPeer> {
  const endpoints = await discoverOidc(discoveryUrl);
  return {
    settings: {
      ...endpoints,
      discoveryUrl,
      automaticLogout: false,
      clientId,
      scopes: ['openid', 'email', 'profile'],
      tokenEndpointAuthMethod: method,
      clientPublicJwk: credentials.key?.publicJwk ?? null,
    },
    clientSecret: credentials.clientSecret ?? null,
    clientPrivateKeyPem: credentials.key?.privateKeyPem ?? null,
    redirectUri: REDIRECT,
  };
}

describe('the form encoding of Basic credentials', () => {
  it('leaves RFC 3986 unreserved characters as they are and encodes the rest', () => {
    expect(formEncodeCredential('tessera-rp_1.~x')).toBe('tessera-rp_1.~x');
    expect(formEncodeCredential("a b:c+d%e!*'()é")).toBe('a%20b%3Ac%2Bd%25e%21%2A%27%28%29%C3%A9');
  });
});

describe('client authentication against oidc-provider', () => {
  let op: RunningOidcProvider;
  const key = newClientKey();

  beforeAll(async () => {
    op = await startOidcProvider(
      [REDIRECT],
      { carol: { email: 'carol@example.com', name: 'Carol' } },
      {
        clients: [
          {
            client_id: `${TRICKY_ID}-basic`,
            client_secret: SECRET,
            token_endpoint_auth_method: 'client_secret_basic',
          },
          {
            client_id: `${TRICKY_ID}-post`,
            client_secret: SECRET,
            token_endpoint_auth_method: 'client_secret_post',
          },
          {
            client_id: `${TRICKY_ID}-jwt`,
            token_endpoint_auth_method: 'private_key_jwt',
            token_endpoint_auth_signing_alg: 'RS256',
            // The JWKS the sign-in service publishes (the same function builds it).
            jwks: clientJwks([{ clientPublicJwk: key.publicJwk }]),
          },
        ],
      },
    );
  });
  afterAll(() => op?.stop());

  it('announces the methods discovery found, among the ones Tessera supports', async () => {
    const endpoints = await discoverOidc(op.issuer);
    expect(endpoints.tokenEndpointAuthMethods).toEqual([
      'client_secret_basic',
      'client_secret_post',
      'private_key_jwt',
    ]);
  });

  it.each([
    ['client_secret_basic', `${TRICKY_ID}-basic`],
    ['client_secret_post', `${TRICKY_ID}-post`],
    ['private_key_jwt', `${TRICKY_ID}-jwt`],
  ] as const)('signs in with %s and the client ID %s', async (method, clientId) => {
    const peer = await peerFor(
      op.issuer,
      clientId,
      method,
      method === 'private_key_jwt' ? { key } : { clientSecret: SECRET },
    );
    const { url, pending } = await rp.start(peer);
    const callback = await oidcProviderAuthorize(url, 'carol');
    const outcome = await rp.finish(peer, pending, callback);
    expect(outcome.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(outcome.ok && outcome.claims.email).toEqual(['carol@example.com']);
  });

  it('shows what oidc-provider said when the method is not the registered one', async () => {
    // Registered for private_key_jwt; Tessera sends a client secret.
    const peer = await peerFor(op.issuer, `${TRICKY_ID}-jwt`, 'client_secret_basic', {
      clientSecret: SECRET,
    });
    const { url, pending } = await rp.start(peer);
    const outcome = await rp.finish(peer, pending, await oidcProviderAuthorize(url, 'carol'));
    const failed = outcome.checks.find((c) => c.status === 'fail')!;
    expect(failed.id).toBe('token');
    expect(failed.detail).toBe(
      `The token endpoint ${op.issuer}/token answered HTTP 401: invalid_client (client authentication failed).`,
    );
    expect(failed.fix).toMatch(/registered to authenticate with client_secret_basic/);
    expect(failed.fix).toMatch(/also offers client_secret_post, private_key_jwt/);
  });

  it('fails with the OP’s words when Tessera’s key is not the registered one', async () => {
    const peer = await peerFor(op.issuer, `${TRICKY_ID}-jwt`, 'private_key_jwt', { key: newClientKey() });
    const { url, pending } = await rp.start(peer);
    const outcome = await rp.finish(peer, pending, await oidcProviderAuthorize(url, 'carol'));
    const failed = outcome.checks.find((c) => c.status === 'fail')!;
    expect(failed.id).toBe('token');
    expect(failed.detail).toMatch(/HTTP 401: invalid_client/);
    expect(failed.fix).toMatch(/public key \(its JWKS\)/);
  });
});

describe('client_secret_basic against a stricter and a literal token endpoint', () => {
  const ops: Partial<Record<BasicDecoding, RunningHostileOp>> = {};

  // Each OP makes two RSA keys: slow on a busy machine.
  beforeAll(async () => {
    for (const decoding of ['form', 'strict', 'none'] as const) {
      ops[decoding] = await startHostileOp({
        clientId: TRICKY_ID,
        clientSecret: 'plain-secret_1.~',
        basicDecoding: decoding,
      });
    }
  }, 60_000);
  afterAll(() => Promise.all(Object.values(ops).map((op) => op.stop())));

  async function signIn(op: RunningHostileOp, method: TokenAuthMethod, clientSecret = op.clientSecret) {
    const peer = await peerFor(op.discoveryUrl, op.clientId, method, { clientSecret });
    const { url, pending } = await rp.start(peer);
    const authorize = await fetch(url, { redirect: 'manual' });
    return rp.finish(peer, pending, new URL(authorize.headers.get('location')!));
  }

  it.each(['form', 'strict', 'none'] as const)(
    'a %s-decoding OP accepts Tessera’s Basic and post credentials',
    async (decoding) => {
      for (const method of ['client_secret_basic', 'client_secret_post'] as const) {
        const outcome = await signIn(ops[decoding]!, method);
        expect(
          outcome.checks.filter((c) => c.status === 'fail'),
          `${decoding} ${method}`,
        ).toEqual([]);
      }
    },
  );

  it('the literal OP refuses the %2D that openid-client sends for "-" (the bug this fixes)', async () => {
    const op = ops.none!;
    const response = await fetch(`${op.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa(`tessera%2Drp%5F1%2E%7Ex:${op.clientSecret}`)}`,
      },
      body: 'grant_type=authorization_code&code=x',
    });
    expect(response.status).toBe(401);
  });

  it('the strict OP refuses credentials that are not form-encoded', async () => {
    const response = await fetch(`${ops.strict!.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa('tessera-rp!:plain secret')}`,
      },
      body: 'grant_type=authorization_code&code=x',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error_description: string }).error_description).toMatch(
      /not application\/x-www-form-urlencoded/,
    );
  });

  it('a strict OP accepts a secret that needs encoding, encoded by Tessera', async () => {
    const op = await startHostileOp({
      clientId: 'client id!',
      clientSecret: SECRET,
      basicDecoding: 'strict',
    });
    try {
      const outcome = await signIn(op, 'client_secret_basic');
      expect(outcome.checks.filter((c) => c.status === 'fail')).toEqual([]);
    } finally {
      await op.stop();
    }
  });

  it('shows the OP’s error, description, status and token endpoint for a wrong secret, and logs them', async () => {
    const op = ops.strict!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outcome = await signIn(op, 'client_secret_basic', 'not-the-secret');
    const logged = warn.mock.calls.map((args) => args.join(' ')).join('\n');
    warn.mockRestore();
    expect(logged).toContain(
      `${op.issuer}/token answered HTTP 401: invalid_client (client authentication failed)`,
    );
    expect(logged).not.toContain('not-the-secret');
    const failed = outcome.checks.find((c) => c.status === 'fail')!;
    expect(failed.id).toBe('token');
    expect(failed.detail).toBe(
      `The token endpoint ${op.issuer}/token answered HTTP 401: invalid_client (client authentication failed).`,
    );
    expect(failed.fix).toMatch(/client ID, the client secret/);
  });

  it('shows a method the OP does not allow for this client', async () => {
    const op = await startHostileOp({ authMethods: ['client_secret_post'] });
    try {
      const endpoints = await discoverOidc(op.discoveryUrl);
      expect(endpoints.tokenEndpointAuthMethods).toEqual(['client_secret_post']);
      const outcome = await signIn(op, 'client_secret_basic');
      const failed = outcome.checks.find((c) => c.status === 'fail')!;
      expect(failed.detail).toMatch(
        /HTTP 401: invalid_client \(client_secret_basic is not allowed for this client\)/,
      );
    } finally {
      await op.stop();
    }
  });
});
