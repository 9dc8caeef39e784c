/** Page actions for the admin specs: what an admin does, found by role and label. */
import { expect, type Page } from '@playwright/test';

export async function openSection(page: Page, section: string) {
  // Narrower than 992 px the sidebar is a drawer behind the burger.
  const burger = page.getByRole('button', { name: 'Toggle navigation' });
  if (await burger.isVisible()) {
    await burger.click();
    await expect(burger).toHaveAttribute('aria-expanded', 'true');
  }
  await page.getByRole('navigation').getByRole('button', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
}

export function idpCard(page: Page, name: string) {
  return page.getByTestId(`idp-${name}`);
}

export async function chooseAddIdp(page: Page, kind: 'SAML 2.0' | 'OpenID Connect' | 'Built-in identity') {
  await page.getByRole('button', { name: 'Add identity provider' }).click();
  await page.getByRole('menuitem', { name: kind }).click();
}

/** The IdP card's "Activate", confirmed. */
export async function activateIdp(page: Page, name: string) {
  await idpCard(page, name).getByRole('button', { name: 'Activate' }).click();
  const dialog = page.getByRole('dialog', { name: `Activate ${name}?` });
  await dialog.getByRole('button', { name: 'Activate' }).click();
  await expect(dialog).toBeHidden();
}

export async function addRule(
  page: Page,
  rule: { name: string; type: 'domain' | 'group'; values: string[]; idp: string },
) {
  await page.getByRole('button', { name: 'Add rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add routing rule' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(rule.name);
  await dialog.getByRole('radio', { name: rule.type === 'domain' ? 'By email domain' : 'By group' }).check();
  const values = dialog.getByRole('combobox', { name: rule.type === 'domain' ? 'Domains' : 'Groups' });
  for (const value of rule.values) {
    await values.fill(value);
    await values.press('Enter');
  }
  await dialog.getByRole('combobox', { name: 'Identity provider' }).click();
  await page.getByRole('option', { name: rule.idp, exact: true }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
}

export function ruleRow(page: Page, name: string) {
  return page.getByTestId(`rule-${name}`);
}

/** Rule names in the order the table shows them (the default rule last). */
export async function ruleOrder(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Routing rules in priority order' })
    .locator('tbody tr[data-testid^="rule-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('rule-'.length)));
}

export async function simulate(page: Page, email: string, groups: string[] = []) {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  const groupInput = page.getByRole('combobox', { name: 'Groups' });
  for (const group of groups) {
    await groupInput.fill(group);
    await groupInput.press('Enter');
  }
  await page.getByRole('button', { name: 'Simulate' }).click();
  return page.getByTestId('simulation');
}
