/**
 * The OpenID Provider's signing keys on an encrypted store and the real keychain, with a clock the
 * test moves: the first key, rotation with overlap (the old key published until its last ID token
 * expired, then gone from the JWKS and the keychain), rotation after 90 days, and a key the keychain
 * lost (refused, never published without its private half).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { SecretRefs } from '../../../../electron/core/secrets/secret-refs';
import { AuditLog } from '../../../../electron/core/org/audit';
import { openDatabase, readOrCreateVaultId, type Db } from '../../../../electron/core/store/database';
import { KEY_OVERLAP_MS, ROTATE_AFTER_MS, SigningKeys } from '../../../../electron/core/op/signing-keys';
import { requireSecretService, useTempDirs } from '../../../support/temp';

const tempDir = useTempDirs();
const secrets = new KeytarSecretStore();
const open: Db[] = [];

beforeAll(() => requireSecretService());
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setup() {
  const dataDir = tempDir();
  const vaultId = readOrCreateVaultId(dataDir);
  const db = await openDatabase(dataDir, vaultId, secrets);
  open.push(db);
  const clock = { t: Date.parse('2026-05-04T08:00:00Z'), now: () => clock.t };
  const refs = new SecretRefs(db, secrets, vaultId, clock.now);
  const keys = new SigningKeys(db, refs, new AuditLog(db, clock.now), clock.now);
  const keyRefs = () =>
    (db.prepare('SELECT key_ref FROM op_signing_keys').all() as { key_ref: string }[]).map(
      (row) => row.key_ref,
    );
  return { db, clock, keys, keyRefs, vaultId };
}

describe('the OpenID Provider signing keys', () => {
  it('makes one key, rotates with overlap, and deletes the old key once its tokens expired', async () => {
    const { clock, keys, keyRefs } = await setup();
    expect(await keys.maintain()).toBe(true);
    expect(await keys.maintain()).toBe(false);
    const [first] = keys.describe();
    expect(first).toMatchObject({ alg: 'RS256', active: true, removedAt: null });
    const firstRef = keyRefs()[0]!;
    // The private half is in the keychain, the database has only a reference to it.
    expect(JSON.parse((await secrets.get(firstRef))!)).toHaveProperty('d');

    clock.t += 1000;
    await keys.rotate();
    const rotated = keys.describe();
    expect(rotated).toHaveLength(2);
    expect(rotated[0]).toMatchObject({ active: true, removedAt: null });
    expect(rotated[1]).toMatchObject({ kid: first!.kid, active: false, removedAt: clock.t + KEY_OVERLAP_MS });
    // Both are published, the new one first (oidc-provider signs with the first).
    const jwks = await keys.privateJwks();
    expect(jwks.map((key) => key.kid)).toEqual([rotated[0]!.kid, first!.kid]);

    clock.t += KEY_OVERLAP_MS - 1;
    expect(await keys.maintain()).toBe(false);
    expect(keys.describe()).toHaveLength(2);
    clock.t += 1;
    expect(await keys.maintain()).toBe(true);
    expect(keys.describe().map((key) => key.kid)).toEqual([rotated[0]!.kid]);
    expect(await secrets.get(firstRef)).toBeNull();
  });

  it('replaces the active key by itself after 90 days', async () => {
    const { clock, keys } = await setup();
    await keys.maintain();
    const [first] = keys.describe();
    clock.t += ROTATE_AFTER_MS - 1;
    expect(await keys.maintain()).toBe(false);
    clock.t += 1;
    expect(await keys.maintain()).toBe(true);
    const now = keys.describe();
    expect(now).toHaveLength(2);
    expect(now.find((key) => key.active)!.kid).not.toBe(first!.kid);
  });

  it('never publishes a key whose private half the keychain lost: it is replaced', async () => {
    const { keys, keyRefs } = await setup();
    await keys.maintain();
    const [lost] = keys.describe();
    await secrets.delete(keyRefs()[0]!);
    await expect(keys.privateJwks()).rejects.toMatchObject({ reason: 'op.signingKeyMissing' });
    expect(await keys.maintain()).toBe(true);
    const now = keys.describe();
    expect(now).toHaveLength(1);
    expect(now[0]!.kid).not.toBe(lost!.kid);
    expect((await keys.privateJwks()).map((key) => key.kid)).toEqual([now[0]!.kid]);
  });

  it('keeps one cookie key across calls, in the keychain', async () => {
    const { keys, db } = await setup();
    const key = await keys.cookieKey();
    expect(await keys.cookieKey()).toBe(key);
    const { key_ref } = db.prepare('SELECT key_ref FROM op_cookie_key').get() as { key_ref: string };
    expect(await secrets.get(key_ref)).toBe(key);
  });
});
