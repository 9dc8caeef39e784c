/** Page actions for the IdP fixes spec: language switching and the IdP card's actions in any language. */
import { expect, type Page } from '@playwright/test';
import { idpCard } from './admin';

export const LANGUAGES = [
  ['English', 'en'],
  ['Svenska', 'sv'],
  ['Suomi', 'fi'],
  ['Polski', 'pl'],
] as const;

export async function chooseLanguage(page: Page, language: string) {
  await page.getByRole('combobox', { name: /Language|Språk|Kieli|Język/ }).click();
  await page.getByRole('option', { name: language }).click();
}

/** The card's ⋯ menu → Edit (the first item), whatever the language. */
export async function editIdp(page: Page, name: string) {
  await idpCard(page, name).getByRole('button').last().click();
  await page.getByRole('menuitem').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The card's Test SSO (its first button): opens the sign-in tab and hands it to `signIn`. */
export async function runTestSso(page: Page, name: string, signIn: (tab: Page) => Promise<void>) {
  await idpCard(page, name).getByRole('button').first().click();
  const dialog = page.getByRole('dialog');
  const opened = page.context().waitForEvent('page');
  await dialog.getByRole('button').filter({ hasNotText: /URL/ }).nth(1).click();
  const tab = await opened;
  await signIn(tab);
  await tab.close();
  await expect(dialog.locator('[data-check]').first()).toBeVisible();
  return dialog;
}
