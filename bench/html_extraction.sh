#!/usr/bin/env bash
# Main-text extraction benchmark: parallax vs trafilatura (see bench/README.md).
# Usage: bench/html_extraction.sh [--no-build] [html_extraction.py options...]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/bench-venv
build=1
args=()
for a in "$@"; do
  case $a in
    --no-build) build=0 ;;
    --baselines|--trafilatura-only) build=0; args+=("$a") ;;  # binary not needed
    *) args+=("$a") ;;
  esac
done

[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
# Install only when missing, so repeated runs stay fast and offline.
"$venv/bin/python" -c 'import trafilatura, lxml_html_clean' 2>/dev/null ||
  "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura lxml_html_clean

if (( build )); then
  cargo build --release --quiet
fi

exec "$venv/bin/python" bench/html_extraction.py ${args[@]+"${args[@]}"}
