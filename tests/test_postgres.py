"""The warehouse on a real PostgreSQL server: migrations, ingest, re-ingest, two loaders at once,
and an export equal to SQLite's for the same input."""
import json
import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import create_engine, inspect, text

from pipeline.store import engine as store_engine
from pipeline.batch.loop import ingest_paths
from tests.conftest import SAMPLES
from tests.pg import binaries, create_database, postgres_server

pytestmark = pytest.mark.skipif(binaries() is None, reason="no PostgreSQL server binaries on this machine")
psycopg = pytest.importorskip("psycopg", reason="the postgres extra (psycopg 3) is not installed")


@pytest.fixture(scope="module")
def server():
    with postgres_server() as url:
        yield url


def _export(url, tmp_path, name):
    out = tmp_path / name
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "export", "facts", "--format", "jsonl", "--db", url,
                        "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    keep = ("document", "sha256", "entity", "entity_raw", "metric", "metric_raw", "value", "unit", "value_base",
            "unit_base", "period_start", "period_end", "source_kind", "page", "table_index", "row", "col", "quote")
    return sorted(json.dumps({k: json.loads(line)[k] for k in keep}, ensure_ascii=False, sort_keys=True)
                  for line in out.read_text(encoding="utf-8").splitlines())


def test_browse_snapshot_copies_the_warehouse(server, tmp_path):
    """bulletins browse on PostgreSQL serves a read-only SQLite copy made by the migrations."""
    import sqlite3

    from pipeline.store.browse import snapshot

    url = create_database(server, "browse")
    ingest_paths([str(SAMPLES / "2021_lukou_1-6.txt"), str(SAMPLES / "2019_hetang_1-9.txt")], url)
    path = snapshot(create_engine(url), str(tmp_path))
    with create_engine(url).connect() as pg:
        facts = pg.exec_driver_sql("SELECT count(*) FROM facts").scalar()
        docs = sorted(r[0] for r in pg.exec_driver_sql("SELECT file_name FROM documents"))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert facts > 20 and con.execute("SELECT count(*) FROM facts_view").fetchone()[0] == facts
    assert sorted(r[0] for r in con.execute("SELECT file_name FROM documents")) == docs
    assert con.execute("SELECT value FROM facts_view WHERE entity = '淦田镇' AND metric = '完成投资' "
                       "AND period_end = '2021-06-30'").fetchall() == [(58400.0,)]
    assert not os.access(path, os.W_OK) or os.geteuid() == 0  # read-only file (root may write anyway)


def test_migrations_from_empty_and_from_previous_revision(server):
    url = create_database(server, "migrations")
    engine = create_engine(url)
    store_engine.upgrade(engine, "0001_initial")
    assert store_engine.schema_revision(engine) == "0001_initial"
    assert "inbox_files" not in inspect(engine).get_table_names()
    assert "facts_view" in inspect(engine).get_view_names()
    store_engine.ensure_schema(engine)  # previous revision → head, in place
    assert store_engine.schema_revision(engine) == store_engine.head_revision()
    assert "inbox_files" in inspect(engine).get_table_names()
    fresh = create_engine(create_database(server, "fresh"))
    store_engine.ensure_schema(fresh)  # empty → head
    assert store_engine.schema_revision(fresh) == store_engine.head_revision()


def test_ingest_reingest_and_export_equal_to_sqlite(server, tmp_path):
    url = create_database(server, "warehouse")
    first = ingest_paths([str(SAMPLES)], url)
    assert first.count("failed") == 0 and first.count("loaded") == len(list(SAMPLES.glob("*.*")))
    again = ingest_paths([str(SAMPLES)], url)
    assert again.count("skipped") == first.count("loaded")
    sqlite_url = f"sqlite:///{tmp_path / 'w.db'}"
    ingest_paths([str(SAMPLES)], sqlite_url)
    assert _export(url, tmp_path, "pg.jsonl") == _export(sqlite_url, tmp_path, "sqlite.jsonl")
    # query is read-only on PostgreSQL too
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", "DELETE FROM facts", "--db", url],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "read-only" in r.stderr


def test_two_loaders_at_once_never_duplicate(server):
    url = create_database(server, "concurrent")
    store_engine.ensure_schema(create_engine(url))
    results = []

    def load():
        results.append(ingest_paths([str(SAMPLES)], url))

    threads = [threading.Thread(target=load) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    n = len(list(SAMPLES.glob("*.*")))
    assert sum(s.count("loaded") for s in results) == n
    assert sum(s.count("skipped") for s in results) == n and sum(s.count("failed") for s in results) == 0
    with create_engine(url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == n
        assert conn.execute(text("SELECT count(*) FROM (SELECT sha256 FROM documents GROUP BY sha256 "
                                 "HAVING count(*) > 1) d")).scalar() == 0
        entities = sorted(conn.execute(text("SELECT name, parent_code FROM entities")).all())
    # the same entities as one loader alone makes: an entity is its name and its parent's code (城关镇 of two
    # counties are two), and two loaders racing never make one twice
    alone = create_database(server, "alone")
    ingest_paths([str(SAMPLES)], alone)
    with create_engine(alone).connect() as conn:
        assert sorted(conn.execute(text("SELECT name, parent_code FROM entities")).all()) == entities
    assert len(entities) == len(set(entities))


READER_ROLE = """
CREATE ROLE bulletins_reader LOGIN;
GRANT CONNECT ON DATABASE {db} TO bulletins_reader;
GRANT USAGE ON SCHEMA public TO bulletins_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO bulletins_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO bulletins_reader;
ALTER ROLE bulletins_reader SET default_transaction_read_only = on;
"""


def test_query_cannot_write_on_postgresql(server):
    """COMMIT; DELETE … once ended the read-only transaction and deleted every fact."""
    from sqlalchemy.engine import make_url

    from pipeline.store.query import QueryOptions, QueryStopped, _postgres_rows, postgres_engine

    url = create_database(server, "hostile")
    ingest_paths([str(SAMPLES / "2019_hetang_1-9.txt")], url)
    engine = create_engine(url)

    def count():
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM facts")).scalar()

    before = count()
    assert before > 0
    for sql in ("COMMIT; DELETE FROM facts", "COMMIT; DROP TABLE documents CASCADE", "ROLLBACK; CREATE TABLE x (a int)",
                "WITH d AS (DELETE FROM facts RETURNING *) SELECT count(*) FROM d", "SELECT set_config("
                "'default_transaction_read_only', 'off', false)", "SELECT * INTO copy FROM facts"):
        r = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", sql, "--db", url], capture_output=True,
                           text=True)
        assert r.returncode == 2 and r.stderr.startswith("error: query failed:") and "Traceback" not in r.stderr, sql
    # past the statement check: the server-side cursor admits only a query ...
    for sql in ("DELETE FROM facts", "COMMIT; DELETE FROM facts", "CREATE TABLE y (a int)"):
        with pytest.raises(Exception):
            list(_postgres_rows(make_url(url), sql, QueryOptions()))
    # ... and the session itself cannot write, even after a COMMIT
    for sql in ("DELETE FROM facts", "COMMIT; DELETE FROM facts", "ROLLBACK; CREATE TABLE y (a int)"):
        with postgres_engine(make_url(url), QueryOptions()).connect() as conn:
            with pytest.raises(Exception, match="read-only"):
                conn.exec_driver_sql(sql)
    assert count() == before and "copy" not in inspect(engine).get_table_names()
    with pytest.raises(QueryStopped, match="stopped after 1 s"):
        list(_postgres_rows(make_url(url), "SELECT pg_sleep(10)", QueryOptions(timeout=1)))
    with pytest.raises(QueryStopped, match="stopped after 1 s"):  # each FETCH is short, the whole is not
        list(_postgres_rows(make_url(url), "SELECT g, pg_sleep(0.005) FROM generate_series(1, 3000) g",
                            QueryOptions(timeout=1)))
    for sql, first in (("EXPLAIN SELECT * FROM facts", None), ("EXPLAIN (ANALYZE) SELECT 1", None),
                       ("SELECT ':abc' AS x, '%完成%' AS y", (":abc", "%完成%"))):
        r = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", sql, "--db", url, "--csv"],
                           capture_output=True, text=True)
        assert r.returncode == 0, (sql, r.stderr)
        if first:
            assert r.stdout.splitlines()[1] == ",".join(first)
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", "SELECT query_to_xml('select 1', true, true, '')",
                        "--db", url], capture_output=True, text=True)
    assert r.returncode == 2 and "query_to_xml" in r.stderr
    # the read-only role README describes: SELECT works, writes are refused by the server itself
    with engine.begin() as conn:
        for statement in READER_ROLE.format(db="hostile").strip().splitlines():
            conn.exec_driver_sql(statement)
    reader = url.replace("postgres@", "bulletins_reader@")
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "query", "SELECT count(*) AS n FROM facts_view",
                        "--db", reader, "--json"], capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout) == {"n": before}, r.stderr
    reader_engine = create_engine(reader)
    with reader_engine.connect() as conn:
        with pytest.raises(Exception, match="read-only|permission denied"):
            conn.exec_driver_sql("SET default_transaction_read_only = off")
            conn.exec_driver_sql("DELETE FROM facts")
    reader_engine.dispose()
    assert count() == before
    engine.dispose()
