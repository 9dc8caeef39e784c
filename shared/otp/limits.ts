/**
 * Limits on authenticator accounts, shared by the renderer's forms and the main process's parser so
 * both refuse the same things with the same words. Pure: no Node, no DOM.
 */
export const OTP_LIMITS = {
  uriMaxLength: 4096,
  issuerMaxLength: 128,
  accountNameMaxLength: 256,
  /** Base32 characters of a secret, before normalisation (spaces and padding included). */
  secretMaxLength: 256,
  /** RFC 4226 §4 asks for 128 bits; 80-bit secrets are still issued widely (Google's own default). */
  secretMinBytes: 10,
  /** RFC 6238's SHA-512 seed is 64 bytes; nothing real uses more. */
  secretMaxBytes: 64,
  digitsMin: 6,
  digitsMax: 8,
  periodMin: 5,
  periodMax: 300,
  /** A QR code holds at most 2,953 bytes; a migration link (base64, percent-encoded) stays under this. */
  migrationUriMaxLength: 8192,
  /** More accounts than any genuine export code carries (Google Authenticator puts about ten per code). */
  migrationMaxEntries: 100,
  /** Shortest password an encrypted backup accepts (it is stretched with scrypt). */
  backupPasswordMin: 10,
  /** Export codes scanned for one import. */
  migrationMaxParts: 20,
  /** Counters are persisted as JavaScript numbers; keep them exact. */
  counterMax: Number.MAX_SAFE_INTEGER,
} as const;

export const OTP_ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
export type OtpAlgorithm = (typeof OTP_ALGORITHMS)[number];
export const OTP_TYPES = ['totp', 'hotp'] as const;
/** Why one entry of a migration export cannot be imported (the others still can). */
export const MIGRATION_ENTRY_PROBLEMS = [
  'algorithm',
  'digits',
  'type',
  'secret',
  'secretTooShort',
  'steam',
  'text',
  'counter',
] as const;
export type MigrationEntryProblem = (typeof MIGRATION_ENTRY_PROBLEMS)[number];
export type OtpType = (typeof OTP_TYPES)[number];

/**
 * Characters that make a label display as something it is not ("Trojan Source", CVE-2021-42574):
 * controls (Cc), format characters (Cf: bidi overrides and isolates, zero-width characters, the
 * soft hyphen, Mongolian vowel separator, tag characters, BOM), and line/paragraph separators.
 */
const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** Spaces, hyphens and padding removed; lowercase accepted (as Google Authenticator does). */
export function normalizeBase32(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
}

const BASE32 = /^[A-Z2-7]+$/;
/** Unpadded RFC 4648 base32 lengths are never 1, 3 or 6 modulo 8. */
const VALID_TAIL = new Set([0, 2, 4, 5, 7]);

export type Base32Problem = 'empty' | 'characters' | 'length' | 'tooShort' | 'tooLong';

/** Checks a normalised base32 secret; returns what is wrong, or null. */
export function base32Problem(normalized: string): Base32Problem | null {
  if (normalized.length === 0) return 'empty';
  if (!BASE32.test(normalized)) return 'characters';
  if (!VALID_TAIL.has(normalized.length % 8)) return 'length';
  const bytes = Math.floor((normalized.length * 5) / 8);
  if (bytes < OTP_LIMITS.secretMinBytes) return 'tooShort';
  if (bytes > OTP_LIMITS.secretMaxBytes) return 'tooLong';
  return null;
}
