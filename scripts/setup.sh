#!/usr/bin/env bash
# Installs what Tessera needs on this machine, then its npm packages. Used by `npm start`,
# `npm test` and `npm run bench`; safe to run again (it does only what is missing).
#   scripts/setup.sh          what running Tessera needs
#   scripts/setup.sh --tests  plus what the tests need (Chromium, Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."

# --- system packages (Debian/Ubuntu) --------------------------------------------------------------
# libsecret-1-dev + a compiler: keytar builds from source where no prebuilt binary can be fetched.
# gnome-keyring + dbus: a Secret Service when no desktop session provides one (Tessera starts its own).
packages=(libsecret-1-dev gnome-keyring dbus python3 make g++)
if [[ "${1:-}" == "--tests" ]]; then
  # dnsmasq-base: a real DNS server for the domain-verification tests.
  # chrony: a real NTP server for the clock check; faketime: Tessera with a wrong clock.
  packages+=(chromium xvfb xauth fonts-dejavu-core dnsmasq-base chrony faketime)
fi
if [[ -f /etc/debian_version ]] && command -v dpkg-query >/dev/null; then
  # One dpkg-query for all of them (it runs on every start).
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
  missing=()
  for pkg in "${packages[@]}"; do
    grep -qx "$pkg install ok installed" <<<"$installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "Installing system packages: ${missing[*]}"
    if [[ "$(id -u)" == 0 ]]; then
      sudo=()
    elif command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "Please install as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "Not a Debian/Ubuntu system: make sure libsecret (Linux), a C++ compiler and Python are installed."
fi

# --- npm packages ----------------------------------------------------------------------------------
# Reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.tessera-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  # Electron's binary is fetched separately below (it may be unreachable; the app runs without it).
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

# --- Electron's binary, where it can be had ------------------------------------------------------
# Tried once per installed Electron version: where the download fails (no access to Electron's
# releases), the failure is remembered in node_modules, so later starts go straight to browser mode.
# `npm ci` (a changed package-lock.json) forgets it; TESSERA_FETCH_ELECTRON=1 tries again now.
failed_stamp=node_modules/.tessera-electron-download-failed
electron_version=$(node -p 'require("./node_modules/electron/package.json").version')
if ! node scripts/electron-available.mjs && [[ "${TESSERA_SKIP_ELECTRON:-}" != 1 ]]; then
  if [[ "${TESSERA_FETCH_ELECTRON:-}" != 1 && -f "$failed_stamp" && "$(head -n1 "$failed_stamp")" == "$electron_version" ]]; then
    echo "Electron's binary could not be downloaded on $(sed -n 2p "$failed_stamp"): browser mode. To try again: TESSERA_FETCH_ELECTRON=1 npm start"
  else
    echo "Fetching Electron's binary (optional: without it Tessera runs in browser mode)…"
    if timeout 180 node node_modules/electron/install.js >/dev/null 2>&1; then
      rm -f "$failed_stamp"
    else
      printf '%s\n%s\n' "$electron_version" "$(date -u '+%Y-%m-%d %H:%M UTC')" >"$failed_stamp"
      echo "Electron's binary could not be downloaded here; Tessera will use browser mode."
    fi
  fi
fi
