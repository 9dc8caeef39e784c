/** Page actions for the scanning specs. */
import { expect, type Page } from '@playwright/test';

export async function openScan(page: Page) {
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await expect(dialog.getByRole('tab', { name: 'Scan a QR code', selected: true })).toBeVisible();
  return dialog;
}

export async function dropImage(page: Page, name: string, png: Buffer) {
  const dialog = page.getByRole('dialog', { name: 'Add an account' });
  await dialog
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name, mimeType: 'image/png', buffer: png });
}

/** Pastes an image the way Ctrl+V with an image on the clipboard does. */
export async function pasteImage(page: Page, png: Buffer) {
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
    document.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, png.toString('base64'));
}
