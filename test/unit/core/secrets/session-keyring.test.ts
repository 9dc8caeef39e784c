/**
 * What a killed Tessera's keyring left running is reaped by the next start on the same data folder:
 * the recorded processes — and only those: a pid now used by another process is left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identityOf, stillRuns } from '../../../../electron/core/process-identity';
import { DAEMONS_FILE, reapLeftoverDaemons } from '../../../../electron/core/secrets/session-keyring';
import { useTempDirs } from '../../../support/temp';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function daemonLike(ignoreTerm = false): Promise<ChildProcess> {
  // A stand-in that, like a stuck daemon, may ignore SIGTERM.
  const child = spawn('bash', ['-c', `${ignoreTerm ? "trap '' TERM; " : ''}exec sleep 600`], {
    stdio: 'ignore',
  });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
}

describe('reaping a killed Tessera’s keyring daemons', () => {
  it('ends the recorded processes (SIGKILL for one that ignores SIGTERM) and removes their runtime folder', async () => {
    const keyringHome = join(tempDir(), 'keyring');
    mkdirSync(keyringHome);
    const runtimeDir = mkdtempSync(join(tmpdir(), 'tessera-keyring-'));
    const polite = await daemonLike();
    const stubborn = await daemonLike(true);
    const other = await daemonLike();
    const identities = [polite, stubborn].map((child) => identityOf(child.pid!));
    // The third pid is recorded with another start time: a process that got a dead daemon's pid.
    const reused = { ...identityOf(other.pid!), startTime: '1' };
    writeFileSync(
      join(keyringHome, DAEMONS_FILE),
      JSON.stringify({ runtimeDir, processes: [...identities, reused] }),
    );

    expect(reapLeftoverDaemons(keyringHome)).toBe(2);
    for (const identity of identities) expect(stillRuns(identity)).toBe(false);
    expect(stillRuns(identityOf(other.pid!))).toBe(true);
    expect(existsSync(runtimeDir)).toBe(false);
    expect(existsSync(join(keyringHome, DAEMONS_FILE))).toBe(false);
  });

  it('removes only a runtime folder of its own making', () => {
    const keyringHome = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(keyringHome, DAEMONS_FILE), JSON.stringify({ runtimeDir: elsewhere, processes: [] }));
    expect(reapLeftoverDaemons(keyringHome)).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
    expect(reapLeftoverDaemons(keyringHome)).toBe(0); // nothing recorded any more
  });
});
