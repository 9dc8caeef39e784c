import { describe, expect, it, vi } from 'vitest';
import { createGate, type HandlerTable } from '../../../electron/core/gate';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';

const ID = '3f0c2a4e-8a5b-4c1d-9e2f-0a1b2c3d4e5f';

function table() {
  const calls: string[] = [];
  const spy = (name: string, value: unknown) =>
    vi.fn(async () => {
      calls.push(name);
      return value;
    });
  const account = {
    id: ID,
    issuer: 'A',
    accountName: 'a',
    type: 'totp',
    algorithm: 'sha1',
    digits: 6,
    period: 30,
    counter: null,
    createdAt: 1,
  };
  const handlers = {
    'app:status:get': spy('status', {
      version: '1',
      keychain: { available: true, problem: null, detail: null },
    }),
    'totp:account:list': spy('list', []),
    'totp:account:add': spy('add', { ...account, secret: 'LEAKED' }),
    'totp:account:delete': spy('delete', { id: ID }),
    'totp:counter:increment': spy('increment', { id: ID, code: '123456', validUntil: null, period: 30 }),
    'totp:code:list': spy('codes', []),
  } as unknown as HandlerTable;
  return { dispatch: createGate(handlers), calls };
}

describe('gate', () => {
  const malformed: [string, string, unknown][] = [
    ['a number instead of an object', 'totp:account:delete', 42],
    ['null', 'totp:account:delete', null],
    ['a wrong type', 'totp:account:delete', { id: 7 }],
    ['a non-uuid id', 'totp:account:delete', { id: '../../etc/passwd' }],
    ['an extra key', 'totp:account:delete', { id: ID, force: true }],
    [
      'an own __proto__ key',
      'totp:account:delete',
      JSON.parse(`{"id":"${ID}","__proto__":{"isAdmin":true}}`),
    ],
    ['a constructor key', 'totp:code:list', { constructor: { prototype: {} } }],
    ['a huge string', 'totp:account:add', { kind: 'uri', uri: 'otpauth://' + 'a'.repeat(1_000_000) }],
    ['an unknown kind', 'totp:account:add', { kind: 'camera', uri: 'x' }],
    [
      'digits as a string',
      'totp:account:add',
      {
        kind: 'manual',
        issuer: '',
        accountName: 'a',
        secret: 'JBSWY3DPEHPK3PXP',
        type: 'totp',
        algorithm: 'sha1',
        digits: '6',
        period: 30,
        counter: 0,
      },
    ],
    [
      'a fractional period',
      'totp:account:add',
      {
        kind: 'manual',
        issuer: '',
        accountName: 'a',
        secret: 'JBSWY3DPEHPK3PXP',
        type: 'totp',
        algorithm: 'sha1',
        digits: 6,
        period: 30.5,
        counter: 0,
      },
    ],
    ['an array', 'app:status:get', []],
    ['an export without its confirmation', 'totp:account:export-qr', { id: ID }],
    ['an export with confirm: "yes"', 'totp:account:export-qr', { id: ID, confirm: 'yes' }],
    ['a plain export without its confirmation', 'totp:export:plain', {}],
    ['a plain export with confirm: false', 'totp:export:plain', { confirm: false }],
  ];
  for (const [name, channel, request] of malformed) {
    it(`refuses ${name} with BAD_REQUEST and calls nothing`, async () => {
      const { dispatch, calls } = table();
      const result = await dispatch(channel, request);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(ErrorCode.BadRequest);
        expect(result.error.message).not.toContain('aaaaaaaa'); // never echoes values
      }
      expect(calls).toEqual([]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }

  it('refuses unknown channels, including prototype names', async () => {
    const { dispatch, calls } = table();
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatch(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownChannel } });
    }
    expect(calls).toEqual([]);
  });

  it('passes a valid request and strips response fields outside the contract', async () => {
    const { dispatch } = table();
    const result = await dispatch('totp:account:add', {
      kind: 'uri',
      uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
    });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('LEAKED');
  });

  it('returns an AppError as its shape and hides other errors', async () => {
    const handlers = {
      'totp:code:list': async () => {
        throw new AppError(ErrorCode.NotFound, 'gone', 'account.notFound');
      },
      'totp:account:list': async () => {
        throw new Error('SQLITE_CORRUPT at /home/me/secret/path');
      },
    } as unknown as HandlerTable;
    const dispatch = createGate(handlers);
    expect(await dispatch('totp:code:list', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone', reason: 'account.notFound', params: undefined },
    });
    const hidden = await dispatch('totp:account:list', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('/home/me');
  });
});
