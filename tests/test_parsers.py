"""Unit and property tests for the parsers: numbers, units, periods, encodings, normalization."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extractors.text import decode_bytes, html_to_text
from pipeline.core.cells import parse_cell
from pipeline.core.normalize import normalize_text
from pipeline.core.numbers import parse_arabic, parse_chinese_numeral, parse_number
from pipeline.core.periods import find_period
from pipeline.core.units import parse_unit_line, to_base, unit_in_label
from schemas.records import DocumentError

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Reference writer of Chinese numerals (for property tests): 12 → 十二, 10203 → 一万零二百零三."""
    def below_10k(x: int, leading: bool) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += ("" if (d == 1 and value == 10 and not out and leading) else DIGITS[d]) + name
        return out
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    if not high:
        return below_10k(low, True)
    text = below_10k(high, True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + below_10k(low, False)
    return text


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_round_trip(n):
    assert parse_chinese_numeral(to_chinese(n)) == n


@pytest.mark.parametrize("text,value", [("十二", 12), ("两", 2), ("九十二点七亿", 9.27e9), ("一点五", 1.5),
                                        ("三百二十", 320), ("一万零五", 10005), ("二〇一七", 2017)])
def test_chinese_numeral_forms(text, value):
    assert parse_chinese_numeral(text) == pytest.approx(value)


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_thousands_separators_round_trip(n, cents):
    text = f"{n:,}.{cents:02d}"
    assert parse_arabic(text) == pytest.approx(float(f"{n}.{cents:02d}"))


def test_not_numbers():
    for text in ("", "-", "/", "增幅城区 第一", "1.2.3", "12,34", "三一重工"):
        assert parse_number(text) is None


@pytest.mark.parametrize("cell,expected", [
    ("11亿元", (11.0, "亿元")), ("3%", (3.0, "%")), ("-1", (-1.0, None)), ("1,234.5", (1234.5, None)),
    ("59.659", (59.659, None)), ("0", (0.0, None)), ("-", None), ("/", None), ("", None), ("增幅城区 第一", None),
    ("155.0%", (155.0, "%")), ("5 个", (5.0, "个"))])
def test_cells(cell, expected):
    assert parse_cell(cell) == expected


@pytest.mark.parametrize("value,unit,base", [
    (11, "亿元", (110000.0, "万元")), (213644, "万元", (213644.0, "万元")), (5000, "元", (0.5, "万元")),
    (15, "亩", (10000.0, "平方米")), (12.8, "万平方米", (128000.0, "平方米")), (3, "公顷", (30000.0, "平方米")),
    (1.47, "万个", (14700.0, "个")), (19.9, "个百分点", (19.9, "个百分点")), (85.4, "%", (85.4, "%")),
    (7, "家", (7.0, "个")), (300, "元/人", (300, "元/人")), (5, None, (None, None))])
def test_base_units(value, unit, base):
    got = to_base(value, unit)
    assert got[1] == base[1] and (got[0] == pytest.approx(base[0]) if base[0] is not None else got[0] is None)


def test_unit_lines_and_labels():
    assert parse_unit_line("单位：万元") == ["万元"]
    assert parse_unit_line("单位: 个, 亿元") == ["个", "亿元"]
    assert parse_unit_line("单位：个、亩、平方米") == ["个", "亩", "平方米"]
    assert unit_in_label("面积（亩）") == "亩"
    assert unit_in_label("全年计划投资(亿元)") == "亿元"
    assert unit_in_label("国有(m²)") == "m²"
    assert unit_in_label("完成年度计划比例 (%)") == "%"
    assert unit_in_label("项目个数") is None


def _dates(p):
    return (p.start, p.end)


@pytest.mark.parametrize("text,year,start,end", [
    ("1-3月", 2017, (2017, 1, 1), (2017, 3, 31)), ("1-9 月", 2020, (2020, 1, 1), (2020, 9, 30)),
    ("1—3月", 2023, (2023, 1, 1), (2023, 3, 31)), ("1至5月", 2019, (2019, 1, 1), (2019, 5, 31)),
    ("一季度", 2012, (2012, 1, 1), (2012, 3, 31)), ("三季度", 2020, (2020, 7, 1), (2020, 9, 30)),
    ("上半年", 2016, (2016, 1, 1), (2016, 6, 30)), ("截止5月底", 2018, (2018, 1, 1), (2018, 5, 31)),
    ("截至3月下旬", 2012, (2012, 1, 1), (2012, 3, 31)), ("全年", 2017, (2017, 1, 1), (2017, 12, 31)),
    ("2023年1-3月", None, (2023, 1, 1), (2023, 3, 31)), ("前三季度", 2021, (2021, 1, 1), (2021, 9, 30)),
    ("1-2月份", 2024, (2024, 1, 1), (2024, 2, 29))])
def test_periods(text, year, start, end):
    from pipeline.core.normalize import normalize_chars, tidy_prose_line

    p = find_period(tidy_prose_line(normalize_chars(text)), year)
    assert p is not None and _dates(p) == (dt.date(*start), dt.date(*end))


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1990, 2035))
def test_month_ranges(a, b, year):
    p = find_period(f"{a}-{b}月", year)
    if a > b:
        assert p is None
    else:
        assert p.start == dt.date(year, a, 1) and p.end.month == b and (p.end + dt.timedelta(days=1)).day == 1


def test_dates_are_not_periods():
    assert find_period("3月17日", 2017) is None
    assert find_period("3 月 17 日召开", 2017) is None
    assert find_period("9月,全市", 2020).label == "9月"  # a month that opens a sentence is one


HAN = st.text(alphabet=st.sampled_from("株洲市石峰区重点项目完成投资亿元万平方米同比增长，。；：（）“”、0123456789"),
              min_size=1, max_size=200)


@settings(max_examples=60)
@given(HAN, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"]))
def test_encodings_round_trip(text, encoding):
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_bad_bytes():
    with pytest.raises(DocumentError) as e:
        decode_bytes(b"")
    assert e.value.kind == "empty"
    with pytest.raises(DocumentError) as e:
        decode_bytes(bytes(range(256)) * 4)
    assert e.value.kind in ("binary", "undecodable")
    with pytest.raises(DocumentError) as e:
        decode_bytes(b"\x80\x80\xff\xfe\x81 abc \xff" * 20)
    assert e.value.kind == "undecodable"


def test_normalize_joins_broken_sentences_and_drops_boilerplate():
    raw = ("株洲市石峰区工作简报\n\n1-3 月，全区实现固定资产投资 213644 万元。市级重点项目完成投资 11 亿元，占\n\n"
           "全年任务(92.7亿元)的11.9%，成为支撑。\n"
           "扫一扫在手机打开当前页\n【 纠 错 】 【加入收藏】\n查看次数:\n"
           "- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑\n"
           "**四是外部协调难度大。**如报亭北路涉及 14.5 亩土地。\n1-3 月，国有（m ² ）拆迁 59100 ㎡。")
    lines = normalize_text(raw)
    assert lines[0] == "株洲市石峰区工作简报"
    assert "1-3月,全区实现固定资产投资 213644 万元。市级重点项目完成投资 11 亿元,占全年任务(92.7亿元)的11.9%,成为支撑。" in lines
    assert not any("扫一扫" in ln or "纠" in ln or "查看次数" in ln or "下载文档" in ln for ln in lines)
    assert "四是外部协调难度大。如报亭北路涉及 14.5 亩土地。" in lines
    assert lines[-1] == "1-3月,国有(m²)拆迁 59100 m²。"


def test_short_capture_lines_rejoin_but_titles_do_not():
    raw = "2018年上半年重点项目建设工作总结\n今年以来,我区扎实推进。\n区重点办定期不定期地安排了\n工作人员深入到各重点项目现场。"
    lines = normalize_text(raw)
    assert lines[0] == "2018年上半年重点项目建设工作总结"
    assert "区重点办定期不定期地安排了工作人员深入到各重点项目现场。" in lines


def test_html_tables_become_tab_rows():
    text = html_to_text("<html><head><title>T</title><style>p{}</style></head><body><p>单位：亿元</p>"
                        "<table><tr><td>县市区</td><td>完成</td></tr><tr><td>云溪区</td><td>14.6</td></tr></table></body></html>")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert lines == ["T", "单位：亿元", "县市区\t完成", "云溪区\t14.6"]


@pytest.mark.parametrize("row, cells", [
    ("荷塘区\t12\t—\t34", ["荷塘区", "12", "—", "34"]),
    ("荷塘区\t12\t~\t34", ["荷塘区", "12", "~", "34"]),
    ("荷塘区  12  —  34  56", None),  # space-aligned: still four cells after the name
])
def test_a_dash_cell_between_figures_stays_a_cell(row, cells):
    """A "—" (no value) between two figures once became "12-34", shifting every later column."""
    from pipeline.core.normalize import normalize_lines

    line = normalize_lines(["项目\t计划\t完成\t增幅", row])[0][1]
    if cells is not None:
        assert line.split("\t") == cells
    else:
        assert "12-34" not in line and line.split() == ["荷塘区", "12", "—", "34", "56"]


def test_ranges_still_become_dashes():
    from pipeline.core.normalize import normalize_chars

    assert normalize_chars("1—3月") == "1-3月" and normalize_chars("1 ~ 9月") == "1-9月"
