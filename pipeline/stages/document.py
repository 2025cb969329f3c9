"""One document end to end, without a database: decode or read the PDF → normalize → metadata →
tables and prose → reconcile → validate, as an ExtractedDocument or a DocumentError.
Loading it and batches of many are pipeline/batch.py's; Prefect wiring is flows/'.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from pipeline.stages.header_readings import read_header_by_evidence
from pipeline.stages.indicator_prose import name_indicators
from pipeline.stages.prose import STATISTICAL_GENRES, ProseExtractor
from extractors.office import OFFICE_SUFFIXES, office_kind, read_office
from extractors.text import HTML_SUFFIXES, TEXT_SUFFIXES, read_text_file
from extractors.text_tables import find_tables, table_from_rows
from pipeline.stages.metadata import extract_metadata
from pipeline.core.normalize import opencc_converter, normalize_chars, normalize_lines, normalize_text, to_simplified
from pipeline.stages.metrics import MetricCatalog
from pipeline.stages.gazetteer import LOCAL_KINDS, PLACE_KINDS, Gazetteer, normalize_name
from pipeline.stages.jurisdiction import CONFIDENT, Jurisdiction, find_jurisdiction, speaks_as_a_zone_of_its_own
from pipeline.stages.reconcile import Reconciler, Resolution, zones_written_in
from pipeline.stages.repeats import without_ambiguous_copies, without_headline_repeats, without_restatements
from pipeline.stages.table_facts import metric_from_path, table_facts
from pipeline.core.vocabulary import CATEGORY_NAME
from extractors.headers import SEP
from extractors.sources import Limits, discover, read_source
from pipeline.stages.validate import validate
from schemas.records import DocumentError, ExtractedDocument, Fact, Finding, Note, SourceText

if TYPE_CHECKING:
    from extractors.pdf import PdfText

SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | OFFICE_SUFFIXES | {".pdf"}


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
        prose = ProseExtractor(gazetteer)
        return cls(gazetteer, prose, Reconciler(gazetteer, confirmed or {}), MetricCatalog.load(prose.tokenizer.lcut),
                   use_camelot, limits or Limits.from_env())


def extract_document(path: str, data: bytes, sha: str, kit: Toolkit) -> ExtractedDocument:
    """Everything a document yields, or DocumentError. Pure: touches no database."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError("unsupported", f"unknown file type {suffix or '(no extension)'!r}")
    if suffix == ".pdf":
        return _extract_pdf(path, data, sha, kit)
    if suffix in OFFICE_SUFFIXES:
        if not data.strip():
            raise DocumentError("empty", "file is empty")
        kind = office_kind(suffix, data)
        if kind != "html":  # a page saved as .doc / .xls is read as the page it is
            laid, reader = read_office(path, data, kind)
            return document_from_pdf(path, sha, laid, kit, reader)
    if len(data) > 4 * kit.limits.max_text_chars:  # no encoding spends more than 4 bytes a character
        raise DocumentError("too_large", f"{len(data):,} bytes of text cannot hold under "
                                         f"{kit.limits.max_text_chars:,} characters (--max-text-chars)")
    text, encoding = read_text_file(path, data)
    if len(text) > kit.limits.max_text_chars:
        raise DocumentError("too_large", f"{len(text):,} characters of text, over the limit of "
                                         f"{kit.limits.max_text_chars:,} (--max-text-chars)")
    lines, converted = to_simplified(normalize_text(text), lambda: kit.gazetteer.names_t2s_changes)
    if not lines:
        raise DocumentError("empty", "no text after removing blank lines and boilerplate")
    source = SourceText(path=os.path.abspath(path), sha256=sha, encoding=encoding + ("+t2s" if converted else ""),
                        lines=lines)
    doc = extract_from_lines(source, kit)
    if converted:
        _places_as_written(doc.facts, normalize_chars(text))
    return doc


def _extract_pdf(path: str, data: bytes, sha: str, kit: Toolkit) -> ExtractedDocument:
    """The PDF reader gives the text layer as lines, in reading order with each table's rows
    shown where the table stands (metadata and provenance read the document as text does), and
    its tables typed, each with the extractor that read it and its pages: those go to the table
    stage as they are, never parsed back out of the lines."""
    from extractors.pdf import read_pdf

    if not data.strip():
        raise DocumentError("empty", "file is empty")
    pdf = read_pdf(path, data, use_camelot=kit.use_camelot, max_pages=kit.limits.max_pages,
                   max_inflated=kit.limits.max_inflated)
    return document_from_pdf(path, sha, pdf, kit)


def document_from_pdf(path: str, sha: str, pdf: "PdfText", kit: Toolkit, reader: str = "pdf") -> ExtractedDocument:
    """A PDF's document once its pages are read (in this process, or in ranges by several); also
    a Word or Excel file's, which its reader lays out the same way (reader: docx, xlsx, xls)."""
    lines, origins = normalize_lines(pdf.lines)
    written = "\n".join(lines)
    lines, converted = to_simplified(lines, lambda: kit.gazetteer.names_t2s_changes)
    if not lines:
        raise DocumentError("empty", f"{'PDF' if reader == 'pdf' else 'the ' + reader + ' file'} has no text")
    source = SourceText(path=os.path.abspath(path), sha256=sha,
                        encoding=reader + ("+ocr" if pdf.ocr_pages else "") + ("+t2s" if converted else ""),
                        lines=lines, pages=pdf.pages,
                        page_of_line=[pdf.line_pages[o] for o in origins])
    line_of_raw = {raw: k for k, raw in enumerate(origins)}
    typed = []
    for first_raw, found in sorted(pdf.tables.items()):
        rows = [(line_of_raw[first_raw + r], [normalize_chars(c).strip() for c in cells])
                for r, cells in enumerate(found.cell_rows()) if first_raw + r in line_of_raw]  # empty rows vanish
        typed.append((found, rows))
    doc = extract_from_lines(source, kit, typed)
    if converted:
        _places_as_written(doc.facts, written)
    if pdf.ocr_pages:
        from extractors.ocr import DOUBTFUL, attach_provenance

        doubted = attach_provenance(doc.facts, pdf, lambda line: origins[line - 1] if 0 < line <= len(origins) else None)
        _mend_misread_names(doc.facts, kit, doc.meta.jurisdiction)
        pages = ", ".join(map(str, pdf.ocr_pages))
        doc.findings.append(Finding("ocr", "warning" if doubted else "info",
                                    f"page{'s' if len(pdf.ocr_pages) > 1 else ''} {pages} read by OCR (no text layer)"
                                    + (f"; {doubted} figures read with confidence under {DOUBTFUL:.2f} are flagged "
                                       "ocr_doubtful for review" if doubted else "")))
    if pdf.hidden_chars:
        where = ", ".join(f"page {p}: {n}" for p, n in sorted(pdf.hidden_chars.items()))
        doc.findings.append(Finding("pdf_hidden_text", "warning", f"characters a reader cannot see (outside the page, "
                                    f"white, painted over, clipped away or too small) were left out ({where})"))
    return doc


KIND_SUFFIXES = set("省市州盟县区旗镇乡村街道")  # a differing kind word is another place, never a misread


def _mend_misread_names(facts: list[Fact], kit: Toolkit, jurisdiction: Optional[str]) -> None:
    """A name read by OCR that is no known name but one character away from exactly one known
    name of the document's own area (绿口区 in a 株洲 bulletin: 渌口区, a radical the recognizer
    lost) is that name: `entity_raw` keeps what was read, the fact is flagged `entity_ocr_mended`
    and stays in review. Two such names, or a match outside the area, leave it unknown."""
    for f in facts:
        if f.extractor != "ocr" or f.entity_method not in ("new", "review") or not f.entity_candidates:
            continue
        if not {"ocr_doubtful_entity", "ocr_doubtful"} & set(f.flags):
            continue  # a name the recognizer was sure of is what it says (渌口镇 is a town, not 渌口区)
        read = normalize_name(f.entity_raw or f.entity or "")
        near = {name for name, _ in f.entity_candidates
                if len(name) == len(read) and [a != b for a, b in zip(name, read)].count(True) == 1
                and all(a == b or (a not in KIND_SUFFIXES and b not in KIND_SUFFIXES) for a, b in zip(name, read))}
        if len(near) != 1:
            continue
        r = kit.reconciler.resolve(near.pop(), jurisdiction)
        if r.pending or not r.entity:
            continue
        f.entity, f.entity_kind, f.entity_method, f.entity_score = r.entity, r.kind, "ocr_mended", min(r.score, 0.8)
        f.entity_code, f.entity_parent_code, f.entity_parent = r.code, r.parent_code, r.parent
        f.flags = [x for x in f.flags if x not in ("entity_new", "entity_review")] + ["entity_ocr_mended"]
        f.entity_candidates = []
        f.confidence = round(min(f.confidence, 0.8), 3)


def _places_as_written(facts: list[Fact], written: str) -> None:
    """A capture in traditional script is read in simplified (開工率 is 开工率), but a place keeps the
    name the document writes (鄧州市, not 邓州市) with the same official code, so that every place a
    fact names is one its document shows; queries across scripts go by `entity_code`."""
    to_traditional = opencc_converter("s2t")
    for f in facts:
        if f.entity and f.entity_kind in PLACE_KINDS | LOCAL_KINDS and f.entity not in written:
            as_written = to_traditional.convert(f.entity)
            if as_written in written:
                f.entity = as_written
                f.flags.append("entity_as_written")


def extract_from_lines(source: SourceText, kit: Toolkit, typed_tables: list = ()) -> ExtractedDocument:
    """typed_tables: (PdfTable, [(line index, cells)]) of a reader that typed its tables itself."""
    lines = source.lines
    meta = extract_metadata(lines)
    jurisdiction = find_jurisdiction(meta, lines, kit.gazetteer, kit.prose.tokenizer.lcut)
    meta.jurisdiction, meta.jurisdiction_confidence = jurisdiction.name, jurisdiction.confidence
    meta.jurisdiction_code = jurisdiction.place.code or None if jurisdiction.place else None
    meta.jurisdiction_evidence = "; ".join(jurisdiction.evidence)
    reserved = frozenset(idx for _, rows in typed_tables for idx, _ in rows)
    tables, consumed, notes = find_tables(lines, reserved=reserved)
    flagged = []
    for found, rows in typed_tables:
        table, used, under = table_from_rows(rows, lines, -1, found.method)
        consumed |= used | {idx for idx, _ in rows}
        if table is None:
            continue
        table.quality = found.quality
        table.page = source.page(table.first_line)
        table.row_pages = [source.page(n) for n in table.row_lines]
        if found.row_indents:
            indent_at = {idx: x for (idx, _), x in zip(rows, found.row_indents)}
            table.row_indents = [indent_at.get(n - 1) for n in table.row_lines]
        if found.flags:  # continued over pages, camelot preferred, extractors disagreeing on cells
            flagged.append((table, found.flags))
        tables.append(table)
        notes.extend(under)
    _number_in_reading_order(tables, notes)
    reader = source.encoding.split("+")[0] if typed_tables else "pdf"
    findings = [Finding(f"{reader}_table", "info", f"table {t.index}: {', '.join(flags)}", t.index)
                for t, flags in flagged]
    findings.extend(Finding("header_reading", "warning", f"table {t.index}: its {len(t.header_rows)} header rows cannot be "
                            f"aligned with its {len(t.header_paths)} columns (merged cells lost or packed by the capture); "
                            f"its figures are kept with their measures unknown, for review",
                            t.index) for t in tables if any("header_unaligned" in f for f in t.header_flags))
    related = next((i for i, ln in enumerate(lines) if RELATED_NEWS.match(ln)), len(lines))
    # "新闻推荐" / "相关新闻:": what follows is other articles' teasers, not this bulletin's figures
    prose_lines = [(i + 1, ln) for i, ln in enumerate(lines) if i not in consumed and "\t" not in ln and i < related]
    prose = without_headline_repeats(kit.prose.extract(prose_lines, meta, jurisdiction, page_of=source.page), lines)
    if meta.genre in STATISTICAL_GENRES:
        # a communiqué's sentences name its indicators, as its tables do
        name_indicators(prose, kit.metrics, lines, jurisdiction.place,
                        lambda words: next((m.surface for m in kit.gazetteer.find_in(words, jurisdiction.place)
                                            if m.start == 0), ""))
    zones = zones_written_in(lines)
    reconcile(prose, kit, jurisdiction, zones)
    # a flattened header is read as its figures and the document's sentences bear out
    whole = [f for f in prose if f.entity and f.entity == jurisdiction.name]
    measure_of = lambda path, unit: kit.metrics.measure_and_category(path, unit)[:2]  # noqa: E731
    findings.extend(filter(None, (read_header_by_evidence(t, whole, measure_of, lines) for t in tables)))
    facts: list[Fact] = []
    for t in tables:
        facts.extend(table_facts(t, meta, page=source.page(t.first_line) if t.page is None else t.page))
    reconcile(facts, kit, jurisdiction, zones)
    facts.extend(prose)
    if not facts:
        raise DocumentError("no_figures", "no figures found (no table cells or sentences with a number and unit)")
    facts = without_ambiguous_copies(without_restatements(facts))
    if jurisdiction.place is None:
        findings.append(Finding("jurisdiction", "warning", "the document's area is unknown: "
                                + "; ".join(jurisdiction.evidence) + "; figures of the whole area await review"))
    elif jurisdiction.confidence < CONFIDENT:
        findings.append(Finding("jurisdiction", "warning", f"the document's area is uncertain ({jurisdiction.name}, "
                                f"{jurisdiction.confidence:.2f}): " + "; ".join(jurisdiction.evidence)))
    return ExtractedDocument(source=source, meta=meta, tables=tables, facts=facts, notes=notes,
                             findings=findings + validate(facts, statistical=meta.genre in STATISTICAL_GENRES))


RELATED_NEWS = re.compile(r"^\s*(相关新闻|新闻推荐|相关阅读|推荐阅读|延伸阅读|热门推荐|热门资讯|猜你喜欢|相关文章)\s*[:：]?\s*$")


def _number_in_reading_order(tables: list, notes: list[Note]) -> None:
    """Tables found in the text and tables a reader typed, numbered 0, 1, … as they stand; each
    note belongs to the table right above it."""
    tables.sort(key=lambda t: t.first_line)
    for k, t in enumerate(tables):
        t.index = k
    for n in notes:
        above = [t for t in tables if t.first_line < n.line]
        n.table_index = above[-1].index if above else None


LEVEL_ABOVE_A_ZONE = re.compile(r"[省市](级|重点|重大)|全[省市]")


def reconcile(facts: list[Fact], kit: Toolkit, jurisdiction: Jurisdiction, zones: Optional[dict] = None) -> None:
    """Canonical entity and metric of every fact; names left for review are flagged. zones: bare zone
    words the document writes in full elsewhere (示范区 → 城乡一体化示范区), read as that name."""
    # a zone's own news (a place of the document's, in no list) that tells a list of the level above
    # ("今年省级重点项目600个", "市重点项目300个"): whose figure that is the text does not say, unless the
    # sentence names the zone ("在X经济区项目中,纳入省重点项目38项": the zone's)
    own_zone = re.sub(r"[(（].*$", "", jurisdiction.place.name)[-4:] if speaks_as_a_zone_of_its_own(jurisdiction) else ""
    for f in facts:
        name = f.entity_raw
        if f.source_kind == "table" and CATEGORY_NAME.match(normalize_name(name)):
            # a row of a kind of project (新建项目, 省重点项目): the issuer's own figures, that category
            name = ""
        bare = re.sub(r"^[市县区州]", "", normalize_name(name or ""))
        if zones and bare in zones:
            name = zones[bare]
            f.flags.append("entity_named_in_document")
        above_the_zone = bool(own_zone) and not name and own_zone not in f.quote \
            and LEVEL_ABOVE_A_ZONE.search(f.metric_raw + f.quote) is not None
        r = kit.reconciler.resolve(name, jurisdiction, table_row=f.source_kind == "table", quote=f.quote) \
            if "row_unnamed" not in f.flags and "subject_ambiguous" not in f.flags and not above_the_zone \
            else Resolution("", "unknown", "unknown", 0.0)  # a row of a table none of whose rows is named, or a
        # sentence that may be its section's or the whole's (subject_ambiguous)
        f.entity, f.entity_kind, f.entity_method, f.entity_score = r.entity or None, r.kind, r.method, r.score
        f.entity_key, f.entity_context, f.entity_parent = normalize_name(name), jurisdiction.name or "", r.parent
        f.entity_code, f.entity_parent_code = r.code, r.parent_code
        if r.pending:
            f.flags.append(f"entity_{r.method}")
            f.entity_candidates = [list(c) for c in r.candidates]
        metric_raw = metric_from_path(f.metric_raw) if f.source_kind == "table" else f.metric_raw
        if "header_unaligned" in f.flags:
            # which header label is over the cell is not known: no guess (an indicator table's neither)
            f.metric = None
            f.flags.append("metric_unknown")
            continue
        if f.metric:  # decided by the table stage (an indicator table's row and column)
            continue
        if metric_raw:
            f.metric, category, how = kit.metrics.measure_and_category(metric_raw, f.unit, prose=f.source_kind == "text")
            f.category = f.category or category  # a category prose carried (a part in brackets, 其中…) wins
            if not name and f.entity_raw and f.source_kind == "table":
                f.category = SEP.join(p for p in (normalize_name(f.entity_raw), f.category) if p)
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
