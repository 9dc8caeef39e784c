/**
 * Certificate expiry alerts end to end (C4, C5): the built renderer in Debian's Chromium against
 * Tessera in browser mode, a real SMTP server (smtp-server: STARTTLS + AUTH) and the real keychain.
 * The admin sets up the mail server (the test email reports the server's answer, also when it
 * refuses the password), an SP certificate and the SP rule; then Tessera runs five years later
 * (libfaketime), when that certificate has days left: the alert centre lists the alert, delivered
 * by email and shown in the console, and the admin acknowledges it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTessera, type RunningTessera } from '../support/tessera';
import { makeSmtpTls, SMTP_USER, startSmtp, type RunningSmtp, type TestTls } from '../../support/smtp';
import { openSection } from './admin';
import { alertCentre, createSpCertificate, fillMailServer, ruleCard, setRuleRecipients } from './alerts';

let dataDir: string;
let tessera: RunningTessera | undefined;
let tls: TestTls;
let caFile: string;
const servers: RunningSmtp[] = [];

test.beforeAll(async () => {
  tls = await makeSmtpTls();
});
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-alerts-'));
  caFile = join(dataDir, '..', `smtp-ca-${Date.now()}.pem`);
  writeFileSync(caFile, tls.certPem);
});
test.afterEach(async () => {
  await tessera?.stop();
  tessera = undefined;
  for (const server of servers.splice(0)) await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(caFile, { force: true });
});

/** Tessera trusts the test server's certificate as an admin's machine would trust a private CA. */
async function openApp(page: Page, clockOffset?: string) {
  tessera = await startTessera(dataDir, { NODE_EXTRA_CA_CERTS: caFile }, clockOffset ? { clockOffset } : {});
  await page.goto(tessera.url);
  await expect(page.getByRole('heading', { name: 'Authenticator' })).toBeVisible();
}

test('alert settings, the test email, and the alert centre', async ({ page }) => {
  // Two starts of Tessera, one under libfaketime.
  test.setTimeout(120_000);
  const server = await startSmtp({ tls, mode: 'starttls', auth: 'accept' });
  const refusing = await startSmtp({ tls, mode: 'starttls', auth: 'refuse' });
  servers.push(server, refusing);
  await openApp(page);

  await openSection(page, 'Identity providers');
  await createSpCertificate(page);

  await openSection(page, 'Alerts');
  await expect(page.getByText('No alerts so far')).toBeVisible();
  await expect(page.getByText('No email server yet')).toBeVisible();

  // A server that refuses the login: its own words are shown.
  let form = await fillMailServer(page, {
    port: refusing.port,
    username: SMTP_USER.user,
    password: 'wrong',
    from: 'tessera@example.com',
  });
  await form.getByRole('textbox', { name: 'Send a test email to' }).fill('admin@example.com');
  await form.getByRole('button', { name: 'Send test email' }).click();
  const result = form.getByRole('status');
  await expect(result).toContainText('The server refused the user name or password.');
  await expect(result).toContainText('535');

  // The right server and password: accepted, then saved (the password goes to the keychain).
  form = await fillMailServer(page, {
    port: server.port,
    username: SMTP_USER.user,
    password: SMTP_USER.pass,
    from: 'tessera@example.com',
  });
  await form.getByRole('button', { name: 'Send test email' }).click();
  await expect(result).toContainText('The server accepted the test email.');
  await expect(result).toContainText('250');
  await server.received(1);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Email server saved.')).toBeVisible();
  await expect(page.getByText('A password is stored; leave empty to keep it.')).toBeVisible();

  // The SP rule (on by default, as a notification) by email too.
  await expect(ruleCard(page, 'SP certificate expiry').getByRole('switch')).toBeChecked();
  await setRuleRecipients(page, 'SP certificate expiry', ['security@example.com']);

  // Five years and a little less later, the self-signed SP certificate has 11 days left.
  await tessera!.stop();
  await openApp(page, '+1815d');
  // The console shows the new alert's notification wherever the admin is.
  await expect(page.getByRole('alert').filter({ hasText: 'Certificate alert' })).toBeVisible();
  const mails = await server.received(2);
  expect(mails[1]!.subject).toMatch(/^\[Tessera\] The SP certificate expires in 1\d days$/);
  expect(mails[1]!.to && !Array.isArray(mails[1]!.to) ? mails[1]!.to.text : '').toBe('security@example.com');

  await openSection(page, 'Alerts');
  const row = alertCentre(page).getByRole('listitem').first();
  await expect(row).toContainText('SP certificate');
  await expect(row).toContainText('Alert at 15 days');
  await expect(row).toContainText('Email: delivered');
  await expect(row).toContainText('security@example.com');
  await expect(row).toContainText('Notification: delivered');
  await row.getByRole('button', { name: /^Acknowledge the alert about/ }).click();
  await expect(row.getByRole('button', { name: /^Acknowledge/ })).toBeHidden();
  await expect(page.getByText('1 unacknowledged')).toBeHidden();
});
