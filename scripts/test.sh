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
# What the keyring daemons said (they have gone away mid-run before): shown if there is any.
trap 'if [[ -s "$keyring_home/daemon.log" ]]; then echo "--- keyring daemon log:"; tail -n 40 "$keyring_home/daemon.log"; fi; rm -rf "$keyring_home"' EXIT
# If the keyring daemon ever stops answering under the tests' load (gnome-keyring has been seen to
# go away mid-run), D-Bus starts the Secret Service again on demand: this bus prefers our service
# file, which brings back the same keyring, unlocked, instead of the system's locked default one.
mkdir -p "$keyring_home/services"
cat >"$keyring_home/keyring.sh" <<SH
#!/bin/sh
echo "restarted by D-Bus at \$(date -u +%T)" >>"$keyring_home/daemon.log"
echo -n tessera-test | HOME="$keyring_home" exec gnome-keyring-daemon --unlock --foreground --components=secrets 2>>"$keyring_home/daemon.log"
SH
chmod +x "$keyring_home/keyring.sh"
printf '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=%s\n' "$keyring_home/keyring.sh" \
  >"$keyring_home/services/org.freedesktop.secrets.service"
cat >"$keyring_home/session.conf" <<XML
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <servicedir>$keyring_home/services</servicedir>
  <include>/usr/share/dbus-1/session.conf</include>
</busconfig>
XML
dbus-run-session --config-file="$keyring_home/session.conf" -- bash -c '
  set -euo pipefail
  # The daemon forks; keep its output off our pipes so nothing waits on it.
  echo -n tessera-test | HOME="$1" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>>"$1/daemon.log"
  npx vitest run
  # A virtual display, for the Electron specs (where its binary exists) and screen capture.
  xvfb-run -a -s "-screen 0 1366x900x24" npx playwright test
' bash "$keyring_home"
