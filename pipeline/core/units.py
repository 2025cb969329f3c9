"""Units of the genre and their conversion to comparable base units.

Base units: 万元 for money, 平方米 for area, 个 for counts, % for ratios; 个百分点 (a difference
of percentages) stays its own unit and is never converted to %.
"""
from __future__ import annotations

import re
from typing import Optional

MU_M2 = 10000 / 15  # 1 亩 in square metres

# unit → (base unit, factor, kind)
UNITS: dict[str, tuple[str, float, str]] = {
    "元": ("万元", 1e-4, "money"),
    "千元": ("万元", 0.1, "money"),
    "万元": ("万元", 1.0, "money"),
    "亿元": ("万元", 1e4, "money"),
    "万亿元": ("万元", 1e8, "money"),
    "平方米": ("平方米", 1.0, "area"),
    "m²": ("平方米", 1.0, "area"),
    "万平方米": ("平方米", 1e4, "area"),
    "亩": ("平方米", MU_M2, "area"),
    "万亩": ("平方米", 1e4 * MU_M2, "area"),
    "公顷": ("平方米", 1e4, "area"),
    "万公顷": ("平方米", 1e8, "area"),
    "平方公里": ("平方米", 1e6, "area"),
    "平方千米": ("平方米", 1e6, "area"),
    "%": ("%", 1.0, "ratio"),
    "个百分点": ("个百分点", 1.0, "ratio_diff"),
    "百分点": ("个百分点", 1.0, "ratio_diff"),  # "拉低投资增速2.8百分点": written without 个 (stored as 个百分点)
    "倍": ("倍", 1.0, "multiple"),  # "同比增长3.94倍": growth as a multiple, kept as written (never turned into %)
    "分": ("分", 1.0, "score"),
    "位次": ("位次", 1.0, "rank"),
    "公里": ("公里", 1.0, "length"),
    "千米": ("公里", 1.0, "length"),
    "米": ("公里", 1e-3, "length"),
    "股": ("股", 1.0, "shares"),
    "万股": ("股", 1e4, "shares"),
    # the units of statistical communiqués and reports
    "‰": ("‰", 1.0, "ratio_permille"),
    "千克": ("吨", 1e-3, "mass"),
    "公斤": ("吨", 1e-3, "mass"),
    "吨": ("吨", 1.0, "mass"),
    "万吨": ("吨", 1e4, "mass"),
    "亿吨": ("吨", 1e8, "mass"),
    "升": ("升", 1.0, "volume"),
    "千升": ("升", 1e3, "volume"),
    "万千升": ("升", 1e7, "volume"),
    "立方米": ("立方米", 1.0, "volume_m3"),
    "万立方米": ("立方米", 1e4, "volume_m3"),
    "亿立方米": ("立方米", 1e8, "volume_m3"),
    "千瓦": ("千瓦", 1.0, "power"),
    "万千瓦": ("千瓦", 1e4, "power"),
    "千瓦时": ("千瓦时", 1.0, "energy"),
    "万千瓦时": ("千瓦时", 1e4, "energy"),
    "亿千瓦时": ("千瓦时", 1e8, "energy"),
    "吨公里": ("吨公里", 1.0, "freight"),
    "万吨公里": ("吨公里", 1e4, "freight"),
    "亿吨公里": ("吨公里", 1e8, "freight"),
    "人公里": ("人公里", 1.0, "passenger"),
    "万人公里": ("人公里", 1e4, "passenger"),
    "亿人公里": ("人公里", 1e8, "passenger"),
    "万平方公里": ("平方米", 1e10, "area"),
    # livestock and visits: counted in communiqués; in a bulletin's prose "头" and "人次" are no progress
    "头": ("头", 1.0, "head"),
    "万头": ("头", 1e4, "head"),
    "只": ("只", 1.0, "head_poultry"),
    "万只": ("只", 1e4, "head_poultry"),
    "人次": ("人次", 1.0, "visits"),
    "万人次": ("人次", 1e4, "visits"),
    "亿人次": ("人次", 1e8, "visits"),
    "标箱": ("标箱", 1.0, "containers"),
    "万标箱": ("标箱", 1e4, "containers"),
    "艘": ("艘", 1.0, "vessels"),
}
COUNT_UNITS = ["个", "家", "户", "项", "宗", "人", "套", "名", "位", "座", "栋", "条", "所", "处",
               "台", "辆", "批", "次", "场", "块", "间", "张", "件", "册"]
for _u in COUNT_UNITS:
    UNITS[_u] = ("个", 1.0, "count")
    UNITS["万" + _u] = ("个", 1e4, "count")
    UNITS["亿" + _u] = ("个", 1e8, "count")  # 快递业务总量2.24亿件

# Longest first so that 万平方米 wins over 平方米 and 个百分点 over 个.
UNIT_ALTERNATION = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# The physical units of statistics: known in cells, headers and unit columns; in a progress
# bulletin's prose they describe a project ("年产10万吨镁合金", "100万千瓦光伏"), not its progress.
STATISTICAL_KINDS = {"mass", "volume", "volume_m3", "power", "energy", "freight", "passenger", "ratio_permille",
                     "head", "head_poultry", "visits", "containers", "vessels"}
PROSE_UNIT_ALTERNATION = "|".join(sorted((re.escape(u) for u, (_, _, k) in UNITS.items() if k not in STATISTICAL_KINDS),
                                         key=len, reverse=True))
UNIT_ALIASES = {"平米": "平方米", "㎡": "m²", "m2": "m²", "百分点": "个百分点", "hm²": "公顷", "km²": "平方公里",
                "人民币元": "元", "元人民币": "元", "人民币万元": "万元", "万元人民币": "万元", "人民币亿元": "亿元"}


def canonical_unit(unit: Optional[str]) -> Optional[str]:
    if unit is None:
        return None
    unit = unit.strip()
    head, sep, per = unit.partition("/")
    unit = UNIT_ALIASES.get(head, head) + sep + per
    return unit if unit in UNITS or _is_rate(unit) else None


def _is_rate(unit: str) -> bool:
    parts = unit.split("/")
    return len(parts) == 2 and parts[0] in UNITS and bool(parts[1])


def kind_of(unit: Optional[str]) -> Optional[str]:
    if unit is None:
        return None
    if unit in UNITS:
        return UNITS[unit][2]
    return "rate" if _is_rate(unit) else None


def to_base(value: float, unit: Optional[str]) -> tuple[Optional[float], Optional[str]]:
    """(value_base, unit_base); (None, None) when the unit is unknown."""
    if unit is None:
        return None, None
    if unit in UNITS:
        base, factor, _ = UNITS[unit]
        return _round(value * factor), base
    if _is_rate(unit):
        return value, unit
    return None, None


def _round(x: float) -> float:
    # keep results like 11 亿元 → 110000.0 exact, strip float noise from 0.1-style factors
    return float(f"{x:.10g}") if abs(x) < 1e15 else x


UNIT_IN_TEXT = re.compile(rf"[(（]\s*(?:单位\s*[:：]\s*)?((?:人民币)?(?:{UNIT_ALTERNATION}|m2|平米|㎡|百分点)(?:/[\u4e00-\u9fff]{{1,2}})?)\s*[)）]")


def unit_in_label(label: str) -> Optional[str]:
    """Unit named in a header or row label: '面积（亩）', '全年计划投资(亿元)', '完成率 (%)'."""
    m = UNIT_IN_TEXT.search(label)
    if m:
        return canonical_unit(m.group(1))
    return None


def parse_unit_line(line: str) -> list[str]:
    """'单位：万元' → ['万元']; '单位: 个, 亿元' → ['个', '亿元']; '单位：个、亩、平方米' → three."""
    # the unit's own 单位, never 填报单位 / 编制单位 (who filled the sheet) before it
    found = list(re.finditer(r"(?<!编制)(?<!填报)(?<!报送)(?<!责任)(?<!制表)单位\s*[:：]\s*([^)）]+)", line))
    if not found:
        return []
    m = found[-1]
    units = []
    for part in re.split(r"[,，、;；\s]+", m.group(1)):
        unit = canonical_unit(part)
        if unit:
            units.append(unit)
    return units
