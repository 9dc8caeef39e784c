#!/usr/bin/env bash
# `npm start`: installs what is missing, builds when the sources changed, and starts Tessera — the Electron window where its
# binary and a display exist, otherwise browser mode (prints the address to open).
# Extra arguments go to browser mode, e.g. `npm start -- --data-dir /tmp/t --port 4517`.
set -euo pipefail
cd "$(dirname "$0")/.."
# Their progress goes to stderr: stdout is Tessera's own (`config export` writes the YAML there).
bash scripts/setup.sh >&2
# Only when the sources changed since the last build (a hash of them is kept in out/).
bash scripts/build.sh --if-changed >&2
# Self-recovery (I6), removing a forgotten app lock and `config export|diff|apply` run without a
# window, whatever this machine has.
if [[ " $* " == *" --disable-sso "* || " $* " == *" --reset-app-lock "* || " $* " == *" config "* ]]; then
  exec node out/main/server.js "$@"
fi
if node scripts/electron-available.mjs && [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" || "$(uname)" != Linux ]]; then
  # --skipBuild: out/ is up to date already (preview would otherwise build it again).
  exec npx electron-vite preview --skipBuild
fi
echo "Electron's window is not available here (no binary or no display): starting browser mode."
exec node out/main/server.js "$@"
