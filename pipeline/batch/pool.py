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
import re
import signal
from dataclasses import dataclass, field
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator, Optional

from extractors.sources import read_source
from pipeline.batch.loop import Execute, FileOutcome, failed, load_extracted, outcome_if_loaded
from pipeline.stages.document import Toolkit, document_from_pdf, extract_document
from schemas.records import DocumentError

IN_FLIGHT_PER_WORKER = 2
SPLIT_PAGES = 8  # a PDF of twice this many pages or more is read in ranges by several workers
FORKING = "fork" in multiprocessing.get_all_start_methods()  # workers inherit the writer's toolkit

# The worker process's toolkit: set once by _start_worker in each worker, never in the writer.
_worker_kit: Optional[Toolkit] = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(kit: Optional[Toolkit], recipe: dict, ocr_threads: int = 1) -> None:
    global _worker_kit
    # the workers share the cores: each one's OCR runs on its share of them, not on all
    os.environ.setdefault("BULLETINS_OCR_THREADS", str(ocr_threads))
    # the writer stops the batch on Ctrl-C and ends the workers; a worker itself only dies quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    _worker_kit = kit if kit is not None else Toolkit.create(**recipe)


def _as_value(read, path: str, *args):
    """In a worker: what read gives, or the file's DocumentError as a value."""
    try:
        return read(path, *args)
    except DocumentError as exc:
        return exc
    except Exception as exc:  # an extractor bug fails its file, not the batch
        return DocumentError("error", f"{type(exc).__name__}: {exc}".splitlines()[0])


def _whole_file(path: str):
    """In a worker: the file's ExtractedDocument."""
    data, sha = read_source(path, _worker_kit.limits)
    return extract_document(path, data, sha, _worker_kit)


def _page_range(path: str, first: int, last: int):
    from extractors.pdf import read_pages

    kit = _worker_kit
    data, _ = read_source(path, kit.limits)
    return read_pages(path, data, first, last, kit.use_camelot, kit.limits.max_pages, kit.limits.max_inflated)


def _joined_pages(path: str, sha: str, parts: list):
    from extractors.pdf import assemble_pages

    return document_from_pdf(path, sha, assemble_pages(parts), _worker_kit)


PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _work(path: str, max_bytes: int) -> tuple[int, int]:
    """How long a file will take, to order the batch: a PDF by its pages (its bytes are mostly
    fonts), before any text; a text by its size. Pages are counted in the file's bytes, not by a
    PDF library: a file that would crash one crashes a worker, never this writer. Pages kept in
    compressed object streams are not seen: such a PDF counts none and is read whole."""
    try:
        size = os.path.getsize(path)
        if path.lower().endswith(".pdf") and size <= max_bytes:
            with open(path, "rb") as fh:
                return 1, len(PAGE_OBJECT.findall(fh.read()))
        return 0, size
    except OSError:  # unreadable: found out and failed by its worker
        return 0, 0


def page_ranges(pages: int, workers: int) -> list[tuple[int, Optional[int]]]:
    """A long PDF's pages in ranges for several workers: two ranges a worker, SPLIT_PAGES at
    least each (a range reopens the file); one range when the file is short. The last range runs
    to the end of the file, however many pages the reader finds there (the count is an estimate)."""
    if workers < 2 or pages < 2 * SPLIT_PAGES:
        return [(0, None)]
    size = max(SPLIT_PAGES, -(-pages // (2 * workers)))
    starts = list(range(0, pages, size))
    return [(first, nxt) for first, nxt in zip(starts, starts[1:])] + [(starts[-1], None)]


def _workers_for(files: list[str], workers: int, max_bytes: int) -> int:
    """Workers a batch can keep busy: one a file, or one a range of pages when the batch is one
    long PDF; one at least, so that a file that crashes its reader is that file's failure."""
    if len(files) != 1:
        return max(1, min(workers, len(files)))
    is_pdf, pages = _work(files[0], max_bytes)
    return min(workers, len(page_ranges(pages, workers))) if is_pdf else 1


@dataclass
class _Split:
    """A PDF read in ranges: the parts back so far, and the first error of any."""
    sha: str
    expected: int
    parts: list = field(default_factory=list)
    error: Optional[DocumentError] = None
    done: int = 0


def pooled(engine, kit: Toolkit, workers: int, replace: bool = False, recipe: Optional[dict] = None) -> Execute:
    """An executor for run_batch: extraction in `workers` processes, loading here. recipe: the
    arguments of Toolkit.create, for workers that cannot be forked from this process. A long PDF
    is read in ranges of pages by several workers, then joined and extracted by one."""
    context = multiprocessing.get_context("fork" if FORKING else "spawn")

    def new_pool(size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(size, mp_context=context, initializer=_start_worker,
                                   initargs=(kit if FORKING else None, recipe or {}, max(1, (os.cpu_count() or 1) // size)))

    def execute(files: list[str], run_id: int) -> Iterator[FileOutcome]:
        pool = new_pool(workers)
        pending: dict[Future, tuple[str, str, bool]] = {}  # → (path, sha, whether a range of a split file)
        ready: list[tuple] = []  # (reader, args, path, sha, is_range): tasks to submit before new files
        splits: dict[str, _Split] = {}
        files = list(dict.fromkeys(files))  # a path given twice is one file
        work = {path: _work(path, kit.limits.max_bytes) for path in files}
        # the longest files first (popped from the end), so that a long PDF does not start last
        # and run alone while the other workers idle; files of one length keep their order
        queue = sorted(reversed(files), key=work.get)
        try:
            while queue or pending or ready:
                broken = []
                while (ready or queue) and len(pending) < IN_FLIGHT_PER_WORKER * workers and not broken:
                    if not ready:
                        path = queue.pop()
                        outcome, sha = _before_reading(engine, path, run_id, kit, replace)
                        if outcome:
                            yield outcome
                            continue
                        is_pdf, pages = work[path]
                        ranges = page_ranges(pages, workers) if is_pdf else []
                        if len(ranges) > 1:
                            splits[path] = _Split(sha, len(ranges))
                            ready += [(_page_range, (path, a, b), path, sha, True) for a, b in ranges]
                        else:
                            ready.append((_whole_file, (path,), path, sha, False))
                    reader, args, path, sha, is_range = ready.pop(0)
                    try:
                        pending[pool.submit(_as_value, reader, *args)] = (path, sha, is_range)
                    except BrokenProcessPool:  # a worker died since the last look
                        broken.append((path, sha))
                if pending and not broken:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        path, sha, is_range = pending.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            broken.append((path, sha))
                            continue
                        if not is_range:
                            yield _written(engine, path, sha, result, run_id, kit, replace)
                            continue
                        split = splits[path]
                        split.done += 1
                        if isinstance(result, DocumentError):
                            split.error = split.error or result
                        else:
                            split.parts.append(result)
                        if split.done == split.expected:  # every range back: one worker joins them
                            del splits[path]
                            if split.error:
                                yield _written(engine, path, sha, split.error, run_id, kit, replace)
                            else:
                                ready.insert(0, (_joined_pages, (path, sha, split.parts), path, sha, False))
                if broken:
                    # every file under way, and every file read in ranges, again one at a time
                    under_way = broken + [(p, s) for p, s, _ in pending.values()] + \
                        [(p, sp.sha) for p, sp in splits.items()] + [(r[2], r[3]) for r in ready]
                    ready.clear()
                    splits.clear()
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    yield from _one_at_a_time(engine, list(dict(under_way).items()), run_id, kit, replace, new_pool)
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
            result = pool.submit(_as_value, _whole_file, path).result()
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
    from pipeline.batch.loop import ingest_paths, run_batch, toolkit_for
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
        busy = _workers_for(files, workers, kit.limits.max_bytes)
        return run_batch(engine, files, command, pooled(engine, kit, busy, replace, recipe), on_file)
    finally:
        engine.dispose()

