/**
 * "Scan the screen" for real: under Xvfb, one Chromium window shows a QR code, another runs
 * Tessera, and getDisplayMedia captures the whole X screen (Chromium auto-selects it, as a person
 * would pick "Entire screen"). Needs a display; `npm test` runs Playwright under xvfb-run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM } from '../../../playwright.config';
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
  // Two browsers side by side on the X screen: no window manager, so the positions hold.
  const shower = await chromium.launch({
    ...CHROMIUM,
    headless: false,
    args: [...CHROMIUM.args, '--window-position=760,0', '--window-size=560,640', '--app=data:text/html,'],
  });
  const app = await chromium.launch({
    ...CHROMIUM,
    headless: false,
    args: [
      ...CHROMIUM.args,
      '--window-position=0,0',
      '--window-size=740,900',
      '--auto-select-desktop-capture-source=Entire screen',
    ],
  });
  try {
    const qrPage = await shower.newPage({ viewport: null });
    const png = await qrPng(`otpauth://totp/Screen:erin?secret=${SECRET}&issuer=Screen`, 360);
    await qrPage.setContent(
      `<body style="margin:0;background:#fff"><img alt="qr" src="data:image/png;base64,${png.toString('base64')}"></body>`,
    );
    await expect(qrPage.getByAltText('qr')).toBeVisible();

    const page = await app.newPage({ viewport: null });
    await open(page, tessera.url);
    const dialog = await openScan(page);
    await dialog.getByRole('button', { name: 'Scan the screen' }).click();
    await expect(dialog).toBeHidden();
    await expect(account(page, 'Screen (erin)')).toBeVisible();
    const shown = await readCode(page, 'Screen (erin)');
    const key = base32Decode(SECRET);
    expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
  } finally {
    await app.close();
    await shower.close();
    await tessera.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
