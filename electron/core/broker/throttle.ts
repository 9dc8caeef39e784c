/**
 * Failure counting with back-off for everything a person can guess at: built-in passwords and MFA
 * codes. NIST SP 800-63B §5.2.2 allows at most 100 consecutive failures; Tessera stops far sooner:
 * from the 5th failure each attempt waits twice as long as the last (30 s, 1 min … capped at 1 h),
 * and after 20 consecutive failures only an admin can unlock (MFA reset, or a new password).
 * Counters live in the store, so restarting Tessera does not reset them.
 */
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { Db } from '../store/database';

export const THROTTLE = {
  freeFailures: 4,
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  lockAfter: 20,
} as const;

/** Far enough in the future to mean "until an admin resets it", small enough for SQLite's INTEGER. */
const UNTIL_RESET = Number.MAX_SAFE_INTEGER;

/** `lockAfter`: failures after which only an admin can unlock (Infinity: never; the delay stays capped). */
export function delayAfter(failures: number, { lockAfter }: { lockAfter: number } = THROTTLE): number {
  if (failures >= lockAfter) return UNTIL_RESET;
  if (failures <= THROTTLE.freeFailures) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (failures - THROTTLE.freeFailures - 1), THROTTLE.maxDelayMs);
}

export class Throttle {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** The app lock has no admin to reset it, so it passes Infinity: slowed down, never bricked. */
    private readonly lockAfter: number = THROTTLE.lockAfter,
  ) {}

  private row(key: string): { failures: number; locked_until: number } | undefined {
    return this.db.prepare('SELECT failures, locked_until FROM sign_in_failures WHERE key = ?').get(key) as
      { failures: number; locked_until: number } | undefined;
  }

  /** Throws while `key` must wait; the message says how long. */
  assertAllowed(key: string): void {
    const row = this.row(key);
    if (!row || row.locked_until <= this.now()) return;
    if (row.locked_until === UNTIL_RESET) {
      throw new AppError(
        ErrorCode.Forbidden,
        `Locked after ${row.failures} failed attempts in a row. Ask your administrator to reset it.`,
        'signin.lockedOut',
      );
    }
    const seconds = Math.ceil((row.locked_until - this.now()) / 1000);
    throw new AppError(
      ErrorCode.Forbidden,
      `Too many failed attempts. Try again in ${seconds} s.`,
      'signin.throttled',
      { seconds },
    );
  }

  /**
   * Counts an attempt as failed *before* it is checked (reset() on success). The check awaits (a
   * password hash, the keychain); counting first means a burst of parallel guesses is throttled
   * like the same guesses one after another. Throws while `key` must wait.
   */
  attempt(key: string): number {
    this.assertAllowed(key);
    return this.fail(key);
  }

  /** Returns the number of consecutive failures now recorded. */
  fail(key: string): number {
    const failures = (this.row(key)?.failures ?? 0) + 1;
    const delay = delayAfter(failures, { lockAfter: this.lockAfter });
    const lockedUntil = delay === UNTIL_RESET ? UNTIL_RESET : this.now() + delay;
    this.db
      .prepare(
        'INSERT OR REPLACE INTO sign_in_failures (key, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)',
      )
      .run(key, failures, lockedUntil, this.now());
    return failures;
  }

  reset(key: string): void {
    this.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
  }
}
