"""The warehouse schema (SQLAlchemy 2): SQLite by default, PostgreSQL for teams.

Every loaded row carries the ingest run (`run_id`) that loaded it, as a load id.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class IngestRun(Base):
    __tablename__ = "ingest_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    command: Mapped[Optional[str]] = mapped_column(Text)
    files_seen: Mapped[int] = mapped_column(Integer, default=0)
    loaded: Mapped[int] = mapped_column(Integer, default=0)
    replaced: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    facts: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[Optional[float]] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | finished | interrupted | failed | abandoned
    host: Mapped[Optional[str]] = mapped_column(String(255))
    pid: Mapped[Optional[int]] = mapped_column(Integer)
    pid_started: Mapped[Optional[str]] = mapped_column(String(32))  # tells a reused pid from the run's process
    os_user: Mapped[Optional[str]] = mapped_column(String(64))


class Replacement(Base):
    """A correction the archivist asked for (--replace): which content gave way to which."""

    __tablename__ = "replacements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    source_path: Mapped[str] = mapped_column(Text)
    old_sha256: Mapped[str] = mapped_column(String(64))
    old_loaded_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    old_facts: Mapped[int] = mapped_column(Integer, default=0)
    new_sha256: Mapped[str] = mapped_column(String(64))
    replaced_at: Mapped[dt.datetime] = mapped_column(DateTime)
    os_user: Mapped[Optional[str]] = mapped_column(String(64))


class NameDecision(Base):
    """An archivist's decision on names, with the state it changed so that it can be undone."""

    __tablename__ = "name_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16))  # accept | reject | add | import | undo
    summary: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime)
    decided_by: Mapped[Optional[str]] = mapped_column(String(64))
    facts_changed: Mapped[int] = mapped_column(Integer, default=0)
    undo_state: Mapped[str] = mapped_column(Text)  # JSON: aliases, facts and entity as they were before
    undone_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    undone_by: Mapped[Optional[str]] = mapped_column(String(64))


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_path: Mapped[str] = mapped_column(Text, index=True)
    file_name: Mapped[str] = mapped_column(Text)
    title: Mapped[Optional[str]] = mapped_column(Text)
    issuer: Mapped[Optional[str]] = mapped_column(Text)
    issued_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    series_no: Mapped[Optional[str]] = mapped_column(String(64))
    doc_no: Mapped[Optional[str]] = mapped_column(String(128))
    period_label: Mapped[Optional[str]] = mapped_column(String(64))
    period_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    period_end: Mapped[Optional[dt.date]] = mapped_column(Date)
    year: Mapped[Optional[int]] = mapped_column(Integer)
    jurisdiction: Mapped[Optional[str]] = mapped_column(String(64), index=True)  # None: the document does not say
    jurisdiction_code: Mapped[Optional[str]] = mapped_column(String(16))
    jurisdiction_confidence: Mapped[Optional[float]] = mapped_column(Float)
    jurisdiction_evidence: Mapped[Optional[str]] = mapped_column(Text)
    genre: Mapped[Optional[str]] = mapped_column(String(16))  # bulletin | communique | report | monthly
    encoding: Mapped[Optional[str]] = mapped_column(String(32))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="loaded")
    n_facts: Mapped[int] = mapped_column(Integer, default=0)
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ingest_runs.id"))
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ExtractedTable(Base):
    __tablename__ = "extracted_tables"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    table_index: Mapped[int] = mapped_column(Integer)
    page: Mapped[Optional[int]] = mapped_column(Integer)
    first_line: Mapped[Optional[int]] = mapped_column(Integer)
    attachment: Mapped[Optional[str]] = mapped_column(String(32))
    caption: Mapped[Optional[str]] = mapped_column(Text)
    unit_line: Mapped[Optional[str]] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(32))
    quality: Mapped[Optional[float]] = mapped_column(Float)
    n_rows: Mapped[int] = mapped_column(Integer)
    n_cols: Mapped[int] = mapped_column(Integer)
    header_paths: Mapped[str] = mapped_column(Text)  # JSON list, one path per column
    run_id: Mapped[Optional[int]] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("document_id", "table_index"),)


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    code: Mapped[Optional[str]] = mapped_column(String(16))  # GB/T 2260 code of an official division
    parent: Mapped[Optional[str]] = mapped_column(String(128))
    parent_code: Mapped[str] = mapped_column(String(16), default="")  # with the name, what keys an entity
    in_gazetteer: Mapped[bool] = mapped_column(Boolean, default=False)  # from the shipped reference data
    source: Mapped[str] = mapped_column(String(16), default="reference")  # reference | rule | new | archivist
    __table_args__ = (UniqueConstraint("name", "parent_code", name="uq_entities_name_parent_code"),)


class EntityAlias(Base):
    __tablename__ = "entity_aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    raw: Mapped[str] = mapped_column(String(256))  # the name normalized (spaces, brackets, NFKC)
    context: Mapped[str] = mapped_column(String(64), default="")  # issuing jurisdiction; "" for everywhere
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    method: Mapped[str] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)  # an archivist's decision
    candidates: Mapped[Optional[str]] = mapped_column(Text)  # JSON [[name, score], ...] for review
    decided_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("raw", "context"),)


class Metric(Base):
    __tablename__ = "metrics"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(256), unique=True)


class FactRow(Base):
    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[Optional[int]] = mapped_column(Integer)
    entity_id: Mapped[Optional[int]] = mapped_column(ForeignKey("entities.id"), index=True)
    entity_raw: Mapped[str] = mapped_column(Text)
    entity_key: Mapped[str] = mapped_column(String(256), default="", index=True)
    entity_context: Mapped[str] = mapped_column(String(64), default="")
    entity_method: Mapped[Optional[str]] = mapped_column(String(32))
    entity_score: Mapped[Optional[float]] = mapped_column(Float)
    metric_id: Mapped[Optional[int]] = mapped_column(ForeignKey("metrics.id"), index=True)
    metric_raw: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text, default="", index=True)  # 省重点项目 / 产业项目 …; "" for a total
    period_label: Mapped[Optional[str]] = mapped_column(String(64))
    period_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    period_end: Mapped[Optional[dt.date]] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[Optional[str]] = mapped_column(String(32))
    value_base: Mapped[Optional[float]] = mapped_column(Float)
    unit_base: Mapped[Optional[str]] = mapped_column(String(32))
    source_kind: Mapped[str] = mapped_column(String(8))
    page: Mapped[Optional[int]] = mapped_column(Integer)
    line: Mapped[Optional[int]] = mapped_column(Integer)
    table_index: Mapped[Optional[int]] = mapped_column(Integer)
    row: Mapped[Optional[int]] = mapped_column(Integer)
    col: Mapped[Optional[int]] = mapped_column(Integer)
    bbox: Mapped[Optional[str]] = mapped_column(String(64))  # OCR: "x0,top,x1,bottom" in PDF points of its page
    raw: Mapped[Optional[str]] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    flags: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    __table_args__ = (Index("ix_facts_period", "period_start", "period_end"),)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    check: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    table_index: Mapped[Optional[int]] = mapped_column(Integer)
    row: Mapped[Optional[int]] = mapped_column(Integer)
    col: Mapped[Optional[int]] = mapped_column(Integer)
    entity: Mapped[Optional[str]] = mapped_column(Text)
    metric: Mapped[Optional[str]] = mapped_column(Text)
    category: Mapped[Optional[str]] = mapped_column(Text)
    period_label: Mapped[Optional[str]] = mapped_column(Text)
    period_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    period_end: Mapped[Optional[dt.date]] = mapped_column(Date)
    figures: Mapped[Optional[str]] = mapped_column(Text)  # JSON list: the figures at odds
    quotes: Mapped[Optional[str]] = mapped_column(Text)  # JSON list: where each is stated
    # a finding across documents (a series that falls, a bulletin revised) names the other one
    other_document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # JSON [[fact id, confidence, flags], …]: the state of other documents' facts this finding changed
    facts_before: Mapped[Optional[str]] = mapped_column(Text)


class NoteRow(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    table_index: Mapped[Optional[int]] = mapped_column(Integer)
    line: Mapped[Optional[int]] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Failure(Base):
    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ingest_runs.id"))
    source_path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[Optional[str]] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class InboxFile(Base):
    """A file the scheduled inbox run has seen: what happened to it and where it went."""

    __tablename__ = "inbox_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inbox: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # loaded | replaced | skipped | failed
    reason: Mapped[Optional[str]] = mapped_column(Text)
    archived_to: Mapped[Optional[str]] = mapped_column(Text)
    run_id: Mapped[Optional[int]] = mapped_column(Integer)
    processed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("inbox", "file_name", "sha256"),)

# The statisticians' view (facts_view) is created by the migrations: schemas/migrations/versions/.
