/**
 * The live sign-in in Chromium, against real peers: the test SAML IdP (real keys), a certified
 * OpenID provider (oidc-provider) and dnsmasq for the claimed domain.
 *
 * An admin tests a SAML and an OIDC IdP for real, sees exactly why a broken one fails, activates
 * them; a person signs in through routing, is provisioned with the mapped profile, enrolls in MFA by
 * scanning the QR code with Tessera's own authenticator ("Scan the screen", under Xvfb), signs in
 * again with a code (a used code is refused), and the admin resets the enrollment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../../../playwright.config';
import { startTessera, type RunningTessera } from '../support/tessera';
import {
  freeTcpPort,
  startDnsmasq,
  startOidcProvider,
  type RunningDns,
  type RunningOidcProvider,
} from '../../support/peers';
import { createTestPki } from '../../support/saml-fixtures';
import { startSamlIdp, type RunningSamlIdp } from '../../support/saml-idp';
import { open, account, readCode } from './authenticator';
import { openScan } from './scan';
import { idpCard, openSection } from './admin';
import { api, check, oidcProviderLogin, samlIdpLogin, testSso } from './signin';

test.skip(!process.env.DISPLAY, 'needs a display (npm test provides one with xvfb-run)');
test.setTimeout(150_000);

let dataDir: string;
let tessera: RunningTessera;
let samlIdp: RunningSamlIdp;
let oidc: RunningOidcProvider;
let dns: RunningDns;
let port: number;

test.beforeAll(async () => {
  port = await freeTcpPort();
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-signin-'));
  tessera = await startTessera(dataDir, { TESSERA_SIGNIN_PORT: String(port) });
  const pki = await createTestPki();
  samlIdp = await startSamlIdp({
    signer: pki.idp,
    users: {
      alice: {
        uid: 'alice@example.test',
        givenName: 'Alice',
        sn: 'Andersson',
        employeeNumber: 'E-1001',
        groups: ['staff', 'finance'],
      },
    },
  });
  oidc = await startOidcProvider([`http://127.0.0.1:${port}/oidc/callback`], {
    dave: { email: 'dave@oidc.test', email_verified: true, given_name: 'Dave' },
  });

  // What other specs cover through the UI, set up through the same API: a claimed domain, the
  // two IdPs (not activated), a rule for the OIDC one, JIT for SAML, and mandatory MFA.
  const domain = await api(tessera, 'admin:domain:add', { name: 'example.test' });
  dns = await startDnsmasq([`--txt-record=${domain.recordName},${domain.token}`], domain.recordName);
  const org = await api(tessera, 'admin:org:get', {});
  await api(tessera, 'admin:org:update', {
    name: 'Acme',
    dnsResolver: dns.resolver,
    signinPort: org.signinPort,
  });
  await api(tessera, 'admin:domain:verify', { name: 'example.test' });
  await api(tessera, 'admin:domain:claim', { name: 'example.test', claimed: true });
  const saml = await api(tessera, 'sso:idp:save-saml', {
    id: null,
    idp: {
      name: 'Test IdP',
      userIdAttribute: 'uid',
      acknowledgeLessSecure: true,
      source: { kind: 'metadata', xml: samlIdp.metadataXml() },
    },
  });
  await api(tessera, 'sso:jit:set', {
    idpId: saml.id,
    jit: {
      createUsers: true,
      updateUsers: true,
      allowNewEmail: false,
      linkBy: 'employeeNumber',
      mapping: { 'name.givenName': 'givenName', 'name.familyName': 'sn', employeeNumber: 'employeeNumber' },
      groupAttribute: 'groups',
    },
  });
  const oidcIdp = await api(tessera, 'sso:idp:save-oidc', {
    id: null,
    idp: {
      name: 'Corporate OIDC',
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      scopes: ['openid', 'email', 'profile'],
      automaticLogout: false,
      endpoints: { kind: 'discovery', discoveryUrl: oidc.issuer },
    },
  });
  const rule = await api(tessera, 'routing:rule:save', {
    id: null,
    rule: {
      name: 'OIDC people',
      type: 'domain',
      values: ['oidc.test'],
      idpId: oidcIdp.id,
      mfa: 'keep',
      mfaRequired: false,
    },
    acknowledged: true,
  });
  await api(tessera, 'routing:rule:set-active', { id: rule.id, active: true, acknowledged: true });
  await api(tessera, 'mfa:policy:set', {
    enabled: true,
    allowPerUser: false,
    mandatoryForApplications: false,
    mandatoryForOrganization: true,
  });
});

test.afterAll(async () => {
  await tessera?.stop();
  await samlIdp?.stop();
  await oidc?.stop();
  await dns?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('Test SSO, activation, sign-in with JIT and MFA enrolled by scanning the screen', async () => {
  // Two browsers side by side on the X screen: Tessera on the left (it may capture the screen),
  // the person's browser on the right. No window manager, so the positions hold.
  const app: Browser = await chromium.launch({
    ...CHROMIUM,
    headless: false,
    args: [
      ...CHROMIUM.args,
      '--window-position=0,0',
      '--window-size=880,900',
      '--auto-select-desktop-capture-source=Entire screen',
    ],
  });
  const person: Browser = await chromium.launch({
    ...CHROMIUM,
    headless: false,
    args: [...CHROMIUM.args, '--window-position=890,0', '--window-size=470,900'],
  });
  try {
    const page = await app.newPage({ viewport: null });
    await open(page, tessera.url);
    await openSection(page, 'Identity providers');

    // S6–S7: a broken SAML IdP first — the diagnosis names the check and the fix.
    samlIdp.mode = 'wrong-audience';
    let dialog = await testSso(page, 'Test IdP', (tab) => samlIdpLogin(tab, 'alice'));
    await expect(dialog.getByText('Test failed')).toBeVisible();
    await expect(check(dialog, 'Audience is our entity ID')).toHaveAttribute('data-status', 'fail');
    await expect(check(dialog, 'Audience is our entity ID')).toContainText("Tessera's entity ID");
    await expect(check(dialog, 'Assertion signed by a pinned certificate')).toHaveAttribute(
      'data-status',
      'pass',
    );
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await expect(dialog).toBeHidden();

    // Fixed at the IdP: the test passes, shows the claims and the profile JIT would write.
    samlIdp.mode = 'normal';
    dialog = await testSso(page, 'Test IdP', (tab) => samlIdpLogin(tab, 'alice'));
    await expect(dialog.getByText('Test succeeded')).toBeVisible();
    await expect(dialog.locator('[data-status="fail"]')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Profile JIT would write' }).click();
    await expect(dialog.getByRole('table', { name: 'Changes' })).toContainText('Andersson');
    await dialog.getByRole('button', { name: 'Activate this identity provider' }).click();
    await expect(dialog).toBeHidden();
    await expect(idpCard(page, 'Test IdP')).toContainText('Active');

    // OIDC against the certified provider.
    dialog = await testSso(page, 'Corporate OIDC', (tab) => oidcProviderLogin(tab, 'dave'));
    await expect(dialog.getByText('Test succeeded')).toBeVisible();
    await dialog.getByRole('button', { name: 'Claims received' }).click();
    await expect(dialog.getByRole('table', { name: 'Claims received' })).toContainText('dave@oidc.test');
    await dialog.getByRole('button', { name: 'Activate this identity provider' }).click();
    await expect(idpCard(page, 'Corporate OIDC')).toContainText('Active');

    // A person signs in: routed to the SAML IdP, provisioned, asked to enroll.
    const signIn: Page = await person.newPage({ viewport: null });
    await signIn.goto(`http://127.0.0.1:${port}/`);
    await signIn.getByLabel('Email').fill('alice@example.test');
    await signIn.getByRole('button', { name: 'Next' }).click();
    await samlIdpLogin(signIn, 'alice');
    await expect(signIn.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
    await expect(signIn.getByRole('img', { name: /QR code/ })).toBeVisible();

    // Tessera's authenticator scans the QR code from the screen (M7).
    await openSection(page, 'Authenticator');
    const scan = await openScan(page);
    await scan.getByRole('button', { name: 'Scan the screen' }).click();
    await expect(scan).toBeHidden();
    const name = 'Acme (alice@example.test)';
    await expect(account(page, name)).toBeVisible();
    const first = await readCode(page, name);
    await signIn.getByLabel('Code from the app').fill(first.code);
    await signIn.getByRole('button', { name: 'Submit' }).click();
    await expect(signIn.getByText('You are signed in as alice@example.test')).toBeVisible();

    // The directory has her mapped profile, her groups and her enrollment.
    await openSection(page, 'Directory');
    const row = page.getByRole('row').filter({ hasText: 'alice@example.test' });
    await expect(row).toContainText('finance');
    await expect(row).toContainText('Enrolled');

    // Signing in again (a private window: no session): the used code is refused, the next is accepted.
    const again = await (await person.newContext({ viewport: null })).newPage();
    await again.goto(`http://127.0.0.1:${port}/`);
    await again.getByLabel('Email').fill('alice@example.test');
    await again.getByRole('button', { name: 'Next' }).click();
    await samlIdpLogin(again, 'alice');
    await expect(again.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await again.getByLabel('Code from your authenticator').fill(first.code);
    await again.getByRole('button', { name: 'Submit' }).click();
    await expect(again.getByRole('alert')).toContainText('already used');
    await openSection(page, 'Authenticator');
    await expect
      .poll(async () => (await readCode(page, name)).code, { timeout: 35_000 })
      .not.toBe(first.code);
    const next = await readCode(page, name);
    await again.getByLabel('Code from your authenticator').fill(next.code);
    await again.getByRole('button', { name: 'Submit' }).click();
    await expect(again.getByText('You are signed in as alice@example.test')).toBeVisible();

    // M8: the admin resets her enrollment.
    await openSection(page, 'Directory');
    await page.getByRole('button', { name: 'Reset MFA for alice@example.test' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Reset/ }).click();
    await expect(page.getByRole('row').filter({ hasText: 'alice@example.test' })).toContainText(
      'Not enrolled',
    );
  } finally {
    await app.close();
    await person.close();
  }
});
