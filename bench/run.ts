/**
 * `npm run bench`: performance figures, each beside a baseline measured in the same run (ratios,
 * not absolute times, are what compare across machines). Not a test: it never fails on timing.
 * Needs the real keychain, so scripts/bench.sh runs it inside a private D-Bus session with GNOME Keyring.
 */
import Database from 'libsql';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateSync, createGuardrails } from 'otplib';
import { createCore } from '../electron/core/app-core';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { openDatabase, readOrCreateVaultId } from '../electron/core/store/database';
import { MIGRATIONS } from '../electron/core/store/migrations';
import { generateSync as totpGenerate } from '@otplib/totp';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { encodeBase32 } from '../electron/core/totp/otp';
import { TotpVaultService, type Clock } from '../electron/core/totp/vault-service';
import { median, row } from './format';
import { benchOp } from './op';
import { benchQr } from './qr';
import { benchRouting } from './routing';
import { benchScanScreen } from './scan-screen';
import { benchJit, benchSignin } from './signin';
import { benchMetadata } from './sso';

process.env.TESSERA_QUIET = '1';

async function measure(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function coldStart(root: string) {
  const dataDir = join(root, 'cold');
  (await createCore({ dataDir, version: 'bench' })).close(); // first run: key, migrations
  const core = await measure(15, async () => (await createCore({ dataDir, version: 'bench' })).close());
  // Baseline: an unencrypted SQLite file with the same schema, no keychain.
  const plainFile = join(root, 'plain.db');
  const plain = await measure(15, () => {
    const db = new Database(plainFile);
    db.pragma('journal_mode = WAL');
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
    db.close();
  });
  row('core cold start (keychain + encrypted DB)', core, 'plain SQLite open + migrations', plain, '< 300 ms');
}

async function codes(root: string) {
  const dataDir = join(root, 'codes');
  const secrets = new KeytarSecretStore();
  const vaultId = readOrCreateVaultId(dataDir);
  const db = await openDatabase(dataDir, vaultId, secrets);
  let now = 1_700_000_000_000;
  const clock: Clock = { now: () => now };
  const vault = new TotpVaultService(db, secrets, vaultId, clock);
  const keys: Uint8Array[] = [];
  for (let i = 0; i < 1000; i++) {
    const key = new Uint8Array(20).map((_, j) => (i * 31 + j * 7) & 0xff);
    keys.push(key);
    const algorithm = (['sha1', 'sha256', 'sha512'] as const)[i % 3]!;
    await vault.add({
      kind: 'manual',
      issuer: `Issuer ${i}`,
      accountName: `user${i}@example.com`,
      secret: encodeBase32(key),
      type: 'totp',
      algorithm,
      digits: 6,
      period: 30,
      counter: 0,
    });
  }
  const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
  const baseline = await measure(21, () => {
    for (let i = 0; i < 1000; i++)
      generateSync({
        secret: keys[i]!,
        algorithm: (['sha1', 'sha256', 'sha512'] as const)[i % 3]!,
        digits: 6,
        period: 30,
        epoch: now / 1000,
        guardrails,
      });
  });
  const crypto = new NodeCryptoPlugin();
  const viaTotp = await measure(21, () => {
    for (let i = 0; i < 1000; i++) {
      const algorithm = (['sha1', 'sha256', 'sha512'] as const)[i % 3]!;
      totpGenerate({
        secret: keys[i]!,
        algorithm,
        digits: 6,
        period: 30,
        epoch: now / 1000,
        crypto,
        guardrails,
      });
    }
  });
  // The floor: Node's HMAC alone, 1,000 times, nothing around it (no truncation, no checks).
  const hmacOnly = await measure(21, () => {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
    for (let i = 0; i < 1000; i++)
      createHmac((['sha1', 'sha256', 'sha512'] as const)[i % 3]!, keys[i]!)
        .update(counter)
        .digest();
  });
  // Each call lands in a new time step: every code is computed afresh.
  const fresh = await measure(21, () => {
    now += 30_000;
    return vault.codes();
  });
  // Within one time step (the common case: the list refreshes, the codes have not changed).
  const sameStep = await measure(21, () => vault.codes());
  row('1,000 codes, new time step', fresh, 'otplib default (noble) ×1,000', baseline, '< 5 ms');
  row('1,000 codes, new time step', fresh, 'otplib TOTP + Node crypto ×1,000', viaTotp, '< 5 ms');
  row('1,000 codes, new time step', fresh, 'Node createHmac alone ×1,000', hmacOnly, '< 5 ms');
  row('1,000 codes, same time step (cached)', sameStep, 'otplib default (noble) ×1,000', baseline, '< 5 ms');
  for (const account of vault.list()) await vault.delete(account.id);
  await secrets.delete(`database-key:${vaultId}`);
  db.close();
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  try {
    console.log(`Tessera benchmarks — node ${process.version}, median of repeated runs\n`);
    // BENCH_ONLY=codes,qr runs some sections (for profiling one); the default is all of them.
    const only = process.env.BENCH_ONLY?.split(',');
    const sections: [string, () => Promise<void>][] = [
      ['cold', () => coldStart(root)],
      ['codes', () => codes(root)],
      ['routing', benchRouting],
      ['sso', benchMetadata],
      ['signin', benchSignin],
      ['jit', benchJit],
      ['op', benchOp],
      ['qr', () => benchQr()],
      ['scan', benchScanScreen],
    ];
    for (const [name, run] of sections) if (!only || only.includes(name)) await run();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
