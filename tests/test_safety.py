"""Hostile and careless use (issue 9): each test reproduces one way data was lost or exposed.

CLI calls run in-process (click's CliRunner, the plain runner) except where the real process is
what is tested (signals, a killed writer).
"""
from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import inbox as inbox_module
from pipeline.store import engine as store_engine
from pipeline.cli import main
from pipeline.batch.loop import ingest_paths
from pipeline.store.query import QueryRefused, check_read_only
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A warehouse of the samples; tests that change it take a copy."""
    db = tmp_path_factory.mktemp("w") / "w.db"
    summary = ingest_paths([str(SAMPLES)], f"sqlite:///{db}")
    assert summary.count("failed") == 0
    return db


@pytest.fixture()
def warehouse_copy(loaded, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(loaded, db)
    return db


# ---------------------------------------------------------------- 1. query is read-only by structure

HOSTILE = ["COMMIT; DELETE FROM facts", "DELETE FROM facts", "DROP TABLE facts", "UPDATE facts SET value = 0",
           "ROLLBACK; CREATE TABLE t (a)", "ATTACH DATABASE 'evil.db' AS evil", "VACUUM INTO 'copy.db'",
           "PRAGMA journal_mode=WAL", "SELECT 1; SELECT 2", "WITH d AS (DELETE FROM facts RETURNING *) SELECT * FROM d",
           "SELECT * INTO t2 FROM facts", "INSERT INTO metrics (name) VALUES ('x')", "SELECT load_extension('x')",
           "BEGIN", "  ;  "]


@pytest.mark.parametrize("sql", HOSTILE)
def test_statement_check_refuses_everything_but_one_reading_statement(sql):
    with pytest.raises(QueryRefused):
        check_read_only(sql, "sqlite")
    with pytest.raises(QueryRefused):
        check_read_only(sql, "postgresql")


@pytest.mark.parametrize("sql", ["SELECT 1", "select * from facts_view where metric like '%完成投资%';",
                                 "WITH x AS (SELECT 1 AS a) SELECT a FROM x", "VALUES (1, 2)",
                                 "EXPLAIN QUERY PLAN SELECT * FROM facts", "SELECT 1 UNION ALL SELECT 2",
                                 "-- 注释\nSELECT entity FROM facts_view"])
def test_statement_check_accepts_reading(sql):
    assert check_read_only(sql, "sqlite")


def test_query_cannot_change_or_copy_the_warehouse(warehouse_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{warehouse_copy}"
    before = rows(warehouse_copy, "SELECT count(*) FROM facts")
    files_before = sorted(os.listdir(tmp_path))
    for sql in HOSTILE:
        code, out, err = cli("query", sql, "--db", url)
        assert code == 2 and err.startswith("error: query failed:") and len(err.strip().splitlines()) == 1, (sql, err)
    assert rows(warehouse_copy, "SELECT count(*) FROM facts") == before
    assert sorted(os.listdir(tmp_path)) == files_before  # no evil.db, no copy.db


def test_sqlite_connection_refuses_writes_even_past_the_parser(warehouse_copy, tmp_path):
    """The second layer alone: statements handed straight to the read-only connection."""
    from pipeline.store.query import QueryOptions, _sqlite_rows

    for sql in (f"ATTACH DATABASE '{tmp_path / 'x.db'}' AS x", f"VACUUM INTO '{tmp_path / 'c.db'}'",
                "DELETE FROM facts", "PRAGMA journal_mode=WAL", "CREATE TABLE t (a)"):
        with pytest.raises((QueryRefused, sqlite3.DatabaseError)):
            list(_sqlite_rows(str(warehouse_copy), sql, QueryOptions()))
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "c.db").exists()
    columns = list(_sqlite_rows(str(warehouse_copy), "SELECT name FROM pragma_table_info('facts')", QueryOptions()))
    assert ("value",) in columns  # describing the schema is reading


def test_query_timeout_and_streamed_rows(loaded):
    from pipeline.store.query import QueryOptions, run_read_only

    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
    stream = run_read_only(f"sqlite:///{loaded}", endless, QueryOptions(timeout=0))
    assert next(stream) == ("x",)
    assert [next(stream) for _ in range(5)] == [(1,), (2,), (3,), (4,), (5,)]  # rows come before the end
    stream.close()
    code, _, err = cli("query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                "SELECT count(*) FROM c", "--db", f"sqlite:///{loaded}", "--timeout", "0.5")
    assert code == 2 and "stopped after 0.5 s (--timeout)" in err


def test_ctrl_c_stops_a_running_query(loaded):
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "query", "--timeout", "0", "--db",
                             f"sqlite:///{loaded}", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                             "FROM c) SELECT count(*) FROM c"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode in (2, 130) and "interrupted" in err and "Traceback" not in err, err


# ---------------------------------------------------------------- 2. inbox: a document is its content

def _drop(folder: Path, name: str, source: str, extra: str = "") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((SAMPLES / source).read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_inbox_new_file_under_an_old_name_is_a_new_document(tmp_path):
    inbox, done, db = tmp_path / "inbox", tmp_path / "done", tmp_path / "w.db"
    url = f"sqlite:///{db}"
    _drop(inbox, "工作简报.txt", "2019_hetang_1-9.txt")
    assert inbox_module.ingest_inbox(str(inbox), url, str(done), settle_seconds=0).count("loaded") == 1
    _drop(inbox, "工作简报.txt", "2022_yuetang_q1.txt")  # next month's bulletin, same name
    second = inbox_module.ingest_inbox(str(inbox), url, str(done), settle_seconds=0)
    assert second.count("loaded") == 1 and second.count("replaced") == 0
    assert rows(db, "SELECT count(*) FROM documents") == [(2,)]
    assert sorted(p.name for p in done.iterdir()) == ["工作简报 (2).txt", "工作简报.txt"]
    assert (done / "工作简报.txt").read_text(encoding="utf-8").startswith(
        (SAMPLES / "2019_hetang_1-9.txt").read_text(encoding="utf-8")[:50])  # never overwritten


def test_inbox_same_names_in_two_subfolders_both_kept(tmp_path):
    inbox, done, db = tmp_path / "inbox", tmp_path / "done", tmp_path / "w.db"
    _drop(inbox, "a/简报.txt", "2019_hetang_1-9.txt")
    _drop(inbox, "b/简报.txt", "2022_yuetang_q1.txt")
    (done / "a").mkdir(parents=True)
    (done / "a" / "简报.txt").write_text("an archived file of an earlier year", encoding="utf-8")
    summary = inbox_module.ingest_inbox(str(inbox), f"sqlite:///{db}", str(done), settle_seconds=0)
    assert summary.count("loaded") == 2
    assert sorted(str(p.relative_to(done)) for p in done.rglob("*.txt")) == ["a/简报 (2).txt", "a/简报.txt",
                                                                             "b/简报.txt"]
    assert (done / "a" / "简报.txt").read_text(encoding="utf-8") == "an archived file of an earlier year"
    assert rows(db, "SELECT file_name FROM inbox_files ORDER BY file_name") == [("a/简报.txt",), ("b/简报.txt",)]


def test_inbox_replace_is_explicit_and_recorded(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    url = f"sqlite:///{db}"
    _drop(inbox, "简报.txt", "2019_hetang_1-9.txt")
    inbox_module.ingest_inbox(str(inbox), url, settle_seconds=0)
    _drop(inbox, "简报.txt", "2019_hetang_1-9.txt", extra="\n（更正）\n")
    summary = inbox_module.ingest_inbox(str(inbox), url, replace=True, settle_seconds=0)
    assert summary.count("replaced") == 1
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]
    (old, new, user), = rows(db, "SELECT old_sha256, new_sha256, os_user FROM replacements")
    assert old != new and user
    assert rows(db, "SELECT command FROM ingest_runs ORDER BY id")[-1][0].endswith("--replace")


def test_archive_across_file_systems_copies_then_renames(tmp_path, monkeypatch):
    inbox, done = tmp_path / "inbox", tmp_path / "done"
    src = _drop(inbox, "x/简报.txt", "2019_hetang_1-9.txt")
    content = src.read_bytes()
    real_replace = os.replace

    def cross_device(a, b):
        if str(a) == str(src):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_replace(a, b)

    monkeypatch.setattr(inbox_module.os, "replace", cross_device)
    target = inbox_module.archive_file(str(src), str(inbox), str(done))
    assert target == str(done / "x" / "简报.txt") and Path(target).read_bytes() == content
    assert not src.exists() and [p.name for p in (done / "x").iterdir()] == ["简报.txt"]  # no temp file left


# ---------------------------------------------------------------- 3. exports never carry a live formula

def test_exports_defuse_formulas_and_keep_numbers(warehouse_copy, tmp_path):
    import openpyxl

    with sqlite3.connect(warehouse_copy) as conn:
        first, second = [r[0] for r in conn.execute("SELECT id FROM facts ORDER BY id LIMIT 2")]
        conn.execute("UPDATE facts SET entity_raw = ?, quote = ? WHERE id = ?",
                     ('=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", first))
        conn.execute("UPDATE facts SET metric_raw = ? WHERE id = ?", ("@SUM(1+1)*cmd", second))
        conn.execute("UPDATE facts SET quote = ?, entity_raw = ? WHERE id = ?",
                     ("x\r=1+2+cmd|' calc'!A0", "a\x1bb", second))  # a line break, a control character
    url = f"sqlite:///{warehouse_copy}"
    out_csv, out_xlsx = tmp_path / "f.csv", tmp_path / "f.xlsx"
    assert cli("export", "facts", "--format", "csv", "-o", out_csv, "--db", url)[0] == 0
    assert cli("export", "facts", "--format", "xlsx", "-o", out_xlsx, "--db", url)[0] == 0
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        records = {int(r["fact_id"]): r for r in csv.DictReader(fh)}
    assert records[first]["entity_raw"] == '\'=HYPERLINK("http://evil.example","点我")'
    assert records[first]["quote"] == "'+cmd|' /C calc'!A0"
    assert records[second]["metric_raw"] == "'@SUM(1+1)*cmd"
    assert records[second]["quote"] == "x\r=1+2+cmd|' calc'!A0"  # one quoted field, not a new row
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        assert not any(cell.startswith(("=", "+", "@")) for row in csv.reader(fh) for cell in row)
    assert float(records[first]["value"]) == rows(warehouse_copy, f"SELECT value FROM facts WHERE id = {first}")[0][0]
    sheet = openpyxl.load_workbook(out_xlsx).active
    header = [c.value.split("\n")[-1] for c in sheet[1]]  # "文件\ndocument": the contract's name last
    by_id = {r[header.index("fact_id")].value: r for r in sheet.iter_rows(min_row=2)}
    cell = by_id[first][header.index("entity_raw")]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://evil.example","点我")'
    assert all(c.data_type != "f" for r in sheet.iter_rows() for c in r)  # no formula anywhere
    assert by_id[first][header.index("value")].data_type == "n"
    assert by_id[second][header.index("entity_raw")].value == "a\\x1bb"  # shown, not refused
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


# ---------------------------------------------------------------- 4. names: no blank names, all or nothing, undo

def test_blank_names_are_refused(warehouse_copy):
    url = f"sqlite:///{warehouse_copy}"
    before = rows(warehouse_copy, "SELECT id, entity_id FROM facts ORDER BY id")
    for args in (["accept", " ", "荷塘区"], ["accept", "", "荷塘区"], ["reject", "  "], ["add", " ", "--kind", "x"],
                 ["add", "新区", "--kind", "zone", "--alias", " "]):
        code, _, err = cli("names", *args, "--db", url)
        assert code == 2 and err.startswith("error:") and len(err.strip().splitlines()) == 1, (args, err)
    assert rows(warehouse_copy, "SELECT id, entity_id FROM facts ORDER BY id") == before


def _alias_csv(path: Path, lines: list[list[str]], encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["raw", "context", "entity", "kind", "parent", "code", "method", "score", "confirmed"])
        w.writerows(lines)


def test_names_import_checks_every_row_first(warehouse_copy, tmp_path):
    url = f"sqlite:///{warehouse_copy}"
    before = rows(warehouse_copy, "SELECT id, entity_id FROM facts ORDER BY id")
    good = ["月塘街道", "", "荷塘区", "district", "", "", "confirmed", "1", "1"]
    cases = {
        "blank raw": [good, ["", "", "荷塘区", "district", "", "", "confirmed", "1", "1"]],
        "conflict": [good, ["月塘街道", "", "芦淞区", "district", "", "", "confirmed", "1", "1"]],
        "bad flag": [good, ["宋家桥街道", "", "荷塘区", "district", "", "", "confirmed", "1", "yes"]],
    }
    for why, lines in cases.items():
        path = tmp_path / f"{why}.csv"
        _alias_csv(path, lines)
        code, _, err = cli("names", "import", path, "--db", url)
        assert code == 2 and "line 3" in err and len(err.strip().splitlines()) == 1, (why, err)
    gbk = tmp_path / "gbk.csv"
    _alias_csv(gbk, [good], encoding="gbk")
    assert "not UTF-8" in cli("names", "import", gbk, "--db", url)[2]
    (tmp_path / "cols.csv").write_text("name,entity\n月塘街道,荷塘区\n", encoding="utf-8")
    assert "lacks the column" in cli("names", "import", tmp_path / "cols.csv", "--db", url)[2]
    for missing in (tmp_path / "nope.csv", tmp_path):
        code, _, err = cli("names", "import", missing, "--db", url)
        assert code == 2 and err.startswith("error: cannot read") and "Traceback" not in err
    assert rows(warehouse_copy, "SELECT id, entity_id FROM facts ORDER BY id") == before
    assert rows(warehouse_copy, "SELECT count(*) FROM name_decisions") == [(0,)]


def test_every_decision_is_listed_and_can_be_undone(warehouse_copy):
    url = f"sqlite:///{warehouse_copy}"
    facts = "SELECT id, entity_id, entity_method, entity_score FROM facts WHERE entity_key = '月塘街道' ORDER BY id"
    before = rows(warehouse_copy, facts)
    assert before
    code, out, _ = cli("names", "add", "月塘片区", "--kind", "street", "--parent", "荷塘区", "--db", url)
    assert code == 0
    code, out, _ = cli("names", "accept", "月塘街道", "月塘片区", "--db", url)
    assert code == 0 and f"{len(before)} facts updated" in out
    assert {r[1] for r in rows(warehouse_copy, facts)} != {r[1] for r in before}
    listed = [json.loads(x) for x in cli("names", "decisions", "--json", "--db", url)[1].splitlines()]
    assert [d["action"] for d in listed] == ["accept", "add"] and all(d["decided_by"] for d in listed)
    code, _, err = cli("names", "undo", str(listed[1]["id"]), "--db", url)  # the add: a later accept stands on it
    assert code == 2 and "undo it first" in err
    code, out, _ = cli("names", "undo", str(listed[0]["id"]), "--db", url)
    assert code == 0 and rows(warehouse_copy, facts) == before
    assert cli("names", "undo", str(listed[1]["id"]), "--db", url)[0] == 0
    assert rows(warehouse_copy, "SELECT count(*) FROM entities WHERE name = '月塘片区'") == [(0,)]
    assert cli("names", "undo", str(listed[1]["id"]), "--db", url)[0] == 2  # once only
    table = cli("names", "decisions", "--db", url)[1]
    assert "undo" in table and "月塘街道" in table


# ---------------------------------------------------------------- 5. one line, never a traceback

def test_bad_warehouse_urls_are_one_line(tmp_path):
    sample = SAMPLES / "2019_hetang_1-9.txt"
    folder = tmp_path / "a folder"
    folder.mkdir()
    for db, words in (("not a url", "not a database URL"), ("postgresql+psycopg://u@127.0.0.1:1/x", "cannot open"),
                      (f"sqlite:///{folder}", "is a folder"), ("oracle+nothing://x/y", "cannot use")):
        code, _, err = cli("ingest", sample, "--runner", "plain", "--db", db)
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1, (db, err)
    if not IS_ROOT:  # root writes to read-only files: the case cannot arise
        ro = tmp_path / "ro.db"
        ingest_paths([str(sample)], f"sqlite:///{ro}")
        ro.chmod(0o444)
        code, _, err = cli("ingest", SAMPLES / "2022_yuetang_q1.txt", "--runner", "plain", "--db", f"sqlite:///{ro}")
        assert code == 2 and "read-only" in err


def test_hash_in_the_warehouse_path(tmp_path):
    db = tmp_path / "第#1期?.db"
    url = f"sqlite:///{db}"
    assert cli("ingest", SAMPLES / "2019_hetang_1-9.txt", "--runner", "plain", "--db", url)[0] == 0
    code, out, err = cli("query", "SELECT count(*) AS n FROM documents", "--db", url, "--json")
    assert code == 0 and json.loads(out) == {"n": 1}, err
    assert cli("stats", "--db", url)[0] == 0


def test_export_to_a_missing_folder_is_one_line(loaded, tmp_path):
    code, _, err = cli("export", "facts", "--format", "csv", "-o", tmp_path / "no" / "f.csv", "--db",
                       f"sqlite:///{loaded}")
    assert code == 2 and err == f"error: the folder {tmp_path / 'no'} does not exist\n"


# ---------------------------------------------------------------- 6. a killed writer's hot journal

def test_read_only_commands_recover_after_a_killed_writer(warehouse_copy):
    killer = (
        "import os, signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1')\n"
        "c.execute('BEGIN')\n"
        "c.execute('DELETE FROM facts')\n"
        "c.executemany('INSERT INTO notes (document_id, text) VALUES (1, ?)', [('x' * 500,) for _ in range(5000)])\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", killer, str(warehouse_copy)])
    journal = Path(str(warehouse_copy) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0  # hot: the writer died mid-transaction
    code, out, err = cli("query", "SELECT count(*) AS n FROM facts", "--db", f"sqlite:///{warehouse_copy}", "--json")
    assert code == 0 and json.loads(out)["n"] > 0, err
    assert "rolled back an unfinished write" in err
    assert cli("stats", "--db", f"sqlite:///{warehouse_copy}")[0] == 0


# ---------------------------------------------------------------- 8. what an input folder may hold

def test_only_regular_files_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "2019_hetang_1-9.txt", folder / "good.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    shutil.copy(SAMPLES / "2022_yuetang_q1.txt", folder / "第[1]期*.txt")  # glob characters in a real name
    shutil.copy(SAMPLES / "2023_chaling_1-11.txt", folder / "two\nlines.txt")
    (folder / "big.txt").write_bytes(b"x" * 5000)
    code, out, err = cli("ingest", folder, "--runner", "plain", "--max-bytes", "4096", "--db",
                         f"sqlite:///{tmp_path / 'w.db'}")
    errors = err.strip().splitlines()
    assert code == 1 and len(errors) == 3, err  # fifo, device, too large: one line each
    assert any("pipe.txt: a FIFO" in e for e in errors) and any("zero.txt: a character device" in e for e in errors)
    assert any("big.txt" in e and "--max-bytes" in e for e in errors)
    assert "3 loaded" in out
    code, out, _ = cli("ingest", folder / "第[1]期*.txt", "--runner", "plain", "--db", f"sqlite:///{tmp_path / 'w.db'}")
    assert code == 0 and "1 skipped" in out  # read as itself, not as a pattern
    from extractors.sources import shown

    assert shown(str(folder / "two\nlines.txt")).endswith("two\\nlines.txt")


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SAMPLES / "2019_hetang_1-9.txt", folder / "good.txt")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", lambda p=".": scandir(p) and [])
    summary = ingest_paths([str(folder)], f"sqlite:///{tmp_path / 'w.db'}")
    failed = [o for o in summary.outcomes if o.status == "failed"]
    assert summary.count("loaded") == 1 and len(failed) == 1
    assert failed[0].path.endswith("locked") and "folder cannot be read: Permission denied" == failed[0].reason


# ---------------------------------------------------------------- 9. one document cannot take the machine

def _bomb_pdf(path: Path, inflated: int, layers: str = "flate") -> None:
    """A one-page PDF whose single stream is small on disk and inflates to `inflated` bytes; its
    filter chain one Flate, Flate over Flate, or ASCIIHex around Flate."""
    import binascii
    import zlib

    payload = zlib.compress(b" " * inflated, 9)
    filters = b"/FlateDecode"
    if layers == "double":
        payload, filters = zlib.compress(payload, 9), b"[/FlateDecode /FlateDecode]"
    elif layers == "hex":
        payload, filters = binascii.hexlify(payload) + b">", b"[/ASCIIHexDecode /FlateDecode]"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter %s >>\nstream\n" % (len(payload), filters) + payload + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


@pytest.mark.parametrize("layers", ["double", "hex"])
def test_a_bomb_behind_another_filter_is_counted(tmp_path, layers):
    """Flate over Flate, or hex around Flate, once passed the inflation check."""
    from extractors.pdf import inflated_size

    _bomb_pdf(tmp_path / "b.pdf", 8 * 1024 * 1024, layers)
    assert inflated_size((tmp_path / "b.pdf").read_bytes(), 4 * 1024 * 1024) > 4 * 1024 * 1024


def test_limits_fail_one_document_not_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _bomb_pdf(folder / "bomb.pdf", 8 * 1024 * 1024)
    assert (folder / "bomb.pdf").stat().st_size < 20_000
    shutil.copy(SAMPLES / "2020_lukou_1-6.pdf", folder / "four_pages.pdf")
    sample = (SAMPLES / "2019_hetang_1-9.txt").read_text(encoding="utf-8")
    (folder / "long.txt").write_text(sample * 3, encoding="utf-8")  # 2,514 characters in 5,454 bytes
    (folder / "huge.txt").write_text(sample * 5, encoding="utf-8")  # more bytes than 2,000 characters can take
    shutil.copy(SAMPLES / "2022_yuetang_q1.txt", folder / "short.txt")
    code, out, err = cli("ingest", folder, "--runner", "plain", "--no-camelot", "--max-inflated", 4 * 1024 * 1024,
                         "--max-pages", "3", "--max-text-chars", "2000", "--db", f"sqlite:///{tmp_path / 'w.db'}")
    assert code == 1 and "1 loaded" in out and "4 failed" in out, out + err
    assert "bomb.pdf: its compressed streams inflate to more than 4 MiB" in err
    assert "four_pages.pdf: 4 pages, over the limit of 3" in err
    assert "long.txt: 2,514 characters of text, over the limit of 2,000" in err
    assert "huge.txt: 9,090 bytes of text cannot hold under 2,000 characters" in err
    kinds = rows(tmp_path / "w.db", "SELECT DISTINCT kind FROM failures")
    assert kinds == [("too_large",)]


# ---------------------------------------------------------------- 10. the settle rule looks twice

def test_a_file_still_growing_waits_for_the_next_run(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "2019_hetang_1-9.txt", inbox / "settled.txt")
    growing = inbox / "growing.txt"
    growing.write_text("2022年一季度", encoding="utf-8")
    engine = store_engine.open_warehouse(f"sqlite:///{tmp_path / 'w.db'}")

    def copy_goes_on():
        with open(growing, "a", encoding="utf-8") as fh:
            fh.write((SAMPLES / "2022_yuetang_q1.txt").read_text(encoding="utf-8"))

    taken = inbox_module.new_files(engine, str(inbox), settle_seconds=0, between_looks=copy_goes_on)
    assert [Path(p).name for p in taken] == ["settled.txt"]
    taken = inbox_module.new_files(engine, str(inbox), settle_seconds=0)
    assert sorted(Path(p).name for p in taken) == ["growing.txt", "settled.txt"]


# ---------------------------------------------------------------- 11. run records tell the truth

def test_an_interrupted_run_says_what_it_loaded(tmp_path):
    db = tmp_path / "w.db"
    seen = []

    def stop_after_two(outcome):
        seen.append(outcome)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_paths([str(SAMPLES)], f"sqlite:///{db}", on_file=stop_after_two)
    (status, loaded, files_seen, facts), = rows(db, "SELECT status, loaded, files_seen, facts FROM ingest_runs")
    assert (status, loaded, files_seen) == ("interrupted", 2, len(list(SAMPLES.glob("*.*"))))
    assert facts == rows(db, "SELECT count(*) FROM facts")[0][0] > 0


def test_a_killed_run_is_marked_abandoned(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    dies = ("import os, sys\nfrom pipeline.store import engine as store_engine, runs\n"
            "runs.start_run(store_engine.open_warehouse(sys.argv[1]), 'ingest big/')\nos._exit(9)\n")
    subprocess.run([sys.executable, "-c", dies, url], cwd=ROOT, check=False)
    assert rows(tmp_path / "w.db", "SELECT status FROM ingest_runs") == [("running",)]
    ingest_paths([str(SAMPLES / "2019_hetang_1-9.txt")], url)
    assert rows(tmp_path / "w.db", "SELECT status FROM ingest_runs ORDER BY id") == [("abandoned",), ("finished",)]


def test_concurrent_runs_count_no_phantoms(tmp_path):
    import threading

    url = f"sqlite:///{tmp_path / 'w.db'}"
    store_engine.open_warehouse(url)
    done = []
    threads = [threading.Thread(target=lambda: done.append(ingest_paths([str(SAMPLES)], url))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    n = len(list(SAMPLES.glob("*.*")))
    recorded = rows(tmp_path / "w.db", "SELECT loaded, replaced, skipped FROM ingest_runs")
    assert sum(r[0] for r in recorded) == n and sum(r[1] for r in recorded) == 0
    assert sum(r[0] + r[2] for r in recorded) == 2 * n


def test_undo_also_reverts_facts_loaded_after_the_decision(warehouse_copy, tmp_path):
    url = f"sqlite:///{warehouse_copy}"
    facts = "SELECT entity_id, entity_method FROM facts WHERE entity_key = '月塘街道' ORDER BY id"
    before = set(rows(warehouse_copy, facts))
    assert cli("names", "add", "月塘片区", "--kind", "street", "--db", url)[0] == 0
    assert cli("names", "accept", "月塘街道", "月塘片区", "--db", url)[0] == 0
    later = tmp_path / "2019_hetang_1-9_again.txt"
    later.write_text((SAMPLES / "2019_hetang_1-9.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ingest_paths([str(later)], url)  # a new bulletin resolves 月塘街道 through the decision
    decided = json.loads(cli("names", "decisions", "--json", "--db", url)[1].splitlines()[0])
    assert {m for _, m in rows(warehouse_copy, facts)} == {"confirmed"}
    code, out, err = cli("names", "undo", decided["id"], "--db", url)
    assert code == 0, err
    assert set(rows(warehouse_copy, facts)) == before  # the later document's facts too


def test_replace_applies_to_a_file_loaded_before(tmp_path):
    """The note says "ingest it again with --replace": that must work on the loaded file."""
    doc, url = tmp_path / "简报.txt", f"sqlite:///{tmp_path / 'w.db'}"
    doc.write_text((SAMPLES / "2019_hetang_1-9.txt").read_text(encoding="utf-8"), encoding="utf-8")
    ingest_paths([str(doc)], url)
    doc.write_text((SAMPLES / "2019_hetang_1-9.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "--replace" in ingest_paths([str(doc)], url).outcomes[0].note
    again = ingest_paths([str(doc)], url, replace=True)
    assert again.outcomes[0].status == "replaced" and again.counts()["replaced"] == 1
    assert rows(tmp_path / "w.db", "SELECT count(*) FROM documents") == [(1,)]
    assert rows(tmp_path / "w.db", "SELECT count(*) FROM replacements") == [(1,)]


def test_archive_names_that_collide_at_the_length_limit(tmp_path):
    inbox, done = tmp_path / "inbox", tmp_path / "done"
    long_name = "重点项目" * 20 + ".txt"  # 244 bytes: " (2)" would pass 255
    _drop(inbox, long_name, "2019_hetang_1-9.txt")
    done.mkdir()
    (done / long_name).write_text("an older one", encoding="utf-8")
    target = inbox_module.archive_file(str(inbox / long_name), str(inbox), str(done))
    assert Path(target).name.endswith(" (2).txt") and len(Path(target).name.encode()) <= 255
    assert (done / long_name).read_text(encoding="utf-8") == "an older one"


def test_an_archive_inside_the_inbox_is_refused(tmp_path):
    inbox = tmp_path / "inbox"
    _drop(inbox, "a.txt", "2019_hetang_1-9.txt")
    code, _, err = cli("ingest", "--inbox", inbox, "--archive", inbox / "done", "--runner", "plain", "--db",
                       f"sqlite:///{tmp_path / 'w.db'}")
    assert code == 2 and "inside the inbox" in err


def test_read_only_commands_name_an_old_schema(loaded, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(loaded, old)
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002_inbox_files'")
    code, _, err = cli("stats", "--db", f"sqlite:///{old}")
    assert code == 2 and "bulletins upgrade" in err and len(err.strip().splitlines()) == 1
