/**
 * Certificate expiry alerts (C4, C5) through the real gate and contract, on an encrypted store on
 * disk, the real keychain and a real SMTP server (smtp-server, STARTTLS + AUTH): the thresholds
 * once each — across restarts and after days closed (only the latest missed one) — retries while
 * the server is down, nothing more once the certificate is renewed, and notifications. Time moves
 * by an injected clock; the scheduler is run by hand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app-core';
import type { AlertNotification } from '../../../../electron/core/alerts/alert-service';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { idpMetadataXml, makeCertificate, newKeys } from '../../../support/saml-fixtures';
import { makeSmtpTls, SMTP_USER, startSmtp, type RunningSmtp, type TestTls } from '../../../support/smtp';
import { freeTcpPort } from '../../../support/peers';
import { readOrCreateVaultId } from '../../../../electron/core/store/database';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';

const DAY = 86_400_000;
const tempDir = useTempDirs();
const open: Core[] = [];
let tls: TestTls;
const servers: RunningSmtp[] = [];

beforeAll(async () => {
  requireSecretService();
  tls = await makeSmtpTls();
});
afterEach(async () => {
  for (const core of open.splice(0)) core.close();
  for (const server of servers.splice(0)) await server.close();
});
afterAll(() => undefined);

/** A clock the test moves. */
class TestClock {
  constructor(public t: number) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

const manualTimers = { setTimeout: () => null, clearTimeout: () => undefined };

async function start(dataDir: string, clock: TestClock) {
  const core = await createCore({
    dataDir,
    version: 'test',
    clock,
    alertTimers: manualTimers,
    mail: { extraCa: [tls.certPem], timeoutMs: 5_000 },
  });
  open.push(core);
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { shape: result.error });
    return result.data as ResponseOf<C>;
  }
  async function refuse<C extends Channel>(channel: C, request: unknown): Promise<AppErrorShape> {
    const result = await core.dispatch(channel, request);
    if (result.ok) throw new Error(`${channel} was expected to fail`);
    return result.error;
  }
  const stop = () => {
    core.close();
    open.splice(open.indexOf(core), 1);
  };
  return { core, call, refuse, stop };
}

async function smtp(port?: number) {
  const server = await startSmtp({ tls, mode: 'starttls', auth: 'accept', ...(port ? { port } : {}) });
  servers.push(server);
  return server;
}

function smtpInput(port: number) {
  return {
    host: '127.0.0.1',
    port,
    tls: 'starttls' as const,
    username: SMTP_USER.user,
    password: SMTP_USER.pass,
    clearPassword: false,
    fromAddress: 'tessera@example.com',
  };
}

const SP_RULE = {
  rule: 'sp-certificate-expiry' as const,
  enabled: true,
  email: true,
  notification: true,
  recipients: ['admin@example.com'],
};

describe('SP certificate expiry alerts', () => {
  it('sends each threshold once, across restarts, catches up on the latest only, retries, and stops after renewal', async () => {
    const dataDir = tempDir();
    const clock = new TestClock(Date.parse('2026-01-10T09:00:00Z'));
    let server = await smtp();
    const port = server.port;
    let app = await start(dataDir, clock);
    const cert = await app.call('sso:sp-certificate:generate', { keyType: 'p-256' });
    const notAfter = Date.parse(cert.info.notAfter);
    await app.call('alerts:smtp:set', smtpInput(port));
    await app.call('alerts:rule:set', SP_RULE);

    // 61 days before expiry: nothing yet.
    clock.t = notAfter - 61 * DAY;
    await app.core.checkAlertsNow();
    expect(await app.call('alerts:alert:list', {})).toEqual([]);

    // Day 60: one alert, one email.
    clock.t = notAfter - 60 * DAY + 3_600_000;
    await app.core.checkAlertsNow();
    await server.received(1);
    expect(server.messages[0]!.subject).toBe('[Tessera] The SP certificate expires in 60 days');
    expect(server.messages[0]!.text).toContain(cert.info.fingerprintSha256);
    let alerts = await app.call('alerts:alert:list', {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'sp-certificate-expiry', threshold: 60, daysLeft: 60 });
    expect(alerts[0]!.deliveries.find((d) => d.channel === 'email')).toMatchObject({
      status: 'delivered',
      recipients: ['admin@example.com'],
    });

    // The same day again, and after a restart: nothing new.
    clock.advance(3_600_000);
    await app.core.checkAlertsNow();
    app.stop();
    app = await start(dataDir, clock);
    await app.core.checkAlertsNow();
    expect(await app.call('alerts:alert:list', {})).toHaveLength(1);
    expect(server.messages).toHaveLength(1);

    // Closed from day 60 to day 20: the 45 and 30 thresholds passed; only the 30 one is sent.
    app.stop();
    clock.t = notAfter - 20 * DAY;
    app = await start(dataDir, clock);
    await app.core.checkAlertsNow();
    await server.received(2);
    alerts = await app.call('alerts:alert:list', {});
    expect(alerts.map((a) => a.threshold)).toEqual([30, 60]);
    expect(server.messages[1]!.subject).toBe('[Tessera] The SP certificate expires in 20 days');
    await app.core.checkAlertsNow();
    expect(server.messages).toHaveLength(2);

    // Day 15 with the mail server down: kept, "not delivered" with the reason, retried with back-off.
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    clock.t = notAfter - 15 * DAY;
    await app.core.checkAlertsNow();
    alerts = await app.call('alerts:alert:list', {});
    let email = alerts[0]!.deliveries.find((d) => d.channel === 'email')!;
    expect(alerts[0]!.threshold).toBe(15);
    expect(email).toMatchObject({ status: 'failed', attempts: 1 });
    expect(email.lastError).toMatch(/connection refused/);
    expect(email.nextAttemptAt).toBe(clock.t + 60_000);
    // Not due yet: no attempt. Then due: a second attempt, a longer wait.
    await app.core.checkAlertsNow();
    clock.advance(61_000);
    await app.core.checkAlertsNow();
    email = (await app.call('alerts:alert:list', {}))[0]!.deliveries.find((d) => d.channel === 'email')!;
    expect(email).toMatchObject({ status: 'failed', attempts: 2 });
    expect(email.nextAttemptAt).toBe(clock.t + 120_000);

    // The server is back (same port): the retry delivers it, once.
    server = await smtp(port);
    clock.advance(121_000);
    await app.core.checkAlertsNow();
    await server.received(1);
    expect(server.messages[0]!.subject).toBe('[Tessera] The SP certificate expires in 15 days');
    email = (await app.call('alerts:alert:list', {}))[0]!.deliveries.find((d) => d.channel === 'email')!;
    expect(email).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });

    // Expiry with the server down again, then the certificate is renewed: the waiting email is
    // cancelled, and nothing more comes for the old certificate.
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    clock.t = notAfter + 3_600_000;
    await app.core.checkAlertsNow();
    alerts = await app.call('alerts:alert:list', {});
    expect(alerts[0]).toMatchObject({ threshold: 0 });
    expect(alerts[0]!.deliveries.find((d) => d.channel === 'email')!.status).toBe('failed');
    const renewed = await app.call('sso:sp-certificate:generate', { keyType: 'p-256' });
    expect(renewed.info.fingerprintSha256).not.toBe(cert.info.fingerprintSha256);
    server = await smtp(port);
    clock.advance(10 * DAY);
    await app.core.checkAlertsNow();
    alerts = await app.call('alerts:alert:list', {});
    expect(alerts).toHaveLength(4);
    expect(alerts[0]!.deliveries.find((d) => d.channel === 'email')).toMatchObject({
      status: 'cancelled',
      lastError: expect.stringContaining('renewed'),
    });
    expect(server.messages).toHaveLength(0);
  });

  it('shows notifications through the desktop listener, or marks them shown by the console', async () => {
    const clock = new TestClock(Date.parse('2026-02-01T09:00:00Z'));
    const app = await start(tempDir(), clock);
    const cert = await app.call('sso:sp-certificate:generate', { keyType: 'p-256' });
    await app.call('alerts:rule:set', { ...SP_RULE, email: false, recipients: [] });
    clock.t = Date.parse(cert.info.notAfter) - 44 * DAY;
    await app.core.checkAlertsNow();
    // Browser mode: no listener in main; the notification waits for the console.
    let [alert] = await app.call('alerts:alert:list', {});
    expect(alert!.deliveries).toEqual([
      expect.objectContaining({ channel: 'notification', status: 'pending', lastError: expect.any(String) }),
    ]);
    await app.call('alerts:alert:notified', { ids: [alert!.id] });
    [alert] = await app.call('alerts:alert:list', {});
    expect(alert!.deliveries[0]).toMatchObject({ status: 'delivered', lastError: null });
    expect(alert!.acknowledgedAt).toBeNull();
    [alert] = [await app.call('alerts:alert:acknowledge', { id: alert!.id })];
    expect(alert!.acknowledgedAt).toBe(clock.t);

    // The desktop app: main's listener shows it.
    const shown: AlertNotification[] = [];
    app.core.onAlertNotification((notification) => {
      shown.push(notification);
      return true;
    });
    clock.t = Date.parse(cert.info.notAfter) - 29 * DAY;
    await app.core.checkAlertsNow();
    expect(shown).toEqual([expect.objectContaining({ title: 'The SP certificate expires in 29 days' })]);
    expect((await app.call('alerts:alert:list', {}))[0]!.deliveries[0]!.status).toBe('delivered');
  });

  it('raises nothing while the rule is off, and refuses email without recipients', async () => {
    const clock = new TestClock(Date.parse('2026-02-01T09:00:00Z'));
    const app = await start(tempDir(), clock);
    const cert = await app.call('sso:sp-certificate:generate', { keyType: 'p-256' });
    expect((await app.refuse('alerts:rule:set', { ...SP_RULE, recipients: [] })).reason).toBe(
      'alerts.recipientsRequired',
    );
    expect((await app.refuse('alerts:rule:set', { ...SP_RULE, recipients: ['not an address'] })).code).toBe(
      'BAD_REQUEST',
    );
    await app.call('alerts:rule:set', { ...SP_RULE, enabled: false });
    clock.t = Date.parse(cert.info.notAfter) - 10 * DAY;
    await app.core.checkAlertsNow();
    expect(await app.call('alerts:alert:list', {})).toEqual([]);
  });
});

describe('IdP certificate expiry alerts', () => {
  it('alerts on a pinned IdP certificate and stops once the IdP has a renewed one', async () => {
    const start0 = Date.parse('2026-03-01T12:00:00Z');
    const clock = new TestClock(start0);
    const app = await start(tempDir(), clock);
    const keys = await newKeys('p-256');
    const old = await makeCertificate({
      commonName: 'Old IdP signing',
      keys,
      keyType: 'p-256',
      notBefore: new Date(start0 - 300 * DAY),
      notAfter: new Date(start0 + 40 * DAY),
    });
    const manual = (certificatePem: string) => ({
      kind: 'manual' as const,
      entityId: 'https://idp.example.com/idp',
      ssoUrl: 'https://idp.example.com/sso',
      ssoBinding: 'HTTP-Redirect' as const,
      sloUrl: '',
      certificatePem,
    });
    const idp = await app.call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Campus IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: manual(old.pem),
      },
    });
    const shown: AlertNotification[] = [];
    app.core.onAlertNotification((n) => shown.push(n) > 0);
    await app.core.checkAlertsNow();
    const [alert] = await app.call('alerts:alert:list', {});
    expect(alert).toMatchObject({
      rule: 'idp-certificate-expiry',
      threshold: 45,
      daysLeft: 40,
      certificate: expect.objectContaining({ use: 'idp', idpNames: ['Campus IdP'] }),
    });
    expect(shown[0]!.title).toBe('The signing certificate of Campus IdP expires in 40 days');

    // The IdP's new certificate replaces the old one: the 30, 15 and expiry alerts never come.
    const renewed = await makeCertificate({
      commonName: 'New IdP signing',
      keys: await newKeys('p-256'),
      keyType: 'p-256',
      notBefore: new Date(start0 - DAY),
      notAfter: new Date(start0 + 800 * DAY),
    });
    await app.call('sso:idp:save-saml', {
      id: idp.id,
      idp: {
        name: 'Campus IdP',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: manual(renewed.pem),
      },
    });
    for (const day of [15, 30, 41]) {
      clock.t = start0 + day * DAY;
      await app.core.checkAlertsNow();
    }
    expect(await app.call('alerts:alert:list', {})).toHaveLength(1);
  });
});

describe('IdP rollover sets', () => {
  it('does not alert on an old certificate while the IdP also pins a later, valid one', async () => {
    const start0 = Date.parse('2026-03-01T12:00:00Z');
    const clock = new TestClock(start0);
    const app = await start(tempDir(), clock);
    const cert = async (commonName: string, fromDays: number, untilDays: number) =>
      makeCertificate({
        commonName,
        keys: await newKeys('p-256'),
        keyType: 'p-256',
        notBefore: new Date(start0 + fromDays * DAY),
        notAfter: new Date(start0 + untilDays * DAY),
      });
    // Two IdPs pin the expiring certificate; only the first also pins its successor.
    const expiring = await cert('Shared signing 2026', -300, 20);
    const successor = await cert('Shared signing 2028', -1, 800);
    const manual = (entityId: string, certificatePem: string) => ({
      kind: 'manual' as const,
      entityId,
      ssoUrl: `${entityId}/sso`,
      ssoBinding: 'HTTP-Redirect' as const,
      sloUrl: '',
      certificatePem,
    });
    await app.call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Renewed',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        // Rollover metadata: both certificates published.
        source: {
          kind: 'metadata',
          xml: idpMetadataXml({
            entityId: 'https://a.example.com',
            signing: [expiring.base64, successor.base64],
          }),
        },
      },
    });
    await app.core.checkAlertsNow();
    expect(await app.call('alerts:alert:list', {})).toEqual([]);
    await app.call('sso:idp:save-saml', {
      id: null,
      idp: {
        name: 'Not renewed',
        userIdAttribute: 'uid',
        acknowledgeLessSecure: true,
        source: manual('https://b.example.com', expiring.pem),
      },
    });
    await app.core.checkAlertsNow();
    const alerts = await app.call('alerts:alert:list', {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      threshold: 30,
      // Listed with every IdP that pins it (both were added at the same moment: by name).
      certificate: expect.objectContaining({ idpNames: ['Not renewed', 'Renewed'] }),
    });
  });
});

describe('the mail server', () => {
  it('keeps the password in the keychain and reports exactly what the server answers', async () => {
    const clock = new TestClock(Date.now());
    const app = await start(tempDir(), clock);
    const good = await smtp();
    const saved = await app.call('alerts:smtp:set', smtpInput(good.port));
    expect(saved).toMatchObject({ host: '127.0.0.1', hasPassword: true, tls: 'starttls' });
    expect(JSON.stringify(saved)).not.toContain(SMTP_USER.pass);
    // The audit entry redacts nothing it does not have: the password never reached it.
    const audit = await app.call('admin:audit:list', { limit: 5 });
    expect(JSON.stringify(audit)).not.toContain(SMTP_USER.pass);

    // The stored password is used for a test to the same server (the form sends none).
    const ok = await app.call('alerts:smtp:test', {
      smtp: { ...smtpInput(good.port), password: '' },
      to: 'me@example.com',
    });
    expect(ok).toMatchObject({ ok: true, problem: null, serverResponse: expect.stringMatching(/^250 /) });
    await good.received(1);
    expect(good.messages[0]!.subject).toBe('Tessera test email');

    // Refused login: the server's words, verbatim.
    const refusing = await startSmtp({ tls, auth: 'refuse' });
    servers.push(refusing);
    const denied = await app.call('alerts:smtp:test', {
      smtp: smtpInput(refusing.port),
      to: 'me@example.com',
    });
    expect(denied).toMatchObject({ ok: false, problem: 'auth' });
    expect(denied.serverResponse).toMatch(/^535 .*Authentication credentials invalid/);

    // Nothing listening.
    const down = await app.call('alerts:smtp:test', {
      smtp: smtpInput(await freeTcpPort()),
      to: 'me@example.com',
    });
    expect(down).toMatchObject({ ok: false, problem: 'connection', serverResponse: null });
    expect(down.detail).toMatch(/connection refused/);

    // STARTTLS required, and the server does not offer it.
    const plain = await startSmtp({ tls, mode: 'plain', auth: 'none' });
    servers.push(plain);
    const noTls = await app.call('alerts:smtp:test', {
      smtp: { ...smtpInput(plain.port), username: '', password: '' },
      to: 'me@example.com',
    });
    expect(noTls).toMatchObject({ ok: false, problem: 'tls' });

    // Implicit TLS.
    const implicit = await startSmtp({ tls, mode: 'implicit' });
    servers.push(implicit);
    const viaImplicit = await app.call('alerts:smtp:test', {
      smtp: { ...smtpInput(implicit.port), tls: 'implicit' },
      to: 'me@example.com',
    });
    expect(viaImplicit.ok).toBe(true);

    // Another server does not get the stored password; no TLS only on loopback.
    expect((await app.refuse('alerts:smtp:set', { ...smtpInput(implicit.port), password: '' })).reason).toBe(
      'mail.passwordRequiredForNewServer',
    );
    const other = await app.call('alerts:smtp:test', {
      smtp: { ...smtpInput(implicit.port), tls: 'implicit', password: '' },
      to: 'me@example.com',
    });
    expect(other).toMatchObject({ ok: false, problem: 'noPassword' });
    expect(
      (await app.refuse('alerts:smtp:set', { ...smtpInput(25), host: 'smtp.example.com', tls: 'none' })).code,
    ).toBe('BAD_REQUEST');
    expect(await app.call('alerts:smtp:get', {})).toMatchObject({ port: good.port, hasPassword: true });
  });

  it('replaces the password in the keychain under a fresh name, then removes the old one', async () => {
    const dataDir = tempDir();
    const app = await start(dataDir, new TestClock(Date.now()));
    const keychain = new KeytarSecretStore();
    const stored = async () => [
      ...(await keychain.entries(`smtp-password:${readOrCreateVaultId(dataDir)}:`)).values(),
    ];
    await app.call('alerts:smtp:set', smtpInput(2525));
    expect(await stored()).toEqual([SMTP_USER.pass]);
    await app.call('alerts:smtp:set', { ...smtpInput(2525), password: 'the-new-one' });
    expect(await stored()).toEqual(['the-new-one']);
    // Kept (same server, empty field), then removed on request.
    await app.call('alerts:smtp:set', { ...smtpInput(2525), password: '' });
    expect(await stored()).toEqual(['the-new-one']);
    await app.call('alerts:smtp:set', { ...smtpInput(2525), password: '', clearPassword: true });
    expect(await stored()).toEqual([]);
    expect(await app.call('alerts:smtp:get', {})).toMatchObject({ hasPassword: false });
  });
});
