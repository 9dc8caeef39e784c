/**
 * Encrypted backups of the authenticator. The file format (version 1), JSON:
 *
 *   { "format": "tessera-backup", "version": 1,
 *     "kdf":    { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": "<base64, 16 bytes>" },
 *     "cipher": { "name": "aes-256-gcm", "iv": "<base64, 12 bytes>", "tag": "<base64, 16 bytes>" },
 *     "data":   "<base64 ciphertext>" }
 *
 * The key is scrypt(password, salt) — memory-hard (128 MiB at these parameters, OWASP's
 * recommendation); the header fields (format, version, kdf, cipher name and iv) are bound as
 * AES-GCM additional data, so a changed header fails like a changed ciphertext. The plaintext is
 * JSON: { "accounts": [{ issuer, accountName, type, algorithm, digits, period, counter, secret }] }
 * with each secret in base32. Both Node built-ins: no hand-made cryptography.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { OTP_ALGORITHMS, OTP_LIMITS, OTP_TYPES } from '../../../shared/otp/limits';
import { entryFromFields, type NewAccount } from './account-input';
import type { MigrationEntry } from './migration';
import { encodeBase32 } from './otp';

export const BACKUP_MAX_BYTES = 8 * 1024 * 1024;
const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
// Refuse parameters an attacker could use to make us spend minutes or gigabytes.
const KDF_LIMITS = { maxN: 2 ** 20, maxR: 16, maxP: 4 };

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes);

const FileSchema = z.strictObject({
  format: z.literal('tessera-backup'),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(KDF_LIMITS.maxN)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.number().int().min(1).max(KDF_LIMITS.maxR),
    p: z.number().int().min(1).max(KDF_LIMITS.maxP),
    salt: b64(16),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: b64(12), tag: b64(16) }),
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
type BackupFile = z.infer<typeof FileSchema>;

const PlainSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        issuer: z.string().max(OTP_LIMITS.issuerMaxLength),
        accountName: z.string().min(1).max(OTP_LIMITS.accountNameMaxLength),
        type: z.enum(OTP_TYPES),
        algorithm: z.enum(OTP_ALGORITHMS),
        digits: z.number().int(),
        period: z.number().int(),
        counter: z.number().int().min(0),
        secret: z.string().max(OTP_LIMITS.secretMaxLength),
      }),
    )
    .max(10_000),
});

function deriveKey(password: string, kdf: BackupFile['kdf']): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function additionalData(file: Pick<BackupFile, 'format' | 'version' | 'kdf' | 'cipher'>): Buffer {
  const { format, version, kdf, cipher } = file;
  return Buffer.from(
    JSON.stringify([format, version, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, cipher.name, cipher.iv]),
  );
}

function invalid(reason: string, message: string): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `backup.${reason}`);
}

export async function createBackup(accounts: NewAccount[], password: string): Promise<string> {
  const header = {
    format: 'tessera-backup' as const,
    version: 1 as const,
    kdf: { ...KDF, salt: randomBytes(16).toString('base64') },
    cipher: { name: 'aes-256-gcm' as const, iv: randomBytes(12).toString('base64') },
  };
  const key = await deriveKey(password, header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  cipher.setAAD(additionalData({ ...header, cipher: { ...header.cipher, tag: '' } }));
  const plain = JSON.stringify({
    accounts: accounts.map((a) => ({
      issuer: a.issuer,
      accountName: a.accountName,
      type: a.type,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      secret: encodeBase32(a.secret),
    })),
  });
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const file: BackupFile = {
    ...header,
    cipher: { ...header.cipher, tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Decrypts and checks a backup; each account is checked as if typed in, one bad entry spoils none. */
export async function readBackup(content: string, password: string): Promise<MigrationEntry[]> {
  if (content.length > BACKUP_MAX_BYTES)
    throw invalid('tooLarge', 'This file is too large to be a Tessera backup.');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw invalid('format', 'This file is not a Tessera backup (or it is cut short).');
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success)
    throw invalid(
      'format',
      'This file is not a Tessera backup, or it is from a version Tessera cannot read.',
    );
  const file = parsed.data;
  const key = await deriveKey(password, file.kdf);
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(additionalData(file));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    // GCM cannot tell a wrong password from a changed file; say both.
    throw invalid('decrypt', 'The password is wrong, or the backup file has been changed or damaged.');
  }
  const contents = PlainSchema.safeParse(JSON.parse(plain));
  if (!contents.success) throw invalid('format', 'The backup decrypted but its contents are not valid.');
  return contents.data.accounts.map((a) => entryFromFields(a));
}
