/**
 * "Use the camera": Chromium's fake camera plays a video of a QR code (generated here); Tessera
 * scans frames until it finds the code, adds the account and stops the camera.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM } from '../../../playwright.config';
import { startTessera } from '../support/tessera';
import { base32Decode, referenceTotp } from '../support/otp';
import { qrY4m } from '../support/qr-images';
import { account, open, readCode } from './authenticator';
import { openScan } from './scan';

const SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';

test('the camera finds the code, the account is added, the camera stops', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-camera-'));
  const video = join(dir, 'qr.y4m');
  writeFileSync(video, await qrY4m(`otpauth://totp/Camera:frank?secret=${SECRET}&issuer=Camera`));
  const tessera = await startTessera(join(dir, 'data'));
  const browser = await chromium.launch({
    ...CHROMIUM,
    args: [
      ...CHROMIUM.args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await browser.newPage();
    await open(page, tessera.url);
    const dialog = await openScan(page);
    await dialog.getByRole('button', { name: 'Use the camera' }).click();
    await expect(account(page, 'Camera (frank)')).toBeVisible();
    await expect(dialog).toBeHidden();
    const shown = await readCode(page, 'Camera (frank)');
    const key = base32Decode(SECRET);
    expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
    // Once found, the camera is off: no live video track is left anywhere in the page.
    expect(await page.evaluate(() => [...document.querySelectorAll('video')].length)).toBe(0);
  } finally {
    await browser.close();
    await tessera.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a denied camera gets a plain message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-camera-'));
  const tessera = await startTessera(join(dir, 'data'));
  const browser = await chromium.launch({
    ...CHROMIUM,
    args: [...CHROMIUM.args, '--use-fake-device-for-media-stream'],
  });
  try {
    const context = await browser.newContext();
    await context.clearPermissions(); // headless Chromium denies what is not granted
    const page = await context.newPage();
    await open(page, tessera.url);
    const dialog = await openScan(page);
    await dialog.getByRole('button', { name: 'Use the camera' }).click();
    await expect(dialog.getByRole('alert')).toContainText(/Camera access was denied|No camera was found/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.getByRole('button', { name: 'Use the camera' })).toBeVisible();
  } finally {
    await browser.close();
    await tessera.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
