/**
 * The encrypted store and the vault against the real OS keychain (GNOME Keyring over the Secret
 * Service, started by `npm test`) and real SQLite files on disk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { openDatabase, readOrCreateVaultId, DB_FILE } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { TotpVaultService, type Clock } from '../../../../electron/core/totp/vault-service';
import { totpCode, hotpCode } from '../../../../electron/core/totp/otp';
import { AppError } from '../../../../shared/ipc/errors';
import { createCore } from '../../../../electron/core/app-core';
import { parseOtpauthUri } from '../../../../electron/core/totp/account-input';
import { requireSecretService, useTempDirs } from '../../../support/temp';

const SECRET_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SECRET_BYTES = new Uint8Array(Buffer.from('12345678901234567890'));
const LABEL = 'alice.liddell@wonderland.example';
const URI = `otpauth://totp/Wonderland:${LABEL}?secret=${SECRET_B32}&issuer=Wonderland`;

const secrets = new KeytarSecretStore();
const tempDir = useTempDirs();
const fixedClock = (ms: number): Clock => ({ now: () => ms });

/** Everything on disk in the data folder, as one buffer (database, WAL, shared memory, json). */
function folderBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => !f.startsWith('keyring'))
      .map((f) => readFileSync(join(dir, f))),
  );
}

async function openVault(dir: string, clock: Clock = fixedClock(59_000)) {
  const vaultId = readOrCreateVaultId(dir);
  const db = await openDatabase(dir, vaultId, secrets);
  const vault = new TotpVaultService(db, secrets, vaultId, clock);
  await vault.load();
  return { vaultId, db, vault };
}

beforeAll(() => requireSecretService());

describe('KeytarSecretStore against the real keychain', () => {
  it('stores, lists, reads and deletes', async () => {
    const prefix = `test:${randomUUID()}:`;
    await secrets.assertAvailable();
    await secrets.set(`${prefix}a`, 'value-a');
    await secrets.set(`${prefix}b`, 'value-b');
    expect(await secrets.get(`${prefix}a`)).toBe('value-a');
    expect(await secrets.entries(prefix)).toEqual(
      new Map([
        [`${prefix}a`, 'value-a'],
        [`${prefix}b`, 'value-b'],
      ]),
    );
    expect(await secrets.delete(`${prefix}a`)).toBe(true);
    expect(await secrets.delete(`${prefix}b`)).toBe(true);
    expect(await secrets.get(`${prefix}a`)).toBeNull();
    expect((await secrets.entries(prefix)).size).toBe(0);
  });
});

describe('encrypted store', () => {
  it('keeps its key in the keychain, uses WAL, migrates, and reopens', async () => {
    const dir = tempDir();
    const { vaultId, db } = await openVault(dir);
    expect(await secrets.get(`database-key:${vaultId}`)).toMatch(/^[0-9a-f]{64}$/);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(
      MIGRATIONS.length,
    );
    db.close();
    const again = await openVault(dir);
    expect(again.vaultId).toBe(vaultId);
    again.db.close();
  });

  it('cannot be read without the key', async () => {
    const dir = tempDir();
    const { db } = await openVault(dir);
    db.close();
    const header = readFileSync(join(dir, DB_FILE)).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
  });

  it('never makes a fresh key for an existing database (fails closed instead)', async () => {
    const dir = tempDir();
    const { vaultId, db } = await openVault(dir);
    db.close();
    const key = (await secrets.get(`database-key:${vaultId}`))!;
    await secrets.delete(`database-key:${vaultId}`);
    await expect(openDatabase(dir, vaultId, secrets)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(await secrets.get(`database-key:${vaultId}`)).toBeNull();
    await secrets.set(`database-key:${vaultId}`, key);
    (await openDatabase(dir, vaultId, secrets)).close();
  });
});

describe('TotpVaultService with the real keychain', () => {
  it('adds an account: secret in the keychain only, nothing readable on disk', async () => {
    const dir = tempDir();
    const { vaultId, db, vault } = await openVault(dir);
    const account = await vault.add({ kind: 'uri', uri: URI });
    expect(await secrets.get(`totp:${vaultId}:${account.id}`)).toBe(SECRET_B32);
    expect(vault.codes()).toEqual([{ id: account.id, code: '287082', validUntil: 60_000, period: 30 }]);
    db.close();

    const disk = folderBytes(dir);
    for (const needle of [SECRET_B32, LABEL, 'Wonderland', Buffer.from(SECRET_BYTES).toString('latin1')]) {
      expect(disk.includes(Buffer.from(needle, 'latin1')), `${needle} on disk`).toBe(false);
    }
  });

  it('survives a restart with the same codes, and HOTP counters persist', async () => {
    const dir = tempDir();
    const first = await openVault(dir);
    const totp = await first.vault.add({ kind: 'uri', uri: URI });
    const hotp = await first.vault.add({
      kind: 'uri',
      uri: `otpauth://hotp/Counter:bob?secret=${SECRET_B32}&counter=0`,
    });
    expect(first.vault.incrementCounter(hotp.id).code).toBe(
      hotpCode(SECRET_BYTES, { algorithm: 'sha1', digits: 6 }, 1),
    );
    first.db.close();

    const now = 1_111_111_111_000;
    const second = await openVault(dir, fixedClock(now));
    expect(second.vault.list().map((a) => a.id)).toEqual([totp.id, hotp.id]);
    const codes = new Map(second.vault.codes().map((c) => [c.id, c.code]));
    expect(codes.get(totp.id)).toBe(
      totpCode(SECRET_BYTES, { algorithm: 'sha1', digits: 6, period: 30 }, now / 1000),
    );
    expect(codes.get(hotp.id)).toBe('287082'); // RFC 4226 count 1
    expect(second.vault.list().find((a) => a.id === hotp.id)?.counter).toBe(1);
    second.db.close();
  });

  it('deletes the row and the keychain item', async () => {
    const dir = tempDir();
    const { vaultId, db, vault } = await openVault(dir);
    const account = await vault.add({ kind: 'uri', uri: URI });
    await vault.delete(account.id);
    expect(vault.list()).toEqual([]);
    expect(await secrets.get(`totp:${vaultId}:${account.id}`)).toBeNull();
    await expect(vault.delete(account.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    db.close();
  });

  it('rolls the keychain item back when the row cannot be written', async () => {
    const dir = tempDir();
    const { vaultId, db, vault } = await openVault(dir);
    db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON totp_accounts BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    await expect(vault.add({ kind: 'uri', uri: URI })).rejects.toThrow('disk full');
    expect((await secrets.entries(`totp:${vaultId}:`)).size).toBe(0);
    expect(vault.list()).toEqual([]);
    db.close();
  });

  it('finishes an interrupted add at the next start, and leaves unexplained keychain items alone', async () => {
    const dir = tempDir();
    const first = await openVault(dir);
    // As if the process died between the keychain write and the row: the intent is recorded.
    const interrupted = randomUUID();
    first.db
      .prepare("INSERT INTO pending_secrets (id, operation, created_at) VALUES (?, 'add', 0)")
      .run(interrupted);
    await secrets.set(`totp:${first.vaultId}:${interrupted}`, SECRET_B32);
    // A secret this database knows nothing about (say, from a newer copy of it): not ours to delete.
    const unexplained = `totp:${first.vaultId}:${randomUUID()}`;
    await secrets.set(unexplained, SECRET_B32);
    first.db.close();

    const second = await openVault(dir);
    expect(await secrets.get(`totp:${first.vaultId}:${interrupted}`)).toBeNull();
    expect(await secrets.get(unexplained)).toBe(SECRET_B32);
    expect(second.db.prepare('SELECT COUNT(*) AS n FROM pending_secrets').get()).toMatchObject({ n: 0 });
    await secrets.delete(unexplained);
    second.db.close();
  });

  it('finishes an interrupted delete at the next start', async () => {
    const dir = tempDir();
    const first = await openVault(dir);
    const account = await first.vault.add({ kind: 'uri', uri: URI });
    // As if the process died after the row went but before the keychain item did.
    first.db.transaction(() => {
      first.db.prepare('DELETE FROM totp_accounts WHERE id = ?').run(account.id);
      first.db
        .prepare("INSERT INTO pending_secrets (id, operation, created_at) VALUES (?, 'delete', 0)")
        .run(account.id);
    })();
    first.db.close();
    const second = await openVault(dir);
    expect(await secrets.get(`totp:${first.vaultId}:${account.id}`)).toBeNull();
    expect(second.vault.list()).toEqual([]);
    second.db.close();
  });

  it('keeps working when one keychain item is not a valid secret', async () => {
    const dir = tempDir();
    const first = await openVault(dir);
    const good = await first.vault.add({ kind: 'uri', uri: URI });
    const bad = await first.vault.add({ kind: 'uri', uri: `otpauth://totp/Other:bob?secret=${SECRET_B32}` });
    await secrets.set(`totp:${first.vaultId}:${bad.id}`, 'not base32 at all!');
    first.db.close();
    const second = await openVault(dir);
    expect(second.vault.codes().map((c) => c.id)).toEqual([good.id]);
    second.db.close();
  });

  it('allows one Tessera per data folder', async () => {
    const dir = tempDir();
    const first = await createCore({ dataDir: dir, version: 'test' });
    const second = await createCore({ dataDir: dir, version: 'test' });
    expect((await first.status()).keychain.available).toBe(true);
    expect((await second.status()).keychain).toMatchObject({ available: false, problem: 'dataFolderInUse' });
    second.close();
    first.close();
  });

  it('renames and reorders accounts; hostile names and stale orders change nothing', async () => {
    const dir = tempDir();
    const { db, vault } = await openVault(dir);
    const a = await vault.add({ kind: 'uri', uri: URI });
    const b = await vault.add({ kind: 'uri', uri: `otpauth://hotp/Counter:bob?secret=${SECRET_B32}` });
    expect(vault.update(a.id, ' Looking Glass ', ' alice ')).toMatchObject({
      issuer: 'Looking Glass',
      accountName: 'alice',
    });
    expect(() => vault.update(a.id, 'Evil\u202e', 'alice')).toThrowError(AppError);
    expect(() => vault.update(randomUUID(), 'X', 'y')).toThrowError(/no longer exists/);
    expect(vault.reorder([b.id, a.id]).map((x) => x.id)).toEqual([b.id, a.id]);
    for (const stale of [[a.id], [a.id, a.id], [a.id, b.id, randomUUID()], [a.id, randomUUID()]]) {
      expect(() => vault.reorder(stale)).toThrowError(/changed meanwhile/);
    }
    db.close();
    const again = await openVault(dir);
    expect(again.vault.list().map((x) => [x.id, x.issuer])).toEqual([
      [b.id, 'Counter'],
      [a.id, 'Looking Glass'],
    ]);
    again.db.close();
  });

  it('exports an account as an otpauth URI that reads back to the same account', async () => {
    const dir = tempDir();
    const { db, vault } = await openVault(dir);
    expect(() => vault.exportUris()).toThrowError(/no accounts to export/);
    const totp = await vault.add({
      kind: 'manual',
      issuer: 'Big Corp & Co',
      accountName: 'a+b@example.com',
      secret: SECRET_B32,
      type: 'totp',
      algorithm: 'sha512',
      digits: 8,
      period: 60,
      counter: 0,
    });
    const hotp = await vault.add({
      kind: 'uri',
      uri: `otpauth://hotp/Counter:bob?secret=${SECRET_B32}&counter=9`,
    });
    for (const account of [totp, hotp]) {
      const back = parseOtpauthUri(vault.exportUri(account.id));
      expect(back).toMatchObject({
        issuer: account.issuer,
        accountName: account.accountName,
        type: account.type,
        algorithm: account.algorithm,
        digits: account.digits,
        ...(account.type === 'totp' ? { period: account.period } : { counter: account.counter }),
      });
      expect([...back.secret]).toEqual([...SECRET_BYTES]);
    }
    // The plain export: the same links, one per line, in the vault's order.
    expect(vault.exportUris()).toBe(`${vault.exportUri(totp.id)}\n${vault.exportUri(hotp.id)}\n`);
    db.close();
  });

  it('refuses bad input and changes nothing', async () => {
    const dir = tempDir();
    const { vaultId, db, vault } = await openVault(dir);
    await expect(
      vault.add({ kind: 'uri', uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=12' }),
    ).rejects.toBeInstanceOf(AppError);
    expect(vault.list()).toEqual([]);
    expect((await secrets.entries(`totp:${vaultId}:`)).size).toBe(0);
    db.close();
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
  });
});
