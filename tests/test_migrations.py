"""The warehouse's start-up reads its migration without alembic: what it relies on, held against
alembic's own reading of the migrations."""
import os
import sqlite3
from contextlib import closing

from alembic.script import ScriptDirectory

from pipeline.store import engine as store_engine


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(store_engine._alembic_config())


def test_head_revision_is_alembics_head():
    """When this fails after adding a migration, set HEAD_REVISION in pipeline/store/engine.py to it."""
    assert store_engine.head_revision() == _scripts().get_current_head()


def test_schema_revision_of_an_empty_a_new_and_an_old_warehouse(tmp_path):
    empty = store_engine.create_engine(f"sqlite:///{tmp_path}/empty.db")
    assert store_engine.schema_revision(empty) is None
    url = f"sqlite:///{tmp_path}/w.db"
    engine = store_engine.open_warehouse(url)
    assert store_engine.schema_revision(engine) == _scripts().get_current_head()
    engine.dispose()
    with sqlite3.connect(f"{tmp_path}/w.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002_inbox_files'")
    assert store_engine.schema_revision(store_engine.create_engine(url)) == "0002_inbox_files"


def _schema(db) -> list:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()) + \
            conn.execute("SELECT version_num FROM alembic_version").fetchall()


def test_a_new_warehouse_is_a_copy_of_one_the_migrations_made(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETINS_CACHE", str(tmp_path / "cache"))
    store_engine.open_warehouse(f"sqlite:///{tmp_path / 'copied.db'}").dispose()
    assert len(list((tmp_path / "cache").glob("warehouse-*.db"))) == 1
    monkeypatch.setenv("BULLETINS_CACHE", str(tmp_path / "file" / "cache"))
    (tmp_path / "file").write_text("")  # no cache folder can be made: the migrations run in place
    store_engine.open_warehouse(f"sqlite:///{tmp_path / 'migrated.db'}").dispose()
    assert _schema(tmp_path / "copied.db") == _schema(tmp_path / "migrated.db")
    mode = (tmp_path / "copied.db").stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_an_existing_file_is_never_replaced_by_the_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETINS_CACHE", str(tmp_path / "cache"))
    db = tmp_path / "w.db"
    store_engine.open_warehouse(f"sqlite:///{db}").dispose()
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT INTO ingest_runs (command, started_at, files_seen, loaded, replaced, skipped, failed, facts, "
                     "status) VALUES ('x', '2026-01-01', 0, 0, 0, 0, 0, 0, 'finished')")
        conn.commit()
    store_engine._copy_of_empty_warehouse(str(db))  # as a second process that found no file a moment ago
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM ingest_runs WHERE command = 'x'").fetchone()[0] == 1
    assert not list(tmp_path.glob(".new-warehouse-*"))


def test_a_damaged_empty_warehouse_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETINS_CACHE", str(tmp_path / "cache"))
    store_engine.open_warehouse(f"sqlite:///{tmp_path / 'first.db'}").dispose()
    template = next((tmp_path / "cache").glob("warehouse-*.db"))
    template.write_bytes(template.read_bytes()[: template.stat().st_size // 2])  # a crash mid-copy, a full disk
    engine = store_engine.open_warehouse(f"sqlite:///{tmp_path / 'second.db'}")
    assert store_engine.schema_revision(engine) == store_engine.HEAD_REVISION
    engine.dispose()
    assert _schema(tmp_path / "second.db") == _schema(tmp_path / "first.db")
