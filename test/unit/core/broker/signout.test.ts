/**
 * Sign-out from the sign-in service (O2), over HTTP against real peers: the test SAML IdP with
 * login sessions and a Single Logout endpoint that verifies our signed LogoutRequest, and
 * oidc-provider, whose end-session endpoint really ends its session. Each "really ended" is shown
 * by the next sign-in asking for credentials again; each hostile LogoutResponse (unsigned, foreign
 * signer, wrong InResponseTo, Destination or status) is refused with what was wrong.
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp, type SamlSloMode } from '../../../support/saml-idp';
import {
  freeTcpPort,
  startDnsmasq,
  startOidcProvider,
  type RunningDns,
  type RunningOidcProvider,
} from '../../../support/peers';
import { FormBrowser, firstForm, type FormPage } from '../../../support/form-browser';

const tempDir = useTempDirs();

describe('sign-out', () => {
  let pki: TestPki;
  let idp: RunningSamlIdp;
  let op: RunningOidcProvider;
  let dns: RunningDns | null = null;
  let core: Core;
  let base: string;
  let oidcIdpId: string;

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ResponseOf<C>;
  }

  const jit = {
    createUsers: true,
    updateUsers: true,
    allowNewEmail: false,
    linkBy: null,
    mapping: {},
    groupAttribute: null,
  };

  beforeAll(async () => {
    requireSecretService();
    pki = await createTestPki();
    idp = await startSamlIdp({
      signer: pki.idp,
      users: { alice: { uid: 'alice@example.test' } },
      slo: ['HTTP-Redirect', 'HTTP-POST'],
      sessions: true,
    });
    const port = await freeTcpPort();
    base = `http://127.0.0.1:${port}`;
    op = await startOidcProvider(
      [`${base}/oidc/callback`],
      { dave: { email: 'dave@oidc.test', email_verified: true } },
      { client: { post_logout_redirect_uris: [`${base}/oidc/signed-out`] } },
    );
    core = await createCore({ dataDir: tempDir(), version: 'test', defaultSigninPort: port });

    // Two claimed domains (J0): example.test signs in at the SAML IdP, oidc.test at the OP.
    const domains = [
      await call('admin:domain:add', { name: 'example.test' }),
      await call('admin:domain:add', { name: 'oidc.test' }),
    ];
    dns = await startDnsmasq(
      domains.map((domain) => `--txt-record=${domain.recordName},${domain.token}`),
      domains[1]!.recordName,
    );
    const org = await call('admin:org:get', {});
    await call('admin:org:update', { name: org.name, dnsResolver: dns.resolver, signinPort: port });
    for (const name of ['example.test', 'oidc.test']) {
      await call('admin:domain:verify', { name });
      await call('admin:domain:claim', { name, claimed: true });
    }

    // The SP key signs every LogoutRequest; the IdP is configured from our SP metadata, which
    // advertises the single logout URL with both bindings.
    await call('sso:sp-certificate:generate', { keyType: 'rsa-2048' });
    const metadata = await call('sso:sp-metadata:get', { signed: false });
    expect(metadata.xml).toContain(`Location="${base}/saml/slo"`);
    expect(metadata.xml).toContain('bindings:HTTP-POST" Location="' + `${base}/saml/slo"`);
    idp.registerSp(metadata.xml);

    const saml = await call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Test IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'metadata', xml: idp.metadataXml() },
      },
    });
    expect(saml.saml?.slo).toEqual({ binding: 'HTTP-Redirect', location: idp.sloUrl });
    await call('sso:jit:set', { idpId: saml.id, jit });
    await call('sso:idp:set-activated', { id: saml.id, activated: true });

    const oidc = await call('sso:idp:save-oidc', {
      id: null,
      idp: {
        name: 'Corporate OIDC',
        clientId: op.clientId,
        clientSecret: op.clientSecret,
        scopes: ['openid', 'email'],
        automaticLogout: true,
        endpoints: { kind: 'discovery', discoveryUrl: op.issuer },
      },
    });
    oidcIdpId = oidc.id;
    expect(oidc.oidc?.endSessionEndpoint).toBe(`${op.issuer}/session/end`);
    await call('sso:jit:set', { idpId: oidc.id, jit });
    await call('sso:idp:set-activated', { id: oidc.id, activated: true });
    const rule = await call('routing:rule:save', {
      id: null,
      rule: {
        name: 'OIDC',
        type: 'domain',
        values: ['oidc.test'],
        idpId: oidc.id,
        mfa: 'keep',
        mfaRequired: false,
      },
      acknowledged: true,
    });
    await call('routing:rule:set-active', { id: rule.id, active: true, acknowledged: true });
  }, 90_000);

  afterAll(async () => {
    core?.close();
    await idp?.stop();
    await op?.stop();
    await dns?.stop();
  });

  /** An application registered at Tessera's OpenID Provider, as openid-client sees it. */
  async function registerApp(name: string, key: string, cb: string, bye: string) {
    const { clientSecret } = await call('mfa:application:save', {
      id: null,
      application: {
        name,
        key,
        requireMfa: false,
        clientType: 'confidential',
        redirectUris: [cb],
        postLogoutRedirectUris: [bye],
        scopes: [],
        firstParty: true,
      },
    });
    const { issuer } = await call('op:provider:get', {});
    const app = await oidc.discovery(new URL(issuer), key, undefined, oidc.ClientSecretBasic(clientSecret!), {
      execute: [oidc.allowInsecureRequests],
    });
    return { app, issuer };
  }

  /** The application's authorization request (PKCE, state "s"). */
  async function authorization(app: oidc.Configuration, cb: string) {
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(app, {
      redirect_uri: cb,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 's',
    });
    return { url, verifier };
  }

  // ── SAML ──────────────────────────────────────────────────────────────────────────────────

  /** From the start page to signed in; `login` false expects the IdP's single sign-on. */
  async function samlSignIn(browser: FormBrowser, login = true) {
    const atIdp = await browser.follow(`${base}/`, { form: { email: 'alice@example.test' } });
    expect(atIdp.url).toContain(idp.base);
    let posted: FormPage = atIdp;
    if (login) {
      expect(atIdp.html).toContain('Username');
      posted = await browser.request(`${idp.base}/login`, {
        form: { key: firstForm(atIdp.html, idp.base).fields.key!, username: 'alice' },
      });
    } else {
      expect(atIdp.html).not.toContain('Username');
    }
    const form = firstForm(posted.html, idp.base);
    const page = await browser.follow(form.action, { form: form.fields, origin: idp.base });
    expect(page.html).toContain('You are signed in as <strong>alice@example.test</strong>');
    return page;
  }

  async function signOut(browser: FormBrowser) {
    let page = await browser.follow(`${base}/signout`, { form: {} });
    // The POST binding: the IdP's page posts the LogoutResponse back (a cross-site POST).
    if (page.url.startsWith(idp.base) && page.html.includes('SAMLResponse')) {
      const form = firstForm(page.html, idp.base);
      page = await browser.follow(form.action, { form: form.fields, origin: idp.base });
    }
    expect(browser.cookie('tessera_session')).toBeUndefined();
    return page;
  }

  /** Whether a session cookie still signs anyone in (the row behind it exists). */
  async function sessionAlive(token: string | undefined) {
    const probe = new FormBrowser();
    probe.set('tessera_session', token ?? 'none');
    return (await probe.request(`${base}/`)).html.includes('You are signed in as');
  }

  it('ends the session at Tessera and at the SAML IdP (signed LogoutRequest, verified answer)', async () => {
    const browser = new FormBrowser();
    await samlSignIn(browser);
    const [session] = idp.activeSessions();
    expect(session?.username).toBe('alice');

    // Without a sign-out the IdP's session signs her in again without asking (single sign-on).
    browser.drop('tessera_session');
    await samlSignIn(browser, false);

    const token = browser.cookie('tessera_session');
    expect(await sessionAlive(token)).toBe(true);
    const page = await signOut(browser);
    expect(page.url).toMatch(new RegExp(`^${base}/saml/slo\\?SAMLResponse=`));
    expect(page.status).toBe(200);
    expect(page.html).toContain('You are signed out of Tessera and of Test IdP.');
    expect(await sessionAlive(token)).toBe(false);

    // The IdP verified the LogoutRequest with our certificate, and it named her session.
    const request = idp.logoutRequests.at(-1)!;
    expect(request).toMatchObject({
      signed: true,
      binding: 'HTTP-Redirect',
      nameId: 'alice',
      sessionIndex: session!.sessionIndex,
      issuer: (await call('admin:org:get', {})).sp.entityId,
      ended: 1,
    });
    expect(idp.activeSessions()).toEqual([]);
    // Really ended there: the next sign-in asks for credentials again.
    await samlSignIn(browser, true);
    await signOut(browser);
  });

  it('signs out of an application through Tessera: Tessera, then the SAML IdP, then back to the app', async () => {
    const cb = 'https://app.example/cb';
    const bye = 'https://app.example/bye';
    const { app, issuer } = await registerApp('Intranet', 'intranet', cb, bye);
    const browser = new FormBrowser();
    const { url: authorize, verifier } = await authorization(app, cb);
    const start = await browser.follow(authorize.href);
    expect(start.html).toContain('Sign in to Intranet');
    const email = firstForm(start.html, base);
    const atIdp = await browser.follow(email.action, { form: { email: 'alice@example.test' } });
    const posted = await browser.request(`${idp.base}/login`, {
      form: { key: firstForm(atIdp.html, idp.base).fields.key!, username: 'alice' },
    });
    const acs = firstForm(posted.html, idp.base);
    // Follow until the browser is sent to the application.
    let page = await browser.request(acs.action, { form: acs.fields, origin: idp.base });
    while (page.location && !page.location.startsWith(cb))
      page = await browser.request(new URL(page.location, page.url).href);
    const tokens = await oidc.authorizationCodeGrant(app, new URL(page.location!), {
      pkceCodeVerifier: verifier,
      expectedState: 's',
    });
    // The SAML IdP authenticated with a password (PasswordProtectedTransport).
    expect(tokens.claims()!.amr).toEqual(['pwd']);
    expect(idp.activeSessions()).toHaveLength(1);

    const ask = await browser.request(
      oidc.buildEndSessionUrl(app, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: bye,
        state: 'b',
      }).href,
    );
    expect(ask.html).toContain('Sign out of Intranet?');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(ask.html)![1]!;
    // Yes: Tessera's session ends and the browser goes to the IdP's Single Logout …
    const out = await browser.follow(`${issuer}/session/end/confirm`, {
      form: { xsrf, logout: 'yes', tessera: 'signout' },
    });
    expect(browser.cookie('tessera_session')).toBeUndefined();
    expect(idp.activeSessions()).toEqual([]);
    expect(out.html).toContain('You are signed out of Tessera and of Test IdP.');
    // … and comes back to a page whose one button finishes at the application's registered URI.
    const resume = firstForm(out.html, base);
    // Without our page's own field: Tessera's session is over, this only finishes the logout.
    expect(resume.fields).toEqual({ xsrf, logout: 'yes' });
    const done = await browser.request(resume.action, { form: resume.fields });
    expect(done.location).toBe(`${bye}?state=b`);
  });

  it('takes the LogoutResponse by the HTTP-POST binding too', async () => {
    idp.sloResponseBinding = 'HTTP-POST';
    try {
      const browser = new FormBrowser();
      await samlSignIn(browser);
      const page = await signOut(browser);
      expect(page.url).toBe(`${base}/saml/slo`);
      expect(page.html).toContain('You are signed out of Tessera and of Test IdP.');
    } finally {
      idp.sloResponseBinding = 'HTTP-Redirect';
    }
  });

  const hostile: [string, SamlSloMode | 'foreign-signer', 'HTTP-Redirect' | 'HTTP-POST', RegExp][] = [
    ['unsigned (redirect)', 'unsigned', 'HTTP-Redirect', /not signed/],
    ['unsigned (POST)', 'unsigned', 'HTTP-POST', /not signed/],
    ['signed by another key', 'foreign-signer', 'HTTP-Redirect', /does not verify with any certificate/],
    ['signed by another key (POST)', 'foreign-signer', 'HTTP-POST', /does not verify with any certificate/],
    ['for another request', 'wrong-in-response-to', 'HTTP-Redirect', /answers another request/],
    ['for another destination', 'wrong-destination', 'HTTP-POST', /addressed to https:\/\/evil/],
    [
      'with an error status',
      'error-status',
      'HTTP-Redirect',
      /answered Responder \/ PartialLogout: Session store unavailable/,
    ],
  ];
  it.each(hostile)(
    'refuses a LogoutResponse %s, and says what was wrong',
    async (_name, mode, binding, said) => {
      if (mode === 'foreign-signer') idp.sloSigner = pki.attacker;
      else idp.sloMode = mode;
      idp.sloResponseBinding = binding;
      try {
        const browser = new FormBrowser();
        await samlSignIn(browser);
        const page = await signOut(browser);
        expect(page.status).toBe(400);
        expect(page.html).toContain('You are signed out of Tessera, but Test IdP did not confirm');
        expect(page.html).toMatch(said);
        // Tessera's own session ended anyway.
        expect((await browser.request(`${base}/`)).html).toContain('name="email"');
      } finally {
        idp.sloMode = 'normal';
        idp.sloSigner = null;
        idp.sloResponseBinding = 'HTTP-Redirect';
      }
    },
  );

  it('refuses a replayed LogoutResponse', async () => {
    const browser = new FormBrowser();
    await samlSignIn(browser);
    const page = await signOut(browser);
    expect(page.html).toContain('You are signed out of Tessera and of Test IdP.');
    const again = await new FormBrowser().request(page.url);
    expect(again.status).toBe(400);
    expect(again.html).toContain('answers no sign-out in progress');
  });

  it.each(['HTTP-Redirect', 'HTTP-POST'] as const)(
    'ends the sessions an IdP-initiated LogoutRequest names (%s), and answers it signed',
    async (binding) => {
      const browser = new FormBrowser();
      await samlSignIn(browser);
      const answered = idp.logoutResponses.length;
      const message = idp.idpInitiatedLogout('alice', binding);
      let page =
        message.kind === 'redirect'
          ? await browser.follow(message.url)
          : await browser.follow(message.url, { form: message.fields, origin: idp.base });
      if (page.html.includes('name="SAMLResponse"')) {
        // Tessera's answer by the POST binding: our page posts it to the IdP.
        const form = firstForm(page.html, base);
        page = await browser.follow(form.action, { form: form.fields, origin: base });
      }
      expect(page.html).toContain('You are signed out.');
      expect(idp.logoutResponses.length).toBe(answered + 1);
      const response = idp.logoutResponses.at(-1)!;
      expect(response.signed).toBe(true);
      expect(response.xml).toContain('urn:oasis:names:tc:SAML:2.0:status:Success');
      expect(response.relayState).toBe('idp-initiated');
      // Her Tessera session is gone: the start page again.
      expect((await browser.request(`${base}/`)).html).toContain('name="email"');
    },
  );

  it('acts on an IdP-initiated LogoutRequest once (a replayed one is refused)', async () => {
    const browser = new FormBrowser();
    await samlSignIn(browser);
    const message = idp.idpInitiatedLogout('alice', 'HTTP-Redirect');
    const url = message.kind === 'redirect' ? message.url : '';
    expect((await browser.follow(url)).html).toContain('You are signed out.');
    await samlSignIn(browser, true);
    const replayed = await browser.follow(url);
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain('already acted on');
    expect((await browser.request(`${base}/`)).html).toContain('You are signed in as');
    await signOut(browser);
  });

  it('refuses an IdP-initiated LogoutRequest that is unsigned or signed by someone else', async () => {
    const browser = new FormBrowser();
    await samlSignIn(browser);
    idp.sloSigner = pki.attacker;
    try {
      const forged = idp.idpInitiatedLogout('alice', 'HTTP-Redirect');
      const page = await browser.follow(forged.kind === 'redirect' ? forged.url : '');
      expect(page.status).toBe(400);
      expect(page.html).toContain('Logout request refused');
      expect(page.html).toContain('does not verify with any certificate');
    } finally {
      idp.sloSigner = null;
    }
    const unsigned = idp.idpInitiatedLogout('alice', 'HTTP-Redirect');
    const stripped = unsigned.kind === 'redirect' ? unsigned.url.replace(/&SigAlg=.*$/, '') : '';
    const page = await browser.follow(stripped);
    expect(page.status).toBe(400);
    expect(page.html).toContain('not signed');
    // Still signed in.
    expect((await browser.request(`${base}/`)).html).toContain('You are signed in as');
    await signOut(browser);
  });

  // ── OIDC ──────────────────────────────────────────────────────────────────────────────────

  /** Through oidc-provider's login (when asked) and consent pages to signed in. */
  async function oidcSignIn(browser: FormBrowser, expectLogin: boolean) {
    let page = await browser.follow(`${base}/`, { form: { email: 'dave@oidc.test' } });
    if (expectLogin) {
      expect(page.html).toContain('name="login"');
      const login = firstForm(page.html, op.issuer);
      page = await browser.follow(login.action, {
        form: { ...login.fields, login: 'dave', password: 'any password' },
      });
      if (page.html.includes('name="prompt" value="consent"')) {
        const consent = firstForm(page.html, op.issuer);
        page = await browser.follow(consent.action, { form: consent.fields });
      }
    } else {
      expect(page.html).not.toContain('name="login"');
    }
    expect(page.html).toContain('You are signed in as <strong>dave@oidc.test</strong>');
  }

  it('ends the session at the OpenID provider through its end-session endpoint', async () => {
    const browser = new FormBrowser();
    await oidcSignIn(browser, true);
    // The OP's session signs him in again without asking.
    browser.drop('tessera_session');
    await oidcSignIn(browser, false);

    const left = await browser.request(`${base}/signout`, { form: {} });
    expect(left.status).toBe(303);
    const endSession = new URL(left.location!);
    expect(endSession.origin + endSession.pathname).toBe(`${op.issuer}/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/oidc/signed-out`);
    const state = endSession.searchParams.get('state')!;
    expect(state.length).toBeGreaterThan(20);
    // The ID token never reaches a page or the log; it went only to the OP.
    expect(left.html).not.toContain('eyJ');

    // oidc-provider asks "sign out?"; yes.
    const ask = await browser.follow(endSession.href);
    const confirm = firstForm(ask.html, op.issuer);
    const back = await browser.follow(confirm.action, { form: { ...confirm.fields, logout: 'yes' } });
    expect(back.url).toBe(`${base}/oidc/signed-out?state=${encodeURIComponent(state)}`);
    expect(back.html).toContain('You are signed out of Tessera and of Corporate OIDC.');
    expect(browser.cookie('tessera_logout')).toBeUndefined();
    // Really ended there: the next sign-in asks for credentials again.
    await oidcSignIn(browser, true);

    // A return with someone else's (or no) state is refused.
    const forged = await new FormBrowser().request(`${base}/oidc/signed-out?state=${state}`);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('does not carry the state');
  });

  it('signs out of an application through Tessera and the OpenID provider, then back to the app', async () => {
    const cb = 'https://portal.example/cb';
    const bye = 'https://portal.example/bye';
    const { app, issuer } = await registerApp('Portal', 'portal', cb, bye);
    const browser = new FormBrowser();
    await oidcSignIn(browser, true);
    // Signed in at Tessera already: the application gets its code without a page.
    const { url, verifier } = await authorization(app, cb);
    let page = await browser.request(url.href);
    while (page.location && !page.location.startsWith(cb))
      page = await browser.request(new URL(page.location, page.url).href);
    const tokens = await oidc.authorizationCodeGrant(app, new URL(page.location!), {
      pkceCodeVerifier: verifier,
      expectedState: 's',
    });

    const ask = await browser.request(
      oidc.buildEndSessionUrl(app, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: bye,
        state: 'b',
      }).href,
    );
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(ask.html)![1]!;
    const toUpstream = await browser.request(`${issuer}/session/end/confirm`, {
      form: { xsrf, logout: 'yes', tessera: 'signout' },
    });
    expect(browser.cookie('tessera_session')).toBeUndefined();
    expect(new URL(toUpstream.location!).origin + new URL(toUpstream.location!).pathname).toBe(
      `${op.issuer}/session/end`,
    );
    // The provider asks "sign out?"; yes; it sends the browser back to Tessera, which offers the way on.
    const upstreamAsk = await browser.follow(toUpstream.location!);
    const confirm = firstForm(upstreamAsk.html, op.issuer);
    const back = await browser.follow(confirm.action, { form: { ...confirm.fields, logout: 'yes' } });
    expect(back.html).toContain('You are signed out of Tessera and of Corporate OIDC.');
    const resume = firstForm(back.html, base);
    const done = await browser.request(resume.action, { form: resume.fields });
    expect(done.location).toBe(`${bye}?state=b`);
    // Ended at the provider too: the next sign-in asks for credentials.
    await oidcSignIn(browser, true);
  });

  it('ends only Tessera’s session when the admin did not allow automatic logout, and says so', async () => {
    const current = await call('sso:idp:list', {});
    const oidc = current.find((entry) => entry.id === oidcIdpId)!;
    await call('sso:idp:save-oidc', {
      id: oidc.id,
      idp: {
        name: oidc.name,
        clientId: op.clientId,
        clientSecret: '',
        scopes: ['openid', 'email'],
        automaticLogout: false,
        endpoints: { kind: 'discovery', discoveryUrl: op.issuer },
      },
    });
    const browser = new FormBrowser();
    await oidcSignIn(browser, true);
    const page = await browser.follow(`${base}/signout`, { form: {} });
    expect(page.url).toBe(`${base}/signout`);
    expect(page.html).toContain('does not sign you out of Corporate OIDC automatically');
    // The OP's session is still there.
    await oidcSignIn(browser, false);
  });
});
