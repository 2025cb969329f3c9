"""The PDF reader: the same facts as the text reader, every cell of the PDF samples, real PDFs
nobody here made, and broken PDFs that fail cleanly."""
import re
from collections import Counter

import pytest

from pipeline.stages.document import extract_document, read_source
from schemas.records import DocumentError
from tests.conftest import SAMPLES, SHARED, seed_path

LUKOU = SAMPLES / "2020_lukou_1-6.pdf"
H1_2020 = ("2020-01-01", "2020-06-30")
Y2020 = ("2020-01-01", "2020-12-31")

# 1-6月区级重点项目投资完成情况表 (单位：万元): project, 年度计划投资, 1-6月完成投资, 完成率 %
PROJECTS = [
    ("渌口经开区标准厂房三期", 30000, 27480, 91.6),
    ("湘江大道南延线", 5000, 3620, 72.4),
    ("南洲新区污水处理厂", 12000, 10010, 83.4),
    ("淦田港区码头二期", 12000, 6450, 53.8),
    ("龙船镇农村公路提质", 8000, 7130, 89.1),
    ("渌口区人民医院新院", 20000, 6490, 32.5),
    ("株洲县一中扩建", 5000, 2860, 57.2),
    ("渌湘大桥引道", 20000, 7180, 35.9),
    ("伏波岭生态公园", 5000, 1690, 33.8),
    ("南洲产业园道路", 9000, 3420, 38.0),
    ("古岳峰镇集镇改造", 20000, 14200, 71.0),
    ("朱亭镇安置小区", 9000, 8240, 91.6),
    ("龙门镇供水工程", 9000, 6130, 68.1),
    ("渌口区物流园", 8000, 7480, 93.5),
    ("湾塘片区棚改", 8000, 5290, 66.1),
    ("淦田镇污水管网", 15000, 7320, 48.8),
    ("渌口区职业中专新校区", 15000, 9770, 65.1),
    ("雷打石镇垃圾中转站", 9000, 4500, 50.0),
    ("龙潭镇光伏电站", 15000, 5500, 36.7),
    ("渌口经开区创新中心", 9000, 6440, 71.6),
    ("南阳桥乡村振兴示范片", 30000, 10900, 36.3),
    ("渌口区文体中心", 12000, 8000, 66.7),
    ("松西子片区路网", 9000, 3900, 43.3),
    ("株洲电力机车配件产业园", 40000, 23120, 57.8),
    ("渌口区消防站", 30000, 18080, 60.3),
    ("湘江风光带二期", 6000, 3210, 53.5),
    ("渌口区档案馆", 20000, 16330, 81.7),
    ("堂市乡水库除险加固", 20000, 7060, 35.3),
    ("渌口区殡仪馆迁建", 25000, 16030, 64.1),
    ("龙船镇特色小镇", 30000, 23220, 77.4),
]
TOWNS = [("渌口镇", 320, 286, 89.4), ("淦田镇", 260, 201, 77.3), ("龙船镇", 180, 164, 91.1),
         ("南洲镇", 240, 198, 82.5), ("古岳峰镇", 150, 137, 91.3), ("合计", 1150, 986, 85.7)]
PARKS = [("渌口经开区", 40, 31, 120, 68.5, 4.2, 2.3, 30, 21.6, 12.4), ("南洲产业园", 25, 17, 45, 22.8, 1.5, 0.8, 12, 7.9, 5.1),
         ("淦田工业园", 15, 9, 20, 9.6, 0.6, 0.3, 8, 4.2, 3.3), ("合计", 80, 57, 185, 100.9, 6.3, 3.4, 50, 33.7, 20.8)]
PARK_COLUMNS = [("入园企业 / 计划", "个"), ("入园企业 / 完成", "个"), ("技工贸收入 / 计划", "亿元"), ("技工贸收入 / 完成", "亿元"),
                ("税收 / 计划", "亿元"), ("税收 / 完成", "亿元"), ("标准厂房 / 计划新建", "万平方米"),
                ("标准厂房 / 完成新建", "万平方米"), ("标准厂房 / 在建", "万平方米")]


def key(f):
    return (f.source_kind, re.sub(r"\s+", "", f.entity_raw), f.entity, f.metric_raw, f.value, f.unit,
            str(f.period.start), str(f.period.end))


def differences(a, b) -> str:
    ka, kb = Counter(key(f) for f in a.facts), Counter(key(f) for f in b.facts)
    only_a, only_b = ka - kb, kb - ka
    return "\n".join([f"  text only: {k}" for k in list(only_a.elements())[:20]] +
                     [f"  pdf only:  {k}" for k in list(only_b.elements())[:20]])


def extract(path):
    return extract_document(str(path), *read_source(str(path)), _kit())


_KIT = []


def _kit():
    if not _KIT:
        from pipeline.stages.document import Toolkit
        _KIT.append(Toolkit.create())
    return _KIT[0]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_as_text_and_as_pdf_give_the_same_facts(seed, extract):
    text_path = seed_path(seed)
    pdf_path = SHARED / "seeds_pdf" / (text_path.stem + ".pdf")
    if not pdf_path.exists():
        pytest.skip(f"no {pdf_path}")
    a, b = extract(text_path), extract(pdf_path)
    assert Counter(map(key, a.facts)) == Counter(map(key, b.facts)), "\n" + differences(a, b)
    for field in ("title", "issuer", "issued_on", "period", "jurisdiction", "series_no"):
        assert getattr(a.meta, field) == getattr(b.meta, field), field


def test_every_cell_of_the_pdf_sample(extract):
    doc = extract(LUKOU)
    got = {(f.entity_raw, f.metric_raw, f.value, f.unit, str(f.period.start), str(f.period.end))
           for f in doc.facts if f.source_kind == "table"}
    expected = set()
    for name, plan, done, rate in PROJECTS + [("合计", 465000, 281050, 60.4)]:
        expected |= {(name, "年度计划投资", float(plan), "万元", *Y2020), (name, "1-6月完成投资", float(done), "万元", *H1_2020),
                     (name, "完成率", float(rate), "%", *H1_2020)}
    for name, plan, done, rate in TOWNS:
        expected |= {(name, "计划征地", float(plan), "亩", *H1_2020), (name, "完成征地", float(done), "亩", *H1_2020),
                     (name, "完成率", float(rate), "%", *H1_2020)}
    for name, *values in PARKS:
        expected |= {(name, path, float(v), unit, *H1_2020) for (path, unit), v in zip(PARK_COLUMNS, values)}
    assert got == expected, (sorted(expected - got, key=str)[:10], sorted(got - expected, key=str)[:10])


def test_pdf_sample_layout(extract):
    doc = extract(LUKOU)
    projects, towns, parks = doc.tables
    assert projects.method == "pdfplumber-lines" and set(projects.row_pages) == {1, 2}  # one table over two pages
    assert towns.method in ("aligned-words", "pdfplumber-text", "camelot-stream")  # unruled
    assert parks.page == 3 and len(parks.header_rows) == 2  # the landscape page, two header rows
    # running header and page numbers are gone; the serial-number column gave no facts
    assert sum(ln.startswith("渌口区重点项目建设工作简报") for ln in doc.source.lines) == 1
    assert not any(re.fullmatch(r"[—-]\\s*\\d+\\s*[—-]", ln) for ln in doc.source.lines)
    assert not [f for f in doc.facts if f.metric_raw == "序号"]
    pages = {f.page for f in doc.facts if f.table_index == projects.index}
    assert pages == {1, 2}


def test_pdf_sample_same_as_its_source(tmp_path, extract):
    source = SAMPLES.parent / "scripts" / "sample_pdf_sources" / "2020_lukou_1-6.txt"
    text = tmp_path / "2020_lukou_1-6.txt"
    text.write_text("\n".join(ln for ln in source.read_text(encoding="utf-8").splitlines() if not ln.startswith("%%")),
                    encoding="utf-8")
    a, b = extract(text), extract(LUKOU)
    assert Counter(map(key, a.facts)) == Counter(map(key, b.facts)), "\n" + differences(a, b)


def test_real_pdfs_keep_their_units(extract):
    folder = SHARED / "real_pdfs"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found (clone outside the workplace)")
    report = extract(folder / "issue-67-example.pdf")
    units = Counter(f.unit for f in report.facts)
    assert units["元"] > 200 and units["%"] > 20 and units["元/股"] == 4
    # 项目 | 报告期末余额 | 期初余额 | 增减%: rows are items of the report, not entities
    prepaid = [f for f in report.facts if f.metric_raw == "预付款项 / 报告期末余额"]
    assert [(f.entity_raw, f.metric, f.value, f.unit, f.value_base) for f in prepaid] == \
        [("", "预付款项报告期末余额", 2436695.05, "元", pytest.approx(243.669505))]
    costs = {(f.metric, f.period.label): f.value for f in report.facts
             if f.metric_raw in ("管理费用 / 2018年1-3月", "管理费用 / 2017年1-3月", "管理费用 / 增减%")}
    assert costs == {("管理费用", "2018年1-3月"): 7764789.98, ("管理费用", "2017年1-3月"): 15753158.14,
                     ("管理费用增速", "2018年第一季度"): -50.71}
    assert any(f.value < 0 and f.unit == "元" for f in report.facts)  # minus signs kept
    assert not any("东北电气发展股份有限公司2018年第一季度报告全文" == ln for ln in report.source.lines[5:])
    standard = extract(folder / "issue-336-example.pdf")
    per_site = [f for f in standard.facts if f.unit == "公顷/处"]
    assert {f.value for f in per_site} >= {2.5, 2.1333, 1.6667, 1.3333, 0.6667, 0.3333}
    # the adjustment coefficients under "大型车比例μ(%)" are not percentages: no unit, flagged
    coefficients = [f for f in standard.facts if "μ≤10" in f.metric_raw]
    assert coefficients and all(f.unit is None and "unit_unknown" in f.flags for f in coefficients)


def _reportlab_pdf(path, draw, **kwargs):
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas_mod.Canvas(str(path), **kwargs)
    draw(c)
    c.save()


def test_broken_pdfs_fail_with_their_own_kind(tmp_path, extract):
    cases = {}
    not_pdf = tmp_path / "not_really.pdf"
    not_pdf.write_text("这不是PDF文件", encoding="utf-8")
    cases[not_pdf] = "not_pdf"
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(LUKOU.read_bytes()[:1500])
    cases[truncated] = ("truncated_pdf", "corrupt_pdf")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    cases[garbage] = ("corrupt_pdf", "truncated_pdf")

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def text(c):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 720, "1-3月，全区完成投资 11 亿元。")

    encrypted = tmp_path / "encrypted.pdf"
    _reportlab_pdf(encrypted, text, encrypt="secret")
    cases[encrypted] = "encrypted_pdf"

    def image_only(c):
        from PIL import Image
        img = Image.new("L", (400, 300), 255)
        for x in range(50, 350):
            img.putpixel((x, 150), 0)
        img_path = tmp_path / "scan.png"
        img.save(img_path)
        c.drawImage(str(img_path), 72, 400, width=400, height=300)
        c.showPage()
        c.drawImage(str(img_path), 72, 400, width=400, height=300)

    scanned = tmp_path / "scanned.pdf"
    _reportlab_pdf(scanned, image_only)
    cases[scanned] = "ocr_empty"  # read by OCR, which finds no text on a ruled line

    for path, kinds in cases.items():
        with pytest.raises(DocumentError) as err:
            extract_document(str(path), *read_source(str(path)), _kit())
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        assert err.value.kind in kinds, (path.name, err.value.kind, err.value.reason)
        assert "\n" not in err.value.reason


def test_rotated_page_reads_upright(tmp_path, extract):
    """A sheet turned by /Rotate 90 whose text was drawn upright reads as written."""
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "rotated.pdf"
    c = canvas_mod.Canvas(str(path))
    c.setPageRotation(90)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "石峰区 2017 年 1-3 月重点项目推进情况通报")
    c.drawString(72, 720, "1-3月，全区完成固定资产投资 213644 万元，同比增长 14.4%。")
    c.save()
    doc = extract(path)
    assert {(f.value, f.unit, f.metric_raw) for f in doc.facts} >= {(213644.0, "万元", "完成固定资产投资"),
                                                                    (14.4, "%", "同比增长")}


def test_a_table_of_contents_is_no_table_and_a_units_superscript_stays(tmp_path, extract):
    """Page numbers right-aligned after short labels line up like a table of one figure column,
    but rise down the page; a raised 2 after m is the unit's (m²), not a footnote mark."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(c):
        c.setFont("STSong-Light", 16)
        c.drawString(200, 780, "2022年宜宾市国民经济和社会发展统计公报")
        c.setFont("STSong-Light", 11)
        y = 740
        for label, page in [("综合", "1"), ("农业", "3"), ("工业和建筑业", "5"), ("固定资产投资", "7"), ("国内贸易", "9")]:
            c.drawString(100, y, label)
            c.drawRightString(480, y, page)
            y -= 20
        c.drawString(100, 600, "全年全市新建商品住宅施工面积120.5万m")
        x = 100 + pdfmetrics.stringWidth("全年全市新建商品住宅施工面积120.5万m", "STSong-Light", 11)
        c.setFont("STSong-Light", 6.6)
        c.drawString(x, 604, "2")
        c.setFont("STSong-Light", 11)
        c.drawString(x + 4, 600, "，增长3.1%。")

    path = tmp_path / "toc.pdf"
    _reportlab_pdf(path, draw)
    doc = extract(path)
    assert not doc.tables
    assert not {1.0, 3.0, 5.0, 7.0, 9.0} & {f.value for f in doc.facts}
    assert any("120.5万m2" in line for line in doc.source.lines)


def test_an_ocr_text_layer_over_a_scan_is_not_taken_for_clipped_text(tmp_path, extract):
    """Invisible recognized text over a scanned image is what a reader sees (the image); the
    rendering check for clipped digits stands aside on such a page."""
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    scan = tmp_path / "blank_scan.png"
    Image.new("L", (600, 800), 255).save(scan)  # the scan's ink lies elsewhere than the text layer says

    def draw(c):
        c.drawImage(str(scan), 0, 0, width=595, height=842)
        text = c.beginText(72, 700)
        text.setTextRenderMode(3)  # invisible, as OCR layers are
        text.setFont("STSong-Light", 12)
        text.textLine("关于全区重点项目建设情况的通报")
        text.textLine("1-3月，全区重点项目完成投资11.5亿元。")
        c.drawText(text)

    path = tmp_path / "ocr_layer.pdf"
    _reportlab_pdf(path, draw)
    assert 11.5 in {f.value for f in extract(path).facts}


def test_a_header_cell_drawn_as_shapes_leaves_the_rest_of_its_table(tmp_path, extract):
    """A three-line table whose middle header exists only as strokes (a logo-like drawing, no
    text): the other columns keep their measures, and the unnamed column's figures are not given
    a neighbour's measure."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [("翠屏区", "1050.21", "4.5"), ("叙州区", "520.33", "3.9"), ("南溪区", "210.44", "-0.8")]

    def draw(c):
        c.setFont("STSong-Light", 14)
        c.drawString(150, 790, "2022年宜宾市国民经济和社会发展统计公报")
        c.setFont("STSong-Light", 10)
        c.drawString(72, 760, "表1  2022年宜宾市各县（区）地区生产总值")
        c.setLineWidth(1.5)
        c.line(72, 745, 520, 745)
        c.drawString(90, 730, "县（区）")
        c.setLineWidth(0.6)
        for k in range(6):  # the header 绝对数（亿元） drawn as strokes, not text
            c.line(300 + k * 6, 728, 303 + k * 6, 738)
        c.drawRightString(500, 730, "比上年增长（%）")
        c.setLineWidth(0.5)
        c.line(72, 722, 520, 722)
        y = 706
        for county, amount, growth in rows:
            c.drawString(90, y, county)
            c.drawRightString(340, y, amount)
            c.drawRightString(500, y, growth)
            y -= 18
        c.setLineWidth(1.5)
        c.line(72, y + 10, 520, y + 10)

    path = tmp_path / "glyph_header.pdf"
    _reportlab_pdf(path, draw)
    doc = extract(path)
    growth = {f.entity: f.value for f in doc.facts if f.metric == "地区生产总值增速"}
    assert growth == {"翠屏区": 4.5, "叙州区": 3.9, "南溪区": -0.8}
    amounts = [f for f in doc.facts if f.value in (1050.21, 520.33, 210.44)]
    assert len(amounts) == 3 and all(f.metric != "地区生产总值增速" for f in amounts)


def test_an_unruled_table_whose_names_wrap_reads_each_project_whole(tmp_path, extract):
    """No ruling lines, columns by position only, a header of two lines, and project names that
    wrap onto a line of their own (after the last row too): each wrapped line is the rest of its
    row's cells, not a row, and does not end the table (bm03, 资阳 2019: read at 0.10 before)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [("1", ["成都经资阳至潼南高速公", "路资阳段"], ["雁江区、", "安岳县"], "1850000", "160000", "72400", "45.3"),
            ("2", ["中国牙谷科创园建设项目"], ["雁江区"], "200000", "40000", "18900", "47.3"),
            ("3", ["沱江流域资阳段水环境综", "合治理工程"], ["乐至县"], "180000", "30000", "14100", "47.0"),
            ("4", ["资阳市中心医院建设项目"], ["雁江区"], "160000", "30000", "13500", "45.0"),
            ("5", ["乐至县城东新区基础设施", "建设项目"], ["乐至县"], "85000", "18000", "7600", "42.2")]

    def draw(c):
        c.setFont("STSong-Light", 14)
        c.drawString(150, 790, "2019年1—5月全市省列重点项目推进情况")
        c.setFont("STSong-Light", 11)
        c.drawString(60, 760, "截至5月底，全市省列重点项目累计完成投资28.8亿元，完成年度计划的44%。")
        c.drawString(470, 730, "单位：万元")
        for x, top, bottom in [(60, "序号", ""), (90, "项目名称", ""), (230, "建设地点", ""), (300, "总投资", ""),
                               (360, "2019年", "计划投资"), (420, "1—5月", "完成投资"), (480, "占年计划", "（%）")]:
            c.drawString(x, 710, top)
            c.drawString(x, 696, bottom)
        y = 676
        for number, name, place, *figures in rows:
            c.drawString(62, y, number)
            for k, part in enumerate(name):
                c.drawString(90, y - 14 * k, part)
            for k, part in enumerate(place):
                c.drawString(230, y - 14 * k, part)
            for right, figure in zip((345, 405, 465, 515), figures):
                c.drawRightString(right, y, figure)
            y -= 14 * max(len(name), len(place)) + 10
        c.drawString(60, y - 20, "注：占年计划=1—5月完成投资/2019年计划投资。")

    path = tmp_path / "unruled_wrapped.pdf"
    _reportlab_pdf(path, draw)
    doc = extract(path)
    facts = {(f.entity_raw, f.metric, f.value) for f in doc.facts if f.source_kind == "table"}
    assert ("成都经资阳至潼南高速公路资阳段", "总投资", 1850000.0) in facts
    assert ("沱江流域资阳段水环境综合治理工程", "完成投资", 14100.0) in facts
    assert ("乐至县城东新区基础设施建设项目", "完成率", 42.2) in facts  # the last row's wrapped name too
    assert ("资阳市中心医院建设项目", "完成投资", 13500.0) in facts
    names = {f.entity_raw for f in doc.facts if f.source_kind == "table"}
    assert not names & {"路资阳段", "合治理工程", "建设项目", "安岳县"}, names
    assert len([f for f in doc.facts if f.source_kind == "table"]) == 5 * 4


def test_a_nul_a_pdf_font_gives_for_its_ideographic_space_is_a_space():
    from pipeline.core.normalize import normalize_chars
    from pipeline.core.vocabulary import GRAND_TOTAL_ROW
    assert GRAND_TOTAL_ROW.match(normalize_chars("合\x00\x00计"))
    assert "\x00" not in normalize_chars("\x00\x00今年以来，全市完成投资5亿元。")


def test_an_unruled_tables_two_line_header_under_its_caption(tmp_path, extract):
    """"序号 项目名称 总投资 2023年 1-5月" over "计划投资 完成投资", right under the caption: both lines are the
    header (the second has only one gap between its words), so the rows are named and measured (a review's
    p08: every figure was row_unnamed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(c):
        c.setFont("STSong-Light", 10)
        c.drawString(150, 780, "表1 株洲市重点项目完成情况（单位：亿元）")
        for x, text in ((60, "序号"), (90, "项目名称"), (350, "总投资"), (432, "2023年"), (517, "1-5月")):
            c.drawString(x, 766, text)
        c.drawString(420, 754, "计划投资")
        c.drawString(500, 754, "完成投资")
        y = 738
        for number, name, *figures in (("1", "株洲某某轨道交通产业园", "12.5", "3.2", "1.8"), ("2", "醴陵市某某陶瓷产业园", "8.6", "2.1", "1.2"),
                                       ("3", "攸县某某循环经济园", "6.3", "1.5", "0.9")):
            c.drawString(60, y, number)
            c.drawString(90, y, name)
            for right, figure in zip((380, 460, 540), figures):
                c.drawRightString(right, y, figure)
            y -= 16

    path = tmp_path / "two_line_header.pdf"
    _reportlab_pdf(path, draw)
    doc = extract(path)
    facts = {(f.entity_raw, f.metric, f.value) for f in doc.facts if f.source_kind == "table"}
    assert {("株洲某某轨道交通产业园", "总投资", 12.5), ("株洲某某轨道交通产业园", "计划投资", 3.2),
            ("攸县某某循环经济园", "完成投资", 0.9)} <= facts, facts
    assert not [f for f in doc.facts if "row_unnamed" in f.flags]
