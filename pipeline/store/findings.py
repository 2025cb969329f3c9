"""The warehouse's findings, for `bulletins findings`: what the checks found, by file name."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import Engine, case, select

from schemas.models import Document, FindingRow

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def findings(engine: Engine, check: Optional[str] = None, document: Optional[str] = None) -> list[dict]:
    """Findings, the most severe first, then by document and place: each with its document's file
    name (not its id), the check, severity, where in the document and the message. document
    matches a file name or any part of it."""
    severity = case(SEVERITY_ORDER, value=FindingRow.severity, else_=3)
    q = (select(Document.file_name, FindingRow.check, FindingRow.severity, FindingRow.table_index, FindingRow.row,
                FindingRow.col, FindingRow.message)
         .join(Document, Document.id == FindingRow.document_id)
         .order_by(severity, Document.file_name, FindingRow.table_index, FindingRow.row, FindingRow.id))
    if check:
        q = q.where(FindingRow.check == check)
    if document:
        q = q.where(Document.file_name.contains(document))
    with engine.connect() as conn:
        return [{"document": r.file_name, "check": r.check, "severity": r.severity, "table": r.table_index,
                 "row": r.row, "col": r.col, "message": r.message} for r in conn.execute(q)]
