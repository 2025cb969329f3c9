"""Word and Excel bulletins: the same facts as the PDF of the same bulletin, merged cells as header
paths, number formats kept, and damaged or unconvertible files failing alone with a clear reason."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from collections import Counter

import pytest
from hypothesis import given, strategies as st

from tests.conftest import ROOT, SAMPLES, SHARED

LUKOU = SAMPLES / "2020_lukou_1-6"
REAL_DOCX = SHARED / "real_office" / "qiandongnan-2016-tongji-gongbao.docx"


def _key(f):
    return f.entity, f.metric, f.category, round(f.value, 6), f.unit, f.period.label if f.period else None


def _facts(doc, kind=None):
    return Counter(_key(f) for f in doc.facts if kind is None or f.source_kind == kind)


def test_word_bulletin_gives_the_pdf_facts(extract):
    """The whole bulletin as Word: every fact of its PDF, no more, with the reader named."""
    pdf, word = extract(LUKOU.with_suffix(".pdf")), extract(LUKOU.with_suffix(".docx"))
    assert _facts(word) == _facts(pdf)
    assert len(word.facts) == 160
    assert {f.extractor for f in word.facts if f.source_kind == "table"} == {"docx"}
    assert word.source.encoding == "docx"
    assert word.meta.jurisdiction == "渌口区"
    # the merged header over 技工贸收入 / 税收 …: the same header paths as the PDF's
    park = next(f for f in word.facts if f.entity == "渌口经开区" and f.value == 68.5)
    assert (park.metric_raw, park.unit, park.period.label) == ("技工贸收入 / 完成", "亿元", "1-6月")
    assert (park.metric, park.category) == ("营业收入", "完成")  # revenue done, never 完成投资


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_excel_attachment_gives_the_tables_facts(extract, suffix):
    """Every sheet a table under its title and unit rows; rates stored as fractions under a percent
    format read as the percent the sheet shows."""
    pdf, sheet = extract(LUKOU.with_suffix(".pdf")), extract(LUKOU.with_suffix(suffix))
    assert _facts(sheet) == _facts(pdf, "table")
    assert len(sheet.facts) == 147
    rate = next(f for f in sheet.facts if f.entity == "渌口经开区标准厂房三期" and f.metric == "完成率")
    assert (rate.value, rate.unit, rate.quote) == (91.6, "%", "91.6%")
    assert rate.page == 1 and rate.extractor == suffix[1:]
    land = [f for f in sheet.facts if f.entity == "淦田镇" and f.metric == "完成率"]
    assert [(f.value, f.page) for f in land] == [(77.3, 2)]  # the second sheet is the second "page"


def test_the_office_samples_rebuild_from_their_source(tmp_path, kit):
    """scripts/build_office_samples.py makes the samples from the PDF sample's source: rebuilt,
    they read as the committed ones do."""
    from pipeline.stages.document import extract_document, read_source

    script = ROOT / "scripts" / "build_office_samples.py"
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; import build_office_samples as b;"
            "[f(b.DEFAULT, Path(sys.argv[2]) / ('x' + s)) for f, s in ((b.build_docx, '.docx'), (b.build_xlsx, '.xlsx'))]")
    subprocess.run([sys.executable, "-c", code, str(script.parent), str(tmp_path)], check=True)
    for suffix in (".docx", ".xlsx"):
        rebuilt = tmp_path / ("x" + suffix)
        committed = LUKOU.with_suffix(suffix)
        a = extract_document(str(rebuilt), *read_source(str(rebuilt)), kit)
        b = extract_document(str(committed), *read_source(str(committed)), kit)
        assert _facts(a) == _facts(b) and len(a.facts) > 100


def test_a_real_word_communique_loads_every_table(extract):
    if not REAL_DOCX.exists():
        pytest.skip(f"{REAL_DOCX} not found (clone outside the workplace)")
    doc = extract(REAL_DOCX)
    assert len(doc.tables) == 11
    assert doc.meta.jurisdiction == "黔东南苗族侗族自治州"
    by = {(f.table_index, f.entity_raw or f.metric_raw.split(" / ")[0], f.col): f for f in doc.facts
          if f.source_kind == "table"}
    # "5.2", a blank paragraph, "4.6" in one cell: the cell is 5.2, never 5.24.6, and the stray is reported
    spending = [f for f in doc.facts if f.table_index == 1 and f.row == 7 and f.col == 3]
    assert [f.value for f in spending] == [5.2]
    assert any(x.check == "docx_table" and "4.6" in x.message and x.table_index == 1 for x in doc.findings)
    # "发电量", a blank paragraph, "自来水生产产量" in the name cell: the row is 发电量's
    power = [f for f in doc.facts if f.table_index == 5 and f.value == 102.52]
    assert [f.entity_raw for f in power] == ["发电量"]
    # deposits in 万元 under a header wrapped over two paragraphs (绝对额 / （万元）)
    deposits = next(f for f in doc.facts if f.table_index == 8 and f.value == 14666372)
    assert deposits.unit == "万元"
    assert by  # every table gave facts
    assert {f.table_index for f in doc.facts if f.source_kind == "table"} == set(range(11))


def test_a_doc_without_libreoffice_fails_alone(tmp_path, kit, monkeypatch):
    from extractors.office import OLE_MAGIC
    from pipeline.stages.document import extract_document
    from schemas.records import DocumentError

    monkeypatch.setattr(shutil, "which", lambda name: None)
    doc = tmp_path / "简报.doc"
    doc.write_bytes(OLE_MAGIC + b"\0" * 600)
    with pytest.raises(DocumentError) as err:
        extract_document(str(doc), doc.read_bytes(), "0" * 64, kit)
    assert err.value.kind == "needs_libreoffice" and "LibreOffice" in err.value.reason


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_a_doc_is_converted_by_libreoffice(tmp_path, extract):
    converted = tmp_path / "out"
    subprocess.run([shutil.which("soffice") or shutil.which("libreoffice"), "--headless", "--convert-to", "doc",
                    "--outdir", str(converted), str(LUKOU.with_suffix(".docx"))], check=True, capture_output=True,
                   timeout=300)
    doc = extract(converted / "2020_lukou_1-6.doc")
    assert _facts(doc) == _facts(extract(LUKOU.with_suffix(".pdf")))


def test_files_that_are_not_what_their_name_says(tmp_path, kit):
    """A page saved as .xls (as many sites serve spreadsheets) is read as the page; a .doc that
    is really a .docx as the .docx; a damaged container fails as corrupt_office."""
    from pipeline.stages.document import extract_document
    from schemas.records import DocumentError

    page = tmp_path / "附件.xls"
    page.write_text("<html><body><p>株洲市荷塘区 1-9月重点项目完成情况</p><table>"
                    "<tr><td>街道</td><td>1-9月完成投资（万元）</td></tr>"
                    "<tr><td>月塘街道</td><td>108600</td></tr><tr><td>宋家桥街道</td><td>76050</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    facts = extract_document(str(page), page.read_bytes(), "0" * 64, kit).facts
    assert sorted((f.entity_raw, f.value, f.unit) for f in facts) == [("宋家桥街道", 76050, "万元"),
                                                                     ("月塘街道", 108600, "万元")]
    renamed = tmp_path / "renamed.doc"
    renamed.write_bytes(LUKOU.with_suffix(".docx").read_bytes())
    assert len(extract_document(str(renamed), renamed.read_bytes(), "0" * 64, kit).facts) == 160
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(broken.getvalue())
    with pytest.raises(DocumentError) as err:
        extract_document(str(bad), bad.read_bytes(), "0" * 64, kit)
    assert err.value.kind == "corrupt_office" and "\n" not in err.value.reason


def test_merged_ranges_and_formats_in_a_sheet(tmp_path, kit):
    """A title merged across the sheet, a header merged over two columns, a unit in a number
    format, a formula's cached value, and a hidden sheet left out."""
    import openpyxl

    from pipeline.stages.document import extract_document

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["宜昌市重点项目1-9月完成情况"])
    sheet.merge_cells("A1:E1")
    sheet.append(["县市区", "1-9月完成投资", None, "开工项目", None])
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("D2:E2")
    sheet.append([None, "金额", "完成率", "计划", "已开工"])
    sheet.append(["夷陵区", 123.45, 0.856, 20, 13])
    sheet.append(["宜都市", 98.7, 0.912, 15, 13])
    for row in (4, 5):
        sheet.cell(row, 2).number_format = '0.00"亿元"'
        sheet.cell(row, 3).number_format = "0.0%"
    hidden = book.create_sheet("旧表")
    hidden.append(["枝江市", 1, 2])
    hidden.append(["当阳市", 3, 4])
    hidden.sheet_state = "hidden"
    path = tmp_path / "yichang.xlsx"
    book.save(path)
    doc = extract_document(str(path), path.read_bytes(), "0" * 64, kit)
    got = sorted((f.entity, f.metric, f.value, f.unit) for f in doc.facts)
    assert ("夷陵区", "完成投资", 123.45, "亿元") in got
    assert ("宜都市", "完成率", 91.2, "%") in got
    assert ("夷陵区", "开工项目数", 13, None) in got  # a count without a unit written: unit unknown, not guessed
    assert not any(f.entity in ("枝江市", "当阳市") for f in doc.facts)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=6, allow_nan=False, allow_infinity=False),
       st.integers(0, 4))
def test_a_number_shows_as_its_format_says(value, decimals):
    """Fixed decimals round half up, as Excel shows them (2.5 → 3, 0.125 → 0.13); General shows
    the figure itself; never scientific notation."""
    from decimal import ROUND_HALF_UP, Decimal

    from extractors.office import excel_text

    number = float(value)
    fixed = "0." + "0" * decimals if decimals else "0"
    expected = Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    shown = excel_text(number, fixed)
    assert "e" not in shown.lower()
    assert Decimal(shown) == expected
    general = excel_text(number, "General")  # the figure to 12 significant digits, as a sheet shows General
    exact = Decimal(repr(number))
    assert "e" not in general.lower() and Decimal(general) == (round(exact, max(0, 11 - exact.adjusted())) if number else 0)


def test_formats_that_scale_or_name_general():
    from extractors.office import excel_text

    assert excel_text(12345678, "#,##0,") == "12346"  # a scaling comma: thousands, as the sheet shows
    assert excel_text(1234567890, "0.0,,") == "1234.6"
    assert excel_text(1234.5, "#,##0.00") == "1234.50"  # a thousands separator scales nothing
    assert excel_text(123.4, "G/通用格式") == "123.4"  # Chinese Excel's General is no unit
    assert excel_text(2.5, "0") == "3" and excel_text(0.125, "0.00") == "0.13" and excel_text(2.675, "0.00") == "2.68"
    assert excel_text(1.23e-05, "0.00E+00") == "0.0000123"
    assert excel_text(-5, "0.00;(0.00)") == "-5.00"  # the sign is the value's, whatever the section draws
    assert excel_text(0, '0;-0;"-"') == "-"  # zero shown as a mark: an empty cell to the table stage


def test_formats_with_units_and_dates():
    import datetime as dt

    from extractors.office import excel_text

    assert excel_text(0.1 + 0.2, "General") == "0.3"
    assert excel_text(213644, '#,##0"万元"') == "213644万元"
    assert excel_text(12.5, "0.00万元") == "12.50万元"
    assert excel_text(0.0456, "0.00%") == "4.56%"
    assert excel_text(3, '0"个"') == "3个"
    assert excel_text(dt.datetime(2021, 7, 15), "yyyy/m/d") == "2021-07-15"
    assert excel_text(1.5e-7, "General") == "0.00000015"
    assert excel_text(" 月塘街道 ", "@") == "月塘街道"


def _word_table(tmp_path, mutate, kit):
    import docx
    from docx.oxml import parse_xml

    from pipeline.stages.document import extract_document

    document = docx.Document()
    document.add_paragraph("宜昌市2021年1-9月各县市区固定资产投资完成情况")
    table = document.add_table(rows=4, cols=3)
    for r, values in enumerate([["县市区", "完成投资（亿元）", "增长率（%）"], ["夷陵区", "123.4", "5.6"],
                                ["宜都市", "98.7", "4.2"], ["枝江市", "77.1", "3.3"]]):
        for c, v in enumerate(values):
            table.cell(r, c).text = v
    mutate(table, parse_xml)
    path = tmp_path / "t.docx"
    document.save(str(path))
    return {(f.entity, f.metric, f.value) for f in extract_document(str(path), path.read_bytes(), "0" * 64, kit).facts}


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_word_cells_in_content_controls_tracked_changes_and_fields(tmp_path, kit):
    """What Word shows: a cell wrapped in a content control stays in its column; an inserted digit
    counts and a deleted one does not (1, deleted 2, inserted 3, 3.4 is 133.4); a field's result
    (=SUM(ABOVE)) is its text."""
    from docx.oxml.ns import qn

    def control(table, parse_xml):
        tr = table._tbl.tr_lst[2]
        cell = tr.tc_lst[0]
        wrapper = parse_xml(f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent/></w:sdt>")
        tr.replace(cell, wrapper)
        wrapper[1].append(cell)

    def tracked(table, parse_xml):
        p = table.cell(1, 1)._tc.p_lst[0]
        for run in list(p.findall(qn("w:r"))):
            p.remove(run)
        p.append(parse_xml(f"<w:r {W_NS}><w:t>1</w:t></w:r>"))
        p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="a"><w:r><w:delText>2</w:delText></w:r></w:del>'))
        p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="a"><w:r><w:t>3</w:t></w:r></w:ins>'))
        p.append(parse_xml(f"<w:r {W_NS}><w:t>3.4</w:t></w:r>"))

    def field(table, parse_xml):
        p = table.cell(3, 1)._tc.p_lst[0]
        for run in list(p.findall(qn("w:r"))):
            p.remove(run)
        p.append(parse_xml(f'<w:fldSimple {W_NS} w:instr=" =SUM(ABOVE) "><w:r><w:t>77.1</w:t></w:r></w:fldSimple>'))

    assert {("宜都市", "完成投资", 98.7), ("宜都市", "同比增长", 4.2)} <= _word_table(tmp_path, control, kit)
    assert ("夷陵区", "完成投资", 133.4) in _word_table(tmp_path, tracked, kit)
    assert ("枝江市", "完成投资", 77.1) in _word_table(tmp_path, field, kit)


def test_a_sheet_with_who_and_when_beside_its_unit(tmp_path, kit):
    """填报单位 | 单位：亿元、% on one row above the table: lines, not a header row; the unit holds."""
    import openpyxl

    from pipeline.stages.document import extract_document

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["宜昌市各县市区2021年1-9月固定资产投资完成情况"], ["填报单位：宜昌市统计局", None, "单位：亿元、%"],
                ["县市区", "完成投资", "增长率"], ["夷陵区", 123.4, 5.6], ["宜都市", 98.7, 4.2]):
        sheet.append(row)
    path = tmp_path / "s.xlsx"
    book.save(path)
    facts = extract_document(str(path), path.read_bytes(), "0" * 64, kit).facts
    assert ("夷陵区", "完成投资", 123.4, "亿元") in {(f.entity, f.metric, f.value, f.unit) for f in facts}


def test_a_tiny_sheet_declaring_a_huge_range_reads_fast(tmp_path, kit):
    """One formatted empty cell at row 200000, column 200: the sheet is read by the cells it holds."""
    import openpyxl
    from openpyxl.styles import Font

    from pipeline.stages.document import extract_document

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["县市区", "完成投资（亿元）"], ["夷陵区", 123.4], ["宜都市", 98.7]):
        sheet.append(row)
    sheet.cell(200000, 200).font = Font(bold=True)
    path = tmp_path / "wide.xlsx"
    book.save(path)
    facts = extract_document(str(path), path.read_bytes(), "0" * 64, kit).facts
    assert sorted(f.value for f in facts) == [98.7, 123.4]
