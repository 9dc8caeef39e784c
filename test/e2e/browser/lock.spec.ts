/**
 * The app lock end to end: turned on in the settings, "Lock Tessera", a wrong and a right password,
 * locked again after a restart, auto-lock after the idle time with no one touching the window, and
 * turned off again — in Debian's Chromium against browser mode with the real keychain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { account, addByUri, lockScreen, open, openSettings, unlock } from './authenticator';

const NAME = 'Wonderland (alice)';
const URI = 'otpauth://totp/Wonderland:alice?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Wonderland';
const PASSWORD = 'through the looking glass';

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

test('app lock: on, lock, wrong and right password, locked after a restart and after idle time, off', async ({
  page,
}) => {
  // One idle minute (the shortest auto-lock) plus the status poll.
  test.setTimeout(180_000);
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await expect(await addByUri(page, URI)).toBeHidden();

  let settings = await openSettings(page);
  await settings.getByLabel('New password', { exact: true }).fill('short');
  await expect(settings.getByText('At least 8 characters.')).toBeVisible();
  await settings.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await settings.getByLabel('Repeat the new password').fill(`${PASSWORD}!`);
  await expect(settings.getByText('The two passwords differ.')).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Turn on app lock' })).toBeDisabled();
  await settings.getByLabel('Repeat the new password').fill(PASSWORD);
  await settings.getByRole('button', { name: 'Turn on app lock' }).click();
  await expect(page.getByText('App lock is on.')).toBeVisible();
  // Longer than now (5 minutes) weakens the lock: only with the password.
  await settings.getByRole('combobox', { name: 'Lock after inactivity' }).click();
  await page.getByRole('option', { name: '1 hour', exact: true }).click();
  await settings.getByLabel('Current password, to lock later').fill(PASSWORD);
  await settings.getByRole('button', { name: 'Apply' }).click();
  await expect(settings.getByLabel('Current password, to lock later')).toBeHidden();
  await expect(settings.getByRole('combobox', { name: 'Lock after inactivity' })).toHaveValue('1 hour');
  // Shorter applies at once.
  await settings.getByRole('combobox', { name: 'Lock after inactivity' }).click();
  await page.getByRole('option', { name: '1 minute', exact: true }).click();
  await expect(settings.getByRole('combobox', { name: 'Lock after inactivity' })).toHaveValue('1 minute');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Locked by hand: the codes leave the page; a wrong password is refused.
  await page.getByRole('button', { name: 'Lock Tessera' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByText('Wonderland')).toHaveCount(0);
  await unlock(page, 'not the password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('That is not the app lock password.');
  await expect(lockScreen(page)).toBeVisible();
  await unlock(page, PASSWORD);
  await expect(account(page, NAME)).toBeVisible();

  // A restart starts locked.
  await tessera.stop();
  tessera = await startTessera(dataDir);
  await page.goto(tessera.url);
  await expect(lockScreen(page)).toBeVisible();
  await unlock(page, PASSWORD);
  await expect(account(page, NAME)).toBeVisible();

  // Nobody touches the window: after a minute Tessera locks itself and the page follows.
  const idleFrom = Date.now();
  await expect(lockScreen(page)).toBeVisible({ timeout: 100_000 });
  expect(Date.now() - idleFrom).toBeGreaterThanOrEqual(55_000);
  await expect(page.getByText('Wonderland')).toHaveCount(0);
  await unlock(page, PASSWORD);

  // Off again, with the password; the next start opens straight to the codes.
  settings = await openSettings(page);
  await settings.getByLabel('Current password', { exact: true }).fill(PASSWORD);
  await settings.getByRole('button', { name: 'Turn off app lock' }).click();
  await expect(page.getByText('App lock is off.')).toBeVisible();
  await tessera.stop();
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  await expect(account(page, NAME)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock Tessera' })).toHaveCount(0);
});
