/** Back-off for guesses (passwords, MFA codes): free attempts, doubling waits, then an admin lock. */
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { delayAfter, Throttle, THROTTLE } from '../../../../electron/core/broker/throttle';
import { migrate } from '../../../../electron/core/store/database';
import { thrownAppError } from '../../../support/errors';

describe('throttle', () => {
  it('waits nothing for the first failures, then doubles up to an hour, then locks (NIST ≤ 100)', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7].map((n) => delayAfter(n))).toEqual([30_000, 60_000, 120_000]);
    expect(delayAfter(19)).toBe(THROTTLE.maxDelayMs);
    expect(delayAfter(THROTTLE.lockAfter)).toBe(Number.MAX_SAFE_INTEGER);
    expect(THROTTLE.lockAfter).toBeLessThan(100);
  });

  it('refuses while waiting, says how long, survives in the store, and resets on success', () => {
    const db = new Database(':memory:');
    migrate(db);
    let now = 0;
    const throttle = new Throttle(db, () => now);
    for (let i = 0; i < 5; i++) {
      throttle.assertAllowed('k');
      throttle.fail('k');
    }
    const error = thrownAppError(() => throttle.assertAllowed('k'));
    expect(error.reason).toBe('signin.throttled');
    expect(error.params).toEqual({ seconds: 30 });
    // Another throttle on the same store (a restart) knows it too.
    expect(thrownAppError(() => new Throttle(db, () => now).assertAllowed('k')).reason).toBe(
      'signin.throttled',
    );
    now += 30_000;
    throttle.assertAllowed('k');
    throttle.reset('k');
    for (let i = 0; i < THROTTLE.lockAfter; i++) throttle.fail('k');
    now += 365 * 24 * 3600_000;
    expect(thrownAppError(() => throttle.assertAllowed('k')).reason).toBe('signin.lockedOut');
  });
});
