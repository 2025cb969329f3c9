"""The warehouse's start-up reads its migration without alembic: what it relies on, held against
alembic's own reading of the migrations."""
import sqlite3

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
