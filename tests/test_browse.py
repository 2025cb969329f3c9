"""`bulletins browse`: the warehouse in Datasette, read-only, with bilingual metadata, facets,
canned queries and facts linked to their documents; checked in-process through Datasette's own
client, and in a real headless browser (Debian's chromium driven by Playwright) with a
screenshot kept in test-artifacts/."""
from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("BULLETINS_TEST_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# as the machine notes advise: no sandbox as root, and no background traffic the closed network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    from pipeline.cli import main

    db = tmp_path_factory.mktemp("browse") / "series.db"
    files = [str(SAMPLES / f"{y}_lukou_1-6.txt") for y in (2021, 2022, 2023)]
    r = CliRunner().invoke(main, ["ingest", *files, "--db", f"sqlite:///{db}", "--runner", "plain"])
    assert r.exit_code == 0 and "3 loaded" in r.stdout, r.output
    return db


def _get(ds, path: str):
    return asyncio.run(ds.client.get(path))


def test_metadata_facets_canned_queries_and_links(warehouse):
    from pipeline.store.browse import FACETS, datasette_app

    ds = datasette_app(warehouse, "series", immutable=False)
    meta = _get(ds, "/-/metadata.json").json()
    assert meta["title"] == "公报数据仓库 · Bulletin warehouse"
    tables = meta["databases"]["series"]["tables"]
    assert tables["facts_view"]["columns"]["unit_base"].startswith("基准单位 · 万元（金额）")
    assert "万元 for money" in tables["facts_view"]["columns"]["unit_base"]
    assert tables["documents"]["title"] == "文件 · documents"

    page = _get(ds, "/series/facts_view.json?_size=1&metric=" + quote("完成投资")).json()
    assert set(page["facet_results"]) >= set(FACETS)
    entities = {v["value"]: v["count"] for v in page["facet_results"]["entity"]["results"]}
    assert entities["淦田镇"] == 3 and entities["渌口区"] >= 6  # prose and the 合计 row, three years

    series = _get(ds, "/series/entity_series.json?_shape=array&entity=" + quote("淦田镇") + "&measure="
                  + quote("完成投资")).json()
    assert [(r["period_end"], r["value_base"], r["document"]) for r in series] == [
        ("2021-06-30", 58400.0, "2021_lukou_1-6.txt"), ("2022-06-30", 57200.0, "2022_lukou_1-6.txt"),
        ("2023-06-30", 63100.0, "2023_lukou_1-6.txt")]
    by_period = _get(ds, "/series/measure_by_entity_period.json?_shape=array&measure=" + quote("完成率")).json()
    assert {r["unit_base"] for r in by_period} == {"%"} and len(by_period) >= 18
    assert _get(ds, "/series/findings_by_document.json?_shape=array").status_code == 200
    assert _get(ds, "/series/names_pending.json?_shape=array").status_code == 200

    html = _get(ds, "/series/facts_view?entity=" + quote("淦田镇") + "&metric=" + quote("完成投资")).text
    assert '<a href="/series/documents?file_name=2021_lukou_1-6.txt">2021_lukou_1-6.txt</a>' in html
    assert "<small class=\"where\">(p1, table 0, row " in html  # the quote says where it stands


def test_browse_cannot_write(warehouse):
    from pipeline.store.browse import datasette_app

    ds = datasette_app(warehouse, "series", immutable=False)
    before = warehouse.stat().st_mtime_ns
    r = _get(ds, "/series.json?sql=" + quote("DELETE FROM facts"))
    assert r.status_code == 400 and "SELECT" in r.json()["error"]
    r = _get(ds, "/series.json?sql=" + quote("SELECT count(*) AS n FROM facts") + "&_shape=array")
    assert r.json()[0]["n"] > 50 and warehouse.stat().st_mtime_ns == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(warehouse):
    """`bulletins browse` as its own process, on a free port of this machine."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "browse", "--db", f"sqlite:///{warehouse}",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"bulletins browse stopped: {proc.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("bulletins browse did not listen within 90 s")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _browser_or_skip():
    """Playwright and Debian's chromium, or a skip saying which is missing (a failure in CI, where
    scripts/system-packages.sh installs chromium)."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (test extra)")
    if not CHROMIUM:
        missing.append("Debian's chromium (scripts/system-packages.sh installs it as root)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("the browser test needs " + " and ".join(missing))
        pytest.skip("needs " + " and ".join(missing))


def test_in_a_real_browser(served):
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(f"{served}/series/facts_view?metric={quote('完成投资')}&_sort=fact_id")
            assert "事实（含文件与出处） · facts" in page.locator("h1").inner_text()
            facets = page.locator(".facet-info").evaluate_all("els => els.map(e => e.dataset.column)")
            assert {"metric", "entity", "category", "period_label", "document"} <= set(facets)
            assert page.locator("td.col-entity", has_text="淦田镇").count() == 3
            page.screenshot(path=str(ARTIFACTS / "browse-facts.png"), full_page=False)

            # a fact's document link leads to the document's row
            page.locator("td.col-document a", has_text="2022_lukou_1-6.txt").first.click()
            page.wait_for_url("**/series/documents?file_name=2022_lukou_1-6.txt")
            assert page.locator("td.col-jurisdiction").first.inner_text() == "渌口区"

            # a canned query: its form, filled in, gives the series
            page.goto(f"{served}/series/entity_series")
            page.fill("input[name=entity]", "淦田镇")
            page.fill("input[name=measure]", "完成投资")
            page.locator("form.sql input[type=submit]").click()
            page.wait_for_load_state()
            values = page.locator("td.col-value_base").all_inner_texts()
            assert [v.strip() for v in values] == ["58400", "57200", "63100"]
            page.screenshot(path=str(ARTIFACTS / "browse-series.png"), full_page=False)
        finally:
            browser.close()
    assert (ARTIFACTS / "browse-facts.png").stat().st_size > 20_000
