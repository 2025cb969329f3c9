#!/usr/bin/env bash
# Creates .venv and installs the project with its pinned versions (idempotent, quiet unless it fails).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "setting up .venv (pinned versions from constraints.txt)..." >&2
  if ! { .venv/bin/python -m pip install --upgrade pip &&
         .venv/bin/python -m pip install -c constraints.txt -e ".[flows,postgres,test]"; } >.venv/install.log 2>&1; then
    tail -30 .venv/install.log >&2
    echo "setup failed: see .venv/install.log" >&2
    exit 1
  fi
  rm -f .venv/.installed-* && touch "$stamp"
fi
# Start-up work done once, not by every run: bytecode of the project's own modules (written even
# where PYTHONDONTWRITEBYTECODE is set), jieba's dictionary as memory-mapped tries, and the empty
# warehouse the migrations make, which a new SQLite warehouse copies.
.venv/bin/python -m compileall -q pipeline extractors schemas flows >/dev/null
.venv/bin/python -m pipeline.core.word_dictionary >/dev/null
.venv/bin/python -c "from pipeline.store.engine import empty_warehouse; empty_warehouse()"
