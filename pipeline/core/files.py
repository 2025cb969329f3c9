"""Files written whole or not at all: beside their target, then renamed into place."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target, text: bool = True, sync: bool = False):
    """Yields an open text file, or with text=False the temporary path for a writer that opens it
    itself; on success it is renamed over target, so a failure leaves no half file and a reader
    never maps one. The temporary name keeps the target's suffix (writers choose a format by it)
    and this process's id (two processes may make the same cache file at once). sync: flushed to
    disk before the rename, for a file other runs will trust."""
    target = Path(target)
    tmp = target.with_name(f".partial-{os.getpid()}-{target.name}")
    try:
        if text:
            with open(tmp, "w", encoding="utf-8") as fh:
                yield fh
        else:
            yield str(tmp)
        if sync:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
