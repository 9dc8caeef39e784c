/**
 * The sign-in service end to end over HTTP, against a real SAML IdP (test/support/saml-idp.ts, real
 * keys), a real keychain and an encrypted store: routing → IdP → validation → JIT → MFA enrollment
 * and verification → session; replay, lockout, admin reset; Test SSO with its diagnosis; the
 * built-in password with throttling; the service's own guards.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { createTestPki, type TestPki } from '../../../support/saml-fixtures';
import { readPostForm, startSamlIdp, type RunningSamlIdp } from '../../../support/saml-idp';
import { freeTcpPort, startDnsmasq, type RunningDns } from '../../../support/peers';
import { base32Decode, referenceTotp } from '../../../e2e/support/otp';
import { FormBrowser as Browser } from '../../../support/form-browser';

const tempDir = useTempDirs();

const field = (html: string, name: string) => new RegExp(`action="([^"]*/${name})"`).exec(html)?.[1];

describe('the sign-in service', () => {
  let pki: TestPki;
  let idp: RunningSamlIdp;
  let dns: RunningDns | null = null;
  let core: Core;
  let base: string;

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as ResponseOf<C>;
  }

  beforeAll(async () => {
    requireSecretService();
    pki = await createTestPki();
    idp = await startSamlIdp({
      signer: pki.idp,
      users: {
        alice: { uid: 'alice@example.test', givenName: 'Alice', phone: '+46701234567', groups: ['staff'] },
        bob: { uid: 'bob@example.test', givenName: 'Bob', groups: ['staff', 'admins'] },
      },
    });
    const port = await freeTcpPort();
    core = await createCore({ dataDir: tempDir(), version: 'test', defaultSigninPort: port });
    base = `http://127.0.0.1:${port}`;

    // A claimed domain (J0), verified through a real DNS server.
    const domain = await call('admin:domain:add', { name: 'example.test' });
    dns = await startDnsmasq([`--txt-record=${domain.recordName},${domain.token}`], domain.recordName);
    const org = await call('admin:org:get', {});
    await call('admin:org:update', { name: org.name, dnsResolver: dns.resolver, signinPort: port });
    await call('admin:domain:verify', { name: 'example.test' });
    await call('admin:domain:claim', { name: 'example.test', claimed: true });

    const saml = await call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Test IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'metadata', xml: idp.metadataXml() },
      },
    });
    await call('sso:jit:set', {
      idpId: saml.id,
      jit: {
        createUsers: true,
        updateUsers: true,
        allowNewEmail: false,
        linkBy: null,
        mapping: { 'name.givenName': 'givenName', 'phoneNumbers.work': 'phone' },
        groupAttribute: 'groups',
      },
    });
    await call('sso:idp:set-activated', { id: saml.id, activated: true });
    await call('mfa:policy:set', {
      enabled: true,
      allowPerUser: false,
      mandatoryForApplications: false,
      mandatoryForOrganization: true,
    });
  }, 60_000);

  afterAll(async () => {
    core?.close();
    await idp?.stop();
    await dns?.stop();
  });

  /** Start page → IdP → login → ACS → continuation; returns the page after the IdP. */
  async function signInAtIdp(browser: Browser, email: string, username: string) {
    const atIdp = await browser.follow(`${base}/`, { form: { email } });
    expect(atIdp.url).toContain(idp.base);
    const key = /name="key" value="([^"]+)"/.exec(atIdp.html)![1]!;
    const posted = await browser.request(`${idp.base}/login`, { form: { key, username } });
    const form = readPostForm(posted.html);
    // The IdP's page posts the response: a cross-site POST, with the IdP's Origin.
    return browser.follow(form.action, { form: form.fields, origin: idp.base });
  }

  it('signs a person in: routing, SAML, JIT, MFA enrollment, session', async () => {
    const browser = new Browser();
    expect((await browser.request(`${base}/`)).html).toContain('Sign in');
    const enroll = await signInAtIdp(browser, 'alice@example.test', 'alice');
    expect(enroll.html).toContain('Set up two-step verification');
    expect(enroll.html).toMatch(/<img class="qr" src="data:image\/png;base64,/);
    const secret = /<code class="secret"[^>]*>([A-Z2-7 ]+)<\/code>/.exec(enroll.html)![1]!.replace(/ /g, '');

    // A wrong code first: refused, the enrollment page again, nothing confirmed.
    const wrong = await browser.request(`${base}${field(enroll.html, 'mfa')}`, { form: { code: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('not right');

    const code = referenceTotp(base32Decode(secret), Date.now());
    const done = await browser.request(`${base}${field(enroll.html, 'mfa')}`, { form: { code } });
    expect(done.html).toContain('You are signed in as <strong>alice@example.test</strong>');
    expect(browser.cookie('tessera_session')).toBeTruthy();

    // JIT wrote the mapped profile and groups; MFA is enrolled.
    const [alice] = await call('directory:user:list', { query: 'alice' });
    expect(alice).toMatchObject({
      email: 'alice@example.test',
      profile: { 'name.givenName': 'Alice', 'phoneNumbers.work': '+46701234567' },
      groups: ['staff'],
      mfa: { enrolled: true },
      createdBy: 'jit:Test IdP',
    });
    expect(alice!.lastSignInAt).toBeTruthy();

    // M6: the session signs her in again without the IdP or MFA.
    const again = await browser.request(`${base}/`, { form: { email: 'alice@example.test' } });
    expect(again.html).toContain('You are signed in as');

    // A second sign-in (new browser): verification, and the same code is not accepted twice.
    const other = new Browser();
    const verify = await signInAtIdp(other, 'alice@example.test', 'alice');
    expect(verify.html).toContain('Two-step verification');
    const replay = await other.request(`${base}${field(verify.html, 'mfa')}`, { form: { code } });
    expect(replay.html).toContain('already used');

    // The next code, sent by two sign-ins at once: one wins the time step, the other is refused.
    const racer = new Browser();
    const racing = await signInAtIdp(racer, 'alice@example.test', 'alice');
    const next = referenceTotp(base32Decode(secret), Date.now() + 30_000);
    const results = await Promise.all([
      other.request(`${base}${field(verify.html, 'mfa')}`, { form: { code: next } }),
      racer.request(`${base}${field(racing.html, 'mfa')}`, { form: { code: next } }),
    ]);
    expect(results.filter((result) => result.html.includes('You are signed in')).length).toBe(1);
    expect(results.filter((result) => result.html.includes('already used')).length).toBe(1);
  });

  it('adds groups and never removes them (J8), and locks out after repeated wrong codes', async () => {
    idp.setResponseOptions({
      attributes: { uid: 'alice@example.test', givenName: 'Alicia', groups: ['admins'] },
    });
    const browser = new Browser();
    const verify = await signInAtIdp(browser, 'alice@example.test', 'alice');
    idp.resetResponseOptions();
    const [alice] = await call('directory:user:list', { query: 'alice@' });
    expect(alice!.groups).toEqual(['admins', 'staff']);
    expect(alice!.profile['name.givenName']).toBe('Alicia');

    const action = `${base}${field(verify.html, 'mfa')}`;
    let last = '';
    for (let attempt = 0; attempt < 6; attempt++) {
      last = (await browser.request(action, { form: { code: '123456' } })).html;
    }
    expect(last).toMatch(/Too many failed attempts|Locked/);
    const [locked] = await call('directory:user:list', { query: 'alice@' });
    expect(locked!.mfa.lockedUntil).toBeTruthy();

    // M8: the admin resets the enrollment; the next sign-in enrolls again.
    const reset = await call('directory:user:reset-mfa', { id: locked!.id });
    expect(reset.mfa).toMatchObject({ enrolled: false, lockedUntil: null });
    const fresh = await signInAtIdp(new Browser(), 'alice@example.test', 'alice');
    expect(fresh.html).toContain('Set up two-step verification');
  });

  it('refuses a person the IdP authenticates as someone else', async () => {
    const page = await signInAtIdp(new Browser(), 'alice@example.test', 'bob');
    expect(page.status).toBe(403);
    expect(page.html).toContain('Signed in as someone else');
  });

  it('runs Test SSO and records every check, the claims and the JIT plan', async () => {
    const [samlIdp] = await call('sso:idp:list', {});
    const test = await call('sso:test:start', { idpId: samlIdp!.id });
    expect((await call('sso:test:get', { id: test.id })).state).toBe('waiting');
    const browser = new Browser();
    const atIdp = await browser.follow(test.url);
    const key = /name="key" value="([^"]+)"/.exec(atIdp.html)![1]!;
    const form = readPostForm(
      (await browser.request(`${idp.base}/login`, { form: { key, username: 'bob' } })).html,
    );
    const page = await browser.follow(form.action, { form: form.fields, origin: idp.base });
    expect(page.html).toContain('Test SSO succeeded');
    const result = await call('sso:test:get', { id: test.id });
    expect(result.state).toBe('succeeded');
    expect(result.checks.every((check) => check.status === 'pass')).toBe(true);
    expect(result.claims?.uid).toEqual(['bob@example.test']);
    expect(result.plan).toMatchObject({
      action: 'create',
      email: 'bob@example.test',
      groupsAdded: ['staff', 'admins'],
    });
    expect(result.messages[0]!.body).toContain('(signature)');
    // A test provisions nothing.
    expect(await call('directory:user:list', { query: 'bob' })).toEqual([]);
    // The mapping preview reads the last test.
    const preview = await call('directory:mapping:preview', {
      idpId: samlIdp!.id,
      source: { kind: 'last-test' },
    });
    expect(preview.action).toBe('create');
    // Or a pasted assertion (read without its signature: a preview writes nothing), as a diff
    // against the user JIT would find.
    const pasted = await call('directory:mapping:preview', {
      idpId: samlIdp!.id,
      source: { kind: 'saml', xml: result.messages[0]!.body.replace('(signature)', '') },
    });
    expect(pasted).toMatchObject({ action: 'create', email: 'bob@example.test' });
    const alice = await call('directory:mapping:preview', {
      idpId: samlIdp!.id,
      source: { kind: 'attributes', claims: { uid: ['alice@example.test'], givenName: ['Alice B.'] } },
    });
    expect(alice).toMatchObject({
      action: 'update',
      changes: [{ field: 'name.givenName', after: 'Alice B.' }],
    });
    const hostile = await core.dispatch('directory:mapping:preview', {
      idpId: samlIdp!.id,
      source: { kind: 'saml', xml: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' },
    });
    expect(hostile).toMatchObject({ ok: false, error: { reason: 'preview.notSaml' } });

    // The link works once.
    expect((await new Browser().request(test.url)).html).toContain('used up');
  });

  it('shows exactly why a broken IdP fails (wrong audience)', async () => {
    const [samlIdp] = await call('sso:idp:list', {});
    const test = await call('sso:test:start', { idpId: samlIdp!.id });
    idp.mode = 'wrong-audience';
    try {
      const browser = new Browser();
      const atIdp = await browser.follow(test.url);
      const key = /name="key" value="([^"]+)"/.exec(atIdp.html)![1]!;
      const form = readPostForm(
        (await browser.request(`${idp.base}/login`, { form: { key, username: 'alice' } })).html,
      );
      await browser.follow(form.action, { form: form.fields, origin: idp.base });
    } finally {
      idp.mode = 'normal';
    }
    const result = await call('sso:test:get', { id: test.id });
    expect(result.state).toBe('failed');
    const failed = result.checks.find((check) => check.status === 'fail')!;
    expect(failed.id).toBe('audience');
    expect(failed.fix).toContain('entity ID');
  });

  it('refuses a 20 MB body before reading it, foreign Host headers, cross-site forms and unknown flows', async () => {
    const huge = await fetch(`${base}/saml/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `SAMLResponse=${'A'.repeat(20 * 1024 * 1024)}&RelayState=x`,
    });
    expect(huge.status).toBe(413);
    // fetch() will not send a foreign Host header; node:http will (DNS rebinding looks like this).
    const status = (host: string) =>
      new Promise<{ status: number; location: string | undefined }>((resolve, reject) =>
        request(`${base}/`, { headers: { host } }, (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        })
          .on('error', reject)
          .end(),
      );
    expect((await status('evil.example')).status).toBe(421);
    // localhost: sent to 127.0.0.1, where IdPs send people back (and cookies come back).
    expect(await status(`localhost:${new URL(base).port}`)).toEqual({ status: 308, location: `${base}/` });
    // A form posted from another site (or another port on this machine) is refused.
    const crossSite = await new Browser().request(`${base}/`, {
      form: { email: 'alice@example.test' },
      origin: 'http://127.0.0.1:1',
    });
    expect(crossSite.status).toBe(403);
    const unknown = await new Browser().request(`${base}/flow/nope/mfa`, { form: { code: '123456' } });
    expect(unknown.html).toContain('expired');
    expect(
      (await new Browser().request(`${base}/saml/acs`, { form: { SAMLResponse: 'eA==', RelayState: 'x' } }))
        .html,
    ).toContain('Not a SAML response');
  });

  it('throttles built-in password guesses', async () => {
    await call('sso:idp:add-builtin', {
      rule: { name: 'Local', type: 'domain', values: ['local.test'], mfa: 'keep', mfaRequired: false },
      acknowledged: true,
    });
    await call('sso:user:add', {
      email: 'carol@local.test',
      displayName: 'Carol',
      password: 'a long enough password',
    });
    const browser = new Browser();
    const page = await browser.follow(`${base}/`, { form: { email: 'carol@local.test' } });
    expect(page.html).toContain('Enter your password');
    const action = `${base}${field(page.html, 'password')}`;
    let last = { status: 0, html: '' };
    for (let attempt = 0; attempt < 6; attempt++) {
      last = await browser.request(action, { form: { password: 'wrong password' } });
    }
    expect(last.status).toBe(429);
    expect(last.html).toContain('Too many failed attempts');

    // A burst of parallel guesses is counted like the same guesses one after another.
    await call('sso:user:add', {
      email: 'dan@local.test',
      displayName: 'Dan',
      password: 'another long password',
    });
    const burst = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const guesser = new Browser();
        const start = await guesser.follow(`${base}/`, { form: { email: 'dan@local.test' } });
        return { guesser, action: `${base}${field(start.html, 'password')}` };
      }),
    );
    const answers = await Promise.all(
      burst.map(({ guesser, action }) => guesser.request(action, { form: { password: 'guess' } })),
    );
    expect(answers.filter((answer) => answer.status === 401).length).toBe(5);
    expect(answers.filter((answer) => answer.status === 429).length).toBe(7);
  });

  it('lets a person turn MFA on for themselves (M2), and steps an MFA-less session up (M6)', async () => {
    await call('mfa:policy:set', {
      enabled: true,
      allowPerUser: true,
      mandatoryForApplications: false,
      mandatoryForOrganization: false,
    });
    const browser = new Browser();
    const signedIn = await signInAtIdp(browser, 'bob@example.test', 'bob');
    expect(signedIn.html).toContain('You are signed in as <strong>bob@example.test</strong>');
    expect(signedIn.html).toContain('Turn two-step verification on');

    const on = await browser.request(`${base}/account/mfa`, { form: { enabled: 'on' } });
    expect(on.html).toContain('Two-step verification is on');
    const [bob] = await call('directory:user:list', { query: 'bob@' });
    expect(bob!.mfa.optedIn).toBe(true);

    // Her session was made without MFA; the next sign-in needs it, so it goes through the IdP again.
    const stepUp = await browser.follow(`${base}/`, { form: { email: 'bob@example.test' } });
    expect(stepUp.url).toContain(idp.base);

    // Without the choice (M4 on), the switch is gone and the POST is refused.
    await call('mfa:policy:set', {
      enabled: true,
      allowPerUser: true,
      mandatoryForApplications: false,
      mandatoryForOrganization: true,
    });
    expect((await browser.request(`${base}/account/mfa`, { form: { enabled: 'off' } })).status).toBe(403);
    // No session, no change.
    expect((await new Browser().request(`${base}/account/mfa`, { form: { enabled: 'off' } })).status).toBe(
      401,
    );
  });
});
