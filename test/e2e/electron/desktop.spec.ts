/**
 * The desktop app itself: the hardened window and the IPC transport. Runs where Electron's binary
 * is installed (and a display, e.g. under xvfb-run); elsewhere each test reports itself skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { account, addByUri, deleteAccount, readCode } from '../browser/authenticator';
import { base32Decode, referenceTotp } from '../support/otp';
import { electronBinary, launchDesktop } from './desktop';

test.skip(
  !electronBinary(),
  "Electron's binary is not installed on this machine (it cannot be downloaded here).",
);

const SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
let dataDir: string;
let app: ElectronApplication | undefined;

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-electron-'));
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test('the window is hardened: no Node, one api object, no new windows, no navigation away', async () => {
  app = await launchDesktop(dataDir);
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
  const surface = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: Object.keys((window as unknown as { tessera: object }).tessera),
    opened: window.open('https://example.com') === null,
  }));
  expect(surface).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke'], opened: true });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await page.evaluate(() => (window.location.href = 'https://example.com'));
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
  expect(new URL(page.url()).protocol).toBe('tessera:');
  const refused = await page.evaluate(() =>
    (window as unknown as { tessera: { invoke(c: string, r: unknown): Promise<unknown> } }).tessera.invoke(
      'shell:exec',
      {},
    ),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});

test('add an account over IPC, read its code, delete it', async () => {
  app = await launchDesktop(dataDir);
  const page = await app.firstWindow();
  await addByUri(page, `otpauth://totp/Desk:dana?secret=${SECRET}&issuer=Desk`);
  const shown = await readCode(page, 'Desk (dana)');
  const key = base32Decode(SECRET);
  expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
  await deleteAccount(page, 'Desk (dana)');
  await expect(account(page, 'Desk (dana)')).toBeHidden();
});
