"""Loading one document in one transaction, idempotent by content hash.

A document is its content: a new file under an old name is a new document, unless the archivist
says it is a correction (`replace`), which replaces the earlier one in the same transaction and
is recorded. Entities, aliases and metrics are added with INSERT … ON CONFLICT DO NOTHING in one
order, so that concurrent loaders never collide or deadlock.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from typing import Optional

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.stages.gazetteer import Gazetteer
from pipeline.store.runs import os_user
from pipeline.store.findings import finding_row
from pipeline.store.series import restore_facts, series_findings
from schemas.models import (Document, Entity, EntityAlias, ExtractedTable, FactRow, FindingRow, Metric, NoteRow,
                            Replacement)
from schemas.records import ExtractedDocument


def is_loaded(engine: Engine, sha256: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None


def same_path_documents(engine: Engine, path: str, sha256: str) -> list[tuple[str, dt.datetime]]:
    """(sha256, loaded_at) of documents loaded from this path with other content."""
    with engine.connect() as conn:
        return list(conn.execute(select(Document.sha256, Document.loaded_at).where(
            Document.source_path == os.path.abspath(path), Document.sha256 != sha256)).all())


def replace_earlier(engine: Engine, path: str, sha256: str, run_id: Optional[int]) -> int:
    """The document of this content, already loaded, corrects the others from its path: they give
    way, recorded. Returns how many."""
    path = os.path.abspath(path)
    with Session(engine) as s, s.begin():
        olds = s.scalars(select(Document).where(Document.source_path == path, Document.sha256 != sha256)).all()
        for old in olds:
            _record_replacement(s, old, sha256, run_id)
            _delete_document(s, old.id)
        if olds:  # the run that asked for the correction answers for it
            s.execute(update(Document).where(Document.sha256 == sha256).values(run_id=run_id))
        return len(olds)


def _record_replacement(s: Session, old: Document, new_sha256: str, run_id: Optional[int]) -> None:
    s.add(Replacement(run_id=run_id, source_path=old.source_path, old_sha256=old.sha256, old_loaded_at=old.loaded_at,
                      old_facts=old.n_facts, new_sha256=new_sha256, replaced_at=dt.datetime.now(), os_user=os_user()))


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
                    _record_replacement(s, old, src.sha256, run_id)
                    _delete_document(s, old.id)
                    outcome = "replaced"
            period = meta.period
            d = Document(sha256=src.sha256, source_path=src.path, file_name=os.path.basename(src.path),
                         title=meta.title, issuer=meta.issuer, issued_on=meta.issued_on, series_no=meta.series_no,
                         doc_no=meta.doc_no, period_label=period.label if period else None,
                         period_start=period.start if period else None, period_end=period.end if period else None,
                         year=meta.year, jurisdiction=meta.jurisdiction, jurisdiction_code=meta.jurisdiction_code,
                         jurisdiction_confidence=meta.jurisdiction_confidence,
                         jurisdiction_evidence=meta.jurisdiction_evidence, genre=meta.genre, encoding=src.encoding, pages=src.pages,
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
            rows = [dict(document_id=d.id, run_id=run_id, entity_id=entity_ids.get(_entity_key(f)),
                         entity_raw=f.entity_raw, entity_key=f.entity_key, entity_context=f.entity_context,
                         entity_method=f.entity_method, entity_score=f.entity_score,
                         metric_id=metric_ids.get(f.metric), metric_raw=f.metric_raw, category=f.category or "",
                         period_label=f.period.label if f.period else None,
                         period_start=f.period.start if f.period else None,
                         period_end=f.period.end if f.period else None,
                         value=f.value, unit=f.unit, value_base=f.value_base, unit_base=f.unit_base,
                         source_kind=f.source_kind, page=f.page, line=f.line, table_index=f.table_index,
                         row=f.row, col=f.col, bbox=",".join(f"{v:g}" for v in f.bbox) if f.bbox else None,
                         raw=f.raw, quote=f.quote, extractor=f.extractor,
                         confidence=f.confidence, flags=",".join(f.flags)) for f in doc.facts]
            if rows:
                s.execute(insert(FactRow), rows)
            findings = [finding_row(d.id, x) for x in doc.findings]
            findings += series_findings(s, d.id)  # against the bulletins of the same area already here
            if findings:
                s.execute(insert(FindingRow), findings)
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
    restore_facts(s, document_id)
    s.execute(delete(FindingRow).where(FindingRow.other_document_id == document_id))
    for model in (FactRow, FindingRow, NoteRow, ExtractedTable):
        s.execute(delete(model).where(model.document_id == document_id))
    s.execute(delete(Document).where(Document.id == document_id))


def _entity_key(f) -> Optional[tuple[str, str]]:
    return (f.entity, f.entity_parent_code or "") if f.entity else None


def _ensure_entities(s: Session, doc: ExtractedDocument, gazetteer: Gazetteer) -> dict[tuple[str, str], int]:
    """Entities keyed by (name, parent code): 鼓楼区 of 福州 and of 南京 are two."""
    wanted = {}
    for f in doc.facts:
        key = _entity_key(f)
        if key and key not in wanted:
            wanted[key] = _entity_fields(f, gazetteer)
    if not wanted:
        return {}

    def lookup(keys):
        names = sorted({n for n, _ in keys})
        return {(n, pc): i for n, pc, i in s.execute(select(Entity.name, Entity.parent_code, Entity.id)
                                                     .where(Entity.name.in_(names))).all() if (n, pc) in keys}

    ids = lookup(set(wanted))
    missing = sorted(k for k in wanted if k not in ids)  # one lock order for every loader: no deadlocks
    if missing:
        insert_ignoring_duplicates(s, Entity, [wanted[k] for k in missing])
        ids.update(lookup(set(missing)))
    return ids


def _entity_fields(f, gazetteer: Gazetteer) -> dict:
    place = gazetteer.by_key.get((f.entity, f.entity_parent_code or ""))
    if place:
        return dict(name=place.name, kind=place.kind, code=place.code or None, parent=place.parent or None,
                    parent_code=place.parent_code, in_gazetteer=True, source="reference")
    derived = f.entity_method in ("department", "compound", "group", "aggregate")  # built from reference data by a rule
    return dict(name=f.entity, kind=f.entity_kind or "other", code=f.entity_code, parent=f.entity_parent,
                parent_code=f.entity_parent_code or "", in_gazetteer=derived, source="rule" if derived else "new")


def _record_aliases(s: Session, doc: ExtractedDocument, entity_ids: dict[tuple[str, str], int]) -> None:
    """Each (name, jurisdiction) seen, with how it was resolved: the review queue's rows."""
    seen = {}
    for f in doc.facts:
        if f.entity_key and f.entity and (f.entity_key, f.entity_context) not in seen:
            seen[(f.entity_key, f.entity_context)] = f
    if not seen:
        return
    existing = set(s.execute(select(EntityAlias.raw, EntityAlias.context).where(
        EntityAlias.raw.in_([k for k, _ in seen]))).all())
    rows = [dict(raw=k, context=c, entity_id=entity_ids[_entity_key(f)], method=f.entity_method or "none",
                 score=f.entity_score or 0.0, confirmed=False,
                 candidates=json.dumps(f.entity_candidates, ensure_ascii=False))
            for (k, c), f in seen.items() if (k, c) not in existing and _entity_key(f) in entity_ids]
    if rows:
        insert_ignoring_duplicates(s, EntityAlias, sorted(rows, key=lambda r: (r["raw"], r["context"])))


def archivist_knowledge(engine: Engine) -> tuple[list, dict]:
    """Entities an archivist added and the decisions they confirmed, for the next ingest."""
    from pipeline.stages.gazetteer import Place

    with engine.connect() as conn:
        added = [Place(name, kind, parent or "", code or "", parent_code or "") for name, kind, parent, code, parent_code
                 in conn.execute(select(Entity.name, Entity.kind, Entity.parent, Entity.code, Entity.parent_code)
                                 .where(Entity.source == "archivist"))]
        # (entity, kind, code, parent code): the decision names one entity row, 鼓楼区 of one city
        confirmed = {(raw, context): (name, kind, code, parent_code or "")
                     for raw, context, name, kind, code, parent_code in conn.execute(
                         select(EntityAlias.raw, EntityAlias.context, Entity.name, Entity.kind, Entity.code,
                                Entity.parent_code)
                         .join(Entity, Entity.id == EntityAlias.entity_id).where(EntityAlias.confirmed.is_(True)))}
    return added, confirmed


def _ensure_metrics(s: Session, names: set[str]) -> dict[str, int]:
    return _ensure_named(s, Metric, {n: None for n in names}, lambda name, _: dict(name=name))


def insert_ignoring_duplicates(s: Session, model, rows: list[dict]) -> None:
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
        insert_ignoring_duplicates(s, model, [fields(n, wanted[n]) for n in missing])
        ids.update(s.execute(select(model.name, model.id).where(model.name.in_(missing))).all())
    return ids
