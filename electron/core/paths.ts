/**
 * Where Tessera keeps its data: the same folder Electron uses for userData, so the desktop app and
 * browser mode open the same vault. `--data-dir` or TESSERA_DATA_DIR override it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Tessera';

export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
  }
}
