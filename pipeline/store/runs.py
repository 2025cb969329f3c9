"""Ingest runs and per-file failures in the warehouse.

A run's counts come from the rows it wrote (documents, replacements, failures), not from what a
process remembers: an interrupted run still says what it loaded, and a concurrent run never
counts a document another run loaded. A run whose process died without a word (kill -9, a lost
machine) is found by the next run on that host and marked `abandoned`.
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
from typing import Optional

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pipeline.core.children import process_start_time
from schemas.models import Document, Failure, IngestRun, Replacement


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name for this uid (a container)
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def _alive(pid: int, started: Optional[str]) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    now = process_start_time(pid)
    return started is None or now is None or now == started


def start_run(engine: Engine, command: str, files_seen: int = 0) -> int:
    reap_abandoned(engine)
    with Session(engine) as s, s.begin():
        run = IngestRun(started_at=dt.datetime.now(), command=command, status="running", files_seen=files_seen,
                        host=socket.gethostname(), pid=os.getpid(), pid_started=process_start_time(os.getpid()),
                        os_user=os_user(), loaded=0, replaced=0, skipped=0, failed=0, facts=0)
        s.add(run)
        s.flush()
        return run.id


def _counts_from_rows(s: Session, run_id: int) -> dict:
    docs, facts = s.execute(select(func.count(), func.coalesce(func.sum(Document.n_facts), 0))
                            .where(Document.run_id == run_id)).one()
    # one new document may replace several earlier ones from its path: it counts once
    replaced = s.scalar(select(func.count(func.distinct(Replacement.new_sha256))).where(
        Replacement.run_id == run_id)) or 0
    failed = s.scalar(select(func.count()).select_from(Failure).where(Failure.run_id == run_id)) or 0
    return {"loaded": docs - replaced, "replaced": replaced, "failed": failed, "facts": facts}


def finish_run(engine: Engine, run_id: int, seconds: float, skipped: int = 0, files_seen: Optional[int] = None,
               status: str = "finished") -> dict:
    """Close the run with counts read back from its rows; returns them."""
    with Session(engine) as s, s.begin():
        run = s.get(IngestRun, run_id)
        counts = _counts_from_rows(s, run_id)
        run.finished_at = dt.datetime.now()
        run.seconds = round(seconds, 3)
        run.status = status
        run.skipped = skipped
        if files_seen is not None:
            run.files_seen = files_seen
        for key, value in counts.items():
            setattr(run, key, value)
        return {**counts, "skipped": skipped, "files_seen": run.files_seen}


def reap_abandoned(engine: Engine) -> int:
    """Runs of this host still 'running' whose process is gone become 'abandoned', with the counts
    of what they wrote. Returns how many."""
    host = socket.gethostname()
    with Session(engine) as s, s.begin():
        stale = [r for r in s.scalars(select(IngestRun).where(IngestRun.status == "running", IngestRun.host == host))
                 if r.pid is not None and not _alive(r.pid, r.pid_started)]
        for run in stale:
            run.status = "abandoned"
            for key, value in _counts_from_rows(s, run.id).items():
                setattr(run, key, value)
        return len(stale)


def record_failure(engine: Engine, run_id: Optional[int], path: str, kind: str, reason: str,
                   sha256: Optional[str] = None) -> None:
    with Session(engine) as s, s.begin():
        s.add(Failure(run_id=run_id, source_path=path, sha256=sha256, kind=kind, reason=reason, at=dt.datetime.now()))
