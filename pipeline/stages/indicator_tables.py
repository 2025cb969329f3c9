"""Indicator tables → facts: rows are indicators, columns say what kind of value each is.

The tables of statistical communiqués and reports (粮食产量, 规模以上工业增加值, 户籍人口 by
城镇 / 乡村) are not tables of places: their entity is the document's own area, the measure is
the row's indicator, and the column says whether a value is the level (绝对数, 年末数, 产量),
the growth (比上年增长%) or the share (比重%). A sub-row (其中：城镇, #铁路, 在总计中：轻工业, or
written indented under its parent) is a category of its parent's indicator, so that
`metric = '货物运输总量'` with `category IS NULL` selects the total alone. A per-row unit column
(指标 | 单位 | 绝对数 | 增长%) gives each row its unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from extractors.headers import SEP
from extractors.tables import Table
from pipeline.core.cells import is_empty_marker, parse_cell
from pipeline.core.periods import find_period, strip_period, year_period
from pipeline.core.units import canonical_unit, parse_unit_line, to_base, unit_in_label
from pipeline.core.vocabulary import TOTAL_ROW
from schemas.records import DocumentMeta, Fact

# heads a table of kinds of project shares with one of indicators: which it is, its columns say
CATEGORY_HEAD = re.compile(r"^(类别|分类|行业|行业名称)$")
WHOLE_OF_KINDS = re.compile(r"^(全部投资|全部|总计|合计|全社会|全市|全县|全区|固定资产投资|投资总额)$")  # a trades table's total row
TRADES_HEAD = re.compile(r"^(分?行业|行业名称|按行业分)$")  # (not 领域 / 产业: 重点领域 rows are measures of their own)
INDICATOR_HEAD = re.compile(r"^(主要)?(指标|指标名称|项目|类别|分类|产品名称|产品|品种|名称|行业|行业名称|内容)$")
UNIT_HEAD = re.compile(r"^(计量)?单位$")
GROWTH = re.compile(r"比上年|同比|增长|增速|增幅|增减|比去年")
SHARE = re.compile(r"比重|占比|构成|占.*%")
INDEX = re.compile(r"指数")
# a column that holds the level of the row's indicator without naming a measure of its own
LEVEL = re.compile(r"^(绝对数|绝对值|数值|数量|总量|合计|本年|本期|当年|全年|年末数|年末|年底数|实绩|实际|完成|完成数|累计|总计|"
                   r"\d{4}年?|\d{4}年末|\d{4}年底)$")
MARKER = re.compile(r"^\s*(其中\s*[:：]?|在总计中\s*[:：]?|#|＃)\s*")
ENUMERATOR = re.compile(r"^\s*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．](?!\d))\s*")
AREA_PREFIX = re.compile(r"^(全市|全县|全区|全省|全州|全盟|全旗|全国|本市|本县|我市|我县)")
PLACE_LABEL = re.compile(r"(省|市|县|区|旗|盟|州|镇|乡|街道|办事处|开发区|园区|新区)$")
STATISTICAL_LEVEL = re.compile(r"^(绝对数|绝对值|数值|总量|年末数)$")
MEASURE_END = re.compile(r"(量|额|数|值|率|总数|指数|收入|支出|产值)$")
CAPTION_NOISE = re.compile(r"^(续?表\s*[\d一二三四五六七八九十]+)|(\d{4}年(末|底)?(\d{1,2}(-\d{1,2})?月)?)|"
                           r"(各|分)(县市区|县\(市、区\)|县\(区\)|县区|区县|市县|乡镇|地区|县|区)(?!场)|主要|情况|及其?增速|及其?构成|"
                           r"及增长|完成|统计|[(（][^)）]*[)）]")
INDEX_BASE = re.compile(r"以?\s*((?:上年|上年同期|\d{4}年)\s*)(?:为|=)\s*100")


# header groups over an amount column that still mean "done in the period": the period, 完成, and a part (其中…)
DONE_GROUP = re.compile(r"(累计|实际|本年累计)?(完成)?|其中\s*[:：]?\s*[\u4e00-\u9fff]{2,10}")


@dataclass
class ColumnRole:
    kind: str  # level | growth | share | index | unit
    measure_word: str  # a measure the column names itself (产量 in "产量（万吨）"), appended to the row's indicator
    unit: Optional[str]


def is_indicator_table(table: Table) -> bool:
    """Rows of indicators, not places: the label column says 指标 / 产品名称 / 类别, or every figure
    column is only a kind of value (绝对数, 增长%, 比重); and most row labels are no place names."""
    lead = table.index_cols
    if table.label_cols <= lead:
        return False
    labels = [_clean(r[lead]) for r in table.rows if len(r) > lead and r[lead]]
    if not labels:
        return False
    places = sum(1 for x in labels if PLACE_LABEL.search(x) and not TOTAL_ROW.match(x))
    if places >= max(1, len(labels) // 2):
        return False
    head = re.sub(r"\s+", "", _label_header(table))
    roles = [_role(p) for p in table.header_paths[table.label_cols:]]
    figure_roles = [r for r in roles if r.kind != "unit"]
    plain_head = re.sub(r"[(（].*?[)）]", "", head)
    if INDICATOR_HEAD.match(plain_head):
        measured = sum(1 for r in figure_roles if r.kind == "level" and r.measure_word)
        if CATEGORY_HEAD.match(plain_head) and measured >= 2:
            return False  # "行业名称 | 年度计划投资 | 完成投资量 | …": kinds of project, the columns their measures
        return bool(figure_roles)
    return bool(figure_roles) and all(r.kind != "level" or not r.measure_word for r in figure_roles) and \
        any(r.kind in ("growth", "share", "index") for r in figure_roles)


def _label_header(table: Table) -> str:
    lead = table.index_cols
    return SEP.join(h[lead] for h in table.header_rows if len(h) > lead and h[lead])


def _clean(label: str) -> str:
    return re.sub(r"\s+", "", label or "")


def _role(path: str) -> ColumnRole:
    leaf = _clean(path.split(SEP)[-1] if path else "")
    if UNIT_HEAD.match(leaf):
        return ColumnRole("unit", "", None)
    unit = unit_in_label(leaf)
    base = INDEX_BASE.search(_clean(path))
    word = re.sub(r"[(（][^)）]*[)）]|%|％", "", leaf)
    word = re.sub(r"^(\d{4}年(末|底)?)", "", strip_period(word)).strip()  # "2018年1-3月" is the period, not a measure
    if INDEX.search(leaf) or base:
        return ColumnRole("index", "", f"{base.group(1)}=100" if base else None)
    if GROWTH.search(leaf):
        return ColumnRole("growth", "", unit or ("个百分点" if "百分点" in leaf else "%"))
    if SHARE.search(leaf):
        return ColumnRole("share", "", unit or "%")
    return ColumnRole("level", "" if LEVEL.match(word) or not word else word, unit)


@dataclass
class _Row:
    label: str  # as written
    name: str  # without marker and enumerator
    marked: bool
    enumerated: bool
    indent: Optional[float]
    parent: Optional[int] = None


def row_tree(labels: list[str], indents: Optional[list[Optional[float]]]) -> list[_Row]:
    """Each row's parent: by indentation where the reader measured it, else by its marker; 其中 /
    # rows belong to the row above them; rows numbered 一、二、 under an unnumbered first row are
    its parts."""
    rows = []
    for k, label in enumerate(labels):
        marked = bool(MARKER.match(label))
        name = MARKER.sub("", label)
        enumerated = bool(ENUMERATOR.match(name))
        name = ENUMERATOR.sub("", name).strip()
        rows.append(_Row(label, name, marked, enumerated, indents[k] if indents and k < len(indents) else None))
    stack: list[int] = []  # open ancestors
    for k, row in enumerate(rows):
        if row.indent is not None and all(rows[j].indent is not None for j in stack):
            while stack and rows[stack[-1]].indent >= row.indent - 2:
                stack.pop()
            row.parent = stack[-1] if stack else None
        elif row.marked and k:
            while stack and rows[stack[-1]].marked and stack[-1] != k - 1:
                stack.pop()
            row.parent = stack[-1] if stack and not rows[stack[-1]].marked else (k - 1)
        else:
            row.parent = None
            stack = []
        if row.parent is None and row.enumerated and rows[0] is not row and not rows[0].enumerated \
                and rows[0].parent is None:
            row.parent = 0
            stack = [0]
        stack.append(k)
    return rows


def _chain(tree: list[_Row], k: int) -> list[int]:
    """Row k and its ancestors, the top-level row first."""
    out = []
    j: Optional[int] = k
    while j is not None and len(out) < 8:
        out.append(j)
        j = tree[j].parent
    return out[::-1]


def metric_of_kind(measure: str, kind: str, unit: Optional[str] = None) -> str:
    """The metric of a value of a measure: its level, its growth (增速, or 增减 when the change is
    in points or in the level's own unit) or its share (比重). Tables and a communiqué's prose name
    them alike, so that one figure in both is one measure."""
    if kind == "growth" and unit and unit not in ("%", "％"):
        return measure + "增减"
    return measure + {"growth": "增速", "share": "比重"}.get(kind, "")


def indicator_facts(table: Table, meta: DocumentMeta, page: Optional[int] = None) -> Iterator[Fact]:
    lead = table.index_cols
    roles = [_role(p) for p in table.header_paths]
    unit_col = next((c for c in range(lead + 1, len(roles)) if roles[c].kind == "unit"), None)
    labels = [r[lead] if len(r) > lead else "" for r in table.rows]
    tree = row_tree(labels, table.row_indents)
    table_unit = next(iter(parse_unit_line(table.unit_line or "")), None)
    # growth and share columns of a table whose level column names its measure (产量) are of that measure
    words = [r.measure_word if r.kind == "level" else "" for r in roles]
    period = find_period(table.caption or "", meta.year) or meta.period
    # a column headed by a year alone ("指标 | 2018 | 2019", a yearbook's) is that year
    column_periods = [year_period(int(_clean(p)[:4])) if re.fullmatch(r"(19|20)\d\d年?", _clean(p))
                      else find_period(p, meta.year) for p in table.header_paths]
    n_header = len(table.header_rows)
    # "行业 | 绝对数 | 比上年增长(%)" under "分行业固定资产投资及增长速度": its rows are kinds of the caption's measure
    # (only under a head of trades, 行业, and rows that are not the measure itself: a 类别 table of
    # 居民消费价格指数 / 城市 / 食品烟酒 names indicators, a 领域 table of 工业投资 / 民间投资 measures)
    by_kind = caption_measure(table.caption) if TRADES_HEAD.match(re.sub(r"[(（].*?[)）]", "", _clean(_label_header(table)))) else ""
    if by_kind and any(_clean(x) == by_kind or by_kind in _clean(x) for x in labels):
        by_kind = ""
    for i, row in enumerate(table.rows):
        if not labels[i]:
            continue
        chain = _chain(tree, i)
        indicator = by_kind or AREA_PREFIX.sub("", tree[chain[0]].name) or tree[chain[0]].name
        if unit_in_label(indicator):
            indicator = re.sub(r"\s*[(（][^()（）]{1,10}[)）]$", "", indicator) or indicator  # "施工项目个数 (个)"
        # a sub-row (其中:本年新开工) counts in its parent's unit when it writes none
        inherited_unit = None if re.search(r"率|比重|占比|比例|增长|增速|%|％", labels[i]) else \
            next(filter(None, (unit_in_label(labels[j]) for j in reversed(chain[:-1]))), None)
        written_unit = _clean(row[unit_col]) if unit_col is not None and unit_col < len(row) else ""
        row_unit = (canonical_unit(written_unit) or written_unit) if written_unit else None
        for c in range(table.label_cols, len(row)):
            role = roles[c] if c < len(roles) else ColumnRole("level", "", None)
            text = row[c]
            if role.kind == "unit" or is_empty_marker(text):
                continue
            parsed = parse_cell(text)
            if parsed is None:
                continue
            value, unit_cell = parsed
            flags = ["indicator_table"] + (list(table.header_flags[c]) if c < len(table.header_flags) else [])
            # the growth of the measure a column to its left names (产量 | 比上年增长)
            left = next((w for w in reversed(words[table.label_cols:c]) if w), "")
            word = role.measure_word or (left if role.kind in ("growth", "share") else "")
            # 发电量 needs no 产量: an indicator that already ends in a measure word keeps its name
            measure = indicator + word if word and not indicator.endswith(word) and not MEASURE_END.search(indicator) \
                else indicator
            unit = unit_cell or role.unit
            if role.kind == "level":
                unit = unit or unit_in_label(labels[i]) or row_unit or inherited_unit or table_unit
            if unit is None:
                flags.append("unit_unknown")
            metric = metric_of_kind(measure, role.kind, unit)
            value_base, unit_base = to_base(value, unit)
            path = table.header_paths[c] if c < len(table.header_paths) else ""
            yield Fact(
                value=value, unit=unit, value_base=value_base, unit_base=unit_base,
                entity_raw="", metric_raw=SEP.join([tree[j].label for j in chain] + ([path] if path else [])),
                period=(column_periods[c] if c < len(column_periods) else None) or period,
                source_kind="table", quote=text, extractor=table.method, raw=text,
                page=(table.row_pages[i] if table.row_pages else page),
                line=table.row_lines[i] if i < len(table.row_lines) else None,
                table_index=table.index, row=n_header + i + 1, col=c + 1,
                confidence=round(1.0 - 0.3 * (unit is None), 2), flags=flags,
                metric=metric, category=SEP.join(tree[j].name for j in (chain if by_kind else chain[1:])
                                                 if not (by_kind and WHOLE_OF_KINDS.match(tree[j].name))),
            )


def caption_measure(caption: Optional[str], area_names: tuple[str, ...] = ()) -> str:
    """What a table of places measures, from its caption: "表2 2022年宜宾市各县（区）地区生产总值"
    → 地区生产总值 (its columns only say 绝对数 / 比上年增长); "" when the caption says nothing more."""
    # (before spaces go: "表2 2022年"; "表62017年" is 表6 of 2017年)
    text = re.sub(r"^\s*续?表\s*(?:\d{1,2}(?=(?:19|20)\d\d年)|[\d一二三四五六七八九十]+)\s*", "", caption or "")
    text = CAPTION_NOISE.sub("", re.sub(r"\s+", "", text))
    for name in area_names:
        text = text.replace(name, "")
    text = re.sub(r"^[^\u4e00-\u9fff]+", "", AREA_PREFIX.sub("", text))
    text = re.sub(r"(及其?)?(增长(速度)?|增速)$|速度$", "", re.sub(r"^(分|按)?行业(分)?", "", text))  # 分行业…及增长速度
    text = re.sub(r"(?<=投资)额$", "", text)  # 固定资产投资额: 固定资产投资
    # a place's short form before a known measure (恩施州固定资产投资): the measure
    text = re.sub(r"^[\u4e00-\u9fff]{1,5}?(?:州|市|县|区|盟|旗)(?=固定资产投资|地区生产总值|社会消费品零售总额|一般公共预算|规模以上)", "", text)
    if re.search(r"项目|进展|推进|进度|工程", text):
        return ""  # "一季度各县区重点项目进展情况": what the table is about, no indicator its columns measure
    return text if 2 <= len(text) <= 16 else ""


def measure_of_generic_column(path: str, measure: str) -> Optional[str]:
    """The metric of a column that only says what kind of value it holds, under a caption's measure:
    绝对数 → 地区生产总值, 比上年增长% → 地区生产总值增速, 比重 → 地区生产总值比重, and a column named
    by the measure's last words (收入 of 一般公共预算收入); None for any other column."""
    role = _role(path)
    leaf = re.sub(r"[(（][^)）]*[)）]|%|％", "", _clean(path.split(SEP)[-1]))
    amount = re.fullmatch(r"(投资|收入|支出|产值)额", leaf)  # (投资额 names 投资)
    if role.kind == "level" and (
            (len(leaf) >= 2 and measure.endswith(leaf) and SEP not in path)
            or (amount and measure.endswith(amount.group(1))
                and all(DONE_GROUP.fullmatch(strip_period(p)) or p == measure for p in path.split(SEP)[:-1]))):
        # 收入（亿元） under a caption of 一般公共预算收入: the column names it by its last words; so does 投资额 under
        # 固定资产投资 below what was done in the period (1-9月完成 / 投资额, 其中:工业投资 / 投资额), never under a
        # plan, a target, last year or another kind of money (年度计划, 年度目标, 上年同期, 合同外资)
        return measure
    if role.kind == "level" and STATISTICAL_LEVEL.match(leaf) or \
            role.kind in ("growth", "share") and re.match(r"^(比上年|同比|比去年)?(增长|增速|增幅|增减|比重|占比)$", leaf):
        return metric_of_kind(measure, role.kind)
    return None
