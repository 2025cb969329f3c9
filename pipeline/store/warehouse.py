"""The warehouse: engine, schema, loading one document per transaction, the inbox's records.

Loading is idempotent by content hash: a document whose sha256 is loaded is skipped. A document
is its content: a new file under an old name is a new document, unless the archivist says it is
a correction (`--replace`), which replaces the earlier one in the same transaction and is recorded.
Runs and failures: pipeline/runs.py; exports: pipeline/exports.py; read-only query: pipeline/query.py.
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

from pipeline.stages.reconcile import Gazetteer
from pipeline.store.runs import os_user
from schemas.models import (Document, Entity, EntityAlias, ExtractedTable, FactRow, Failure, FindingRow, InboxFile,
                            IngestRun, Metric, NoteRow, Replacement)
from schemas.records import ExtractedDocument

DEFAULT_DB = "sqlite:///bulletins.db"

def database_url(url: Optional[str]) -> str:
    return url or os.environ.get("BULLETINS_DB") or DEFAULT_DB


class WarehouseError(Exception):
    """The warehouse cannot be opened or written; the message is one line for the user."""


def sqlite_path(url: str) -> Optional[str]:
    """The file of a SQLite URL (None for in-memory), or None for another database."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    return parsed.database if parsed.database and parsed.database != ":memory:" else None


def sqlite_uri(path: str, mode: str) -> str:
    """A sqlite3 URI for a path: '#', '?' and '%' in names are percent-encoded, not cut off."""
    from urllib.parse import quote

    return f"file:{quote(str(Path(path).resolve()))}?mode={mode}"


def one_line(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's background link."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return (text[0] if text else type(inner).__name__).strip()


def _parse_url(url: str):
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url)
    except ArgumentError:
        raise WarehouseError(f"not a database URL: {url!r} (e.g. sqlite:///bulletins.db or "
                             f"postgresql+psycopg://user@host/db)") from None


def _check_sqlite_file(path: str, writable: bool) -> None:
    p = Path(path)
    if p.is_dir():
        raise WarehouseError(f"{path} is a folder, not a warehouse file")
    if writable:
        if p.exists() and not os.access(p, os.W_OK):
            raise WarehouseError(f"{path} is read-only: a writing command needs write permission")
        if p.parent.exists() and not os.access(p.parent, os.W_OK | os.X_OK):
            raise WarehouseError(f"cannot write in the folder {p.parent} (SQLite keeps its journal beside the file)")


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
    """Engine on the warehouse, schema created or upgraded if needed; WarehouseError in one line."""
    from sqlalchemy.exc import DBAPIError

    url = database_url(url)
    parsed = _parse_url(url)
    try:
        engine = create_engine(parsed, future=True)
    except Exception as exc:  # an unknown dialect, a driver not installed
        raise WarehouseError(f"cannot use {url}: {one_line(exc)}") from None
    if engine.dialect.name == "sqlite":
        path = sqlite_path(url)
        if path:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WarehouseError(f"cannot create the folder of {path}: {exc.strerror}") from None
            _check_sqlite_file(path, writable=True)
        _sqlite_pragmas(engine)
    try:
        ensure_schema(engine)
    except DBAPIError as exc:
        raise WarehouseError(f"cannot open warehouse {url}: {one_line(exc)}") from None
    return engine


def recover_sqlite(path: str) -> bool:
    """Roll back the hot journal a killed writer left, which a read-only connection cannot do.
    Returns True when there was one to roll back."""
    import sqlite3

    journal = Path(path + "-journal")
    if not journal.exists() or journal.stat().st_size == 0:
        return False
    if not os.access(path, os.W_OK) or not os.access(Path(path).parent, os.W_OK | os.X_OK):
        raise WarehouseError(f"{path} holds an unfinished write (hot journal {journal.name}) that only a user "
                             f"with write permission can roll back: run 'bulletins stats' as that user")
    conn = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # taking the read lock rolls it back
    finally:
        conn.close()
    return not journal.exists() or journal.stat().st_size == 0


def open_read_only(url: Optional[str] = None, notices: Optional[list] = None) -> Engine:
    """An engine that cannot change data: SQLite opened with mode=ro, PostgreSQL read-only sessions.
    A hot journal left by a killed writer is rolled back first (and said so in notices)."""
    import sqlite3

    url = database_url(url)
    parsed = _parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if not path or not Path(path).exists():
            raise WarehouseError(f"cannot open warehouse {url}: no such file (ingest creates it)")
        _check_sqlite_file(path, writable=False)
        if recover_sqlite(path) and notices is not None:
            notices.append(f"rolled back an unfinished write in {path} (a writer was killed)")
        uri = sqlite_uri(path, "ro")
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        _sqlite_pragmas(engine, read_only=True)
        return engine
    try:
        engine = create_engine(parsed, future=True,
                               connect_args={"options": "-c default_transaction_read_only=on"})
    except Exception as exc:
        raise WarehouseError(f"cannot use {url}: {one_line(exc)}") from None
    return engine.execution_options(postgresql_readonly=True)


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


def is_loaded(engine: Engine, sha256: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None


# ---------------------------------------------------------------- loading

def same_path_documents(engine: Engine, path: str, sha256: str) -> list[tuple[str, dt.datetime]]:
    """(sha256, loaded_at) of documents loaded from this path with other content."""
    with engine.connect() as conn:
        return list(conn.execute(select(Document.sha256, Document.loaded_at).where(
            Document.source_path == os.path.abspath(path), Document.sha256 != sha256)).all())


def load_document(engine: Engine, doc: ExtractedDocument, run_id: Optional[int], gazetteer: Gazetteer,
                  replace: bool = False) -> str:
    """Load one document in one transaction. Returns 'loaded', 'replaced' or 'skipped'.

    A document is its content: a file at a path loaded before, with other content, is a new
    document beside the earlier one, unless replace says it is a correction of it; then the
    earlier document and its facts give way, in the same transaction, and the replacement is
    recorded (who, when, which content)."""
    src, meta = doc.source, doc.meta
    try:
        with Session(engine) as s, s.begin():
            if s.execute(select(Document.id).where(Document.sha256 == src.sha256)).first():
                return "skipped"
            outcome = "loaded"
            if replace:
                for old in s.scalars(select(Document).where(Document.source_path == src.path)).all():
                    s.add(Replacement(run_id=run_id, source_path=src.path, old_sha256=old.sha256,
                                      old_loaded_at=old.loaded_at, old_facts=old.n_facts, new_sha256=src.sha256,
                                      replaced_at=dt.datetime.now(), os_user=os_user()))
                    _delete_document(s, old.id)
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
    from pipeline.stages.reconcile import Place

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


def record_inbox_file(engine: Engine, inbox: str, name: str, sha256: str, outcome, run_id: int,
                      archived_to: Optional[str]) -> None:
    """name: the file's path inside the inbox (two subfolders may hold files of one name)."""
    with Session(engine) as s, s.begin():
        _insert_ignoring_duplicates(s, InboxFile, [dict(
            inbox=inbox, file_name=name, sha256=sha256, status=outcome.status,
            reason=outcome.reason or None, archived_to=archived_to, run_id=run_id, processed_at=dt.datetime.now())])


# ---------------------------------------------------------------- reading

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
        out["runs_by_status"] = dict(conn.execute(select(IngestRun.status, func.count())
                                                  .group_by(IngestRun.status)).all())
    return out
