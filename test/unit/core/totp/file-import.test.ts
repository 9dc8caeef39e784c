import * as nodeCrypto from 'node:crypto';
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../../../electron/core/totp/backup';
import { AEGIS_SCRYPT_LIMITS, readImportFile } from '../../../../electron/core/totp/file-import';
import type { MigrationEntry } from '../../../../electron/core/totp/migration';
import { encodeBase32 } from '../../../../electron/core/totp/otp';
import { rejectedAppError, rejectionReason } from '../../../support/errors';

// scrypt and pbkdf2 pass through to Node's, watched: a refused file must not reach them.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt), pbkdf2: vi.fn(actual.pbkdf2) };
});
afterEach(() => {
  vi.mocked(nodeCrypto.scrypt).mockClear();
  vi.mocked(nodeCrypto.pbkdf2).mockClear();
});

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
      'steam',
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

  it('names Steam Guard links and short secrets in a list, and reads raw spaces and "#"', async () => {
    const entries = await readImportFile(
      [
        `otpauth://totp/Steam:gamer?secret=${SECRET}&issuer=Steam&encoder=steam`,
        'otpauth://totp/Short:x?secret=JBSWY3DP',
        `otpauth://totp/My Shop:order #7?secret=${SECRET}&issuer=My Shop`,
      ].join('\n'),
      undefined,
    );
    expect(entries.map((e) => (e.ok ? [e.account.issuer, e.account.accountName] : e.problem))).toEqual([
      'steam',
      'secretTooShort',
      ['My Shop', 'order #7'],
    ]);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
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

  it('refuses anything else, with what to do', async () => {
    // Shaped like encrypted exports, but with nothing that could be decrypted.
    expect(await rejectionReason(readImportFile(aegis([], true), 'test'))).toBe('import.malformed');
    expect(await rejectionReason(readImportFile(twoFas([], true), 'test'))).toBe('import.malformed');
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

// ------------------------------------------------------------------------------------------------
// Encrypted Aegis and 2FAS exports: the real test files of the Aegis project (password "test"),
// see test/fixtures/imports/README.md. Their accounts are Aegis's test vectors (VaultEntries.java).

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/imports', name), 'utf8');
const AEGIS = fixture('aegis_encrypted.json');
const TWOFAS_V4 = fixture('2fas_authenticator_encrypted_v4.2fas');
const TWOFAS_V2 = fixture('2fas_authenticator_encrypted.2fas');
const PASSWORD = 'test';

/** What a person sees and what is stored, secret in base32; a refused entry as its problem. */
const summary = (entries: MigrationEntry[]) =>
  entries.map((e) =>
    e.ok
      ? [
          e.account.issuer,
          e.account.accountName,
          e.account.type,
          e.account.algorithm,
          e.account.digits,
          e.account.type === 'totp' ? e.account.period : e.account.counter,
          encodeBase32(e.account.secret),
        ]
      : [e.issuer, e.accountName, e.problem],
  );

/** Aegis's test vectors, as Tessera imports them (Steam Guard, Boeing, is refused by name). */
const VECTORS = {
  deno: ['Deno', 'Mason', 'totp', 'sha1', 6, 30, '4SJHB4GSD43FZBAI7C2HLRJGPQ'],
  spdx: ['SPDX', 'James', 'totp', 'sha256', 7, 20, '5OM4WOOGPLQEF6UGN3CPEOOLWU'],
  airbnb: ['Airbnb', 'Elijah', 'totp', 'sha512', 8, 50, '7ELGJSGXNCCTV3O6LKJWYFV2RA'],
  issuu: ['Issuu', 'James', 'hotp', 'sha1', 6, 1, 'YOOMIXWS5GN6RTBPUFFWKTW5M4'],
  airCanada: ['Air Canada', 'Benjamin', 'hotp', 'sha256', 7, 50, 'KUVJJOM753IHTNDSZVCNKL7GII'],
  wwe: ['WWE', 'Mason', 'hotp', 'sha512', 8, 10300, '5VAML3X35THCEBVRLV24CGBKOY'],
  boeing: ['Boeing', 'Sophia', 'steam'],
} as const;

/** The fixture as JSON, changed by `edit`, as text again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a hostile edit of untyped JSON
const edited = (file: string, edit: (json: any) => void) => {
  const json: unknown = JSON.parse(file);
  edit(json);
  return JSON.stringify(json);
};
/** Flips one bit of the byte at `index` of a base64 value. */
const flipBase64 = (value: string, index: number) => {
  const bytes = Buffer.from(value, 'base64');
  bytes[index]! ^= 0x01;
  return bytes.toString('base64');
};
/** Flips one bit of the first byte of a hex value. */
const flipHex = (value: string) =>
  Buffer.from(flipBase64(Buffer.from(value, 'hex').toString('base64'), 0), 'base64').toString('hex');

describe('readImportFile: encrypted Aegis vaults', () => {
  it("opens Aegis's own encrypted test vault with its password", async () => {
    expect(summary(await readImportFile(AEGIS, PASSWORD))).toEqual([
      VECTORS.deno,
      VECTORS.spdx,
      VECTORS.airbnb,
      VECTORS.issuu,
      VECTORS.airCanada,
      VECTORS.wwe,
      VECTORS.boeing,
    ]);
  });

  it('asks for the password, and says so when it is wrong', async () => {
    const needed = await rejectedAppError(readImportFile(AEGIS, undefined));
    expect([needed.reason, needed.params]).toEqual(['import.exportPasswordNeeded', { app: 'Aegis' }]);
    expect(await rejectionReason(readImportFile(AEGIS, ''))).toBe('import.exportPasswordNeeded');
    const wrong = await rejectedAppError(readImportFile(AEGIS, 'Test'));
    expect([wrong.reason, wrong.params]).toEqual(['import.wrongPassword', { app: 'Aegis' }]);
    expect(JSON.stringify(wrong)).not.toContain('Test');
  });

  it('skips biometric slots and tries every password slot', async () => {
    const file = edited(AEGIS, (json) => {
      const [slot] = json.header.slots;
      const biometric = { ...slot, type: 2, n: undefined, r: undefined, p: undefined, salt: undefined };
      const other = { ...slot, salt: '00'.repeat(32) }; // another password: its key does not open
      json.header.slots = [biometric, other, slot];
    });
    expect(await readImportFile(file, PASSWORD)).toHaveLength(7);
    expect(vi.mocked(nodeCrypto.scrypt)).toHaveBeenCalledTimes(2);
    const onlyBiometric = edited(AEGIS, (json) => (json.header.slots[0].type = 2));
    expect(await rejectionReason(readImportFile(onlyBiometric, PASSWORD))).toBe('import.malformed');
  });

  it('tells a changed or damaged vault from a wrong password', async () => {
    const changed = [
      edited(AEGIS, (json) => (json.db = flipBase64(json.db, 100))),
      edited(AEGIS, (json) => (json.header.params.tag = flipHex(json.header.params.tag))),
      edited(AEGIS, (json) => (json.header.params.nonce = flipHex(json.header.params.nonce))),
      // Cut short, still valid base64.
      edited(AEGIS, (json) => (json.db = json.db.slice(0, 1000))),
    ];
    for (const file of changed) {
      const error = await rejectedAppError(readImportFile(file, PASSWORD));
      expect([error.reason, error.params]).toEqual(['import.damaged', { app: 'Aegis' }]);
    }
    // The slot's encrypted master key is what proves the password: changed, it cannot be told apart.
    const slotChanged = edited(AEGIS, (json) => {
      json.header.slots[0].key = flipHex(json.header.slots[0].key);
    });
    expect(await rejectionReason(readImportFile(slotChanged, PASSWORD))).toBe('import.wrongPassword');
  });

  it('refuses truncated files and malformed fields without asking for a password', async () => {
    expect(await rejectionReason(readImportFile(AEGIS.slice(0, AEGIS.length / 2), PASSWORD))).toBe(
      'import.unknown',
    );
    const malformed = [
      edited(AEGIS, (json) => (json.db = json.db.slice(0, 999))), // not base64 any more
      edited(AEGIS, (json) => (json.db = 'not base64!')),
      edited(AEGIS, (json) => (json.header.params = null)),
      edited(AEGIS, (json) => (json.header.params.nonce = 'abc')),
      edited(AEGIS, (json) => (json.header.slots = [])),
      edited(AEGIS, (json) => (json.header.slots = null)),
      edited(AEGIS, (json) => (json.header.slots[0].key = json.header.slots[0].key.slice(2))),
      edited(AEGIS, (json) => (json.header.slots[0].salt = 'zz'.repeat(32))),
      edited(AEGIS, (json) => delete json.header.slots[0].key_params),
      edited(AEGIS, (json) => (json.header.slots[0].n = '32768')),
      edited(AEGIS, (json) => (json.header.slots = Array(5).fill(json.header.slots[0]))),
    ];
    for (const file of malformed) {
      expect(await rejectionReason(readImportFile(file, undefined))).toBe('import.malformed');
      expect(await rejectionReason(readImportFile(file, PASSWORD))).toBe('import.malformed');
    }
    expect(vi.mocked(nodeCrypto.scrypt)).not.toHaveBeenCalled();
  });

  it('refuses absurd scrypt parameters before deriving anything', async () => {
    expect(AEGIS_SCRYPT_LIMITS).toMatchObject({ maxN: 2 ** 20, maxR: 16, maxP: 16 });
    const absurd: [number, number, number][] = [
      [2 ** 30, 8, 1], // 128 GiB
      [2 ** 21, 1, 1], // N over 2^20
      [2 ** 20, 16, 1], // each within its own cap, together 2 GiB
      [2 ** 18, 16, 1], // 512 MiB
      [2 ** 15, 8, 32], // p over 16
      [2 ** 17, 8, 16], // 128 MiB, but N·r·p = 2^24: sixteen passes over it
      [2 ** 15, 64, 1], // r over 16
      [2 ** 15, 0, 1],
      [2 ** 15, 8, 0],
      [1, 8, 1],
      [12345, 8, 1], // not a power of two
      [-(2 ** 15), 8, 1],
    ];
    for (const [n, r, p] of absurd) {
      const file = edited(AEGIS, (json) => Object.assign(json.header.slots[0], { n, r, p }));
      const error = await rejectedAppError(readImportFile(file, PASSWORD));
      expect([n, r, p, error.reason, error.params]).toEqual([n, r, p, 'import.kdfLimits', { app: 'Aegis' }]);
      // Refused on sight, whether or not a password was given.
      expect(await rejectionReason(readImportFile(file, undefined))).toBe('import.kdfLimits');
    }
    expect(vi.mocked(nodeCrypto.scrypt)).not.toHaveBeenCalled();
    // A stronger setting than Aegis's own, inside the caps, is still opened (and only fails on the key).
    const stronger = edited(AEGIS, (json) => Object.assign(json.header.slots[0], { n: 2 ** 16, r: 8, p: 2 }));
    expect(await rejectionReason(readImportFile(stronger, PASSWORD))).toBe('import.wrongPassword');
  });
});

// ------------------------------------------------------------------------------------------------

/** One 2FAS field as the app writes it: base64(ciphertext ‖ tag):base64(salt):base64(iv). */
function twoFasField(plain: string, password: string, salt: Buffer): string {
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [data, salt, iv].map((b) => b.toString('base64')).join(':');
}
const REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';

describe('readImportFile: encrypted 2FAS backups', () => {
  it("opens the Aegis project's 2FAS test backups (2FAS 5.1.0, schema 4; 2FAS 3.8.2, schema 2)", async () => {
    expect(summary(await readImportFile(TWOFAS_V4, PASSWORD))).toEqual([
      VECTORS.deno,
      VECTORS.issuu,
      VECTORS.airCanada,
      VECTORS.wwe,
      VECTORS.boeing,
    ]);
    // Schema 2 has no token types: all TOTP, so the HOTP vectors came out with the default period.
    expect(summary(await readImportFile(TWOFAS_V2, PASSWORD))).toEqual([
      VECTORS.deno,
      VECTORS.airbnb,
      ['Issuu', 'James', 'totp', 'sha1', 6, 30, 'YOOMIXWS5GN6RTBPUFFWKTW5M4'],
      ['WWE', 'Mason', 'totp', 'sha512', 8, 30, '5VAML3X35THCEBVRLV24CGBKOY'],
    ]);
  });

  it('asks for the password, and says so when it is wrong', async () => {
    const needed = await rejectedAppError(readImportFile(TWOFAS_V4, undefined));
    expect([needed.reason, needed.params]).toEqual(['import.exportPasswordNeeded', { app: '2FAS' }]);
    for (const file of [TWOFAS_V4, TWOFAS_V2]) {
      const wrong = await rejectedAppError(readImportFile(file, 'tEst'));
      expect([wrong.reason, wrong.params]).toEqual(['import.wrongPassword', { app: '2FAS' }]);
      expect(JSON.stringify(wrong)).not.toContain('tEst');
    }
  });

  it('tells changed or damaged services from a wrong password', async () => {
    const withServices = (change: (parts: string[]) => void) =>
      edited(TWOFAS_V4, (json) => {
        const parts = json.servicesEncrypted.split(':');
        change(parts);
        json.servicesEncrypted = parts.join(':');
      });
    const lastByte = (base64: string) => Buffer.from(base64, 'base64').length - 1;
    const changed = [
      // The ciphertext, its tag (the last 16 bytes), the iv; the ciphertext cut short.
      withServices((parts) => (parts[0] = flipBase64(parts[0]!, 10))),
      withServices((parts) => (parts[0] = flipBase64(parts[0]!, lastByte(parts[0]!)))),
      withServices((parts) => (parts[2] = flipBase64(parts[2]!, 0))),
      withServices(
        (parts) => (parts[0] = Buffer.from(parts[0]!, 'base64').subarray(0, 600).toString('base64')),
      ),
    ];
    for (const file of changed) {
      const error = await rejectedAppError(readImportFile(file, PASSWORD));
      expect([error.reason, error.params]).toEqual(['import.damaged', { app: '2FAS' }]);
    }
    // The reference is what proves the password: changed, it cannot be told from a wrong one.
    const referenceChanged = edited(TWOFAS_V4, (json) => {
      const parts = json.reference.split(':');
      parts[0] = flipBase64(parts[0], 3);
      json.reference = parts.join(':');
    });
    expect(await rejectionReason(readImportFile(referenceChanged, PASSWORD))).toBe('import.wrongPassword');
  });

  it('proves the password with the reference, whatever its salt', async () => {
    const services = JSON.stringify([
      { name: 'Example', secret: SECRET, otp: { account: 'alice', tokenType: 'TOTP', digits: 6 } },
    ]);
    // Unlike 2FAS's own files, each field has a salt of its own.
    const file = (reference: string) =>
      JSON.stringify({
        services: [],
        groups: [],
        schemaVersion: 4,
        servicesEncrypted: twoFasField(services, 'pw', randomBytes(256)),
        reference: twoFasField(reference, 'pw', randomBytes(256)),
      });
    expect(summary(await readImportFile(file(REFERENCE), 'pw'))).toEqual([
      ['Example', 'alice', 'totp', 'sha1', 6, 30, SECRET],
    ]);
    // A reference that decrypts to anything else does not prove the password.
    expect(await rejectionReason(readImportFile(file('something else'), 'pw'))).toBe('import.wrongPassword');
  });

  it('refuses truncated files and malformed fields without deriving a key', async () => {
    expect(await rejectionReason(readImportFile(TWOFAS_V4.slice(0, 3000), PASSWORD))).toBe('import.unknown');
    const malformed = [
      edited(TWOFAS_V4, (json) => delete json.reference),
      edited(TWOFAS_V4, (json) => (json.reference = '')),
      edited(
        TWOFAS_V4,
        (json) => (json.servicesEncrypted = json.servicesEncrypted.split(':').slice(0, 2).join(':')),
      ),
      edited(TWOFAS_V4, (json) => (json.servicesEncrypted += ':AAAA')),
      edited(TWOFAS_V4, (json) => (json.servicesEncrypted = json.servicesEncrypted.replace(':', '!:'))),
      edited(TWOFAS_V4, (json) => (json.servicesEncrypted = json.servicesEncrypted.slice(0, 100))),
      edited(
        TWOFAS_V4,
        (json) => (json.servicesEncrypted = `AAAA:${json.servicesEncrypted.split(':').slice(1).join(':')}`),
      ),
      edited(TWOFAS_V4, (json) => (json.reference = json.reference.replace(/:[^:]*$/, ':AAAAAAAA'))), // 6-byte iv
      edited(TWOFAS_V4, (json) => (json.reference = json.reference.replace(/:[^:]*:/, ':AAAA:'))), // 3-byte salt
    ];
    for (const file of malformed) {
      expect(await rejectionReason(readImportFile(file, PASSWORD))).toBe('import.malformed');
      expect(await rejectionReason(readImportFile(file, undefined))).toBe('import.malformed');
    }
    expect(vi.mocked(nodeCrypto.pbkdf2)).not.toHaveBeenCalled();
  });
});
