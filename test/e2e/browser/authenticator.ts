/** Page actions for the authenticator specs: what a person does, found by role and label. */
import { expect, type Page } from '@playwright/test';

export async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
}

export async function addByUri(page: Page, uri: string) {
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog.getByRole('tab', { name: 'Paste a setup link' }).click();
  await dialog.getByRole('textbox', { name: 'Setup link' }).fill(uri);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  return dialog;
}

export function account(page: Page, name: string) {
  return page.getByRole('listitem', { name });
}

/** The code as shown (digits only), and the time it was read. */
export async function readCode(page: Page, name: string): Promise<{ code: string; at: number }> {
  const text = await page.getByRole('status', { name: `Code for ${name}` }).textContent();
  return { code: (text ?? '').replace(/\s/g, ''), at: Date.now() };
}

export async function deleteAccount(page: Page, name: string) {
  await account(page, name)
    .getByRole('button', { name: `Delete ${name}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete this account?' });
  await expect(dialog).toContainText('make sure you can still sign in');
  await dialog.getByRole('button', { name: 'Delete account' }).click();
}

export function lockScreen(page: Page) {
  return page.getByRole('heading', { name: 'Tessera is locked' });
}

export async function unlock(page: Page, password: string) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Opens the authenticator's settings dialog. */
export async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Authenticator settings' });
}
