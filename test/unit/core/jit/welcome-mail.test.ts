/**
 * The welcome email to users JIT creates (C6), on an encrypted store on disk, the real keychain and
 * a real SMTP server (STARTTLS + AUTH): the user's language (preferredLanguage, then locale, then
 * the organization's), queued so a sign-in never waits for or fails with the mail server, retried
 * once the server is back, and the organization's switch that suppresses it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeSignin } from '../../../../electron/core/app-core';
import { composeAlerts } from '../../../../electron/core/alerts/compose';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { openDatabase, readOrCreateVaultId, type Db } from '../../../../electron/core/store/database';
import { attributeMap, mapAttributes } from '../../../../electron/core/jit/mapping';
import { languageOf } from '../../../../electron/core/jit/welcome-mail';
import { DEFAULT_JIT, type JitSettings } from '../../../../shared/admin/directory';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { makeSmtpTls, SMTP_USER, startSmtp, type RunningSmtp, type TestTls } from '../../../support/smtp';

const tempDir = useTempDirs();
const secrets = new KeytarSecretStore();
let tls: TestTls;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  requireSecretService();
  tls = await makeSmtpTls();
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const JIT: JitSettings = {
  ...DEFAULT_JIT,
  createUsers: true,
  updateUsers: true,
  mapping: { preferredLanguage: 'lang', locale: 'locale', displayName: 'name' },
};

async function setup() {
  const dataDir = tempDir();
  const vaultId = readOrCreateVaultId(dataDir);
  const db: Db = await openDatabase(dataDir, vaultId, secrets);
  cleanup.push(() => void db.close());
  const clock = { t: Date.parse('2026-05-04T08:00:00Z'), now: () => clock.t };
  const { audit, org, directory } = await composeSignin(db, secrets, vaultId, clock.now);
  db.prepare(
    "INSERT INTO domains (name, token, verified_at, claimed, created_at) VALUES ('example.test', 't', 1, 1, 1)",
  ).run();
  org.update({ name: 'Northwind', dnsResolver: null, signinPort: 7480 });
  const idp = { id: '00000000-0000-4000-8000-000000000001', name: 'Campus IdP' };
  db.prepare(
    "INSERT INTO idps (id, name, kind, activated, settings_json, created_at, updated_at) VALUES (?, ?, 'saml', 1, '{}', 0, 0)",
  ).run(idp.id, idp.name);
  const alerts = composeAlerts({
    db,
    secrets,
    vaultId,
    clock,
    audit,
    org,
    directory,
    timers: { setTimeout: () => null, clearTimeout: () => undefined },
    mail: { extraCa: [tls.certPem], timeoutMs: 5_000 },
  });
  /** A JIT sign-in as the broker does it: plan, then apply. */
  const signIn = (email: string, attributes: Record<string, string> = {}) => {
    const map = attributeMap(Object.entries({ uid: email, ...attributes }).map(([k, v]) => [k, [v]]));
    const plan = directory.plan(mapAttributes(map, JIT, 'uid'), JIT, idp);
    return directory.apply(plan, true);
  };
  return { db, clock, alerts, signIn };
}

async function smtp(port?: number): Promise<RunningSmtp> {
  const server = await startSmtp({ tls, ...(port ? { port } : {}) });
  cleanup.push(() => server.close());
  return server;
}

const smtpSettings = (port: number) => ({
  host: '127.0.0.1',
  port,
  tls: 'starttls' as const,
  username: SMTP_USER.user,
  password: SMTP_USER.pass,
  clearPassword: false,
  fromAddress: 'it@example.test',
});

describe('welcome email', () => {
  it("is written in the user's language, else the organization's", async () => {
    const { alerts, signIn } = await setup();
    const server = await smtp();
    await alerts.mail.save(smtpSettings(server.port));
    alerts.welcome.setSettings({ suppressed: false, defaultLanguage: 'pl' });
    signIn('anna@example.test', { lang: 'sv-SE', name: 'Anna Berg' });
    signIn('mikko@example.test', { locale: 'fi-FI' });
    signIn('jan@example.test', { lang: 'de-DE' });
    signIn('ana@example.test');
    await alerts.scheduler.runNow();
    const mails = await server.received(4);
    const byTo = new Map(mails.map((mail) => [mail.to && !Array.isArray(mail.to) ? mail.to.text : '', mail]));
    expect(byTo.get('anna@example.test')!.subject).toBe('Välkommen till Northwind');
    expect(byTo.get('anna@example.test')!.text).toContain('Hej Anna Berg,');
    expect(byTo.get('anna@example.test')!.text).toContain('Campus IdP');
    expect(byTo.get('mikko@example.test')!.subject).toBe('Tervetuloa: Northwind');
    // German is not one of Tessera's languages: the organization's (Polish) is used.
    expect(byTo.get('jan@example.test')!.subject).toBe('Witamy w Northwind');
    expect(byTo.get('ana@example.test')!.subject).toBe('Witamy w Northwind');
    expect(byTo.get('ana@example.test')!.from?.text).toBe('it@example.test');
    expect(alerts.welcome.status()).toEqual({ waiting: 0, delivered: 4, lastError: null });

    // Only users JIT creates: a second sign-in sends nothing more.
    signIn('anna@example.test', { lang: 'sv-SE' });
    await alerts.scheduler.runNow();
    expect(server.messages).toHaveLength(4);
  });

  it('never holds up a sign-in: queued while the server is down, sent once it is back', async () => {
    const { alerts, signIn, clock } = await setup();
    const server = await smtp();
    const port = server.port;
    await alerts.mail.save(smtpSettings(port));
    await server.close();
    const userId = signIn('eva@example.test', { lang: 'en' });
    expect(userId).toEqual(expect.any(String));
    await alerts.scheduler.runNow();
    expect(alerts.welcome.status()).toMatchObject({
      waiting: 1,
      delivered: 0,
      lastError: expect.stringContaining('connection refused'),
    });
    const back = await smtp(port);
    clock.t += 61_000;
    await alerts.scheduler.runNow();
    const [mail] = await back.received(1);
    expect(mail!.subject).toBe('Welcome to Northwind');
    expect(alerts.welcome.status()).toEqual({ waiting: 0, delivered: 1, lastError: null });
  });

  it('is not sent while the organization suppresses it, including mails already queued', async () => {
    const { alerts, signIn, db } = await setup();
    const server = await smtp();
    alerts.welcome.setSettings({ suppressed: true, defaultLanguage: 'en' });
    // No mail server either: a sign-in still works.
    signIn('a@example.test');
    await alerts.mail.save(smtpSettings(server.port));
    await alerts.scheduler.runNow();
    expect(server.messages).toHaveLength(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM welcome_mails').get()).toMatchObject({ n: 0 });

    // Queued while allowed, then suppressed before it went: cancelled, never sent.
    alerts.welcome.setSettings({ suppressed: false, defaultLanguage: 'en' });
    await server.close();
    signIn('b@example.test');
    alerts.welcome.setSettings({ suppressed: true, defaultLanguage: 'en' });
    await alerts.scheduler.runNow();
    expect(db.prepare('SELECT status, last_error FROM welcome_mails').get()).toMatchObject({
      status: 'cancelled',
      last_error: 'Automatic emails to new users are suppressed.',
    });
  });

  it('reads the language from preferredLanguage, then locale', () => {
    expect(languageOf({ preferredLanguage: 'sv-FI', locale: 'fi-FI' })).toBe('sv');
    expect(languageOf({ preferredLanguage: 'de', locale: 'fi-FI' })).toBe('fi');
    expect(languageOf({ locale: 'pl_PL' })).toBe('pl');
    expect(languageOf({})).toBeNull();
  });
});
