#!/usr/bin/env bash
# `npm run bench`: the benchmarks need the real keychain, so they run inside a private D-Bus session
# with GNOME Keyring and a throwaway home, like the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
# "Scan the screen" is measured in the built app, on a 1920×1080 virtual display.
bash scripts/build.sh --if-changed
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
dbus-run-session -- bash -c '
  echo -n tessera-bench | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  # tsx applies a tsconfig only to the files it includes (for tsconfig.node.json: electron/, whose
  # sign-in pages need react-jsx: the OpenID Provider bench renders them over HTTP).
  xvfb-run -a -s "-screen 0 1920x1080x24" npx tsx --tsconfig tsconfig.node.json bench/run.ts
' bash "$keyring_home"
