/**
 * The data folder's lock: a dead owner (killed, a zombie, a reused pid, an earlier boot) is taken
 * over at once; a live one, or one that cannot be checked, keeps the folder; of several processes
 * starting at once exactly one gets it. Real processes throughout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DataFolderInUseError,
  LOCK_FILE,
  lockDataFolder,
  ownerRecord,
  type LockOwner,
} from '../../../../electron/core/store/data-folder-lock';
import { procStat } from '../../../../electron/core/process-identity';
import { useTempDirs } from '../../../support/temp';

const ROOT = join(__dirname, '..', '..', '..', '..');
const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function lines(child: ChildProcess): AsyncIterator<string> {
  return createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

/** A process that runs until the test ends, and its owner record. */
async function liveProcess(): Promise<{ child: ChildProcess; owner: LockOwner }> {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return { child, owner: ownerRecord(child.pid!) };
}

function writeOwner(dir: string, owner: LockOwner | string): string {
  const path = join(dir, LOCK_FILE);
  writeFileSync(path, typeof owner === 'string' ? owner : JSON.stringify(owner));
  return path;
}

function refusal(dir: string): DataFolderInUseError {
  try {
    lockDataFolder(dir);
  } catch (error) {
    if (error instanceof DataFolderInUseError) return error;
    throw error;
  }
  throw new Error('the lock was granted');
}

describe('data folder lock', () => {
  it('names its owner, refuses a second taker while held, and is free after release', () => {
    const dir = tempDir();
    const release = lockDataFolder(dir);
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, startTime: procStat(process.pid)!.startTime });
    // A second core in this very process counts as another Tessera.
    expect(refusal(dir).message).toMatch(`open in another Tessera (process ${process.pid})`);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataFolder(dir)();
  });

  it('keeps the folder for a live process', async () => {
    const dir = tempDir();
    const { child, owner } = await liveProcess();
    writeOwner(dir, owner);
    expect(refusal(dir).owner).toMatchObject({ pid: child.pid });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual(owner);
  });

  it('takes the folder at once from an owner that was killed', async () => {
    const dir = tempDir();
    const { child, owner } = await liveProcess();
    writeOwner(dir, owner);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    lockDataFolder(dir)();
  });

  it('takes the folder from a zombie: killed, but its parent has not collected it', async () => {
    const dir = tempDir();
    // bash starts a child that exits at once, then becomes `sleep`, which never waits for it.
    const parent = spawn('bash', ['-c', 'sleep 0.1 & echo $!; exec sleep 600'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(parent);
    const pid = Number((await lines(parent).next()).value);
    await expect.poll(() => procStat(pid)?.state).toBe('Z');
    writeOwner(dir, ownerRecord(pid));
    lockDataFolder(dir)();
  });

  it('takes the folder when its pid now belongs to another process (pid reuse)', async () => {
    const dir = tempDir();
    const { owner } = await liveProcess();
    writeOwner(dir, { ...owner, startTime: String(Number(owner.startTime) - 1) });
    lockDataFolder(dir)();
  });

  it('takes the folder from an earlier boot, and from an unreadable record nobody is writing', async () => {
    const dir = tempDir();
    const { owner } = await liveProcess();
    writeOwner(dir, { ...owner, bootId: '00000000-0000-4000-8000-000000000000' });
    lockDataFolder(dir)();
    const aMinuteAgo = new Date(Date.now() - 60_000);
    for (const garbage of ['', '{"pid":']) {
      // What a power cut can leave: the name on disk, its data not.
      utimesSync(writeOwner(dir, garbage), aMinuteAgo, aMinuteAgo);
      lockDataFolder(dir)();
    }
  });

  it('does not take over a record that is still being written', async () => {
    const dir = tempDir();
    const { owner } = await liveProcess();
    const path = writeOwner(dir, '');
    // Filled a moment later, as a start on a filesystem without hard links does.
    const writer = spawn('sh', ['-c', 'sleep 0.3; printf %s "$1" > "$2"', 'sh', JSON.stringify(owner), path]);
    children.push(writer);
    expect(refusal(dir).owner).toMatchObject({ pid: owner.pid });
  });

  it('removes the private record files of starts that were killed before publishing them', async () => {
    const dir = tempDir();
    const { child } = await liveProcess();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const abandoned = join(dir, `${LOCK_FILE}.${child.pid}.0123456789ab`);
    writeFileSync(abandoned, '{}');
    lockDataFolder(dir)();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails closed for an owner it cannot check (another host, another pid namespace)', async () => {
    const dir = tempDir();
    const { owner } = await liveProcess();
    const path = writeOwner(dir, { ...owner, host: 'elsewhere.example' });
    const error = refusal(dir);
    expect(error.message).toContain(`process ${owner.pid} on elsewhere.example`);
    expect(error.message).toContain(`remove ${path}`);
    writeOwner(dir, { ...owner, pid: 1, pidNamespace: 'pid:[1]' });
    expect(refusal(dir).message).toMatch(/cannot be checked from here/);
  });

  it('honours the lock directory of an older Tessera until it is stale', () => {
    const dir = tempDir();
    const old = join(dir, LOCK_FILE);
    mkdirSync(old);
    refusal(dir);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(old, minuteAgo, minuteAgo);
    lockDataFolder(dir)();
  });

  it('releases only its own record', () => {
    const dir = tempDir();
    const release = lockDataFolder(dir);
    const other = JSON.stringify({ ...ownerRecord(), pid: 1 });
    writeOwner(dir, other);
    release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  for (const start of ['a free folder', 'a folder a killed Tessera left locked'] as const) {
    it(
      `gives ${start} to exactly one of several processes starting at once`,
      { timeout: 120_000 },
      async () => {
        for (let round = 0; round < 2; round++) {
          const dir = tempDir();
          if (start !== 'a free folder') {
            const { child, owner } = await liveProcess();
            writeOwner(dir, owner);
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGKILL');
            await exited;
          }
          const racers = Array.from({ length: 4 }, () => {
            const child = spawn(
              process.execPath,
              ['--import', 'tsx', join(ROOT, 'test/fixtures/lock-racer.ts'), dir],
              {
                cwd: ROOT,
                stdio: ['pipe', 'pipe', 'inherit'],
              },
            );
            children.push(child);
            return { child, out: lines(child) };
          });
          for (const racer of racers) expect((await racer.out.next()).value).toBe('READY');
          for (const racer of racers) racer.child.stdin!.write('go\n');
          const answers = await Promise.all(racers.map(async (racer) => (await racer.out.next()).value));
          expect(answers.filter((a) => a === 'GOT')).toHaveLength(1);
          expect(answers.filter((a) => a === 'BUSY')).toHaveLength(racers.length - 1);
          const winner = racers[answers.indexOf('GOT')]!;
          expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
            pid: winner.child.pid,
          });
          for (const racer of racers) racer.child.stdin!.end();
        }
      },
    );
  }
});
