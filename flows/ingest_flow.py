"""Prefect wiring of the batch loop: the flows hand pipeline.batch.loop.run_batch an executor that runs
one task per document or per chunk of documents, concurrently on threads (the default) or on a
Dask cluster, retried by the pipeline's one retry policy; and publish the summary as a markdown
artifact.

Only wiring lives here: reading, extracting, loading and the run records are pipeline functions.
"""
from __future__ import annotations

import os
import time
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Optional

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed, wait
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import unmapped

from pipeline.store import engine as store_engine
from pipeline.batch.loop import RETRY, BatchSummary, FileOutcome, process_file, record_failed, run_batch, toolkit_for
from pipeline.batch.inbox import SETTLE_SECONDS, inbox_command, new_files, settle
from extractors.sources import Limits, discover


@lru_cache(maxsize=2)
def _worker_resources(db_url: Optional[str], use_camelot: bool, limits: Optional[Limits], run_id: int):
    """One engine and one toolkit per worker and run: jieba's dictionary loads once per worker, and
    each run sees the archivists' name decisions as they stand when it starts."""
    engine = store_engine.open_warehouse(db_url, keep_connections=False)
    return engine, toolkit_for(engine, use_camelot, limits)


def _retry_if_transient(task, task_run, state) -> bool:
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, BaseException) and RETRY.is_transient(exc)


@task(retries=RETRY.retries, retry_delay_seconds=list(RETRY.delays), retry_condition_fn=_retry_if_transient,
      task_run_name="ingest {path}")
def ingest_document(path: str, db_url: Optional[str], run_id: int, use_camelot: bool = True, replace: bool = False,
                    limits: Optional[Limits] = None) -> dict:
    engine, kit = _worker_resources(db_url, use_camelot, limits, run_id)
    return asdict(process_file(engine, path, run_id, kit, raise_transient=True, replace=replace))


@task(task_run_name="ingest {n} files from {first}")
def ingest_chunk(paths: list[str], db_url: Optional[str], run_id: int, use_camelot: bool = True,
                 replace: bool = False, limits: Optional[Limits] = None, n: int = 0, first: str = "",
                 processes: int = 0) -> list[dict]:
    """A chunk of documents in one task: each retried on its own by the pipeline's policy, a bad
    one that document's failure; a task run per chunk instead of per document. With processes,
    the chunk is read by the pool of `bulletins ingest` (extraction in that many processes, this
    thread the one writer); else one document after another in this thread."""
    engine, kit = _worker_resources(db_url, use_camelot, limits, run_id)
    if processes > 1:
        from pipeline.batch.pool import pooled

        return [asdict(o) for o in pooled(engine, kit, min(processes, len(paths)), replace)(paths, run_id)]
    return [asdict(process_file(engine, path, run_id, kit, replace=replace)) for path in paths]


def chunk_size(files: int, workers: int, processes: int = 0) -> int:
    """Documents per task: four tasks per worker at least, at most 50 documents a task (a Prefect
    task run costs milliseconds of API traffic; a chunk amortizes it and still spreads the load).
    A chunk read by a pool of processes keeps each of them busy (four documents a process at
    least) and is larger, up to 250: starting and ending a pool costs most of a second, and
    1,000 bulletins in chunks of 50 took 37 s in the flow against 21 s in chunks of 250."""
    if processes > 1:
        return max(1, min(250, max(4 * processes, files // 4)))
    return max(1, min(50, files // (4 * max(1, workers))))


def task_runner(kind: str = "threads", dask_address: Optional[str] = None, workers: Optional[int] = None):
    """threads (default) or dask: an existing scheduler at dask_address, else a local cluster."""
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or 2, "processes": True, "threads_per_worker": 1})
    return ThreadPoolTaskRunner(max_workers=workers or min(8, (os.cpu_count() or 2) * 2))


def summary_markdown(summary: BatchSummary, title: str = "Bulletin ingest",
                     task_runs: Optional[tuple[int, int]] = None) -> str:
    c = summary.counts()
    lines = [f"# {title} (run {summary.run_id})", "",
             "| files | loaded | replaced | skipped | failed | facts | seconds |", "|---|---|---|---|---|---|---|",
             f"| {c['files_seen']} | {c['loaded']} | {c['replaced']} | {c['skipped']} | {c['failed']} | {c['facts']} "
             f"| {summary.seconds:.1f} |"]
    if task_runs:
        recorded, asked = task_runs
        lines += ["", f"Task runs recorded on the server: {recorded} of {asked}"
                      + ("" if recorded >= asked else " (the server had not written the rest when the flow ended)")]
    failed = [o for o in summary.outcomes if o.status == "failed"]
    if failed:
        lines += ["", "## Failed", "", "| file | kind | reason |", "|---|---|---|"]
        lines += [f"| {Path(o.path).name} | {o.kind} | {o.reason.replace('|', '/')} |" for o in failed]
    return "\n".join(lines)


def prefect_tasks(db_url: Optional[str], use_camelot: bool, replace: bool, limits: Optional[Limits],
                  chunk: Optional[int] = 1, workers: int = 4, processes: int = 0):
    """The executor run_batch calls: one task per file (chunk 1), or per chunk of files (chunk N;
    None: chosen by chunk_size from the batch), outcomes yielded as tasks end. Closed early (the
    run was interrupted), it starts no more documents and waits for those under way."""

    def execute(files: list[str], run_id: int) -> Iterator[FileOutcome]:
        size = chunk or chunk_size(len(files), workers, processes)
        submitted = execute.submitted
        if size == 1:
            futures = ingest_document.map(files, db_url=unmapped(db_url), run_id=unmapped(run_id),
                                          use_camelot=unmapped(use_camelot), replace=unmapped(replace),
                                          limits=unmapped(limits))
            paths_of = {id(f): [path] for f, path in zip(futures, files)}
        else:
            chunks = [files[i:i + size] for i in range(0, len(files), size)]
            futures = [ingest_chunk.submit(part, db_url, run_id, use_camelot, replace, limits, n=len(part),
                                           first=Path(part[0]).name, processes=processes) for part in chunks]
            paths_of = {id(f): part for f, part in zip(futures, chunks)}
        submitted.extend(futures)
        engine = None
        try:
            for future in as_completed(futures):
                try:
                    result = future.result()
                    for outcome in (result if isinstance(result, list) else [result]):
                        yield FileOutcome(**outcome)
                except Exception as exc:  # retries exhausted: its files' failure, and the others go on
                    reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
                    engine = engine or store_engine.open_warehouse(db_url)
                    for path in paths_of[id(future)]:
                        record_failed(engine, run_id, path, "error", reason)
                        yield FileOutcome(path, "failed", kind="error", reason=reason)
        except BaseException:  # GeneratorExit included: the loop stopped
            for future in futures:
                wrapped = getattr(future, "wrapped_future", None)
                if wrapped is not None and hasattr(wrapped, "cancel"):
                    wrapped.cancel()
            try:  # one bound for all of them, not one per document
                wait(futures, timeout=120)
            except BaseException:
                pass
            raise

    execute.submitted = []  # the task runs this batch asked for, to be counted on the server
    return execute


FINAL_STATES = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def recorded_task_runs(expected: int, timeout: float = 120.0) -> int:
    """How many of this flow run's task runs the server holds in a final state, waiting (up to
    timeout) until all expected are there. Prefect's client reports task states as events the
    server writes in the background; a temporary server stopped before its backlog is written
    loses them (154 of 1,000 recorded, once)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (FlowRunFilter, FlowRunFilterId, TaskRunFilter, TaskRunFilterState,
                                                TaskRunFilterStateType)
    from prefect.client.schemas.sorting import TaskRunSort
    from prefect.runtime import flow_run

    from flows.temporary_server import drain_clients

    drain_clients()
    runs = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.get_id()]))
    final = TaskRunFilter(state=TaskRunFilterState(type=TaskRunFilterStateType(any_=list(FINAL_STATES))))
    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            seen: set = set()  # by id: a page that shifts while the server writes counts no run twice
            offset, page = 0, 200
            while True:
                got = client.read_task_runs(flow_run_filter=runs, task_run_filter=final, sort=TaskRunSort.ID_DESC,
                                            limit=page, offset=offset)
                seen.update(run.id for run in got)
                offset += len(got)
                if len(got) < page:
                    break
            if len(seen) >= expected or time.monotonic() > deadline:
                return len(seen)
            time.sleep(0.25)


def _publish(summary: BatchSummary, title: str, key: str, execute) -> dict:
    asked = len(execute.submitted)
    task_runs = (recorded_task_runs(asked), asked)
    create_markdown_artifact(markdown=summary_markdown(summary, title, task_runs), key=key,
                             description=summary.line())
    return {"run_id": summary.run_id, "seconds": summary.seconds, **summary.counts(),
            "task_runs_recorded": task_runs[0], "task_runs": asked, "outcomes": [asdict(o) for o in summary.outcomes]}


def build_ingest_flow(on_file: Optional[Callable[[FileOutcome], None]] = None):
    """The batch flow; on_file (a progress bar, say) is closed over, not a flow parameter."""

    @flow(name="bulletins-ingest", log_prints=False)
    def ingest_flow(paths: list[str], db_url: Optional[str] = None, command: str = "ingest",
                    use_camelot: bool = True, replace: bool = False, limits: Optional[dict] = None,
                    chunk: Optional[int] = 1, workers: int = 4, processes: int = 0) -> dict:
        chosen = Limits(**limits) if limits else None
        engine = store_engine.open_warehouse(db_url)
        execute = prefect_tasks(db_url, use_camelot, replace, chosen, chunk, workers, processes)
        summary = run_batch(engine, discover(paths), command, execute, on_file)
        engine.dispose()
        return _publish(summary, "Bulletin ingest", "bulletins-ingest-summary", execute)

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
        engine = store_engine.open_warehouse(db_url)
        execute = prefect_tasks(db_url, use_camelot, replace, chosen)
        summary = run_batch(engine, new_files(engine, inbox, settle_seconds, chosen), inbox_command(inbox, replace),
                            execute, on_file, after=lambda done: settle(engine, inbox, done.outcomes, done.run_id, archive))
        engine.dispose()
        return _publish(summary, f"Inbox {inbox}", "bulletins-inbox-summary", execute)

    return inbox_flow


# Module-level flows: what deployments load by module path (flows.ingest_flow.inbox_flow).
ingest_flow = build_ingest_flow()
inbox_flow = build_inbox_flow()
