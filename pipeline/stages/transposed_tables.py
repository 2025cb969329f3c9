"""Tables of places laid on their side: the places head the columns (合计 | 市中区 | 东兴区 | 高新区)
and the rows are measures (项目数（个）, 完成投资（亿元）, 完成率（%）). Each cell is the column's
place's figure of the row's measure; read as an indicator table, every county's figure would be
filed under the document's own area. The table is turned back (places as rows, measures as
columns) and read as any table of places is.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.tables import Table
from pipeline.core.vocabulary import TOTAL_ROW

# a column head that names a place, a zone or the whole: 威远县, 高新区, 经开区, 市本级, 合计
PLACE_HEAD = re.compile(r"(省|市|县|区|旗|盟|州|镇|乡|街道|开发区|园区|新区|管委会|本级|市直|县直)$")
KIND_OF_PARK = re.compile(r"(工业|物流|产业|农业|科技|文化|商贸|旅游|创业)?(园区|产业园|开发区|新区)")
# a row label that names a measure (with its unit in brackets, or a measure word at its end)
MEASURE_LABEL = re.compile(r"[(（][^()（）]{1,8}[)）]$|(数|额|率|值|投资|进度|比例|比重|增长|增速|得分|排名|位次)$")


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def places_across(table: Table) -> bool:
    """One header row whose figure columns are all headed by places (one may be the whole: 合计,
    全市), at least three, over rows whose labels are measures, not places."""
    if len(table.header_rows) != 1 or table.index_cols:
        return False
    heads = [_clean(h) for h in table.header_rows[0][table.label_cols:]]
    if len(heads) < 3 or not all(heads):
        return False
    wholes = [h for h in heads if TOTAL_ROW.match(h)]
    # (a head of one character, 省 | 市 | 县 of a 资金来源 table, is a level; 工业园区 | 物流园区 are kinds of park)
    places = [h for h in heads if h not in wholes and len(h) >= 2 and PLACE_HEAD.search(h) and not MEASURE_LABEL.search(h)
              and not KIND_OF_PARK.fullmatch(h)]
    if len(places) < 3 or len(places) + len(wholes) != len(heads) or len(wholes) > 1:
        return False
    labels = [_clean(r[table.label_cols - 1]) for r in table.rows if len(r) >= table.label_cols]
    labels = [x for x in labels if x]
    return len(labels) >= 2 and all(MEASURE_LABEL.search(x) and not PLACE_HEAD.search(re.sub(r"[(（][^()（）]*[)）]$", "", x))
                                    for x in labels)


def turned_back(table: Table) -> Table:
    """The table with places as rows and measures as columns; every new row keeps the header's
    line (the cells of one place stand on one line no more)."""
    lead = table.label_cols - 1
    head = table.header_rows[0]
    measures = [r for r in table.rows if len(r) > lead and _clean(r[lead])]
    header = ["地区"] + [r[lead] for r in measures]  # (the head it had, 指标, names the measures, now across)
    rows = [[head[c]] + [r[c] if c < len(r) else "" for r in measures] for c in range(table.label_cols, len(head))]
    line = table.row_lines[0] - 1 if table.row_lines else table.first_line
    return replace(table, header_rows=[header], rows=rows, row_lines=[line] * len(rows),
                   header_paths=list(header), header_flags=[["table_transposed"] for _ in header],
                   label_cols=1, index_cols=0, row_pages=([table.row_pages[0]] * len(rows) if table.row_pages else None),
                   row_indents=None)
