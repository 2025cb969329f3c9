"""The default ingest on one machine (pipeline/batch/pool.py): extraction in worker processes, one
writer. The same facts as the plain loop, a file that kills its worker failed alone, a re-run that
reads nothing again."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.test_cli import run

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _facts(db: Path):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT document, entity, metric, category, value, unit, period_start, period_end, "
                            "row, col, line FROM facts_view ORDER BY 1, 2, 3, 4, 5, 9, 10, 11").fetchall()


def test_the_pool_loads_what_the_plain_loop_loads(tmp_path):
    plain, pooled = tmp_path / "plain.db", tmp_path / "pool.db"
    assert run("ingest", SAMPLES, "--db", f"sqlite:///{plain}", "--runner", "plain").returncode == 0
    result = run("ingest", SAMPLES, "--db", f"sqlite:///{pooled}", "--runner", "pool", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert _facts(pooled) == _facts(plain) and len(_facts(plain)) > 300
    again = run("ingest", SAMPLES, "--db", f"sqlite:///{pooled}", "--runner", "pool", "--workers", "2")
    assert "0 loaded" in again.stdout and f"{len(list(SAMPLES.iterdir()))} skipped" in again.stdout


def _dies_on_liling(path):
    if "liling" in path:
        os._exit(3)  # what a crash in a native reader looks like to the pool
    from pipeline.batch import pool

    return pool._extract_for_real(path)


def test_a_file_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    from pipeline.batch import pool

    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("the crash is planted in forked workers")
    monkeypatch.setattr(pool, "_extract_for_real", pool._extract, raising=False)
    monkeypatch.setattr(pool, "_extract", _dies_on_liling)
    db = tmp_path / "w.db"
    result = run("ingest", SAMPLES, "--db", f"sqlite:///{db}", "--runner", "pool", "--workers", "2")
    assert result.returncode == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "2021_liling_h1_gbk.txt" in errors[0] and "process died" in errors[0]
    n = len([p for p in SAMPLES.iterdir() if p.is_file()])
    assert f"{n - 1} loaded" in result.stdout and "1 failed" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind FROM failures").fetchall() == [("crashed",)]
