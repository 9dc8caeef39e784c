/**
 * Parse, don't validate: every way an account arrives (an otpauth URI, the manual form) ends here as
 * a `NewAccount` or an `AppError` whose message says what to fix. Nothing is stored before this
 * succeeds.
 */
import { parse as otplibParse, URIParseError } from '@otplib/uri';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { ManualAccountInputSchema, type ManualAccountInput } from '../../../shared/ipc/contract';
import {
  OTP_ALGORITHMS,
  OTP_LIMITS,
  base32Problem,
  hasUnsafeCharacters,
  normalizeBase32,
  type MigrationEntryProblem,
  type OtpAlgorithm,
  type OtpType,
} from '../../../shared/otp/limits';
import { decodeBase32 } from './otp';

export interface NewAccount {
  issuer: string;
  accountName: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
  /** Decoded secret bytes; stays in the main process. */
  secret: Uint8Array;
}

function invalid(reason: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError(ErrorCode.InvalidInput, message, reason, params);
}

/** Short, printable excerpt of a rejected value for messages (never used for secrets). */
function excerpt(value: string): string {
  const clean = [...value].filter((ch) => !hasUnsafeCharacters(ch)).join('');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

function checkText(field: 'issuer' | 'accountName', value: string, max: number): string {
  if (hasUnsafeCharacters(value)) {
    throw invalid(
      `otpauth.${field}Unsafe`,
      `The ${field === 'issuer' ? 'issuer' : 'account name'} contains control or text-direction characters, which could make it display as something else. Remove them and try again.`,
    );
  }
  if (value.length > max) {
    throw invalid(
      `otpauth.${field}TooLong`,
      `The ${field === 'issuer' ? 'issuer' : 'account name'} is longer than ${max} characters.`,
      { max },
    );
  }
  return value;
}

/** The fewest base32 characters that carry the shortest secret accepted. */
const MIN_SECRET_CHARS = Math.ceil((OTP_LIMITS.secretMinBytes * 8) / 5);

function parseSecret(raw: string): Uint8Array {
  const normalized = normalizeBase32(raw);
  const problem = base32Problem(normalized);
  const haveBits = Math.floor((normalized.length * 5) / 8) * 8;
  const messages = {
    empty: 'The secret is empty. Copy the whole setup key from the service.',
    characters:
      'The secret is not valid base32: only the letters A–Z and the digits 2–7 may appear (spaces are fine). Check for a mistyped 0, 1 or 8.',
    length: 'The secret has a length no base32 text can have; part of it is probably missing. Copy it again.',
    tooShort: `The secret is too short: it has ${haveBits} bits, and at least ${OTP_LIMITS.secretMinBytes * 8} (${MIN_SECRET_CHARS} base32 characters) are needed. Check that you copied all of it.`,
    tooLong: `The secret is longer than ${OTP_LIMITS.secretMaxBytes} bytes, more than any real service uses. Check that you copied only the setup key.`,
  } as const;
  if (problem)
    throw invalid(`otpauth.secret.${problem}`, messages[problem], {
      bits: OTP_LIMITS.secretMinBytes * 8,
      chars: MIN_SECRET_CHARS,
      have: haveBits,
    });
  try {
    return decodeBase32(normalized);
  } catch {
    // Trailing bits that are not zero: the text was cut or altered.
    throw invalid('otpauth.secret.length', messages.length);
  }
}

function parseAlgorithm(raw: string | null): OtpAlgorithm {
  if (raw === null) return 'sha1';
  const value = raw.toLowerCase().replace('-', '');
  if ((OTP_ALGORITHMS as readonly string[]).includes(value)) return value as OtpAlgorithm;
  throw invalid(
    'otpauth.algorithm',
    `The algorithm "${excerpt(raw)}" is not supported; use SHA1, SHA256 or SHA512.`,
    { value: excerpt(raw) },
  );
}

function parseInteger(
  raw: string,
  name: 'digits' | 'period' | 'counter',
  min: number,
  max: number,
  message: string,
): number {
  // Strict decimal: no signs, no exponents, no hex, no leading spaces.
  if (!/^\d{1,16}$/.test(raw)) throw invalid(`otpauth.${name}`, message, { value: excerpt(raw), min, max });
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(`otpauth.${name}`, message, { value: excerpt(raw), min, max });
  }
  return value;
}

/** Splits an otpauth label "Issuer:account" (Key URI format); the colon may be percent-encoded. */
function splitLabel(label: string): { issuer: string | null; accountName: string } {
  const colon = label.indexOf(':');
  if (colon === -1) return { issuer: null, accountName: label.trim() };
  return { issuer: label.slice(0, colon).trim(), accountName: label.slice(colon + 1).trim() };
}

/**
 * Some apps export links with raw spaces, "#" or "%" in the label or the issuer ("ACME Bank:Account
 * #2", "100% Cloud"). They are unambiguous there — an otpauth link has no fragment and no other use
 * for them — so they are escaped as the Key URI format would have them, rather than refused: a raw
 * "#" would otherwise cut the link short at the fragment and lose its secret.
 */
function escapeRawCharacters(uri: string): string {
  return uri
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/ /g, '%20')
    .replace(/#/g, '%23');
}

/** Steam Guard codes are 5 characters from Steam's own alphabet, which Tessera does not produce. */
export function steamRefused(): AppError {
  return invalid(
    'otpauth.steam',
    'This is a Steam Guard account. Steam uses its own 5-character codes, which Tessera does not generate (its codes would be wrong); keep Steam Guard in the Steam app.',
  );
}

/** What an import preview says about an entry whose checks failed (see MigrationEntryProblem). */
export function entryProblem(error: unknown): MigrationEntryProblem {
  const reason = error instanceof AppError ? (error.reason ?? '') : '';
  if (reason === 'otpauth.steam') return 'steam';
  if (reason === 'otpauth.secret.tooShort') return 'secretTooShort';
  return reason.startsWith('otpauth.secret') ? 'secret' : 'text';
}

export function parseOtpauthUri(input: string): NewAccount {
  // Limits before parsing.
  if (input.length > OTP_LIMITS.uriMaxLength) {
    throw invalid(
      'otpauth.tooLong',
      `The link is longer than ${OTP_LIMITS.uriMaxLength} characters; it is not a setup link.`,
      {
        max: OTP_LIMITS.uriMaxLength,
      },
    );
  }
  const trimmed = input.trim();
  if (/^steam:\/\//i.test(trimmed)) throw steamRefused();
  if (!/^otpauth:\/\//i.test(trimmed)) {
    throw invalid(
      'otpauth.scheme',
      'This is not an authenticator setup link: it must start with otpauth://.',
    );
  }
  if (hasUnsafeCharacters(trimmed)) {
    throw invalid(
      'otpauth.control',
      'The link contains line breaks, tabs or other invisible characters; copy it again as one line.',
    );
  }
  if (/[^\S ]/.test(trimmed)) {
    throw invalid(
      'otpauth.whitespace',
      'The link contains an unusual space character (such as a non-breaking space); retype the spaces or copy the link again.',
    );
  }
  const uri = escapeRawCharacters(trimmed);

  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalid(
      'otpauth.malformed',
      'The link is not a well-formed otpauth:// URI; copy it again exactly.',
    );
  }
  const type = url.hostname.toLowerCase();
  // Steam Guard: otpauth://totp/Steam:…?encoder=steam (Aegis, andOTP, KeePassXC) or a "steam" type.
  if (type === 'steam' || [...url.searchParams].some(([k, v]) => /^encoder$/i.test(k) && /^steam$/i.test(v)))
    throw steamRefused();
  if (type !== 'totp' && type !== 'hotp') {
    throw invalid(
      'otpauth.type',
      `"${excerpt(url.hostname)}" is not a code type Tessera knows; expected totp or hotp.`,
      {
        value: excerpt(url.hostname),
      },
    );
  }

  // URLSearchParams (and otplib) silently take the first of duplicated parameters; a link that says
  // two different things must not be guessed at.
  const seen = new Set<string>();
  for (const key of url.searchParams.keys()) {
    const name = key.toLowerCase();
    if (seen.has(name)) {
      throw invalid(
        'otpauth.duplicate',
        `The parameter "${excerpt(key)}" appears more than once; the link is ambiguous.`,
        {
          name: excerpt(key),
        },
      );
    }
    seen.add(name);
  }
  const param = (name: string): string | null => {
    for (const [key, value] of url.searchParams) if (key.toLowerCase() === name) return value;
    return null;
  };

  // Our checks first: they give the precise message (otplib would stop at the first thing it
  // dislikes, with a terser one, and lets absurd periods and 7 digits through unchecked).
  const secretRaw = param('secret');
  if (secretRaw === null || secretRaw.trim() === '') {
    throw invalid('otpauth.secret.missing', 'The link has no secret parameter; it cannot produce codes.');
  }
  const secret = parseSecret(secretRaw);
  const algorithm = parseAlgorithm(param('algorithm'));
  const digits = readDigits(param('digits'));
  const period = type === 'totp' ? readPeriod(param('period')) : 30;
  const counterRaw = param('counter');
  const counter =
    type === 'hotp' && counterRaw !== null
      ? parseInteger(
          counterRaw,
          'counter',
          0,
          OTP_LIMITS.counterMax,
          'The counter must be a whole number, 0 or more.',
        )
      : 0;

  // otplib decodes the label (percent-encoding, the issuer prefix) of the link we have checked.
  let label: string;
  try {
    const canonical = new URL(url.href);
    canonical.hostname = type;
    // We have checked the parameters; otplib only decodes the label (it would also judge a
    // counter on a TOTP link, which the Key URI format says to ignore).
    canonical.search = `?secret=${encodeURIComponent(secretRaw)}`;
    label = otplibParse(canonical.href).label;
  } catch (error) {
    if (error instanceof URIParseError || error instanceof URIError) {
      throw invalid(
        'otpauth.malformed',
        'The link is not a well-formed otpauth:// URI; copy it again exactly.',
      );
    }
    throw error;
  }

  const fromLabel = splitLabel(label);
  // Unsafe characters first, so a mismatch message never hides the character that caused it.
  const issuerParamRaw = param('issuer');
  const issuerParam =
    issuerParamRaw === null
      ? null
      : checkText('issuer', issuerParamRaw.trim(), OTP_LIMITS.issuerMaxLength) || null;
  const labelIssuer =
    fromLabel.issuer === null
      ? null
      : checkText('issuer', fromLabel.issuer, OTP_LIMITS.issuerMaxLength) || null;
  // Some generators write spaces in the label as "+", which only the query decodes as a space.
  if (
    issuerParam !== null &&
    labelIssuer !== null &&
    issuerParam !== labelIssuer &&
    issuerParam !== labelIssuer.replace(/\+/g, ' ')
  ) {
    throw invalid(
      'otpauth.issuerMismatch',
      `The label names the issuer "${excerpt(labelIssuer)}" but the issuer parameter says "${excerpt(issuerParam)}". A genuine setup link names one issuer; ask the service for a new one.`,
      { label: excerpt(labelIssuer), param: excerpt(issuerParam) },
    );
  }
  const issuer = issuerParam ?? labelIssuer ?? '';
  const accountName = checkText('accountName', fromLabel.accountName, OTP_LIMITS.accountNameMaxLength);
  if (accountName === '' && issuer === '') {
    throw invalid(
      'otpauth.label',
      'The link names neither an account nor an issuer; add one so you can tell codes apart.',
    );
  }
  return { issuer, accountName: accountName || issuer, type, algorithm, digits, period, counter, secret };
}

function readDigits(raw: string | null): number {
  if (raw === null) return 6;
  return parseInteger(
    raw,
    'digits',
    OTP_LIMITS.digitsMin,
    OTP_LIMITS.digitsMax,
    `Codes must have ${OTP_LIMITS.digitsMin} to ${OTP_LIMITS.digitsMax} digits; the link asks for "${excerpt(raw)}".`,
  );
}

function readPeriod(raw: string | null): number {
  if (raw === null) return 30;
  return parseInteger(
    raw,
    'period',
    OTP_LIMITS.periodMin,
    OTP_LIMITS.periodMax,
    `A code must last between ${OTP_LIMITS.periodMin} and ${OTP_LIMITS.periodMax} seconds; the link asks for "${excerpt(raw)}".`,
  );
}

/** Issuer and account name as a person edits them: the same checks as when an account is added. */
export function parseAccountNames(
  issuer: string,
  accountName: string,
): { issuer: string; accountName: string } {
  return {
    issuer: checkText('issuer', issuer.trim(), OTP_LIMITS.issuerMaxLength),
    accountName: checkText('accountName', accountName.trim(), OTP_LIMITS.accountNameMaxLength),
  };
}

export function parseManualInput(input: ManualAccountInput): NewAccount {
  const issuer = checkText('issuer', input.issuer.trim(), OTP_LIMITS.issuerMaxLength);
  const accountName = checkText('accountName', input.accountName.trim(), OTP_LIMITS.accountNameMaxLength);
  return {
    issuer,
    accountName,
    type: input.type,
    algorithm: input.algorithm,
    digits: input.digits,
    period: input.type === 'totp' ? input.period : 30,
    counter: input.type === 'hotp' ? input.counter : 0,
    secret: parseSecret(input.secret),
  };
}

/** One account read from an import (a backup, another app's export), or why it cannot be used. */
export type ImportedEntry =
  | { ok: true; account: NewAccount }
  | { ok: false; issuer: string; accountName: string; problem: MigrationEntryProblem };

/**
 * An imported account's fields through the same schema and checks as the manual form; a failure
 * names the field that failed, so the preview can say why this one entry is left out.
 */
export function entryFromFields(fields: Omit<ManualAccountInput, 'kind'>): ImportedEntry {
  const names = { issuer: fields.issuer, accountName: fields.accountName };
  const checked = ManualAccountInputSchema.safeParse({ kind: 'manual', ...fields });
  if (!checked.success) {
    const field = String(checked.error.issues[0]?.path[0] ?? '');
    const problem: MigrationEntryProblem =
      field === 'secret'
        ? 'secret'
        : field === 'digits' || field === 'period'
          ? 'digits'
          : field === 'counter'
            ? 'counter'
            : 'text';
    return { ok: false, ...names, problem };
  }
  try {
    return { ok: true, account: parseManualInput(checked.data) };
  } catch (error) {
    return { ok: false, ...names, problem: entryProblem(error) };
  }
}
