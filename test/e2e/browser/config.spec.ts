/**
 * Configuration as code in the console: export the file, import an edited one, see the diff,
 * cancel or apply; a wrong file is refused with its path and line. Screenshots of the card and
 * the preview at 800 px in every language (test-results/config-*.png).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { freeTcpPort } from '../../support/peers';
import { openSection } from './admin';
import { chooseLanguage, configCard, exportConfig, importConfig } from './config';

let dataDir: string;
let tessera: RunningTessera | undefined;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-config-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(await freeTcpPort()) });
});
test.afterEach(async () => {
  await tessera?.stop();
  tessera = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const LANGUAGES = [
  {
    language: 'Svenska',
    section: 'Organisation',
    import: 'Importera…',
    cancel: 'Avbryt',
    dialog: /Ändringar från/,
  },
  {
    language: 'Suomi',
    section: 'Organisaatio',
    import: 'Tuo…',
    cancel: 'Peruuta',
    dialog: /Muutokset tiedostosta/,
  },
  {
    language: 'Polski',
    section: 'Organizacja',
    import: 'Importuj…',
    cancel: 'Anuluj',
    dialog: /Zmiany z pliku/,
  },
  {
    language: 'English',
    section: 'Organization',
    import: 'Import…',
    cancel: 'Cancel',
    dialog: /Changes from/,
  },
] as const;

test('exports the configuration, previews an edited file, and applies it', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(tessera!.url);
  await openSection(page, 'Organization');

  const exported = await exportConfig(page);
  expect(exported.name).toBe('tessera-config-My-organization.yaml');
  expect(exported.content).toContain('name: My organization');
  const edited = exported.content
    .replace('name: My organization', 'name: Imported Org')
    .replace('applications: []', 'applications:\n  - key: payroll\n    name: Payroll\n    requireMfa: true');

  // Cancel changes nothing; the preview in every language, at 800 px.
  for (const words of LANGUAGES) {
    await chooseLanguage(page, words.language);
    await expect(page.getByRole('heading', { level: 2, name: words.section })).toBeVisible();
    await configCard(page).scrollIntoViewIfNeeded();
    await configCard(page).screenshot({ path: `test-results/config-card-${words.language}.png` });
    await importConfig(page, edited, words.import);
    const dialog = page.getByRole('dialog', { name: words.dialog });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveCount(2);
    await expect(dialog).toHaveCSS('opacity', '1'); // the modal's opening transition is over
    await page.screenshot({ path: `test-results/config-preview-${words.language}.png`, fullPage: true });
    await dialog.getByRole('button', { name: words.cancel }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('textbox', { name: 'Organization name' })).toHaveValue('My organization');

  await importConfig(page, edited);
  const dialog = page.getByRole('dialog', { name: 'Changes from org.yaml' });
  const org = dialog.getByTestId('change-organization-organization');
  await expect(org).toContainText('Changed');
  await expect(org.getByRole('row', { name: 'name My organization Imported Org' })).toBeVisible();
  await expect(dialog.getByTestId('change-applications-payroll')).toContainText('Added');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Configuration applied: 2 changes.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Organization name' })).toHaveValue('Imported Org');

  // The same file again: nothing to change, no Apply.
  await importConfig(page, edited);
  const again = page.getByRole('dialog', { name: 'Changes from org.yaml' });
  await expect(
    again.getByText('Nothing to change: the configuration already matches the file.'),
  ).toBeVisible();
  await expect(again.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await again.getByRole('button', { name: 'Cancel' }).click();

  // A larger change: the built-in identity with a rule, the MFA policy, the default rule.
  const larger = edited
    .replace('idps: []', 'idps:\n  - name: Built-in identity\n    kind: builtin\n    activated: true')
    .replace(
      'defaultIdp: null\n  rules: []',
      [
        'defaultIdp: Built-in identity',
        '  rules:',
        '    - name: Contractors of the northern region',
        '      type: group',
        '      values: [contractors-north, contractors-north-external]',
        '      idp: Built-in identity',
        '      mfa: override',
        '      mfaRequired: true',
        '      active: true',
      ].join('\n'),
    )
    .replace(
      /mfaPolicy:\n {2}enabled: false\n {2}allowPerUser: false/,
      'mfaPolicy:\n  enabled: true\n  allowPerUser: true',
    );
  await importConfig(page, larger, 'Import…', 'larger.yaml');
  const preview = page.getByRole('dialog', { name: 'Changes from larger.yaml' });
  await expect(preview.getByRole('listitem')).toHaveCount(4);
  await expect(preview.getByTestId('change-routing-Default rule')).toContainText('Default rule');
  await expect(preview).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test-results/config-preview-larger-English.png', fullPage: true });
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(preview).toBeHidden();
  await openSection(page, 'Routing rules');
  await expect(page.getByTestId('rule-Contractors of the northern region')).toBeVisible();
  await openSection(page, 'Organization');

  // A wrong file: refused before any preview, with the path and the line.
  const wrong = larger.replace('requireMfa: true', 'requireMfa: yes please');
  await importConfig(page, wrong, 'Import…', 'wrong.yaml');
  const alert = configCard(page).getByRole('alert');
  await expect(alert).toContainText('wrong.yaml was not applied. Fix these places in the file:');
  await expect(alert).toContainText(/applications\[0\]\.requireMfa \(line \d+, column \d+\)/);
  await configCard(page).screenshot({ path: 'test-results/config-error-English.png' });
  await expect(page.getByRole('textbox', { name: 'Organization name' })).toHaveValue('Imported Org');
});
