"""The warehouse: engine, schema, loading one document per transaction, runs, failures, export.

Loading is idempotent by content hash: a document whose sha256 is loaded is skipped; a file at
a path already loaded with other content replaces the earlier document and its facts, in the
same transaction as the new load.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Optional

from importlib import resources

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.reconcile import Gazetteer
from schemas.models import (Document, Entity, EntityAlias, ExtractedTable, FactRow, Failure, FindingRow, InboxFile,
                            IngestRun, Metric, NoteRow)
from schemas.records import ExtractedDocument

DEFAULT_DB = "sqlite:///bulletins.db"
EXPORT_COLUMNS = ["document", "sha256", "title", "issuer", "issued_on", "period_label", "period_start", "period_end",
                  "entity", "entity_raw", "entity_kind", "metric", "metric_raw", "value", "unit", "value_base",
                  "unit_base", "source_kind", "page", "table_index", "row", "col", "quote", "extractor", "confidence",
                  "flags", "line", "entity_method", "entity_score", "load_id", "document_path", "fact_id"]


def database_url(url: Optional[str]) -> str:
    return url or os.environ.get("BULLETINS_DB") or DEFAULT_DB


def _sqlite_pragmas(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised through every SQLite test
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
        cur.close()


def open_warehouse(url: Optional[str] = None) -> Engine:
    """Engine on the warehouse, schema created if missing."""
    url = database_url(url)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        _sqlite_pragmas(engine)
        if engine.url.database and engine.url.database != ":memory:":
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    ensure_schema(engine)
    return engine


def open_read_only(url: Optional[str] = None) -> Engine:
    """An engine that cannot change data: SQLite opened with mode=ro, PostgreSQL read-only transactions."""
    url = database_url(url)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if not path or path == ":memory:" or not Path(path).exists():
            raise FileNotFoundError(f"no warehouse at {url}")
        uri = f"file:{Path(path).resolve()}?mode=ro"
        engine = create_engine("sqlite://", creator=lambda: __import__("sqlite3").connect(uri, uri=True))
        _sqlite_pragmas(engine, read_only=True)
    else:
        engine = engine.execution_options(postgresql_readonly=True)

        @event.listens_for(engine, "begin")
        def _read_only(conn):  # pragma: no cover - PostgreSQL only
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
    return engine


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("schemas") / "migrations"))
    return cfg


def schema_revision(engine: Engine) -> Optional[str]:
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the warehouse in place with the Alembic migrations (never create_all)."""
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(724611)")  # one migrator at a time
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def ensure_schema(engine: Engine) -> None:
    if schema_revision(engine) == head_revision():
        return
    try:
        upgrade(engine)
    except Exception:
        # another loader may have created the schema at the same moment
        if schema_revision(engine) != head_revision():
            raise


# ---------------------------------------------------------------- runs and failures

def start_run(engine: Engine, command: str) -> int:
    with Session(engine) as s, s.begin():
        run = IngestRun(started_at=dt.datetime.now(), command=command)
        s.add(run)
        s.flush()
        return run.id


def finish_run(engine: Engine, run_id: int, counts: dict, seconds: float) -> None:
    with Session(engine) as s, s.begin():
        run = s.get(IngestRun, run_id)
        run.finished_at = dt.datetime.now()
        run.seconds = round(seconds, 3)
        for key in ("files_seen", "loaded", "replaced", "skipped", "failed", "facts"):
            setattr(run, key, counts.get(key, 0))


def record_failure(engine: Engine, run_id: Optional[int], path: str, kind: str, reason: str,
                   sha256: Optional[str] = None) -> None:
    with Session(engine) as s, s.begin():
        s.add(Failure(run_id=run_id, source_path=path, sha256=sha256, kind=kind, reason=reason, at=dt.datetime.now()))


def is_loaded(engine: Engine, sha256: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None


# ---------------------------------------------------------------- loading

def load_document(engine: Engine, doc: ExtractedDocument, run_id: Optional[int], gazetteer: Gazetteer) -> str:
    """Load one document in one transaction. Returns 'loaded', 'replaced' or 'skipped'."""
    src, meta = doc.source, doc.meta
    try:
        with Session(engine) as s, s.begin():
            if s.execute(select(Document.id).where(Document.sha256 == src.sha256)).first():
                return "skipped"
            outcome = "loaded"
            for (old_id,) in s.execute(select(Document.id).where(Document.source_path == src.path)).all():
                _delete_document(s, old_id)
                outcome = "replaced"
            period = meta.period
            d = Document(sha256=src.sha256, source_path=src.path, file_name=os.path.basename(src.path),
                         title=meta.title, issuer=meta.issuer, issued_on=meta.issued_on, series_no=meta.series_no,
                         doc_no=meta.doc_no, period_label=period.label if period else None,
                         period_start=period.start if period else None, period_end=period.end if period else None,
                         year=meta.year, jurisdiction=meta.jurisdiction, encoding=src.encoding, pages=src.pages,
                         status="loaded", n_facts=len(doc.facts), run_id=run_id, loaded_at=dt.datetime.now())
            s.add(d)
            s.flush()
            for t in doc.tables:
                s.add(ExtractedTable(document_id=d.id, table_index=t.index, page=t.page, first_line=t.first_line,
                                     attachment=t.attachment, caption=t.caption, unit_line=t.unit_line, method=t.method,
                                     quality=t.quality, n_rows=len(t.rows), n_cols=t.n_cols,
                                     header_paths=json.dumps(t.header_paths, ensure_ascii=False), run_id=run_id))
            entity_ids = _ensure_entities(s, doc, gazetteer)
            _record_aliases(s, doc, entity_ids)
            metric_ids = _ensure_metrics(s, {f.metric for f in doc.facts if f.metric})
            rows = [dict(document_id=d.id, run_id=run_id, entity_id=entity_ids.get(f.entity),
                         entity_raw=f.entity_raw, entity_key=f.entity_key, entity_context=f.entity_context,
                         entity_method=f.entity_method, entity_score=f.entity_score,
                         metric_id=metric_ids.get(f.metric), metric_raw=f.metric_raw,
                         period_label=f.period.label if f.period else None,
                         period_start=f.period.start if f.period else None,
                         period_end=f.period.end if f.period else None,
                         value=f.value, unit=f.unit, value_base=f.value_base, unit_base=f.unit_base,
                         source_kind=f.source_kind, page=f.page, line=f.line, table_index=f.table_index,
                         row=f.row, col=f.col, raw=f.raw, quote=f.quote, extractor=f.extractor,
                         confidence=f.confidence, flags=",".join(f.flags)) for f in doc.facts]
            if rows:
                s.execute(insert(FactRow), rows)
            if doc.findings:
                s.execute(insert(FindingRow), [dict(document_id=d.id, check=x.check, severity=x.severity,
                                                    message=x.message, table_index=x.table_index, row=x.row,
                                                    col=x.col) for x in doc.findings])
            if doc.notes:
                s.execute(insert(NoteRow), [dict(document_id=d.id, table_index=n.table_index, line=n.line,
                                                 text=n.text) for n in doc.notes])
            return outcome
    except IntegrityError:
        # another loader committed the same content first: nothing of ours was written
        if is_loaded(engine, src.sha256):
            return "skipped"
        raise


def _delete_document(s: Session, document_id: int) -> None:
    for model in (FactRow, FindingRow, NoteRow, ExtractedTable):
        s.execute(delete(model).where(model.document_id == document_id))
    s.execute(delete(Document).where(Document.id == document_id))


def _ensure_entities(s: Session, doc: ExtractedDocument, gazetteer: Gazetteer) -> dict[str, int]:
    wanted = {}
    for f in doc.facts:
        if f.entity and f.entity not in wanted:
            wanted[f.entity] = (f.entity_kind or "other", f.entity_parent, f.entity_method)
    return _ensure_named(s, Entity, wanted, lambda name, info: _entity_fields(name, info, gazetteer))


def _entity_fields(name: str, info: tuple, gazetteer: Gazetteer) -> dict:
    kind, parent, method = info
    place = gazetteer.places.get(name)
    if place:
        return dict(name=name, kind=place.kind, code=place.code or None, parent=place.parent or None,
                    in_gazetteer=True, source="reference")
    derived = method in ("department", "compound", "aggregate")  # built from reference data by a rule
    return dict(name=name, kind=kind, code=None, parent=parent, in_gazetteer=derived,
                source="rule" if derived else "new")


def _record_aliases(s: Session, doc: ExtractedDocument, entity_ids: dict[str, int]) -> None:
    """Each (name, jurisdiction) seen, with how it was resolved: the review queue's rows."""
    seen = {}
    for f in doc.facts:
        if f.entity_key and f.entity and (f.entity_key, f.entity_context) not in seen:
            seen[(f.entity_key, f.entity_context)] = f
    if not seen:
        return
    existing = set(s.execute(select(EntityAlias.raw, EntityAlias.context).where(
        EntityAlias.raw.in_([k for k, _ in seen]))).all())
    rows = [dict(raw=k, context=c, entity_id=entity_ids[f.entity], method=f.entity_method or "none",
                 score=f.entity_score or 0.0, confirmed=False,
                 candidates=json.dumps(f.entity_candidates, ensure_ascii=False))
            for (k, c), f in seen.items() if (k, c) not in existing and f.entity in entity_ids]
    if rows:
        _insert_ignoring_duplicates(s, EntityAlias, sorted(rows, key=lambda r: (r["raw"], r["context"])))


def archivist_knowledge(engine: Engine) -> tuple[list, dict]:
    """Entities an archivist added and the decisions they confirmed, for the next ingest."""
    from pipeline.reconcile import Place

    with engine.connect() as conn:
        added = [Place(name, kind, parent or "", code or "") for name, kind, parent, code in conn.execute(
            select(Entity.name, Entity.kind, Entity.parent, Entity.code).where(Entity.source == "archivist"))]
        confirmed = {(raw, context): (name, kind) for raw, context, name, kind in conn.execute(
            select(EntityAlias.raw, EntityAlias.context, Entity.name, Entity.kind)
            .join(Entity, Entity.id == EntityAlias.entity_id).where(EntityAlias.confirmed.is_(True)))}
    return added, confirmed


def _ensure_metrics(s: Session, names: set[str]) -> dict[str, int]:
    return _ensure_named(s, Metric, {n: None for n in names}, lambda name, _: dict(name=name))


def _insert_ignoring_duplicates(s: Session, model, rows: list[dict]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: two loaders adding the same entity never collide."""
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # pragma: no cover - other databases: a plain insert
        s.execute(insert(model), rows)
        return
    s.execute(dialect_insert(model).on_conflict_do_nothing(), rows)


def _ensure_named(s: Session, model, wanted: dict, fields) -> dict[str, int]:
    if not wanted:
        return {}
    ids = dict(s.execute(select(model.name, model.id).where(model.name.in_(list(wanted)))).all())
    missing = sorted(n for n in wanted if n not in ids)  # one lock order for every loader: no deadlocks
    if missing:
        _insert_ignoring_duplicates(s, model, [fields(n, wanted[n]) for n in missing])
        ids.update(s.execute(select(model.name, model.id).where(model.name.in_(missing))).all())
    return ids


def inbox_seen(engine: Engine, inbox: str) -> set[tuple[str, str]]:
    """(file name, sha256) of the files an inbox run already processed."""
    with engine.connect() as conn:
        return set(conn.execute(select(InboxFile.file_name, InboxFile.sha256).where(InboxFile.inbox == inbox)).all())


def record_inbox_file(engine: Engine, inbox: str, outcome, run_id: int, archived_to: Optional[str]) -> None:
    from pipeline.ingest import read_source

    path = archived_to or outcome.path
    try:
        _, sha = read_source(path)
    except Exception:
        sha = ""
    with Session(engine) as s, s.begin():
        _insert_ignoring_duplicates(s, InboxFile, [dict(
            inbox=inbox, file_name=os.path.basename(outcome.path), sha256=sha, status=outcome.status,
            reason=outcome.reason or None, archived_to=archived_to, run_id=run_id, processed_at=dt.datetime.now())])


# ---------------------------------------------------------------- reading

def export_facts(engine: Engine, fmt: str, out) -> int:
    """Write every fact in the contract's form; returns the number written."""
    import pandas as pd

    with engine.connect() as conn:
        df = pd.read_sql_query(text("SELECT * FROM facts_view ORDER BY document, fact_id"), conn)
    df = df[[c for c in EXPORT_COLUMNS if c in df.columns]]
    for col in ("issued_on", "period_start", "period_end"):
        df[col] = df[col].map(_iso)
    df["flags"] = df["flags"].map(lambda s: [x for x in (s or "").split(",") if x])
    if fmt == "jsonl":
        records = df.to_dict(orient="records")
        with _open_out(out) as fh:
            for rec in records:
                fh.write(json.dumps({k: _plain(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        df["flags"] = df["flags"].map(";".join)
        df.to_csv(out, index=False, encoding="utf-8-sig" if isinstance(out, (str, Path)) else None)
    elif fmt == "parquet":
        df.to_parquet(out, index=False)
    elif fmt == "xlsx":
        df["flags"] = df["flags"].map(";".join)
        df.to_excel(out, index=False, sheet_name="facts")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(df)


def _open_out(out):
    import contextlib
    import sys

    if out in (None, "-"):
        return contextlib.nullcontext(sys.stdout)
    return open(out, "w", encoding="utf-8")


def _iso(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def _plain(v):
    """JSON-safe scalars: NaN → None, numpy numbers → Python numbers."""
    if isinstance(v, list):
        return v
    if v is None:
        return None
    try:
        if v != v:  # NaN
            return None
    except Exception:
        pass
    if hasattr(v, "item"):
        return v.item()
    return v


def run_query(engine: Engine, sql: str) -> tuple[list[str], list[tuple]]:
    with engine.connect() as conn:
        result = conn.execute(text(sql))
        if not result.returns_rows:
            return [], []
        return list(result.keys()), [tuple(r) for r in result.fetchall()]


def stats(engine: Engine) -> dict:
    with engine.connect() as conn:
        one = lambda q: conn.execute(q).scalar() or 0  # noqa: E731
        out = {
            "documents": one(select(func.count()).select_from(Document)),
            "tables": one(select(func.count()).select_from(ExtractedTable)),
            "facts": one(select(func.count()).select_from(FactRow)),
            "facts_from_tables": one(select(func.count()).select_from(FactRow).where(FactRow.source_kind == "table")),
            "facts_from_text": one(select(func.count()).select_from(FactRow).where(FactRow.source_kind == "text")),
            "facts_without_unit": one(select(func.count()).select_from(FactRow).where(FactRow.unit.is_(None))),
            "failures": one(select(func.count()).select_from(Failure)),
            "findings": one(select(func.count()).select_from(FindingRow)),
            "entities": one(select(func.count()).select_from(Entity)),
            "names_pending": one(select(func.count()).select_from(EntityAlias).where(
                EntityAlias.confirmed.is_(False), EntityAlias.method.in_(("review", "new")))),
            "runs": one(select(func.count()).select_from(IngestRun)),
        }
        out["failures_by_kind"] = dict(conn.execute(select(Failure.kind, func.count()).group_by(Failure.kind)).all())
    return out
