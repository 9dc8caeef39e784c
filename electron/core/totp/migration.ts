/**
 * Google Authenticator's export: `otpauth-migration://offline?data=<base64 protobuf>`, one or more
 * QR codes (batch_index / batch_size). Decoded with protobufjs from the published message schema;
 * every field is then checked as for an otpauth URI, per entry, so one bad entry does not spoil the
 * others. Limits come before decoding.
 */
import protobuf from 'protobufjs';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { hasUnsafeCharacters, OTP_LIMITS } from '../../../shared/otp/limits';
import type { ImportedEntry } from './account-input';

/** The schema Google Authenticator writes (google_auth.proto, as published by its users). */
const SCHEMA = `
syntax = "proto3";
message MigrationPayload {
  enum Algorithm { ALGORITHM_UNSPECIFIED = 0; SHA1 = 1; SHA256 = 2; SHA512 = 3; MD5 = 4; }
  enum DigitCount { DIGIT_COUNT_UNSPECIFIED = 0; SIX = 1; EIGHT = 2; }
  enum OtpType { OTP_TYPE_UNSPECIFIED = 0; HOTP = 1; TOTP = 2; }
  message OtpParameters {
    bytes secret = 1;
    string name = 2;
    string issuer = 3;
    Algorithm algorithm = 4;
    DigitCount digits = 5;
    OtpType type = 6;
    int64 counter = 7;
  }
  repeated OtpParameters otp_parameters = 1;
  int32 version = 2;
  int32 batch_size = 3;
  int32 batch_index = 4;
  int32 batch_id = 5;
}`;
const Payload = protobuf.parse(SCHEMA, { keepCase: true }).root.lookupType('MigrationPayload');

const MIGRATION_URI_MAX = OTP_LIMITS.migrationUriMaxLength;
const MIGRATION_MAX_ENTRIES = OTP_LIMITS.migrationMaxEntries;

export type MigrationEntry = ImportedEntry;

export interface MigrationPart {
  batchId: number;
  batchIndex: number;
  batchSize: number;
  entries: MigrationEntry[];
}

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, `migration.${reason}`, params);
}

const ALGORITHMS = { 1: 'sha1', 2: 'sha256', 3: 'sha512' } as const;
const DIGITS = { 1: 6, 2: 8 } as const;

interface RawEntry {
  secret?: Uint8Array;
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number | { toNumber(): number; toString(): string };
}

function safeText(value: unknown, max: number): string | null {
  if (typeof value !== 'string' || value.length > max || hasUnsafeCharacters(value)) return null;
  return value.trim();
}

function readEntry(raw: RawEntry): MigrationEntry {
  // The name may repeat the issuer as a prefix ("ACME:alice" with issuer ACME), as in otpauth
  // labels: that copy is dropped. Without an issuer the name is kept whole — Google Authenticator
  // stores what the person typed, and "Work: 12:00 shift" or "alice:admin" is a name, not an issuer.
  let name = safeText(raw.name ?? '', OTP_LIMITS.accountNameMaxLength + OTP_LIMITS.issuerMaxLength + 1);
  const issuer = safeText(raw.issuer ?? '', OTP_LIMITS.issuerMaxLength);
  if (name === null || issuer === null) {
    return { ok: false, issuer: '', accountName: '', problem: 'text' };
  }
  const colon = name.indexOf(':');
  if (colon !== -1 && issuer !== '' && name.slice(0, colon).trim() === issuer) {
    name = name.slice(colon + 1).trim();
  }
  const shown = { issuer, accountName: name || issuer };
  if (shown.accountName.length > OTP_LIMITS.accountNameMaxLength)
    return { ok: false, ...shown, accountName: '', problem: 'text' };
  const algorithm =
    ALGORITHMS[(raw.algorithm ?? 1) as keyof typeof ALGORITHMS] ?? (raw.algorithm === 0 ? 'sha1' : null);
  if (!algorithm) return { ok: false, ...shown, problem: 'algorithm' };
  const digits = DIGITS[(raw.digits ?? 1) as keyof typeof DIGITS] ?? (raw.digits === 0 ? 6 : null);
  if (!digits) return { ok: false, ...shown, problem: 'digits' };
  const type =
    raw.type === 1 ? 'hotp' : raw.type === 2 || raw.type === 0 || raw.type === undefined ? 'totp' : null;
  if (!type) return { ok: false, ...shown, problem: 'type' };
  const secret = raw.secret;
  if (secret instanceof Uint8Array && secret.length > 0 && secret.length < OTP_LIMITS.secretMinBytes) {
    return { ok: false, ...shown, problem: 'secretTooShort' };
  }
  if (!(secret instanceof Uint8Array) || secret.length === 0 || secret.length > OTP_LIMITS.secretMaxBytes) {
    return { ok: false, ...shown, problem: 'secret' };
  }
  const counterText = raw.counter === undefined ? '0' : raw.counter.toString();
  const counter = Number(counterText);
  if (!Number.isSafeInteger(counter) || counter < 0) return { ok: false, ...shown, problem: 'counter' };
  if (!shown.accountName) return { ok: false, ...shown, problem: 'text' };
  return {
    ok: true,
    account: {
      ...shown,
      type,
      algorithm,
      digits,
      period: 30,
      counter: type === 'hotp' ? counter : 0,
      secret: new Uint8Array(secret),
    },
  };
}

export function isMigrationUri(text: string): boolean {
  return /^otpauth-migration:\/\//i.test(text.trim());
}

export function parseMigrationUri(input: string): MigrationPart {
  if (input.length > MIGRATION_URI_MAX) {
    throw invalid(
      'tooLong',
      'This export code holds more data than a QR code can; it is not a genuine Google Authenticator export.',
    );
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid('malformed', 'The export link is not well formed; scan the code again.');
  }
  if (url.protocol.toLowerCase() !== 'otpauth-migration:' || url.hostname.toLowerCase() !== 'offline') {
    throw invalid('malformed', 'The export link is not well formed; scan the code again.');
  }
  const values = url.searchParams.getAll('data');
  if (values.length !== 1 || !values[0]) {
    throw invalid('malformed', 'The export link must carry exactly one data parameter; scan the code again.');
  }
  // URLSearchParams turns "+" into a space; the payload is standard base64.
  const base64 = values[0].replace(/ /g, '+');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw invalid('malformed', 'The export data is not valid base64; scan the code again.');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

  let message: protobuf.Message;
  try {
    message = Payload.decode(bytes);
  } catch {
    // Truncated data, a length that runs past the end, a wrong wire type: protobufjs checks bounds.
    throw invalid('damaged', 'The export data is damaged or cut short; scan the code again.');
  }
  const payload = Payload.toObject(message, { defaults: false, longs: String, bytes: Uint8Array }) as {
    otp_parameters?: RawEntry[];
    batch_size?: number;
    batch_index?: number;
    batch_id?: number;
  };
  const raw = payload.otp_parameters ?? [];
  if (raw.length === 0) throw invalid('empty', 'This export code contains no accounts.');
  if (raw.length > MIGRATION_MAX_ENTRIES) {
    throw invalid(
      'tooMany',
      `This export code claims ${raw.length} accounts; no genuine export code holds more than ${MIGRATION_MAX_ENTRIES}.`,
      {
        count: raw.length,
        max: MIGRATION_MAX_ENTRIES,
      },
    );
  }
  const batchSize = payload.batch_size ?? 1;
  const batchIndex = payload.batch_index ?? 0;
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > 100 ||
    !Number.isInteger(batchIndex) ||
    batchIndex < 0 ||
    batchIndex >= batchSize
  ) {
    throw invalid(
      'damaged',
      'The export data is damaged (its part numbers do not add up); scan the code again.',
    );
  }
  return {
    batchId: payload.batch_id ?? 0,
    batchIndex,
    batchSize,
    entries: raw.map((entry) => readEntry(entry)),
  };
}
