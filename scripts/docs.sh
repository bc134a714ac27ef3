#!/usr/bin/env bash
# Build the docs (called by `bash scripts/run.sh docs [options]`; runs after `run.sh setup`).
#   1. README.md from nbs/index.ipynb            (scripts/readme.py; no Quarto needed)
#   2. the site from the executed notebooks       (scripts/docs.py):
#        Quarto on PATH  -> nbdev-docs  -> docs/                       (what CI deploys)
#        no Quarto       -> nbdev's processing + nbconvert -> build/docs/preview/index.html (offline)
# Options go to scripts/docs.py: --preview (nbconvert preview even with Quarto), --no-execute, --no-cache, --allow-errors
# (use outputs saved in the notebooks), --exec-budget SECONDS. Quick mode is DAGGER_PRESET (default tiny).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${DAGGER_VENV:-$PWD/.venv}
export DAGGER_PRESET=${DAGGER_PRESET:-tiny} HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1} TOKENIZERS_PARALLELISM=false
"$VENV/bin/python" scripts/readme.py
exec "$VENV/bin/python" scripts/docs.py build "$@"
