/** Page actions for the backup and import specs: the two accounts they carry over, and the Backup menu. */
import { expect, type Page } from '@playwright/test';
import { base32Decode, referenceHotp, referenceTotp } from '../support/otp';
import { account, addByUri, readCode } from './authenticator';

export const TOTP_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
export const HOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** "Vault (alice)", a TOTP account, and "Counter (bob)", an HOTP account at counter 5. */
export async function addVaultAndCounter(page: Page) {
  for (const uri of [
    `otpauth://totp/Vault:alice?secret=${TOTP_SECRET}&issuer=Vault`,
    `otpauth://hotp/Counter:bob?secret=${HOTP_SECRET}&issuer=Counter&counter=5`,
  ]) {
    await (await addByUri(page, uri)).waitFor({ state: 'hidden' });
  }
}

/** The same two accounts, with the same codes: the TOTP code of now, the HOTP counter at 5. */
export async function expectVaultAndCounter(page: Page) {
  const shown = await readCode(page, 'Vault (alice)');
  const key = base32Decode(TOTP_SECRET);
  expect([referenceTotp(key, shown.at), referenceTotp(key, shown.at - 1500)]).toContain(shown.code);
  await expect(account(page, 'Counter (bob)')).toContainText('Counter 5');
  expect((await readCode(page, 'Counter (bob)')).code).toBe(referenceHotp(base32Decode(HOTP_SECRET), 5));
}

/** Chooses an item of the Backup menu; its dialog has the item's name. */
export async function backupMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Backup' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  return page.getByRole('dialog', { name: item });
}
