"""Typed records that flow through the pipeline: extract → normalize → reconcile → validate → load.

Plain dataclasses: cheap to build by the thousand, easy to assert on in tests.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Period:
    """A reporting period: the label as written plus the dates it covers."""

    label: str
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None


@dataclass
class DocumentMeta:
    title: Optional[str] = None
    issuer: Optional[str] = None
    site_owner: Optional[str] = None  # whose web site carries the page (its exit notice, its footer's 主办单位)
    issued_on: Optional[dt.date] = None
    series_no: Optional[str] = None  # 2017 年第 1 期
    doc_no: Optional[str] = None  # 株发改发〔2016〕193号
    period: Optional[Period] = None
    year: Optional[int] = None
    jurisdiction: Optional[str] = None  # canonical place the issuer speaks for (石峰区, 株洲市); None: unknown
    jurisdiction_code: Optional[str] = None  # its GB/T 2260 code
    jurisdiction_confidence: float = 0.0
    jurisdiction_evidence: str = ""  # why: "issuer '…' names 株洲市; named 4× in the text"
    genre: str = "bulletin"  # bulletin | communique (统计公报) | report (国民经济和社会发展…报告) | monthly (月报)


@dataclass
class SourceText:
    """A decoded, normalized document: the lines every extractor reads."""

    path: str
    sha256: str
    encoding: str
    lines: list[str]  # normalized lines; provenance line numbers are 1-based indexes into this
    pages: int = 1
    page_of_line: Optional[list[int]] = None  # for PDFs: page number of each line

    def page(self, line_no: int) -> int:
        if self.page_of_line and 0 < line_no <= len(self.page_of_line):
            return self.page_of_line[line_no - 1]
        return 1


@dataclass
class Figure:
    """A number as written with its unit, before it becomes a fact."""

    raw: str  # the text of the number and unit as written ("213644 万元")
    value: float
    unit: Optional[str]
    flags: list[str] = field(default_factory=list)


@dataclass
class Fact:
    value: float
    unit: Optional[str]
    value_base: Optional[float]
    unit_base: Optional[str]
    entity_raw: str
    metric_raw: str
    period: Optional[Period]
    source_kind: str  # "table" | "text"
    quote: str
    extractor: str
    raw: str = ""  # the number as written
    entity: Optional[str] = None  # canonical, set by reconcile
    entity_kind: Optional[str] = None
    entity_score: Optional[float] = None
    entity_method: Optional[str] = None
    entity_key: str = ""  # the raw name normalized: what an archivist's decision is keyed on
    entity_context: str = ""  # the issuing jurisdiction the name was read in
    entity_parent: Optional[str] = None
    entity_code: Optional[str] = None  # GB/T 2260 code of a place
    entity_parent_code: str = ""  # code of the place above: with the name, the entity's key
    entity_candidates: list = field(default_factory=list)  # [name, score] pairs when left for review
    metric: Optional[str] = None  # canonical, set by reconcile
    category: str = ""  # the part of a total the figure is (省重点项目, 产业项目 / 其中); "" for a total
    page: Optional[int] = None
    line: Optional[int] = None
    table_index: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None
    confidence: float = 1.0
    flags: list[str] = field(default_factory=list)
    bbox: Optional[tuple] = None  # OCR: (x0, top, x1, bottom) in PDF points of `page`, where it was read


@dataclass
class Finding:
    """A validation result: reported as data, never raised."""

    check: str  # e.g. "row_total", "rate", "unit"
    severity: str  # "info" | "warning" | "error"
    message: str
    table_index: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None
    # what the finding is about, as data: the figure's entity, measure, category and period, the
    # figures at odds and the quotes that state them (the document's first, then the other's)
    entity: str = ""
    metric: str = ""
    category: str = ""
    period: Optional[Period] = None
    figures: list = field(default_factory=list)
    quotes: list = field(default_factory=list)


@dataclass
class Note:
    """A note under a table (注：/ 备注：): kept with the document, not turned into facts."""

    text: str
    line: int
    table_index: Optional[int] = None


@dataclass
class ExtractedDocument:
    """Everything one document yields; loaded in one transaction or not at all."""

    source: SourceText
    meta: DocumentMeta
    tables: list  # list[extractors.tables.Table]
    facts: list[Fact]
    notes: list[Note]
    findings: list[Finding]


class DocumentError(Exception):
    """A document that cannot be ingested; `kind` names the failure class stored in the warehouse."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason

    def __reduce__(self):  # sent back from a worker process whole, kind and reason
        return DocumentError, (self.kind, self.reason)
