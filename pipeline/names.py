"""The archivists' review of names: what is pending, and their decisions (accept, reject, add),
which apply at once to the facts already loaded and, through entity_aliases, to later ingests.
Aliases go to and come from CSV so that archives can share them."""
from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Optional

from sqlalchemy import Engine, and_, func, select, update
from sqlalchemy.orm import Session

from pipeline.reconcile import kind_by_suffix, normalize_name
from schemas.models import Document, Entity, EntityAlias, FactRow

ALIAS_CSV_COLUMNS = ["raw", "context", "entity", "kind", "parent", "code", "method", "score", "confirmed"]


def pending(engine: Engine) -> list[dict]:
    """Names resolved as review or new and not yet decided, with candidates and where seen."""
    with Session(engine) as s:
        rows = s.execute(
            select(EntityAlias, Entity.name, Entity.kind).join(Entity, Entity.id == EntityAlias.entity_id)
            .where(EntityAlias.confirmed.is_(False), EntityAlias.method.in_(("review", "new")))
            .order_by(EntityAlias.method, EntityAlias.raw)).all()
        out = []
        for alias, name, kind in rows:
            seen = s.execute(
                select(Document.file_name, func.count()).join(FactRow, FactRow.document_id == Document.id)
                .where(FactRow.entity_key == alias.raw, FactRow.entity_context == alias.context)
                .group_by(Document.file_name)).all()
            out.append({"raw": alias.raw, "context": alias.context, "current": name, "kind": kind,
                        "method": alias.method, "score": alias.score,
                        "candidates": json.loads(alias.candidates or "[]"),
                        "seen_in": {doc: n for doc, n in seen}})
        return out


def _entity(s: Session, name: str, kind: Optional[str] = None, parent: Optional[str] = None,
            code: Optional[str] = None, source: str = "archivist") -> Entity:
    entity = s.scalar(select(Entity).where(Entity.name == name))
    if entity is None:
        entity = Entity(name=name, kind=kind or kind_by_suffix(name), parent=parent, code=code, in_gazetteer=False,
                        source=source)
        s.add(entity)
        s.flush()
    return entity


def _decide(s: Session, key: str, context: Optional[str], entity: Entity, method: str) -> int:
    """Record a confirmed alias and re-point the facts it covers; returns the facts changed."""
    contexts = [context] if context is not None else [c for (c,) in s.execute(
        select(EntityAlias.context).where(EntityAlias.raw == key)).all()] or [""]
    for c in contexts:
        alias = s.scalar(select(EntityAlias).where(EntityAlias.raw == key, EntityAlias.context == c))
        if alias is None:
            alias = EntityAlias(raw=key, context=c, entity_id=entity.id, method=method, score=1.0)
            s.add(alias)
        alias.entity_id, alias.method, alias.score, alias.confirmed = entity.id, method, 1.0, True
        alias.decided_at = dt.datetime.now()
    where = FactRow.entity_key == key
    if context:  # "" or None: wherever the name was read
        where = and_(where, FactRow.entity_context == context)
    changed = s.execute(update(FactRow).where(where).values(entity_id=entity.id, entity_method=method,
                                                            entity_score=1.0)).rowcount
    return changed or 0


def accept(engine: Engine, raw: str, canonical: str, context: Optional[str] = None) -> int:
    """RAW means CANONICAL (an existing entity, or a new one the archivist names)."""
    with Session(engine) as s, s.begin():
        entity = s.scalar(select(Entity).where(Entity.name == canonical))
        if entity is None:
            raise LookupError(f"no entity {canonical!r}: add it first with 'bulletins names add'")
        return _decide(s, normalize_name(raw), context, entity, "confirmed")


def reject(engine: Engine, raw: str, context: Optional[str] = None) -> int:
    """RAW is none of the candidates: it is an entity of its own, under its own name."""
    key = normalize_name(raw)
    with Session(engine) as s, s.begin():
        return _decide(s, key, context, _entity(s, key), "confirmed")


def add(engine: Engine, name: str, kind: str, parent: Optional[str] = None, code: Optional[str] = None,
        aliases: tuple[str, ...] = ()) -> int:
    """A new canonical entity; its aliases resolve to it from now on. Returns facts changed."""
    with Session(engine) as s, s.begin():
        entity = _entity(s, name, kind, parent, code)
        entity.kind, entity.parent, entity.code, entity.source = kind, parent, code, "archivist"
        return sum(_decide(s, normalize_name(a), None, entity, "confirmed") for a in (name, *aliases))


def export_aliases(engine: Engine, path: str) -> int:
    with Session(engine) as s:
        rows = s.execute(select(EntityAlias, Entity).join(Entity, Entity.id == EntityAlias.entity_id)
                         .order_by(EntityAlias.raw, EntityAlias.context)).all()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ALIAS_CSV_COLUMNS)
        for alias, e in rows:
            w.writerow([alias.raw, alias.context, e.name, e.kind, e.parent or "", e.code or "", alias.method,
                        alias.score, int(alias.confirmed)])
    return len(rows)


def import_aliases(engine: Engine, path: str) -> int:
    """Confirmed aliases from another archive's export apply here (unconfirmed rows are skipped)."""
    n = 0
    with open(path, encoding="utf-8") as fh, Session(engine) as s, s.begin():
        for row in csv.DictReader(fh):
            if str(row.get("confirmed", "")).strip() not in ("1", "true", "True"):
                continue
            entity = _entity(s, row["entity"], row.get("kind") or None, row.get("parent") or None,
                             row.get("code") or None)
            _decide(s, normalize_name(row["raw"]), row.get("context", ""), entity, "confirmed")
            n += 1
    return n
