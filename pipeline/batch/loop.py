"""The one batch loop: every way of ingesting many files (a plain run, an inbox pass, the Prefect
flows) goes through `run_batch`, which records the run, reports each outcome, and closes the run
with what it wrote, finished or interrupted. What differs is only how documents are executed:
one after another here (`serial`), or as Prefect tasks on threads or Dask (flows/ingest_flow.py).

One retry policy (`RETRY`) tells transient errors (a locked database, a lost connection, a
deadlock: retried) from terminal ones (a bad document, a bug: recorded as that file's failure).
"""
from __future__ import annotations

import os
import time
from contextlib import closing
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from pipeline.store import runs

from pipeline.store import engine as store_engine

from pipeline.store import loading
from pipeline.stages.document import Toolkit, extract_document
from extractors.sources import Limits, discover, read_source
from schemas.records import DocumentError


@dataclass
class FileOutcome:
    path: str
    status: str  # loaded | replaced | skipped | failed
    facts: int = 0
    kind: str = ""
    reason: str = ""
    sha256: str = ""
    note: str = ""  # something the archivist should know about a file that loaded


@dataclass
class BatchSummary:
    run_id: int
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    recorded: Optional[dict] = None  # the counts the warehouse holds for the run, once finished
    status: str = "finished"

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def facts(self) -> int:
        return sum(o.facts for o in self.outcomes if o.status in ("loaded", "replaced"))

    def counts(self) -> dict:
        mine = {"files_seen": len(self.outcomes), "loaded": self.count("loaded"), "replaced": self.count("replaced"),
                "skipped": self.count("skipped"), "failed": self.count("failed"), "facts": self.facts}
        return {**mine, **(self.recorded or {})}

    def line(self) -> str:
        c = self.counts()
        ended = "" if self.status == "finished" else f" ({self.status})"
        return (f"{c['files_seen']} files: {c['loaded']} loaded, {c['replaced']} replaced, {c['skipped']} skipped "
                f"(already loaded), {c['failed']} failed; {c['facts']} facts in {self.seconds:.1f} s "
                f"(run {self.run_id}){ended}")


@dataclass(frozen=True)
class RetryPolicy:
    """Transient errors are retried after these delays; anything else is terminal at once."""

    delays: tuple[float, ...] = (0.5, 1.0, 2.0)

    @property
    def retries(self) -> int:
        return len(self.delays)

    @staticmethod
    def is_transient(exc: BaseException) -> bool:
        """A locked database, a lost or refused connection, a timeout, a deadlock."""
        from sqlalchemy.exc import DBAPIError, OperationalError

        if isinstance(exc, (ConnectionError, TimeoutError)):
            return True
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return True
        text = str(exc).lower()
        return isinstance(exc, OperationalError) and any(
            s in text for s in ("database is locked", "could not connect", "connection", "server closed", "timeout",
                                "deadlock", "could not serialize"))

    def call(self, fn: Callable[[], object]):
        """fn(), again after each delay while it fails transiently."""
        for delay in (*self.delays, None):
            try:
                return fn()
            except Exception as exc:
                if delay is None or not self.is_transient(exc):
                    raise
                time.sleep(delay)


RETRY = RetryPolicy()
is_transient = RETRY.is_transient


def toolkit_for(engine, use_camelot: bool = True, limits: Optional[Limits] = None) -> Toolkit:
    """A toolkit that knows the archivists' added entities and decisions in this warehouse."""
    extra, confirmed = loading.archivist_knowledge(engine)
    return Toolkit.create(use_camelot=use_camelot, limits=limits, extra_places=tuple(extra), confirmed=confirmed)


def process_file(engine, path: str, run_id: int, kit: Toolkit, raise_transient: bool = False,
                 replace: bool = False) -> FileOutcome:
    """Read, extract and load one file; a bad file becomes a failure row, never an exception.
    Transient errors in loading are retried here by RETRY, or, with raise_transient, raised for
    the caller to retry by the same policy (a Prefect task). With replace, the file corrects the
    document loaded earlier from the same path."""
    sha = None
    try:
        data, sha = read_source(path, kit.limits)
        seen = outcome_if_loaded(engine, path, sha, run_id, replace)
        if seen:
            return seen
        doc = extract_document(path, data, sha, kit)
        del data
        return load_extracted(engine, path, sha, doc, run_id, kit.gazetteer, replace, raise_transient)
    except DocumentError as exc:
        kind, reason = exc.kind, exc.reason
    except Exception as exc:  # an extractor bug must not stop the batch either
        if raise_transient and is_transient(exc):
            raise
        kind, reason = "error", f"{type(exc).__name__}: {exc}".splitlines()[0]
    return failed(engine, run_id, path, kind, reason, sha)


def outcome_if_loaded(engine, path: str, sha: str, run_id: int, replace: bool) -> Optional[FileOutcome]:
    """The outcome of a file whose content is loaded already (skipped, or with replace the
    documents it corrects give way), else None: it is to be read."""
    if not loading.is_loaded(engine, sha):
        return None
    # loaded before, perhaps beside the document it corrects: --replace still applies
    replaced = loading.replace_earlier(engine, path, sha, run_id) if replace else 0
    return FileOutcome(path, "replaced" if replaced else "skipped", sha256=sha)


def load_extracted(engine, path: str, sha: str, doc, run_id: int, gazetteer, replace: bool = False,
                   raise_transient: bool = False) -> FileOutcome:
    """Load one extracted document (retried on transient errors unless the caller retries)."""
    load = lambda: loading.load_document(engine, doc, run_id, gazetteer, replace=replace)  # noqa: E731
    status = load() if raise_transient else RETRY.call(load)
    note = ""
    if status == "loaded" and not replace:
        earlier = loading.same_path_documents(engine, path, sha)
        if earlier:
            note = (f"loaded as a new document beside {len(earlier)} earlier one(s) from the same path with "
                    f"other content (last loaded {max(t for _, t in earlier):%Y-%m-%d %H:%M}); "
                    f"if it corrects them, ingest it again with --replace")
    return FileOutcome(path, status, facts=len(doc.facts) if status != "skipped" else 0, sha256=sha, note=note)


def failed(engine, run_id: int, path: str, kind: str, reason: str, sha: Optional[str] = None) -> FileOutcome:
    """A file's failure, recorded in the warehouse."""
    record_failed(engine, run_id, path, kind, reason, sha)
    return FileOutcome(path, "failed", kind=kind, reason=reason, sha256=sha or "")


def record_failed(engine, run_id: int, path: str, kind: str, reason: str, sha: Optional[str] = None) -> None:
    runs.record_failure(engine, run_id, os.path.abspath(path), kind, reason, sha)


Execute = Callable[[list[str], int], Iterator[FileOutcome]]


def serial(process: Callable[[str, int], FileOutcome]) -> Execute:
    """Documents one after another in this process."""
    return lambda files, run_id: (process(path, run_id) for path in files)


def run_batch(engine, files: list[str], command: str, execute: Execute,
              on_file: Optional[Callable[[FileOutcome], None]] = None,
              after: Optional[Callable[[BatchSummary], None]] = None) -> BatchSummary:
    """A recorded run over files. execute(files, run_id) yields outcomes as documents end; when the
    run is interrupted (Ctrl-C, SIGTERM) it is closed, so that an executor can stop starting
    documents and wait for those under way; the run is then closed as 'interrupted' with the
    counts of what it wrote, and the interruption goes on. A SQLite warehouse is written through
    its write-ahead log meanwhile (store_engine.write_ahead)."""
    with store_engine.write_ahead(engine):
        return _recorded_run(engine, files, command, execute, on_file, after)


def _recorded_run(engine, files: list[str], command: str, execute: Execute,
                  on_file: Optional[Callable[[FileOutcome], None]],
                  after: Optional[Callable[[BatchSummary], None]]) -> BatchSummary:
    started = time.perf_counter()
    run_id = runs.start_run(engine, command, files_seen=len(files))
    summary = BatchSummary(run_id)
    try:
        with closing(execute(files, run_id)) as outcomes:
            for outcome in outcomes:
                summary.outcomes.append(outcome)
                if on_file:
                    on_file(outcome)
        if after:
            after(summary)
    except BaseException as exc:
        # stopped by the user or the system, or ended by an error of the batch itself (an archive
        # that cannot be written): either way the run is closed with what it wrote
        summary.status = "interrupted" if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)) \
            else "failed"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        summary.recorded = runs.finish_run(engine, run_id, summary.seconds, skipped=summary.count("skipped"),
                                           status=summary.status)
    return summary


def ingest_paths(paths: Iterable[str], db_url: Optional[str] = None, command: str = "ingest",
                 on_file: Optional[Callable[[FileOutcome], None]] = None, kit: Optional[Toolkit] = None,
                 replace: bool = False) -> BatchSummary:
    """The plain run: every file in turn, one transaction each."""
    engine = store_engine.open_warehouse(db_url)
    try:
        kit = kit or toolkit_for(engine)
        return run_batch(engine, discover(paths), command,
                         serial(lambda path, run_id: process_file(engine, path, run_id, kit, replace=replace)),
                         on_file)
    finally:
        engine.dispose()
