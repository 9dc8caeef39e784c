/**
 * Telling one process from another across time (Linux): a pid alone is reused, but a pid with the
 * process's start time (clock ticks after boot) and the boot's id names one process for good.
 * Used by the data folder's lock and to reap a killed Tessera's keyring daemons.
 */
import { readFileSync, readlinkSync } from 'node:fs';

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** State (field 3) and start time (field 22) of a process, or null when /proc does not have it. */
export function procStat(pid: number): { state: string; startTime: string } | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTime = fields[19];
  return state && startTime ? { state, startTime } : null;
}

export function currentBootId(): string | null {
  return readOptional('/proc/sys/kernel/random/boot_id');
}

export function currentPidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

export interface ProcessIdentity {
  pid: number;
  startTime: string | null;
  bootId: string | null;
}

export function identityOf(pid: number): ProcessIdentity {
  return { pid, startTime: procStat(pid)?.startTime ?? null, bootId: currentBootId() };
}

/** True only when that very process still runs (not exited, not a zombie, its pid not reused). */
export function stillRuns(identity: ProcessIdentity): boolean {
  if (!identity.startTime || !identity.bootId || identity.bootId !== currentBootId()) return false;
  const stat = procStat(identity.pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X' && stat.startTime === identity.startTime;
}
