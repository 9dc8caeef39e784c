/**
 * The admin console end to end: the built renderer in Debian's Chromium against Tessera in
 * browser mode, with real peers (an oidc-provider, a dnsmasq), real IdP metadata signed with real
 * keys, the real keychain and the encrypted store — then a restart that finds everything as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { createTestPki, idpMetadataXml, signXml, type TestPki } from '../../support/saml-fixtures';
import {
  startDnsmasq,
  startOidcProvider,
  type RunningDns,
  type RunningOidcProvider,
} from '../../support/peers';
import {
  activateIdp,
  addRule,
  chooseAddIdp,
  idpCard,
  openSection,
  ruleOrder,
  ruleRow,
  simulate,
} from './admin';

let dataDir: string;
let tessera: RunningTessera | undefined;
let pki: TestPki;

test.beforeAll(async () => {
  pki = await createTestPki();
});
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-admin-'));
});
test.afterEach(async () => {
  await tessera?.stop();
  tessera = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function openApp(page: Page) {
  tessera ??= await startTessera(dataDir);
  await page.goto(tessera.url);
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
}

function metadataFile(name: string, xml: string): string {
  const file = join(dataDir, '..', `${name}-${Date.now()}.xml`);
  writeFileSync(file, xml);
  return file;
}

function uploadMetadata(wizard: Locator, file: string) {
  return wizard.locator('input[type="file"]').setInputFiles(file);
}

async function addSamlIdp(page: Page, name: string, metadata: string) {
  await chooseAddIdp(page, 'SAML 2.0');
  const wizard = page.getByRole('dialog', { name: 'Add a SAML identity provider' });
  // S1: a self-signed SP certificate.
  await wizard.getByRole('button', { name: 'Create certificate' }).click();
  await expect(wizard.getByText('Current SP certificate')).toBeVisible();
  await expect(wizard.getByText(/RSA 2048/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  // S2: the SP metadata, signed, under its documented file name.
  const download = page.waitForEvent('download');
  await wizard.getByRole('button', { name: 'Download SP metadata' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tessera-sp-[0-9a-f-]{36}\.xml$/);
  const spXml = readFileSync(await file.path(), 'utf8');
  expect(spXml).toContain('AssertionConsumerService');
  expect(spXml).toContain('SignatureValue');
  await wizard.getByRole('button', { name: 'Next' }).click();
  // S3: the IdP metadata, through the drop zone's file input.
  await uploadMetadata(wizard, metadataFile(name, metadata));
  return wizard;
}

test('SAML wizard from real signed metadata to saved, then activated', async ({ page }) => {
  await openApp(page);
  await openSection(page, 'Identity providers');
  const signed = signXml(idpMetadataXml({ signing: [pki.idp.base64, pki.idp2.base64] }), pki.idp);
  const wizard = await addSamlIdp(page, 'Example IdP', signed);
  const preview = wizard.getByTestId('metadata-preview');
  await expect(preview).toContainText('https://idp.example.com/idp/shibboleth');
  await expect(preview).toContainText('Less secure: signed with a self-signed certificate');
  await expect(preview).toContainText('Signing certificate 2');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('textbox', { name: 'Name' }).fill('Example IdP');
  await expect(wizard.getByRole('textbox', { name: 'User id attribute' })).toHaveValue('uid');
  // Less secure metadata must be acknowledged before it can be saved (S3).
  const save = wizard.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();
  await wizard.getByRole('checkbox', { name: /less secure/ }).check();
  await save.click();
  await expect(wizard).toBeHidden();

  const card = idpCard(page, 'Example IdP');
  await expect(card).toContainText('Not activated');
  await expect(card).toContainText('1 routing rule');
  await activateIdp(page, 'Example IdP');
  await expect(card).toContainText('Active');
});

test('hostile metadata is refused with its reason and nothing is saved', async ({ page }) => {
  await openApp(page);
  await openSection(page, 'Identity providers');
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">&lol2;</md:EntityDescriptor>`;
  const wizard = await addSamlIdp(page, 'evil', laughs);
  await expect(wizard.getByRole('alert')).toContainText(/DTD|DOCTYPE|entit/i);
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();

  const tampered = signXml(idpMetadataXml({ signing: [pki.idp.base64] }), pki.idp).replace(
    'https://idp.example.com/idp/profile/SAML2/Redirect/SSO',
    'https://evil.example.net/sso',
  );
  await uploadMetadata(wizard, metadataFile('tampered', tampered));
  await expect(wizard.getByRole('alert')).toContainText(/signature/i);
  await page.keyboard.press('Escape');
  await expect(page.getByText('No identity providers yet')).toBeVisible();
});

test.describe('with real peers', () => {
  let oidc: RunningOidcProvider;
  test.beforeAll(async () => {
    oidc = await startOidcProvider();
  });
  test.afterAll(() => oidc.stop());

  test('OIDC from a real discovery URL, built-in identity, rules, simulator, restart', async ({ page }) => {
    await openApp(page);
    await openSection(page, 'Identity providers');

    // O1–O2 from the provider's own discovery document.
    await chooseAddIdp(page, 'OpenID Connect');
    const form = page.getByRole('dialog', { name: 'Add an OpenID Connect identity provider' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Corporate OIDC');
    await form.getByRole('textbox', { name: 'Client ID' }).fill(oidc.clientId);
    await form.getByLabel('Client secret').fill(oidc.clientSecret);
    await form.getByRole('textbox', { name: 'Discovery URL or issuer' }).fill(oidc.issuer);
    await form.getByRole('button', { name: 'Fetch' }).click();
    await expect(form.getByTestId('oidc-endpoints')).toContainText(`${oidc.issuer}/token`);
    await expect(form.getByTestId('oidc-endpoints')).toContainText(`${oidc.issuer}/session/end`);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(idpCard(page, 'Corporate OIDC')).toContainText('Not activated');
    await activateIdp(page, 'Corporate OIDC');

    // B1: acknowledgement, then its own rule.
    await chooseAddIdp(page, 'Built-in identity');
    const builtin = page.getByRole('dialog', { name: 'Add the built-in identity' });
    await expect(builtin.getByRole('button', { name: 'Add built-in identity' })).toBeDisabled();
    await builtin.getByRole('checkbox', { name: 'I understand how the built-in identity works.' }).check();
    await builtin.getByRole('checkbox', { name: 'Add a routing rule for it now' }).uncheck();
    await builtin.getByRole('button', { name: 'Add built-in identity' }).click();
    await expect(builtin).toBeHidden();
    await expect(idpCard(page, 'Built-in identity')).toContainText('Inactive: no active rule');

    // R4: add → activate; R5: reorder; the simulator explains.
    await openSection(page, 'Routing rules');
    await addRule(page, {
      name: 'Contractors',
      type: 'domain',
      values: ['contractors.test'],
      idp: 'Built-in identity',
    });
    await addRule(page, {
      name: 'Engineering',
      type: 'group',
      values: ['engineering'],
      idp: 'Corporate OIDC',
    });
    expect(await ruleOrder(page)).toEqual(['Contractors', 'Engineering']);
    for (const name of ['Contractors', 'Engineering']) {
      await ruleRow(page, name)
        .getByRole('switch', { name: `${name} is active` })
        .click({ force: true });
      await expect(ruleRow(page, name).getByRole('switch')).toBeChecked();
    }
    let result = await simulate(page, 'ann@contractors.test', ['engineering']);
    await expect(result).toContainText('is routed by “Contractors” to Built-in identity');
    await expect(result).toContainText('It matches too, but an earlier rule came first.');

    await ruleRow(page, 'Engineering').getByRole('button', { name: 'Move Engineering up' }).click();
    await expect.poll(() => ruleOrder(page)).toEqual(['Engineering', 'Contractors']);
    await page.getByRole('button', { name: 'Simulate' }).click();
    await expect(result).toContainText('is routed by “Engineering” to Corporate OIDC');

    // R6: deactivating the built-in's only rule warns that it would be left without one.
    await ruleRow(page, 'Contractors').getByRole('switch').click({ force: true });
    const confirm = page.getByRole('dialog', { name: 'Deactivate Contractors?' });
    await expect(confirm).toContainText('After this, Built-in identity has no active rule');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(ruleRow(page, 'Contractors').getByRole('switch')).toBeChecked();

    // The default rule cannot be deleted: it has no delete button, only its IdP.
    await expect(page.getByTestId('default-rule').getByRole('button', { name: /Delete/ })).toHaveCount(0);

    // Restart: everything as it was.
    await tessera!.stop();
    tessera = await startTessera(dataDir);
    await openApp(page);
    await openSection(page, 'Routing rules');
    expect(await ruleOrder(page)).toEqual(['Engineering', 'Contractors']);
    result = await simulate(page, 'bob@contractors.test');
    await expect(result).toContainText('is routed by “Contractors” to Built-in identity');
    await openSection(page, 'Identity providers');
    await expect(idpCard(page, 'Corporate OIDC')).toContainText('Active');
    await expect(idpCard(page, 'Built-in identity')).toContainText('Active');

    // I4: deleting an IdP shows its rules and asks to delete them too.
    await idpCard(page, 'Built-in identity')
      .getByRole('button', { name: 'Actions for Built-in identity' })
      .click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const del = page.getByRole('dialog', { name: 'Delete Built-in identity?' });
    await expect(del).toContainText('It still has 1 routing rule: Contractors.');
    await expect(del.getByRole('button', { name: 'Delete identity provider' })).toBeDisabled();
    await del.getByRole('checkbox', { name: 'Delete these rules too' }).check();
    await del.getByRole('button', { name: 'Delete identity provider' }).click();
    await expect(idpCard(page, 'Built-in identity')).toHaveCount(0);

    // The audit log recorded it all.
    await openSection(page, 'Audit log');
    await expect(page.getByText('idp.delete')).toBeVisible();
    await expect(page.getByText('Identity provider deleted')).toBeVisible();
    await page.getByRole('textbox', { name: 'Filter' }).fill('Contractors');
    await expect(page.getByText('rule.add')).toHaveCount(1);
    await expect(page.getByText('idp.add')).toHaveCount(0);
  });

  test('domain verification through a real DNS server, then claim', async ({ page }) => {
    await openApp(page);
    await openSection(page, 'Organization');
    await page.getByRole('textbox', { name: 'Domain', exact: true }).fill('corp.test');
    await page.getByRole('button', { name: 'Add domain' }).click();
    const token = (await page.getByTestId('token-corp.test').textContent())!;
    expect(token).toMatch(/^tessera-verification=/);
    await expect(page.getByText('_tessera-verification.corp.test')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Claim corp.test' })).toBeDisabled();

    let dns: RunningDns | undefined;
    try {
      dns = await startDnsmasq(
        [`--txt-record=_tessera-verification.corp.test,${token}`],
        '_tessera-verification.corp.test',
      );
      await page.getByRole('textbox', { name: 'DNS resolver for verification' }).fill(dns.resolver);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('Organization settings saved.')).toBeVisible();
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page.getByText('Verified', { exact: true })).toBeVisible();
      // By keyboard: the confirmation toasts sit over the switch.
      await page.getByRole('switch', { name: 'Claim corp.test' }).focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('switch', { name: 'Claim corp.test' })).toBeChecked();
    } finally {
      await dns?.stop();
    }
    await page.getByRole('textbox', { name: 'Domain', exact: true }).fill('missing.test');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /did not answer/ })).toBeVisible();
  });
});

test('MFA policy and applications decide what the simulator says', async ({ page }) => {
  await openApp(page);
  await openSection(page, 'Identity providers');
  await chooseAddIdp(page, 'Built-in identity');
  const builtin = page.getByRole('dialog', { name: 'Add the built-in identity' });
  await builtin.getByRole('checkbox', { name: 'I understand how the built-in identity works.' }).check();
  await builtin.getByRole('button', { name: 'Add built-in identity' }).click();
  await expect(idpCard(page, 'Built-in identity')).toContainText('Active');

  await openSection(page, 'MFA policy');
  const mandatoryForApps = page.getByRole('switch', { name: 'Mandatory for selected applications' });
  await expect(mandatoryForApps).toBeDisabled();
  // Server-backed switches: the click asks, the new state arrives with the answer.
  await page.getByRole('switch', { name: 'Multi-factor authentication' }).click({ force: true });
  await expect(mandatoryForApps).toBeEnabled();
  await mandatoryForApps.click({ force: true });
  await expect(mandatoryForApps).toBeChecked();
  await expect(page.getByText('in the Applications section')).toBeVisible();

  await openSection(page, 'Applications');
  await expect(page.getByTestId('mfa-switches-idle')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add application' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Payroll');
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('payroll');
  await dialog.getByRole('radio', { name: 'Public' }).check();
  await dialog
    .getByRole('textbox', { name: 'Redirect URIs', exact: true })
    .fill('http://127.0.0.1:8400/callback');
  await dialog.getByRole('switch', { name: 'Require MFA' }).check({ force: true });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // A public application has no secret, so none is shown.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const mfaSwitch = page.getByRole('switch', { name: 'Require MFA for Payroll' });
  await expect(mfaSwitch).toBeChecked();
  // The row's switch sends the whole application: nothing else changes.
  await mfaSwitch.click({ force: true });
  await expect(mfaSwitch).not.toBeChecked();
  await mfaSwitch.click({ force: true });
  await expect(mfaSwitch).toBeChecked();
  await page.getByRole('button', { name: 'Edit Payroll' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Payroll' });
  await expect(edit.getByRole('radio', { name: 'Public' })).toBeChecked();
  await expect(edit.getByRole('textbox', { name: 'Redirect URIs', exact: true })).toHaveValue(
    'http://127.0.0.1:8400/callback',
  );
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  await openSection(page, 'Routing rules');
  let result = await simulate(page, 'ann@example.com');
  await expect(result).toContainText('No MFA');
  await expect(result).toContainText('Nothing in the policy requires MFA here.');
  await page.getByRole('combobox', { name: 'Application' }).click();
  await page.getByRole('option', { name: 'Payroll' }).click();
  await page.getByRole('button', { name: 'Simulate' }).click();
  result = page.getByTestId('simulation');
  await expect(result).toContainText('MFA required');
  await expect(result).toContainText('This application requires MFA.');
});
