"""Scanned bulletins: the number grammar, rows and columns rebuilt from boxes, and whole scans read
by the offline recognizer with every figure's box and confidence."""
from __future__ import annotations

import math
import sys
from collections import Counter

import pytest
from hypothesis import given, strategies as st

from extractors.ocr import OcrBox, lay_out, number_grammar
from tests.conftest import ROOT, SAMPLES, SHARED

SCAN = SAMPLES / "2020_lukou_1-6_scan.pdf"
ZHOUKOU = SHARED / "real_pdfs" / "01_zhoukou-shi-2023-tongji-gongbao.pdf"


# ---------------------------------------------------------------- the number grammar

@pytest.mark.parametrize("read, meant", [
    ("6O.4%", "60.4%"), ("28lO50", "281050"), ("1O0.1", "100.1"), ("89. 1%", "89.1%"), ("33。8%", "33.8%"),
    ("完成投资28lO50万元", "完成投资281050万元"), ("2O2O年", "2020年"), ("l2.5亿元", "12.5亿元"),
])
def test_confusions_inside_figures_are_read_as_digits(read, meant):
    assert number_grammar(read) == (meant, read.replace(" ", "") != meant)


@pytest.mark.parametrize("text", ["OLED项目", "ID号", "PPP项目", "G107国道", "1-6月", "第3季度", "Q1", "CPI上涨1.5%"])
def test_letters_in_words_are_left_alone(text):
    assert number_grammar(text) == (text, False)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_a_figure_read_right_is_never_changed(number):
    text = f"{number}万元"
    assert number_grammar(text) == (text, False)


# ---------------------------------------------------------------- layout from boxes

def _turned(boxes: list[OcrBox], degrees: float) -> list[OcrBox]:
    """The boxes of a sheet fed askew: turned about the page's top-left corner."""
    a = math.radians(degrees)
    out = []
    for b in boxes:
        cx, cy = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
        nx, ny = cx * math.cos(a) - cy * math.sin(a), cx * math.sin(a) + cy * math.cos(a)
        w, h = b.x1 - b.x0, b.bottom - b.top
        out.append(OcrBox(b.text, b.confidence, nx - w / 2, ny - h / 2, nx + w / 2, ny + h / 2))
    return out


def _box(text, x0, top, width=None, conf=0.99):
    width = width if width is not None else 10.5 * len(text)
    return OcrBox(text, conf, x0, top, x0 + width, top + 11)


def _bulletin_boxes():
    """A page as the recognizer reads it: two lines of prose, a caption, and a ruled table with a
    header merged over two columns, a name wrapped over two lines and right-aligned figures."""
    rows = [("宜都市", "68.4", "91.2%", "13"), ("夷陵区", "45.1", "85.0%", "5"), ("枝江市", "30.0", "76.5%", "4")]
    boxes = [_box("1-9月，全市重点项目完成投资143.5亿元，同比增长12.3%，新开工项目", 90, 100),
             _box("22个。", 70, 118),
             _box("各县市区完成情况", 200, 150),
             _box("县市区", 80, 180), _box("1-9月完成投资", 200, 174, 80), _box("开工项目数", 330, 180),
             _box("金额（亿元）", 180, 192, 66), _box("完成率", 265, 192)]
    top = 212
    for name, money, rate, count in rows:
        boxes += [_box(name, 80, top), _box(money, 246 - 6 * len(money), top, 6 * len(money)),
                  _box(rate, 300 - 6 * len(rate), top, 6 * len(rate)), _box(count, 390 - 6 * len(count), top,
                                                                           6 * len(count))]
        top += 20
    # a name over two lines, its figures centred in the cell between them
    boxes += [_box("宜昌高新区（含白洋", 80, top), _box("12.0", 222, top + 6.5, 24), _box("66.7%", 270, top + 6.5, 30),
              _box("2", 384, top + 6.5, 6), _box("工业园）", 80, top + 13)]
    return boxes


@pytest.mark.parametrize("degrees", [0.0, 0.7, -0.9])
def test_rows_and_columns_from_boxes_of_a_skewed_page(degrees):
    page = lay_out(_turned(_bulletin_boxes(), degrees), 1)
    assert [ln["text"] for ln in page.lines] == [
        "1-9月，全市重点项目完成投资143.5亿元，同比增长12.3%，新开工项目", "22个。", "各县市区完成情况"]
    assert page.lines[0].get("paragraph") and not page.lines[1].get("paragraph")  # an indented first line
    (table,) = page.tables
    assert table.method == "ocr"
    assert table.rows == [
        ["县市区", "1-9月完成投资", "", "开工项目数"],
        ["", "金额（亿元）", "完成率", ""],
        ["宜都市", "68.4", "91.2%", "13"],
        ["夷陵区", "45.1", "85.0%", "5"],
        ["枝江市", "30.0", "76.5%", "4"],
        ["宜昌高新区（含白洋工业园）", "12.0", "66.7%", "2"],
    ]
    boxes = table.cell_provenance
    assert boxes[2][1].bbox[0] == pytest.approx(246 - 24, abs=6)  # 68.4's own box, in points
    assert boxes[5][0].bbox[3] > boxes[5][1].bbox[3]  # the wrapped name's box spans both lines


def test_names_wrapped_in_top_aligned_cells():
    """A Word table's cells are top-aligned: a name's second line sits tight under its first, beside
    no figure; a heading right under the table, wider than the name column, is no row of it."""
    boxes = [_box("单位", 80, 100), _box("全年计划投资", 200, 100), _box("完成率", 330, 100),
             _box("市平台公司（发", 80, 120), _box("200000", 224, 120, 36), _box("33", 348, 120, 12),
             _box("改局）", 80, 133),
             _box("城乡建设局", 80, 150), _box("40000", 230, 150, 30), _box("26", 348, 150, 12),
             _box("合计", 80, 170), _box("2230000", 218, 170, 42), _box("9.6", 342, 170, 18),
             _box("（二）新开工项目超预期", 80, 183)]
    page = lay_out(boxes, 1)
    (table,) = page.tables
    assert [r[0] for r in table.rows] == ["单位", "市平台公司（发改局）", "城乡建设局", "合计"]
    assert [ln["text"] for ln in page.lines] == ["（二）新开工项目超预期"]


def test_a_column_read_downwards_is_cut_into_its_rows():
    """The detector sometimes reads down a dense column (粮 食 / 鲜 菜 …): that box's characters
    belong to the rows beside them."""
    from extractors.ocr import _split_stacked

    boxes = [_box("粮", 100, 100), _box("鲜", 100, 113), _box("畜", 100, 126),
             OcrBox("食菜肉", 0.99, 111, 100, 122, 139), _box("101.9", 300, 100), _box("91.9", 300, 113),
             _box("92.8", 300, 126), _box("居民消费价格指数", 60, 80), _box("100.0", 300, 80)]
    page = lay_out(_split_stacked(boxes), 1)
    (table,) = page.tables
    assert [r[0] for r in table.rows] == ["居民消费价格指数", "粮食", "鲜菜", "畜肉"]


def test_bare_figures_are_no_prose_and_no_table():
    """A chart's axis and value labels: figures with no word beside them."""
    boxes = [_box("1,000", 60, 80, 30), _box("912.48", 200, 80, 36), _box("934.30", 260, 81, 36),
             _box("887.71", 140, 92, 36), _box("901.90", 320, 92, 36),
             _box("900", 60, 100, 18), _box("800", 60, 130, 18), _box("全年粮食产量56.4万吨。", 90, 170)]
    page = lay_out(boxes, 1)
    assert not page.tables
    assert [ln["text"] for ln in page.lines] == ["全年粮食产量56.4万吨。"]


# ---------------------------------------------------------------- whole scans

def _key(f):
    return f.entity, f.metric, f.category, round(f.value, 6), f.unit, f.period.label if f.period else None


def _share(found: Counter, wanted: Counter) -> float:
    return sum((found & wanted).values()) / sum(wanted.values())


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, kit):
    """A bulletin whose first page was scanned: the scan of page 1, then the born-digital page 2."""
    import pypdfium2

    from pipeline.stages.document import extract_document, read_source

    path = tmp_path_factory.mktemp("mixed") / "mixed.pdf"
    target = pypdfium2.PdfDocument.new()
    born, scan = pypdfium2.PdfDocument(str(SAMPLES / "2020_lukou_1-6.pdf")), pypdfium2.PdfDocument(str(SCAN))
    target.import_pages(scan, [0])
    target.import_pages(born, [1])
    target.save(str(path))
    for d in (target, born, scan):
        d.close()
    return extract_document(str(path), *read_source(str(path)), kit)


def test_only_the_scanned_page_is_read_by_ocr(mixed, extract):
    born = extract(SAMPLES / "2020_lukou_1-6.pdf")
    assert {f.page for f in mixed.facts if f.extractor == "ocr"} == {1}
    assert not any(f.extractor == "ocr" for f in mixed.facts if f.page == 2)
    assert any(x.check == "ocr" and "page 1 read by OCR" in x.message for x in mixed.findings)
    assert mixed.source.encoding == "pdf+ocr"
    # the text page: the born-digital page's facts, its table going on from the scanned page's
    # (its unit line, 单位：万元, stands above the table on the scan)
    ours = Counter((f.metric, f.category, round(f.value, 6), f.unit, f.period.label if f.period else None)
                   for f in mixed.facts if f.page == 2)
    theirs = Counter((f.metric, f.category, round(f.value, 6), f.unit, f.period.label if f.period else None)
                     for f in born.facts if f.page == 2)
    assert ours == theirs
    projects = Counter(f.entity for f in born.facts if f.page == 2 and f.table_index == 0)
    # the 合计 row is the area's: the scan misread the issuer (录口区), so the area is unknown, not guessed
    projects[None] = projects.pop("渌口区")
    assert Counter(f.entity for f in mixed.facts if f.page == 2 and f.table_index == 0) == projects


def test_a_scanned_page_yields_its_figures_with_boxes(mixed, extract):
    """The scan of page 1 against the born-digital page 1: every figure found, its measure right,
    each with the box it was read from and the recognizer's confidence."""
    born = [f for f in extract(SAMPLES / "2020_lukou_1-6.pdf").facts if f.page == 1]
    scanned = [f for f in mixed.facts if f.page == 1]
    values = Counter(round(f.value, 6) for f in born)
    assert _share(Counter(round(f.value, 6) for f in scanned), values) >= 0.95
    measures = Counter((f.metric, f.category, round(f.value, 6), f.unit) for f in born)
    assert _share(Counter((f.metric, f.category, round(f.value, 6), f.unit) for f in scanned), measures) >= 0.95
    assert not any(f.value_base and f.value_base >= 1e6 for f in scanned)  # no figure read at a scale it is not
    for f in scanned:
        x0, top, x1, bottom = f.bbox
        assert 0 <= x0 < x1 <= 596 and 0 <= top < bottom <= 842
        assert 0 < f.confidence <= 1
    plan = next(f for f in scanned if f.metric == "计划投资" and f.value == 12000 and f.row == 4)
    assert plan.bbox[0] == pytest.approx(328, abs=8) and plan.bbox[1] == pytest.approx(366, abs=8)
    # names the recognizer doubted (渌 of 渌口) are flagged, the figures beside them too
    doubted = [f for f in scanned if "ocr_doubtful_entity" in f.flags]
    assert doubted and all(f.confidence < 0.96 for f in doubted)


def test_a_scan_names_no_place_it_does_not_show(mixed):
    """Where the recognizer misreads the issuer's name (渌口区 as 录口区), the area is unknown, never
    a guess: no fact names a place absent from what was read."""
    read = "\n".join(mixed.source.lines)
    places = [f for f in mixed.facts if f.entity and f.entity_kind in ("district", "county", "city", "province",
                                                                     "town", "zone", "park")]
    assert places
    for f in places:  # what was read, or a misread name mended and flagged for review
        assert f.entity in read or ("entity_ocr_mended" in f.flags and f.entity_raw in read), (f.entity, f.entity_raw)


def test_the_scan_sample_rebuilds_from_its_source(tmp_path):
    pytest.importorskip("mplfonts")
    import pdfplumber

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_scan_sample
    finally:
        sys.path.pop(0)
    out = build_scan_sample.build(build_scan_sample.DEFAULT, tmp_path / "scan.pdf")
    with pdfplumber.open(out) as pdf:
        (page,) = pdf.pages
        assert not page.chars and len(page.images) == 1
        assert page.images[0]["srcsize"] == (1654, 2339)  # A4 at 200 dpi


def test_a_real_communique_scanned(tmp_path, kit):
    """Three pages of a real government communiqué (three-line tables, an indented hierarchy of
    rows, a chart) printed and scanned: against the born-digital pages, figures found and entity
    and measure right."""
    if not ZHOUKOU.exists():
        pytest.skip(f"{ZHOUKOU} not found (clone outside the workplace)")
    import pypdfium2

    from pipeline.stages.document import extract_document, read_source

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_scan_sample import scanned_pdf
    finally:
        sys.path.pop(0)
    source = pypdfium2.PdfDocument(str(ZHOUKOU))
    digital = pypdfium2.PdfDocument.new()
    digital.import_pages(source, [0, 1, 2])
    digital_path, scan_path = tmp_path / "digital.pdf", tmp_path / "scan.pdf"
    digital.save(str(digital_path))
    scan_path.write_bytes(scanned_pdf(source, 3))
    source.close()
    digital.close()
    born = extract_document(str(digital_path), *read_source(str(digital_path)), kit)
    scan = extract_document(str(scan_path), *read_source(str(scan_path)), kit)
    assert scan.meta.jurisdiction == born.meta.jurisdiction == "周口市"
    assert _share(Counter(round(f.value, 6) for f in scan.facts), Counter(round(f.value, 6) for f in born.facts)) >= 0.97
    assert _share(Counter(map(_key, scan.facts)), Counter(map(_key, born.facts))) >= 0.90
    # 出生率 8.47‰: the recognizer reads ‰ as %; the measure keeps no unit rather than a tenfold one
    births = next(f for f in scan.facts if f.metric == "出生率")
    assert births.value == 8.47 and births.unit in ("‰", None)
    assert births.unit == "‰" or "ocr_unit_doubtful" in births.flags


def test_a_page_is_recognized_once_and_a_damaged_entry_again(tmp_path, monkeypatch):
    """The recognizer's reading is kept under the page image's digest; a damaged entry is read
    afresh, and BULLETINS_OCR_CACHE=off reads every time."""
    import numpy as np

    from extractors.ocr import read_page

    monkeypatch.setenv("BULLETINS_CACHE", str(tmp_path))
    calls = []

    def recognize(image):
        calls.append(image.shape)
        return [([[20, 40], [120, 40], [120, 62], [20, 62]], "全年完成投资12.5亿元。", 0.99)]

    image = np.full((200, 300, 3), 255, dtype=np.uint8)
    first = read_page(image, 2.0, 1, recognize)
    again = read_page(image, 2.0, 1, recognize)
    assert len(calls) == 1 and [ln["text"] for ln in again.lines] == [ln["text"] for ln in first.lines] == [
        "全年完成投资12.5亿元。"]
    assert again.lines[0]["ocr"].bbox == (10.0, 20.0, 60.0, 31.0)  # points: pixels over the scale
    (entry,) = list((tmp_path / "ocr").rglob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    read_page(image, 2.0, 1, recognize)
    assert len(calls) == 2
    other = image.copy()
    other[0, 0] = 0  # another page: another entry
    read_page(other, 2.0, 1, recognize)
    assert len(calls) == 3
    monkeypatch.setenv("BULLETINS_OCR_CACHE", "off")
    read_page(image, 2.0, 1, recognize)
    assert len(calls) == 4


# ---------------------------------------------------------------- regressions from a second read

def _doc_of(pages, kit):
    """An OCR'd document from laid-out pages, as the PDF reader assembles one."""
    from extractors.pdf import _drop_running_lines, _stream
    from extractors.pdf_tables import merge_continuations
    from pipeline.stages.document import document_from_pdf

    page_lines, heights = [p.lines for p in pages], [842.0] * len(pages)
    _drop_running_lines(page_lines, heights)
    pdf = _stream(page_lines, merge_continuations([p.tables for p in pages], page_lines, heights), len(pages))
    pdf.ocr_pages = list(range(1, len(pages) + 1))
    return document_from_pdf("scan.pdf", "0" * 64, pdf, kit)


def _project_table(rows, gap=6):
    boxes = [_box("株洲市各区1-6月重点项目投资完成情况（单位：万元）", 80, 60),
             _box("县市区", 80, 100), _box("计划投资", 190, 100), _box("完成投资", 290, 100)]
    top = 120
    for name, plan, done, conf in rows:
        boxes += [_box(name, 80, top, conf=conf[0]), _box(plan, 250 - gap * len(plan), top, gap * len(plan)),
                  _box(done, 350 - gap * len(done), top, gap * len(done), conf=conf[1])]
        top += 20
    return boxes


def test_two_cells_holding_one_figure_keep_their_own_boxes(kit):
    """芦淞区 980 | 980: the second 980 was doubted; its fact says so, and the first's does not."""
    doc = _doc_of([lay_out(_project_table([("荷塘区", "1250", "1340", (0.99, 0.99)),
                                           ("芦淞区", "980", "980", (0.99, 0.41)),
                                           ("石峰区", "760", "650", (0.99, 0.99))]), 1)], kit)
    plan, done = (next(f for f in doc.facts if f.entity == "芦淞区" and f.metric == m) for m in ("计划投资", "完成投资"))
    assert plan.bbox[0] < 250 < done.bbox[0]
    assert "ocr_doubtful" in done.flags and done.confidence == 0.41
    assert "ocr_doubtful" not in plan.flags and plan.confidence > 0.9


def test_figures_of_two_columns_standing_close_are_never_one_number():
    boxes = [_box("县市区", 80, 100), _box("计划投资", 150, 100), _box("完成率(%)", 230, 100)]
    for k, (name, plan, rate) in enumerate([("荷塘区", "125000", "93.5"), ("芦淞区", "98000", "87.2"),
                                            ("石峰区", "76000", "65.0")]):
        boxes += [_box(name, 80, 120 + 20 * k), _box(plan, 250 - 6 * len(plan), 120 + 20 * k, 6 * len(plan)),
                  _box(rate, 251.5, 120 + 20 * k, 6 * len(rate))]  # 1.5 pt apart: closer than a character
    (table,) = lay_out(boxes, 1).tables
    assert [r[1:] for r in table.rows[1:]] == [["125000", "93.5"], ["98000", "87.2"], ["76000", "65.0"]]


def test_a_sure_name_is_never_mended_into_a_neighbour(kit):
    """渌口镇, read with confidence, is a town of 渌口区: never mended into the district; a doubted
    绿口区 in a 株洲 bulletin is."""
    boxes = [_box("株洲市渌口区重点项目建设工作简报", 100, 40),
             _box("株洲市各镇1-6月重点项目投资完成情况（单位：万元）", 80, 60),
             _box("镇", 80, 100), _box("计划投资", 190, 100), _box("完成投资", 290, 100)]
    for k, (name, conf) in enumerate([("渌口镇", 0.99), ("淦田镇", 0.99), ("龙船镇", 0.99)]):
        boxes += [_box(name, 80, 120 + 20 * k, conf=conf), _box("980", 232, 120 + 20 * k, 18),
                  _box("870", 332, 120 + 20 * k, 18)]
    doc = _doc_of([lay_out(boxes, 1)], kit)
    town = [f for f in doc.facts if f.entity_raw == "渌口镇"]
    assert town and all(f.entity != "渌口区" and "entity_ocr_mended" not in f.flags for f in town)
    misread = [_box("株洲市重点项目建设工作简报", 100, 40), _box("株洲市各区1-6月重点项目投资完成情况（单位：万元）", 80, 60),
               _box("县市区", 80, 100), _box("计划投资", 190, 100), _box("完成投资", 290, 100)]
    for k, (name, conf) in enumerate([("荷塘区", 0.99), ("绿口区", 0.93), ("石峰区", 0.99)]):
        misread += [_box(name, 80, 120 + 20 * k, conf=conf), _box("980", 232, 120 + 20 * k, 18),
                    _box("870", 332, 120 + 20 * k, 18)]
    mended = [f for f in _doc_of([lay_out(misread, 1)], kit).facts if f.entity_raw == "绿口区"]
    assert mended and all(f.entity == "渌口区" and "entity_ocr_mended" in f.flags for f in mended)


@pytest.mark.parametrize("text", ["3D打印设备产量增长12.5%", "2020Q1", "5G基站", "3O万元"])
def test_letters_after_a_digit(text):
    fixed, _ = number_grammar(text)
    assert fixed == {"3O万元": "30万元"}.get(text, text)


def test_tables_on_two_pages_with_a_note_and_a_title_between_are_two(kit):
    """A note at the foot of page 1 and a caption at the head of page 2 part two tables, margins or
    not; only running headers and footers the pages repeat do not."""
    from extractors.pdf import _stream
    from extractors.pdf_tables import PdfTable, merge_continuations
    from pipeline.stages.document import document_from_pdf

    a = PdfTable(page=1, bbox=(70, 500, 520, 770), rows=[["县市区", "完成投资（亿元）", "增长（%）"],
                 ["荷塘区", "98", "3.1"], ["芦淞区", "56", "2.0"]], method="lines", quality=1.0, row_pages=[1] * 3)
    b = PdfTable(page=2, bbox=(70, 70, 520, 300), rows=[["县市区", "新开工项目（个）", "完成率（%）"],
                 ["荷塘区", "12", "81.0"], ["芦淞区", "9", "64.0"]], method="lines", quality=1.0, row_pages=[2] * 3)
    page_lines = [[{"text": "株洲市2020年1-6月各县市区固定资产投资完成情况", "top": 470, "bottom": 482},
                   {"text": "注：增长速度按可比价格计算。", "top": 785, "bottom": 796}],
                  [{"text": "表2 各县市区项目建设情况", "top": 48, "bottom": 60}]]
    tables = merge_continuations([[a], [b]], page_lines, [842.0, 842.0])
    assert len(tables) == 2
    doc = document_from_pdf("two.pdf", "0" * 64, _stream(page_lines, tables, 2), kit)
    assert {(f.entity, f.metric, f.value) for f in doc.facts if f.value in (12, 81)} == {
        ("荷塘区", "开工项目数", 12.0), ("荷塘区", "完成率", 81.0)}


def test_header_words_of_tall_merged_cells_stay_with_their_table():
    """县市区 | 引进项目 | 项目来源 written at the top of tall merged cells, far above the rest of
    the header (总数 | 亿元以上 …, then 计划 | 完成 …): all of it is the table's header, none of it
    prose; a caption or unit line above is not."""
    boxes = [_box("各县市区引进项目情况", 200, 40), _box("单位：个", 80, 60),
             _box("县市区", 80, 80), _box("引进项目", 180, 80), _box("项目来源", 380, 80),
             _box("总数", 180, 200), _box("亿元以上", 280, 200), _box("省级下达", 380, 200), _box("北京小分队", 460, 200),
             _box("计划", 180, 220), _box("完成", 230, 220), _box("计划", 280, 220), _box("完成", 330, 220)]
    for k, name in enumerate(["荷塘区", "芦淞区", "石峰区"]):
        top = 240 + 20 * k
        boxes += [_box(name, 80, top)] + [_box(str(10 + k + j), x, top, 12)
                                          for j, x in enumerate((188, 238, 288, 338, 398, 478))]
    page = lay_out(boxes, 1)
    (table,) = page.tables
    assert [ln["text"] for ln in page.lines] == ["各县市区引进项目情况", "单位：个"]
    assert table.rows[0][:2] == ["县市区", "引进项目"] and "项目来源" in table.rows[0]
    assert "总数" in table.rows[1] and "北京小分队" in table.rows[1]
    assert table.rows[2][1:5] == ["计划", "完成", "计划", "完成"]
    assert [r[0] for r in table.rows[3:]] == ["荷塘区", "芦淞区", "石峰区"]
