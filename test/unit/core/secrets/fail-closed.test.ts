/**
 * Without a reachable keychain Tessera refuses to store secrets, says why in plain words, and writes
 * nothing. With no desktop session but a keyring password, it brings up its own session keyring.
 * Each case runs the real core in a child process with its own environment.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCoreProcess } from '../../../support/core-process';
import { useTempDirs } from '../../../support/temp';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const tempDir = useTempDirs();

describe('fail closed', () => {
  for (const [name, env, problem] of [
    [
      'no session bus at all',
      { DBUS_SESSION_BUS_ADDRESS: undefined, TESSERA_KEYRING_PASSWORD: undefined, DISPLAY: undefined },
      'noPassword',
    ],
    [
      'a session bus that is not there',
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      'noAnswer',
    ],
  ] as const) {
    it(`${name}: status says why, adding is refused, nothing is written`, () => {
      const dir = tempDir();
      const { results } = runCoreProcess(
        dir,
        [
          ['app:status:get', {}],
          ['totp:account:add', { kind: 'uri', uri: URI }],
          ['totp:account:list', {}],
        ],
        env,
      );
      const [status, add, list] = results;
      expect(status).toMatchObject({ ok: true, data: { keychain: { available: false, problem } } });
      const detail = (status!.data as { keychain: { detail: string } }).keychain.detail;
      expect(detail).toMatch(/keyring|Secret Service|session bus/i);
      expect(add).toMatchObject({
        ok: false,
        error: { code: 'KEYCHAIN_UNAVAILABLE', reason: `keychain.${problem}` },
      });
      expect(list).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
      expect(existsSync(join(dir, 'tessera.db'))).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

describe('session keyring (no desktop session)', () => {
  const noDesktop = { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined };

  // Three Tessera processes, one of which waits for an unlock that never comes: more than the default.
  it('brings up its own keyring, keeps the account across restarts, and refuses a wrong password', () => {
    const dir = tempDir();
    const first = runCoreProcess(dir, [['totp:account:add', { kind: 'uri', uri: URI }]], {
      ...noDesktop,
      TESSERA_KEYRING_PASSWORD: 'correct horse',
    });
    expect(first.results[0]).toMatchObject({ ok: true, data: { issuer: 'ACME' } });
    expect(existsSync(join(dir, 'keyring', 'keyrings', 'login.keyring'))).toBe(true);

    const again = runCoreProcess(dir, [['totp:account:list', {}]], {
      ...noDesktop,
      TESSERA_KEYRING_PASSWORD: 'correct horse',
    });
    expect(again.results[0]).toMatchObject({ ok: true, data: [{ issuer: 'ACME', accountName: 'alice' }] });

    // A locked keyring must be refused before keytar touches it (libsecret would crash the process).
    const wrong = runCoreProcess(
      dir,
      [
        ['app:status:get', {}],
        ['totp:account:list', {}],
      ],
      { ...noDesktop, TESSERA_KEYRING_PASSWORD: 'wrong' },
    );
    expect(wrong.results[0]).toMatchObject({
      ok: true,
      data: { keychain: { available: false, problem: 'wrongPassword' } },
    });
    expect((wrong.results[0]!.data as { keychain: { detail: string } }).keychain.detail).toMatch(
      /did not unlock/,
    );
    expect(wrong.results[1]).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
  }, 60_000);

  it('without a password it says how to give one', () => {
    const dir = tempDir();
    const { results } = runCoreProcess(dir, [['app:status:get', {}]], {
      ...noDesktop,
      TESSERA_KEYRING_PASSWORD: undefined,
    });
    expect((results[0]!.data as { keychain: { detail: string } }).keychain.detail).toMatch(
      /TESSERA_KEYRING_PASSWORD/,
    );
  });
});
