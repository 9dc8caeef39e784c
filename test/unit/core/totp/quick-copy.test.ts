/**
 * Tray quick copy: the menu's content, the copy (cleared after the delay only if still ours), and
 * the core refusing it while locked — on the real keychain. The clipboard is a fake: Electron's
 * clipboard cannot run here (no Electron binary).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../../electron/core/app-core';
import {
  QuickCopy,
  TRAY_MAX_ACCOUNTS,
  accountLabel,
  trayMenuItems,
  trayMenuModel,
  type Clipboard,
} from '../../../../electron/core/totp/quick-copy';
import type { TotpAccount } from '../../../../shared/ipc/contract';
import { ErrorCode } from '../../../../shared/ipc/errors';
import { rejectedAppError } from '../../../support/errors';
import { freeTcpPort } from '../../../support/peers';
import { requireSecretService, useTempDirs } from '../../../support/temp';
import { referenceTotp, base32Decode } from '../../../e2e/support/otp';

/** A stand-in for Electron's clipboard (named as a fake: Electron cannot run in these tests). */
class FakeClipboard implements Clipboard {
  text = '';
  async readText() {
    return this.text;
  }
  async writeText(text: string) {
    this.text = text;
  }
}

function account(i: number, issuer = `Issuer ${i}`): TotpAccount {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    issuer,
    accountName: `user${i}@example.com`,
    type: 'totp',
    algorithm: 'sha1',
    digits: 6,
    period: 30,
    counter: null,
    createdAt: 0,
  };
}

afterEach(() => vi.useRealTimers());

describe('the tray menu', () => {
  it('lists accounts (at most 25, then "more"), and nothing of them while locked', () => {
    const accounts = Array.from({ length: 30 }, (_, i) => account(i));
    const model = trayMenuModel(false, accounts);
    expect(model.accounts).toHaveLength(TRAY_MAX_ACCOUNTS);
    expect(model.more).toBe(5);
    const items = trayMenuItems(model);
    expect(items.filter((i) => i.kind === 'copy')).toHaveLength(25);
    expect(items).toContainEqual({ kind: 'show', label: '5 more in the window…' });
    expect(items).toContainEqual({ kind: 'lock', label: 'Lock Tessera' });

    const locked = trayMenuItems(trayMenuModel(true, accounts));
    expect(locked.some((i) => i.kind === 'copy' || i.kind === 'lock')).toBe(false);
    expect(locked).toContainEqual({ kind: 'note', label: 'Tessera is locked' });
    expect(locked).toContainEqual({ kind: 'show', label: 'Unlock Tessera…' });
    expect(trayMenuItems(null)[0]).toMatchObject({ kind: 'note' });
  });

  it('shows a hostile issuer as one short line of text', () => {
    expect(accountLabel({ issuer: 'Evil\n\u0007Corp', accountName: 'me' })).toBe('Evil Corp (me)');
    const long = accountLabel({ issuer: 'x'.repeat(500), accountName: 'me' });
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
    expect(accountLabel({ issuer: '', accountName: 'solo' })).toBe('solo');
    // A bidi override or a line separator would make the menu show something else than the issuer.
    expect(accountLabel({ issuer: 'Bank\u202Eknab', accountName: 'a\u2028b' })).toBe('Bank knab (a b)');
    const emoji = accountLabel({ issuer: '🔐'.repeat(100), accountName: 'me' });
    expect(Array.from(emoji)).toHaveLength(60);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('QuickCopy', () => {
  it('copies the code and clears it after the delay, but not what the person copied since', async () => {
    vi.useFakeTimers();
    const clipboard = new FakeClipboard();
    const quick = new QuickCopy(clipboard);
    const codes = [{ id: 'a', code: '123456', validUntil: 0, period: 30 }];
    await quick.copy(codes, 'a', 5);
    expect(clipboard.text).toBe('123456');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('');

    await quick.copy(codes, 'a', 5);
    clipboard.text = 'something else';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('something else');
    expect(() => quick.copy(codes, 'missing', 5)).toThrow('That account no longer exists.');
    clipboard.text = '';

    // Two quick clicks: the second code replaces the first, and is cleared in its turn.
    const two = [...codes, { id: 'b', code: '654321', validUntil: 0, period: 30 }];
    await Promise.all([quick.copy(two, 'a', 5), quick.copy(two, 'b', 5)]);
    expect(clipboard.text).toBe('654321');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.text).toBe('');
  });
});

describe('the core: quick copy and the lock (real keychain)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => requireSecretService());

  it('copies the current code while unlocked, refuses while locked, and clears on lock', async () => {
    const secret = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ';
    const clipboard = new FakeClipboard();
    const core = await createCore({
      dataDir: tempDir(),
      version: 'test',
      defaultSigninPort: await freeTcpPort(),
      clipboard,
    });
    try {
      const added = await core.dispatch('totp:account:add', {
        kind: 'uri',
        uri: `otpauth://totp/Wonderland:alice?secret=${secret}&issuer=Wonderland`,
      });
      expect(added.ok).toBe(true);
      const menu = await core.trayMenu();
      expect(menu?.accounts.map((a) => a.label)).toEqual(['Wonderland (alice)']);
      const at = Date.now();
      await core.quickCopy(menu!.accounts[0]!.id);
      const key = base32Decode(secret);
      expect([referenceTotp(key, at), referenceTotp(key, Date.now())]).toContain(clipboard.text);

      await core.dispatch('app:lock:set-password', { newPassword: 'a long lock password' });
      core.lock();
      await vi.waitFor(() => expect(clipboard.text).toBe(''));
      expect(await core.trayMenu()).toEqual({ locked: true, accounts: [], more: 0 });
      const refused = await rejectedAppError(core.quickCopy(menu!.accounts[0]!.id));
      expect(refused.code).toBe(ErrorCode.Locked);
      expect(clipboard.text).toBe('');
    } finally {
      core.close();
    }
  });
});
