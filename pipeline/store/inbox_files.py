"""What the inbox runs have seen: each file by its path inside the inbox and its content."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pipeline.store.loading import insert_ignoring_duplicates
from schemas.models import InboxFile


def inbox_seen(engine: Engine, inbox: str) -> set[tuple[str, str]]:
    """(file name, sha256) of the files an inbox run already processed."""
    with engine.connect() as conn:
        return set(conn.execute(select(InboxFile.file_name, InboxFile.sha256).where(InboxFile.inbox == inbox)).all())


def record_inbox_file(engine: Engine, inbox: str, name: str, sha256: str, outcome, run_id: int,
                      archived_to: Optional[str]) -> None:
    """name: the file's path inside the inbox (two subfolders may hold files of one name)."""
    with Session(engine) as s, s.begin():
        insert_ignoring_duplicates(s, InboxFile, [dict(
            inbox=inbox, file_name=name, sha256=sha256, status=outcome.status,
            reason=outcome.reason or None, archived_to=archived_to, run_id=run_id, processed_at=dt.datetime.now())])
