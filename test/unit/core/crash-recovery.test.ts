/**
 * Crash recovery, as a person meets it: Tessera in browser mode with its own session keyring (no
 * desktop session), killed with SIGKILL again and again while accounts are being added. Each restart
 * must open the data folder at once (the killed owner is recognised as dead, no 30 s wait), keep
 * every account whose add was answered, hold no half-saved account (a row without its keychain item
 * or an item without its row), and leave no keyring daemons of the killed run behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { identityOf, stillRuns, type ProcessIdentity } from '../../../electron/core/process-identity';
import { LOCK_FILE } from '../../../electron/core/store/data-folder-lock';
import { DAEMONS_FILE } from '../../../electron/core/secrets/session-keyring';
import { useTempDirs } from '../../support/temp';

const ROOT = join(__dirname, '..', '..', '..');
const tempDir = useTempDirs();
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Tessera {
  child: ChildProcess;
  call(
    channel: string,
    body?: unknown,
  ): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>;
  /**
   * Its keyring daemons, found as its children (not through anything Tessera records); a passing
   * dbus-send (the keychain probe) is not one.
   */
  daemons(): { identity: ProcessIdentity; cmdline: string }[];
  exited: Promise<void>;
}

/** A person's environment without a desktop session: Tessera must start its own keyring. */
function noDesktop(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TESSERA_KEYRING_PASSWORD: 'crash test',
    TESSERA_QUIET: '1',
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

function start(dataDir: string): Promise<Tessera> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron/core/server-cli.ts'), '--data-dir', dataDir],
    { cwd: ROOT, env: noDesktop(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.push(child);
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Tessera exited (${code}):\n${output.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /^\s+(http:\/\/127\.0\.0\.1:(\d+))\/#token=(\S+)$/.exec(line);
      if (!match) return;
      const [, origin, port, token] = match;
      resolve({
        child,
        exited,
        call: (channel, body = {}) =>
          new Promise((done, fail) => {
            const req = request(
              {
                host: '127.0.0.1',
                port: Number(port),
                path: `/api/invoke/${channel}`,
                method: 'POST',
                headers: { 'content-type': 'application/json', origin, 'x-tessera-token': token },
              },
              (res) => {
                let text = '';
                res.on('data', (chunk) => (text += chunk));
                res.on('end', () => done(JSON.parse(text)));
              },
            );
            req.on('error', fail);
            req.end(JSON.stringify(body));
          }),
        daemons: () =>
          readdirSync(`/proc/${child.pid}/task`)
            .flatMap((task) => readOptional(`/proc/${child.pid}/task/${task}/children`).split(' '))
            .filter(Boolean)
            .map((pid) => ({
              identity: identityOf(Number(pid)),
              cmdline: readOptional(`/proc/${pid}/cmdline`).replaceAll('\0', ' '),
            }))
            .filter((d) => /^(dbus-daemon|gnome-keyring-daemon) /.test(d.cmdline)),
      });
    });
  });
}

/** Keychain item names under a prefix, read through Tessera's own bus (found from its dbus-daemon). */
function keychainNames(tessera: Tessera, prefix: string): string[] {
  const bus = tessera.daemons().find((d) => d.cmdline.startsWith('dbus-daemon'));
  const config = /--config-file=(\S+)\/bus\.conf/.exec(bus?.cmdline ?? '')?.[1];
  if (!config)
    throw new Error(`no dbus-daemon among Tessera's children: ${JSON.stringify(tessera.daemons())}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/fixtures/keychain-entries.ts'), prefix],
    {
      cwd: ROOT,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${config}/bus` },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

function readOptional(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // ended in between
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from({ length: 32 }, () => BASE32[randomInt(32)]).join('');

describe('crash recovery', () => {
  it(
    'after repeated kill -9 while adding accounts: restarts at once, loses nothing answered, half-saves nothing, leaves no daemons',
    { timeout: 240_000 },
    async () => {
      const dataDir = join(tempDir(), 'data');
      const acknowledged = new Map<string, string>(); // id → account name
      const killedDaemons: ProcessIdentity[] = [];
      const runtimeDirs = new Set<string>();
      let next = 0;

      const check = async (tessera: Tessera) => {
        // At once: the first call finds the store open, not "open in another Tessera".
        const status = await tessera.call('app:status:get');
        expect(status).toMatchObject({ ok: true, data: { keychain: { available: true, problem: null } } });
        const list = (await tessera.call('totp:account:list')).data as { id: string; accountName: string }[];
        const listed = new Map(list.map((a) => [a.id, a.accountName]));
        for (const [id, name] of acknowledged) expect(listed.get(id), `account ${name}`).toBe(name);
        // Every account has its secret (a code), and the keychain holds no item without an account.
        const codes = (await tessera.call('totp:code:list')).data as { id: string }[];
        expect(codes.map((c) => c.id).sort()).toEqual([...listed.keys()].sort());
        const vaultId = (
          JSON.parse(readFileSync(join(dataDir, 'tessera.json'), 'utf8')) as { vaultId: string }
        ).vaultId;
        const prefix = `totp:${vaultId}:`;
        expect(
          keychainNames(tessera, prefix)
            .map((n) => n.slice(prefix.length))
            .sort(),
        ).toEqual([...listed.keys()].sort());
        // Nothing of the killed runs is left: their daemons ended, their runtime folders were reaped.
        for (const identity of killedDaemons) expect(stillRuns(identity)).toBe(false);
        const daemons = tessera.daemons();
        expect(daemons.map((d) => d.cmdline.split(' ')[0]).sort()).toEqual([
          'dbus-daemon',
          'gnome-keyring-daemon',
        ]);
        for (const dir of runtimeDirs) expect(existsSync(dir), dir).toBe(false);
        // Tessera took the keyring password out of its environment before starting them.
        for (const { identity } of daemons)
          expect(readFileSync(`/proc/${identity.pid}/environ`, 'utf8')).not.toContain(
            'TESSERA_KEYRING_PASSWORD',
          );
        const bus = daemons.find((d) => d.cmdline.startsWith('dbus-daemon'))!;
        runtimeDirs.add(/--config-file=(\S+)\/bus\.conf/.exec(bus.cmdline)![1]!);
        return daemons;
      };

      for (let round = 0; round < 5; round++) {
        const tessera = await start(dataDir);
        const daemons = await check(tessera);
        // Three adds always in flight; the kill comes after a few answers, while others are pending.
        const killAfter = 2 + randomInt(4);
        let answers = 0;
        let killing = false;
        const killed = new Promise<void>((resolve, reject) => {
          const add = async (): Promise<void> => {
            const name = `user${next++}@crash.example`;
            const uri = `otpauth://totp/Crash:${name}?secret=${randomSecret()}&issuer=Crash`;
            try {
              const result = await tessera.call('totp:account:add', { kind: 'uri', uri });
              if (!result.ok) throw new Error(`add refused: ${result.error?.message}`);
              acknowledged.set((result.data as { id: string }).id, name);
            } catch (error) {
              if (killing) return; // killed before it answered: not acknowledged
              throw error;
            }
            if (killing) return;
            if (++answers === killAfter) {
              killing = true;
              tessera.child.kill('SIGKILL');
              resolve();
            } else if (answers < killAfter) await add();
          };
          for (let i = 0; i < 3; i++) add().catch(reject);
        });
        await killed;
        await tessera.exited;
        killedDaemons.push(...daemons.map((d) => d.identity));
        // The kernel ends both daemons with Tessera (setpriv --pdeathsig), before any restart.
        for (const { identity } of daemons) await expect.poll(() => stillRuns(identity)).toBe(false);
      }

      // A last, clean run: everything is there, and a normal quit leaves the folder unlocked.
      const tessera = await start(dataDir);
      const daemons = await check(tessera);
      expect(acknowledged.size).toBeGreaterThanOrEqual(10);
      tessera.child.kill('SIGTERM');
      await tessera.exited;
      for (const { identity } of daemons) await expect.poll(() => stillRuns(identity)).toBe(false);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      expect(existsSync(join(dataDir, 'keyring', DAEMONS_FILE))).toBe(false);
      for (const dir of runtimeDirs) expect(existsSync(dir)).toBe(false);
    },
  );
});
