"""End to end: the `bulletins` command on folders of seeds, samples and broken files."""
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import CHECK_EXPORT, SAMPLES, SEEDS


def run_process(*args, cwd=None):
    """The real `bulletins` process: its default runner (a pool of processes, one writer), exit status and streams."""
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


class _Ran:
    def __init__(self, result):
        self.returncode, self.stdout, self.stderr = result.exit_code, result.stdout, result.stderr


def run(*args):
    """The command in-process (click's CliRunner); an ingest uses the plain runner."""
    from click.testing import CliRunner

    from pipeline.cli import main

    args = [str(a) for a in args]
    if args[0] == "ingest" and "--runner" not in args:
        args += ["--runner", "plain"]
    return _Ran(CliRunner().invoke(main, args, catch_exceptions=False))


def db_rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture()
def batch(tmp_path):
    """A folder holding the seeds (or, outside the workplace, the samples) and five broken files."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = SEEDS if SEEDS.is_dir() else SAMPLES
    for f in sorted(source.iterdir()):
        if f.is_file():
            shutil.copy(f, inbox / f.name)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "scan.docx").write_bytes(b"PK\x03\x04 not a bulletin")
    (inbox / "garbled.txt").write_bytes(b"\x80\x80\xff\xfe\x81 abc \xff" * 20)
    (inbox / "no_figures.txt").write_text("关于做好项目建设工作的通知\n各单位要高度重视，抓好落实。\n", encoding="utf-8")
    return inbox, len([f for f in source.iterdir() if f.is_file()])


def test_ingest_export_and_rerun(batch, tmp_path):
    inbox, good = batch
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    first = run_process("ingest", str(inbox), "--db", url)
    assert first.returncode == 1, first.stderr
    errors = [ln for ln in first.stderr.splitlines() if ln.strip()]
    assert len(errors) == 5, first.stderr
    assert all(ln.startswith("error: ") and str(inbox) in ln for ln in errors)
    assert "Traceback" not in first.stderr
    reasons = {ln.split(": ")[1].rsplit("/", 1)[-1]: ln.split(": ", 2)[2] for ln in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "damaged zip container" in reasons["scan.docx"]
    assert "do not decode" in reasons["garbled.txt"]
    assert "no figures" in reasons["no_figures.txt"]
    assert f"{good} loaded" in first.stdout and "5 failed" in first.stdout

    kinds = sorted(k for (k,) in db_rows(db, "SELECT kind FROM failures"))
    assert kinds == ["binary", "corrupt_office", "empty", "no_figures", "undecodable"]
    assert db_rows(db, "SELECT count(*) FROM documents") == [(good,)]
    # nothing of a failed document is in the warehouse
    assert db_rows(db, "SELECT count(*) FROM documents WHERE file_name IN "
                       "('empty.txt','binary.txt','scan.docx','garbled.txt','no_figures.txt')") == [(0,)]
    facts = db_rows(db, "SELECT count(*) FROM facts")[0][0]
    assert facts > 100

    out = tmp_path / "facts.jsonl"
    exported = run_process("export", "facts", "--format", "jsonl", "--db", url, "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == facts
    first_fact = json.loads(lines[0])
    assert {"document", "sha256", "entity", "metric_raw", "value_base", "unit_base", "quote", "flags"} <= set(first_fact)
    if CHECK_EXPORT.exists():
        checked = subprocess.run([sys.executable, str(CHECK_EXPORT), str(out)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout[-2000:]
        assert f"{facts} passed, 0 failed" in checked.stdout

    again = run_process("ingest", str(inbox), "--db", url, "-q")
    assert f"{good} skipped" in again.stdout and "0 loaded" in again.stdout
    # quiet means quiet: the five files' error lines, nothing of Prefect or its temporary server
    assert sorted(ln for ln in again.stderr.splitlines() if ln.strip()) == sorted(errors)
    assert db_rows(db, "SELECT count(*) FROM facts")[0][0] == facts
    runs = db_rows(db, "SELECT files_seen, loaded, skipped, failed FROM ingest_runs ORDER BY id")
    assert runs == [(good + 5, good, 0, 5), (good + 5, 0, good, 5)]


def test_other_export_formats(tmp_path):
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    assert run("ingest", str(SAMPLES), "--db", url).returncode == 0
    n = db_rows(db, "SELECT count(*) FROM facts")[0][0]
    import pandas as pd

    csv_out, pq_out, xl_out = tmp_path / "f.csv", tmp_path / "f.parquet", tmp_path / "f.xlsx"
    for fmt, out in (("csv", csv_out), ("parquet", pq_out), ("xlsx", xl_out)):
        r = run("export", "facts", "--format", fmt, "--db", url, "-o", str(out))
        assert r.returncode == 0, r.stderr
    frames = [pd.read_csv(csv_out), pd.read_parquet(pq_out), pd.read_excel(xl_out)]
    assert [len(f) for f in frames] == [n, n, n]
    frames[2].columns = [c.split("\n")[-1] for c in frames[2].columns]  # "文件\ndocument": the contract's name last
    first = ["document", "period_label", "entity", "metric", "category", "value", "unit"]
    assert all(list(f.columns[:7]) == first and f.columns[-1] == "sha256" for f in frames)
    pq = frames[1]
    money = pq[pq["unit"] == "亿元"]
    assert len(money) > 10 and ((money["value_base"] - money["value"] * 10000).abs() < 1e-6).all()


def test_query_is_read_only_and_errors_are_one_line(tmp_path):
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    assert run("ingest", str(SAMPLES), "--db", url).returncode == 0
    before = db_rows(db, "SELECT count(*) FROM facts")[0][0]
    r = run("query", "SELECT entity, value, unit FROM facts_view WHERE unit = '亿元' ORDER BY value DESC LIMIT 3",
            "--db", url)
    assert r.returncode == 0 and "(3 rows)" in r.stdout
    r = run("query", "SELECT entity, value FROM facts_view WHERE metric_raw = '1-5月完成' ORDER BY value DESC",
            "--db", url, "--json")
    rows = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert rows[0] == {"entity": "岳阳楼区", "value": 32.1} and len(rows) == 5
    for sql in ("DELETE FROM facts", "DROP TABLE facts", "UPDATE facts SET value = 0"):
        r = run("query", sql, "--db", url)
        assert r.returncode == 2 and r.stderr.startswith("error: query failed:") and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert db_rows(db, "SELECT count(*) FROM facts")[0][0] == before
    r = run("query", "SELEKT nonsense", "--db", url)
    assert r.returncode == 2 and "syntax error" in r.stderr
    r = run("query", "SELECT 1", "--db", f"sqlite:///{tmp_path / 'missing.db'}")
    assert r.returncode == 2 and "cannot open warehouse" in r.stderr


def test_stats_and_help(tmp_path):
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    run("ingest", str(SAMPLES), "--db", url)
    r = run("stats", "--db", url, "--json")
    numbers = json.loads(r.stdout)
    assert numbers["documents"] == len(list(SAMPLES.glob("*.*"))) and numbers["facts"] > 50
    for cmd in (["--help"], ["ingest", "--help"], ["export", "facts", "--help"], ["query", "--help"], ["stats", "--help"]):
        r = run(*cmd)
        assert r.returncode == 0 and "Example" in r.stdout


def test_one_shot_inbox_for_system_cron(tmp_path):
    """Settled files are taken in one pass and archived under their subfolder paths; a second pass
    finds nothing new. (A file still growing is left for the next run: tests/test_safety.py.)"""
    inbox, done = tmp_path / "inbox", tmp_path / "done"
    (inbox / "may").mkdir(parents=True)
    shutil.copy(SAMPLES / "2019_hetang_1-9.txt", inbox / "2019_hetang_1-9.txt")
    shutil.copy(SAMPLES / "2016_nankang_summary.md", inbox / "may" / "2016_nankang_summary.md")
    url = f"sqlite:///{tmp_path / 'w.db'}"
    r = run("ingest", "--inbox", str(inbox), "--archive", str(done), "--runner", "plain", "--db", url)
    assert r.returncode == 0 and "2 files: 2 loaded" in r.stdout, r.stdout + r.stderr
    assert sorted(str(p.relative_to(done)) for p in done.rglob("*") if p.is_file()) == \
        ["2019_hetang_1-9.txt", "may/2016_nankang_summary.md"]
    r = run("ingest", "--inbox", str(inbox), "--archive", str(done), "--runner", "plain", "--db", url)
    assert "0 files: 0 loaded" in r.stdout
    assert db_rows(tmp_path / "w.db", "SELECT file_name FROM inbox_files ORDER BY file_name") == \
        [("2019_hetang_1-9.txt",), ("may/2016_nankang_summary.md",)]
