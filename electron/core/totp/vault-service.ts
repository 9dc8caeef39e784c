/**
 * The authenticator vault: account metadata in the encrypted database, each secret in the keychain
 * under `totp:<vaultId>:<accountId>`, decoded secrets held only in this process's memory.
 *
 * Two stores, one defined order (ARCHITECTURE §3):
 * - add: keychain first, then the row; if the row fails, the keychain item is removed again.
 * - delete: the row first, then the keychain item.
 * A crash between the two leaves at worst a keychain item without a row; `load()` removes those.
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { ManualAccountInput, TotpAccount, TotpCode } from '../../../shared/ipc/contract';
import { OTP_LIMITS, type OtpAlgorithm, type OtpType } from '../../../shared/otp/limits';
import type { Db } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import { createLogger } from '../logger';
import { parseManualInput, parseOtpauthUri, type NewAccount } from './account-input';
import { decodeBase32, encodeBase32, hotpCode, timeStep, totpCode } from './otp';

const log = createLogger('totp-vault');

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

interface Row {
  id: string;
  issuer: string;
  account_name: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number | null;
  position: number;
  created_at: number;
}

function toAccount(row: Row): TotpAccount {
  return {
    id: row.id,
    issuer: row.issuer,
    accountName: row.account_name,
    type: row.type,
    algorithm: row.algorithm,
    digits: row.digits,
    period: row.period,
    counter: row.type === 'hotp' ? row.counter : null,
    createdAt: row.created_at,
  };
}

export type AddAccountRequest = { kind: 'uri'; uri: string } | ManualAccountInput;

export class TotpVaultService {
  private readonly secrets = new Map<string, Uint8Array>();
  /** Last computed code per account: a code changes once per period (or counter), not per request. */
  private readonly codeCache = new Map<string, { step: number; code: string }>();
  /** The rows as last read; this service is the table's only writer and drops it on every write. */
  private rowCache: Row[] | null = null;

  constructor(
    private readonly db: Db,
    private readonly secretStore: SecretStore,
    private readonly vaultId: string,
    private readonly clock: Clock = systemClock,
  ) {}

  private secretAccount(id: string): string {
    return `totp:${this.vaultId}:${id}`;
  }

  /** Reads every secret in one keychain call and removes keychain items whose row is gone. */
  async load(): Promise<void> {
    const prefix = `totp:${this.vaultId}:`;
    const entries = await this.secretStore.entries(prefix);
    const ids = new Set(this.rows().map((r) => r.id));
    for (const [account, value] of entries) {
      const id = account.slice(prefix.length);
      if (ids.has(id)) {
        this.secrets.set(id, decodeBase32(value));
      } else {
        log.info('Removing a keychain item left behind by an interrupted add or delete.');
        await this.secretStore.delete(account);
      }
    }
    for (const id of ids) if (!this.secrets.has(id)) log.warn(`Account ${id} has no secret in the keychain.`);
  }

  private rows(): Row[] {
    this.rowCache ??= this.db
      .prepare('SELECT * FROM totp_accounts ORDER BY position, created_at')
      .all() as Row[];
    return this.rowCache;
  }

  private row(id: string): Row {
    const row = this.db.prepare('SELECT * FROM totp_accounts WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new AppError(ErrorCode.NotFound, 'That account no longer exists.', 'account.notFound');
    return row;
  }

  list(): TotpAccount[] {
    return this.rows().map(toAccount);
  }

  async add(request: AddAccountRequest): Promise<TotpAccount> {
    const parsed: NewAccount =
      request.kind === 'uri' ? parseOtpauthUri(request.uri) : parseManualInput(request);
    const id = randomUUID();
    const key = this.secretAccount(id);
    await this.secretStore.set(key, encodeBase32(parsed.secret));
    try {
      this.db
        .prepare(
          `INSERT INTO totp_accounts (id, issuer, account_name, type, algorithm, digits, period, counter, position, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM totp_accounts), ?)`,
        )
        .run(
          id,
          parsed.issuer,
          parsed.accountName,
          parsed.type,
          parsed.algorithm,
          parsed.digits,
          parsed.period,
          parsed.type === 'hotp' ? parsed.counter : null,
          this.clock.now(),
        );
    } catch (error) {
      await this.secretStore
        .delete(key)
        .catch(() => log.warn('Could not roll back a keychain item; it is removed at next start.'));
      throw error;
    }
    this.rowCache = null;
    this.secrets.set(id, parsed.secret);
    return toAccount(this.row(id));
  }

  /**
   * Several accounts at once, all or none: every secret goes to the keychain first, then all rows in
   * one transaction; if anything fails, the keychain items written so far are removed again.
   */
  async addMany(accounts: NewAccount[]): Promise<TotpAccount[]> {
    await this.secretStore.assertAvailable();
    const ids = accounts.map(() => randomUUID());
    const written: string[] = [];
    const insert = this.db.prepare(
      `INSERT INTO totp_accounts (id, issuer, account_name, type, algorithm, digits, period, counter, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM totp_accounts), ?)`,
    );
    try {
      for (const [i, account] of accounts.entries()) {
        const key = this.secretAccount(ids[i]!);
        await this.secretStore.set(key, encodeBase32(account.secret));
        written.push(key);
      }
      const now = this.clock.now();
      this.db.transaction(() => {
        for (const [i, a] of accounts.entries()) {
          insert.run(
            ids[i]!,
            a.issuer,
            a.accountName,
            a.type,
            a.algorithm,
            a.digits,
            a.period,
            a.type === 'hotp' ? a.counter : null,
            now,
          );
        }
      })();
    } catch (error) {
      for (const key of written) {
        await this.secretStore
          .delete(key)
          .catch(() => log.warn('Could not roll back a keychain item; it is removed at next start.'));
      }
      throw error;
    } finally {
      this.rowCache = null;
    }
    accounts.forEach((a, i) => this.secrets.set(ids[i]!, a.secret));
    return ids.map((id) => toAccount(this.row(id)));
  }

  /** The account that already holds this secret (same bytes, same type), if any. */
  findBySecret(secret: Uint8Array, type: OtpType): string | null {
    for (const row of this.rows()) {
      const existing = this.secrets.get(row.id);
      if (
        row.type === type &&
        existing &&
        existing.length === secret.length &&
        existing.every((b, i) => b === secret[i])
      )
        return row.id;
    }
    return null;
  }

  async delete(id: string): Promise<{ id: string }> {
    this.row(id);
    // Fail closed before changing anything if the keychain is not there to finish the job.
    await this.secretStore.assertAvailable();
    this.db.prepare('DELETE FROM totp_accounts WHERE id = ?').run(id);
    this.rowCache = null;
    this.secrets.delete(id);
    this.codeCache.delete(id);
    try {
      await this.secretStore.delete(this.secretAccount(id));
    } catch (error) {
      log.warn('The account is deleted; its keychain item will be removed at next start.', error);
    }
    return { id };
  }

  private codeFor(row: Row, nowMs: number): TotpCode | null {
    const secret = this.secrets.get(row.id);
    if (!secret) return null;
    if (row.type === 'hotp') {
      const counter = row.counter ?? 0;
      return {
        id: row.id,
        code: this.cached(row.id, counter, () => hotpCode(secret, row, counter)),
        validUntil: null,
        period: row.period,
      };
    }
    const step = timeStep(nowMs, row.period);
    const code = this.cached(row.id, step, () => totpCode(secret, row, Math.floor(nowMs / 1000)));
    return { id: row.id, code, validUntil: (step + 1) * row.period * 1000, period: row.period };
  }

  private cached(id: string, step: number, compute: () => string): string {
    const hit = this.codeCache.get(id);
    if (hit && hit.step === step) return hit.code;
    const code = compute();
    this.codeCache.set(id, { step, code });
    return code;
  }

  codes(): TotpCode[] {
    const now = this.clock.now();
    return this.rows().flatMap((row) => this.codeFor(row, now) ?? []);
  }

  /** HOTP "next code": the counter moves on and is persisted before the code is shown. */
  incrementCounter(id: string): TotpCode {
    const row = this.row(id);
    if (row.type !== 'hotp') {
      throw new AppError(
        ErrorCode.InvalidInput,
        'Only counter-based (HOTP) accounts have a next code.',
        'account.notHotp',
      );
    }
    const counter = (row.counter ?? 0) + 1;
    if (counter > OTP_LIMITS.counterMax)
      throw new AppError(ErrorCode.InvalidInput, 'The counter cannot go higher.', 'account.counterMax');
    this.db.prepare('UPDATE totp_accounts SET counter = ? WHERE id = ?').run(counter, id);
    this.rowCache = null;
    const code = this.codeFor({ ...row, counter }, this.clock.now());
    if (!code)
      throw new AppError(
        ErrorCode.NotFound,
        'This account has no secret in the keychain.',
        'account.secretMissing',
      );
    return code;
  }
}
