/** Page actions for the alerts spec: what an admin does on the Alerts page, found by role and label. */
import { expect, type Page } from '@playwright/test';
import { chooseAddIdp } from './admin';

/** The SP certificate, made in the SAML wizard's first step; the wizard is then left. */
export async function createSpCertificate(page: Page) {
  await chooseAddIdp(page, 'SAML 2.0');
  const wizard = page.getByRole('dialog', { name: 'Add a SAML identity provider' });
  await wizard.getByRole('button', { name: 'Create certificate' }).click();
  await expect(wizard.getByText('Current SP certificate')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();
}

export async function fillMailServer(
  page: Page,
  server: { port: number; username: string; password: string; from: string },
) {
  const card = page.locator('form').filter({ has: page.getByRole('textbox', { name: 'Host' }) });
  await card.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
  await card.getByRole('textbox', { name: 'Port' }).fill(String(server.port));
  await card.getByRole('textbox', { name: 'User name' }).fill(server.username);
  await card.getByLabel('Password', { exact: true }).fill(server.password);
  await card.getByRole('textbox', { name: 'From address' }).fill(server.from);
  return card;
}

/** One alert rule's card (SP or IdP certificate expiry). */
export function ruleCard(page: Page, name: 'SP certificate expiry' | 'IdP certificate expiry') {
  return page.getByRole('region', { name });
}

export async function setRuleRecipients(page: Page, name: 'SP certificate expiry', recipients: string[]) {
  const card = ruleCard(page, name);
  await card.getByRole('checkbox', { name: `${name}: Email` }).check();
  const input = card.getByRole('combobox', { name: `${name}: Recipients` });
  for (const recipient of recipients) {
    await input.fill(recipient);
    await input.press('Enter');
  }
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Alert rule saved.')).toBeVisible();
}

export function alertCentre(page: Page) {
  return page.getByRole('list', { name: 'Alert centre' });
}
