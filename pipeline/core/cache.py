"""The folder where start-up work is kept between runs (national divisions, jieba's tables)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$BULLETINS_CACHE`` or ``~/.cache/bulletin-warehouse``; every file in it can be rebuilt."""
    return Path(os.environ.get("BULLETINS_CACHE") or Path.home() / ".cache" / "bulletin-warehouse")
