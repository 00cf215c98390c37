#!/usr/bin/env bash
# Reuse + stories at scale (10k and 100k articles), and near-duplicates next to datasketch's
# MinHashLSH (see bench/README.md).
# Usage: bench/scale.sh [--no-build] [scale.py options...]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/bench-venv  # shared with the other bench scripts
build=1
args=()
for a in "$@"; do
  case $a in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done

[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
# Install only when missing, so repeated runs stay fast and offline.
"$venv/bin/python" -c 'import datasketch' 2>/dev/null ||
  "$venv/bin/pip" install --quiet --disable-pip-version-check datasketch

if (( build )); then
  cargo build --release --quiet
fi

exec "$venv/bin/python" bench/scale.py ${args[@]+"${args[@]}"}
