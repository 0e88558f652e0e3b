#!/usr/bin/env bash
# Installs Debian's cvc5 and boolector, the external SMT-LIB 2 solvers svm prove races with its Z3
# workers (proofs/z3/portfolio.ts; docs/prove.md). Does nothing when both are on PATH; otherwise
# needs root or sudo and Debian's package archive. Without them svm prove still works, with Z3
# alone. Used by .ci/run and by the README's quick start.
set -euo pipefail
missing=()
for solver in cvc5 boolector; do
  command -v "$solver" >/dev/null || missing+=("$solver")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "setup-solvers: ${missing[*]} missing; install Debian's packages as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
cvc5 --version | head -n 1 || true  # head may close the pipe early
boolector --version
