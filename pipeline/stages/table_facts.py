"""Table cells → facts: row entity, header path (metric + period) and unit for every figure.

The unit of a cell comes from, most specific first: the cell itself ("11亿元"), its column
header ("面积（亩）", "完成率", "排名", "(180分)"), the row label ("集体（亩）"), the unit line
above the table ("单位：万元"; with several units, the column's words decide). A figure whose unit
cannot be decided gets unit None and the flag ``unit_unknown``: never a guess.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from extractors.tables import Table
from extractors.headers import SEP
from pipeline.core.cells import is_empty_marker, is_numeric_cell, parse_cell
from pipeline.core.periods import SPAN_KINDS, find_period, strip_period
from pipeline.core.vocabulary import (BUILDING_WORDS, COUNT_WORDS, LAND_WORDS, MONEY_WORDS, PROGRESS_WORDS, RANK_WORDS, RATIO_WORDS,
                                      SCORE_WORDS, SURFACE_WORDS, TOTAL_ROW)
from pipeline.stages.indicator_tables import caption_measure, indicator_facts, measure_of_generic_column, is_indicator_table
from pipeline.stages.transposed_tables import places_across, turned_back
from pipeline.core.units import kind_of, parse_unit_line, to_base, unit_in_label
from schemas.records import DocumentMeta, Fact, Period

CATEGORY_HEADER = re.compile(r"类型|类别|分类|指标|内容|项目类型|行业(名称|类别|分类)?$")  # (not 行业主管部门)
CATEGORY_VALUES = re.compile(r"^(集体|国有|新征|续征|新建|续建|竣工|开工|城镇|农村|工业|商业)")


def _column_unit(path: str, units: list[str], row_label: str, sibling_units: dict[str, str]) -> tuple[Optional[str], str]:
    """(unit, how) for a column path under a table's unit-line units."""
    parts = path.split(SEP) if path else []
    leaf = parts[-1] if parts else ""
    for part in reversed(parts):
        if re.search(r"[≤<>≥＜＞]", part):
            break  # under a range label ("μ≤10") the unit of its parent ("大型车比例μ(%)") is the range's, not the cell's
        explicit = unit_in_label(part)
        if explicit:
            return explicit, "header"
    if RANK_WORDS.search(leaf):
        return "位次", "header"
    if RATIO_WORDS.search(leaf) or (PROGRESS_WORDS.search(leaf) and (not units or "%" in units)):
        return "%", "header"
    if SCORE_WORDS.search(leaf):
        return "分", "header"
    for pattern, unit in COUNT_WORDS:
        if pattern.search(leaf):
            counts = [u for u in units if kind_of(u) == "count"]
            return (counts[0] if counts and unit == "个" else unit), "header"
    row_unit = unit_in_label(row_label)
    if row_unit:
        return row_unit, "row_label"
    if not units:
        return None, "none"
    money = [u for u in units if kind_of(u) == "money"]
    areas = [u for u in units if kind_of(u) == "area"]
    counts = [u for u in units if kind_of(u) == "count"]
    if len(units) == 1 and not (kind_of(units[0]) == "count" and MONEY_WORDS.search(leaf)):
        return units[0], "unit_line"
    # several units: the column's words decide, leaf first, then its parents
    for part in reversed(parts):
        if money and MONEY_WORDS.search(part):
            return money[0], "unit_line"
        if areas and SURFACE_WORDS.search(part):
            if len(areas) == 1:
                return areas[0], "unit_line"
            land = [u for u in areas if u in ("亩", "公顷", "万亩")]
            building = [u for u in areas if u in ("平方米", "m²", "万平方米")]
            # collective land is measured in 亩, state-owned houses and buildings in m²
            for text_ in (row_label, part):
                if "集体" in text_ and land:
                    return land[0], "unit_line"
                if BUILDING_WORDS.search(text_) and building:
                    return building[0], "unit_line"
                if LAND_WORDS.search(text_) and land:
                    return land[0], "unit_line"
            continue  # the parent header may say which (动态储备产业项目土地 / 储备目标)
        if counts and re.search(r"个数|项目数|任务数|个$|企业$|企业数|户数|家数", part):
            return counts[0], "unit_line"
    # a 完成数 / 计划数 column measures what its nearest resolved sibling measures
    group = SEP.join(parts[:-1])
    if group in sibling_units:
        return sibling_units[group], "sibling"
    return None, "ambiguous"


def table_facts(table: Table, meta: DocumentMeta, page: Optional[int] = None) -> Iterator[Fact]:
    if places_across(table):
        table = turned_back(table)  # 指标 | 合计 | 市中区 | 东兴区: the places' figures, by row
    if is_indicator_table(table):
        yield from indicator_facts(table, meta, page)
        return
    # a table of places whose columns only say 绝对数 / 比上年增长: the caption names the measure
    area = meta.jurisdiction or ""
    measure = caption_measure(table.caption, tuple(n for n in (area, re.sub(r"(市|州|盟|县|区|旗)$", "", area)) if len(n) >= 2))
    units = parse_unit_line(table.unit_line or "")
    year = meta.year
    table_period = find_period(table.caption or "", year) or meta.period
    lead = table.index_cols  # the entity column comes after any serial-number column
    category_cols = _category_columns(table, lead)
    label_header = SEP.join(h[lead] for h in table.header_rows if len(h) > lead and h[lead]) if table.header_rows else ""
    category_rows = bool(CATEGORY_HEADER.search(label_header)) or (
        bool(table.rows) and all(CATEGORY_VALUES.match(r[lead] or "x") or TOTAL_ROW.match(r[lead] or "")
                                 for r in table.rows if len(r) > lead and r[lead]))
    n_header = len(table.header_rows)
    entity = ""
    column_periods = [_column_period(p, year) for p in table.header_paths]
    has_label = table.label_cols > lead
    # a table said to rank its rows and with no rank column of its own ranks them by its serial numbers
    ranks_by_serial = bool(lead and RANKING_CAPTION.search(table.caption or "")) and \
        not any(re.search(r"排名|名次|位次|排序", p or "") for p in table.header_paths)
    named_rows: list[str] = []  # the rows' entities so far, in order
    # rows of figures none of which says whose they are (a reading that lost the name column): each
    # row is someone's, which is not said; never the document's own area, row after row
    unnamed = sum(1 for r in table.rows if any(parse_cell(c) for c in r[table.label_cols:])
                  and not any(r[k].strip() for k in range(min(table.label_cols, len(r))))) >= 2 and not any(
        r[k].strip() and not TOTAL_ROW.match(r[k].strip()) for r in table.rows for k in range(min(table.label_cols, len(r))))
    for i, row in enumerate(table.rows):
        counted = LABEL_COUNT.search(row[lead]) if has_label and row[lead] else None
        if counted and (counted.group(2) == "项" or "项目" in row[lead]):
            # "农业基础设施(9 项)", "小计(90 项)": the row's name, and how many projects it holds
            row = row[:lead] + [row[lead][:counted.start()].rstrip()] + row[lead + 1:]
        else:
            counted = None
        # "占全国 | 2.36% | 1.46%": the row above's shares of the whole, each of its column's measure
        share = SHARE_ROW.match(row[lead].replace(" ", "")) if has_label and row[lead] and entity else None
        if share:
            if share.group(2) and entity.replace(" ", "") == share.group(2) and len(named_rows) >= 2:
                entity = named_rows[-2]  # "蒙青疆 / 全国 / 占全国": the row above is the whole itself; the one before's
        else:
            if has_label and row[lead]:
                entity = row[lead]
            elif lead and row[0] and not is_numeric_cell(row[0]):
                entity = row[0]  # "合计" written in the 序号 column
            if entity and (not named_rows or named_rows[-1] != entity):
                named_rows.append(entity)
        categories = [row[k] for k in category_cols if k < len(row) and row[k]]
        if table.row_groups and i < len(table.row_groups) and table.row_groups[i]:
            categories.insert(0, table.row_groups[i])  # the section row above ("一、能源项目")
        if category_rows and has_label:
            categories.insert(0, row[lead])
            entity_raw = ""
        else:
            entity_raw = entity
        row_label = " ".join(([row[lead]] if has_label else []) + categories)
        if ranks_by_serial and re.fullmatch(r"\d{1,3}", row[0].strip()):
            # "投资完成比排名" over a 序号 column whose tied rows share one number: the number is a rank
            yield Fact(value=float(row[0]), unit="位次", value_base=float(row[0]), unit_base="位次",
                       entity_raw=entity_raw, metric_raw="排名", period=table_period, source_kind="table",
                       quote=row[0], extractor=table.method, raw=row[0],
                       page=(table.row_pages[i] if table.row_pages else page),
                       line=table.row_lines[i] if i < len(table.row_lines) else None, table_index=table.index,
                       row=n_header + i + 1, col=1, confidence=0.8, flags=["rank_from_index_column"])
        if counted:
            n = float(counted.group(1))
            yield Fact(value=n, unit=counted.group(2), value_base=n, unit_base="个", entity_raw=entity_raw,
                       metric_raw=SEP.join(["项目数"] + categories), period=table_period, source_kind="table",
                       quote=table.rows[i][lead], extractor=table.method, raw=counted.group(0),
                       page=(table.row_pages[i] if table.row_pages else page),
                       line=table.row_lines[i] if i < len(table.row_lines) else None, table_index=table.index,
                       row=n_header + i + 1, col=lead + 1, confidence=0.9, flags=["count_from_row_label"])
        sibling_units: dict[str, str] = {}  # group path → unit of its latest resolved column
        for c in range(table.label_cols, len(row)):
            text = row[c]
            path = table.header_paths[c] if c < len(table.header_paths) else ""
            unit_col, how = _column_unit(path, units, row_label, sibling_units)
            group = SEP.join(path.split(SEP)[:-1])
            if unit_col and how != "sibling" and kind_of(unit_col) not in ("ratio", "rank", "score"):
                sibling_units[group] = unit_col
            if is_empty_marker(text):
                continue
            parsed = parse_cell(text)
            if parsed is None:
                continue  # a text cell ("增幅城区 第一") is not a figure
            value, unit_cell = parsed
            flags = list(table.header_flags[c]) if c < len(table.header_flags) else []
            if unnamed and not any(row[k].strip() for k in range(min(table.label_cols, len(row)))):
                flags.append("row_unnamed")
            # under a header that cannot be aligned, the column's unit is as unknown as its measure
            unit = unit_cell or (unit_col if "header_unaligned" not in flags else None)
            if unit is None:
                flags.append("unit_unknown" if how != "ambiguous" else "unit_ambiguous")
            elif how == "sibling":
                flags.append("unit_from_sibling")
            metric = measure_of_generic_column(path, measure) if measure and path else None
            if measure and path and not metric and _only_a_period(path, year):
                # "地区 | 1-6月 | 1-9月" under "2022年分市固定资产投资增速" (单位：%): each column is the caption's
                # measure in its period (its growth where the caption says 增速), never a measure named 1-6月
                metric = "同比增长" if GROWTH_CAPTION.search(table.caption or "") else measure
            part = ""
            if metric:
                # 1-9月完成 / 其中:工业投资 / 投资额 → 工业投资: the part of the caption's measure an amount column is of
                part = _part_between(path, measure)
                path = measure + SEP + path
            metric_raw = path + (SEP + SEP.join(categories) if categories else "")
            if share:
                # each cell is the row above's share of the whole in its column's measure: 占比, the column
                # its category (never the column's own measure, a 完成投资 in %)
                metric, metric_raw = "占比", SEP.join(["占比", path] + categories)
            value_base, unit_base = to_base(value, unit)
            confidence = 1.0 - 0.2 * bool({"header_inferred", "header_realigned", "header_duplicate", "header_spread"} & set(flags)) \
                - 0.3 * ("header_unverified" in flags) \
                - 0.3 * (unit is None) - 0.1 * (how == "sibling")
            yield Fact(
                value=value, unit=unit, value_base=value_base, unit_base=unit_base,
                entity_raw=entity_raw, metric_raw=metric_raw,
                period=column_periods[c] if c < len(column_periods) and column_periods[c] else table_period,
                source_kind="table", quote=text, extractor=table.method, raw=text,
                page=(table.row_pages[i] if table.row_pages else page), line=table.row_lines[i] if i < len(table.row_lines) else None,
                table_index=table.index, row=n_header + i + 1, col=c + 1,
                confidence=round(max(confidence, 0.1), 2), flags=flags, metric=metric,
                category=SEP.join([re.sub(r"[(（][^)）]*[)）]", "", path)] + categories) if share else part,
            )


GROWTH_CAPTION = re.compile(r"(增速|增幅|增长率|增长情况|比上年增长|同比增长)\s*(情况|表)?\s*$")


def _only_a_period(path: str, year: Optional[int]) -> bool:
    """A column whose header says only when ("1-6月", "2022年1-9月", "上半年")."""
    leaf = re.sub(r"[(（][^)）]*[)）]|%|％", "", path.split(SEP)[-1]).strip()
    return SEP not in path and bool(leaf) and not strip_period(leaf).strip() and find_period(leaf, year) is not None


# a row of the row above's shares of a whole: "占全国", "占全省比重(%)", "所占比重"
SHARE_ROW = re.compile(r"^(占|所占)(全国|全省|全市|全区|全县|全州|全部|总量|总数|合计)?(的)?(比重|比例|份额)?(\(%\)|%)?$")
# a count closing a row's name: "农业基础设施(9 项)", "新开工项目（35个）"
LABEL_COUNT = re.compile(r"[(（]\s*(\d{1,5})\s*(项|个)\s*[)）]\s*$")
# a table said to rank its rows ("各县(市、区)重点项目投资完成比排名"): its serial numbers are ranks
RANKING_CAPTION = re.compile(r"排名|排序|位次|排位")


def _part_between(path: str, measure: str) -> str:
    """The header words between a column's period and its generic leaf (投资额, 绝对数, 同比增长): the part of
    the caption's measure the column is of ("其中:工业投资" → 工业投资), without 其中, years, done-words
    and the measure itself."""
    parts = [re.sub(r"^其中\s*[:：]?", "", strip_period(p)).strip() for p in path.split(SEP)[:-1]]
    return SEP.join(p for p in parts if p and p != measure
                    and not re.fullmatch(r"(本年)?(累计|实际)?完成|(本年)?累计|本年|本月|当月|合计|总计|(19|20)\d\d年?", p))


SITE_HEAD = re.compile(r"建设地点|建设地址|项目地点|实施地点|所在地|所在县|所属县|所在区|属地")


def _category_columns(table: Table, lead: int) -> list[int]:
    """Label columns after the entity that divide a row into categories (类别: 集体 / 国有, values
    repeating down the table) belong in the metric; one naming each row's owner (建设单位) does not."""
    out = []
    for k in range(lead + 1, table.label_cols):
        values = [r[k] for r in table.rows if k < len(r) and r[k]]
        head = re.sub(r"\s", "", table.header_paths[k]) if k < len(table.header_paths) else ""
        if SITE_HEAD.search(head):
            continue  # 建设地点: where each project is, a few counties repeating down a short list, no category
        if values and len(set(values)) <= max(3, len(values) // 3):
            out.append(k)
    return out


def _column_period(path: str, year: Optional[int]) -> Optional[Period]:
    for part in (path.split(SEP) if path else []):
        # "占年度计划比重" is a ratio as of the report date, not a figure for the whole year
        kinds = SPAN_KINDS | {"month"} if RATIO_WORDS.search(part) else None
        p = find_period(part, year, kinds)
        if p:
            return p
    return None


def metric_from_path(path: str) -> str:
    """The metric of a header path without its period ("1-9月完成投资 / 产业项目" → "完成投资 / 产业项目");
    an amount invested over a span of months (1-9月投资额) is what was done in it (完成投资)."""
    return SEP.join(("完成" + strip_period(p)) if SPAN_AMOUNT.match(p) else strip_period(p)
                    for p in path.split(SEP)) if path else path


SPAN_AMOUNT = re.compile(r"^\s*(\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月份?|上半年|前三季度|[一二三四]季度|本年累计|今年以来)\s*(投资额|投资)\s*([(（].*)?$")

