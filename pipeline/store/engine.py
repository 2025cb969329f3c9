"""The warehouse's engine: which database, opened for writing (schema created or upgraded by the
Alembic migrations, never create_all) or read-only (a killed writer's hot journal rolled back
first), and one-line errors for everything a user can get wrong about it."""
from __future__ import annotations

import os
from importlib import resources
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import Engine, create_engine, event

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


HEAD_REVISION = "0007_fact_boxes"


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
        elif cur.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            # a batch under way (write_ahead): a commit waits for no disk sync; a document stays
            # all or nothing, and a power cut can lose only the last documents, never half of one
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()


def open_warehouse(url: Optional[str] = None, keep_connections: bool = True) -> Engine:
    """Engine on the warehouse, schema created or upgraded if needed; WarehouseError in one line.
    keep_connections=False closes each connection after use (a worker whose engine outlives the
    batch holds none open, so the batch's end can return SQLite to one file)."""
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.pool import NullPool

    url = database_url(url)
    parsed = _parse_url(url)
    try:
        engine = create_engine(parsed, future=True, **({} if keep_connections else {"poolclass": NullPool}))
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
            if not Path(path).exists():
                _copy_of_empty_warehouse(path)
        _sqlite_pragmas(engine)
    try:
        ensure_schema(engine)
    except DBAPIError as exc:
        raise WarehouseError(f"cannot open warehouse {url}: {one_line(exc)}") from None
    return engine


def _migrations_key() -> str:
    """Names an empty warehouse after the migrations that made it (their files' bytes)."""
    import hashlib

    digest = hashlib.sha256(HEAD_REVISION.encode())
    versions = resources.files("schemas") / "migrations" / "versions"
    for name in sorted(p.name for p in versions.iterdir() if p.name.endswith(".py")):
        digest.update(name.encode() + (versions / name).read_bytes())
    return digest.hexdigest()[:16]


def empty_warehouse() -> Optional[str]:
    """An empty SQLite warehouse made by the migrations once and kept in the cache folder (None
    where it cannot be kept): a new warehouse is a copy of it, not six migrations run again (half
    a second of a first ingest)."""
    import tempfile

    from pipeline.core.cache import cache_dir

    folder = cache_dir()
    kept = folder / f"warehouse-{_migrations_key()}.db"
    if kept.exists():
        if _is_empty_warehouse(str(kept)):
            return str(kept)
        kept.unlink(missing_ok=True)  # damaged: made again below
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
        os.close(fd)
        os.unlink(tmp)  # SQLite creates the file itself
    except OSError:
        return None
    engine = create_engine(f"sqlite:///{tmp}", future=True)
    try:
        _sqlite_pragmas(engine)
        upgrade(engine)
    except Exception:
        engine.dispose()
        Path(tmp).unlink(missing_ok=True)
        return None
    engine.dispose()
    os.replace(tmp, kept)
    return str(kept)


def _is_empty_warehouse(path: str) -> bool:
    """A whole SQLite file at the head migration, with no document in it."""
    import sqlite3

    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok" \
                and conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)] \
                and conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _copy_of_empty_warehouse(path: str) -> None:
    """A new warehouse as a copy of the empty one, put in place only if no other process has
    made the file meanwhile; nothing happens where there is no empty one to copy."""
    import shutil
    import uuid

    template = empty_warehouse()
    if template is None:
        return
    tmp = str(Path(path).parent / f".new-warehouse-{uuid.uuid4().hex}.part")
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # the user's umask decides, as for SQLite
        shutil.copyfile(template, tmp)
        try:
            os.link(tmp, path)  # fails if the file exists now: the other process's warehouse stands
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system
            if not Path(path).exists():
                os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _set_journal_mode(engine: Engine, mode: str, wait_ms: int) -> bool:
    """Best effort: another process reading or writing the warehouse keeps its mode as it is."""
    import sqlite3

    conn = engine.raw_connection()
    try:
        cur = conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={wait_ms}")
        try:
            return cur.execute(f"PRAGMA journal_mode={mode}").fetchone()[0].lower() == mode.lower()
        except sqlite3.OperationalError:
            return False
        finally:
            cur.execute("PRAGMA busy_timeout=30000")  # the pooled connection goes back as it came
    finally:
        conn.close()


@contextmanager
def write_ahead(engine: Engine) -> Iterator[None]:
    """A batch writes a SQLite warehouse through its write-ahead log: readers go on reading while
    it writes, and a document's commit needs no disk sync (0.84x the time of a batch). Afterwards
    the warehouse is one file again (rollback journal), as a copy or read-only media need it."""
    path = sqlite_path(str(engine.url)) if engine.dialect.name == "sqlite" else None
    if not path:
        yield
        return
    engine.dispose()
    _set_journal_mode(engine, "WAL", wait_ms=2000)
    engine.dispose()  # connections opened from here on see the log and set synchronous=NORMAL
    try:
        yield
    finally:
        engine.dispose()
        _set_journal_mode(engine, "DELETE", wait_ms=0)
        engine.dispose()  # the connection that switched back holds the file no longer


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
        uri = sqlite_uri(path, "ro")
        if not _readable(uri) and recover_sqlite(path) and notices is not None:
            notices.append(f"rolled back an unfinished write in {path} (a writer was killed)")
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        _sqlite_pragmas(engine, read_only=True)
        _check_revision(engine, url)
        return engine
    try:
        engine = create_engine(parsed, future=True,
                               connect_args={"options": "-c default_transaction_read_only=on"})
    except Exception as exc:
        raise WarehouseError(f"cannot use {url}: {one_line(exc)}") from None
    engine = engine.execution_options(postgresql_readonly=True)
    _check_revision(engine, url)
    return engine


def _readable(uri: str) -> bool:
    """A read-only connection can read (a writer's open transaction is no obstacle; a hot
    journal left by a killed writer is)."""
    import sqlite3

    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _check_revision(engine: Engine, url: str) -> None:
    """A read-only command cannot upgrade the schema: say so, not a missing column later."""
    from sqlalchemy.exc import DBAPIError

    try:
        current = schema_revision(engine)
    except DBAPIError as exc:
        raise WarehouseError(f"cannot open warehouse {url}: {one_line(exc)}") from None
    if current != head_revision():
        raise WarehouseError(f"the warehouse {url} is at schema {current or '(none: not a warehouse?)'}, this "
                             f"version reads {head_revision()}: upgrade it first with 'bulletins upgrade'")


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("schemas") / "migrations"))
    return cfg


def schema_revision(engine: Engine) -> Optional[str]:
    """The warehouse's migration, read with one query: alembic's import costs a fifth of a
    second of every run's start-up and is needed only to upgrade."""
    from sqlalchemy.exc import DBAPIError

    with engine.connect() as conn:
        try:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
        except DBAPIError:  # no such table: an empty database
            return None
    return rows[0][0] if rows else None


def head_revision() -> str:
    """The newest migration, without alembic's reading of every script (tests/test_migrations.py
    holds it to alembic's own head: a new migration fails that test until it is named here)."""
    return HEAD_REVISION


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the warehouse in place with the Alembic migrations (never create_all)."""
    from alembic import command

    cfg = _alembic_config()
    if engine.dialect.name == "sqlite":
        # SQLite changes a constraint by copying the table; with foreign keys enforced the old table
        # cannot be dropped while facts point at it. They are checked once the copy is in place.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
            conn.commit()
            try:
                with conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise WarehouseError(f"the upgrade would leave {len(broken)} rows pointing nowhere "
                                             f"(first: {tuple(broken[0])}); nothing was changed")
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
        return
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
