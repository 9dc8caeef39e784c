/** Migration preview → import, against the real keychain and an encrypted store on disk. */
import protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { openDatabase, readOrCreateVaultId } from '../../../../electron/core/store/database';
import { MigrationImportService } from '../../../../electron/core/totp/migration-import';
import { TotpVaultService, type Clock } from '../../../../electron/core/totp/vault-service';
import { requireSecretService, useTempDirs } from '../../../support/temp';

const P = protobuf
  .parse(
    `syntax = "proto3";
message P {
  message E { bytes secret = 1; string name = 2; string issuer = 3; int32 algorithm = 4; int32 digits = 5; int32 type = 6; int64 counter = 7; }
  repeated E otp_parameters = 1; int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5;
}`,
    { keepCase: true },
  )
  .root.lookupType('P');
const uri = (payload: Record<string, unknown>) =>
  `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(P.encode(P.fromObject(payload)).finish()).toString('base64'))}`;
const secret = (n: number) => new Uint8Array(20).fill(n);

const secrets = new KeytarSecretStore();
const tempDir = useTempDirs();
let now = 1_700_000_000_000;
const clock: Clock = { now: () => now };

async function setup() {
  const dir = tempDir();
  const vaultId = readOrCreateVaultId(dir);
  const db = await openDatabase(dir, vaultId, secrets);
  const vault = new TotpVaultService(db, secrets, vaultId, clock);
  await vault.load();
  return { vaultId, db, vault, service: new MigrationImportService(vault, clock) };
}

beforeAll(() => requireSecretService());

describe('MigrationImportService', () => {
  it('previews without secrets, flags duplicates and missing parts, imports the chosen entries', async () => {
    const { vaultId, db, vault, service } = await setup();
    const existing = await vault.add({
      kind: 'uri',
      uri: `otpauth://totp/Old:one?secret=${'AEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIB'}`,
    }); // bytes of 0x01
    const preview = service.preview([
      uri({
        otp_parameters: [
          { secret: secret(1), name: 'one', issuer: 'Old', type: 2 },
          { secret: secret(2), name: 'two', issuer: 'New', type: 2 },
          { secret: secret(3), name: 'three', issuer: 'MD5', algorithm: 4, type: 2 },
        ],
        batch_size: 2,
        batch_index: 0,
        batch_id: 9,
      }),
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/secret/i);
    expect(preview.missingParts).toEqual([2]);
    expect(preview.entries.map((e) => [e.accountName, e.duplicateOf, e.problem])).toEqual([
      ['one', existing.id, null],
      ['two', null, null],
      ['three', null, 'algorithm'],
    ]);

    await expect(service.import(preview.batchId, [2])).rejects.toMatchObject({
      reason: 'migration.badChoice',
    });
    const added = await service.import(preview.batchId, [1]);
    expect(added.map((a) => a.issuer)).toEqual(['New']);
    expect(vault.list().map((a) => a.accountName)).toEqual(['one', 'two']);
    expect((await secrets.entries(`totp:${vaultId}:`)).size).toBe(2);
    // A batch is used once.
    await expect(service.import(preview.batchId, [1])).rejects.toMatchObject({ reason: 'migration.expired' });
    db.close();
  });

  it('joins the parts of one export, counts a code scanned twice once, refuses mixed exports', async () => {
    const { db, service } = await setup();
    const part = (index: number, id = 5) =>
      uri({
        otp_parameters: [{ secret: secret(10 + index), name: `p${index}`, type: 2 }],
        batch_size: 2,
        batch_index: index,
        batch_id: id,
      });
    const preview = service.preview([part(1), part(0), part(1)]);
    expect(preview.entries.map((e) => e.accountName)).toEqual(['p0', 'p1']);
    expect(preview.missingParts).toEqual([]);
    expect(() => service.preview([part(0), part(1, 6)])).toThrowError(/different exports/);
    db.close();
  });

  it('forgets a preview after ten minutes', async () => {
    const { db, service } = await setup();
    const preview = service.preview([
      uri({ otp_parameters: [{ secret: secret(7), name: 'late', type: 2 }] }),
    ]);
    now += 11 * 60 * 1000;
    await expect(service.import(preview.batchId, [0])).rejects.toMatchObject({ reason: 'migration.expired' });
    db.close();
  });

  it('saves all chosen accounts or none', async () => {
    const { vaultId, db, vault, service } = await setup();
    const preview = service.preview([
      uri({ otp_parameters: [1, 2, 3].map((n) => ({ secret: secret(20 + n), name: `n${n}`, type: 2 })) }),
    ]);
    db.exec(
      `CREATE TRIGGER refuse_third BEFORE INSERT ON totp_accounts WHEN NEW.account_name = 'n3' BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    await expect(service.import(preview.batchId, [0, 1, 2])).rejects.toThrow('disk full');
    expect(vault.list()).toEqual([]);
    expect((await secrets.entries(`totp:${vaultId}:`)).size).toBe(0);
    db.close();
  });
});
