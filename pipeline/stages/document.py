"""One document end to end, without a database: decode or read the PDF → normalize → metadata →
tables and prose → reconcile → validate, as an ExtractedDocument or a DocumentError.
Loading it and batches of many are pipeline/batch.py's; Prefect wiring is flows/'.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pipeline.stages.prose import ProseExtractor
from extractors.text import HTML_SUFFIXES, TEXT_SUFFIXES, read_text_file
from extractors.text_tables import find_tables
from pipeline.stages.metadata import extract_metadata
from pipeline.core.normalize import normalize_lines, normalize_text
from pipeline.stages.metrics import MetricCatalog
from pipeline.stages.reconcile import Gazetteer, Reconciler, normalize_name
from pipeline.stages.table_facts import metric_from_path, table_facts
from extractors.sources import Limits, discover, read_source
from pipeline.stages.validate import validate
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
    def create(cls, use_camelot: bool = True, limits: Optional[Limits] = None, extra_places: tuple = (),
               confirmed: Optional[dict] = None) -> "Toolkit":
        """extra_places and confirmed: the archivists' added entities and name decisions
        (pipeline.store.loading.archivist_knowledge reads them from a warehouse)."""
        gazetteer = Gazetteer.load(list(extra_places))
        return cls(gazetteer, ProseExtractor(gazetteer), Reconciler(gazetteer, confirmed or {}), MetricCatalog.load(),
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
