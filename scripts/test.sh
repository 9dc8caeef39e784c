#!/usr/bin/env bash
# `npm test`: installs what the tests need, builds, checks, and runs every test — unit and
# integration (vitest) and end to end (Playwright in Debian's Chromium, against browser mode).
# The keychain tests use a real Secret Service: a GNOME Keyring in a private D-Bus session with a
# throwaway home, started here.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
bash scripts/build.sh
npm run check

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
dbus-run-session -- bash -c '
  set -euo pipefail
  # The daemon forks; keep its output off our pipes so nothing waits on it.
  echo -n tessera-test | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  npx vitest run
  # A virtual display, for the Electron specs (where its binary exists) and screen capture.
  xvfb-run -a -s "-screen 0 1366x900x24" npx playwright test
' bash "$keyring_home"
