// Exit 0 when Electron's binary is installed. Never import 'electron' here: Electron 45 tries to
// download its binary on require when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'node_modules', 'electron');
const pathFile = join(dir, 'path.txt');
process.exit(existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8'))) ? 0 : 1);
