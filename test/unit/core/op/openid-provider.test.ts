/**
 * Tessera as an OpenID Provider (issue #12), over real HTTP with openid-client as the applications,
 * a real keychain and the built-in identity: the code flow with PKCE, per-application MFA (M3) and
 * its step-up, amr/acr, refresh tokens, userinfo, logout, signing-key rotation, and the hostile
 * cases (unregistered redirect URI, code reuse, PKCE stripped, wrong secret, open redirect).
 */
import * as oidc from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { freeTcpPort } from '../../../support/peers';
import { base32Decode, referenceTotp } from '../../../e2e/support/otp';
import { FormBrowser as Browser, type FormPage } from '../../../support/form-browser';

const tempDir = useTempDirs();
const WIKI_CB = 'http://127.0.0.1:9/wiki/cb';
const WIKI_OUT = 'http://127.0.0.1:9/wiki/bye';
const PAYROLL_CB = 'com.example.payroll:/cb';

const action = (html: string, name: string) => new RegExp(`action="([^"]*/${name})"`).exec(html)?.[1];

// A TOTP time step (30 s) may have to pass where a test needs more codes than two steps give.
describe('Tessera as an OpenID Provider', { timeout: 90_000 }, () => {
  let core: Core;
  let base: string;
  let issuer: string;
  let wikiSecret: string;
  let wiki: oidc.Configuration;
  let payroll: oidc.Configuration;
  let totpSecret: Buffer | null = null;
  /** The last time step a code was used for: Tessera takes each step once, in order. */
  let lastStep = 0;
  /** A code Tessera has not seen yet, waiting for the next time step when both near ones are used. */
  async function nextCode(): Promise<string> {
    for (;;) {
      const now = Math.floor(Date.now() / 30_000);
      const step = Math.max(now, lastStep + 1);
      if (step <= now + 1) {
        lastStep = step;
        return referenceTotp(totpSecret!, step * 30_000);
      }
      await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 50));
    }
  }

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ResponseOf<C>;
  }

  const discover = (clientId: string, secret?: string) =>
    oidc.discovery(
      new URL(issuer),
      clientId,
      undefined,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      { execute: [oidc.allowInsecureRequests] },
    );

  /** Registers an application (a first-party confidential one unless `fields` says otherwise). */
  const saveApp = (
    fields: Partial<RequestOf<'mfa:application:save'>['application']> & {
      key: string;
      redirectUris: string[];
    },
  ) =>
    call('mfa:application:save', {
      id: null,
      application: {
        name: fields.key,
        requireMfa: false,
        clientType: 'confidential',
        postLogoutRedirectUris: [],
        scopes: [],
        firstParty: true,
        ...fields,
      },
    });

  beforeAll(async () => {
    requireSecretService();
    const port = await freeTcpPort();
    core = await createCore({ dataDir: tempDir(), version: 'test', defaultSigninPort: port });
    base = `http://127.0.0.1:${port}`;
    await call('sso:idp:add-builtin', {
      rule: { name: 'Local', type: 'domain', values: ['local.test'], mfa: 'keep', mfaRequired: false },
      acknowledged: true,
    });
    await call('sso:user:add', {
      email: 'ada@local.test',
      displayName: 'Ada Lovelace',
      password: 'a long enough password',
    });
    await call('mfa:policy:set', {
      enabled: true,
      allowPerUser: false,
      mandatoryForApplications: true,
      mandatoryForOrganization: false,
    });
    const saved = await call('mfa:application:save', {
      id: null,
      application: {
        name: 'Wiki',
        key: 'wiki',
        requireMfa: false,
        clientType: 'confidential',
        redirectUris: [WIKI_CB],
        postLogoutRedirectUris: [WIKI_OUT],
        scopes: ['profile', 'email', 'groups', 'offline_access'],
        firstParty: true,
      },
    });
    wikiSecret = saved.clientSecret!;
    expect(wikiSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Shown once: never in a list, the audit log or the configuration file.
    expect(JSON.stringify(await call('mfa:application:list', {}))).not.toContain(wikiSecret);
    expect(JSON.stringify(await call('admin:audit:list', { limit: 500 }))).not.toContain(wikiSecret);
    expect((await call('admin:config:export', {})).content).not.toContain(wikiSecret);
    await call('mfa:application:save', {
      id: null,
      application: {
        name: 'Payroll',
        key: 'payroll',
        requireMfa: true,
        clientType: 'public',
        redirectUris: [PAYROLL_CB],
        postLogoutRedirectUris: [],
        scopes: ['email'],
        firstParty: true,
      },
    });
    const info = await call('op:provider:get', {});
    issuer = info.issuer;
    expect(info.discoveryUrl).toBe(`${base}/op/.well-known/openid-configuration`);
    expect(info.signingKeys).toHaveLength(1);
    wiki = await discover('wiki', wikiSecret);
    payroll = await discover('payroll');
  }, 60_000);

  afterAll(() => core?.close());

  /** Follows redirects until the browser is sent to `redirectUri` (the application), or a page. */
  async function until(browser: Browser, page: FormPage, redirectUri: string): Promise<FormPage> {
    let current = page;
    for (let hops = 0; current.location && hops < 12; hops++) {
      const next = new URL(current.location, current.url).href;
      if (next.startsWith(redirectUri)) return { ...current, location: next };
      current = await browser.request(next);
    }
    return current;
  }

  interface Started {
    url: URL;
    verifier: string;
    state: string;
    nonce: string;
  }

  async function authorize(
    config: oidc.Configuration,
    redirectUri: string,
    scope: string,
    extra: Record<string, string> = {},
  ): Promise<Started> {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    return { url, verifier, state, nonce };
  }

  /** Signs in with the password (and the TOTP code when asked); returns the redirect to the app. */
  async function signIn(browser: Browser, started: Started, redirectUri: string): Promise<FormPage> {
    let page = await until(browser, await browser.request(started.url.href), redirectUri);
    if (page.location?.startsWith(redirectUri)) return page;
    expect(page.html).toContain('Sign in to');
    page = await browser.request(`${base}${action(page.html, 'login')}`, {
      form: { email: 'ada@local.test' },
    });
    page = await until(browser, page, redirectUri);
    if (page.html.includes('Enter your password')) {
      page = await browser.request(`${base}${action(page.html, 'password')}`, {
        form: { password: 'a long enough password' },
      });
      page = await until(browser, page, redirectUri);
    }
    if (page.html.includes('Set up two-step verification')) {
      const secret = /<code class="secret"[^>]*>([A-Z2-7 ]+)<\/code>/.exec(page.html)![1]!.replace(/ /g, '');
      totpSecret = base32Decode(secret);
      page = await browser.request(`${base}${action(page.html, 'mfa')}`, {
        form: { code: await nextCode() },
      });
      page = await until(browser, page, redirectUri);
    } else if (page.html.includes('Code from your authenticator')) {
      page = await browser.request(`${base}${action(page.html, 'mfa')}`, {
        form: { code: await nextCode() },
      });
      page = await until(browser, page, redirectUri);
    }
    return page;
  }

  const redeem = (config: oidc.Configuration, page: FormPage, started: Started) =>
    oidc.authorizationCodeGrant(config, new URL(page.location!), {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
    });

  it('signs a person in to an application without MFA: ID token, userinfo, refresh token', async () => {
    const browser = new Browser();
    const started = await authorize(wiki, WIKI_CB, 'openid profile email groups offline_access', {
      prompt: 'consent',
    });
    const back = await signIn(browser, started, WIKI_CB);
    expect(back.location).toContain(`state=${started.state}`);
    const tokens = await redeem(wiki, back, started);
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(issuer);
    expect(claims.aud).toBe('wiki');
    expect(claims.nonce).toBe(started.nonce);
    expect(claims.email).toBe('ada@local.test');
    expect(claims.name).toBe('Ada Lovelace');
    expect(claims.amr).toEqual(['pwd']);
    expect(claims.acr).toBe('urn:tessera:acr:sfa');
    expect(tokens.refresh_token).toBeTruthy();
    const userinfo = await oidc.fetchUserInfo(wiki, tokens.access_token, claims.sub);
    expect(userinfo.email).toBe('ada@local.test');
    const refreshed = await oidc.refreshTokenGrant(wiki, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
  });

  it('requires MFA for the application whose switch is on, and steps an MFA-less session up', async () => {
    const browser = new Browser();
    // First the wiki (no MFA): a session without MFA.
    const first = await authorize(wiki, WIKI_CB, 'openid email');
    await redeem(wiki, await signIn(browser, first, WIKI_CB), first);
    // Then payroll in the same browser: Tessera asks for MFA (enrollment) before it answers.
    const started = await authorize(payroll, PAYROLL_CB, 'openid email');
    const landing = await until(browser, await browser.request(started.url.href), PAYROLL_CB);
    expect(landing.location).toBeNull();
    const back = await signIn(browser, started, PAYROLL_CB);
    const claims = (await redeem(payroll, back, started)).claims()!;
    expect(claims.amr).toEqual(expect.arrayContaining(['pwd', 'otp', 'mfa']));
    expect(claims.acr).toBe('urn:tessera:acr:mfa');
    // The MFA session now signs in to the wiki without asking anything.
    const again = await authorize(wiki, WIKI_CB, 'openid email');
    const direct = await until(browser, await browser.request(again.url.href), WIKI_CB);
    expect(direct.location).toContain('code=');
    expect((await redeem(wiki, direct, again)).claims()!.amr).toContain('mfa');
  });

  it('gives MFA to an application that asks for it (acr_values), even where its switch is off', async () => {
    const browser = new Browser();
    const first = await authorize(wiki, WIKI_CB, 'openid');
    expect((await redeem(wiki, await signIn(browser, first, WIKI_CB), first)).claims()!.acr).toBe(
      'urn:tessera:acr:sfa',
    );
    // The session has no MFA: asking for the MFA class steps it up.
    const started = await authorize(wiki, WIKI_CB, 'openid', { acr_values: 'urn:tessera:acr:mfa' });
    const landing = await until(browser, await browser.request(started.url.href), WIKI_CB);
    expect(landing.location).toBeNull();
    const back = await signIn(browser, started, WIKI_CB);
    const claims = (await redeem(wiki, back, started)).claims()!;
    expect(claims.acr).toBe('urn:tessera:acr:mfa');
    expect(claims.amr).toContain('mfa');
  });

  it('shows the simulator the same MFA decision the provider applies', async () => {
    const payrollSim = await call('routing:simulate', {
      email: 'ada@local.test',
      groups: [],
      applicationKey: 'payroll',
      userOptedIn: false,
    });
    const wikiSim = await call('routing:simulate', {
      email: 'ada@local.test',
      groups: [],
      applicationKey: 'wiki',
      userOptedIn: false,
    });
    expect(payrollSim.mfa).toEqual({ required: true, reason: 'application-mandatory' });
    expect(wikiSim.mfa?.required).toBe(false);
  });

  it('refuses hostile requests', async () => {
    const started0 = (uri: string) =>
      oidc.buildAuthorizationUrl(wiki, {
        redirect_uri: uri,
        scope: 'openid',
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S256',
      });
    // A redirect URI that is not registered exactly: an error page, never a redirect there.
    for (const uri of [
      `${WIKI_CB}/../evil`,
      `${WIKI_CB}x`,
      'http://127.0.0.1:9/wiki/CB',
      'https://evil.test/cb',
    ]) {
      const started = await authorize(wiki, uri, 'openid');
      const page = await new Browser().request(started.url.href);
      expect(page.location).toBeNull();
      expect(page.status).toBe(400);
      expect(page.html).toContain('redirect_uri');
      // Says the value sent, and where to register it.
      expect(page.html).toContain(`sent the redirect URI ${uri.replace(/&/g, '&amp;')}`);
      expect(page.html).toContain('Applications → Wiki');
    }
    const unknown = new URL(started0(WIKI_CB).href);
    unknown.searchParams.set('client_id', 'nobody');
    const nobody = await new Browser().request(unknown.href);
    expect(nobody.status).toBe(400);
    expect(nobody.html).toContain('No application has the client ID nobody');
    // PKCE stripped: refused (back to the registered URI with the error).
    const noPkce = new URL(`${issuer}/auth`);
    noPkce.search = new URLSearchParams({
      client_id: 'payroll',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: PAYROLL_CB,
      state: 's1',
    }).toString();
    const stripped = await new Browser().request(noPkce.href);
    expect(stripped.location).toContain('error=invalid_request');
    expect(new URL(stripped.location!).searchParams.get('error_description')).toContain('PKCE');
    expect(stripped.location).toContain('state=s1');

    // The plain PKCE method (a downgrade from S256): refused.
    const plain = new URL(noPkce);
    plain.searchParams.set('code_challenge', 'a'.repeat(43));
    plain.searchParams.set('code_challenge_method', 'plain');
    const downgraded = await new Browser().request(plain.href);
    expect(new URL(downgraded.location!).searchParams.get('error')).toBe('invalid_request');

    // A wrong client secret: invalid_client.
    const browser = new Browser();
    const started = await authorize(wiki, WIKI_CB, 'openid');
    const back = await signIn(browser, started, WIKI_CB);
    const wrong = await discover('wiki', 'not-the-secret');
    await expect(redeem(wrong, back, started)).rejects.toMatchObject({
      cause: expect.arrayContaining([
        expect.objectContaining({ parameters: expect.objectContaining({ error: 'invalid_client' }) }),
      ]),
    });

    // Code reuse: the second redemption fails and revokes the tokens of the first.
    const started2 = await authorize(wiki, WIKI_CB, 'openid email');
    const back2 = await signIn(browser, started2, WIKI_CB);
    const tokens = await redeem(wiki, back2, started2);
    await expect(redeem(wiki, back2, started2)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.fetchUserInfo(wiki, tokens.access_token, oidc.skipSubjectCheck)).rejects.toBeTruthy();

    // A wrong verifier (PKCE) is refused.
    const started3 = await authorize(wiki, WIKI_CB, 'openid');
    const back3 = await signIn(browser, started3, WIKI_CB);
    await expect(
      redeem(wiki, back3, { ...started3, verifier: oidc.randomPKCECodeVerifier() }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('signs out through the application (registered URI only) and ends the Tessera session', async () => {
    const browser = new Browser();
    const started = await authorize(wiki, WIKI_CB, 'openid');
    const tokens = await redeem(wiki, await signIn(browser, started, WIKI_CB), started);
    const idToken = tokens.id_token!;

    // Not registered: refused, no redirect.
    const evil = oidc.buildEndSessionUrl(wiki, {
      id_token_hint: idToken,
      post_logout_redirect_uri: 'https://evil.test/',
    });
    const refused = await browser.request(evil.href);
    expect(refused.location).toBeNull();
    expect(refused.html).toContain('post_logout_redirect_uri');

    const out = oidc.buildEndSessionUrl(wiki, {
      id_token_hint: idToken,
      post_logout_redirect_uri: WIKI_OUT,
      state: 'bye',
    });
    const confirm = await browser.request(out.href);
    expect(confirm.html).toContain('Sign out of Wiki?');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.html)![1]!;
    const done = await browser.request(`${issuer}/session/end/confirm`, {
      form: { xsrf, logout: 'yes', tessera: 'signout' },
    });
    expect(done.location).toBe(`${WIKI_OUT}?state=bye`);
    expect(browser.cookie('tessera_session')).toBeUndefined();
    // Signed out everywhere: the next sign-in asks again.
    const next = await authorize(wiki, WIKI_CB, 'openid');
    const page = await until(browser, await browser.request(next.url.href), WIKI_CB);
    expect(page.html).toContain('Sign in to Wiki');
  });

  it('keeps the Tessera session when the person chooses to stay signed in; revokes a token on request', async () => {
    const browser = new Browser();
    const started = await authorize(wiki, WIKI_CB, 'openid');
    const tokens = await redeem(wiki, await signIn(browser, started, WIKI_CB), started);
    const ask = await browser.request(
      oidc.buildEndSessionUrl(wiki, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: WIKI_OUT })
        .href,
    );
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(ask.html)![1]!;
    // "Stay signed in" sends no logout=yes: only this application's sign-in ends.
    const stay = await browser.request(`${issuer}/session/end/confirm`, { form: { xsrf } });
    expect(stay.location).toBe(WIKI_OUT);
    expect(browser.cookie('tessera_session')).toBeTruthy();

    const again = await authorize(wiki, WIKI_CB, 'openid email');
    const direct = await until(browser, await browser.request(again.url.href), WIKI_CB);
    const fresh = await redeem(wiki, direct, again);
    await oidc.tokenRevocation(wiki, fresh.access_token);
    await expect(oidc.fetchUserInfo(wiki, fresh.access_token, oidc.skipSubjectCheck)).rejects.toBeTruthy();
  });

  it('never signs the Tessera session out from a form the person did not submit on our page', async () => {
    const browser = new Browser();
    // Signed in at Tessera only (its start page), no application: the provider's session is empty.
    let page = await browser.request(`${base}/`, { form: { email: 'ada@local.test' } });
    page = await browser.request(`${base}${action(page.html, 'password')}`, {
      form: { password: 'a long enough password' },
    });
    expect(page.html).toContain('You are signed in as');
    // Any site can send the browser to the end-session endpoint; oidc-provider then posts its own
    // confirmation by script. That post must not end Tessera's session.
    const auto = await browser.request(`${issuer}/session/end`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(auto.html)![1]!;
    await browser.request(`${issuer}/session/end/confirm`, { form: { xsrf, logout: 'yes' } });
    expect((await browser.request(`${base}/`)).html).toContain('You are signed in as');
  });

  it('reports how this Tessera session signed in, not an earlier one of the same person', async () => {
    const browser = new Browser();
    const payrollFirst = await authorize(payroll, PAYROLL_CB, 'openid email');
    expect(
      (await redeem(payroll, await signIn(browser, payrollFirst, PAYROLL_CB), payrollFirst)).claims()!.acr,
    ).toBe('urn:tessera:acr:mfa');
    // Signed out at Tessera, then in again without MFA (no application asks for it).
    await browser.request(`${base}/signout`, { form: {} });
    let page = await browser.request(`${base}/`, { form: { email: 'ada@local.test' } });
    page = await browser.request(`${base}${action(page.html, 'password')}`, {
      form: { password: 'a long enough password' },
    });
    expect(page.html).toContain('You are signed in as');
    const wikiNext = await authorize(wiki, WIKI_CB, 'openid');
    const direct = await until(browser, await browser.request(wikiNext.url.href), WIKI_CB);
    const claims = (await redeem(wiki, direct, wikiNext)).claims()!;
    expect(claims.acr).toBe('urn:tessera:acr:sfa');
    expect(claims.amr).toEqual(['pwd']);
  });

  it('signs the person in anew for prompt=login and max_age=0', async () => {
    const browser = new Browser();
    const first = await authorize(wiki, WIKI_CB, 'openid');
    const firstTime = (await redeem(wiki, await signIn(browser, first, WIKI_CB), first)).claims()!.auth_time!;
    const extras: Record<string, string>[] = [{ prompt: 'login' }, { max_age: '0' }];
    for (const extra of extras) {
      const started = await authorize(wiki, WIKI_CB, 'openid', extra);
      const landing = await until(browser, await browser.request(started.url.href), WIKI_CB);
      // Not answered from the session: the sign-in page, and the password again.
      expect(landing.location).toBeNull();
      expect(landing.html).toContain('Sign in to Wiki');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const claims = (await redeem(wiki, await signIn(browser, started, WIKI_CB), started)).claims()!;
      expect(claims.auth_time!).toBeGreaterThan(firstTime);
    }
  });

  it('asks for consent for a third-party application, and tells it when the person declines', async () => {
    const saved = await saveApp({
      name: 'Partner Portal',
      key: 'partner',
      redirectUris: ['https://partner.example/cb'],
      scopes: ['email'],
      firstParty: false,
    });
    const partner = await discover('partner', saved.clientSecret!);
    const browser = new Browser();
    // A scope the application is not allowed (profile): refused, back to the application.
    const greedy = await authorize(partner, 'https://partner.example/cb', 'openid email profile');
    const refused = await until(
      browser,
      await browser.request(greedy.url.href),
      'https://partner.example/cb',
    );
    expect(new URL(refused.location!).searchParams.get('error')).toBe('invalid_scope');

    const started = await authorize(partner, 'https://partner.example/cb', 'openid email');
    const consent = await signIn(browser, started, 'https://partner.example/cb');
    expect(consent.html).toContain('Allow Partner Portal?');
    expect(consent.html).toContain('your email address');
    expect(consent.html).not.toContain('your name');
    const uid = /action="\/op\/interaction\/([^/"]+)\/consent"/.exec(consent.html)![1]!;
    const allowed = await until(
      browser,
      await browser.request(`${base}/op/interaction/${uid}/consent`, { form: { allow: 'yes' } }),
      'https://partner.example/cb',
    );
    const tokens = await redeem(partner, allowed, started);
    expect(tokens.claims()!.email).toBe('ada@local.test');
    expect(tokens.claims()!.name).toBeUndefined();
    expect(tokens.scope?.split(' ').sort()).toEqual(['email', 'openid']);
    // Granted once: the next sign-in does not ask again.
    const again = await authorize(partner, 'https://partner.example/cb', 'openid email');
    const direct = await until(browser, await browser.request(again.url.href), 'https://partner.example/cb');
    expect(direct.location).toContain('code=');
    // A new secret: the old one stops working at once, the new one works.
    const { clientSecret: renewed } = await call('mfa:application:new-secret', {
      id: saved.application.id,
      confirm: true,
    });
    await expect(redeem(partner, direct, again)).rejects.toMatchObject({
      cause: expect.arrayContaining([
        expect.objectContaining({ parameters: expect.objectContaining({ error: 'invalid_client' }) }),
      ]),
    });
    expect((await redeem(await discover('partner', renewed), direct, again)).claims()!.aud).toBe('partner');

    // Another person declines: the application gets access_denied with its state.
    const other = new Browser();
    const declined = await authorize(partner, 'https://partner.example/cb', 'openid email');
    const page = await signIn(other, declined, 'https://partner.example/cb');
    const uid2 = /action="\/op\/interaction\/([^/"]+)\/consent"/.exec(page.html)![1]!;
    const no = await until(
      other,
      await other.request(`${base}/op/interaction/${uid2}/consent`, { form: { allow: 'no' } }),
      'https://partner.example/cb',
    );
    const answer = new URL(no.location!);
    expect(answer.searchParams.get('error')).toBe('access_denied');
    expect(answer.searchParams.get('state')).toBe(declined.state);
  });

  it('ends the tokens of a deleted application: one registered later under its client id gets none', async () => {
    const first = await saveApp({
      name: 'Old',
      key: 'reused',
      redirectUris: ['https://reused.example/cb'],
      scopes: ['offline_access'],
    });
    const old = await discover('reused', first.clientSecret!);
    const browser = new Browser();
    const started = await authorize(old, 'https://reused.example/cb', 'openid offline_access', {
      prompt: 'consent',
    });
    const tokens = await redeem(old, await signIn(browser, started, 'https://reused.example/cb'), started);
    expect(tokens.refresh_token).toBeTruthy();
    await call('mfa:application:delete', { id: first.application.id });
    const second = await saveApp({
      name: 'New',
      key: 'reused',
      redirectUris: ['https://reused.example/cb'],
      scopes: ['offline_access'],
    });
    expect(second.clientSecret).not.toBe(first.clientSecret);
    const fresh = await discover('reused', second.clientSecret!);
    await expect(oidc.refreshTokenGrant(fresh, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('answers a silent request (prompt=none) with login_required when nobody is signed in', async () => {
    const started = await authorize(wiki, WIKI_CB, 'openid', { prompt: 'none' });
    const page = await until(new Browser(), await new Browser().request(started.url.href), WIKI_CB);
    const answer = new URL(page.location!);
    expect(answer.searchParams.get('error')).toBe('login_required');
    expect(answer.searchParams.get('state')).toBe(started.state);
  });

  it('rotates the signing key with overlap: old tokens still verify, new ones use the new key', async () => {
    const browser = new Browser();
    const before = await authorize(wiki, WIKI_CB, 'openid');
    const oldToken = (await redeem(wiki, await signIn(browser, before, WIKI_CB), before)).id_token!;
    const info = await call('op:signing-key:rotate', { confirm: true });
    expect(info.signingKeys).toHaveLength(2);
    expect(info.signingKeys.filter((key) => key.active)).toHaveLength(1);
    const after = await authorize(wiki, WIKI_CB, 'openid');
    const newToken = (await redeem(wiki, await signIn(browser, after, WIKI_CB), after)).id_token!;
    expect(decodeProtectedHeader(newToken).kid).toBe(info.signingKeys.find((key) => key.active)!.kid);
    expect(decodeProtectedHeader(oldToken).kid).not.toBe(decodeProtectedHeader(newToken).kid);
    const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
    await expect(jwtVerify(oldToken, jwks, { issuer, audience: 'wiki' })).resolves.toBeTruthy();
    await expect(jwtVerify(newToken, jwks, { issuer, audience: 'wiki' })).resolves.toBeTruthy();
    // The JWKS publishes public keys only.
    const published = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(published.keys).toHaveLength(2);
    for (const key of published.keys) expect(key).not.toHaveProperty('d');
  });
});
