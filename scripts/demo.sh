#!/usr/bin/env bash
# README command 1: set up, ingest the bundled samples/ into ./bulletins.db, show a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/bulletins ingest samples/ --db "${BULLETINS_DB:-sqlite:///bulletins.db}"
.venv/bin/bulletins stats --db "${BULLETINS_DB:-sqlite:///bulletins.db}"
