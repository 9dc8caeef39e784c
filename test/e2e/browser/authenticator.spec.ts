/**
 * The authenticator slice end to end: the built renderer in Debian's Chromium, against Tessera in
 * browser mode, with the real keychain and an encrypted database on disk.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import keytar from 'keytar';
import { PNG } from 'pngjs';
import { startTessera, type RunningTessera } from '../support/tessera';
import { base32Decode, referenceHotp, referenceTotp } from '../support/otp';
import { account, addByUri, deleteAccount, open, readCode } from './authenticator';

const SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ'; // "TestSecretSuperSecret"
const ISSUER = 'Wonderland';
const LABEL = 'alice.liddell@wonderland.example';
const NAME = `${ISSUER} (${LABEL})`;
const URI = `otpauth://totp/${ISSUER}:${encodeURIComponent(LABEL)}?secret=${SECRET}&issuer=${ISSUER}`;

let dataDir: string;
let tessera: RunningTessera | undefined;

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-'));
});
test.afterEach(async () => {
  await tessera?.stop();
  tessera = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The code must be the reference code of the moment it was read (or the step just before it). */
function expectCorrectCode(shown: { code: string; at: number }, secret = SECRET) {
  const key = base32Decode(secret);
  expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
}

async function keychainItems(): Promise<string[]> {
  const { vaultId } = JSON.parse(readFileSync(join(dataDir, 'tessera.json'), 'utf8')) as { vaultId: string };
  return (await keytar.findCredentials('Tessera'))
    .map((c) => c.account)
    .filter((a) => a.startsWith(`totp:${vaultId}:`));
}

test('add by URI, read and copy the code, survive a restart, delete', async ({ page, context }) => {
  tessera = await startTessera(dataDir);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tessera.origin });
  await open(page, tessera.url);
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token');

  await expect(page.getByText('No accounts yet')).toBeVisible();
  const dialog = await addByUri(page, URI);
  await expect(dialog).toBeHidden();
  await expect(account(page, NAME)).toBeVisible();
  expectCorrectCode(await readCode(page, NAME));
  await expect(account(page, NAME).getByLabel(/seconds left/)).toBeVisible();

  await account(page, NAME).getByRole('button', { name: 'Copy code' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expectCorrectCode({ code: copied, at: Date.now() });

  // The secret lives in the keychain only.
  expect(await keychainItems()).toHaveLength(1);

  // Restart on the same data folder: a new token, the same account and codes.
  await tessera.stop();
  const files = Buffer.concat(
    readdirSync(dataDir)
      .filter((f) => f.startsWith('tessera.db'))
      .map((f) => readFileSync(join(dataDir, f))),
  );
  for (const needle of [SECRET, LABEL, ISSUER, base32Decode(SECRET).toString('latin1')]) {
    expect(files.includes(Buffer.from(needle, 'latin1')), `"${needle}" in the database files`).toBe(false);
  }
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await expect(account(page, NAME)).toBeVisible();
  expectCorrectCode(await readCode(page, NAME));

  await deleteAccount(page, NAME);
  await expect(account(page, NAME)).toBeHidden();
  await expect(page.getByText('No accounts yet')).toBeVisible();
  expect(await keychainItems()).toHaveLength(0);
});

test('the clipboard delay is a setting: a copied code is cleared after it, and it survives a restart', async ({
  page,
  context,
}) => {
  tessera = await startTessera(dataDir);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tessera.origin });
  await open(page, tessera.url);
  await expect(await addByUri(page, URI)).toBeHidden();

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Authenticator settings' });
  const seconds = dialog.getByRole('textbox', { name: 'Clear a copied code after (seconds)' });
  await expect(seconds).toHaveValue('30');
  await seconds.fill('2');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await seconds.fill('5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await account(page, NAME).getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByText('It is cleared from the clipboard in 5 seconds.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\d{6}$/);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 }).toBe('');

  await tessera.stop();
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Authenticator settings' })
      .getByRole('textbox', { name: /Clear a copied code/ }),
  ).toHaveValue('5');
});

test('a hostile setup link is refused with a clear message and nothing is added', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  const dialog = await addByUri(page, `otpauth://totp/PayPal:alice?secret=${SECRET}&issuer=Evil`);
  await expect(dialog.getByRole('alert')).toContainText('the issuer parameter says “Evil”');
  await dialog
    .getByRole('textbox', { name: 'Setup link' })
    .fill(`otpauth://totp/x?secret=${SECRET}&digits=12`);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Codes must have 6 to 8 digits');
  // Issue #13: Steam Guard is named, and a short secret says so with the minimum.
  const link = dialog.getByRole('textbox', { name: 'Setup link' });
  await link.fill(`otpauth://totp/Steam:gamer?secret=${SECRET}&issuer=Steam&encoder=steam`);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This is a Steam Guard account');
  await link.fill('otpauth://totp/Short:x?secret=JBSWY3DP');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'The secret is too short: it has 40 bits, and at least 80 (16 base32 characters) are needed',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('manual entry of an HOTP account, and "next code" moves the counter', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog.getByRole('tab', { name: 'Enter a key' }).click();
  await dialog.getByLabel('Issuer').fill('Counter Co');
  await dialog.getByLabel('Account').fill('bob');
  // RFC 4226's test secret, typed the way people do: lowercase with spaces.
  await dialog.getByLabel('Secret key').fill('gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
  await dialog.getByText('Counter-based (HOTP)').click();
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();

  const name = 'Counter Co (bob)';
  const key = Buffer.from('12345678901234567890');
  await expect(page.getByRole('status', { name: `Code for ${name}` })).toHaveText('755 224');
  expect(referenceHotp(key, 0)).toBe('755224');
  await account(page, name).getByRole('button', { name: 'Next code' }).click();
  await expect(page.getByRole('status', { name: `Code for ${name}` })).toHaveText('287 082');
  await expect(account(page, name)).toContainText('Counter 1');

  // The counter is persisted.
  await tessera.stop();
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await expect(page.getByRole('status', { name: `Code for ${name}` })).toHaveText('287 082');
});

test('the manual form checks its fields before sending', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog.getByRole('tab', { name: 'Enter a key' }).click();
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByText('This field is required.').first()).toBeVisible();
  await dialog.getByLabel('Account').fill('carol');
  await dialog.getByLabel('Secret key').fill('this is not base32!');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not valid base32');
});

test('the interface speaks Swedish, Finnish and Polish, and switches theme', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  for (const [language, heading] of [
    ['Svenska', 'Autentiserare'],
    ['Suomi', 'Todennussovellus'],
    ['Polski', 'Uwierzytelniacz'],
    ['English', 'Authenticator'],
  ] as const) {
    await page.getByRole('combobox', { name: /Language|Språk|Kieli|Język/ }).click();
    await page.getByRole('option', { name: language }).click();
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  const scheme = () =>
    page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
  const before = await scheme();
  await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
  expect(await scheme()).not.toBe(before);
});

test('every admin section is reachable and built (none says "coming soon")', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  for (const section of [
    'Organization',
    'Identity providers',
    'Routing rules',
    'Attribute mapping',
    'MFA policy',
    'Applications',
    'Certificates',
    'Directory',
    'Audit log',
  ]) {
    await page.getByRole('navigation').getByRole('button', { name: section, exact: true }).click();
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
    await expect(page.getByText('Coming soon')).toHaveCount(0);
  }
});

test('a page without the session token cannot call Tessera', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await page.goto(tessera.origin + '/');
  const result = await page.evaluate(async () => {
    const response = await fetch('/api/invoke/totp:account:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return response.status;
  });
  expect(result).toBe(401);
});

test('without a keychain, Tessera says why in plain words and offers nothing that would store a secret', async ({
  page,
}) => {
  tessera = await startTessera(dataDir, { DBUS_SESSION_BUS_ADDRESS: '', TESSERA_KEYRING_PASSWORD: '' });
  await page.goto(tessera.url);
  const banner = page.getByRole('alert').filter({ hasText: 'The system keychain is not available' });
  await expect(banner).toContainText('set TESSERA_KEYRING_PASSWORD');
  await expect(banner).toContainText('nowhere else');
  await expect(page.getByRole('button', { name: 'Add account' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Suomi' }).click();
  await expect(page.getByRole('alert')).toContainText('aseta TESSERA_KEYRING_PASSWORD');
});

test('rename an account and change the order; both survive a restart', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  for (const uri of [URI, `otpauth://totp/Second:bob?secret=${SECRET}&issuer=Second`]) {
    await (await addByUri(page, uri)).waitFor({ state: 'hidden' });
  }
  await account(page, NAME)
    .getByRole('button', { name: `Edit ${NAME}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await dialog.getByLabel('Issuer').fill('Looking Glass');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const renamed = `Looking Glass (${LABEL})`;
  await expect(account(page, renamed)).toBeVisible();

  await expect(page.getByRole('button', { name: `Move ${renamed} up` })).toBeDisabled();
  await page.getByRole('button', { name: 'Move Second (bob) up' }).click();
  await expect(page.getByRole('listitem').first()).toHaveAccessibleName('Second (bob)');

  await tessera.stop();
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await expect(page.getByRole('listitem').first()).toHaveAccessibleName('Second (bob)');
  await expect(page.getByRole('listitem').nth(1)).toHaveAccessibleName(renamed);
});

test('export one account as a QR code: a warning first, the image only on request', async ({ page }) => {
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await (await addByUri(page, URI)).waitFor({ state: 'hidden' });
  await account(page, NAME)
    .getByRole('button', { name: `Show ${NAME} as a QR code` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Move to another authenticator' });
  await expect(dialog.getByRole('note')).toContainText('Anyone who sees this QR code');
  await expect(dialog.getByRole('img', { name: `QR code for ${NAME}` })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show the QR code' }).click();
  const image = dialog.getByRole('img', { name: `QR code for ${NAME}` });
  const src = (await image.getAttribute('src'))!;
  const png = PNG.sync.read(Buffer.from(src.replace('data:image/png;base64,', ''), 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  const uri = new URL(decoded!.data);
  expect(uri.protocol).toBe('otpauth:');
  expect(base32Decode(uri.searchParams.get('secret')!)).toEqual(base32Decode(SECRET));
  expect(uri.searchParams.get('issuer')).toBe(ISSUER);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});
