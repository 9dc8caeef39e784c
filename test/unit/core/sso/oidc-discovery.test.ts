/**
 * OpenID discovery against real peers on 127.0.0.1: a real oidc-provider, and a small server of
 * our own that serves the documents a broken or hostile provider could send.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  discoverOidc,
  validateManualOidc,
  DISCOVERY_MAX_BYTES,
  type DiscoveredOidc,
} from '../../../../electron/core/sso/oidc-discovery';
import { AppError, ErrorCode } from '../../../../shared/ipc/errors';
import { rejectedAppError, thrownAppError } from '../../../support/errors';
import { close, listen, startOidcProvider, type RunningOidcProvider } from '../../../support/peers';

const WELL_KNOWN = '/.well-known/openid-configuration';

/** A port that was free a moment ago and that nothing listens on now. */
async function unusedPort(): Promise<number> {
  const { server, base } = await listen(() => undefined);
  await close(server);
  return Number(new URL(base).port);
}

/** The AppError a discovery rejects with (fails the test if it resolves or throws another error). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectedAppError(promise);
  expect(error.code).toBe(ErrorCode.InvalidInput);
  return error;
}

/** The AppError a synchronous call throws. */
function thrown(run: () => unknown): AppError {
  const error = thrownAppError(run);
  expect(error.code).toBe(ErrorCode.InvalidInput);
  return error;
}

describe('discovery from a real oidc-provider', () => {
  let provider: RunningOidcProvider;
  let issuer: string;

  beforeAll(async () => {
    provider = await startOidcProvider();
    issuer = provider.issuer;
  });

  afterAll(() => provider.stop());

  const expected = (): DiscoveredOidc => ({
    issuer,
    authorizationEndpoint: `${issuer}/auth`,
    tokenEndpoint: `${issuer}/token`,
    jwksUri: `${issuer}/jwks`,
    userinfoEndpoint: `${issuer}/me`,
    endSessionEndpoint: `${issuer}/session/end`,
    idTokenSigningAlgs: ['RS256'],
    // oidc-provider sends `iss` in authorization responses (RFC 9207) and says so.
    issParameterSupported: true,
    tokenEndpointAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
  });

  it('finds the endpoints from the issuer URL', async () => {
    expect(await discoverOidc(issuer)).toEqual(expected());
    expect(await discoverOidc(`${issuer}/`)).toEqual(expected());
  });

  it('finds the same endpoints from the full well-known URL', async () => {
    expect(await discoverOidc(`${issuer}${WELL_KNOWN}`)).toEqual(expected());
  });
});

describe('discovery from a provider that sends bad documents', () => {
  let server: Server;
  let base: string;
  let requests = 0;

  const goodDocument = (name: string): Record<string, unknown> => {
    const issuer = `${base}/${name}`;
    return {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  };
  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const routes: Record<string, (res: ServerResponse, name: string) => void> = {
    good: (res, name) => json(res, goodDocument(name)),
    algs: (res, name) =>
      json(res, {
        ...goodDocument(name),
        id_token_signing_alg_values_supported: ['none', 'HS256', 'ES256', 'RS256'],
        userinfo_endpoint: `${base}/${name}/userinfo`,
        end_session_endpoint: `${base}/${name}/logout`,
      }),
    mismatch: (res, name) => json(res, { ...goodDocument(name), issuer: 'https://idp.example.com' }),
    // Entra ID's /common document: the issuer is a template for every tenant.
    templated: (res, name) => json(res, { ...goodDocument(name), issuer: `${base}/{tenantid}/v2.0` }),
    'auth-methods': (res, name) =>
      json(res, {
        ...goodDocument(name),
        token_endpoint_auth_methods_supported: ['client_secret_jwt', 'private_key_jwt', 'client_secret_post'],
        token_endpoint_auth_signing_alg_values_supported: ['ES256'],
      }),
    'no-auth-method': (res, name) =>
      json(res, { ...goodDocument(name), token_endpoint_auth_methods_supported: ['tls_client_auth'] }),
    'http-endpoint': (res, name) =>
      json(res, { ...goodDocument(name), authorization_endpoint: 'http://idp.example.com/authorize' }),
    'http-logout': (res, name) =>
      json(res, { ...goodDocument(name), end_session_endpoint: 'http://idp.example.com/logout' }),
    garbage: (res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(randomBytes(512));
    },
    'garbage-labelled-json': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"issuer": "http://127.0.0.1/ \u0000 not json');
    },
    array: (res, name) => json(res, [goodDocument(name)]),
    'no-issuer': (res, name) => json(res, { ...goodDocument(name), issuer: undefined }),
    'no-jwks': (res, name) => json(res, { ...goodDocument(name), jwks_uri: undefined }),
    'no-code': (res, name) =>
      json(res, { ...goodDocument(name), response_types_supported: ['id_token', 'code id_token'] }),
    'bad-algs': (res, name) =>
      json(res, { ...goodDocument(name), id_token_signing_alg_values_supported: ['none', 'HS256'] }),
    'no-algs': (res, name) =>
      json(res, { ...goodDocument(name), id_token_signing_alg_values_supported: undefined }),
    // Declared with Content-Length (Node sets it for a body given whole to end()).
    huge: (res, name) => json(res, { ...goodDocument(name), filler: 'x'.repeat(DISCOVERY_MAX_BYTES * 4) }),
    // Undeclared: chunked, so only counting the bytes as they arrive catches it.
    'huge-chunked': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"filler": "');
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    status500: (res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    },
    redirect: (res) => {
      res.writeHead(302, { location: `${base}/good${WELL_KNOWN}` });
      res.end();
    },
    // Headers and the first byte, then nothing more, ever.
    'never-ends': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    },
    // Not even the headers.
    silent: () => undefined,
  };

  beforeAll(async () => {
    ({ server, base } = await listen((req: IncomingMessage, res: ServerResponse) => {
      requests += 1;
      const path = new URL(req.url ?? '/', base).pathname;
      const name = path.endsWith(WELL_KNOWN) ? path.slice(1, -WELL_KNOWN.length) : '';
      const route = routes[name];
      if (route) {
        route(res, name);
      } else {
        res.writeHead(404);
        res.end();
      }
    }));
  });

  afterAll(() => close(server));
  afterEach(() => vi.restoreAllMocks());

  const issuerOf = (name: string) => `${base}/${name}`;
  const reasonFor = async (name: string, timeoutMs?: number) =>
    (await refusal(discoverOidc(issuerOf(name), timeoutMs ? { timeoutMs } : undefined))).reason;

  it('accepts a good document with an issuer path, in both URL forms', async () => {
    const found = await discoverOidc(issuerOf('good'));
    expect(found).toEqual({
      issuer: issuerOf('good'),
      authorizationEndpoint: `${issuerOf('good')}/authorize`,
      tokenEndpoint: `${issuerOf('good')}/token`,
      jwksUri: `${issuerOf('good')}/jwks`,
      userinfoEndpoint: null,
      endSessionEndpoint: null,
      idTokenSigningAlgs: ['RS256'],
      issParameterSupported: false,
      // Announced nothing: Discovery §3's default.
      tokenEndpointAuthMethods: ['client_secret_basic'],
    });
    expect(await discoverOidc(`${issuerOf('good')}${WELL_KNOWN}`)).toEqual(found);
  });

  it('refuses a templated multi-tenant issuer, with the URL to use instead', async () => {
    const error = await refusal(discoverOidc(issuerOf('templated')));
    expect(error.reason).toBe('oidc.templatedIssuer');
    expect(error.message).toContain(`Put your tenant ID in the URL instead: ${base}/<your tenant ID>/v2.0`);
    expect(error.params).toMatchObject({ suggestion: `${base}/<your tenant ID>/v2.0` });
  });

  it('keeps the token endpoint authentication methods Tessera can use, or refuses', async () => {
    // private_key_jwt only with RS256, which this provider does not take.
    expect((await discoverOidc(issuerOf('auth-methods'))).tokenEndpointAuthMethods).toEqual([
      'client_secret_post',
    ]);
    const error = await refusal(discoverOidc(issuerOf('no-auth-method')));
    expect(error.reason).toBe('oidc.noSupportedAuthMethod');
    expect(error.message).toContain('tls_client_auth');
  });

  it('keeps only the ID-token algorithms Tessera accepts, in the provider order', async () => {
    const found = await discoverOidc(issuerOf('algs'));
    expect(found.idTokenSigningAlgs).toEqual(['ES256', 'RS256']);
    expect(found.endSessionEndpoint).toBe(`${issuerOf('algs')}/logout`);
    expect(found.userinfoEndpoint).toBe(`${issuerOf('algs')}/userinfo`);
  });

  it('refuses a document whose issuer is not the one the URL names, in both URL forms', async () => {
    for (const url of [issuerOf('mismatch'), `${issuerOf('mismatch')}${WELL_KNOWN}`]) {
      const error = await refusal(discoverOidc(url));
      expect(error.reason).toBe('oidc.issuerMismatch');
      expect(error.params).toEqual({ expected: issuerOf('mismatch'), actual: 'https://idp.example.com' });
    }
  });

  it('refuses plain-http endpoints on another host', async () => {
    const required = await refusal(discoverOidc(issuerOf('http-endpoint')));
    expect(required.reason).toBe('oidc.insecureEndpoint');
    expect(required.params).toMatchObject({ field: 'authorization_endpoint' });
    const optional = await refusal(discoverOidc(issuerOf('http-logout')));
    expect(optional.reason).toBe('oidc.insecureEndpoint');
    expect(optional.params).toMatchObject({ field: 'end_session_endpoint' });
  });

  it('refuses bodies that are not a JSON object', async () => {
    expect(await reasonFor('garbage')).toBe('oidc.notJson');
    expect(await reasonFor('garbage-labelled-json')).toBe('oidc.notJson');
    expect(await reasonFor('array')).toBe('oidc.notJson');
  });

  it('names the missing field', async () => {
    const noJwks = await refusal(discoverOidc(issuerOf('no-jwks')));
    expect(noJwks.reason).toBe('oidc.missingField');
    expect(noJwks.params).toMatchObject({ field: 'jwks_uri' });
    const noIssuer = await refusal(discoverOidc(issuerOf('no-issuer')));
    expect(noIssuer.reason).toBe('oidc.missingField');
    expect(noIssuer.params).toMatchObject({ field: 'issuer' });
  });

  it('refuses a provider without the code flow', async () => {
    expect(await reasonFor('no-code')).toBe('oidc.noCodeFlow');
  });

  it('refuses a provider that signs ID tokens only with "none" or HS256, or does not say', async () => {
    expect(await reasonFor('bad-algs')).toBe('oidc.noSupportedAlg');
    expect(await reasonFor('no-algs')).toBe('oidc.noSupportedAlg');
  });

  it('stops reading a huge body, declared or not', async () => {
    expect(await reasonFor('huge')).toBe('oidc.tooLarge');
    expect(await reasonFor('huge-chunked')).toBe('oidc.tooLarge');
  });

  it('reports an HTTP error status, and does not follow redirects', async () => {
    const error = await refusal(discoverOidc(issuerOf('status500')));
    expect(error.reason).toBe('oidc.unreachable');
    expect(error.params).toMatchObject({ status: 500 });
    const redirect = await refusal(discoverOidc(issuerOf('redirect')));
    expect(redirect.reason).toBe('oidc.unreachable');
    expect(redirect.params).toMatchObject({ status: 302 });
    const missing = await refusal(discoverOidc(issuerOf('nothing-here')));
    expect(missing.params).toMatchObject({ status: 404 });
  });

  it('reports a refused connection', async () => {
    const error = await refusal(discoverOidc(`http://127.0.0.1:${await unusedPort()}`));
    expect(error.reason).toBe('oidc.unreachable');
    expect(error.params).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('gives up on a response that never ends, or never starts, in the time given', async () => {
    for (const name of ['never-ends', 'silent']) {
      const started = Date.now();
      expect(await reasonFor(name, 300)).toBe('oidc.timeout');
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  });

  it('refuses a plain-http URL on another host without making any request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const before = requests;
    for (const url of [
      'http://idp.example.com',
      `http://idp.example.com${WELL_KNOWN}`,
      'ftp://127.0.0.1/',
      'not a url',
      'https://user:password@idp.example.com',
    ]) {
      expect((await refusal(discoverOidc(url))).reason).toBe('oidc.insecureUrl');
    }
    for (const url of [`${base}/good?tenant=1`, `${base}/.well-known/oauth-authorization-server/good`]) {
      expect((await refusal(discoverOidc(url))).reason).toBe('oidc.badUrl');
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(requests).toBe(before);
  });
});

describe('manual OpenID endpoints', () => {
  const endpoints = {
    issuer: 'https://idp.example.com',
    authorizationEndpoint: 'https://idp.example.com/authorize',
    tokenEndpoint: 'https://idp.example.com/token',
    jwksUri: 'https://idp.example.com/jwks',
    userinfoEndpoint: '',
    endSessionEndpoint: '',
  };

  it('accepts https (and loopback http) endpoints, with the optional ones empty', () => {
    expect(validateManualOidc(endpoints, false)).toEqual({
      ...endpoints,
      userinfoEndpoint: null,
      endSessionEndpoint: null,
      idTokenSigningAlgs: ['RS256'],
      issParameterSupported: false,
      tokenEndpointAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    });
    const local = validateManualOidc(
      {
        ...endpoints,
        tokenEndpoint: 'http://127.0.0.1:9000/token',
        endSessionEndpoint: 'http://localhost/end',
      },
      true,
    );
    expect(local.tokenEndpoint).toBe('http://127.0.0.1:9000/token');
    expect(local.endSessionEndpoint).toBe('http://localhost/end');
  });

  it('refuses a templated issuer, naming the field and the fix', () => {
    const error = thrown(() =>
      validateManualOidc(
        { ...endpoints, issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
        false,
      ),
    );
    expect(error.reason).toBe('oidc.templatedIssuer');
    expect(error.params).toMatchObject({
      field: 'issuer',
      suggestion: 'https://login.microsoftonline.com/<your tenant ID>/v2.0',
    });
  });

  it('requires the end-session endpoint for automatic logout', () => {
    expect(thrown(() => validateManualOidc(endpoints, true)).reason).toBe('oidc.endSessionRequired');
  });

  it('names the field that is missing or not https', () => {
    const cases: [Partial<typeof endpoints>, string, string][] = [
      [{ issuer: '' }, 'oidc.missingField', 'issuer'],
      [{ jwksUri: ' ' }, 'oidc.missingField', 'jwksUri'],
      [{ tokenEndpoint: 'http://idp.example.com/token' }, 'oidc.insecureEndpoint', 'tokenEndpoint'],
      [{ userinfoEndpoint: 'javascript:alert(1)' }, 'oidc.insecureEndpoint', 'userinfoEndpoint'],
    ];
    for (const [change, reason, field] of cases) {
      const error = thrown(() => validateManualOidc({ ...endpoints, ...change }, false));
      expect(error.reason).toBe(reason);
      expect(error.params).toEqual({ field });
    }
  });
});
