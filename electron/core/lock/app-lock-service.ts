/**
 * The app lock (issue #4, "app lock with a password and auto-lock after idle time"). While locked,
 * the core answers nothing but its status and an unlock (app-core's dispatch asks `isLocked()` before
 * every other call), so a renderer left open shows no code and changes nothing. Idle time is measured
 * here, from the input the renderer reports: a renderer that stops reporting — crashed, hidden, or
 * hostile — gets locked, not kept open. The password is stored as an Argon2id hash in the encrypted
 * store; guesses are slowed by the same throttle as sign-ins, but never locked for good (no admin
 * could reset it).
 */
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { DEFAULT_AUTO_LOCK_MINUTES, type LockStatus } from '../../../shared/app/lock';
import { hashPassword, verifyPassword } from '../builtin/passwords';
import type { Throttle } from '../broker/throttle';
import { createLogger } from '../logger';
import type { Db } from '../store/database';

const KEY = 'app-lock';
const THROTTLE_KEY = 'app-lock';
const log = createLogger('app-lock');

interface Stored {
  hash: string;
  autoLockMinutes: number;
}

export class AppLockService {
  private stored: Stored | null;
  /** Starts locked when a password is set: a fresh start is not an unlock. */
  private locked: boolean;
  private lastActivity: number;
  /** Moves on at every lock, so an unlock whose password check outlasted a lock does not undo it. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly throttle: Throttle,
    private readonly now: () => number,
  ) {
    this.stored = this.read();
    this.locked = this.stored !== null;
    this.lastActivity = now();
  }

  private read(): Stored | null {
    const row = this.db.prepare('SELECT value_json FROM app_settings WHERE key = ?').get(KEY) as
      { value_json: string } | undefined;
    if (!row) return null;
    let value: Partial<Stored> | null = null;
    try {
      value = JSON.parse(row.value_json) as Partial<Stored> | null;
    } catch {
      // Falls through to "damaged".
    }
    // A damaged record must not open the app: it stays locked with a hash nothing verifies, until
    // the owner resets the lock from this machine (`--reset-app-lock`).
    if (typeof value?.hash !== 'string' || !value.hash.startsWith('$argon2')) {
      log.error('The app lock record is damaged; Tessera stays locked. Reset it with --reset-app-lock.');
    }
    return {
      hash: typeof value?.hash === 'string' ? value.hash : '',
      autoLockMinutes:
        typeof value?.autoLockMinutes === 'number' ? value.autoLockMinutes : DEFAULT_AUTO_LOCK_MINUTES,
    };
  }

  private write(stored: Stored | null): void {
    if (stored) {
      this.db
        .prepare('INSERT OR REPLACE INTO app_settings (key, value_json) VALUES (?, ?)')
        .run(KEY, JSON.stringify(stored));
    } else {
      this.db.prepare('DELETE FROM app_settings WHERE key = ?').run(KEY);
    }
    this.stored = stored;
  }

  /** Locks once the idle time has passed, so every caller sees the same answer. */
  isLocked(): boolean {
    const minutes = this.stored?.autoLockMinutes ?? 0;
    if (!this.locked && this.stored && minutes > 0 && this.now() - this.lastActivity >= minutes * 60_000) {
      this.locked = true;
      log.info('Tessera locked itself after the idle time.');
    }
    return this.locked;
  }

  status(): LockStatus {
    return {
      enabled: this.stored !== null,
      locked: this.isLocked(),
      autoLockMinutes: this.stored?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    };
  }

  /** The person used the app (the renderer reports input, at most every few seconds). */
  activity(): void {
    if (!this.isLocked()) this.lastActivity = this.now();
  }

  lock(): LockStatus {
    if (this.stored) this.locked = true;
    this.generation += 1;
    return this.status();
  }

  async unlock(password: string): Promise<LockStatus> {
    if (!this.stored) return this.status();
    const generation = this.generation;
    await this.check(password);
    // Locked again (the screen, the tray) while the password was being checked: that wins.
    if (generation !== this.generation) return this.status();
    this.locked = false;
    this.lastActivity = this.now();
    return this.status();
  }

  /** Turns the lock on, or changes its password (which needs the current one). */
  async setPassword(currentPassword: string | undefined, newPassword: string): Promise<LockStatus> {
    if (this.stored) await this.check(currentPassword ?? '');
    const hash = await hashPassword(newPassword);
    const wasEnabled = this.stored !== null;
    this.write({ hash, autoLockMinutes: this.stored?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES });
    this.lastActivity = this.now();
    log.info(wasEnabled ? 'The app lock password was changed.' : 'The app lock was turned on.');
    return this.status();
  }

  /**
   * A shorter idle time is always fine; a longer one, or none, weakens the lock and needs the
   * password — someone at an unlocked Tessera must not be able to keep it open for later.
   */
  async setAutoLock(minutes: number, password?: string): Promise<LockStatus> {
    if (!this.stored) {
      throw new AppError(ErrorCode.InvalidInput, 'Set an app lock password first.', 'lock.notEnabled');
    }
    const current = this.stored.autoLockMinutes;
    const weaker = (minutes === 0 && current !== 0) || (current !== 0 && minutes > current);
    if (weaker) {
      if (password === undefined) {
        throw new AppError(
          ErrorCode.Forbidden,
          'A longer time before locking needs the app lock password.',
          'lock.passwordNeeded',
        );
      }
      await this.check(password);
    }
    this.write({ ...this.stored, autoLockMinutes: minutes });
    this.lastActivity = this.now();
    return this.status();
  }

  async disable(password: string): Promise<LockStatus> {
    if (!this.stored) return this.status();
    await this.check(password);
    this.write(null);
    this.locked = false;
    log.info('The app lock was turned off.');
    return this.status();
  }

  /**
   * The owner's way back from a forgotten password or a damaged record: only from this machine's
   * command line (`--reset-app-lock`), by someone who can already read the data folder and keychain.
   */
  reset(): void {
    this.write(null);
    this.locked = false;
    log.warn('The app lock was removed from the command line.');
  }

  /** Counted before it is checked, so parallel guesses are slowed like sequential ones. */
  private async check(password: string): Promise<void> {
    try {
      this.throttle.attempt(THROTTLE_KEY);
    } catch (error) {
      const seconds = error instanceof AppError ? Number(error.params?.seconds ?? 0) : 0;
      throw new AppError(
        ErrorCode.Forbidden,
        `Too many wrong passwords. Try again in ${seconds} s.`,
        'lock.throttled',
        { seconds },
      );
    }
    if (!this.stored || !(await verifyPassword(this.stored.hash, password))) {
      throw new AppError(ErrorCode.Forbidden, 'That is not the app lock password.', 'lock.wrongPassword');
    }
    this.throttle.reset(THROTTLE_KEY);
  }
}
