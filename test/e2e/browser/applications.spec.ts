/**
 * The Applications section end to end (issue #12): registered applications as the OAuth clients
 * of Tessera's OpenID Provider, against Tessera in browser mode with the real keychain and store.
 * A confidential application's secret is shown once and never again; redirect URIs are refused on
 * their field (by the renderer's check, and by the core's when the renderer is bypassed); a new
 * secret and a signing-key rotation each ask first. Screenshots at 800 px in every language.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ROOT, startTessera, type RunningTessera } from '../support/tessera';
import { freeTcpPort } from '../../support/peers';
import { openSection } from './admin';
import { chooseLanguage } from './certificates';
import { horizontalOverflow } from './a11y';
import { api } from './signin';

test.setTimeout(120_000);

const SCREENS = join(ROOT, 'test-results', 'screens');
const PAYROLL_URIS = [
  'https://payroll.example.test/oidc/callback',
  'https://payroll.example.test/alt/callback',
];

let dataDir: string;
let tessera: RunningTessera;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-apps-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(await freeTcpPort()) });
});
test.afterEach(async () => {
  await tessera?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openApplications(page: Page) {
  await page.goto(tessera.url);
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
  await openSection(page, 'Applications');
}

/** Everything the page holds, input values included: where a secret must not be. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document.body.innerText +
      [...document.querySelectorAll('input, textarea')]
        .map((el) => (el as HTMLInputElement).value)
        .join('\n'),
  );
}

/** The secret dialog's client ID and secret; closes it with "I have copied it". */
async function takeSecret(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name: `Client secret for ${name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Shown only this once');
  await expect(dialog).toContainText('system keychain');
  const clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
  const secret = await dialog.getByRole('textbox', { name: 'Client secret' }).inputValue();
  // Neither Escape nor a click beside it loses the secret: only the button closes it.
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'I have copied it' }).click();
  await expect(dialog).toBeHidden();
  return { clientId, secret };
}

test('a confidential application: a bad redirect URI refused on its field, two good ones, the secret shown once', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tessera.origin });
  await openApplications(page);
  // The MFA policy is off: the page says the switches do nothing yet.
  await expect(page.getByTestId('mfa-switches-idle')).toContainText('Mandatory for selected applications');

  await page.getByRole('button', { name: 'Add application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add application' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Payroll');
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('payroll');
  await expect(dialog.getByRole('radio', { name: 'Confidential' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Confidential' })).toHaveAccessibleDescription(
    'A server-side web app that can keep a secret.',
  );
  await expect(dialog.getByRole('checkbox', { name: 'openid' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'openid' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'groups' }).check();
  const redirects = dialog.getByRole('textbox', { name: 'Redirect URIs', exact: true });
  await redirects.fill(`${PAYROLL_URIS[0]}\nhttp://example.com/cb`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  // Refused before it is sent, on the field, in words.
  await expect(redirects).toHaveAttribute('aria-invalid', 'true');
  await expect(redirects).toHaveAccessibleDescription(
    /“http:\/\/example\.com\/cb” uses http on example\.com: use https/,
  );
  await expect(dialog).toBeVisible();

  // The core's own check, should the renderer's be bypassed: its refusal lands on the field too.
  // (The renderer encodes the channel: mfa%3Aapplication%3Asave.)
  const saveCall = (url: URL) => decodeURIComponent(url.pathname) === '/api/invoke/mfa:application:save';
  await page.route(saveCall, async (route) => {
    const body = JSON.parse(route.request().postData()!) as { application: { redirectUris: string[] } };
    body.application.redirectUris = [PAYROLL_URIS[0]!, 'https://payroll.example.test/cb#fragment'];
    await route.continue({ postData: JSON.stringify(body) });
  });
  await redirects.fill(PAYROLL_URIS.join('\n'));
  await expect(redirects).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(redirects).toHaveAccessibleDescription(/has a fragment/);
  await page.unroute(saveCall);

  // Two good redirect URIs: saved, and the secret is shown, once.
  await redirects.fill(PAYROLL_URIS.join('\n'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const secretDialog = page.getByRole('dialog', { name: 'Client secret for Payroll' });
  await secretDialog.getByRole('button', { name: 'Copy Client secret' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const { clientId, secret } = await takeSecret(page, 'Payroll');
  expect(clientId).toBe('payroll');
  expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  expect(copied).toBe(secret);

  const row = page.getByTestId('application-payroll');
  await expect(row).toContainText('payroll');
  await expect(row).toContainText('Confidential');
  await expect(row).toContainText('Secret made');
  await expect(row).not.toContainText('cannot sign in yet');
  expect(await pageText(page)).not.toContain(secret);

  // Reopened, the application shows everything it is, and never the secret.
  await page.getByRole('button', { name: 'Edit Payroll' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Payroll' });
  await expect(edit.getByRole('textbox', { name: 'Redirect URIs', exact: true })).toHaveValue(
    PAYROLL_URIS.join('\n'),
  );
  await expect(edit.getByRole('checkbox', { name: 'groups' })).toBeChecked();
  expect(await pageText(page)).not.toContain(secret);
  // An edit that keeps it confidential keeps its secret: no secret dialog.
  await edit.getByRole('switch', { name: 'Require MFA' }).check({ force: true });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Require MFA for Payroll' })).toBeChecked();
  // After a reload too (nothing in the renderer's memory).
  await page.reload();
  await openSection(page, 'Applications');
  await expect(page.getByTestId('application-payroll')).toBeVisible();
  expect(await pageText(page)).not.toContain(secret);
  // And the core never hands it out again.
  const listed = JSON.stringify(await api(tessera, 'mfa:application:list', {}));
  expect(listed).not.toContain(secret);
  expect(listed).toContain(PAYROLL_URIS[1]);

  // A client ID in use is refused on its field.
  await page.getByRole('button', { name: 'Add application' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Payroll again');
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('payroll');
  await dialog.getByRole('radio', { name: 'Public' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveAccessibleDescription(
    /Another application already uses the client ID “payroll”/,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a new secret asks first and replaces the old; the signing key rotates with overlap', async ({
  page,
}) => {
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Payroll',
      key: 'payroll',
      requireMfa: false,
      clientType: 'confidential',
      redirectUris: [PAYROLL_URIS[0]!],
      postLogoutRedirectUris: [],
      scopes: ['profile', 'email'],
      firstParty: true,
    },
  });
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: { name: 'Intranet', key: 'intranet', requireMfa: false, clientType: 'public' },
  });
  await openApplications(page);
  await expect(page.getByTestId('application-intranet')).toContainText(
    'No redirect URI: it cannot sign in yet.',
  );
  await expect(page.getByTestId('application-intranet')).toContainText('Public');
  await expect(page.getByTestId('application-intranet').getByRole('button', { name: /secret/ })).toHaveCount(
    0,
  );

  // New secret: asks, says the old one stops working, then shows the new one once.
  await page.getByRole('button', { name: 'New secret for Payroll' }).click();
  const confirm = page.getByRole('dialog', { name: 'A new secret for Payroll?' });
  await expect(confirm).toContainText('The current secret stops working at once');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'New secret for Payroll' }).click();
  await confirm.getByRole('button', { name: 'Make a new secret' }).click();
  const first = await takeSecret(page, 'Payroll');
  await page.getByRole('button', { name: 'New secret for Payroll' }).click();
  await confirm.getByRole('button', { name: 'Make a new secret' }).click();
  const second = await takeSecret(page, 'Payroll');
  expect(second.secret).not.toBe(first.secret);
  expect(await pageText(page)).not.toContain(second.secret);

  // The OpenID Provider card: what an application is configured with.
  const discovery = page.getByRole('textbox', { name: 'Discovery URL' });
  await expect(discovery).toHaveValue(/\/\.well-known\/openid-configuration$/);
  const provider = await api(tessera, 'op:provider:get', {});
  await expect(discovery).toHaveValue(provider.discoveryUrl);
  await expect(page.getByText(provider.issuer, { exact: true })).toBeVisible();

  // Rotate: asks, explains the overlap; the old key stays published, the new one signs.
  const keys = page.getByTestId('signing-keys');
  const before = provider.signingKeys.find((key) => key.active)!;
  await expect(keys.locator(`tr[data-kid="${before.kid}"]`)).toContainText('Signs new tokens');
  await page.getByRole('button', { name: 'Rotate signing key' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the signing key?' });
  await expect(rotate).toContainText('stays published until the tokens it signed have expired');
  await rotate.getByRole('button', { name: 'Rotate' }).click();
  await expect(rotate).toBeHidden();
  await expect(page.getByText('A new signing key signs tokens from now on.')).toBeVisible();
  const after = await api(tessera, 'op:provider:get', {});
  const active = after.signingKeys.find((key) => key.active)!;
  expect(active.kid).not.toBe(before.kid);
  expect(after.signingKeys.find((key) => key.kid === before.kid)?.removedAt).toBeGreaterThan(Date.now());
  await expect(keys.locator(`tr[data-kid="${active.kid}"]`)).toContainText('Signs new tokens');
  await expect(keys.locator(`tr[data-kid="${before.kid}"]`)).toContainText(/Published until/);
  await expect(keys.locator('tr[data-active]')).toHaveCount(1);

  // Delete asks, then the application is gone.
  await page.getByRole('button', { name: 'Delete Intranet' }).click();
  await page.getByRole('dialog', { name: 'Delete Intranet' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('application-intranet')).toHaveCount(0);
});

/** Nothing in the dialog is wider than the window, and it does not scroll sideways. */
function dialogOverflow(dialog: Locator) {
  return dialog.evaluate((root) => {
    const body = root.querySelector<HTMLElement>('.mantine-Modal-body') ?? root;
    const culprits = [...root.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { over: body.scrollWidth - body.clientWidth, culprits };
  });
}

const LANGUAGES = [
  { lang: 'en', label: 'English', section: 'Applications', add: 'Add application', save: 'Save' },
  { lang: 'sv', label: 'Svenska', section: 'Program', add: 'Lägg till program', save: 'Spara' },
  { lang: 'fi', label: 'Suomi', section: 'Sovellukset', add: 'Lisää sovellus', save: 'Tallenna' },
  { lang: 'pl', label: 'Polski', section: 'Aplikacje', add: 'Dodaj aplikację', save: 'Zapisz' },
] as const;

test('the Applications page, its dialog and the secret fit 800 px in every language', async ({ page }) => {
  mkdirSync(SCREENS, { recursive: true });
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Payroll (human resources)',
      key: 'payroll',
      requireMfa: true,
      clientType: 'confidential',
      redirectUris: PAYROLL_URIS,
      postLogoutRedirectUris: ['https://payroll.example.test/signed-out'],
      scopes: ['profile', 'email', 'groups'],
      firstParty: true,
    },
  });
  await api(tessera, 'mfa:application:save', {
    id: null,
    application: {
      name: 'Expenses desktop app',
      key: 'com.example.expenses-desktop',
      requireMfa: false,
      clientType: 'public',
      redirectUris: [],
      postLogoutRedirectUris: [],
      scopes: ['profile', 'offline_access'],
      firstParty: false,
    },
  });
  await api(tessera, 'op:signing-key:rotate', { confirm: true });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(tessera.url);
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
  // Opened in English (the burger's name changes with the language); the page stays as it changes.
  await openSection(page, 'Applications');
  for (const words of LANGUAGES) {
    await chooseLanguage(page, words.label);
    await expect(page.getByRole('heading', { level: 2, name: words.section })).toBeVisible();
    await expect(page.getByTestId('signing-keys')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    expect
      .soft(await horizontalOverflow(page), `Applications in ${words.lang}`)
      .toEqual({ over: 0, culprits: [] });
    await page.screenshot({ path: join(SCREENS, `${words.lang}-applications.png`), fullPage: true });

    // The add dialog, with a refused redirect URI; tall, so a taller window to see all of it.
    await page.getByRole('button', { name: words.add }).click();
    const dialog = page.getByRole('dialog', { name: words.add });
    await expect(dialog).toHaveCSS('opacity', '1');
    const fields = dialog.getByRole('textbox');
    await fields.nth(0).fill(`Layout ${words.lang}`);
    await fields.nth(1).fill(`layout-${words.lang}`);
    await fields.nth(2).fill('https://layout.example.test/callback\nhttp://example.com/cb');
    await dialog.getByRole('button', { name: words.save }).click();
    await expect(fields.nth(2)).toHaveAttribute('aria-invalid', 'true');
    expect
      .soft(await dialogOverflow(dialog), `the dialog in ${words.lang}`)
      .toEqual({ over: 0, culprits: [] });
    await page.setViewportSize({ width: 800, height: 1800 });
    await page.screenshot({ path: join(SCREENS, `${words.lang}-application-dialog.png`) });
    await page.setViewportSize({ width: 800, height: 900 });

    await fields.nth(2).fill('https://layout.example.test/callback');
    await dialog.getByRole('button', { name: words.save }).click();
    await expect(dialog).toBeHidden();
    const secret = page.getByRole('dialog').filter({ has: page.locator('input[data-secret]') });
    await expect(secret).toHaveCSS('opacity', '1');
    expect
      .soft(await dialogOverflow(secret), `the secret in ${words.lang}`)
      .toEqual({ over: 0, culprits: [] });
    await page.screenshot({ path: join(SCREENS, `${words.lang}-application-secret.png`) });
    await secret.getByRole('button').last().click();
    await expect(secret).toBeHidden();
  }
  await chooseLanguage(page, 'English');
});
