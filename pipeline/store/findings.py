"""The warehouse's findings, for `bulletins findings`: what the checks found, by file name."""
from __future__ import annotations

import json
from typing import Optional

from sqlalchemy import Engine, case, select
from sqlalchemy.orm import Session, aliased

from schemas.models import Document, FindingRow
from schemas.records import Finding

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def findings(engine: Engine, check: Optional[str] = None, document: Optional[str] = None) -> list[dict]:
    """Findings, the most severe first, then by document and place: each with its document's file
    name (not its id) and, for a finding across documents, the other's; the check, severity, where
    in the document, what it is about (entity, measure, category, period), the values at odds, the
    quotes and the message. document matches either file name or any part of it."""
    severity = case(SEVERITY_ORDER, value=FindingRow.severity, else_=3)
    other = aliased(Document)
    q = (select(Document.file_name, other.file_name.label("other_document"), FindingRow)
         .join(Document, Document.id == FindingRow.document_id)
         .outerjoin(other, other.id == FindingRow.other_document_id)
         .order_by(severity, Document.file_name, FindingRow.table_index, FindingRow.row, FindingRow.id))
    if check:
        q = q.where(FindingRow.check == check)
    if document:
        q = q.where(Document.file_name.contains(document) | other.file_name.contains(document))
    with Session(engine) as s:
        return [_as_dict(file_name, other_name, f) for file_name, other_name, f in s.execute(q)]


def _as_dict(file_name: str, other_name: Optional[str], f: FindingRow) -> dict:
    return {"document": file_name, "other_document": other_name, "check": f.check, "severity": f.severity,
            "table": f.table_index, "row": f.row, "col": f.col, "entity": f.entity, "metric": f.metric,
            "category": f.category, "period_label": f.period_label,
            "period_start": f.period_start.isoformat() if f.period_start else None,
            "period_end": f.period_end.isoformat() if f.period_end else None,
            "figures": json.loads(f.figures) if f.figures else [], "quotes": json.loads(f.quotes) if f.quotes else [],
            "message": f.message}


def finding_row(document_id: int, x: Finding, other_document_id: Optional[int] = None) -> dict:
    """The findings table's row of a Finding: its values and quotes as JSON lists."""
    period = x.period
    return dict(document_id=document_id, check=x.check, severity=x.severity, message=x.message,
                table_index=x.table_index, row=x.row, col=x.col, entity=x.entity or None, metric=x.metric or None,
                category=x.category or None, period_label=period.label if period else None,
                period_start=period.start if period else None, period_end=period.end if period else None,
                figures=json.dumps(x.figures, ensure_ascii=False) if x.figures else None,
                quotes=json.dumps(x.quotes, ensure_ascii=False) if x.quotes else None,
                other_document_id=other_document_id, facts_before=None)
