#!/usr/bin/env bash
# One entry point for people and CI.
#   bash scripts/run.sh lab  [lab options]   set up .venv, then run the classroom lab (CPU preset)
#   bash scripts/run.sh test                 set up .venv, then run pytest and nbdev-test
#   bash scripts/run.sh setup                only set up .venv
#   bash scripts/run.sh docs [options]       set up .venv, then build the docs (scripts/docs.sh)
# Needs Python >= 3.10 (3.11 recommended) and nothing else. Set PYTHON to choose the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${DAGGER_VENV:-$ROOT/.venv}
PY=${PYTHON:-python3}

# Optional system font so graph pictures show Bangla labels (drawing works without it). Never fatal.
bangla_font() {
  if command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi bengali; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing a Bangla font (fonts-lohit-beng-bengali) for graph pictures"
    (apt-get install -y -q fonts-lohit-beng-bengali >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q fonts-lohit-beng-bengali >/dev/null 2>&1; }) ||
      echo "    (could not install it; graph labels will be hidden)"
  fi
}

setup() {
  bangla_font
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.dagger_nb-installed"
  local want
  want=$(cat pyproject.toml scripts/run.sh | sha256sum | cut -c1-16)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "==> installing dagger_nb and its pinned stack into $VENV (first time: a few minutes)"
  "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored: it is neither" || true
  # The CPU build of torch first: an unpinned torch requirement can pull a multi-GB CUDA build.
  if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    "$VENV/bin/python" -m pip install -q "torch==2.13.0" ${TORCH_INDEX:+--index-url "$TORCH_INDEX"} 2>&1 | grep -v "is ignored: it is neither" || true
  fi
  "$VENV/bin/python" -m pip install -q -e ".[dev,cpu]" 2>&1 | grep -v "is ignored: it is neither" || true
  "$VENV/bin/python" -c "import dagger_nb, torch, trl, transformers; print('dagger_nb', dagger_nb.__version__, '| torch', torch.__version__, '| trl', trl.__version__, '| transformers', transformers.__version__)"
  echo "$want" > "$stamp"
}

# The docs browser test needs Chromium: install Debian's package when it is missing and we are root
# (idempotent; set DAGGER_NO_APT=1 to skip). Without it that one test skips and says why.
ensure_browser() {
  local b
  for b in "${CHROME:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    if [ -n "$b" ] && command -v "$b" >/dev/null 2>&1; then return 0; fi
  done
  if [ "${DAGGER_NO_APT:-0}" = 1 ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "==> no Chromium found and not root with apt-get: the docs browser test will be skipped"; return 0
  fi
  echo "==> installing chromium (for the docs browser test; once)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$ROOT/.chromium-install.log" 2>&1; then
    echo "==> could not install chromium (see .chromium-install.log): the docs browser test will be skipped"
  fi
}

cmd=${1:-help}; shift || true
case "$cmd" in
  setup) setup ;;
  lab)
    setup
    exec "$VENV/bin/dagger-nb" lab --preset "${DAGGER_PRESET:-cpu}" "$@" ;;
  test)
    setup
    ensure_browser
    export DAGGER_PRESET=tiny MPLBACKEND=Agg HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
    echo "==> pytest"
    "$VENV/bin/python" -m pytest -q "$@"
    echo "==> nbdev-test (notebooks, quick mode: DAGGER_PRESET=tiny)"
    (cd "$ROOT" && "$VENV/bin/nbdev-test" --n-workers 1 --timing)
    ;;
  docs)
    setup
    exec bash scripts/docs.sh "$@" ;;
  *)
    sed -n '2,8p' "$0"; exit 2 ;;
esac
