/**
 * The clock check end to end: a real NTP server (chronyd) on 127.0.0.1, and Tessera started under
 * libfaketime five minutes ahead — a computer with a wrong clock. The authenticator warns, says by
 * how much and what to do; with the clock right, the settings say so and nothing warns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { startChrony, type RunningChrony } from '../../support/ntp-server';
import { open, openSettings } from './authenticator';

let dataDir: string;
let tessera: RunningTessera | undefined;
let chrony: RunningChrony | undefined;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-'));
  chrony = await startChrony();
});
test.afterEach(async () => {
  await tessera?.stop();
  tessera = undefined;
  await chrony?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a clock five minutes ahead is called out; a right one is not', async ({ page }) => {
  const server = `127.0.0.1:${chrony!.port}`;
  tessera = await startTessera(dataDir, {}, { clockOffset: '+5m' });
  await open(page, tessera.url);

  const settings = await openSettings(page);
  const field = settings.getByRole('textbox', { name: 'Time server for the clock check' });
  await expect(field).toHaveValue('pool.ntp.org:123');
  await field.fill('http://evil.example/');
  await expect(settings.getByText('is not a time server')).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Save' })).toBeDisabled();
  await field.fill(server);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  const warning = page.getByRole('alert').filter({ hasText: 'This computer’s clock is off' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(
    new RegExp(`The clock is (4 min 59|5 min 0|5 min 1) s ahead of the time server ${server}`),
  );
  await expect(warning).toContainText('Turn on automatic date and time');

  // The same data folder with the clock right: no warning, and the settings say it was checked.
  await tessera.stop();
  tessera = await startTessera(dataDir);
  await open(page, tessera.url);
  const again = await openSettings(page);
  await expect(again.getByRole('status', { name: 'Last clock check' })).toContainText(
    `with ${server}: the clock is right.`,
  );
  await page.keyboard.press('Escape');
  await expect(page.getByText('This computer’s clock is off')).toHaveCount(0);
});
