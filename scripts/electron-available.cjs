// Exit 0 when Electron's binary is installed. Never require('electron') here: Electron 45 tries to
// download its binary on require when it is missing.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const dir = join(__dirname, '..', 'node_modules', 'electron');
const pathFile = join(dir, 'path.txt');
process.exit(existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8'))) ? 0 : 1);
