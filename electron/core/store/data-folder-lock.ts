/**
 * One Tessera per data folder: two processes writing one vault would each trust stale caches.
 *
 * The lock is a file, `tessera.lock`, that names its owner: pid, the process's start time and the
 * boot it runs in (Linux), its pid namespace and host. A Tessera that was killed (kill -9, a power
 * cut) leaves the file behind; the next start sees at once that its owner is gone and takes the
 * folder over, rather than waiting for a timeout. The start time is what makes a reused pid harmless:
 * a process that now has the dead owner's pid started later than the one that wrote the file.
 *
 * Races: the file is published complete with link(2), which fails when the name exists, so of two
 * starts exactly one gets it. Taking over a dead owner's file (check it is dead, remove it) runs under
 * a second, short-lived lock (mkdir, also atomic), so a slow process can never remove a file that a
 * faster one has just written.
 *
 * When the owner cannot be checked (another host sharing the folder, another pid namespace, a system
 * without /proc start times and a pid that exists), the folder counts as in use: fail closed, and say
 * which file to remove if that owner is known to be gone.
 */
import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { currentBootId, currentPidNamespace, procStat } from '../process-identity';

export const LOCK_FILE = 'tessera.lock';

/** Who holds the folder. Fields that the platform cannot give are null. */
export interface LockOwner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot (Linux). */
  startTime: string | null;
  bootId: string | null;
  pidNamespace: string | null;
  host: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly owner: LockOwner | null,
    readonly lockPath: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataFolderInUseError';
  }
}

/** A takeover holds its guard for microseconds; one older than this was left by a killed process. */
const ABANDONED_GUARD_MS = 10_000;
/** A lock file still unreadable after this long is not being written by anyone. */
const UNREADABLE_STALE_MS = 2_000;
/** proper-lockfile (Tessera before this lock) refreshed its lock directory's mtime every 15 s. */
const OLD_LOCK_STALE_MS = 30_000;

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The owner record for a process of this machine (this one by default). */
export function ownerRecord(pid = process.pid): LockOwner {
  return {
    pid,
    startTime: procStat(pid)?.startTime ?? null,
    bootId: currentBootId(),
    pidNamespace: currentPidNamespace(),
    host: hostname(),
  };
}

/**
 * Whether the process a record names still runs: 'dead' only when that is certain, 'unknown' when
 * it cannot be checked from here.
 */
export function ownerState(owner: LockOwner): 'alive' | 'dead' | 'unknown' {
  if (owner.host !== hostname()) return 'unknown';
  const boot = currentBootId();
  // Every process of an earlier boot is gone.
  if (owner.bootId && boot && owner.bootId !== boot) return 'dead';
  // This very process (a second core in it): certain without /proc.
  if (owner.pid === process.pid && owner.startTime === ownerRecord().startTime) return 'alive';
  const namespace = currentPidNamespace();
  if (owner.pidNamespace && namespace && owner.pidNamespace !== namespace) return 'unknown';
  const stat = procStat(owner.pid);
  if (stat) {
    // A zombie has exited; only its parent has not collected it yet (a test runner, a shell).
    if (stat.state === 'Z' || stat.state === 'X') return 'dead';
    if (owner.startTime && stat.startTime !== owner.startTime) return 'dead'; // the pid was reused
    return owner.startTime ? 'alive' : 'unknown';
  }
  try {
    process.kill(owner.pid, 0);
    // The pid exists, and without a start time a reused pid cannot be told apart.
    return boot === null ? 'unknown' : 'alive';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'dead' : 'unknown';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || typeof value.host !== 'string') return null;
    return {
      pid: value.pid!,
      startTime: typeof value.startTime === 'string' ? value.startTime : null,
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
      pidNamespace: typeof value.pidNamespace === 'string' ? value.pidNamespace : null,
      host: value.host,
    };
  } catch {
    return null;
  }
}

type Seen =
  | { kind: 'none' }
  | { kind: 'owner'; owner: LockOwner; text: string }
  /** An old Tessera's lock directory (proper-lockfile), judged by its age. */
  | { kind: 'oldDirectory'; mtimeMs: number }
  /**
   * Not a record we can read: being written (where hard links are not supported, the file is
   * created first and filled after), or left by a power cut before its data reached the disk.
   */
  | { kind: 'garbage'; text: string; mtimeMs: number };

function look(path: string): Seen {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { kind: 'none' };
  }
  if (stat.isDirectory()) return { kind: 'oldDirectory', mtimeMs: stat.mtimeMs };
  const text = readOptional(path);
  if (text === null) return { kind: 'none' };
  const owner = parseOwner(text);
  return owner ? { kind: 'owner', owner, text } : { kind: 'garbage', text, mtimeMs: stat.mtimeMs };
}

function same(a: Seen, b: Seen): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'owner' && b.kind === 'owner') return a.text === b.text;
  if (a.kind === 'garbage' && b.kind === 'garbage') return a.text === b.text;
  return true;
}

function isStale(seen: Seen): boolean {
  switch (seen.kind) {
    case 'none':
      return false;
    case 'owner':
      return ownerState(seen.owner) === 'dead';
    case 'oldDirectory':
      return seen.mtimeMs < Date.now() - OLD_LOCK_STALE_MS;
    case 'garbage':
      // A writer fills the file within milliseconds; one that stayed unreadable was abandoned.
      return seen.mtimeMs < Date.now() - UNREADABLE_STALE_MS;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Filesystems without hard links (FAT, exFAT, some network shares) answer link(2) with these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes the record under a private name, then links it into place: the file is never partial.
 * Without hard links, an exclusive create is just as atomic, only the record is written after it.
 */
function tryCreate(path: string, text: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  let linked: boolean | 'unsupported';
  try {
    linkSync(temporary, path);
    linked = true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') linked = false;
    else if (NO_HARD_LINKS.has(code)) linked = 'unsupported';
    else throw error;
  } finally {
    unlinkSync(temporary);
  }
  if (linked !== 'unsupported') return linked;
  try {
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Private record files of starts that were killed between writing and linking them. */
function removeAbandonedRecords(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const match = /^tessera\.lock\.(\d+)\.[0-9a-f]{12}$/.exec(name);
    if (!match || Number(match[1]) === process.pid) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dataDir, name), { force: true });
    }
  }
}

/** Removes what `seen` described if it is still exactly that, holding the takeover guard. */
function takeOver(path: string, seen: Seen): void {
  const guard = `${path}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (statSync(guard).mtimeMs < Date.now() - ABANDONED_GUARD_MS) rmdirSync(guard);
    } catch {
      // Gone already: the other takeover finished.
    }
    sleepSync(5);
    return;
  }
  try {
    const now = look(path);
    if (!same(now, seen) || !isStale(now)) return;
    if (now.kind === 'oldDirectory') rmdirSync(path);
    else unlinkSync(path);
  } finally {
    rmdirSync(guard);
  }
}

function inUseMessage(seen: Seen, path: string): string {
  if (seen.kind === 'owner' && ownerState(seen.owner) === 'unknown') {
    const where =
      seen.owner.host === hostname()
        ? `process ${seen.owner.pid}`
        : `process ${seen.owner.pid} on ${seen.owner.host}`;
    return `This data folder is open in another Tessera (${where}), which cannot be checked from here. Close that one first; if it is no longer running, remove ${path}.`;
  }
  const who = seen.kind === 'owner' ? ` (process ${seen.owner.pid})` : '';
  return `This data folder is open in another Tessera${who}; close that one first.`;
}

/**
 * Takes the data folder for this process, or throws DataFolderInUseError. Returns the release,
 * which is synchronous (it runs in exit paths) and removes the file only while it is still ours.
 */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const text = JSON.stringify(ownerRecord());
  // Each round either creates the file, sees a live owner, or removes a dead one; contention
  // with other starts can only last a few rounds.
  for (let round = 0; round < 200; round++) {
    if (tryCreate(path, text)) {
      removeAbandonedRecords(dataDir);
      return () => {
        if (readOptional(path) === text) unlinkSync(path);
      };
    }
    const seen = look(path);
    if (seen.kind === 'none') continue; // released in between
    if (seen.kind === 'garbage' && !isStale(seen)) {
      sleepSync(10); // being written: look again in a moment
      continue;
    }
    if (!isStale(seen)) {
      throw new DataFolderInUseError(
        seen.kind === 'owner' ? seen.owner : null,
        path,
        inUseMessage(seen, path),
      );
    }
    takeOver(path, seen);
  }
  throw new DataFolderInUseError(
    null,
    path,
    'This data folder is busy: other Tessera processes keep taking it.',
  );
}
