#!/usr/bin/env bash
# README command 2: set up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/system-packages.sh
exec .venv/bin/python -m pytest "$@"
