import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a value someone sent equals a secret we hold (a session token, a flow's cookie), in time
 * that does not depend on where they differ. Anything but a string is not equal.
 */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
