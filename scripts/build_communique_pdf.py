#!/usr/bin/env python3
"""Build samples/2022_yibin_tongji_gongbao.pdf: a statistical communiqué as governments publish it.

What it holds, on purpose (each a way real government PDFs differ from office-made bulletins):
- three-line (booktabs) tables: a thick top rule, a thin rule under the header, a thick bottom
  rule, no vertical lines at all: columns exist only as aligned text;
- an indicator table (户籍人口 with 其中：城镇 / 乡村 sub-rows, 年末数 and 比重 columns);
- a table of counties (县区 | 绝对数 | 比上年增长) that the page break cuts: page 1 ends with its
  top and header rules and four rows, page 2 goes on with six rows and the bottom rule, no
  header repeated;
- a product table with a per-row unit column (产品名称 | 单位 | 产量 | 比上年增长);
- footnote markers inside sentences (生产总值[1]…, 增长5.1%①);
- a page with text nobody sees: white text, text beyond the page's edge, a figure painted over
  by a white box, and a figure overwritten by other text.

The figures are made up but consistent (parts add up to their totals). Needs reportlab.
usage: python scripts/build_communique_pdf.py [OUT.pdf]
"""
from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
FONT = "STSong-Light"
W, H = A4
LEFT, RIGHT = 90, W - 90

# (label, indent in points, figures): a sub-row's sibling starts where the text after "其中：" does
POPULATION = [("户籍人口", 0, "555.12", ""), ("其中：城镇", 10, "260.41", "46.91"), ("乡村", 40, "294.71", "53.09"),
              ("其中：男性", 10, "285.30", "51.39"), ("女性", 40, "269.82", "48.61")]
COUNTIES_PAGE1 = [("翠屏区", 0, "1050.21", "4.5"), ("叙州区", 0, "520.33", "3.9"), ("南溪区", 0, "210.44", "4.1"),
                  ("江安县", 0, "180.12", "3.2")]
COUNTIES_PAGE2 = [("长宁县", 0, "175.60", "2.8"), ("高县", 0, "160.05", "3.0"), ("珙县", 0, "150.38", "-1.2"),
                  ("筠连县", 0, "101.27", "2.2"), ("兴文县", 0, "140.90", "3.6"), ("屏山县", 0, "85.70", "5.1")]
REVENUE = [("翠屏区", 0, "52.31"), ("叙州区", 0, "31.08"), ("南溪区", 0, "12.47"), ("江 安 县", 0, "10.92"),
           ("长宁县", 0, "9.85")]
RETAIL = [("翠屏区", 0, "420.15", "6.2"), ("叙州区", 0, "180.40", "5.8"), ("南溪区", 0, "75.33", "-1.4"),
          ("高县", 0, "60.12", "4.9")]
PRODUCTS = [("饮料酒", "千升", "365000", "-2.1"), ("原煤", "万吨", "512.30", "-8.4"),
            ("发电量", "亿千瓦时", "311.45", "6.2"), ("水泥", "万吨", "845.60", "-11.3"), ("纱", "吨", "52340", "5.0")]


def _text(c, x, y, s, size=11, right=False, centre=False, color=(0, 0, 0)):
    c.setFillColorRGB(*color)
    c.setFont(FONT, size)
    if right:
        c.drawRightString(x, y, s)
    elif centre:
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)
    c.setFillColorRGB(0, 0, 0)


def _scripted(c, x, y, pieces, size=11):
    """Text with small raised (1) or lowered (-1) pieces: a footnote mark glued to a figure
    (1210.56³亿元), the subscripts of PM₂.₅ and PM₁₀."""
    for text, shift in pieces:
        small = size * 0.6 if shift else size
        c.setFont(FONT, small)
        c.drawString(x, y + (size * 0.35 if shift > 0 else -size * 0.05 if shift < 0 else 0), text)
        x += pdfmetrics.stringWidth(text, FONT, small)


def _rule(c, y, width):
    c.setLineWidth(width)
    c.line(LEFT, y, RIGHT, y)


def _paragraph(c, y, lines):
    for k, line in enumerate(lines):
        _text(c, LEFT + (22 if k == 0 else 0), y, line)
        y -= 18
    return y - 6


def _open_table(c, y, headings) -> float:
    """A three-line table's top rule, its header (x, text, right-aligned?) and the thin rule under
    it; returns where the first row goes."""
    _rule(c, y, 1.5)
    for x, text, right in headings:
        _text(c, x, y - 15, text, size=10, right=right)
    _rule(c, y - 22, 0.5)
    return y - 38


def _open_unruled_table(c, y, caption, headings) -> float:
    """A caption and a header line with no rule at all: 县（区） over the labels, then each figure
    column's heading right-aligned at x; returns where the first row goes."""
    _text(c, W / 2, y, caption, size=11, centre=True)
    _text(c, LEFT + 30, y - 22, "县（区）", size=10)
    for x, text in headings:
        _text(c, x, y - 22, text, size=10, right=True)
    return y - 42


def _rows(c, y, rows, columns, step=20):
    """columns: x of each figure column's right edge; labels left-aligned at LEFT+8 plus their indent."""
    for label, indent, *values in rows:
        _text(c, LEFT + 8 + indent, y, label, size=10)
        for x, value in zip(columns, values):
            if value:
                _text(c, x, y, value, size=10, right=True)
        y -= step
    return y


def build(out: Path) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)  # the same bytes on every rebuild
    c.setTitle("")  # governments' PDFs often carry no title of their own
    # page 1
    _text(c, W / 2, H - 90, "2022年宜宾市国民经济和社会发展统计公报", size=16, centre=True)
    _text(c, W / 2, H - 118, "宜宾市统计局", size=12, centre=True)
    _text(c, W / 2, H - 136, "2023年3月28日", size=12, centre=True)
    y = _paragraph(c, H - 175, [
        "初步核算，全年全市地区生产总值[1]3427.82亿元，比上年增长4.1%①。其中，第一产",
        "业增加值358.26亿元，增长4.3%；第二产业增加值1694.17亿元，增长3.6%。",
    ])
    _text(c, W / 2, y, "表1  2022年末宜宾市户籍人口及其构成", size=11, centre=True)
    y -= 14
    y = _open_table(c, y, [(LEFT + 40, "指  标", False), (330, "年末数（万人）", True), (460, "比重（%）", True)])
    y = _rows(c, y, POPULATION, [310, 450])
    _rule(c, y + 12, 1.5)
    y -= 20
    y = _paragraph(c, y, [
        "全年全市各县（区）经济保持增长。表2为各县（区）地区生产总值及增速。",
    ])
    _text(c, W / 2, y, "表2  2022年宜宾市各县（区）地区生产总值", size=11, centre=True)
    y -= 14
    # the table starts low on the page: the page break cuts it after four rows, with no bottom rule
    y = min(y, 250)
    y = _open_table(c, y, [(LEFT + 30, "县（区）", False), (330, "绝对数（亿元）", True), (470, "比上年增长（%）", True)])
    _rows(c, y, COUNTIES_PAGE1, [310, 450])
    _text(c, W / 2, 40, "- 1 -", size=9, centre=True)
    c.showPage()
    # page 2: the rest of 表2 without its header, then its bottom rule
    y = _rows(c, H - 80, COUNTIES_PAGE2, [310, 450])
    _rule(c, y + 12, 1.5)
    y -= 20
    y = _paragraph(c, y, [
        "全年全市规模以上工业增加值比上年增长5.2%。主要工业产品产量见表3。",
    ])
    _text(c, W / 2, y, "表3  2022年宜宾市规模以上工业主要产品产量", size=11, centre=True)
    y -= 14
    y = _open_table(c, y, [(LEFT + 20, "产品名称", False), (250, "单位", False), (380, "产  量", True),
                           (490, "比上年增长（%）", True)])
    for name, unit, amount, growth in PRODUCTS:
        _text(c, LEFT + 8, y, name, size=10)
        _text(c, 250, y, unit, size=10)
        _text(c, 370, y, amount, size=10, right=True)
        _text(c, 470, y, growth, size=10, right=True)
        y -= 20
    _rule(c, y + 12, 1.5)
    _text(c, W / 2, 40, "- 2 -", size=9, centre=True)
    c.showPage()
    # page 3: what a reader sees, and text nobody sees
    y = _paragraph(c, H - 90, [
        "全年全市一般公共预算收入210.35亿元，比上年增长6.8%。",
    ])
    _text(c, LEFT, y, "全年全市引进项目投资额8888.88亿元，增长99.9%。", color=(1, 1, 1))  # white on white
    _text(c, W + 40, y - 18, "全年全市新增就业7777人。")  # beyond the page's right edge
    y -= 40
    _text(c, LEFT, y, "年末全市金融机构存款余额6543.21亿元。")
    c.setFillColorRGB(1, 1, 1)
    c.rect(LEFT + 12 * 11 - 2, y - 3, 45, 15, stroke=0, fill=1)  # a white box drawn over the figure
    c.setFillColorRGB(0, 0, 0)
    y -= 24
    _text(c, LEFT, y, "全年全市接待游客5555万人次。")
    _text(c, LEFT + 8 * 11, y, "（待核实）     ")  # drawn after, over the figure: a reader sees only this
    y -= 24
    _text(c, LEFT, y, "年末全市常住人口461.30万人。")
    y -= 20
    c.saveState()  # a clipping path that shows only the first words: the figure after them is never painted
    clip = c.beginPath()
    clip.rect(LEFT - 2, y - 4, 70, 16)
    c.clipPath(clip, stroke=0, fill=0)
    _text(c, LEFT, y, "全年全市新增市场主体4444户。")
    c.restoreState()
    y -= 30
    y = _paragraph(c, y, [
        "全年城镇、农村居民人均可支配收入分别为41230元和19870元，分别增长4.6%和6.2%。",
        "全年居民消费价格与上年持平。其中，城市上涨0.2%，农村下降0.3%。全年全市粮食播种",
        "面积425.60万亩，总产量210.80万吨，增产1.2%。其中，夏粮产量62.40万吨。",
    ])
    _scripted(c, LEFT, y, [("全年全市社会消费品零售总额1210.56", 0), ("3", 1), ("亿元，增长7.7%。", 0)])
    y -= 18
    _scripted(c, LEFT, y, [("全年全市PM", 0), ("2.5", -1), ("年平均浓度35微克/立方米，PM", 0), ("10", -1),
                           ("年平均浓度52微克/立方米。", 0)])
    _text(c, W / 2, 40, "- 3 -", size=9, centre=True)
    c.showPage()
    # page 4: open tables with no rule at all and only one or two figure columns, between prose
    y = _paragraph(c, H - 90, [
        "全年全市一般公共预算收入保持增长，各县（区）收入见表4，各县（区）社会消费品零售总额",
        "及增速见表5。全年全市新登记市场主体 5.21",
        "万户，比上年增长 3.4",
        "%，其中增长10%以上的县（区）有 4",
        "个。",
    ])
    y = _open_unruled_table(c, y, "表4  2022年宜宾市各县（区）一般公共预算收入", [(330, "收入（亿元）")])
    y = _rows(c, y, REVENUE, [310]) - 10
    y = _open_unruled_table(c, y, "表5  2022年宜宾市各县（区）社会消费品零售总额",
                            [(330, "零售总额（亿元）"), (470, "比上年增长（%）")])
    y = _rows(c, y, RETAIL, [310, 450])
    _paragraph(c, y - 10, ["注：表4、表5数据为初步统计数。"])
    _text(c, W / 2, 40, "- 4 -", size=9, centre=True)
    c.showPage()
    c.save()
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "samples" / "2022_yibin_tongji_gongbao.pdf"
    print(build(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
