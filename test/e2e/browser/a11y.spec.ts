/**
 * Accessibility (issue #13): axe-core on every screen of the app — the authenticator, each admin
 * section, the dialogs, a Test SSO result — and on the sign-in service's own pages, in the light and
 * the dark scheme, with no critical or serious violation. Real peers: the test SAML IdP, the
 * keychain, the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/a11y';
import { startTessera, type RunningTessera } from '../support/tessera';
import { freeTcpPort } from '../../support/peers';
import { createTestPki } from '../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp } from '../../support/saml-idp';
import { ACCOUNT, ADMIN_SECTIONS, LOCAL_USER, populate } from './a11y';
import { base32Decode, referenceTotp } from '../support/otp';
import { chooseAddIdp, idpCard, openSection } from './admin';
import { open } from './authenticator';
import { samlIdpLogin, testSso } from './signin';

test.setTimeout(180_000);

let dataDir: string;
let tessera: RunningTessera;
let samlIdp: RunningSamlIdp;
let signinPort: number;

test.beforeAll(async () => {
  signinPort = await freeTcpPort();
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-a11y-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(signinPort) });
  const pki = await createTestPki();
  samlIdp = await startSamlIdp({ signer: pki.idp, users: { alice: { uid: 'alice@example.test' } } });
  await populate(tessera, samlIdp);
});
test.afterAll(async () => {
  await tessera?.stop();
  await samlIdp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens a dialog by `open`, checks it, closes it with Escape. */
async function dialog(page: Page, name: string | RegExp, openIt: () => Promise<unknown>) {
  await openIt();
  const shown = page.getByRole('dialog', { name });
  await expect(shown).toBeVisible();
  await expectAccessible(page, `dialog “${String(name)}”`);
  return shown;
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('the authenticator and its dialogs', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tessera.origin });
  await open(page, tessera.url);
  await expect(page.getByRole('listitem', { name: ACCOUNT.name })).toBeVisible();
  await expectAccessible(page, 'Authenticator');

  // A notification (its close button too).
  await page.getByRole('button', { name: `Copy code for ${ACCOUNT.name}` }).click();
  await expect(page.locator('.mantine-Notification-root')).toBeVisible();
  await expectAccessible(page, 'Authenticator with a notification');

  const add = await dialog(page, 'Add an account', () =>
    page.getByRole('button', { name: 'Add account' }).click(),
  );
  for (const tab of await add.getByRole('tab').all()) {
    await tab.click();
    await expectAccessible(page, `Add an account: ${await tab.textContent()}`);
  }
  await closeDialog(page);

  await dialog(page, 'Authenticator settings', () => page.getByRole('button', { name: 'Settings' }).click());
  await closeDialog(page);

  await dialog(page, /Rename|Edit/, () =>
    page
      .getByRole('listitem', { name: ACCOUNT.name })
      .getByRole('button', { name: /^(Rename|Edit)/ })
      .click(),
  );
  await closeDialog(page);

  await page.getByRole('button', { name: 'Backup' }).click();
  await expectAccessible(page, 'Backup menu');
  const items = await page.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  for (const item of items) {
    await dialog(page, /./, async () => {
      await page.getByRole('button', { name: 'Backup' }).click();
      await page.getByRole('menuitem', { name: item }).click();
    });
    await closeDialog(page);
  }
});

test('every admin section', async ({ page }) => {
  await open(page, tessera.url);
  for (const section of ADMIN_SECTIONS) {
    await openSection(page, section);
    await expectAccessible(page, section);
  }
});

test('the identity providers’ menus and dialogs, the SAML wizard step by step', async ({ page }) => {
  await open(page, tessera.url);
  await openSection(page, 'Identity providers');
  await expect(idpCard(page, 'Test IdP')).toBeVisible();
  await page.getByRole('button', { name: 'Add identity provider' }).click();
  await expectAccessible(page, 'Add identity provider menu');
  await page.keyboard.press('Escape');
  await idpCard(page, 'Test IdP').getByRole('button', { name: 'Actions for Test IdP' }).click();
  await expectAccessible(page, 'IdP actions menu');
  await page.keyboard.press('Escape');
  // SAML wizard, step by step.
  await chooseAddIdp(page, 'SAML 2.0');
  const wizard = page.getByRole('dialog', { name: 'Add a SAML identity provider' });
  await expectAccessible(page, 'SAML wizard: certificate');
  await wizard.getByRole('button', { name: 'Create certificate' }).click();
  await expect(wizard.getByText('Current SP certificate')).toBeVisible();
  await expectAccessible(page, 'SAML wizard: certificate created');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expectAccessible(page, 'SAML wizard: SP metadata');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expectAccessible(page, 'SAML wizard: IdP metadata');
  await wizard.locator('input[type="file"]').setInputFiles({
    name: 'idp.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(samlIdp.metadataXml()),
  });
  await expect(wizard.getByTestId('metadata-preview')).toBeVisible();
  await expectAccessible(page, 'SAML wizard: IdP metadata read');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expectAccessible(page, 'SAML wizard: name');
  await closeDialog(page);

  await dialog(page, 'Add an OpenID Connect identity provider', () => chooseAddIdp(page, 'OpenID Connect'));
  await closeDialog(page);
  await dialog(page, 'Edit Corporate OIDC', async () => {
    await idpCard(page, 'Corporate OIDC').getByRole('button', { name: 'Actions for Corporate OIDC' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
  });
  await closeDialog(page);
  await dialog(page, 'Delete Test IdP?', async () => {
    await idpCard(page, 'Test IdP').getByRole('button', { name: 'Actions for Test IdP' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
  });
  await closeDialog(page);
});

test('a Test SSO result, in the console and on the sign-in page', async ({ page }) => {
  await open(page, tessera.url);
  await openSection(page, 'Identity providers');
  // Test SSO: waiting, then a failed result with its diagnosis.
  samlIdp.mode = 'wrong-audience';
  const result = await testSso(page, 'Test IdP', async (tab) => {
    await samlIdpLogin(tab, 'alice');
    await expect(tab.getByRole('heading', { name: 'Test SSO failed' })).toBeVisible();
    await expectAccessible(tab, 'Sign-in page: Test SSO result');
  });
  await expect(result.locator('[data-status="fail"]')).toHaveCount(1);
  await expectAccessible(page, 'Test SSO result');
  for (const button of await result.getByRole('button', { expanded: false }).all()) await button.click();
  await expectAccessible(page, 'Test SSO result, every part open');
  await closeDialog(page);
  samlIdp.mode = 'normal';
});

test('the rule editor and the simulator', async ({ page }) => {
  await open(page, tessera.url);
  await openSection(page, 'Routing rules');
  await dialog(page, 'Add routing rule', () => page.getByRole('button', { name: 'Add rule' }).click());
  await closeDialog(page);
  await page.getByRole('textbox', { name: 'Email' }).fill('ann@example.test');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('simulation')).toBeVisible();
  await expectAccessible(page, 'Routing simulator result');
});

test('the applications: the dialog, a secret shown once, the confirmations', async ({ page }) => {
  await open(page, tessera.url);
  await openSection(page, 'Applications');
  await expect(page.getByTestId('signing-keys')).toBeVisible();
  await expectAccessible(page, 'Applications');
  await dialog(page, 'Add application', () => page.getByRole('button', { name: 'Add application' }).click());
  // Refused fields, as a person sees them.
  const add = page.getByRole('dialog', { name: 'Add application' });
  await add.getByRole('textbox', { name: 'Redirect URIs', exact: true }).fill('http://example.com/cb');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(
    add.getByText('“http://example.com/cb” uses http on example.com', { exact: false }),
  ).toBeVisible();
  await expectAccessible(page, 'Add application, refused');
  await closeDialog(page);
  await dialog(page, 'Edit Expenses desktop app', () =>
    page.getByRole('button', { name: 'Edit Expenses desktop app' }).click(),
  );
  await closeDialog(page);

  await dialog(page, 'A new secret for Payroll?', () =>
    page.getByRole('button', { name: 'New secret for Payroll' }).click(),
  );
  await page.getByRole('button', { name: 'Make a new secret' }).click();
  const secret = page.getByRole('dialog', { name: 'Client secret for Payroll' });
  await expect(secret).toBeVisible();
  await expectAccessible(page, 'the client secret, shown once');
  await secret.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await dialog(page, 'Rotate the signing key?', () =>
    page.getByRole('button', { name: 'Rotate signing key' }).click(),
  );
  await closeDialog(page);
});

test('the sign-in service’s pages', async ({ page }) => {
  const base = `http://127.0.0.1:${signinPort}`;
  await page.goto(`${base}/`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'Sign-in: email and application');

  // A callback that answers no request: the error page.
  await page.goto(`${base}/oidc/callback`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'Sign-in: error');

  // The built-in identity (the default rule), for an application that requires MFA.
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill('bob@example.test');
  await page.getByLabel('Application').selectOption({ label: 'Payroll' });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'Sign-in: password, refused');
  await page.getByLabel('Password').fill(LOCAL_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
  await expectAccessible(page, 'Sign-in: MFA enrollment');
  const secret = (await page.getByLabel('Secret key').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code from the app').fill(referenceTotp(base32Decode(secret), Date.now()));
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(`You are signed in as ${LOCAL_USER.email}`)).toBeVisible();
  await expectAccessible(page, 'Sign-in: signed in');
});
