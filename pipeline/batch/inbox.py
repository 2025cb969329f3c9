"""An inbox folder of newly published bulletins: which files are new, and what to do with each
once processed (record it; with an archive folder, move it there unless it failed).

A file is known by its place in the inbox (its path under the inbox folder) and its content: a
new file under an old name is new. A file still being copied in is left for the next run: it is
taken only when its size and modification time are the same at two looks a moment apart.
Archiving keeps the file's subfolder path, never overwrites (a name taken gets " (2)", " (3)" …)
and moves atomically: the archived name appears whole or not at all.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

from pipeline.store import engine as store_engine

from pipeline.store import inbox_files
from pipeline.batch.loop import BatchSummary, FileOutcome, process_file, run_batch, serial, toolkit_for
from pipeline.stages.document import Toolkit
from extractors.sources import Limits, discover, read_source
from schemas.records import DocumentError

SETTLE_SECONDS = 1.0  # between the two looks at a file's size and mtime


def _look(paths: list[str]) -> dict[str, tuple]:
    out = {}
    for p in paths:
        try:
            st = os.stat(p)
            out[p] = (st.st_size, st.st_mtime_ns)
        except OSError:
            out[p] = None
    return out


def inbox_name(inbox: str, path: str) -> str:
    return os.path.relpath(path, inbox)


def new_files(engine, inbox: str, settle_seconds: float = SETTLE_SECONDS, limits: Limits = Limits(),
              between_looks: Optional[Callable[[], None]] = None) -> list[str]:
    """Files in the inbox not yet processed with their current content, and not still growing."""
    seen = inbox_files.inbox_seen(engine, inbox)
    candidates = discover([inbox])
    if not candidates:
        return []
    first = _look(candidates)
    if between_looks:
        between_looks()
    if settle_seconds > 0:
        time.sleep(settle_seconds)
    second = _look(candidates)
    out = []
    for path in candidates:
        if first[path] != second[path]:
            continue  # still being written: the next run takes it
        try:
            _, sha = read_source(path, limits)
        except DocumentError:
            sha = ""  # unreadable, not regular, too large: processing records why, once
        if (inbox_name(inbox, path), sha) not in seen:
            out.append(path)
    return out


def archive_file(path: str, inbox: str, archive: str) -> str:
    """Move path to the same place under archive; never overwrites; returns where it went."""
    rel = Path(inbox_name(inbox, path))
    target_dir = Path(archive) / rel.parent
    target_dir.mkdir(parents=True, exist_ok=True)
    stem, suffix = rel.stem, rel.suffix
    for n in range(1, 10_000):
        target = target_dir / (rel.name if n == 1 else _numbered(stem, suffix, n))
        try:
            # reserve the name: O_EXCL fails if anything holds it, so nothing is ever overwritten
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            continue
        try:
            _move_onto_reserved(path, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return str(target)
    raise FileExistsError(f"no free name for {rel} in {archive}")


def _numbered(stem: str, suffix: str, n: int, limit: int = 255) -> str:
    """name (n).ext, the stem shortened so that the name still fits the file system's 255 bytes."""
    tail = f" ({n}){suffix}"
    room = limit - len(tail.encode())
    cut = stem.encode()[:max(room, 1)].decode("utf-8", "ignore")
    return cut + tail


def check_folders(inbox: str, archive: Optional[str]) -> None:
    """An archive inside the inbox would be read again by every run."""
    if archive and Path(archive).resolve().is_relative_to(Path(inbox).resolve()):
        raise ValueError(f"the archive {archive} is inside the inbox {inbox}: put it beside the inbox")


def _move_onto_reserved(src: str, target: Path) -> None:
    try:
        os.replace(src, target)  # same file system: one atomic rename over our own placeholder
        return
    except OSError as exc:
        if exc.errno != 18:  # EXDEV: another file system
            raise
    # another file system: copy beside the target, flush, then rename into place
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(src, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    os.unlink(src)


def settle(engine, inbox: str, outcomes: list[FileOutcome], run_id: int, archive: Optional[str]) -> None:
    for outcome in outcomes:
        if outcome.kind == "missing":
            continue  # gone between listing and reading: nothing to record
        moved = None
        if archive and outcome.status != "failed" and os.path.exists(outcome.path):
            try:
                moved = archive_file(outcome.path, inbox, archive)
            except OSError as exc:  # this file stays in the inbox, recorded; the others go on
                outcome.note = f"loaded, but not archived: {exc.strerror or exc}"
        inbox_files.record_inbox_file(engine, inbox, inbox_name(inbox, outcome.path), outcome.sha256, outcome,
                                    run_id, moved)


def ingest_inbox(inbox: str, db_url: Optional[str] = None, archive: Optional[str] = None,
                 on_file: Optional[Callable[[FileOutcome], None]] = None, kit: Optional[Toolkit] = None,
                 replace: bool = False, settle_seconds: float = SETTLE_SECONDS) -> BatchSummary:
    """One pass over the inbox without Prefect (system cron, a systemd timer)."""
    inbox = str(Path(inbox).resolve())
    archive = str(Path(archive).resolve()) if archive else None
    check_folders(inbox, archive)
    engine = store_engine.open_warehouse(db_url)
    try:
        kit = kit or toolkit_for(engine)
        files = new_files(engine, inbox, settle_seconds, kit.limits)
        return run_batch(engine, files, inbox_command(inbox, replace),
                         serial(lambda path, run_id: process_file(engine, path, run_id, kit, replace=replace)), on_file,
                         after=lambda summary: settle(engine, inbox, summary.outcomes, summary.run_id, archive))
    finally:
        engine.dispose()


def inbox_command(inbox: str, replace: bool) -> str:
    return f"inbox {inbox}" + (" --replace" if replace else "")
