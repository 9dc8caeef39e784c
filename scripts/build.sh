#!/usr/bin/env bash
# Builds Tessera into out/ (electron-vite) and stamps the build with a hash of its sources.
#   scripts/build.sh               always build (npm test, packaging)
#   scripts/build.sh --if-changed  only when the sources differ from the last build's (npm start)
# The stamp covers every input of the build: the source folders, the build configuration, and
# package-lock.json (which npm ci follows), by content, so a checkout, an edit or a revert is seen
# whatever the files' times; out/ missing or half-written (no stamp) means a build.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=out/.tessera-build.sha256

sources_hash() {
  {
    find electron renderer shared build -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    sha256sum electron.vite.config.ts package.json package-lock.json tsconfig*.json
  } | sha256sum | cut -d' ' -f1
}

want=$(sources_hash)
if [[ "${1:-}" == "--if-changed" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
rm -f "$stamp"
npx electron-vite build
# Written last: an interrupted build leaves no stamp, so the next start builds again.
echo "$want" >"$stamp"
