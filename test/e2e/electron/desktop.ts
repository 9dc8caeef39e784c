/** Launching the real desktop app with Playwright's _electron, where Electron's binary exists. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { ROOT } from '../support/tessera';

/** Electron's binary path, or null. Never require('electron'): it would try to download the binary. */
export function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

export function launchDesktop(dataDir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: electronBinary()!,
    args: [ROOT, `--data-dir=${dataDir}`],
    env: { ...process.env, TESSERA_QUIET: '1' },
  });
}
