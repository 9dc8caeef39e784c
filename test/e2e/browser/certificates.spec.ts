/**
 * The Certificates page end to end (C1, C2): the built renderer in Debian's Chromium against
 * Tessera in browser mode, two real test SAML IdPs (one whose certificate expires in 30 days), the
 * real keychain and the encrypted store. Screenshots at 800 px in every language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { createTestPki, makeCertificate, type TestPki } from '../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp } from '../../support/saml-idp';
import { freeTcpPort } from '../../support/peers';
import { api, samlIdpLogin } from './signin';
import { openSection } from './admin';
import {
  certificateCard,
  certificateCount,
  chooseLanguage,
  downloadFrom,
  idpAction,
  screenshot,
} from './certificates';

test.setTimeout(120_000);

let dataDir: string;
let tessera: RunningTessera | undefined;
let pki: TestPki;
let idp: RunningSamlIdp;
let partner: RunningSamlIdp;

test.beforeAll(async () => {
  pki = await createTestPki();
});

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-certs-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(await freeTcpPort()) });
  idp = await startSamlIdp({ signer: pki.idp, users: { alice: { uid: 'alice@example.test' } } });
  const expiring = await makeCertificate({
    commonName: 'Partner signing',
    keys: pki.idp2.keys,
    keyType: 'rsa-2048',
    notAfter: new Date(Date.now() + 30.5 * 24 * 60 * 60 * 1000),
  });
  partner = await startSamlIdp({ signer: expiring, users: {} });
  await api(tessera, 'sso:sp-certificate:generate', { keyType: 'rsa-2048' });
  for (const [name, peer] of [
    ['Test IdP', idp],
    ['Partner IdP', partner],
  ] as const) {
    await api(tessera, 'sso:idp:save-saml', {
      id: null,
      idp: {
        name,
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: { kind: 'metadata', xml: peer.metadataXml() },
      },
    });
  }
});

test.afterEach(async () => {
  await tessera?.stop();
  tessera = undefined;
  await idp?.stop();
  await partner?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openCertificates(page: Page) {
  await page.goto(tessera!.url);
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
  await openSection(page, 'Certificates');
}

test('lists every SP and IdP certificate with its expiry, in every language', async ({ page }) => {
  await openCertificates(page);
  const sp = page.locator('[data-certificate^="sp:"]');
  await expect(sp).toHaveCount(1);
  await expect(sp).toContainText('SP signing');
  await expect(sp).toContainText('Valid');
  await expect(sp).toContainText('RSA 2048');
  await expect(sp).toContainText('Test IdP, Partner IdP');
  await expect(sp).toContainText(/\(18\d\d days left\)/);

  const test1 = certificateCard(page, /IdP signing 2026/);
  await expect(test1).toContainText('IdP signing');
  await expect(test1).toContainText('Test IdP');
  await expect(test1).toContainText(/^.*[0-9A-F]{2}(:[0-9A-F]{2}){31}/);
  const expiring = certificateCard(page, /Partner signing/);
  await expect(expiring).toContainText('Expires in 30 days');
  await expect(expiring).toContainText('Partner IdP');

  // The renewal's first step and the IdP renewal dialog, too: at 800 px, in all four languages.
  for (const [label, language, renew, renewIdp, fromUrl, fetch] of [
    ['English', 'en', 'Renew the SP certificate', 'Renew: upload new metadata', 'Metadata URL', 'Fetch'],
    ['Svenska', 'sv', 'Förnya SP-certifikatet', 'Förnya: ladda upp ny metadata', 'Metadata-URL', 'Hämta'],
    ['Suomi', 'fi', 'Uusi SP-varmenne', 'Uusi: lataa uudet metatiedot', 'Metatietojen URL', 'Hae'],
    [
      'Polski',
      'pl',
      'Odnów certyfikat SP',
      'Odnów: prześlij nowe metadane',
      'Adres URL metadanych',
      'Pobierz',
    ],
  ] as const) {
    await chooseLanguage(page, label);
    await expect(page.getByRole('button', { name: renew })).toBeVisible();
    await screenshot(page, `certificates-${language}`);
    await page.getByRole('button', { name: renew }).click();
    await page.getByRole('radio').nth(1).check();
    await screenshot(page, `certificates-rollover-${language}`);
    await page
      .getByRole('button', { name: /Cancel|Avbryt|Peruuta|Anuluj/ })
      .first()
      .click();
    await page
      .getByRole('button', { name: /(Actions for|Åtgärder för|Toiminnot:|Działania dla) Partner IdP/ })
      .click();
    await page.getByRole('menuitem', { name: renewIdp }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Next|Nästa|Seuraava|Dalej/ }).click();
    await dialog.getByText(fromUrl, { exact: true }).first().click();
    await dialog.getByRole('button', { name: fetch, exact: true }).click();
    await expect(dialog.getByRole('region')).toBeVisible();
    await screenshot(page, `certificates-renewal-${language}`, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('C1: an IdP renewal from its metadata URL, tested before it is saved', async ({ page }) => {
  await openCertificates(page);
  // The IdP rolls its key: the new certificate beside the old one (and an expired one), signing with the new.
  idp.publishedCerts = [pki.idp, pki.idp2, pki.expired];
  idp.signer = pki.idp2;

  await idpAction(page, 'Test IdP', 'Renew: upload new metadata');
  const dialog = page.getByRole('dialog', { name: 'Renew Test IdP' });
  const backup = await downloadFrom(page, () =>
    dialog.getByRole('button', { name: 'Download current metadata' }).click(),
  );
  expect(backup.name).toBe('idp-metadata-Test-IdP.xml');
  expect(certificateCount(backup.text)).toBe(1);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByText('Metadata URL', { exact: true }).first().click();
  // The entity ID of this IdP is its metadata URL: offered as the address to fetch.
  await expect(dialog.getByRole('textbox', { name: 'Metadata URL' })).toHaveValue(idp.metadataUrl);
  await dialog.getByRole('button', { name: 'Fetch' }).click();
  const changes = dialog.getByRole('region', { name: 'What changes' });
  await expect(changes).toContainText('1 certificate added');
  await expect(changes).toContainText('IdP signing 2027');
  await expect(changes).toContainText('1 expired certificate is left out; the valid ones are kept');
  await expect(changes).toContainText('Less secure');
  const next = dialog.getByRole('button', { name: 'Next' });
  await expect(next).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /less secure/ }).check();
  await next.click();

  await dialog.getByRole('button', { name: 'Test SSO with the new metadata' }).click();
  const test = page.getByRole('dialog', { name: 'Test SSO: Test IdP' });
  const opened = page.context().waitForEvent('page');
  await test.getByRole('button', { name: 'Open the sign-in window' }).click();
  const tab = await opened;
  await samlIdpLogin(tab, 'alice');
  await expect(tab.getByRole('heading', { name: 'Test SSO succeeded' })).toBeVisible();
  await tab.close();
  await expect(test.getByText('Test succeeded', { exact: true })).toBeVisible();
  await expect(test.getByRole('button', { name: 'Activate this identity provider' })).toHaveCount(0);
  // The dialog's own close button (the X in its header is named Close too).
  await test.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog.getByText('Tested')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save the new metadata' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Test IdP now uses the new metadata.')).toBeVisible();
  await expect(certificateCard(page, /IdP signing 2027/)).toContainText('Test IdP');
  await expect(certificateCard(page, /IdP signing 2026/)).toContainText('Test IdP');
});

test('C2: the SP certificate renewal for IdPs that accept several certificates', async ({ page }) => {
  await openCertificates(page);
  const before = await page.locator('[data-certificate^="sp:"]').getAttribute('data-certificate');
  await page.getByRole('button', { name: 'Renew the SP certificate' }).click();
  const renewal = page.getByRole('region', { name: 'SP certificate renewal (all SAML identity providers)' });
  await expect(renewal.getByRole('radio', { name: 'Several certificates at once' })).toBeChecked();
  await renewal.getByRole('combobox', { name: 'Key' }).click();
  await page.getByRole('option', { name: 'EC P-256' }).click();
  await renewal.getByRole('button', { name: 'Create the new certificate' }).click();

  // Published beside the old one; the old one still signs.
  await expect(renewal.getByText('SP metadata with both certificates:')).toBeVisible();
  await expect(page.locator('[data-certificate^="sp:"]')).toHaveCount(2);
  await expect(page.locator('[data-certificate^="sp:"]').nth(1)).toContainText('Next');
  await expect(page.locator('[data-certificate^="sp:"]').nth(1)).toContainText('EC P-256');
  const both = await downloadFrom(page, () => renewal.getByRole('button', { name: 'Metadata' }).click());
  expect(certificateCount(both.text)).toBe(2);
  await expect(renewal.getByRole('list', { name: 'Identity providers to update' })).toContainText(
    'Partner IdP',
  );
  for (const [label, language] of [
    ['Svenska', 'sv'],
    ['Suomi', 'fi'],
    ['Polski', 'pl'],
    ['English', 'en'],
  ] as const) {
    await chooseLanguage(page, label);
    await screenshot(page, `certificates-rollover-overlap-${language}`);
  }

  const switchButton = renewal.getByRole('button', { name: 'Sign with the new certificate' });
  await expect(switchButton).toBeDisabled();
  await renewal.getByRole('checkbox', { name: 'All 2 identity providers have the new metadata' }).check();
  await switchButton.click();
  await expect(renewal.getByText(/Requests are signed with the new certificate; the old one/)).toBeVisible();
  await expect(page.locator('[data-certificate^="sp:"]').nth(1)).toContainText('Previous');
  await screenshot(page, 'certificates-rollover-switched-en');

  await renewal.getByRole('button', { name: 'Finish the renewal' }).click();
  await expect(
    page.getByText('The renewal is finished: the old certificate and its key are removed.'),
  ).toBeVisible();
  const sp = page.locator('[data-certificate^="sp:"]');
  await expect(sp).toHaveCount(1);
  await expect(sp).toContainText('EC P-256');
  expect(await sp.getAttribute('data-certificate')).not.toBe(before);
  const after = await downloadFrom(page, () =>
    page.getByRole('button', { name: 'Download SP metadata' }).click(),
  );
  expect(certificateCount(after.text)).toBe(1);
});
