"""The 渌口区 series (1-6月 of 2021, 2022 and 2023): three samples ingested in-process into a
temporary SQLite warehouse, against the figures written into them by hand."""
import sqlite3

import pytest

from tests.conftest import SAMPLES

TOWNS = ("渌口镇", "淦田镇", "龙船镇", "南洲镇", "古岳峰镇")

# year → (渌口区 1-6月完成投资 in prose, 万元; each town's 1-6月完成投资 from the table, 万元, in TOWNS order)
GOLDEN = {
    2021: (298600, (96800, 58400, 50300, 60200, 32900)),
    2022: (312400, (101500, 57200, 54600, 63800, 35300)),
    2023: (335900, (108300, 63100, 52700, 72400, 39400)),
}


def _file(year):
    return SAMPLES / f"{year}_lukou_1-6.txt"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """The three samples loaded by `bulletins ingest` (click's CliRunner, the plain runner)."""
    from click.testing import CliRunner

    from pipeline.cli import main

    db = tmp_path_factory.mktemp("series") / "series.db"
    result = CliRunner().invoke(
        main, ["ingest", *[str(_file(y)) for y in GOLDEN], "--db", f"sqlite:///{db}", "--runner", "plain"],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "3 loaded" in result.stdout and "0 failed" in result.stdout, result.stdout
    return db


def _facts(db, year, **where):
    sql = ("SELECT entity, metric, value, unit, period_start, period_end, source_kind FROM facts_view "
           "WHERE document = ?" + "".join(f" AND {k} = ?" for k in where))
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, (_file(year).name, *where.values())).fetchall()


@pytest.mark.parametrize("year", list(GOLDEN))
def test_golden_sums_are_consistent(year):
    total, towns = GOLDEN[year]
    assert sum(towns) == total


@pytest.mark.parametrize("year", list(GOLDEN))
def test_district_done_from_prose(warehouse, year):
    total, _ = GOLDEN[year]
    rows = _facts(warehouse, year, entity="渌口区", metric="完成投资", source_kind="text")
    assert rows == [("渌口区", "完成投资", float(total), "万元", f"{year}-01-01", f"{year}-06-30", "text")]


@pytest.mark.parametrize("year", list(GOLDEN))
def test_town_done_from_table(warehouse, year):
    _, towns = GOLDEN[year]
    got = {r[0]: r[2:6] for r in _facts(warehouse, year, metric="完成投资", source_kind="table")}
    for town, value in zip(TOWNS, towns):
        assert got[town] == (float(value), "万元", f"{year}-01-01", f"{year}-06-30"), town


@pytest.mark.parametrize("year", list(GOLDEN))
def test_table_total_and_rates_are_exact(warehouse, year):
    """The 合计 row (read as 渌口区) is the exact sum of the towns, every printed 完成率 the rounded quotient;
    the warehouse's own checks (rate, row_total) find nothing. row_total allows 0.5% of the total, so the
    exact sums are asserted here as well."""
    total, _ = GOLDEN[year]
    cells = {(r[0], r[1]): r[2] for r in _facts(warehouse, year, source_kind="table")}
    assert cells[("渌口区", "完成投资")] == total
    assert cells[("渌口区", "计划投资")] == sum(cells[(t, "计划投资")] for t in TOWNS)
    for entity in (*TOWNS, "渌口区"):
        rate = cells[(entity, "计划投资")] and cells[(entity, "完成投资")] / cells[(entity, "计划投资")] * 100
        assert cells[(entity, "完成率")] == pytest.approx(round(rate, 1)), entity
    with sqlite3.connect(warehouse) as conn:
        checks = conn.execute('SELECT f."check" FROM findings f JOIN documents d ON d.id = f.document_id '
                              "WHERE d.file_name = ?", (_file(year).name,)).fetchall()
    assert not [c for (c,) in checks if c in ("row_total", "rate")], checks
