import { describe, expect, it } from 'vitest';
import { createBackup, readBackup } from '../../../../electron/core/totp/backup';
import type { NewAccount } from '../../../../electron/core/totp/account-input';
import { rejectionReason } from '../../../support/errors';

const accounts: NewAccount[] = [
  {
    issuer: 'ACME',
    accountName: 'alice',
    type: 'totp',
    algorithm: 'sha256',
    digits: 8,
    period: 60,
    counter: 0,
    secret: new Uint8Array(20).fill(1),
  },
  {
    issuer: 'Bank',
    accountName: 'bob',
    type: 'hotp',
    algorithm: 'sha1',
    digits: 6,
    period: 30,
    counter: 41,
    secret: new Uint8Array(32).fill(2),
  },
];
const PASSWORD = 'correct horse battery staple';

describe('encrypted backup', () => {
  it('round-trips every field, and holds no secret or name in the clear', async () => {
    const file = await createBackup(accounts, PASSWORD);
    for (const needle of ['ACME', 'alice', 'AEAQCAIB', 'Bank']) expect(file).not.toContain(needle);
    const header = JSON.parse(file);
    expect(header).toMatchObject({
      format: 'tessera-backup',
      version: 1,
      kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 },
      cipher: { name: 'aes-256-gcm' },
    });
    const entries = await readBackup(file, PASSWORD);
    expect(entries.map((e) => (e.ok ? { ...e.account, secret: [...e.account.secret] } : e))).toEqual(
      accounts.map((a) => ({ ...a, secret: [...a.secret] })),
    );
  });

  it('refuses a wrong password, and a file changed anywhere', async () => {
    const file = await createBackup(accounts, PASSWORD);
    expect(await rejectionReason(readBackup(file, 'wrong horse battery staple'))).toBe('backup.decrypt');
    const json = JSON.parse(file);
    const flipped = Buffer.from(json.data, 'base64');
    flipped[5] = flipped[5]! ^ 1;
    expect(
      await rejectionReason(
        readBackup(JSON.stringify({ ...json, data: flipped.toString('base64') }), PASSWORD),
      ),
    ).toBe('backup.decrypt');
    // The header is bound too: another (valid) salt or iv fails like changed data.
    const otherIv = Buffer.alloc(12, 9).toString('base64');
    expect(
      await rejectionReason(
        readBackup(JSON.stringify({ ...json, cipher: { ...json.cipher, iv: otherIv } }), PASSWORD),
      ),
    ).toBe('backup.decrypt');
    const otherSalt = Buffer.alloc(16, 9).toString('base64');
    expect(
      await rejectionReason(
        readBackup(JSON.stringify({ ...json, kdf: { ...json.kdf, salt: otherSalt } }), PASSWORD),
      ),
    ).toBe('backup.decrypt');
  });

  it('refuses truncated files, other formats and abusive parameters before deriving anything', async () => {
    const file = await createBackup(accounts, PASSWORD);
    const json = JSON.parse(file);
    expect(await rejectionReason(readBackup(file.slice(0, file.length / 2), PASSWORD))).toBe('backup.format');
    expect(await rejectionReason(readBackup('{"db":{"entries":[]},"version":1}', PASSWORD))).toBe(
      'backup.format',
    ); // an Aegis file
    expect(await rejectionReason(readBackup('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', PASSWORD))).toBe(
      'backup.format',
    );
    expect(
      await rejectionReason(
        readBackup(JSON.stringify({ ...json, kdf: { ...json.kdf, N: 2 ** 30 } }), PASSWORD),
      ),
    ).toBe('backup.format');
    expect(await rejectionReason(readBackup(JSON.stringify({ ...json, version: 2 }), PASSWORD))).toBe(
      'backup.format',
    );
    expect(await rejectionReason(readBackup(JSON.stringify({ ...json, extra: 1 }), PASSWORD))).toBe(
      'backup.format',
    );
    expect(await rejectionReason(readBackup('x'.repeat(9 * 1024 * 1024), PASSWORD))).toBe('backup.tooLarge');
  });

  it('marks a bad entry and keeps the others', async () => {
    const file = await createBackup(
      [...accounts, { ...accounts[0]!, accountName: 'evil\u202e', digits: 6 }],
      PASSWORD,
    );
    const entries = await readBackup(file, PASSWORD);
    expect(entries.map((e) => (e.ok ? 'ok' : e.problem))).toEqual(['ok', 'ok', 'text']);
  });
});
