/**
 * Adding accounts from QR codes, end to end in Chromium against browser mode: image file, pasted
 * image, a Google Authenticator export in two parts, and the hostile cases. Every spec runs with
 * the network cut to everything but Tessera itself, so decoding cannot lean on a CDN.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { base32Decode, referenceTotp } from '../support/otp';
import { blankPng, hugeDeclaredPng, migrationUri, qrPng, sideBySide } from '../support/qr-images';
import { account, addByUri, open, readCode } from './authenticator';
import { dropImage, openScan, pasteImage } from './scan';

const SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
let dataDir: string;
let tessera: RunningTessera | undefined;
let offOrigin: string[];

test.beforeEach(async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-scan-'));
  tessera = await startTessera(dataDir);
  offOrigin = [];
  const origin = tessera.origin;
  // The network is cut: only Tessera's own origin answers.
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    offOrigin.push(url);
    return route.abort('internetdisconnected');
  });
  await open(page, tessera.url);
});
test.afterEach(async () => {
  expect(offOrigin, 'requests that left the machine').toEqual([]);
  await tessera?.stop();
  tessera = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

function expectCode(shown: { code: string; at: number }, secret: string) {
  const key = base32Decode(secret);
  expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
}

test('an image file with a QR code adds the account, decoded by the bundled WebAssembly', async ({
  page,
}) => {
  const wasm: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  const dialog = await openScan(page);
  await dropImage(page, 'setup.png', await qrPng(`otpauth://totp/Scan:alice?secret=${SECRET}&issuer=Scan`));
  await expect(dialog).toBeHidden();
  await expect(account(page, 'Scan (alice)')).toBeVisible();
  expectCode(await readCode(page, 'Scan (alice)'), SECRET);
  expect(wasm.length).toBeGreaterThan(0);
  for (const url of wasm) expect(url.startsWith(tessera!.origin)).toBe(true);
});

test('a pasted image is scanned', async ({ page }) => {
  await openScan(page);
  await pasteImage(page, await qrPng(`otpauth://totp/Paste:bob?secret=${SECRET}&issuer=Paste`));
  await expect(account(page, 'Paste (bob)')).toBeVisible();
  expectCode(await readCode(page, 'Paste (bob)'), SECRET);
});

test('two codes in one image: the person picks one', async ({ page }) => {
  const dialog = await openScan(page);
  const png = sideBySide([
    await qrPng(`otpauth://totp/First:one?secret=${SECRET}&issuer=First`, 300),
    await qrPng(`otpauth://totp/Second:two?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Second`, 300),
  ]);
  await dropImage(page, 'two.png', png);
  await dialog.getByRole('radio', { name: 'Second (two)' }).check();
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(account(page, 'Second (two)')).toBeVisible();
  await expect(account(page, 'First (one)')).toBeHidden();
});

test('a Google Authenticator export in two codes: preview, duplicates, import', async ({ page }) => {
  const existing = `otpauth://totp/Old:kept?secret=${SECRET}&issuer=Old`;
  await (await addByUri(page, existing)).waitFor({ state: 'hidden' });
  const a = Buffer.from('12345678901234567890');
  const b = Buffer.from('abcdefghijklmnopqrst');
  const part1 = migrationUri(
    [
      { secret: base32Decode(SECRET), name: 'kept', issuer: 'Old' },
      { secret: a, name: 'carol@example.com', issuer: 'Mail' },
    ],
    { index: 0, size: 2, id: 4242 },
  );
  const part2 = migrationUri([{ secret: b, name: 'dave', issuer: 'Chat' }], { index: 1, size: 2, id: 4242 });

  const dialog = await openScan(page);
  await dropImage(page, 'export-1.png', await qrPng(part1));
  await expect(dialog.getByRole('alert')).toContainText('This export has 2 codes');
  await expect(dialog.getByRole('checkbox', { name: 'Old (kept)' })).not.toBeChecked();
  await expect(dialog.getByText('Already in Tessera')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Mail (carol@example.com)' })).toBeChecked();

  await dialog
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'export-2.png', mimeType: 'image/png', buffer: await qrPng(part2) });
  await expect(dialog.getByRole('checkbox', { name: 'Chat (dave)' })).toBeChecked();
  await expect(dialog.getByText('This export has 2 codes')).toBeHidden();
  await dialog.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(dialog).toBeHidden();

  await expect(account(page, 'Mail (carol@example.com)')).toBeVisible();
  await expect(account(page, 'Chat (dave)')).toBeVisible();
  const shown = await readCode(page, 'Mail (carol@example.com)');
  expect([referenceTotp(a, shown.at), referenceTotp(a, shown.at - 1500)]).toContain(shown.code);
  await expect(page.getByRole('listitem')).toHaveCount(3);
});

test('a QR code that is not an authenticator code is shown as text, never opened', async ({ page }) => {
  const dialog = await openScan(page);
  await dropImage(page, 'link.png', await qrPng('javascript:alert(document.domain)'));
  await expect(dialog.getByRole('alert')).toContainText('This QR code is not an authenticator code');
  await expect(dialog.getByRole('alert')).toContainText('javascript:alert(document.domain)');
  await expect(dialog.getByRole('link')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('hostile and useless images get a clear message and change nothing', async ({ page }) => {
  const dialog = await openScan(page);
  await dropImage(page, 'bomb.png', hugeDeclaredPng());
  await expect(dialog.getByRole('alert')).toContainText('20000 × 20000 pixels');

  await dropImage(page, 'blank.png', blankPng());
  await expect(dialog.getByRole('alert')).toContainText('No QR code was found');

  await dropImage(
    page,
    'broken.png',
    Buffer.concat([(await qrPng('x')).subarray(0, 60), Buffer.alloc(200, 7)]),
  );
  await expect(dialog.getByRole('alert')).toContainText(/damaged|not an image/);

  await page.keyboard.press('Escape');
  await expect(page.getByText('No accounts yet')).toBeVisible();
});
