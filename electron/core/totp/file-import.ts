/**
 * Accounts from a file: a Tessera backup (encrypted), an Aegis or 2FAS export (unencrypted), or a
 * plain list of otpauth:// links, one per line. The kind is recognised from the content, not the
 * file name. Every entry is checked as if typed in; one bad entry spoils none of the others.
 */
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { OTP_ALGORITHMS, OTP_LIMITS } from '../../../shared/otp/limits';
import { entryFromFields, parseOtpauthUri } from './account-input';
import { BACKUP_MAX_BYTES, readBackup } from './backup';
import type { MigrationEntry } from './migration';

const MAX_ENTRIES = 10_000;

function invalid(reason: string, message: string): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `import.${reason}`);
}

/** Aegis vault export (github.com/beemdevelopment/Aegis, docs/vault.md), database version 1–3. */
const AegisSchema = z.object({
  version: z.number(),
  header: z.object({ slots: z.unknown(), params: z.unknown() }),
  db: z.union([
    z.string(),
    z.object({
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
    }),
  ]),
});

/** 2FAS export (github.com/twofas, .2fas files), schema versions 2–4. */
const TwoFasSchema = z.object({
  schemaVersion: z.number().optional(),
  servicesEncrypted: z.string().optional(),
  services: z
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
    .max(MAX_ENTRIES),
});

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

function fromAegis(file: z.infer<typeof AegisSchema>): MigrationEntry[] {
  if (typeof file.db === 'string') {
    throw invalid(
      'aegisEncrypted',
      'This Aegis export is encrypted. In Aegis, export the vault without encryption, import it, then delete that file.',
    );
  }
  return file.db.entries.map((e) =>
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

function fromTwoFas(file: z.infer<typeof TwoFasSchema>): MigrationEntry[] {
  if (file.servicesEncrypted) {
    throw invalid(
      'twofasEncrypted',
      'This 2FAS export is encrypted. In 2FAS, export without a password, import it, then delete that file.',
    );
  }
  return file.services.map((s) =>
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
      const secret = error instanceof AppError && error.reason?.startsWith('otpauth.secret');
      return {
        ok: false,
        issuer: '',
        accountName: line.slice(0, 60).replace(/secret=[^&]*/i, 'secret=…'),
        problem: secret ? 'secret' : 'text',
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
    if (aegis.success) return fromAegis(aegis.data);
    const twoFas = TwoFasSchema.safeParse(json);
    if (twoFas.success) return fromTwoFas(twoFas.data);
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
