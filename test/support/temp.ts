import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per test, removed afterwards. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
    made.push(dir);
    return dir;
  };
}

/** The keychain tests need a real Secret Service (npm test starts one under dbus-run-session). */
export function requireSecretService(): void {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'These tests use the real OS keychain: run them through `npm test`, which starts GNOME Keyring.',
    );
  }
}
