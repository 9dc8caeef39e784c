import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { parseMigrationUri } from '../../../../electron/core/totp/migration';
import { AppError } from '../../../../shared/ipc/errors';

// A Google Authenticator export of one TOTP account: secret "Hello!\xde\xad\xbe\xef",
// name "Example:alice@google.com", issuer "Example" (the example used across migration tools).
const KNOWN =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';

// Test payloads are built with protobufjs from the same published schema, written out here again.
const root = protobuf.parse(
  `
syntax = "proto3";
message P {
  message E { bytes secret = 1; string name = 2; string issuer = 3; int32 algorithm = 4; int32 digits = 5; int32 type = 6; int64 counter = 7; }
  repeated E otp_parameters = 1; int32 version = 2; int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5;
}`,
  { keepCase: true },
).root;
const P = root.lookupType('P');
const SECRET = new Uint8Array(Buffer.from('12345678901234567890'));

function uriOf(bytes: Uint8Array): string {
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}
function build(payload: Record<string, unknown>): string {
  return uriOf(P.encode(P.fromObject(payload)).finish());
}
function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseMigrationUri', () => {
  it('reads the known example', () => {
    const part = parseMigrationUri(KNOWN);
    expect(part).toMatchObject({ batchIndex: 0, batchSize: 1 });
    expect(part.entries).toHaveLength(1);
    const entry = part.entries[0]!;
    expect(entry.ok).toBe(true);
    if (entry.ok) {
      expect(entry.account).toMatchObject({
        issuer: 'Example',
        accountName: 'alice@google.com',
        type: 'totp',
        algorithm: 'sha1',
        digits: 6,
      });
      expect(Buffer.from(entry.account.secret).toString('hex')).toBe('48656c6c6f21deadbeef');
    }
  });

  it('reads every algorithm, 8 digits, HOTP with its counter, and batch numbers', () => {
    const part = parseMigrationUri(
      build({
        otp_parameters: [
          { secret: SECRET, name: 'a', issuer: 'X', algorithm: 2, digits: 2, type: 2 },
          { secret: SECRET, name: 'b', issuer: 'Y', algorithm: 3, digits: 1, type: 1, counter: 42 },
        ],
        batch_size: 3,
        batch_index: 1,
        batch_id: 777,
      }),
    );
    expect(part).toMatchObject({ batchId: 777, batchIndex: 1, batchSize: 3 });
    expect(
      part.entries.map((e) =>
        e.ok ? [e.account.algorithm, e.account.digits, e.account.type, e.account.counter] : e.problem,
      ),
    ).toEqual([
      ['sha256', 8, 'totp', 0],
      ['sha512', 6, 'hotp', 42],
    ]);
  });

  it('keeps good entries when one is bad: unknown enum values, MD5, empty secret, bidi names', () => {
    const part = parseMigrationUri(
      build({
        otp_parameters: [
          { secret: SECRET, name: 'good', issuer: 'G', type: 2 },
          { secret: SECRET, name: 'md5', algorithm: 4, type: 2 },
          { secret: SECRET, name: 'weird digits', digits: 7, type: 2 },
          { secret: SECRET, name: 'weird type', type: 9 },
          { secret: new Uint8Array(0), name: 'empty secret', type: 2 },
          { secret: SECRET, name: 'evil\u202egnp.exe', type: 2 },
        ],
      }),
    );
    expect(part.entries.map((e) => (e.ok ? 'ok' : e.problem))).toEqual([
      'ok',
      'algorithm',
      'digits',
      'type',
      'secret',
      'text',
    ]);
  });

  it('keeps a name without issuer whole, and drops only a prefix that repeats the issuer', () => {
    const part = parseMigrationUri(
      build({
        otp_parameters: [
          { secret: SECRET, name: 'alice:admin', type: 2 },
          { secret: SECRET, name: 'Work: 12:00 shift', type: 2 },
          { secret: SECRET, name: 'ACME:bob', issuer: 'ACME', type: 2 },
          { secret: SECRET, name: 'Other:carol', issuer: 'ACME', type: 2 },
        ],
      }),
    );
    expect(part.entries.map((e) => (e.ok ? [e.account.issuer, e.account.accountName] : e.problem))).toEqual([
      ['', 'alice:admin'],
      ['', 'Work: 12:00 shift'],
      ['ACME', 'bob'],
      ['ACME', 'Other:carol'],
    ]);
  });

  it('says a secret under 80 bits is too short, apart from a missing one', () => {
    const part = parseMigrationUri(
      build({
        otp_parameters: [
          { secret: SECRET.slice(0, 9), name: 'short', type: 2 },
          { secret: SECRET.slice(0, 10), name: 'shortest accepted', type: 2 },
        ],
      }),
    );
    expect(part.entries.map((e) => (e.ok ? 'ok' : e.problem))).toEqual(['secretTooShort', 'ok']);
  });

  const hostile: [string, () => string, string][] = [
    ['not a migration link', () => 'https://example.com/?data=AAAA', 'migration.malformed'],
    ['no data', () => 'otpauth-migration://offline', 'migration.malformed'],
    ['two data parameters', () => `${KNOWN}&data=AAAA`, 'migration.malformed'],
    ['data that is not base64', () => 'otpauth-migration://offline?data=%%%', 'migration.malformed'],
    ['truncated payload', () => KNOWN.slice(0, -20), 'migration.damaged'],
    // field 1, length-delimited, claiming 2^28 bytes: must fail on bounds, not allocate.
    [
      'a length field claiming 2^28 bytes',
      () => uriOf(new Uint8Array([0x0a, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00])),
      'migration.damaged',
    ],
    // protobufjs skips a field whose wire type does not match the schema: nothing is left.
    [
      'an entry that is a number instead of a message',
      () => uriOf(new Uint8Array([0x08, 0x05])),
      'migration.empty',
    ],
    ['no accounts', () => build({ version: 1 }), 'migration.empty'],
    [
      '10,000 entries',
      () => build({ otp_parameters: Array.from({ length: 10_000 }, () => ({})) }),
      'migration.tooLong',
    ],
    [
      '150 small entries',
      () => build({ otp_parameters: Array.from({ length: 150 }, () => ({ type: 2 })) }),
      'migration.tooMany',
    ],
    [
      'a batch index beyond the batch size',
      () => build({ otp_parameters: [{ secret: SECRET, name: 'a' }], batch_size: 2, batch_index: 5 }),
      'migration.damaged',
    ],
    ['a huge link', () => `otpauth-migration://offline?data=${'A'.repeat(20_000)}`, 'migration.tooLong'],
  ];
  for (const [name, input, expected] of hostile) {
    it(`refuses ${name}`, () => {
      expect(reason(() => parseMigrationUri(input()))).toBe(expected);
    });
  }
});
