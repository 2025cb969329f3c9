"""The archivists' review of names: what is pending, and their decisions (accept, reject, add),
which apply at once to the facts already loaded and, through entity_aliases, to later ingests.
Aliases go to and come from CSV so that archives can share them."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from typing import Optional

from sqlalchemy import Engine, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from pipeline.stages.gazetteer import normalize_name
from pipeline.stages.reconcile import PENDING_BELOW, kind_by_suffix
from pipeline.store.exports import defuse_formula, undo_defuse
from pipeline.store.runs import os_user
from schemas.models import Document, Entity, EntityAlias, FactRow, NameDecision

ALIAS_CSV_COLUMNS = ["raw", "context", "entity", "kind", "parent", "code", "method", "score", "confirmed"]


NEEDS_A_PERSON = {"review": 0, "low score": 1, "new": 2}  # the order names pending are shown in


def pending(engine: Engine, status: Optional[str] = None) -> list[dict]:
    """Names resolved as review or new (or matched with a low score) and not yet decided, with
    candidates and where seen: those that need a decision first (review, then low scores), then
    new entities; within each, the names behind the most facts first. status "review" keeps the
    ones that need a decision, "new" the new entities."""
    with Session(engine) as s:
        rows = s.execute(
            select(EntityAlias, Entity.name, Entity.kind).join(Entity, Entity.id == EntityAlias.entity_id)
            .where(EntityAlias.confirmed.is_(False),
                   or_(EntityAlias.method.in_(("review", "new")), EntityAlias.score < PENDING_BELOW))).all()
        seen: dict[tuple[str, str], dict[str, int]] = {}
        for key, context, doc, n in s.execute(
                select(FactRow.entity_key, FactRow.entity_context, Document.file_name, func.count())
                .join(Document, Document.id == FactRow.document_id)
                .where(FactRow.entity_key.in_({alias.raw for alias, _, _ in rows}))
                .group_by(FactRow.entity_key, FactRow.entity_context, Document.file_name)
                .order_by(Document.file_name)):
            seen.setdefault((key, context), {})[doc] = n
    out = []
    for alias, name, kind in rows:
        need = alias.method if alias.method in ("review", "new") else "low score"
        if status and (need == "new") != (status == "new"):
            continue
        where = seen.get((alias.raw, alias.context), {})
        out.append({"raw": alias.raw, "context": alias.context, "current": name, "kind": kind,
                    "method": alias.method, "score": alias.score, "needs": need,
                    "candidates": json.loads(alias.candidates or "[]"), "facts": sum(where.values()),
                    "seen_in": where})
    out.sort(key=lambda r: (NEEDS_A_PERSON[r["needs"]], -r["facts"], r["raw"], r["context"]))
    return out


class DecisionError(ValueError):
    """A decision that cannot be taken as asked (a blank name, a bad import file)."""


def _key(raw: Optional[str], what: str = "name") -> str:
    """The normalized name, or DecisionError for a blank one: a blank name would match every fact
    whose name was lost in extraction."""
    key = normalize_name(raw or "")
    if not key.strip():
        raise DecisionError(f"the {what} is blank: give the name as it appears in the bulletins")
    return key


def _find_entity(s: Session, name: str, parent: Optional[str] = None) -> Optional[Entity]:
    """The entity of that name; where several places share it (鼓楼区 of 福州市 and of 南京市), the
    one under PARENT, also written in the name as '鼓楼区 (福州市)'."""
    m = re.fullmatch(r"\s*(.+?)\s*[(（]\s*(.+?)\s*[)）]\s*", name or "")
    found = s.scalars(select(Entity).where(Entity.name == name).order_by(Entity.id)).all()
    if not found and m:
        name, parent = m.group(1), parent or m.group(2)
        found = s.scalars(select(Entity).where(Entity.name == name).order_by(Entity.id)).all()
    if parent:
        found = [e for e in found if e.parent == parent] or found[:0]
    if len(found) > 1:
        raise DecisionError(f"several entities are named {name!r} (under "
                            f"{', '.join(sorted(str(e.parent) for e in found))}): write it as '{name} (parent)'")
    return found[0] if found else None


def _entity(s: Session, name: str, kind: Optional[str] = None, parent: Optional[str] = None,
            code: Optional[str] = None, source: str = "archivist") -> Entity:
    entity = _find_entity(s, name, parent)
    if entity is None and parent:
        # an entity of that name with no parent yet (望京片区 from a table row) is the one meant
        entity = s.scalar(select(Entity).where(Entity.name == name, Entity.parent_code == "").order_by(Entity.id))
    if entity is None:
        parent_code = ""
        if parent:
            parents = s.scalars(select(Entity.code).where(Entity.name == parent, Entity.code.is_not(None))).all()
            parent_code = parents[0] if len(set(parents)) == 1 else ""
        entity = Entity(name=name, kind=kind or kind_by_suffix(name), parent=parent, code=code, in_gazetteer=False,
                        source=source, parent_code=parent_code)
        s.add(entity)
        s.flush()
    return entity


class _Journal:
    """What a decision changes, as it was before: enough to put it back (names undo)."""

    def __init__(self) -> None:
        self.aliases: dict[tuple[str, str], Optional[dict]] = {}
        self.facts: dict[int, list] = {}
        self.entities_created: list[int] = []
        self.entities_before: dict[int, dict] = {}

    def alias(self, alias: Optional[EntityAlias], key: str, context: str) -> None:
        if (key, context) in self.aliases:
            return
        self.aliases[(key, context)] = None if alias is None else dict(
            entity_id=alias.entity_id, method=alias.method, score=alias.score, confirmed=alias.confirmed,
            candidates=alias.candidates, decided_at=alias.decided_at.isoformat() if alias.decided_at else None)

    def facts_of(self, s: Session, where) -> None:
        for fid, eid, method, score in s.execute(select(FactRow.id, FactRow.entity_id, FactRow.entity_method,
                                                        FactRow.entity_score).where(where)):
            self.facts.setdefault(fid, [eid, method, score])

    def entity(self, e: Entity, created: bool) -> None:
        if created:
            self.entities_created.append(e.id)
        elif e.id not in self.entities_before and e.id not in self.entities_created:
            self.entities_before[e.id] = dict(kind=e.kind, parent=e.parent, code=e.code, source=e.source)

    def dump(self) -> str:
        return json.dumps({"aliases": [[k, c, v] for (k, c), v in self.aliases.items()],
                           "facts": [[fid, *v] for fid, v in self.facts.items()],
                           "entities_created": self.entities_created,
                           "entities_before": {str(k): v for k, v in self.entities_before.items()}},
                          ensure_ascii=False)


def _decide(s: Session, key: str, context: Optional[str], entity: Entity, method: str, journal: _Journal) -> int:
    """Record a confirmed alias and re-point the facts it covers; returns the facts changed."""
    contexts = [context] if context is not None else [c for (c,) in s.execute(
        select(EntityAlias.context).where(EntityAlias.raw == key)).all()] or [""]
    for c in contexts:
        alias = s.scalar(select(EntityAlias).where(EntityAlias.raw == key, EntityAlias.context == c))
        journal.alias(alias, key, c)
        if alias is None:
            alias = EntityAlias(raw=key, context=c, entity_id=entity.id, method=method, score=1.0)
            s.add(alias)
        alias.entity_id, alias.method, alias.score, alias.confirmed = entity.id, method, 1.0, True
        alias.decided_at = dt.datetime.now()
    where = FactRow.entity_key == key
    if context:  # "" or None: wherever the name was read
        where = and_(where, FactRow.entity_context == context)
    journal.facts_of(s, where)
    changed = s.execute(update(FactRow).where(where).values(entity_id=entity.id, entity_method=method,
                                                            entity_score=1.0)).rowcount
    return changed or 0


def _record(s: Session, action: str, summary: str, changed: int, journal: _Journal) -> int:
    decision = NameDecision(action=action, summary=summary, decided_at=dt.datetime.now(), decided_by=os_user(),
                            facts_changed=changed, undo_state=journal.dump())
    s.add(decision)
    s.flush()
    return decision.id


def accept(engine: Engine, raw: str, canonical: str, context: Optional[str] = None) -> tuple[int, int]:
    """RAW means CANONICAL (an existing entity). Returns (facts changed, decision id)."""
    key = _key(raw)
    if not (canonical or "").strip():
        raise DecisionError("the entity is blank")
    with Session(engine) as s, s.begin():
        entity = _find_entity(s, canonical)
        if entity is None:
            raise LookupError(f"no entity {canonical!r}: add it first with 'bulletins names add'")
        journal = _Journal()
        n = _decide(s, key, context, entity, "confirmed", journal)
        where = f" in {context}" if context else ""
        return n, _record(s, "accept", f"{key}{where} → {canonical}", n, journal)


def reject(engine: Engine, raw: str, context: Optional[str] = None) -> tuple[int, int]:
    """RAW is none of the candidates: it is an entity of its own, under its own name."""
    key = _key(raw)
    with Session(engine) as s, s.begin():
        journal = _Journal()
        existed = _find_entity(s, key)
        entity = _entity(s, key)
        journal.entity(entity, created=existed is None)
        n = _decide(s, key, context, entity, "confirmed", journal)
        return n, _record(s, "reject", f"{key}: its own entity", n, journal)


def add(engine: Engine, name: str, kind: str, parent: Optional[str] = None, code: Optional[str] = None,
        aliases: tuple[str, ...] = ()) -> tuple[int, int]:
    """A new canonical entity; its aliases resolve to it from now on. Returns (facts changed, decision id)."""
    if not (name or "").strip() or not (kind or "").strip():
        raise DecisionError("the name and the kind of a new entity cannot be blank")
    keys = [_key(a, "alias") for a in (name, *aliases)]
    with Session(engine) as s, s.begin():
        journal = _Journal()
        existed = _find_entity(s, name, parent)
        entity = _entity(s, name, kind, parent, code)
        journal.entity(entity, created=existed is None)
        entity.kind, entity.parent, entity.code, entity.source = kind, parent, code, "archivist"
        n = sum(_decide(s, k, None, entity, "confirmed", journal) for k in keys)
        return n, _record(s, "add", f"{name} ({kind})" + (f" aka {', '.join(aliases)}" if aliases else ""), n, journal)


def decisions(engine: Engine) -> list[dict]:
    """Every decision, newest first, with who took it and when, and whether it was undone."""
    with Session(engine) as s:
        return [dict(id=d.id, action=d.action, summary=d.summary, decided_at=d.decided_at, decided_by=d.decided_by,
                     facts_changed=d.facts_changed, undone_at=d.undone_at, undone_by=d.undone_by)
                for d in s.scalars(select(NameDecision).order_by(NameDecision.id.desc()))]


def undo(engine: Engine, decision_id: int) -> int:
    """Put back what a decision changed; refused while a later decision on the same names stands.
    Returns the facts changed back."""
    with Session(engine) as s, s.begin():
        decision = s.get(NameDecision, decision_id)
        if decision is None or decision.action == "undo":
            raise LookupError(f"no decision {decision_id}: see 'bulletins names decisions'")
        if decision.undone_at is not None:
            raise DecisionError(f"decision {decision_id} was undone on {decision.undone_at:%Y-%m-%d %H:%M} "
                             f"by {decision.undone_by}")
        state = json.loads(decision.undo_state)
        keys = {(k, c) for k, c, _ in state["aliases"]}
        created = set(state["entities_created"])
        for later in s.scalars(select(NameDecision).where(NameDecision.id > decision_id,
                                                          NameDecision.undone_at.is_(None))):
            later_keys = {(k, c) for k, c, _ in json.loads(later.undo_state).get("aliases", [])}
            uses_ours = created and s.scalar(select(func.count()).select_from(EntityAlias).where(
                EntityAlias.entity_id.in_(created), EntityAlias.raw.in_([k for k, _ in later_keys])))
            if keys & later_keys or uses_ours:
                raise DecisionError(f"decision {later.id} ({later.summary}) changed the same names or uses what "
                                    f"this one added: undo it first")
        # facts loaded after the decision that resolved through it: back to the resolution the
        # alias had before; where it had none, undo is refused rather than leave them unresolved
        earlier = {fid for fid, *_ in state["facts"]}
        later: list[tuple[int, Optional[dict]]] = []
        for key, context, before in state["aliases"]:
            for (fid,) in s.execute(select(FactRow.id).where(FactRow.entity_key == key, FactRow.entity_context == context,
                                                             FactRow.entity_method == "confirmed")):
                if fid not in earlier:
                    later.append((fid, before))
        orphaned = [fid for fid, before in later if before is None]
        if orphaned:
            raise DecisionError(f"{len(orphaned)} facts loaded after decision {decision_id} were resolved through "
                                f"it and had no resolution before it: take a new decision on those names "
                                f"('names accept' or 'names reject') instead of undoing this one")
        for fid, before in later:
            s.execute(update(FactRow).where(FactRow.id == fid).values(
                entity_id=before["entity_id"], entity_method=before["method"], entity_score=before["score"]))
        for key, context, before in state["aliases"]:
            alias = s.scalar(select(EntityAlias).where(EntityAlias.raw == key, EntityAlias.context == context))
            if before is None:
                if alias is not None:
                    s.delete(alias)
                continue
            if alias is None:
                alias = EntityAlias(raw=key, context=context)
                s.add(alias)
            alias.entity_id, alias.method, alias.score = before["entity_id"], before["method"], before["score"]
            alias.confirmed, alias.candidates = before["confirmed"], before["candidates"]
            alias.decided_at = dt.datetime.fromisoformat(before["decided_at"]) if before["decided_at"] else None
        s.flush()
        for fid, eid, method, score in state["facts"]:
            s.execute(update(FactRow).where(FactRow.id == fid).values(entity_id=eid, entity_method=method,
                                                                      entity_score=score))
        for eid, before in state["entities_before"].items():
            entity = s.get(Entity, int(eid))
            if entity is not None:
                entity.kind, entity.parent, entity.code, entity.source = (before["kind"], before["parent"],
                                                                          before["code"], before["source"])
        for eid in state["entities_created"]:
            in_use = s.scalar(select(func.count()).select_from(FactRow).where(FactRow.entity_id == eid)) or \
                s.scalar(select(func.count()).select_from(EntityAlias).where(EntityAlias.entity_id == eid))
            if not in_use:
                s.execute(delete(Entity).where(Entity.id == eid))
        decision.undone_at, decision.undone_by = dt.datetime.now(), os_user()
        s.add(NameDecision(action="undo", summary=f"undo {decision_id}: {decision.summary}",
                           decided_at=decision.undone_at, decided_by=decision.undone_by,
                           facts_changed=len(state["facts"]) + len(later), undo_state="{}"))
        return len(state["facts"]) + len(later)


def export_aliases(engine: Engine, path: str) -> int:
    with Session(engine) as s:
        rows = s.execute(select(EntityAlias, Entity).join(Entity, Entity.id == EntityAlias.entity_id)
                         .order_by(EntityAlias.raw, EntityAlias.context)).all()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ALIAS_CSV_COLUMNS)
        for alias, e in rows:
            w.writerow([defuse_formula(v) for v in (alias.raw, alias.context, e.name, e.kind, e.parent or "",
                                                    e.code or "", alias.method)] + [alias.score, int(alias.confirmed)])
    return len(rows)


def read_alias_csv(path: str) -> list[dict]:
    """The confirmed rows of an alias CSV, every row checked first: DecisionError names the first
    problem (its line), and nothing is applied from a file that has one."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise DecisionError(f"cannot read {path}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecisionError(f"{path} is not UTF-8 (byte {exc.start}): save it as UTF-8 CSV") from None
    reader = csv.DictReader(text.splitlines())
    reader_rows = ({k: undo_defuse(v) for k, v in row.items()} for row in reader)
    missing = [c for c in ("raw", "context", "entity", "confirmed") if c not in (reader.fieldnames or [])]
    if missing:
        raise DecisionError(f"{path} lacks the column(s) {', '.join(missing)} (write one with 'bulletins names export')")
    rows, decided, entities = [], {}, {}
    for line, row in enumerate(reader_rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DecisionError(f"{path} line {line}: the row has {'more' if None in row else 'fewer'} cells than the header")
        if str(row["confirmed"]).strip() not in ("1", "true", "True", "0", "false", "False", ""):
            raise DecisionError(f"{path} line {line}: confirmed must be 1 or 0, not {row['confirmed']!r}")
        if str(row["confirmed"]).strip() not in ("1", "true", "True"):
            continue
        try:
            key = _key(row["raw"], "raw name")
        except DecisionError as exc:
            raise DecisionError(f"{path} line {line}: {exc}") from None
        entity = (row["entity"] or "").strip()
        if not entity:
            raise DecisionError(f"{path} line {line}: the entity is blank")
        context = (row.get("context") or "").strip()
        if decided.get((key, context), entity) != entity:
            raise DecisionError(f"{path} line {line}: {key!r} in {context or 'every context'!r} is given two "
                             f"entities: {decided[(key, context)]!r} and {entity!r}")
        shape = (row.get("kind") or "", row.get("parent") or "", row.get("code") or "")
        if entities.get(entity, shape) != shape and all(entities.get(entity, shape)) and all(shape):
            raise DecisionError(f"{path} line {line}: the entity {entity!r} is described two ways")
        decided[(key, context)] = entity
        entities.setdefault(entity, shape)
        rows.append(dict(key=key, context=context, entity=entity, kind=row.get("kind") or None,
                         parent=row.get("parent") or None, code=row.get("code") or None))
    return rows


def import_aliases(engine: Engine, path: str) -> tuple[int, int]:
    """Confirmed aliases from another archive's export apply here, all or none (unconfirmed rows are
    skipped). Returns (aliases applied, decision id)."""
    rows = read_alias_csv(path)
    with Session(engine) as s, s.begin():
        journal = _Journal()
        changed = 0
        for row in rows:
            existed = _find_entity(s, row["entity"], row["parent"])
            entity = _entity(s, row["entity"], row["kind"], row["parent"], row["code"])
            journal.entity(entity, created=existed is None)
            changed += _decide(s, row["key"], row["context"], entity, "confirmed", journal)
        return len(rows), _record(s, "import", f"{len(rows)} aliases from {path}", changed, journal)
