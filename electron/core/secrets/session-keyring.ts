/**
 * When Tessera starts on Linux without a desktop session (a server, a container, CI), there is no
 * Secret Service to keep secrets in. Rather than ever fall back to plaintext, Tessera brings up its
 * own: a private D-Bus session bus and a GNOME Keyring daemon whose keyring file lives in Tessera's
 * data folder, encrypted with a password the person gives (TESSERA_KEYRING_PASSWORD, or asked on the
 * terminal). Both processes end with Tessera.
 *
 * "End with Tessera" must hold when Tessera is killed too (kill -9, the OOM killer), when no exit
 * handler runs. Three layers, each covering what the one before cannot:
 * 1. Each daemon runs under `setpriv --pdeathsig` (util-linux, on every Debian/Ubuntu): the kernel
 *    signals it the moment Tessera dies, with no code of ours running.
 * 2. gnome-keyring-daemon also quits by itself when its bus goes away, and the bus is the daemon
 *    most surely killed (SIGKILL: it holds nothing to save; the keyring daemon gets SIGTERM so that
 *    it finishes a keyring write).
 * 3. The daemons (pid + start time) and their runtime folder are recorded in the data folder; the
 *    next start, which holds the data folder's lock, reaps whatever is left (no setpriv, a kernel
 *    that drops the parent-death signal, a death between fork and prctl).
 * The start time keeps step 3 from ever signalling an unrelated process that got a reused pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { KeychainProblem } from '../../../shared/ipc/errors';
import { createLogger } from '../logger';
import { identityOf, stillRuns, type ProcessIdentity } from '../process-identity';
import { probeSecretService } from './secret-service-probe';

const log = createLogger('session-keyring');

export interface SessionKeyring {
  /** Set when a keyring was needed but could not be brought up: what the person should do. */
  problem: { code: KeychainProblem; detail: string } | null;
  /** Whether Tessera's own keyring daemons run (and so the data folder must stay locked). */
  running: boolean;
  stop(): void;
}

/** In the keyring folder: the daemons of the running Tessera, for the next start to reap. */
export const DAEMONS_FILE = 'daemons.json';
const RUNTIME_PREFIX = 'tessera-keyring-';

interface DaemonsRecord {
  runtimeDir: string;
  processes: ProcessIdentity[];
}

let setprivWorks: boolean | undefined;

/**
 * `[command, args]` that start `command` so that the kernel sends it `signal` when Tessera dies.
 * Checked once by running it (setpriv older than util-linux 2.33 has no --pdeathsig).
 */
function tiedToUs(command: string, args: string[], signal: 'KILL' | 'TERM'): [string, string[]] {
  setprivWorks ??=
    spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore' }).status === 0;
  if (!setprivWorks) return [command, args];
  return ['setpriv', ['--pdeathsig', signal, '--', command, ...args]];
}

function waitUntilGone(identity: ProcessIdentity, ms: number): boolean {
  const deadline = Date.now() + ms;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while (stillRuns(identity)) {
    if (Date.now() > deadline) return false;
    Atomics.wait(tick, 0, 0, 20);
  }
  return true;
}

/**
 * Ends the daemons an earlier Tessera on this data folder left running (it was killed), and removes
 * their runtime folder. The caller holds the data folder's lock, so they cannot be a live Tessera's.
 */
export function reapLeftoverDaemons(keyringHome: string): number {
  const file = join(keyringHome, DAEMONS_FILE);
  let record: DaemonsRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as DaemonsRecord;
  } catch {
    return 0;
  }
  let reaped = 0;
  for (const identity of Array.isArray(record.processes) ? record.processes : []) {
    if (!Number.isInteger(identity?.pid) || !stillRuns(identity)) continue;
    reaped++;
    try {
      // TERM first: the keyring daemon may be writing the keyring file.
      process.kill(identity.pid, 'SIGTERM');
      if (!waitUntilGone(identity, 2000)) {
        process.kill(identity.pid, 'SIGKILL');
        waitUntilGone(identity, 2000);
      }
    } catch {
      // It ended on its own in between.
    }
  }
  // Only a folder this code made: the record is ours, but a path read from disk is checked anyway.
  const runtimeDir = typeof record.runtimeDir === 'string' ? record.runtimeDir : '';
  if (dirname(runtimeDir) === tmpdir() && basename(runtimeDir).startsWith(RUNTIME_PREFIX))
    rmSync(runtimeDir, { recursive: true, force: true });
  rmSync(file, { force: true });
  if (reaped) log.warn(`Ended ${reaped} keyring daemon(s) left running by a Tessera that was killed.`);
  return reaped;
}

const NOTHING_TO_STOP = () => {};

export interface SessionKeyringOptions {
  dataDir: string;
  /** From the entry point, which takes it out of the environment first (see takeKeyringPassword). */
  password?: string | null;
  /** Asked only when no password is in the environment and a terminal is attached. */
  askPassword?: (firstTime: boolean) => Promise<string | null>;
}

/**
 * Takes TESSERA_KEYRING_PASSWORD out of the environment, so that no process Tessera starts
 * (dbus-send, the keyring daemons, Electron's renderers) inherits it. Entry points call this first.
 */
export function takeKeyringPassword(): string | null {
  const password = process.env.TESSERA_KEYRING_PASSWORD ?? null;
  delete process.env.TESSERA_KEYRING_PASSWORD;
  return password;
}

/**
 * A private session bus with no service activation: on a standard session bus, a probe that
 * arrives before our daemon has registered would make D-Bus start a second keyring daemon (from
 * the system's service files) whose keyring is locked. Here only our daemon can ever answer.
 */
function busConfig(runtimeDir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${join(runtimeDir, 'bus')}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/** Starts a bus and reads the address it prints on its first line (or gives up after 5 s). */
function startBus(runtimeDir: string): Promise<{ bus: ChildProcess; address: string }> {
  const config = join(runtimeDir, 'bus.conf');
  writeFileSync(config, busConfig(runtimeDir), { mode: 0o600 });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      bus.kill();
      reject(new Error('dbus-daemon did not start'));
    }, 5000);
    const bus = spawn(
      ...tiedToUs(
        'dbus-daemon',
        [`--config-file=${config}`, '--nofork', '--nopidfile', '--print-address=1'],
        'KILL',
      ),
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    bus.once('error', reject);
    const lines = createInterface({ input: bus.stdout! });
    lines.once('line', (address) => {
      clearTimeout(timer);
      lines.close();
      resolve({ bus, address: address.trim() });
    });
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code})`)));
  });
}

async function waitForUnlocked(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await probeSecretService()).ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Brings up a session keyring if this process has none. When none is needed, `problem` is null and
 * there is nothing to stop; when one is needed but cannot be started, `problem` says why in plain
 * words, and the SecretStore's probe keeps refusing secrets.
 */
export async function ensureSessionKeyring(options: SessionKeyringOptions): Promise<SessionKeyring> {
  if (process.platform !== 'linux' || process.env.DBUS_SESSION_BUS_ADDRESS)
    return { problem: null, running: false, stop: NOTHING_TO_STOP };
  // The core reports the problem (once, in the log and to the UI).
  const fail = (code: KeychainProblem, detail: string): SessionKeyring => ({
    problem: { code, detail },
    running: false,
    stop: NOTHING_TO_STOP,
  });
  const keyringHome = join(options.dataDir, 'keyring');
  reapLeftoverDaemons(keyringHome);
  const firstTime = !existsSync(join(keyringHome, 'keyrings', 'login.keyring'));
  let password: string | null = options.password ?? null;
  if (password === null && options.askPassword) password = await options.askPassword(firstTime);
  if (!password) {
    return fail(
      'noPassword',
      'no desktop keyring is running, and Tessera cannot start its own without a password: set TESSERA_KEYRING_PASSWORD, or start Tessera in a terminal to be asked for one.',
    );
  }

  const runtimeDir = mkdtempSync(join(tmpdir(), RUNTIME_PREFIX));
  let bus: ChildProcess;
  try {
    const started = await startBus(runtimeDir);
    bus = started.bus;
    process.env.DBUS_SESSION_BUS_ADDRESS = started.address;
  } catch {
    rmSync(runtimeDir, { recursive: true, force: true });
    return fail(
      'noPrivateBus',
      'no desktop keyring is running, and a private D-Bus session could not be started (install the dbus package).',
    );
  }
  mkdirSync(keyringHome, { recursive: true, mode: 0o700 });
  const daemon = spawn(
    ...tiedToUs('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], 'TERM'),
    {
      // The keyring file goes into Tessera's data folder, not the user's home keyring.
      env: { ...process.env, XDG_DATA_HOME: keyringHome, XDG_RUNTIME_DIR: runtimeDir },
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  const record: DaemonsRecord = {
    runtimeDir,
    processes: [bus.pid, daemon.pid].flatMap((pid) => (pid ? [identityOf(pid)] : [])),
  };
  writeFileSync(join(keyringHome, DAEMONS_FILE), JSON.stringify(record), { mode: 0o600 });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    daemon.kill();
    bus.kill();
    rmSync(runtimeDir, { recursive: true, force: true });
    rmSync(join(keyringHome, DAEMONS_FILE), { force: true });
  };
  // However Tessera ends (an error, process.exit, a closed terminal), an unlocked keyring daemon
  // must not outlive it. kill() and rmSync are synchronous, as an exit handler must be.
  process.on('exit', stop);
  daemon.once('error', () => {}); // ENOENT is reported below as "did not start".
  daemon.stdin?.end(password);
  password = null;
  if (!(await waitForUnlocked(5000))) {
    stop();
    delete process.env.DBUS_SESSION_BUS_ADDRESS;
    return firstTime
      ? fail('keyringDidNotStart', "Tessera's own keyring did not start (install gnome-keyring).")
      : fail(
          'wrongPassword',
          "Tessera's own keyring did not unlock: the password is not the one this data folder's keyring was created with.",
        );
  }
  log.info(
    firstTime
      ? 'Created a session keyring in the data folder.'
      : 'Unlocked the session keyring in the data folder.',
  );
  return { problem: null, running: true, stop };
}
