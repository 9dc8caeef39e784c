/**
 * Tessera as an OpenID Provider (issue #12), end to end in Chromium with openid-client as a real
 * relying party (op.ts): two applications, "Wiki" (confidential, no MFA) and "Payroll" (public,
 * MFA required; policy M1 and M3 on), sign people in through a SAML upstream (the test IdP, with
 * login sessions and Single Logout) and an OIDC upstream (oidc-provider, routed by its domain).
 * The app signs out through Tessera's end-session endpoint, which ends the IdP's session too; an
 * unregistered redirect URI stops at Tessera's error page. Tessera's pages pass axe, and the
 * "Sign in to Wiki" and "Sign out of Wiki?" pages are screenshotted at 800 px in each language
 * (test-results/op/).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import {
  freeTcpPort,
  startOidcProvider,
  type RunningDns,
  type RunningOidcProvider,
} from '../../support/peers';
import { createTestPki } from '../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp } from '../../support/saml-idp';
import { base32Decode, referenceTotp } from '../support/otp';
import { expectAccessible } from '../support/a11y';
import { PAGE_TEXT, type Lang } from '../../../electron/core/broker/page-text';
import { api, oidcProviderLogin, samlIdpLogin } from './signin';
import { configureUpstreams } from './signout';
import { startRelyingParty, type RunningRelyingParty } from './op';

test.setTimeout(60_000);

let dataDir: string;
let tessera: RunningTessera;
let samlIdp: RunningSamlIdp;
let oidc: RunningOidcProvider;
let dns: RunningDns;
let rp: RunningRelyingParty;
let signinBase: string;

const SHOTS = join(__dirname, '..', '..', '..', 'test-results', 'op');

test.beforeAll(async () => {
  const port = await freeTcpPort();
  signinBase = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-op-'));
  [tessera, rp] = await Promise.all([
    startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(port) }),
    startRelyingParty(),
  ]);
  const pki = await createTestPki();
  samlIdp = await startSamlIdp({
    signer: pki.idp,
    users: { alice: { uid: 'alice@example.test' } },
    slo: ['HTTP-Redirect'],
    sessions: true,
  });
  // On 127.0.0.2: its session cookie would otherwise be the one of Tessera's own oidc-provider
  // (same name, same host; browsers do not keep cookies apart by port).
  oidc = await startOidcProvider(
    [`${signinBase}/oidc/callback`],
    { dave: { email: 'dave@oidc.test', email_verified: true } },
    { host: '127.0.0.2' },
  );

  // The IdPs, domains and routing as the sign-out spec sets them up, through the same API.
  dns = await configureUpstreams(tessera, samlIdp, oidc, { automaticLogout: false });

  // M1 on, M3 on: MFA for the applications that ask for it (Payroll), not for the others.
  await api(tessera, 'mfa:policy:set', {
    enabled: true,
    allowPerUser: false,
    mandatoryForApplications: true,
    mandatoryForOrganization: false,
  });
  const wiki = await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Wiki',
      key: 'wiki',
      requireMfa: false,
      clientType: 'confidential',
      redirectUris: [rp.redirectUri('wiki')],
      postLogoutRedirectUris: [rp.postLogoutRedirectUri('wiki')],
      scopes: ['profile', 'email'],
      firstParty: true,
    },
  });
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Payroll',
      key: 'payroll',
      requireMfa: true,
      clientType: 'public',
      redirectUris: [rp.redirectUri('payroll')],
      postLogoutRedirectUris: [rp.postLogoutRedirectUri('payroll')],
      scopes: ['email'],
      firstParty: true,
    },
  });
  const { issuer } = await api(tessera, 'op:provider:get', {});
  await rp.add(
    {
      path: 'wiki',
      name: 'Wiki',
      clientId: 'wiki',
      clientSecret: wiki.clientSecret!,
      scope: 'openid profile email',
    },
    issuer,
  );
  await rp.add(
    { path: 'payroll', name: 'Payroll', clientId: 'payroll', clientSecret: null, scope: 'openid email' },
    issuer,
  );
});

test.afterAll(async () => {
  await tessera?.stop();
  await rp?.stop();
  await samlIdp?.stop();
  await oidc?.stop();
  await dns?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Tessera's "Sign in to <App>" page, reached from the app's /login: the email, then Next. */
async function startAt(page: Page, app: 'wiki' | 'payroll', appName: string, email: string) {
  await page.goto(`${rp.base}/${app}/login`);
  await expect(page.getByRole('heading', { name: `Sign in to ${appName}` })).toBeVisible();
  expect(page.url().startsWith(`${signinBase}/op/interaction/`)).toBe(true);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Next' }).click();
}

/**
 * How the upstream signed the person in: the test SAML IdP says PasswordProtectedTransport (a
 * password: pwd); oidc-provider's development login says nothing (no amr of its own).
 */
const SAML_AMR = ['pwd'];
const OIDC_AMR: string[] = [];

/** The app's page after the code was redeemed: who signed in, and whether with MFA (acr, amr). */
async function expectSignedIn(page: Page, app: 'wiki' | 'payroll', email: string, mfa: boolean) {
  await expect(page).toHaveURL(new RegExp(`^${rp.base}/${app}/cb\\?`));
  await expect(page.getByTestId('email')).toHaveText(email);
  await expect(page.getByTestId('acr')).toHaveText(mfa ? 'urn:tessera:acr:mfa' : 'urn:tessera:acr:sfa');
  const amr = await shownAmr(page);
  if (mfa) expect(amr).toEqual(expect.arrayContaining(['otp', 'mfa']));
  else expect(amr ?? []).not.toContain('mfa');
}

const shownAmr = async (page: Page) =>
  JSON.parse((await page.getByTestId('amr').textContent())!) as string[] | null;

/** The ID token's amr, exactly (in any order); soft, so the sign-in goes on to its next step. */
async function expectAmr(page: Page, amr: string[]) {
  expect.soft([...((await shownAmr(page)) ?? [])].sort(), 'amr').toEqual([...amr].sort());
}

/** Tessera's enrollment page: the secret read off the page, a code from the reference TOTP. */
async function enrollMfa(page: Page, screen: string) {
  await expect(page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
  await expectAccessible(page, screen);
  const secret = (await page.locator('code.secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code from the app').fill(referenceTotp(base32Decode(secret), Date.now()));
  await page.getByRole('button', { name: 'Submit' }).click();
}

test('through the SAML IdP: the Wiki without MFA, then Payroll asks for MFA first', async ({ page }) => {
  await page.goto(`${rp.base}/wiki/login`);
  await expect(page.getByRole('heading', { name: 'Sign in to Wiki' })).toBeVisible();
  await expect(page.getByText('You continue to Wiki once you are signed in.')).toBeVisible();
  await expectAccessible(page, 'Sign in to Wiki');
  await page.getByLabel('Email').fill('alice@example.test');
  await page.getByRole('button', { name: 'Next' }).click();
  await samlIdpLogin(page, 'alice');
  await expectSignedIn(page, 'wiki', 'alice@example.test', false);
  await expectAmr(page, SAML_AMR);

  // Payroll in the same browser: the session without MFA is not enough for it. Tessera knows who
  // she is; the IdP's session answers without its form; then the enrollment.
  await page.goto(`${rp.base}/payroll/login`);
  await expect(page.getByRole('heading', { name: 'Sign in to Payroll' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('alice@example.test');
  await page.getByRole('button', { name: 'Next' }).click();
  await enrollMfa(page, 'MFA enrollment for Payroll');
  await expectSignedIn(page, 'payroll', 'alice@example.test', true);
  await expectAmr(page, [...SAML_AMR, 'otp', 'mfa']);
});

test('through the OIDC IdP: the Wiki without MFA, then Payroll asks for MFA first', async ({ page }) => {
  await startAt(page, 'wiki', 'Wiki', 'dave@oidc.test');
  await oidcProviderLogin(page, 'dave');
  await expectSignedIn(page, 'wiki', 'dave@oidc.test', false);
  await expectAmr(page, OIDC_AMR);

  await startAt(page, 'payroll', 'Payroll', 'dave@oidc.test');
  await enrollMfa(page, 'MFA enrollment for Payroll (OIDC)');
  await expectSignedIn(page, 'payroll', 'dave@oidc.test', true);
  await expectAmr(page, [...OIDC_AMR, 'otp', 'mfa']);
});

test('the app signs out through Tessera, which ends the SAML IdP session too', async ({ page }) => {
  await startAt(page, 'wiki', 'Wiki', 'alice@example.test');
  await samlIdpLogin(page, 'alice');
  await expectSignedIn(page, 'wiki', 'alice@example.test', false);
  const sloBefore = samlIdp.logoutRequests.length;

  await page.goto(`${rp.base}/wiki/logout`);
  await expect(page.getByRole('heading', { name: 'Sign out of Wiki?' })).toBeVisible();
  expect(page.url().startsWith(`${signinBase}/op/session/end`)).toBe(true);
  await expectAccessible(page, 'Sign out of Wiki?');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The IdP's Single Logout, then Tessera's signed-out page with the way back to the app.
  await expect(page.getByRole('status')).toHaveText('You are signed out of Tessera and of Test IdP.');
  expect(samlIdp.logoutRequests.length).toBe(sloBefore + 1);
  expect(samlIdp.logoutRequests.at(-1)).toMatchObject({ signed: true, nameId: 'alice', ended: 1 });
  await expectAccessible(page, 'Signed out (back to the app)');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'signed-out-continue-en.png') });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${rp.base}/wiki/bye`);
  await expect(page.getByRole('status')).toHaveText('You are signed out of the app.');

  // Signed out everywhere: Tessera asks for the email again, then the IdP for credentials.
  await page.goto(`${rp.base}/wiki/login`);
  await expect(page.getByRole('heading', { name: 'Sign in to Wiki' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('');
  await page.getByLabel('Email').fill('alice@example.test');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('an unregistered redirect URI stops at Tessera’s error page and is never visited', async ({ page }) => {
  for (const evil of [
    `${rp.base}/evil/cb`,
    `${rp.redirectUri('wiki')}x`,
    `${rp.redirectUri('wiki')}/../../evil`,
  ]) {
    const answer = await page.goto(`${rp.base}/wiki/login?redirect_uri=${encodeURIComponent(evil)}`);
    expect(answer?.status()).toBe(400);
    await expect(
      page.getByRole('heading', { name: 'The application’s sign-in request was refused' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('redirect_uri');
    expect(page.url().startsWith(`${signinBase}/op/auth?`)).toBe(true);
  }
  await expectAccessible(page, 'Refused sign-in request');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'refused-redirect-uri-en.png') });
  // The app server never saw anything but its own routes.
  expect(
    rp.requests.filter((path) => !/^\/((wiki|payroll)\/(login|cb|logout|bye)|favicon\.ico)$/.test(path)),
  ).toEqual([]);
});

test('shows "Sign in to Wiki" and "Sign out of Wiki?" in each language (800 px screenshots)', async ({
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const locales: Record<Lang, string> = { en: 'en-GB', sv: 'sv-SE', fi: 'fi-FI', pl: 'pl-PL' };
  for (const [lang, locale] of Object.entries(locales) as [Lang, string][]) {
    const t = PAGE_TEXT[lang];
    const context = await browser.newContext({ locale, viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${rp.base}/wiki/login`);
    await expect(page.getByRole('heading', { name: t.startTitleFor('Wiki') })).toBeVisible();
    await page.screenshot({ path: join(SHOTS, `sign-in-to-wiki-${lang}.png`) });
    // The fields by their ids: the labels are in the page's language.
    await page.locator('#email').fill('alice@example.test');
    await page.getByRole('button', { name: t.next }).click();
    await samlIdpLogin(page, 'alice');
    await expectSignedIn(page, 'wiki', 'alice@example.test', false);
    await page.goto(`${rp.base}/wiki/logout`);
    await expect(page.getByRole('heading', { name: t.opLogoutTitle('Wiki') })).toBeVisible();
    await page.screenshot({ path: join(SHOTS, `sign-out-of-wiki-${lang}.png`) });
    await context.close();
  }
});
