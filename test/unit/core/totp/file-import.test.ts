import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../../electron/core/totp/backup';
import { readImportFile } from '../../../../electron/core/totp/file-import';
import { rejectionReason } from '../../../support/errors';

const SECRET = 'JBSWY3DPEHPK3PXP';

/** The shape of an Aegis vault export without encryption (db version 3). */
const aegis = (entries: unknown[], encrypted = false) =>
  JSON.stringify({
    version: 1,
    header: encrypted
      ? { slots: [{ type: 1 }], params: { nonce: 'x', tag: 'y' } }
      : { slots: null, params: null },
    db: encrypted ? 'ZW5jcnlwdGVk' : { version: 3, entries, groups: [] },
  });
const aegisEntry = (over: Record<string, unknown> = {}, info: Record<string, unknown> = {}) => ({
  type: 'totp',
  uuid: '0f3c0e1a-2b4d-4c5e-8f60-718293a4b5c6',
  name: 'alice@example.com',
  issuer: 'Example',
  note: '',
  favorite: false,
  icon: null,
  info: { secret: SECRET, algo: 'SHA1', digits: 6, period: 30, ...info },
  ...over,
});

/** The shape of a 2FAS export without a password (schema version 4). */
const twoFas = (services: unknown[], encrypted = false) =>
  JSON.stringify({
    services: encrypted ? [] : services,
    ...(encrypted ? { servicesEncrypted: 'abc:def:ghi' } : {}),
    groups: [],
    updatedAt: 1700000000000,
    schemaVersion: 4,
    appVersionCode: 5000000,
    appOrigin: 'android',
  });

describe('readImportFile', () => {
  it('reads an Aegis export, marking unsupported entries', async () => {
    const entries = await readImportFile(
      aegis([
        aegisEntry(),
        aegisEntry({ type: 'hotp', name: 'bob', issuer: 'Bank' }, { algo: 'SHA256', digits: 8, counter: 7 }),
        aegisEntry({ type: 'steam', name: 'gamer' }),
        aegisEntry({ name: 'weak' }, { algo: 'MD5' }),
      ]),
      undefined,
    );
    expect(
      entries.map((e) =>
        e.ok
          ? [e.account.issuer, e.account.accountName, e.account.type, e.account.algorithm, e.account.counter]
          : e.problem,
      ),
    ).toEqual([
      ['Example', 'alice@example.com', 'totp', 'sha1', 0],
      ['Bank', 'bob', 'hotp', 'sha256', 7],
      'type',
      'algorithm',
    ]);
  });

  it('reads a 2FAS export', async () => {
    const entries = await readImportFile(
      twoFas([
        {
          name: 'GitHub',
          secret: SECRET,
          otp: {
            account: 'octocat',
            issuer: 'GitHub',
            digits: 6,
            period: 30,
            algorithm: 'SHA1',
            tokenType: 'TOTP',
          },
        },
        { name: 'Bad', secret: 'not base32!', otp: { tokenType: 'TOTP' } },
      ]),
      undefined,
    );
    expect(entries.map((e) => (e.ok ? [e.account.issuer, e.account.accountName] : e.problem))).toEqual([
      ['GitHub', 'octocat'],
      'secret',
    ]);
  });

  it('reads a plain list of otpauth links, skipping blank and comment lines', async () => {
    const entries = await readImportFile(
      `# exported\n\notpauth://totp/A:one?secret=${SECRET}\r\notpauth://totp/B:two?secret=${SECRET}&digits=12\n`,
      undefined,
    );
    expect(entries.map((e) => (e.ok ? e.account.accountName : e.problem))).toEqual(['one', 'text']);
    expect(JSON.stringify(entries[1])).not.toContain(SECRET);
  });

  it('opens a Tessera backup with its password, and asks for it otherwise', async () => {
    const file = await createBackup(
      [
        {
          issuer: 'X',
          accountName: 'y',
          type: 'totp',
          algorithm: 'sha1',
          digits: 6,
          period: 30,
          counter: 0,
          secret: new Uint8Array(20).fill(3),
        },
      ],
      'a long enough password',
    );
    expect(await rejectionReason(readImportFile(file, undefined))).toBe('import.passwordNeeded');
    expect((await readImportFile(file, 'a long enough password')).length).toBe(1);
  });

  it('refuses encrypted Aegis and 2FAS exports, and anything else, with what to do', async () => {
    expect(await rejectionReason(readImportFile(aegis([], true), undefined))).toBe('import.aegisEncrypted');
    expect(await rejectionReason(readImportFile(twoFas([], true), undefined))).toBe('import.twofasEncrypted');
    for (const content of [
      '{"hello":"world"}',
      '{broken',
      'just some text',
      `otpauth://totp/x?secret=${SECRET}\nhttps://evil.example`,
    ]) {
      expect(await rejectionReason(readImportFile(content, undefined))).toBe('import.unknown');
    }
    expect(await rejectionReason(readImportFile('x'.repeat(9 * 1024 * 1024), undefined))).toBe(
      'import.tooLarge',
    );
  });
});
