/**
 * Linux only: asks the Secret Service over D-Bus whether the default collection exists and is
 * unlocked, *before* keytar touches it. keytar (libsecret) crashes the whole process with a
 * segmentation fault when the collection is locked and no unlock prompt can be shown (seen here
 * with gnome-keyring under dbus-run-session and no display), so a locked keychain must never reach
 * it. dbus-send ships with every D-Bus installation.
 */
import { execFile } from 'node:child_process';
import type { KeychainProblem } from '../../../shared/ipc/errors';

export type ProbeResult = { ok: true } | { ok: false; problem: KeychainProblem; detail: string };

export function probeSecretService(env: NodeJS.ProcessEnv = process.env): Promise<ProbeResult> {
  if (!env.DBUS_SESSION_BUS_ADDRESS) {
    return Promise.resolve({
      ok: false,
      problem: 'noBus',
      detail: 'no desktop session bus is running (DBUS_SESSION_BUS_ADDRESS is not set).',
    });
  }
  const args = [
    '--session',
    '--print-reply',
    '--reply-timeout=3000',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets/aliases/default',
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ];
  return new Promise((resolve) => {
    execFile('dbus-send', args, { env, timeout: 5000 }, (error, stdout, stderr) => {
      if (error) {
        const text = `${stderr}`.trim();
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          resolve({
            ok: false,
            problem: 'noDbusSend',
            detail: 'dbus-send is not installed, so the keychain cannot be checked.',
          });
        } else if (/ServiceUnknown|not provided by any \.service/i.test(text)) {
          resolve({
            ok: false,
            problem: 'noService',
            detail: 'no Secret Service (such as GNOME Keyring or KeePassXC) is running.',
          });
        } else if (/does not exist|No such object|UnknownObject|UnknownMethod/i.test(text)) {
          resolve({
            ok: false,
            problem: 'noCollection',
            detail: 'the keyring has no default collection yet (it was never created or unlocked).',
          });
        } else {
          resolve({ ok: false, problem: 'noAnswer', detail: 'the Secret Service did not answer.' });
        }
        return;
      }
      if (/boolean false/.test(stdout)) resolve({ ok: true });
      else
        resolve({
          ok: false,
          problem: 'locked',
          detail: 'the keyring is locked. Unlock it (log in to the desktop session) and try again.',
        });
    });
  });
}
