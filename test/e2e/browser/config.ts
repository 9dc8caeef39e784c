/** Page actions for the configuration-as-code spec: export, import, the preview. */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export function configCard(page: Page) {
  return page.getByTestId('config-as-code');
}

/** "Export (.yaml)": the file the browser saves, and its text. */
export async function exportConfig(page: Page, label = 'Export (.yaml)') {
  const download = page.waitForEvent('download');
  await configCard(page).getByRole('button', { name: label }).click();
  const file = await download;
  return { name: file.suggestedFilename(), content: readFileSync(await file.path(), 'utf8') };
}

/** "Import…" and choosing a file; the preview (or the error) follows. */
export async function importConfig(page: Page, content: string, label = 'Import…', name = 'org.yaml') {
  const chooser = page.waitForEvent('filechooser');
  await configCard(page).getByRole('button', { name: label }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(content) });
}

export async function chooseLanguage(page: Page, language: 'English' | 'Svenska' | 'Suomi' | 'Polski') {
  await page.getByRole('combobox', { name: /Language|Språk|Kieli|Język/ }).click();
  await page.getByRole('option', { name: language }).click();
  await expect(page.getByRole('combobox', { name: /Language|Språk|Kieli|Język/ })).toHaveValue(language);
}
