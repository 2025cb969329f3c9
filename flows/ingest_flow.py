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

from pipeline import runs, warehouse
from pipeline.inbox import SETTLE_SECONDS, new_files, settle
from pipeline.ingest import BatchSummary, FileOutcome, Toolkit, is_transient, process_file, record_failed
from pipeline.sources import Limits, discover


@lru_cache(maxsize=4)
def _worker_resources(db_url: Optional[str], use_camelot: bool, limits: Optional[Limits] = None):
    """One engine and one toolkit per worker process (jieba's dictionary loads once)."""
    engine = warehouse.open_warehouse(db_url)
    return engine, Toolkit.create(use_camelot=use_camelot, engine=engine, limits=limits)


def _retry_if_transient(task, task_run, state) -> bool:
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, BaseException) and is_transient(exc)


@task(retries=3, retry_delay_seconds=[1, 2, 4], retry_condition_fn=_retry_if_transient,
      task_run_name="ingest {path}")
def ingest_document(path: str, db_url: Optional[str], run_id: int, use_camelot: bool = True, replace: bool = False,
                    limits: Optional[Limits] = None) -> dict:
    engine, kit = _worker_resources(db_url, use_camelot, limits)
    return asdict(process_file(engine, path, run_id, kit, raise_transient=True, replace=replace))


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


def run_documents(files: list[str], db_url: Optional[str], run_id: int, use_camelot: bool, replace: bool,
                  limits: Optional[Limits], outcomes: list[FileOutcome],
                  on_file: Optional[Callable[[FileOutcome], None]] = None) -> None:
    """Submit one task per file and append the outcomes as they finish (inside a flow)."""
    futures = ingest_document.map(files, db_url=unmapped(db_url), run_id=unmapped(run_id),
                                  use_camelot=unmapped(use_camelot), replace=unmapped(replace),
                                  limits=unmapped(limits))
    by_future = {id(f): path for f, path in zip(futures, files)}
    try:
        _collect(futures, by_future, db_url, run_id, outcomes, on_file)
    except BaseException:
        # interrupted: start no more documents, and let those under way end (each is one
        # transaction) before the run is closed, so that its counts include them
        for future in futures:
            wrapped = getattr(future, "wrapped_future", None)
            if wrapped is not None and hasattr(wrapped, "cancel"):
                wrapped.cancel()
        for future in futures:
            try:
                future.wait(timeout=120)
            except BaseException:
                pass
        raise


def _collect(futures, by_future: dict, db_url: Optional[str], run_id: int, outcomes: list[FileOutcome],
             on_file: Optional[Callable[[FileOutcome], None]]) -> None:
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


def _recorded_run(db_url: Optional[str], files: list[str], command: str, use_camelot: bool, replace: bool,
                  limits: Optional[Limits], on_file, title: str, artifact_key: str, after=None) -> dict:
    """A run recorded in the warehouse around the tasks; closed as 'interrupted' if stopped."""
    engine = warehouse.open_warehouse(db_url)
    started = time.perf_counter()
    run_id = runs.start_run(engine, command, files_seen=len(files))
    summary = BatchSummary(run_id)
    try:
        run_documents(files, db_url, run_id, use_camelot, replace, limits, summary.outcomes, on_file)
        if after:
            after(engine, summary)
    except BaseException:
        summary.status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        summary.recorded = runs.finish_run(engine, run_id, summary.seconds, skipped=summary.count("skipped"),
                                           status=summary.status)
    create_markdown_artifact(markdown=summary_markdown(summary, title), key=artifact_key, description=summary.line())
    return {"run_id": run_id, "seconds": summary.seconds, **summary.counts(),
            "outcomes": [asdict(o) for o in summary.outcomes]}


def build_ingest_flow(on_file: Optional[Callable[[FileOutcome], None]] = None):
    """The batch flow; on_file (a progress bar, say) is closed over, not a flow parameter."""

    @flow(name="bulletins-ingest", log_prints=False)
    def ingest_flow(paths: list[str], db_url: Optional[str] = None, command: str = "ingest",
                    use_camelot: bool = True, replace: bool = False, limits: Optional[dict] = None) -> dict:
        return _recorded_run(db_url, discover(paths), command, use_camelot, replace,
                             Limits(**limits) if limits else None, on_file, "Bulletin ingest",
                             "bulletins-ingest-summary")

    return ingest_flow


def build_inbox_flow(on_file: Optional[Callable[[FileOutcome], None]] = None):
    """Ingest the inbox's new files; record each, and move it to the archive when loaded."""

    @flow(name="bulletins-inbox", log_prints=False)
    def inbox_flow(inbox: str, db_url: Optional[str] = None, archive: Optional[str] = None,
                   use_camelot: bool = True, replace: bool = False, limits: Optional[dict] = None,
                   settle_seconds: float = SETTLE_SECONDS) -> dict:
        inbox = str(Path(inbox).resolve())
        archive = str(Path(archive).resolve()) if archive else None
        chosen = Limits(**limits) if limits else Limits.from_env()
        files = new_files(warehouse.open_warehouse(db_url), inbox, settle_seconds, chosen)
        return _recorded_run(db_url, files, f"inbox {inbox}" + (" --replace" if replace else ""), use_camelot,
                             replace, chosen, on_file, f"Inbox {inbox}", "bulletins-inbox-summary",
                             after=lambda engine, summary: settle(engine, inbox, summary.outcomes, summary.run_id,
                                                                  archive))

    return inbox_flow


# Module-level flows: what deployments load by module path (flows.ingest_flow.inbox_flow).
ingest_flow = build_ingest_flow()
inbox_flow = build_inbox_flow()
