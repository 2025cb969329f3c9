#!/usr/bin/env python3
"""Accuracy on the development set of real bulletins (tests/devset/): strict recall, precision and
wrongly attributed places per document. See pipeline/batch/accuracy.py.

usage: .venv/bin/python scripts/accuracy.py [--markdown | --json] [--misses N] [--false N] [--only PREFIX]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.batch.accuracy import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
