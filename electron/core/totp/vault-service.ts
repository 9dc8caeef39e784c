/**
 * The authenticator vault: account metadata in the encrypted database, each secret in the keychain
 * under `totp:<vaultId>:<accountId>`, decoded secrets held only in this process's memory.
 *
 * Two stores, one defined order (ARCHITECTURE §3), with the intent recorded first:
 * - add: a `pending_secrets` row, then the keychain item, then (one transaction) the account row
 *   in and the pending row out. If the account row fails, the keychain item is removed again.
 * - delete: (one transaction) the account row out and a pending row in, then the keychain item,
 *   then the pending row.
 * After a crash, `load()` finishes what the pending rows describe: the keychain item of a pending
 * id without an account row is removed. Keychain items it has no record of are left alone (they may
 * belong to a newer copy of the database).
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { ManualAccountInput, TotpAccount, TotpCode } from '../../../shared/ipc/contract';
import { OTP_LIMITS, type OtpAlgorithm, type OtpType } from '../../../shared/otp/limits';
import type { Db } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import { createLogger } from '../logger';
import { parseAccountNames, parseManualInput, parseOtpauthUri, type NewAccount } from './account-input';
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

  /** Finishes interrupted writes, then reads every secret in one keychain call. */
  async load(): Promise<void> {
    const pending = this.db.prepare('SELECT id FROM pending_secrets').all() as { id: string }[];
    for (const { id } of pending) {
      const hasRow = this.db.prepare('SELECT 1 FROM totp_accounts WHERE id = ?').get(id) !== undefined;
      if (!hasRow) await this.secretStore.delete(this.secretAccount(id));
      this.db.prepare('DELETE FROM pending_secrets WHERE id = ?').run(id);
      log.info('Finished an add or delete that was interrupted.');
    }
    const prefix = `totp:${this.vaultId}:`;
    const entries = await this.secretStore.entries(prefix);
    for (const row of this.rows()) {
      const value = entries.get(prefix + row.id);
      if (value === undefined) {
        log.warn(`Account ${row.id} has no secret in the keychain.`);
        continue;
      }
      try {
        this.secrets.set(row.id, decodeBase32(value));
      } catch {
        // Never the decoder's message: it would quote part of the secret.
        log.warn(`The keychain item of account ${row.id} is not a valid secret.`);
      }
    }
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
    const [account] = await this.addMany([parsed]);
    return account!;
  }

  /** Records which keychain items are about to change (see the class comment). */
  private markPending(ids: string[], operation: 'add' | 'delete'): void {
    const insert = this.db.prepare(
      'INSERT INTO pending_secrets (id, operation, created_at) VALUES (?, ?, ?)',
    );
    const now = this.clock.now();
    this.db.transaction(() => ids.forEach((id) => insert.run(id, operation, now)))();
  }

  private clearPending(ids: string[]): void {
    const remove = this.db.prepare('DELETE FROM pending_secrets WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => remove.run(id)))();
  }

  /**
   * Adds accounts all or none: intent recorded, every secret into the keychain, then all rows in
   * one transaction. If anything fails, the keychain items written so far are removed again (and
   * if even that fails, `load()` removes them at the next start).
   */
  async addMany(accounts: NewAccount[]): Promise<TotpAccount[]> {
    await this.secretStore.assertAvailable();
    const ids = accounts.map(() => randomUUID());
    const insert = this.db.prepare(
      `INSERT INTO totp_accounts (id, issuer, account_name, type, algorithm, digits, period, counter, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM totp_accounts), ?)`,
    );
    const clearPending = this.db.prepare('DELETE FROM pending_secrets WHERE id = ?');
    this.markPending(ids, 'add');
    const written: string[] = [];
    try {
      for (const [i, account] of accounts.entries()) {
        const key = this.secretAccount(ids[i]!);
        await this.secretStore.set(key, encodeBase32(account.secret));
        written.push(key);
      }
      const now = this.clock.now();
      this.db.transaction(() => {
        for (const [i, a] of accounts.entries()) {
          const hotpCounter = a.type === 'hotp' ? a.counter : null;
          insert.run(
            ids[i]!,
            a.issuer,
            a.accountName,
            a.type,
            a.algorithm,
            a.digits,
            a.period,
            hotpCounter,
            now,
          );
          clearPending.run(ids[i]!);
        }
      })();
    } catch (error) {
      try {
        for (const key of written) await this.secretStore.delete(key);
        this.clearPending(ids);
      } catch {
        log.warn('Could not roll back keychain items; they are removed at the next start.');
      }
      throw error;
    } finally {
      this.rowCache = null;
    }
    accounts.forEach((a, i) => this.secrets.set(ids[i]!, a.secret));
    return ids.map((id) => toAccount(this.row(id)));
  }

  update(id: string, issuer: string, accountName: string): TotpAccount {
    this.row(id);
    const names = parseAccountNames(issuer, accountName);
    this.db
      .prepare('UPDATE totp_accounts SET issuer = ?, account_name = ? WHERE id = ?')
      .run(names.issuer, names.accountName, id);
    this.rowCache = null;
    return toAccount(this.row(id));
  }

  /** A new order for all accounts, saved in one transaction; a stale or partial list changes nothing. */
  reorder(ids: string[]): TotpAccount[] {
    const current = new Set(this.rows().map((r) => r.id));
    if (
      ids.length !== current.size ||
      new Set(ids).size !== ids.length ||
      ids.some((id) => !current.has(id))
    ) {
      throw new AppError(
        ErrorCode.InvalidInput,
        'The list of accounts changed meanwhile; the order was not saved. Try again.',
        'account.reorderStale',
      );
    }
    const setPosition = this.db.prepare('UPDATE totp_accounts SET position = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id, position) => setPosition.run(position, id)))();
    this.rowCache = null;
    return this.list();
  }

  /** The otpauth URI of one account, for its export QR code (see the export-qr channel). */
  exportUri(id: string): string {
    const row = this.row(id);
    const secret = this.secrets.get(id);
    if (!secret)
      throw new AppError(
        ErrorCode.NotFound,
        'This account has no secret in the keychain.',
        'account.secretMissing',
      );
    const label = encodeURIComponent(row.issuer ? `${row.issuer}:${row.account_name}` : row.account_name);
    const params = new URLSearchParams({
      secret: encodeBase32(secret),
      algorithm: row.algorithm.toUpperCase(),
      digits: String(row.digits),
    });
    if (row.issuer) params.set('issuer', row.issuer);
    if (row.type === 'totp') params.set('period', String(row.period));
    else params.set('counter', String(row.counter ?? 0));
    return `otpauth://${row.type}/${label}?${params.toString().replace(/\+/g, '%20')}`;
  }

  /**
   * Every account as its otpauth URI, one per line in the vault's order, for the plain export (see
   * the export:plain channel). Accounts whose secret is missing from the keychain are left out.
   */
  exportUris(): string {
    const uris = this.rows()
      .filter((row) => this.secrets.has(row.id))
      .map((row) => this.exportUri(row.id));
    if (uris.length === 0)
      throw new AppError(ErrorCode.InvalidInput, 'There are no accounts to export.', 'export.empty');
    return `${uris.join('\n')}\n`;
  }

  /** Every account with its secret, for an encrypted backup. Stays in the main process. */
  exportAll(): NewAccount[] {
    return this.rows().flatMap((row) => {
      const secret = this.secrets.get(row.id);
      if (!secret) return [];
      const { issuer, account_name: accountName, type, algorithm, digits, period } = row;
      return [{ issuer, accountName, type, algorithm, digits, period, counter: row.counter ?? 0, secret }];
    });
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
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM totp_accounts WHERE id = ?').run(id);
      this.db
        .prepare('INSERT INTO pending_secrets (id, operation, created_at) VALUES (?, ?, ?)')
        .run(id, 'delete', this.clock.now());
    })();
    this.rowCache = null;
    this.secrets.delete(id);
    this.codeCache.delete(id);
    try {
      await this.secretStore.delete(this.secretAccount(id));
      this.clearPending([id]);
    } catch (error) {
      log.warn('The account is deleted; its keychain item will be removed at the next start.', error);
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
