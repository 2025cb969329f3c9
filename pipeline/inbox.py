"""An inbox folder of newly published bulletins: which files are new, and what to do with each
once processed (record it; with an archive folder, move it there unless it failed)."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Callable, Optional

from pipeline import warehouse
from pipeline.ingest import BatchSummary, FileOutcome, Toolkit, discover, process_file, read_source


SETTLE_SECONDS = 2.0  # a file written less than this ago may still be being copied in


def new_files(engine, inbox: str, settle_seconds: float = SETTLE_SECONDS) -> list[str]:
    """Files in the inbox not yet processed with their current content (and no longer growing)."""
    seen = warehouse.inbox_seen(engine, inbox)
    out = []
    now = time.time()
    for path in discover([inbox]):
        try:
            if now - os.path.getmtime(path) < settle_seconds:
                continue  # the next run takes it
        except OSError:
            continue
        try:
            _, sha = read_source(path)
        except Exception:
            out.append(path)  # unreadable: processing records why
            continue
        if (Path(path).name, sha) not in seen:
            out.append(path)
    return out


def settle(engine, inbox: str, outcomes: list[FileOutcome], run_id: int, archive: Optional[str]) -> None:
    for outcome in outcomes:
        if outcome.kind == "missing":
            continue  # gone between listing and reading: nothing to record
        moved = None
        if archive and outcome.status != "failed" and os.path.exists(outcome.path):
            Path(archive).mkdir(parents=True, exist_ok=True)
            moved = str(Path(archive) / Path(outcome.path).name)
            shutil.move(outcome.path, moved)
        warehouse.record_inbox_file(engine, inbox, outcome, run_id, moved)


def ingest_inbox(inbox: str, db_url: Optional[str] = None, archive: Optional[str] = None,
                 on_file: Optional[Callable[[FileOutcome], None]] = None, kit: Optional[Toolkit] = None) -> BatchSummary:
    """One pass over the inbox without Prefect (system cron, a systemd timer)."""
    inbox = str(Path(inbox).resolve())
    engine = warehouse.open_warehouse(db_url)
    started = time.perf_counter()
    run_id = warehouse.start_run(engine, f"inbox {inbox}")
    summary = BatchSummary(run_id)
    kit = kit or Toolkit.create(engine=engine)
    try:
        for path in new_files(engine, inbox):
            outcome = process_file(engine, path, run_id, kit)
            summary.outcomes.append(outcome)
            if on_file:
                on_file(outcome)
        settle(engine, inbox, summary.outcomes, run_id, archive)
    finally:
        summary.seconds = time.perf_counter() - started
        warehouse.finish_run(engine, run_id, summary.counts(), summary.seconds)
        engine.dispose()
    return summary
