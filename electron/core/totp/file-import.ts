/**
 * Accounts from a file: a Tessera backup (encrypted), an Aegis or 2FAS export (plain or encrypted
 * with a password), or a plain list of otpauth:// links, one per line. The kind is recognised from
 * the content, not the file name. Every entry is checked as if typed in; one bad entry spoils none
 * of the others. Nothing here writes anything, and neither passwords nor secrets are logged.
 *
 * Encrypted exports are opened with Node's own scrypt, PBKDF2 and AES-256-GCM, in three steps
 * that each say something different when they fail: the file's structure and key-derivation
 * parameters are checked before any key is derived (a hostile file must not make us spend
 * gigabytes or minutes); the password is proven against something small (an Aegis password slot,
 * 2FAS's `reference`), so a failure there means "wrong password"; only then is the content
 * decrypted, so a failure there means the file was changed or damaged.
 */
import { createDecipheriv, pbkdf2, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { OTP_ALGORITHMS, OTP_LIMITS } from '../../../shared/otp/limits';
import { entryFromFields, entryProblem, parseOtpauthUri } from './account-input';
import { BACKUP_MAX_BYTES, readBackup } from './backup';
import type { MigrationEntry } from './migration';

const MAX_ENTRIES = 10_000;

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `import.${reason}`, params);
}

/** The decrypted (or plain) content of an Aegis vault: its entries. */
const AegisDbSchema = z.object({
  entries: z
    .array(
      z.object({
        type: z.string(),
        name: z.string().default(''),
        issuer: z.string().default(''),
        info: z.object({
          secret: z.string(),
          algo: z.string().default('SHA1'),
          digits: z.number().default(6),
          period: z.number().optional(),
          counter: z.number().optional(),
        }),
      }),
    )
    .max(MAX_ENTRIES),
});
type AegisDb = z.infer<typeof AegisDbSchema>;

/** Aegis vault export (github.com/beemdevelopment/Aegis, docs/vault.md), database version 1–3. */
const AegisSchema = z.object({
  version: z.number(),
  header: z.object({ slots: z.unknown(), params: z.unknown() }),
  // A string is the encrypted database (base64); an object, the plain one.
  db: z.union([z.string(), AegisDbSchema]),
});

const TwoFasServicesSchema = z
  .array(
    z.object({
      name: z.string().default(''),
      secret: z.string(),
      otp: z
        .object({
          account: z.string().optional(),
          issuer: z.string().optional(),
          digits: z.number().optional(),
          period: z.number().optional(),
          algorithm: z.string().optional(),
          tokenType: z.string().optional(),
          counter: z.number().optional(),
        })
        .default({}),
    }),
  )
  .max(MAX_ENTRIES);

/** 2FAS export (github.com/twofas, .2fas files), schema versions 2–4. */
const TwoFasSchema = z.object({
  schemaVersion: z.number().optional(),
  servicesEncrypted: z.string().optional(),
  reference: z.string().optional(),
  services: TwoFasServicesSchema,
});

// --- Encrypted exports ------------------------------------------------------------------------

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`));
const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .refine((s) => s.length % 4 === 0);
const GcmParamsSchema = z.object({ nonce: hex(12), tag: hex(16) });

/**
 * The limits on an Aegis password slot's scrypt parameters, checked before anything is derived.
 * Aegis always writes N = 2^15, r = 8, p = 1 (32 MiB, well under a second). scrypt needs
 * 128·N·r bytes of memory and time proportional to N·r·p, so both are capped, not only each
 * parameter: N ≤ 2^20, r ≤ 16 and p ≤ 16 would otherwise still allow 2 GiB.
 */
export const AEGIS_SCRYPT_LIMITS = {
  maxN: 2 ** 20,
  maxR: 16,
  maxP: 16,
  /** 128·N·r: 256 MiB, eight times what Aegis uses (and twice a Tessera backup's). */
  maxMemoryBytes: 256 * 1024 * 1024,
  /** N·r·p: 2^22, sixteen times Aegis's 2^18 (a few seconds at most). */
  maxWork: 2 ** 22,
  /** Aegis writes one password slot; each further one costs a derivation. */
  maxPasswordSlots: 4,
} as const;

const AegisPasswordSlotSchema = z.object({
  type: z.literal(1),
  key: hex(32),
  key_params: GcmParamsSchema,
  n: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string().regex(/^(?:[0-9a-fA-F]{2}){16,128}$/),
});
type AegisPasswordSlot = z.infer<typeof AegisPasswordSlotSchema>;

const AegisEncryptedSchema = z.object({
  header: z.object({
    // Only password (type 1) slots can be opened here: biometric (type 2) ones need the Android
    // keystore of the phone that wrote them. The others are skipped.
    slots: z
      .array(z.object({ type: z.number() }).loose())
      .min(1)
      .max(64),
    params: GcmParamsSchema,
  }),
  db: base64,
});

/**
 * 2FAS's encrypted backup: PBKDF2-HMAC-SHA256 with a fixed 10,000 iterations (the count is not in
 * the file, so a file cannot raise it) and a 256-bit key, then AES-256-GCM. Each encrypted field is
 * `base64(ciphertext ‖ 16-byte tag):base64(salt):base64(12-byte iv)`; `reference` is this constant
 * encrypted with the same password, which proves the password before the services are touched
 * (twofas/2fas-android, BackupContent.kt and core/cipher).
 */
const TWOFAS_PBKDF2 = { iterations: 10_000, keyBytes: 32, digest: 'sha256' } as const;
const TWOFAS_REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6m' +
  'tsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidX' +
  'QCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';
/** 2FAS writes a 256-byte salt; anything from 16 bytes to 1 KiB is accepted. */
const TWOFAS_SALT_BYTES = { min: 16, max: 1024 } as const;
const GCM_TAG_BYTES = 16;

interface TwoFasField {
  ciphertext: Buffer;
  tag: Buffer;
  salt: Buffer;
  iv: Buffer;
}

interface Candidate {
  issuer: string;
  accountName: string;
  type: string;
  algorithm: string;
  digits: number;
  period: number;
  counter: number;
  secret: string;
}

/** One entry from another app, through the same schema and checks as the manual form. */
function fromCandidate(c: Candidate): MigrationEntry {
  const names = {
    issuer: c.issuer.slice(0, OTP_LIMITS.issuerMaxLength),
    accountName: c.accountName.slice(0, OTP_LIMITS.accountNameMaxLength),
  };
  const type = c.type.toLowerCase();
  const algorithm = c.algorithm.toLowerCase().replace('-', '');
  // Aegis writes "steam", 2FAS "STEAM": Steam Guard's 5-character codes (see steamRefused).
  if (type === 'steam') return { ok: false, ...names, problem: 'steam' };
  if (type !== 'totp' && type !== 'hotp') return { ok: false, ...names, problem: 'type' };
  if (!(OTP_ALGORITHMS as readonly string[]).includes(algorithm))
    return { ok: false, ...names, problem: 'algorithm' };
  return entryFromFields({
    ...names,
    accountName: names.accountName || names.issuer,
    type,
    algorithm: algorithm as (typeof OTP_ALGORITHMS)[number],
    digits: c.digits,
    period: c.period,
    counter: c.counter,
    secret: c.secret,
  });
}

type ExportApp = 'Aegis' | '2FAS';

/** Why an encrypted export cannot be opened; the renderer's words take the app's name as {{app}}. */
const REFUSALS = {
  malformed: (app: ExportApp) =>
    `This ${app} export is encrypted, but it is damaged, cut short or from a version Tessera cannot read.`,
  exportPasswordNeeded: (app: ExportApp) =>
    `This ${app} export is encrypted: enter the password it was exported with.`,
  wrongPassword: (app: ExportApp) => `The password is wrong: it does not open this ${app} export.`,
  damaged: (app: ExportApp) =>
    `The password is right, but this ${app} export has been changed or damaged: its accounts cannot be decrypted.`,
  kdfLimits: (app: ExportApp) =>
    `This ${app} export asks for far more key-derivation memory or time than ${app} itself uses; Tessera refuses it rather than spend gigabytes or minutes on it.`,
} as const;

function refuse(reason: keyof typeof REFUSALS, app: ExportApp): AppError {
  return invalid(reason, REFUSALS[reason](app), { app });
}

function deriveScrypt(password: string, slot: AegisPasswordSlot): Promise<Buffer> {
  const { n: N, r, p } = slot;
  return new Promise((resolve, reject) =>
    scrypt(
      password,
      Buffer.from(slot.salt, 'hex'),
      32,
      // OpenSSL counts 128·r·(N + p + 2) bytes; checked against the limits above already.
      { N, r, p, maxmem: 128 * r * (N + p + 2) + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function derivePbkdf2(password: string, salt: Buffer): Promise<Buffer> {
  const { iterations, keyBytes, digest } = TWOFAS_PBKDF2;
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, keyBytes, digest, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** AES-256-GCM; null when the tag does not verify (wrong key, or changed data). */
function openGcm(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** JSON text that decrypted and authenticated, checked against what the app writes. */
function parseDecrypted<T>(plain: Buffer, schema: z.ZodType<T>, app: ExportApp): T {
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch {
    throw refuse('malformed', app);
  } finally {
    plain.fill(0);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw refuse('malformed', app);
  return parsed.data;
}

function scryptWithinLimits({ n, r, p }: AegisPasswordSlot): boolean {
  const L = AEGIS_SCRYPT_LIMITS;
  const powerOfTwo = n > 1 && (n & (n - 1)) === 0;
  return (
    powerOfTwo &&
    n <= L.maxN &&
    r >= 1 &&
    r <= L.maxR &&
    p >= 1 &&
    p <= L.maxP &&
    128 * n * r <= L.maxMemoryBytes &&
    n * r * p <= L.maxWork
  );
}

/** The entries of an encrypted Aegis vault: a password slot yields the master key, which opens db. */
async function decryptAegis(json: unknown, password: string | undefined): Promise<AegisDb> {
  const file = AegisEncryptedSchema.safeParse(json);
  if (!file.success) throw refuse('malformed', 'Aegis');
  const slots: AegisPasswordSlot[] = [];
  for (const raw of file.data.header.slots) {
    if (raw.type !== 1) continue;
    const slot = AegisPasswordSlotSchema.safeParse(raw);
    if (!slot.success) throw refuse('malformed', 'Aegis');
    slots.push(slot.data);
  }
  if (slots.length === 0 || slots.length > AEGIS_SCRYPT_LIMITS.maxPasswordSlots)
    throw refuse('malformed', 'Aegis');
  // Every slot is checked before the first derivation.
  if (!slots.every(scryptWithinLimits)) throw refuse('kdfLimits', 'Aegis');
  if (!password) throw refuse('exportPasswordNeeded', 'Aegis');

  let masterKey: Buffer | null = null;
  for (const slot of slots) {
    const key = await deriveScrypt(password, slot);
    const params = slot.key_params;
    masterKey = openGcm(
      key,
      Buffer.from(params.nonce, 'hex'),
      Buffer.from(slot.key, 'hex'),
      Buffer.from(params.tag, 'hex'),
    );
    key.fill(0);
    if (masterKey) break;
  }
  if (!masterKey) throw refuse('wrongPassword', 'Aegis');

  const { params } = file.data.header;
  const plain = openGcm(
    masterKey,
    Buffer.from(params.nonce, 'hex'),
    Buffer.from(file.data.db, 'base64'),
    Buffer.from(params.tag, 'hex'),
  );
  masterKey.fill(0);
  if (!plain) throw refuse('damaged', 'Aegis');
  return parseDecrypted(plain, AegisDbSchema, 'Aegis');
}

function readTwoFasField(field: string | undefined): TwoFasField | null {
  const parts = field?.split(':');
  if (parts?.length !== 3 || !parts.every((part) => base64.safeParse(part).success)) return null;
  const [data, salt, iv] = parts.map((part) => Buffer.from(part, 'base64')) as [Buffer, Buffer, Buffer];
  if (data.length < GCM_TAG_BYTES || iv.length !== 12) return null;
  if (salt.length < TWOFAS_SALT_BYTES.min || salt.length > TWOFAS_SALT_BYTES.max) return null;
  return {
    ciphertext: data.subarray(0, data.length - GCM_TAG_BYTES),
    tag: data.subarray(data.length - GCM_TAG_BYTES),
    salt,
    iv,
  };
}

/** The services of an encrypted 2FAS backup: `reference` proves the password, then they open. */
async function decryptTwoFas(
  file: z.infer<typeof TwoFasSchema>,
  password: string | undefined,
): Promise<z.infer<typeof TwoFasServicesSchema>> {
  const reference = readTwoFasField(file.reference);
  const services = readTwoFasField(file.servicesEncrypted);
  if (!reference || !services) throw refuse('malformed', '2FAS');
  if (!password) throw refuse('exportPasswordNeeded', '2FAS');

  const referenceKey = await derivePbkdf2(password, reference.salt);
  const proof = openGcm(referenceKey, reference.iv, reference.ciphertext, reference.tag);
  if (proof?.toString('utf8') !== TWOFAS_REFERENCE) {
    referenceKey.fill(0);
    throw refuse('wrongPassword', '2FAS');
  }
  // 2FAS uses one salt for both fields; a second derivation only if this file does not.
  const key = services.salt.equals(reference.salt)
    ? referenceKey
    : await derivePbkdf2(password, services.salt);
  const plain = openGcm(key, services.iv, services.ciphertext, services.tag);
  key.fill(0);
  referenceKey.fill(0);
  if (!plain) throw refuse('damaged', '2FAS');
  return parseDecrypted(plain, TwoFasServicesSchema, '2FAS');
}

function fromAegis(db: AegisDb): MigrationEntry[] {
  return db.entries.map((e) =>
    fromCandidate({
      issuer: e.issuer,
      accountName: e.name,
      type: e.type,
      algorithm: e.info.algo,
      digits: e.info.digits,
      period: e.info.period ?? 30,
      counter: e.info.counter ?? 0,
      secret: e.info.secret,
    }),
  );
}

function fromTwoFas(services: z.infer<typeof TwoFasServicesSchema>): MigrationEntry[] {
  return services.map((s) =>
    fromCandidate({
      issuer: s.otp.issuer ?? s.name,
      accountName: s.otp.account ?? '',
      type: s.otp.tokenType ?? 'TOTP',
      algorithm: s.otp.algorithm ?? 'SHA1',
      digits: s.otp.digits ?? 6,
      period: s.otp.period ?? 30,
      counter: s.otp.counter ?? 0,
      secret: s.secret,
    }),
  );
}

function fromUriList(lines: string[]): MigrationEntry[] {
  return lines.map((line) => {
    try {
      return { ok: true, account: parseOtpauthUri(line) };
    } catch (error) {
      return {
        ok: false,
        issuer: '',
        accountName: line.slice(0, 60).replace(/secret=[^&]*/i, 'secret=…'),
        problem: entryProblem(error),
      };
    }
  });
}

export async function readImportFile(
  content: string,
  password: string | undefined,
): Promise<MigrationEntry[]> {
  if (content.length > BACKUP_MAX_BYTES) throw invalid('tooLarge', 'This file is too large to import.');
  const text = content.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw invalid(
        'unknown',
        'This file is not one Tessera can import (it looks like JSON but is damaged).',
      );
    }
    const kind = (json as { format?: unknown }).format;
    if (kind === 'tessera-backup') {
      if (!password) throw invalid('passwordNeeded', 'This Tessera backup is encrypted: enter its password.');
      return readBackup(text, password);
    }
    const aegis = AegisSchema.safeParse(json);
    if (aegis.success) {
      const { db } = aegis.data;
      return fromAegis(typeof db === 'string' ? await decryptAegis(json, password) : db);
    }
    const twoFas = TwoFasSchema.safeParse(json);
    if (twoFas.success) {
      const file = twoFas.data;
      return fromTwoFas(file.servicesEncrypted ? await decryptTwoFas(file, password) : file.services);
    }
    throw invalid(
      'unknown',
      'This file is not one Tessera can import: a Tessera backup, an Aegis or 2FAS export, or a list of otpauth:// links.',
    );
  }
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length > 0 && lines.length <= MAX_ENTRIES && lines.every((l) => /^otpauth:\/\//i.test(l)))
    return fromUriList(lines);
  throw invalid(
    'unknown',
    'This file is not one Tessera can import: a Tessera backup, an Aegis or 2FAS export, or a list of otpauth:// links.',
  );
}
