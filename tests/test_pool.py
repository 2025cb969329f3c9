"""The default ingest on one machine (pipeline/batch/pool.py): extraction in worker processes, one
writer. The same facts as the plain loop, a file that kills its worker failed alone, a re-run that
reads nothing again."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

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


def _plant_a_crash_on_liling(monkeypatch):
    from pipeline.batch import pool

    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("the crash is planted in forked workers")
    monkeypatch.setattr(pool, "_whole_file_for_real", pool._whole_file, raising=False)
    monkeypatch.setattr(pool, "_whole_file", _dies_on_liling)


def _dies_on_liling(path):
    if "liling" in path:
        os._exit(3)  # what a crash in a native reader looks like to the pool
    from pipeline.batch import pool

    return pool._whole_file_for_real(path)


def test_a_file_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    _plant_a_crash_on_liling(monkeypatch)
    db = tmp_path / "w.db"
    result = run("ingest", SAMPLES, "--db", f"sqlite:///{db}", "--runner", "pool", "--workers", "2")
    assert result.returncode == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "2021_liling_h1_gbk.txt" in errors[0] and "process died" in errors[0]
    n = len([p for p in SAMPLES.iterdir() if p.is_file()])
    assert f"{n - 1} loaded" in result.stdout and "1 failed" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind FROM failures").fetchall() == [("crashed",)]


def _long_pdf(path: Path, pages: int, blank: bool = False) -> Path:
    """A PDF of `pages` pages: the samples' PDF pages over and over (or blank pages, a scan's
    worth of text layer)."""
    import pypdfium2

    target = pypdfium2.PdfDocument.new()
    source = pypdfium2.PdfDocument(str(SAMPLES / "2020_lukou_1-6.pdf"))
    while len(target) < pages:
        if blank:
            target.new_page(595, 842)
        else:
            target.import_pages(source, list(range(min(len(source), pages - len(target)))))
    target.save(str(path))
    source.close()
    target.close()
    return path


@given(pages=st.integers(1, 2000), workers=st.integers(1, 16))
def test_page_ranges_cover_the_pages_once(pages, workers):
    from pipeline.batch.pool import SPLIT_PAGES, page_ranges

    ranges = page_ranges(pages, workers)
    assert ranges[0][0] == 0 and ranges[-1][1] is None  # the last runs to the end, whatever the count said
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))  # contiguous, no page twice
    assert len(ranges) == 1 or (all(b - a >= SPLIT_PAGES for a, b in ranges[:-1]) and len(ranges) <= 2 * workers)


def test_pages_past_a_short_count_are_read_by_the_last_range(tmp_path):
    """The pool counts pages in the file's bytes to split a PDF; where the count falls short (pages
    in compressed object streams, a damaged file), the last range still reads every page left."""
    from extractors.pdf import assemble_pages, read_pages, read_pdf
    from pipeline.batch.pool import page_ranges

    pdf = _long_pdf(tmp_path / "long.pdf", 20)
    data = pdf.read_bytes()
    whole = read_pdf(str(pdf), data)
    parts = [read_pages(str(pdf), data, first, last) for first, last in page_ranges(17, 2)]
    joined = assemble_pages(parts)
    assert whole.pages == 20 and (joined.lines, joined.line_pages) == (whole.lines, whole.line_pages)


def _range_spy(path, first, last):
    """A range read, marked in the folder RANGES_SEEN names (a worker's list would not come back)."""
    from pipeline.batch import pool

    (Path(os.environ["RANGES_SEEN"]) / f"{first}-{last}").touch()
    return pool._page_range_for_real(path, first, last)


def test_a_long_pdf_read_in_ranges_by_two_workers_gives_what_one_reader_gives(tmp_path, monkeypatch):
    from pipeline.batch import pool
    from pipeline.batch.pool import _workers_for

    seen = tmp_path / "ranges"
    seen.mkdir()
    monkeypatch.setenv("RANGES_SEEN", str(seen))
    monkeypatch.setattr(pool, "_page_range_for_real", pool._page_range, raising=False)
    monkeypatch.setattr(pool, "_page_range", _range_spy)

    pdf = _long_pdf(tmp_path / "long.pdf", 20)
    limit = 200 * 2**20
    assert _workers_for([str(pdf)], 2, limit) == 2  # one file, and yet two workers: a range of pages each
    assert _workers_for([str(SAMPLES / "2019_hetang_1-9.txt")], 2, limit) == 1  # a worker still: a crash fails the file
    plain, pooled = tmp_path / "plain.db", tmp_path / "pool.db"
    assert run("ingest", pdf, "--db", f"sqlite:///{plain}", "--runner", "plain").returncode == 0
    result = run("ingest", pdf, "--db", f"sqlite:///{pooled}", "--runner", "pool", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert _facts(pooled) == _facts(plain) and len(_facts(plain)) > 50
    assert sorted(p.name for p in seen.iterdir()) == ["0-8", "16-None", "8-16"]
    with sqlite3.connect(pooled) as conn:
        assert conn.execute("SELECT pages FROM documents").fetchall() == [(20,)]


def test_a_long_scan_read_in_ranges_fails_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _long_pdf(folder / "scan.pdf", 18, blank=True)
    (folder / "good.txt").write_bytes((SAMPLES / "2019_hetang_1-9.txt").read_bytes())
    db = tmp_path / "w.db"
    result = run("ingest", folder, "--db", f"sqlite:///{db}", "--runner", "pool", "--workers", "2")
    assert result.returncode == 1 and "1 loaded" in result.stdout and "1 failed" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind FROM failures").fetchall() == [("needs_ocr",)]


def test_a_batch_of_one_file_that_kills_its_reader_fails_that_file(tmp_path, monkeypatch):
    _plant_a_crash_on_liling(monkeypatch)
    db = tmp_path / "w.db"
    result = run("ingest", SAMPLES / "2021_liling_h1_gbk.txt", "--db", f"sqlite:///{db}", "--runner", "pool",
                 "--workers", "2")
    assert result.returncode == 1 and "1 failed" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind FROM failures").fetchall() == [("crashed",)]
        assert conn.execute("SELECT status FROM ingest_runs").fetchall() == [("finished",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
