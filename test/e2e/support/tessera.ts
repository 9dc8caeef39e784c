/** Starts the built Tessera in browser mode (out/main/server.js) on a data folder, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface RunningTessera {
  url: string;
  origin: string;
  output: string[];
  stop(): Promise<void>;
}

function fakeClock(offset: string): NodeJS.ProcessEnv {
  // /usr/lib/<multiarch triplet>/faketime/ on Debian.
  const library = readdirSync('/usr/lib')
    .map((dir) => join('/usr/lib', dir, 'faketime', 'libfaketime.so.1'))
    .find((path) => existsSync(path));
  if (!library) throw new Error('libfaketime is missing: install the Debian package `faketime`.');
  return { LD_PRELOAD: library, FAKETIME: offset };
}

/**
 * `clockOffset` (e.g. "+5m") runs Tessera under libfaketime (Debian's `faketime`), so its clock is
 * that far off while the browser's and the time server's are right: a computer with a wrong clock.
 */
export function startTessera(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  { clockOffset }: { clockOffset?: string } = {},
): Promise<RunningTessera> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'out/main/server.js'), '--data-dir', dataDir],
    {
      // The library itself rather than the `faketime` wrapper, so that stopping the child stops Tessera.
      env: { ...process.env, ...env, ...(clockOffset ? fakeClock(clockOffset) : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Tessera did not start:\n${output.join('\n')}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`Tessera exited (${code}):\n${output.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = /^\s+(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      resolve({
        url,
        origin: new URL(url).origin,
        output,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
