/**
 * The SQLite store: libsql (better-sqlite3's API, prebuilt N-API binaries) with encryption at rest.
 * The key is 256 random bits kept in the OS keychain under `database-key:<vaultId>`; the vault id is
 * a non-secret random name in `<dataDir>/tessera.json`, so several data folders can share a keychain.
 */
import Database from 'libsql';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { keychainUnavailable, type SecretStore } from '../secrets/secret-store';
import { MIGRATIONS } from './migrations';

export type Db = InstanceType<typeof Database>;

const VaultFileSchema = z.object({ vaultId: z.uuid() });

export const DB_FILE = 'tessera.db';

/** Reads the vault id, creating the file (atomically) on first run. */
export function readOrCreateVaultId(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'tessera.json');
  if (existsSync(file)) {
    const parsed = VaultFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new AppError(
        ErrorCode.Internal,
        `${file} is damaged; restore it from a backup of the data folder.`,
      );
    }
    return parsed.data.vaultId;
  }
  if (existsSync(join(dataDir, DB_FILE))) {
    throw new AppError(
      ErrorCode.Internal,
      `${file} is missing but a database exists; restore it from a backup.`,
    );
  }
  const vaultId = randomUUID();
  writeFileSync(`${file}.tmp`, JSON.stringify({ vaultId }, null, 2) + '\n', { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return vaultId;
}

async function databaseKey(secrets: SecretStore, vaultId: string, dbExists: boolean): Promise<string> {
  const account = `database-key:${vaultId}`;
  const existing = await secrets.get(account);
  if (existing) return existing;
  if (dbExists) {
    // Never create a fresh key for an existing database: that would look like an empty vault.
    throw keychainUnavailable(
      'databaseKeyMissing',
      "the database key for this data folder is not in this keychain (was the keychain reset, or is this another user's folder?).",
    );
  }
  const key = randomBytes(32).toString('hex');
  await secrets.set(account, key);
  return key;
}

export function migrate(db: Db): void {
  // libsql ignores better-sqlite3's `{ simple: true }` pragma option; read the row instead.
  const current = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export async function openDatabase(dataDir: string, vaultId: string, secrets: SecretStore): Promise<Db> {
  const file = join(dataDir, DB_FILE);
  const key = await databaseKey(secrets, vaultId, existsSync(file));
  let db: Db;
  try {
    // libsql 0.5's typings predate its encryption options; index.js reads `encryptionKey` (aes256cbc).
    const encrypted: Database.Options & { encryptionKey: string } = { encryptionKey: key };
    db = new Database(file, encrypted);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError(
        ErrorCode.Internal,
        'The database cannot be decrypted with the key in the keychain; the file is damaged or belongs to another keychain.',
      );
    }
    throw error;
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  nestTransactions(db);
  return db;
}

/**
 * libsql's `transaction()` always says BEGIN, so one called inside another fails. better-sqlite3's
 * (whose API libsql copies) nests as a savepoint instead; this gives libsql the same behaviour, so a
 * change made of several services' changes (configuration import) is still one transaction, while
 * each service keeps its own. An inner failure rolls back to its savepoint and rethrows, so the
 * outer transaction fails as a whole unless the caller catches it on purpose.
 */
export function nestTransactions(db: Db): void {
  const outer = db.transaction.bind(db);
  let depth = 0;
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const top = outer(fn);
    const nested = (...args: unknown[]) => {
      if (!db.inTransaction) return top(...args);
      const name = `nested_${++depth}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = fn(...args);
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw error;
      } finally {
        depth--;
      }
    };
    return nested;
  }) as Db['transaction'];
}

export type Statement = Database.Statement<unknown[]>;

/**
 * Prepares each SQL text once: hot paths (every sign-in, JIT at thousands of users a second) would
 * otherwise spend as long compiling statements as running them.
 */
export function statementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
