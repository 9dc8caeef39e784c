import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs the core in a child process with the given environment changes; returns the call results. */
export function runCoreProcess(
  dataDir: string,
  calls: [string, unknown][],
  env: Record<string, string | undefined>,
) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TESSERA_QUIET: '1' };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/fixtures/core-cli.ts'), dataDir, JSON.stringify(calls)],
    {
      env: childEnv,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULTS='));
  if (child.status !== 0 || !line) {
    throw new Error(
      `core process failed (status ${child.status}, signal ${child.signal}):\n${child.stdout}\n${child.stderr}`,
    );
  }
  return {
    results: JSON.parse(line.slice('RESULTS='.length)) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string };
    }[],
    stderr: child.stderr,
  };
}
