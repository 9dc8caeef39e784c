/**
 * Sign-out in Chromium (O2), against real peers: the test SAML IdP with login sessions and Single
 * Logout, and oidc-provider with RP-initiated logout. A person signs in and out through each; the
 * IdP's session really ends (the next sign-in asks for credentials again). The signed-out page is
 * screenshotted at 800 px in each language (test-results/signout/).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import {
  freeTcpPort,
  startOidcProvider,
  type RunningDns,
  type RunningOidcProvider,
} from '../../support/peers';
import { createTestPki } from '../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp } from '../../support/saml-idp';
import { samlIdpLogin } from './signin';
import { en } from '../../../renderer/src/i18n/locales/en';
import { sv } from '../../../renderer/src/i18n/locales/sv';
import { fi } from '../../../renderer/src/i18n/locales/fi';
import { pl } from '../../../renderer/src/i18n/locales/pl';
import { configureUpstreams, opSignIn, samlSignIn, signOut, startSignIn } from './signout';

test.setTimeout(120_000);

let dataDir: string;
let tessera: RunningTessera;
let samlIdp: RunningSamlIdp;
let oidc: RunningOidcProvider;
let dns: RunningDns;
let signinBase: string;

const SHOTS = join(__dirname, '..', '..', '..', 'test-results', 'signout');

test.beforeAll(async () => {
  const port = await freeTcpPort();
  signinBase = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-signout-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(port) });
  const pki = await createTestPki();
  samlIdp = await startSamlIdp({
    signer: pki.idp,
    users: { alice: { uid: 'alice@example.test' } },
    slo: ['HTTP-Redirect'],
    sessions: true,
  });
  oidc = await startOidcProvider(
    [`${signinBase}/oidc/callback`],
    { dave: { email: 'dave@oidc.test', email_verified: true } },
    { client: { post_logout_redirect_uris: [`${signinBase}/oidc/signed-out`] } },
  );

  // What other specs cover through the UI, set up through the same API.
  dns = await configureUpstreams(tessera, samlIdp, oidc, { automaticLogout: true });
});

test.afterAll(async () => {
  await tessera?.stop();
  await samlIdp?.stop();
  await oidc?.stop();
  await dns?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('signs in and out through the SAML IdP: Single Logout ends its session too', async ({ page }) => {
  await samlSignIn(page, signinBase, 'alice@example.test', 'alice');
  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('You are signed out of Tessera and of Test IdP.');
  expect(samlIdp.logoutRequests.at(-1)).toMatchObject({ signed: true, nameId: 'alice', ended: 1 });

  // The IdP asks for credentials again.
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await startSignIn(page, signinBase, 'alice@example.test');
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('signs in and out through the OpenID provider: its end-session endpoint ends its session', async ({
  page,
}) => {
  await startSignIn(page, signinBase, 'dave@oidc.test');
  await opSignIn(page, 'dave');
  await expect(page.getByText('You are signed in as dave@oidc.test')).toBeVisible();

  // Without signing out, the OP would sign him in again without asking.
  await signOut(page);
  await expect(page.getByText(/Do you want to sign-out/)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${signinBase}/oidc/signed-out\\?state=`));
  await expect(page.getByRole('status')).toHaveText('You are signed out of Tessera and of Corporate OIDC.');

  await startSignIn(page, signinBase, 'dave@oidc.test');
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('shows the signed-out page in each language (800 px screenshots)', async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const words = {
    'en-GB': 'You are signed out of Tessera and of Test IdP.',
    'sv-SE': 'Du är utloggad från Tessera och från Test IdP.',
    'fi-FI': 'Olet kirjautunut ulos Tesserasta ja palvelusta Test IdP.',
    'pl-PL': 'Wylogowano Cię z Tessery i z usługi Test IdP.',
  };
  for (const [locale, said] of Object.entries(words)) {
    const context = await browser.newContext({ locale, viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    // The sign-in pages follow the browser's language: the fields by their ids, not their labels.
    await page.goto(`${signinBase}/`);
    await page.locator('#email').fill('alice@example.test');
    await page.locator('button[type="submit"]').click();
    await samlIdpLogin(page, 'alice');
    await signOut(page);
    await expect(page.getByRole('status')).toHaveText(said);
    await page.screenshot({ path: join(SHOTS, `signed-out-${locale.slice(0, 2)}.png`) });
    await context.close();
  }

  // A refused answer: what the IdP said, and what to do.
  samlIdp.sloMode = 'error-status';
  try {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await samlSignIn(page, signinBase, 'alice@example.test', 'alice');
    await signOut(page);
    await expect(page.getByRole('alert')).toContainText(
      'Responder / PartialLogout: Session store unavailable',
    );
    await page.screenshot({ path: join(SHOTS, 'signed-out-failed-en.png') });
    await context.close();
  } finally {
    samlIdp.sloMode = 'normal';
  }
});

test('the admin sees the post-logout redirect URI to register when automatic logout is on', async ({
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [lang, words] of Object.entries({ en, sv, fi, pl })) {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    await context.addInitScript((chosen) => localStorage.setItem('tessera.language', chosen), lang);
    const page = await context.newPage();
    await page.goto(tessera.url);
    // At 800 px the sidebar is a drawer behind the burger.
    await page.getByRole('button', { name: words.header.toggleNav }).click();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: words.nav.identityProviders, exact: true })
      .click();
    await page.getByRole('button', { name: words.idp.actions.replace('{{name}}', 'Corporate OIDC') }).click();
    await page.getByRole('menuitem', { name: words.common.edit, exact: true }).click();
    const dialog = page.getByRole('dialog', {
      name: words.oidc.editTitle.replace('{{name}}', 'Corporate OIDC'),
    });
    await expect(dialog.getByRole('switch', { name: words.oidc.automaticLogout })).toBeChecked();
    await expect(dialog).toContainText(`${words.oidc.postLogoutRedirectUri}: ${signinBase}/oidc/signed-out`);
    await dialog.getByText(words.oidc.postLogoutRedirectUri).scrollIntoViewIfNeeded();
    await dialog.screenshot({ path: join(SHOTS, `oidc-automatic-logout-${lang}.png`) });
    // Off, the address is no longer asked for.
    await dialog.getByRole('switch', { name: words.oidc.automaticLogout }).uncheck({ force: true });
    await expect(dialog).not.toContainText(words.oidc.postLogoutRedirectUri);
    await context.close();
  }
});
