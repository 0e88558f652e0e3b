#!/usr/bin/env bash
# Installs Debian's chromium, the browser test/audit/html-browser.test.ts drives through
# playwright-core (which downloads no browser of its own). Does nothing when /usr/bin/chromium is
# there; otherwise needs root or sudo and Debian's package archive. Used by .ci/run and by the
# README's quick start.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "setup-browser: /usr/bin/chromium is missing; install Debian's chromium as root: apt-get install chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
