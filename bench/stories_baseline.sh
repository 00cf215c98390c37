#!/usr/bin/env bash
# Story-clustering baseline: TF-IDF + agglomerative clustering (scikit-learn) on ECB+ and
# WikiRef220, optionally next to our analysis.json (see bench/README.md).
# Usage: bench/stories_baseline.sh [--ours OUT/analysis.json]... [--export-ecbplus DIR] [--threshold T]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/bench-venv  # shared with html_extraction.sh
[[ -x $venv/bin/python ]] || python3 -m venv "$venv"
# Install only when missing, so repeated runs stay fast and offline.
"$venv/bin/python" -c 'import sklearn' 2>/dev/null ||
  "$venv/bin/pip" install --quiet --disable-pip-version-check scikit-learn

exec "$venv/bin/python" bench/stories_baseline.py "$@"
