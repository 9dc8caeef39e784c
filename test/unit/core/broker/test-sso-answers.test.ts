/**
 * Test SSO when the IdP's answer never comes or comes where Tessera does not expect it, and who a
 * passing test signed in — over HTTP against real peers: the test SAML IdP, oidc-provider (with
 * private_key_jwt, Tessera's key from the keychain, its JWKS from the sign-in service) and the
 * real keychain. The broker's clock is the test's, so "five minutes later" is not a wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import { TEST_ANSWER_TIMEOUT_MS } from '../../../../electron/core/broker/broker-service';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';
import { samlResponseXml, startSamlIdp, toPostBody, type RunningSamlIdp } from '../../../support/saml-idp';
import {
  freeTcpPort,
  oidcProviderAuthorize,
  startOidcProvider,
  type RunningOidcProvider,
} from '../../../support/peers';

const tempDir = useTempDirs();

describe('Test SSO answers', () => {
  let pki: TestPki;
  let idp: RunningSamlIdp;
  let op: RunningOidcProvider | null = null;
  let core: Core;
  let base: string;
  let now = Date.now();
  let samlIdpId: string;

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ResponseOf<C>;
  }

  /** One GET without following redirects; the flow cookie, if the page set one. */
  async function get(url: string, cookie = '') {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie } });
    const set = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0]!)
      .join('; ');
    return {
      status: response.status,
      location: response.headers.get('location'),
      cookie: set,
      html: await response.text(),
    };
  }

  const postAcs = (form: Record<string, string>, origin?: string) =>
    fetch(`${base}/saml/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: new URLSearchParams(form).toString(),
    }).then(async (response) => ({ status: response.status, html: await response.text() }));

  beforeAll(async () => {
    requireSecretService();
    pki = await createTestPki();
    idp = await startSamlIdp({ signer: pki.idp, users: { alice: { uid: 'alice@example.test' } } });
    const port = await freeTcpPort();
    core = await createCore({
      dataDir: tempDir(),
      version: 'test',
      defaultSigninPort: port,
      clock: { now: () => now },
    });
    base = `http://127.0.0.1:${port}`;
    const saml = await call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Test IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'metadata', xml: idp.metadataXml() },
      },
    });
    samlIdpId = saml.id;
  }, 60_000);

  afterAll(async () => {
    core?.close();
    await idp?.stop();
    await op?.stop();
  });

  it('times out a test the IdP never answers, with the likely causes and the ACS URL', async () => {
    const org = await call('admin:org:get', {});
    const test = await call('sso:test:start', { idpId: samlIdpId });
    // The browser reaches the IdP, which never posts back (Tessera not registered there, say).
    const atIdp = await get(test.url);
    expect(atIdp.location).toContain(idp.ssoUrl);
    now += TEST_ANSWER_TIMEOUT_MS - 1000;
    expect((await call('sso:test:get', { id: test.id })).state).toBe('waiting');
    now += 1000;
    const result = await call('sso:test:get', { id: test.id });
    expect(result.state).toBe('failed');
    expect(result.checks).toHaveLength(1);
    const [check] = result.checks;
    expect(check).toMatchObject({ id: 'idp-answer', title: 'The IdP answered', status: 'fail' });
    expect(check!.detail).toBe('Test IdP sent no answer to Tessera within 5 minutes.');
    expect(check!.fix).toContain(`ACS URL ${org.sp.acsUrl}`);
    expect(check!.fix).toContain(`entity ID ${org.sp.entityId}`);
    expect(check!.fix).toMatch(/encrypts assertions/);
    // The result stays; a late answer finds no test waiting for it.
    expect(await call('sso:test:get', { id: test.id })).toEqual(result);
    const late = await postAcs({
      SAMLResponse: toPostBody(
        samlResponseXml({
          issuer: idp.entityId,
          destination: org.sp.acsUrl,
          audience: org.sp.entityId,
          inResponseTo: '_late',
          signer: pki.idp,
        }),
      ),
      RelayState: 'gone',
    });
    expect(late.html).toContain('no longer waits for');
    expect((await call('sso:test:get', { id: test.id })).state).toBe('failed');
  });

  it('says so when the test window was never opened', async () => {
    const test = await call('sso:test:start', { idpId: samlIdpId });
    now += TEST_ANSWER_TIMEOUT_MS;
    const result = await call('sso:test:get', { id: test.id });
    expect(result.checks[0]!.fix).toMatch(/never opened/);
    expect((await get(test.url)).html).toContain('used up');
  });

  it('tells what is wrong with the IdP’s registration when the ACS gets a response it did not ask for', async () => {
    const org = await call('admin:org:get', {});
    const response = (options: Parameters<typeof samlResponseXml>[0]) =>
      toPostBody(
        samlResponseXml({ issuer: idp.entityId, audience: org.sp.entityId, signer: pki.idp, ...options }),
      );

    // Registered with an old port: the response is addressed elsewhere.
    const oldAcs = 'http://127.0.0.1:7480/saml/acs';
    const moved = await postAcs(
      { SAMLResponse: response({ destination: oldAcs }), RelayState: 'x' },
      idp.base,
    );
    expect(moved.status).toBe(400);
    expect(moved.html).toContain('Sent to another ACS URL');
    expect(moved.html).toContain(`exactly ${org.sp.acsUrl}`);

    // IdP-initiated, from its portal.
    const portal = await postAcs(
      { SAMLResponse: response({ destination: org.sp.acsUrl, inResponseTo: null }) },
      idp.base,
    );
    expect(portal.html).toContain('Sign-in not started from Tessera');
    expect(portal.html).toContain(`Start at ${base}/`);

    // Another entity, posted from a site that is no IdP of Tessera's.
    const stranger = await postAcs(
      {
        SAMLResponse: response({ issuer: 'https://stranger.example/idp', destination: org.sp.acsUrl }),
        RelayState: 'x',
      },
      'https://stranger.example',
    );
    expect(stranger.html).toContain('Unknown identity provider');
    expect(stranger.html).toContain('https://stranger.example/idp');
    expect(stranger.html).toContain(
      'posted from https://stranger.example, which is not the address of any identity provider',
    );

    expect((await postAcs({ RelayState: 'x' })).html).toContain('No SAML response');
    expect((await postAcs({ SAMLResponse: 'eA==' })).html).toContain('Not a SAML response');
  });

  it('signs in with private_key_jwt (key in the keychain, JWKS from the sign-in service) and says who', async () => {
    const org = await call('admin:org:get', {});
    // First saved against a provider to come: the key is made now, its JWKS published at once.
    const saved = await call('sso:idp:save-oidc', {
      id: null,
      idp: {
        name: 'Corporate OIDC',
        clientId: 'tessera-rp_1.~jwt',
        clientSecret: '',
        scopes: ['openid', 'email', 'profile'],
        automaticLogout: false,
        tokenEndpointAuthMethod: 'private_key_jwt',
        endpoints: {
          kind: 'manual',
          issuer: 'https://login.example.com',
          authorizationEndpoint: 'https://login.example.com/authorize',
          tokenEndpoint: 'https://login.example.com/token',
          jwksUri: 'https://login.example.com/jwks',
          userinfoEndpoint: '',
          endSessionEndpoint: '',
        },
      },
    });
    expect(saved.oidc).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', hasClientSecret: false });
    const jwk = saved.oidc!.clientPublicJwk!;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    const jwks = (await (await fetch(`${base}/oidc/jwks`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([jwk.kid]);
    expect(jwks.keys[0]).not.toHaveProperty('d');

    // The admin registers that JWKS at the provider, then points the IdP at it: the key stays.
    op = await startOidcProvider(
      [org.sp.oidcRedirectUri],
      { carol: { email: 'carol@example.test', email_verified: true, name: 'Carol Example' } },
      {
        clients: [
          {
            client_id: 'tessera-rp_1.~jwt',
            token_endpoint_auth_method: 'private_key_jwt',
            token_endpoint_auth_signing_alg: 'RS256',
            jwks,
          },
        ],
      },
    );
    const edited = await call('sso:idp:save-oidc', {
      id: saved.id,
      idp: {
        name: 'Corporate OIDC',
        clientId: 'tessera-rp_1.~jwt',
        clientSecret: '',
        scopes: ['openid', 'email', 'profile'],
        automaticLogout: false,
        tokenEndpointAuthMethod: 'private_key_jwt',
        endpoints: { kind: 'discovery', discoveryUrl: op.issuer },
      },
    });
    expect(edited.oidc!.clientPublicJwk).toEqual(jwk);

    const test = await call('sso:test:start', { idpId: saved.id });
    const start = await get(test.url);
    const callback = await oidcProviderAuthorize(start.location!, 'carol');
    const done = await get(callback.href, start.cookie);
    expect(done.html).toContain('Test SSO succeeded');
    const result = await call('sso:test:get', { id: test.id });
    expect(result.state).toBe('succeeded');
    expect(result.subject).toBe('carol');
    expect(result.identity).toEqual({ email: 'carol@example.test', name: 'Carol Example' });

    // Back to a client secret: one must be entered, and the key leaves the JWKS.
    const refused = await core.dispatch('sso:idp:save-oidc', {
      id: saved.id,
      idp: {
        name: 'Corporate OIDC',
        clientId: 'tessera-rp_1.~jwt',
        clientSecret: '',
        scopes: ['openid'],
        automaticLogout: false,
        tokenEndpointAuthMethod: 'client_secret_post',
        endpoints: { kind: 'discovery', discoveryUrl: op.issuer },
      },
    });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'oidc.secretRequired' } });
    const secretBased = await call('sso:idp:save-oidc', {
      id: saved.id,
      idp: {
        name: 'Corporate OIDC',
        clientId: 'tessera-rp_1.~jwt',
        clientSecret: 'now-a-secret',
        scopes: ['openid'],
        automaticLogout: false,
        tokenEndpointAuthMethod: 'client_secret_post',
        endpoints: { kind: 'discovery', discoveryUrl: op.issuer },
      },
    });
    expect(secretBased.oidc).toMatchObject({ hasClientSecret: true, clientPublicJwk: null });
    expect(((await (await fetch(`${base}/oidc/jwks`)).json()) as { keys: unknown[] }).keys).toEqual([]);
  });
});
