/** Page actions for the Certificates spec: what an admin does on the page, found by role and label. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The card of a certificate, by its subject. */
export function certificateCard(page: Page, subject: string | RegExp) {
  return page.getByRole('article', { name: subject });
}

/** A certificate's "Actions" menu item, for the IdP that uses it. */
export async function idpAction(page: Page, idpName: string, action: string) {
  await page
    .getByRole('button', { name: `Actions for ${idpName}` })
    .first()
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Clicks a button that downloads a file; returns its name and text. */
export async function downloadFrom(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The number of certificates an SP metadata file publishes. */
export function certificateCount(xml: string): number {
  return xml.match(/<ds:X509Certificate>/g)?.length ?? 0;
}

export async function chooseLanguage(page: Page, label: string) {
  await page.getByRole('combobox', { name: /Language|Språk|Kieli|Język/ }).click();
  await page.getByRole('option', { name: label }).click();
}

/** Renders at 800 px wide and saves a screenshot of the whole page (or one dialog). */
export async function screenshot(page: Page, name: string, dialog?: Locator) {
  await page.setViewportSize({ width: 800, height: 900 });
  // Fonts and layout settle before the picture; the dialog's transition too.
  await page.evaluate(() => document.fonts.ready);
  const path = `test-results/screenshots/${name}.png`;
  if (!dialog) {
    // From the top: the fixed header would otherwise be drawn where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    return void (await page.screenshot({ path, fullPage: true, animations: 'disabled' }));
  }
  await expect(dialog).toBeVisible();
  await dialog.screenshot({ path, animations: 'disabled' });
}
