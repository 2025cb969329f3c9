"""The warehouse's counts, for `bulletins stats`."""
from __future__ import annotations

from sqlalchemy import Engine, func, select

from schemas.models import Document, Entity, EntityAlias, ExtractedTable, FactRow, Failure, FindingRow, IngestRun


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
