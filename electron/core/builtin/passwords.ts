/**
 * Passwords of the built-in identity's local users: Argon2id (memory-hard, RFC 9106) through
 * @node-rs/argon2, with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). The PHC string keeps
 * the parameters, so raising them later still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

// Argon2id is the library's default algorithm (its `Algorithm` is a const enum we cannot import).
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    // A damaged hash verifies nothing.
    return false;
  }
}
