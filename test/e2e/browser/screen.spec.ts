/**
 * "Scan the screen" for real: under Xvfb, one Chromium window shows a QR code, another runs
 * Tessera, and getDisplayMedia captures the whole X screen (Chromium auto-selects it, as a person
 * would pick "Entire screen"). Needs a display; `npm test` runs Playwright under xvfb-run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openScreenPair, showImage } from '../support/screen';
import { startTessera } from '../support/tessera';
import { base32Decode, referenceTotp } from '../support/otp';
import { qrPng } from '../support/qr-images';
import { account, open, readCode } from './authenticator';
import { openScan } from './scan';

const SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';

test.skip(!process.env.DISPLAY, 'needs a display (npm test provides one with xvfb-run)');

test('Scan the screen finds the QR code shown in another window', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-screen-'));
  const tessera = await startTessera(dataDir);
  const screens = await openScreenPair({
    shower: { position: '760,0', size: '560,640' },
    app: { position: '0,0', size: '740,900' },
  });
  try {
    await showImage(
      screens.shower,
      await qrPng(`otpauth://totp/Screen:erin?secret=${SECRET}&issuer=Screen`, 360),
    );
    const page = screens.app;
    await open(page, tessera.url);
    const dialog = await openScan(page);
    await dialog.getByRole('button', { name: 'Scan the screen' }).click();
    await expect(dialog).toBeHidden();
    await expect(account(page, 'Screen (erin)')).toBeVisible();
    const shown = await readCode(page, 'Screen (erin)');
    const key = base32Decode(SECRET);
    expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
  } finally {
    await screens.close();
    await tessera.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
