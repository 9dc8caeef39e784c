/**
 * The fixes found trying SSO against real IdPs as a new admin would, in Chromium against real
 * peers: an OIDC client whose id has `-_.~`, authenticated with client_secret_basic at a token
 * endpoint that does not decode Basic credentials (the OP that refused openid-client's `%2D`), a
 * Test SSO that says who signed in, private_key_jwt with Tessera's public key to register, and a
 * federation's metadata with several IdPs to choose from. Each screen at 800 px in all four
 * languages (screenshots in test-results/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { freeTcpPort } from '../../support/peers';
import { startHostileOp, type RunningHostileOp } from '../../support/hostile-op';
import { createTestPki, idpMetadataXml } from '../../support/saml-fixtures';
import { SAML_NS } from '../../../electron/core/sso/metadata';
import { open } from './authenticator';
import { chooseAddIdp, idpCard, openSection } from './admin';
import { api } from './signin';
import { LANGUAGES, chooseLanguage, editIdp, runTestSso } from './idp-fixes';

test.setTimeout(180_000);

let dataDir: string;
let tessera: RunningTessera;
let op: RunningHostileOp;

test.beforeAll(async () => {
  const port = await freeTcpPort();
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-idp-fixes-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(port) });
  op = await startHostileOp({ clientId: 'tessera-rp_1.~x', basicDecoding: 'none' });
});

test.afterAll(async () => {
  await tessera?.stop();
  await op?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('an OIDC client id with -_.~ signs in with client_secret_basic, and the test says who', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await open(page, tessera.url);
  await openSection(page, 'Identity providers');
  await chooseAddIdp(page, 'OpenID Connect');
  const dialog = page.getByRole('dialog', { name: 'Add an OpenID Connect identity provider' });
  await dialog.getByLabel('Name').fill('Strict OP');
  await dialog.getByLabel('Client ID').fill(op.clientId);
  await dialog.getByLabel('Client secret').fill(op.clientSecret);
  await dialog.getByLabel('Discovery URL or issuer').fill(op.discoveryUrl);
  await dialog.getByRole('button', { name: 'Fetch' }).click();
  await expect(dialog.getByTestId('oidc-endpoints')).toContainText(`${op.issuer}/token`);
  // Offered by discovery: basic and post; basic first.
  const method = dialog.getByRole('combobox', { name: 'Token endpoint authentication' });
  await expect(method).toHaveValue('Client secret in an HTTP Basic header (client_secret_basic)');
  await method.click();
  await expect(page.getByRole('option')).toHaveText([
    'Client secret in an HTTP Basic header (client_secret_basic)',
    'Client secret in the request body (client_secret_post)',
  ]);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  for (const [language, code] of LANGUAGES) {
    await chooseLanguage(page, language);
    const result = await runTestSso(page, 'Strict OP', async () => {
      // The hostile OP answers at once (no login page).
    });
    await expect(result.locator('[data-check="token"]')).toHaveAttribute('data-status', 'pass');
    await expect(result.getByText(/Alice Example \(alice@example\.com\)/)).toBeVisible();
    await expect(result.getByRole('alert').getByText(/user-1/)).toBeVisible();
    await result.screenshot({ path: `test-results/idp-fixes/test-sso-${code}.png` });
    await page.keyboard.press('Escape');
    await expect(result).toBeHidden();
  }
  await chooseLanguage(page, 'English');
});

test('private_key_jwt: no secret, and the public key to register once saved', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await api(tessera, 'sso:idp:save-oidc', {
    id: null,
    idp: {
      name: 'Key OP',
      clientId: 'tessera-key',
      clientSecret: 'unused',
      scopes: ['openid', 'email'],
      automaticLogout: false,
      endpoints: {
        kind: 'manual',
        issuer: 'https://login.example.com',
        authorizationEndpoint: 'https://login.example.com/authorize',
        tokenEndpoint: 'https://login.example.com/token',
        jwksUri: 'https://login.example.com/jwks',
        userinfoEndpoint: '',
        endSessionEndpoint: '',
      },
    },
  });
  await open(page, tessera.url);
  await openSection(page, 'Identity providers');
  let dialog = await editIdp(page, 'Key OP');
  await dialog.getByRole('combobox', { name: 'Token endpoint authentication' }).click();
  await page.getByRole('option', { name: 'Signed JWT with Tessera’s key (private_key_jwt)' }).click();
  await expect(dialog.getByLabel('Client secret')).toHaveCount(0);
  await expect(dialog.getByText(/Tessera creates its key when you save/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  for (const [language, code] of LANGUAGES) {
    await chooseLanguage(page, language);
    dialog = await editIdp(page, 'Key OP');
    await expect(dialog.getByText(/"kty": "RSA"/)).toBeVisible();
    await expect(dialog.getByText(/"d":/)).toHaveCount(0);
    await expect(dialog.getByText(/\/oidc\/jwks/)).toBeVisible();
    await dialog.screenshot({ path: `test-results/idp-fixes/oidc-key-${code}.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  await chooseLanguage(page, 'English');
});

test('federation metadata with several IdPs: the admin picks one', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  const pki = await createTestPki();
  const entity = (entityId: string, id: string) =>
    idpMetadataXml({ signing: [pki.idp.base64], entityId, id }).replace(
      /^<\?xml[^>]*>\s*<!--[^>]*-->\s*/,
      '',
    );
  const aggregate = `<md:EntitiesDescriptor xmlns:md="${SAML_NS.md}" Name="urn:example:federation">${entity(
    'https://uni-a.example/idp',
    '_a',
  )}${entity('https://uni-b.example/idp', '_b')}</md:EntitiesDescriptor>`;
  await open(page, tessera.url);
  await openSection(page, 'Identity providers');
  await api(tessera, 'sso:sp-certificate:generate', { keyType: 'p-256' });

  for (const [language, code] of LANGUAGES) {
    await chooseLanguage(page, language);
    await page.getByRole('button', { name: /Add identity provider|Lägg till|Lisää|Dodaj/ }).click();
    await page.getByRole('menuitem').first().click();
    const wizard = page.getByRole('dialog');
    // Certificate and SP metadata steps: Next twice.
    await wizard.getByRole('button').last().click();
    await wizard.getByRole('button').last().click();
    await wizard.locator('input[type="file"]').setInputFiles({
      name: 'federation.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(aggregate),
    });
    const picker = wizard.locator('input[aria-haspopup="listbox"]');
    await expect(picker).toBeVisible();
    await picker.click();
    await page.getByRole('option', { name: /https:\/\/uni-b\.example\/idp/ }).click();
    await expect(wizard.getByTestId('metadata-preview')).toContainText('https://uni-b.example/idp');
    await wizard.screenshot({ path: `test-results/idp-fixes/saml-aggregate-${code}.png` });
    await page.keyboard.press('Escape');
    await expect(wizard).toBeHidden();
  }
  await chooseLanguage(page, 'English');
  await expect(idpCard(page, 'uni-b')).toHaveCount(0);
});
