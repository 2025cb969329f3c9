"""Extraction in a pool of processes feeding one writer: the default `bulletins ingest` on one
machine.

Reading a PDF or a sentence is CPU work that threads cannot share (the GIL); writing is one
SQLite file that many writers only queue for. So the files are read and extracted in worker
processes, and this process alone writes, one document per transaction as in the plain loop.
Workers are forked from a process that has built the toolkit (jieba, the gazetteer) once, so a
worker starts in milliseconds; where fork is unavailable they are spawned and build their own.

A file already loaded is recognised here, by its hash, before any worker reads it. At most two
files per worker are under way, so memory stays flat however long the batch. A worker that dies
(a crash in a native reader) takes the documents under way with it: they are tried again one at
a time in a new pool, and one that kills a worker alone is that file's failure.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator, Optional

from extractors.sources import read_source
from pipeline.batch.loop import Execute, FileOutcome, failed, load_extracted, outcome_if_loaded
from pipeline.stages.document import Toolkit, extract_document
from schemas.records import DocumentError

IN_FLIGHT_PER_WORKER = 2
FORKING = "fork" in multiprocessing.get_all_start_methods()  # workers inherit the writer's toolkit

# The worker process's toolkit: set once by _start_worker in each worker, never in the writer.
_worker_kit: Optional[Toolkit] = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(kit: Optional[Toolkit], recipe: dict) -> None:
    global _worker_kit
    # the writer stops the batch on Ctrl-C and ends the workers; a worker itself only dies quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    _worker_kit = kit if kit is not None else Toolkit.create(**recipe)


def _extract(path: str):
    """In a worker: the file's ExtractedDocument, or its DocumentError as a value."""
    kit = _worker_kit
    try:
        data, sha = read_source(path, kit.limits)
        return extract_document(path, data, sha, kit)
    except DocumentError as exc:
        return exc
    except Exception as exc:  # an extractor bug fails its file, not the batch
        return DocumentError("error", f"{type(exc).__name__}: {exc}".splitlines()[0])


def _work(path: str) -> tuple[int, int]:
    """How long a file will take, to order the batch: a PDF by its pages (its bytes are mostly
    fonts), before any text; a text by its size."""
    try:
        if path.lower().endswith(".pdf"):
            import pypdfium2

            pdf = pypdfium2.PdfDocument(path)
            try:
                return 1, len(pdf)
            finally:
                pdf.close()
        return 0, os.path.getsize(path)
    except Exception:  # unreadable or broken: found out and failed by its worker
        return 0, 0


def pooled(engine, kit: Toolkit, workers: int, replace: bool = False, recipe: Optional[dict] = None) -> Execute:
    """An executor for run_batch: extraction in `workers` processes, loading here. recipe: the
    arguments of Toolkit.create, for workers that cannot be forked from this process."""
    context = multiprocessing.get_context("fork" if FORKING else "spawn")

    def new_pool(size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(size, mp_context=context, initializer=_start_worker,
                                   initargs=(kit if FORKING else None, recipe or {}))

    def execute(files: list[str], run_id: int) -> Iterator[FileOutcome]:
        pool = new_pool(workers)
        pending: dict[Future, tuple[str, str]] = {}
        # the longest files first (popped from the end), so that a long PDF does not start last
        # and run alone while the other workers idle; files of one length keep their order
        queue = sorted(reversed(files), key=_work)
        try:
            while queue or pending:
                broken = []
                while queue and len(pending) < IN_FLIGHT_PER_WORKER * workers and not broken:
                    path = queue.pop()
                    outcome, sha = _before_reading(engine, path, run_id, kit, replace)
                    if outcome:
                        yield outcome
                        continue
                    try:
                        pending[pool.submit(_extract, path)] = (path, sha)
                    except BrokenProcessPool:  # a worker died since the last look
                        broken.append((path, sha))
                if pending and not broken:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        path, sha = pending.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            broken.append((path, sha))
                            continue
                        yield _written(engine, path, sha, result, run_id, kit, replace)
                if broken:
                    broken += list(pending.values())
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    yield from _one_at_a_time(engine, broken, run_id, kit, replace, new_pool)
                    pool = new_pool(workers)
        except BaseException:
            _terminate(pool)  # interrupted: the documents under way are not waited for
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return execute


def _terminate(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


def _before_reading(engine, path: str, run_id: int, kit: Toolkit, replace: bool) -> tuple[Optional[FileOutcome], str]:
    """(outcome, sha): an outcome when the file needs no worker (loaded already, or unreadable)."""
    try:
        _, sha = read_source(path, kit.limits)
    except DocumentError as exc:
        return failed(engine, run_id, path, exc.kind, exc.reason), ""
    return outcome_if_loaded(engine, path, sha, run_id, replace), sha


def _written(engine, path: str, sha: str, result, run_id: int, kit: Toolkit, replace: bool) -> FileOutcome:
    if isinstance(result, DocumentError):
        return failed(engine, run_id, path, result.kind, result.reason, sha)
    try:
        return load_extracted(engine, path, sha, result, run_id, kit.gazetteer, replace)
    except Exception as exc:  # a load that fails for good: that file's failure, the batch goes on
        return failed(engine, run_id, path, "error", f"{type(exc).__name__}: {exc}".splitlines()[0], sha)


def _one_at_a_time(engine, files: list[tuple[str, str]], run_id: int, kit: Toolkit, replace: bool,
                   new_pool) -> Iterator[FileOutcome]:
    """The files (path, sha) under way when a worker died, each alone in a fresh worker: the one
    that kills its worker again is that file's failure."""
    for path, sha in files:
        pool = new_pool(1)
        try:
            result = pool.submit(_extract, path).result()
        except BrokenProcessPool:
            yield failed(engine, run_id, path, "crashed", "the reader's process died on this file (a crash in a "
                         "native library); the other files went on", sha)
            continue
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        yield _written(engine, path, sha, result, run_id, kit, replace)


def ingest_paths_pooled(paths, db_url: Optional[str] = None, command: str = "ingest", on_file=None,
                        kit: Optional[Toolkit] = None, replace: bool = False, workers: Optional[int] = None,
                        use_camelot: bool = True, limits=None):
    """`bulletins ingest PATH…` on one machine: a recorded run, extraction in a pool of processes,
    one writer. workers=1 is the plain loop in this process."""
    from extractors.sources import discover
    from pipeline.batch.loop import ingest_paths, process_file, run_batch, serial, toolkit_for
    from pipeline.store import engine as store_engine
    from pipeline.store import loading

    workers = workers or default_workers()
    if workers == 1:
        return ingest_paths(paths, db_url, command, on_file, kit, replace)
    engine = store_engine.open_warehouse(db_url)
    try:
        kit = kit or toolkit_for(engine, use_camelot=use_camelot, limits=limits)
        recipe = None
        if not FORKING:  # spawned workers build their own toolkit from the same knowledge
            extra, confirmed = loading.archivist_knowledge(engine)
            recipe = dict(use_camelot=kit.use_camelot, limits=kit.limits, extra_places=tuple(extra),
                          confirmed=confirmed)
        files = discover(paths)
        # one file is read here: a worker would add only the copy of its pages back to this process
        execute = pooled(engine, kit, min(workers, len(files)), replace, recipe) if len(files) > 1 else \
            serial(lambda path, run_id: process_file(engine, path, run_id, kit, replace=replace))
        with store_engine.write_ahead(engine):
            return run_batch(engine, files, command, execute, on_file)
    finally:
        engine.dispose()

