"""One document end to end (read → normalize → extract → reconcile → validate), and a plain batch
loop over many. Nothing here imports Prefect: flows/ wires these functions into flows.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from extractors.prose import ProseExtractor
from extractors.text import HTML_SUFFIXES, TEXT_SUFFIXES, read_text_file
from extractors.text_tables import find_tables
from pipeline import runs, warehouse
from pipeline.metadata import extract_metadata
from pipeline.normalize import normalize_lines, normalize_text
from pipeline.metrics import MetricCatalog
from pipeline.reconcile import Gazetteer, Reconciler, normalize_name
from pipeline.table_facts import metric_from_path, table_facts
from pipeline.sources import Limits, discover, read_source, shown
from pipeline.validate import validate
from schemas.records import DocumentError, ExtractedDocument, Fact, Finding, SourceText

SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf"}


@dataclass
class Toolkit:
    """What extraction needs, built once per batch (the gazetteer and jieba's dictionary)."""

    gazetteer: Gazetteer
    prose: ProseExtractor
    reconciler: Reconciler
    metrics: MetricCatalog
    use_camelot: bool = True  # camelot reads unruled PDF tables beside pdfplumber; off makes PDFs faster
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def create(cls, use_camelot: bool = True, engine=None, limits: Optional[Limits] = None) -> "Toolkit":
        """With an engine, the archivists' decisions and added entities in that warehouse apply."""
        extra, confirmed = (warehouse.archivist_knowledge(engine) if engine is not None else ([], {}))
        gazetteer = Gazetteer.load(extra)
        return cls(gazetteer, ProseExtractor(gazetteer), Reconciler(gazetteer, confirmed), MetricCatalog.load(),
                   use_camelot, limits or Limits.from_env())


def extract_document(path: str, data: bytes, sha: str, kit: Toolkit) -> ExtractedDocument:
    """Everything a document yields, or DocumentError. Pure: touches no database."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError("unsupported", f"unknown file type {suffix or '(no extension)'!r}")
    if suffix == ".pdf":
        return _extract_pdf(path, data, sha, kit)
    text, encoding = read_text_file(path, data)
    if len(text) > kit.limits.max_text_chars:
        raise DocumentError("too_large", f"{len(text):,} characters of text, over the limit of "
                                         f"{kit.limits.max_text_chars:,} (--max-text-chars)")
    lines = normalize_text(text)
    if not lines:
        raise DocumentError("empty", "no text after removing blank lines and boilerplate")
    source = SourceText(path=os.path.abspath(path), sha256=sha, encoding=encoding, lines=lines)
    return extract_from_lines(source, kit)


def _extract_pdf(path: str, data: bytes, sha: str, kit: Toolkit) -> ExtractedDocument:
    """The PDF reader writes tables as tab rows into its line stream; from there on a PDF goes
    through the same normalizer, table, prose and metadata code as text."""
    from extractors.pdf import read_pdf

    if not data.strip():
        raise DocumentError("empty", "file is empty")
    pdf = read_pdf(path, data, use_camelot=kit.use_camelot, max_pages=kit.limits.max_pages,
                   max_inflated=kit.limits.max_inflated)
    lines, origins = normalize_lines(pdf.lines)
    if not lines:
        raise DocumentError("empty", "PDF has no text")
    pages = [pdf.line_pages[o] for o in origins]
    source = SourceText(path=os.path.abspath(path), sha256=sha, encoding="pdf", lines=lines, pages=pdf.pages,
                        page_of_line=pages)
    doc = extract_from_lines(source, kit)
    for t in doc.tables:
        origin = origins[t.first_line - 1]
        found = pdf.tables.get(origin)
        t.page = source.page(t.first_line)
        t.row_pages = [source.page(n) for n in t.row_lines]
        if found is not None:
            t.method, t.quality = found.method, found.quality
            if found.flags:  # continued over pages, camelot preferred, extractors disagreeing on cells
                doc.findings.append(Finding("pdf_table", "info", f"table {t.index}: {', '.join(found.flags)}", t.index))
            for f in doc.facts:
                if f.table_index == t.index:
                    f.extractor = found.method
                    f.page = t.row_pages[f.row - len(t.header_rows) - 1] if f.row else t.page
    return doc


def extract_from_lines(source: SourceText, kit: Toolkit) -> ExtractedDocument:
    lines = source.lines
    meta = extract_metadata(lines, kit.gazetteer)
    tables, consumed, notes = find_tables(lines)
    facts: list[Fact] = []
    for t in tables:
        facts.extend(table_facts(t, meta, page=source.page(t.first_line) if t.page is None else t.page))
    prose_lines = [(i + 1, ln) for i, ln in enumerate(lines) if i not in consumed and "\t" not in ln]
    facts.extend(kit.prose.extract(prose_lines, meta, page_of=source.page))
    if not facts:
        raise DocumentError("no_figures", "no figures found (no table cells or sentences with a number and unit)")
    reconcile(facts, kit, meta.jurisdiction)
    findings = validate(facts)
    return ExtractedDocument(source=source, meta=meta, tables=tables, facts=facts, notes=notes, findings=findings)


def reconcile(facts: list[Fact], kit: Toolkit, jurisdiction: Optional[str]) -> None:
    """Canonical entity and metric of every fact; names left for review are flagged."""
    for f in facts:
        r = kit.reconciler.resolve(f.entity_raw, jurisdiction)
        f.entity, f.entity_kind, f.entity_method, f.entity_score = r.entity or None, r.kind, r.method, r.score
        f.entity_key, f.entity_context, f.entity_parent = normalize_name(f.entity_raw), jurisdiction or "", r.parent
        if r.pending:
            f.flags.append(f"entity_{r.method}")
            f.entity_candidates = [list(c) for c in r.candidates]
        metric_raw = metric_from_path(f.metric_raw) if f.source_kind == "table" else f.metric_raw
        if metric_raw:
            f.metric, how = kit.metrics.canonical(metric_raw, f.unit, prose=f.source_kind == "text")
            if how == "unmatched":
                f.flags.append("metric_unmatched")


# ---------------------------------------------------------------- batch

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


def is_transient(exc: BaseException) -> bool:
    """Errors worth a retry: a locked database, a lost or refused connection, a timeout."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and any(
        s in text for s in ("database is locked", "could not connect", "connection", "server closed", "timeout",
                            "deadlock", "could not serialize"))


def process_file(engine, path: str, run_id: int, kit: Toolkit, raise_transient: bool = False,
                 replace: bool = False) -> FileOutcome:
    """Read, extract and load one file; a bad file becomes a failure row, never an exception.
    With raise_transient, a transient error is raised instead, for the caller to retry.
    With replace, the file corrects the document loaded earlier from the same path."""
    sha = None
    try:
        data, sha = read_source(path, kit.limits)
        if warehouse.is_loaded(engine, sha):
            return FileOutcome(path, "skipped", sha256=sha)
        doc = extract_document(path, data, sha, kit)
        del data
        for attempt in range(3):
            try:
                status = warehouse.load_document(engine, doc, run_id, kit.gazetteer, replace=replace)
                break
            except Exception as exc:  # a deadlock or a locked database: the transaction rolled back
                if raise_transient or attempt == 2 or not is_transient(exc):
                    raise
                time.sleep(0.2 * (attempt + 1))
        note = ""
        if status == "loaded" and not replace:
            earlier = warehouse.same_path_documents(engine, path, sha)
            if earlier:
                note = (f"loaded as a new document beside {len(earlier)} earlier one(s) from the same path with "
                        f"other content (last loaded {max(t for _, t in earlier):%Y-%m-%d %H:%M}); "
                        f"if it corrects them, ingest it again with --replace")
        return FileOutcome(path, status, facts=len(doc.facts) if status != "skipped" else 0, sha256=sha, note=note)
    except DocumentError as exc:
        kind, reason = exc.kind, exc.reason
    except Exception as exc:  # an extractor bug must not stop the batch either
        if raise_transient and is_transient(exc):
            raise
        kind, reason = "error", f"{type(exc).__name__}: {exc}".splitlines()[0]
    record_failed(engine, run_id, path, kind, reason, sha)
    return FileOutcome(path, "failed", kind=kind, reason=reason, sha256=sha or "")


def record_failed(engine, run_id: int, path: str, kind: str, reason: str, sha: Optional[str] = None) -> None:
    runs.record_failure(engine, run_id, os.path.abspath(path), kind, reason, sha)


def run_batch(engine, files: list[str], command: str, process: Callable[[str, int], FileOutcome],
              on_file: Optional[Callable[[FileOutcome], None]] = None,
              after: Optional[Callable[[BatchSummary], None]] = None) -> BatchSummary:
    """A recorded run over files: process(path, run_id) each in turn. Interrupted (Ctrl-C,
    SIGTERM), the run is closed as 'interrupted' with what it wrote, and the interruption goes on."""
    started = time.perf_counter()
    run_id = runs.start_run(engine, command, files_seen=len(files))
    summary = BatchSummary(run_id)
    try:
        for path in files:
            outcome = process(path, run_id)
            summary.outcomes.append(outcome)
            if on_file:
                on_file(outcome)
        if after:
            after(summary)
    except BaseException:
        summary.status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        summary.recorded = runs.finish_run(engine, run_id, summary.seconds, skipped=summary.count("skipped"),
                                           status=summary.status)
    return summary


def ingest_paths(paths: Iterable[str], db_url: Optional[str] = None, command: str = "ingest",
                 on_file: Optional[Callable[[FileOutcome], None]] = None, kit: Optional[Toolkit] = None,
                 replace: bool = False) -> BatchSummary:
    """The plain loop: every file in turn, one transaction each."""
    engine = warehouse.open_warehouse(db_url)
    try:
        kit = kit or Toolkit.create(engine=engine)
        return run_batch(engine, discover(paths), command,
                         lambda path, run_id: process_file(engine, path, run_id, kit, replace=replace), on_file)
    finally:
        engine.dispose()


def iter_documents(paths: Iterable[str], kit: Optional[Toolkit] = None) -> Iterator[ExtractedDocument | DocumentError]:
    """Extraction alone, for tools and tests that need no warehouse."""
    kit = kit or Toolkit.create()
    for path in discover(paths):
        try:
            data, sha = read_source(path, kit.limits)
            yield extract_document(path, data, sha, kit)
        except DocumentError as exc:
            exc.path = path
            yield exc
