"""Prefect wiring of pipeline.ingest: one task per document, run concurrently on threads (the
default) or on a Dask cluster; transient errors retried; a markdown summary published.

Only wiring lives here: reading, extracting and loading are pipeline functions.
"""
from __future__ import annotations

import os
import time
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import unmapped

from pipeline import warehouse
from pipeline.inbox import new_files, settle
from pipeline.ingest import BatchSummary, FileOutcome, Toolkit, discover, is_transient, process_file, record_failed


@lru_cache(maxsize=4)
def _worker_resources(db_url: Optional[str], use_camelot: bool):
    """One engine and one toolkit per worker process (jieba's dictionary loads once)."""
    engine = warehouse.open_warehouse(db_url)
    return engine, Toolkit.create(use_camelot=use_camelot, engine=engine)


def _retry_if_transient(task, task_run, state) -> bool:
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, BaseException) and is_transient(exc)


@task(retries=3, retry_delay_seconds=[1, 2, 4], retry_condition_fn=_retry_if_transient,
      task_run_name="ingest {path}")
def ingest_document(path: str, db_url: Optional[str], run_id: int, use_camelot: bool = True) -> dict:
    engine, kit = _worker_resources(db_url, use_camelot)
    return asdict(process_file(engine, path, run_id, kit, raise_transient=True))


def task_runner(kind: str = "threads", dask_address: Optional[str] = None, workers: Optional[int] = None):
    """threads (default) or dask: an existing scheduler at dask_address, else a local cluster."""
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or 2, "processes": True, "threads_per_worker": 1})
    return ThreadPoolTaskRunner(max_workers=workers or min(8, (os.cpu_count() or 2) * 2))


def summary_markdown(summary: BatchSummary, title: str = "Bulletin ingest") -> str:
    c = summary.counts()
    lines = [f"# {title} (run {summary.run_id})", "",
             "| files | loaded | replaced | skipped | failed | facts | seconds |", "|---|---|---|---|---|---|---|",
             f"| {c['files_seen']} | {c['loaded']} | {c['replaced']} | {c['skipped']} | {c['failed']} | {c['facts']} "
             f"| {summary.seconds:.1f} |"]
    failed = [o for o in summary.outcomes if o.status == "failed"]
    if failed:
        lines += ["", "## Failed", "", "| file | kind | reason |", "|---|---|---|"]
        lines += [f"| {Path(o.path).name} | {o.kind} | {o.reason.replace('|', '/')} |" for o in failed]
    return "\n".join(lines)


def run_documents(files: list[str], db_url: Optional[str], run_id: int, use_camelot: bool,
                  on_file: Optional[Callable[[FileOutcome], None]] = None) -> list[FileOutcome]:
    """Submit one task per file and collect the outcomes as they finish (inside a flow)."""
    futures = ingest_document.map(files, db_url=unmapped(db_url), run_id=unmapped(run_id),
                                  use_camelot=unmapped(use_camelot))
    by_future = {id(f): path for f, path in zip(futures, files)}
    outcomes = []
    engine = None
    for future in as_completed(futures):
        path = by_future[id(future)]
        try:
            outcome = FileOutcome(**future.result())
        except Exception as exc:  # retries exhausted: record it and go on with the others
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            engine = engine or warehouse.open_warehouse(db_url)
            record_failed(engine, run_id, path, "error", reason)
            outcome = FileOutcome(path, "failed", kind="error", reason=reason)
        outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return outcomes


def build_ingest_flow(on_file: Optional[Callable[[FileOutcome], None]] = None):
    """The batch flow; on_file (a progress bar, say) is closed over, not a flow parameter."""

    @flow(name="bulletins-ingest", log_prints=False)
    def ingest_flow(paths: list[str], db_url: Optional[str] = None, command: str = "ingest",
                    use_camelot: bool = True) -> dict:
        engine = warehouse.open_warehouse(db_url)
        started = time.perf_counter()
        run_id = warehouse.start_run(engine, command)
        summary = BatchSummary(run_id)
        try:
            summary.outcomes = run_documents(discover(paths), db_url, run_id, use_camelot, on_file)
        finally:
            summary.seconds = time.perf_counter() - started
            warehouse.finish_run(engine, run_id, summary.counts(), summary.seconds)
        create_markdown_artifact(markdown=summary_markdown(summary), key="bulletins-ingest-summary",
                                 description=summary.line())
        return {"run_id": run_id, "seconds": summary.seconds, **summary.counts(),
                "outcomes": [asdict(o) for o in summary.outcomes]}

    return ingest_flow


def build_inbox_flow(on_file: Optional[Callable[[FileOutcome], None]] = None):
    """Ingest the inbox's new files; record each, and move it to the archive when loaded."""

    @flow(name="bulletins-inbox", log_prints=False)
    def inbox_flow(inbox: str, db_url: Optional[str] = None, archive: Optional[str] = None,
                   use_camelot: bool = True) -> dict:
        inbox = str(Path(inbox).resolve())
        engine = warehouse.open_warehouse(db_url)
        started = time.perf_counter()
        run_id = warehouse.start_run(engine, f"inbox {inbox}")
        summary = BatchSummary(run_id)
        try:
            summary.outcomes = run_documents(new_files(engine, inbox), db_url, run_id, use_camelot, on_file)
            settle(engine, inbox, summary.outcomes, run_id, archive)
        finally:
            summary.seconds = time.perf_counter() - started
            warehouse.finish_run(engine, run_id, summary.counts(), summary.seconds)
        create_markdown_artifact(markdown=summary_markdown(summary, f"Inbox {inbox}"),
                                 key="bulletins-inbox-summary", description=summary.line())
        return {"run_id": run_id, "seconds": summary.seconds, **summary.counts(),
                "outcomes": [asdict(o) for o in summary.outcomes]}

    return inbox_flow


# Module-level flows: what deployments load by module path (flows.ingest_flow.inbox_flow).
ingest_flow = build_ingest_flow()
inbox_flow = build_inbox_flow()
