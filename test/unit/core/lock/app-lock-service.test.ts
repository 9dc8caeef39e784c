/**
 * The app lock: a password (Argon2id in the store), auto-lock measured in the core, guesses slowed
 * but never locked for good, and — through the whole core on the real keychain — nothing but the
 * status and an unlock answering while locked.
 */
import Database from 'libsql';
import { beforeAll, describe, expect, it } from 'vitest';
import { Throttle } from '../../../../electron/core/broker/throttle';
import { createCore } from '../../../../electron/core/app-core';
import { AppLockService } from '../../../../electron/core/lock/app-lock-service';
import { migrate } from '../../../../electron/core/store/database';
import { ErrorCode } from '../../../../shared/ipc/errors';
import { rejectedAppError } from '../../../support/errors';
import { freeTcpPort } from '../../../support/peers';
import { requireSecretService, useTempDirs } from '../../../support/temp';

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

function setup() {
  const db = new Database(':memory:');
  migrate(db);
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const make = () => new AppLockService(db, new Throttle(db, now, Infinity), now);
  return { db, clock, make, lock: make() };
}

describe('AppLockService', () => {
  it('is off until a password is set, and then never locks by itself', async () => {
    const { clock, lock } = setup();
    expect(lock.status()).toEqual({ enabled: false, locked: false, autoLockMinutes: 5 });
    clock.now += 24 * 60 * MINUTE;
    expect(lock.isLocked()).toBe(false);
    expect(lock.lock().locked).toBe(false);
    expect((await rejectedAppError(lock.setAutoLock(1))).reason).toBe('lock.notEnabled');
  });

  it('locks after the idle time, which input pushes back, and unlocks only with the password', async () => {
    const { clock, lock } = setup();
    expect(await lock.setPassword(undefined, PASSWORD)).toEqual({
      enabled: true,
      locked: false,
      autoLockMinutes: 5,
    });
    clock.now += 4 * MINUTE;
    lock.activity();
    clock.now += 4 * MINUTE;
    expect(lock.isLocked()).toBe(false);
    clock.now += MINUTE;
    expect(lock.isLocked()).toBe(true);
    // Input while locked does not reopen it.
    lock.activity();
    expect(lock.isLocked()).toBe(true);
    expect((await rejectedAppError(lock.unlock('correct horse battery '))).reason).toBe('lock.wrongPassword');
    expect(lock.isLocked()).toBe(true);
    expect((await lock.unlock(PASSWORD)).locked).toBe(false);
    expect(lock.lock().locked).toBe(true);
  });

  it('starts locked after a restart, keeps only an Argon2id hash, and honours "only when I lock it"', async () => {
    const { db, clock, lock, make } = setup();
    await lock.setPassword(undefined, PASSWORD);
    // Longer, or never: only with the password. Shorter: freely.
    expect((await rejectedAppError(lock.setAutoLock(0))).reason).toBe('lock.passwordNeeded');
    expect((await rejectedAppError(lock.setAutoLock(60, 'wrong password'))).reason).toBe(
      'lock.wrongPassword',
    );
    expect((await lock.setAutoLock(1)).autoLockMinutes).toBe(1);
    await lock.setAutoLock(0, PASSWORD);
    // From "never", any time is shorter.
    expect((await lock.setAutoLock(240)).autoLockMinutes).toBe(240);
    await lock.setAutoLock(0, PASSWORD);
    const row = db.prepare("SELECT value_json FROM app_settings WHERE key = 'app-lock'").get() as {
      value_json: string;
    };
    expect(row.value_json).not.toContain(PASSWORD);
    expect(JSON.parse(row.value_json).hash).toMatch(/^\$argon2id\$/);
    clock.now += 7 * 24 * 60 * MINUTE;
    expect(lock.isLocked()).toBe(false);
    const restarted = make();
    expect(restarted.status()).toEqual({ enabled: true, locked: true, autoLockMinutes: 0 });
    await restarted.unlock(PASSWORD);
    expect(restarted.isLocked()).toBe(false);
  });

  it('changes or removes the password only with the current one, and changes nothing otherwise', async () => {
    const { lock, make } = setup();
    await lock.setPassword(undefined, PASSWORD);
    expect((await rejectedAppError(lock.setPassword(undefined, 'a new password'))).reason).toBe(
      'lock.wrongPassword',
    );
    expect((await rejectedAppError(lock.setPassword('wrong password', 'a new password'))).reason).toBe(
      'lock.wrongPassword',
    );
    expect((await rejectedAppError(lock.disable('wrong password'))).reason).toBe('lock.wrongPassword');
    expect(lock.status().enabled).toBe(true);
    await lock.setPassword(PASSWORD, 'a new password');
    const restarted = make();
    expect((await rejectedAppError(restarted.unlock(PASSWORD))).reason).toBe('lock.wrongPassword');
    await restarted.unlock('a new password');
    expect((await restarted.disable('a new password')).enabled).toBe(false);
    expect(make().status()).toEqual({ enabled: false, locked: false, autoLockMinutes: 5 });
  });

  it('stays locked with a damaged record, until the owner resets it from the machine', async () => {
    for (const damaged of ['{not json', 'null', '{"autoLockMinutes":5}', '{"hash":"plain"}']) {
      const { db, make } = setup();
      db.prepare("INSERT INTO app_settings (key, value_json) VALUES ('app-lock', ?)").run(damaged);
      const lock = make();
      expect(lock.status()).toMatchObject({ enabled: true, locked: true });
      expect((await rejectedAppError(lock.unlock(''))).reason).toBe('lock.wrongPassword');
      expect((await rejectedAppError(lock.unlock('plain'))).reason).toBe('lock.wrongPassword');
      lock.reset();
      expect(make().status()).toEqual({ enabled: false, locked: false, autoLockMinutes: 5 });
    }
  });

  it('a lock during a slow unlock wins', async () => {
    const { lock } = setup();
    await lock.setPassword(undefined, PASSWORD);
    lock.lock();
    const unlocking = lock.unlock(PASSWORD);
    // The screen locks while Argon2 is still checking the password.
    lock.lock();
    expect((await unlocking).locked).toBe(true);
    expect((await lock.unlock(PASSWORD)).locked).toBe(false);
  });

  it('slows guesses down (counted before checking) but never locks the owner out for good', async () => {
    const { clock, lock } = setup();
    await lock.setPassword(undefined, PASSWORD);
    lock.lock();
    // A burst in parallel is counted like the same guesses one after another.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => rejectedAppError(lock.unlock('guess-guess'))),
    );
    expect(burst.filter((e) => e.reason === 'lock.wrongPassword')).toHaveLength(5);
    expect(burst.filter((e) => e.reason === 'lock.throttled')).toHaveLength(3);
    expect((await rejectedAppError(lock.unlock(PASSWORD))).params).toEqual({ seconds: 30 });
    for (let i = 0; i < 40; i++) {
      clock.now += 60 * MINUTE;
      await rejectedAppError(lock.unlock('guess-guess'));
    }
    clock.now += 60 * MINUTE;
    expect((await lock.unlock(PASSWORD)).locked).toBe(false);
  });
});

describe('the core while locked (real keychain)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => requireSecretService());

  it('answers only the status, an unlock and a lock', async () => {
    const clock = { ms: Date.UTC(2026, 10, 22) };
    const core = await createCore({
      dataDir: tempDir(),
      version: 'test',
      clock: { now: () => clock.ms },
      defaultSigninPort: await freeTcpPort(),
    });
    try {
      expect((await core.dispatch('totp:code:list', {})).ok).toBe(true);
      const on = await core.dispatch('app:lock:set-password', { newPassword: 'short' });
      expect(on.ok).toBe(false);
      expect((await core.dispatch('app:lock:set-password', { newPassword: PASSWORD })).ok).toBe(true);
      await core.dispatch('app:lock:set-auto-lock', { minutes: 1 });
      clock.ms += 2 * MINUTE;
      for (const channel of [
        'totp:code:list',
        'totp:account:list',
        'admin:org:get',
        'app:lock:activity',
      ] as const) {
        const result = await core.dispatch(channel, {});
        expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Locked, reason: 'lock.locked' } });
      }
      // Writes too, each with a request that would otherwise pass.
      const writes = [
        core.dispatch('totp:account:add', {
          kind: 'uri',
          uri: 'otpauth://totp/X:y?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=X',
        }),
        core.dispatch('totp:settings:set', { clipboardClearSeconds: 10, timeServer: '' }),
        core.dispatch('totp:clock:check', { fresh: true }),
        core.dispatch('totp:export:plain', { confirm: true }),
        core.dispatch('app:lock:set-auto-lock', { minutes: 0 }),
        core.dispatch('app:lock:set-password', {
          currentPassword: PASSWORD,
          newPassword: 'another password',
        }),
      ];
      for (const result of await Promise.all(writes)) {
        expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Locked } });
      }
      // The command line on this machine (--disable-sso) is not behind the lock.
      expect(await core.dispatchFromMachine('totp:account:list', {})).toMatchObject({ ok: true, data: [] });
      const disable = await core.dispatch('app:lock:disable', { password: PASSWORD });
      expect(disable).toMatchObject({ ok: false, error: { code: ErrorCode.Locked } });
      expect((await core.status()).lock).toEqual({ enabled: true, locked: true, autoLockMinutes: 1 });
      expect(await core.dispatch('app:lock:unlock', { password: PASSWORD })).toMatchObject({
        ok: true,
        data: { locked: false },
      });
      expect((await core.dispatch('totp:code:list', {})).ok).toBe(true);
      core.lock();
      expect((await core.dispatch('totp:code:list', {})).ok).toBe(false);
      // --reset-app-lock, from this machine: the lock is gone.
      await core.resetAppLock();
      expect((await core.dispatch('totp:code:list', {})).ok).toBe(true);
      expect((await core.status()).lock).toMatchObject({ enabled: false, locked: false });
    } finally {
      core.close();
    }
  });
});
