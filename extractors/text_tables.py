"""Tables written as text: tab-separated rows (web captures, Word "save as text") or rows whose
cells are separated by runs of spaces. Finds each block with its caption, unit line and notes,
splits header rows from body rows, folds name-only rows into the row above, and rebuilds the
header paths.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from extractors.glued_cells import glued_ranking
from extractors.tables import TABLE_BREAK, Table
from extractors.headers import SEP, build_header_paths
from pipeline.core.cells import is_empty_marker, is_numeric_cell
from pipeline.core.normalize import BRACKET_SPACE, SECTION_LABEL
from pipeline.core.units import unit_in_label
from pipeline.core.vocabulary import GRAND_TOTAL_ROW, TOTAL_ROW, TOTAL_WORDS
from pipeline.core.word_rows import rejoin_header_words
from schemas.records import Note

UNIT_LINE = re.compile(r"(?<!编制)(?<!填报)(?<!报送)(?<!责任)单位\s*[:：]\s*(?:人民币)?[个万亿元亩平方米公顷%户家项宗人股]")
CAPTION = re.compile(r"(表|情况|统计|汇总|一览|明细|排名|排序|排行|增速|增幅|主要指标)\s*$|^表\s*\d")  # (…分市固定资产投资增速)
ATTACHMENT = re.compile(r"^\s*(附件|附表)\s*\d*\s*$")
INDEX_HEADER = re.compile(r"^(序号|编号|序|No\.?|NO\.?)$")
NOTE = re.compile(r"^\s*(注|备注|说明)\s*\d*\s*[:：]")
YEARISH = re.compile(r"^(19|20)\d\d$")


def _cell(text: str) -> str:
    return BRACKET_SPACE.sub("", text.strip())  # "国有（m ² ）" → "国有(m²)"


def split_cells(line: str) -> Optional[list[str]]:
    if "\t" in line:
        return [_cell(c) for c in line.split("\t")]
    parts = _letter_spaced_joined(re.split(r" {2,}|\u3000+", line.strip()))
    if len(parts) >= 3:
        return [_cell(c) for c in parts]
    return None


LONE_HAN = re.compile(r"^[\u4e00-\u9fff]$")
UNIT_CHARS = frozenset("个亩项元户家人宗套名位米吨台辆座所栋间次处条件只万亿")


def _letter_spaced_joined(parts: list[str]) -> list[str]:
    """A label set with spaces between its characters ("项  目  类  别", "合  计") is one cell, not one
    cell a character: a run of two one-character cells opening the row, or of three or more anywhere, is joined."""
    out: list[str] = []
    run: list[str] = []
    for part in parts + [""]:
        if LONE_HAN.match(part):
            run.append(part)
            continue
        # only a row's opening label ("项  目  类  别", "合  计"): "是  否" in the middle of a row are two
        # cells, and so are "个  亩", two unit columns side by side
        # (a run of three or more is a spaced label wherever it stands: "序号  项  目  名  称  建设地点")
        joined = (len(run) >= 3 or (len(run) == 2 and not out)) and not all(ch in UNIT_CHARS for ch in run)
        out.extend(["".join(run)] if joined else run)
        run = []
        out.append(part)
    return out[:-1]


LABEL_FRAGMENT = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
NOT_A_FRAGMENT = re.compile(r"^(续表|续|其中|注|备注|合计|小计|总计)$")
SUBTOTAL = re.compile(r"^小计")  # a group's own total; a 合计 or 总计 is the whole table's, no group's


def _vertical_group_labels(block: list[tuple[int, list[str]]], lone: list[tuple[int, str]]
                           ) -> list[tuple[int, list[str]]]:
    """A space-aligned table whose rows are grouped by a label written down a merged first column:
    the capture leaves its pieces before some rows' names ("重点基  市政设施(9 项)  41 …", "础设施  生态
    环保(19 项)  29 …") and alone on lines between rows ("项目"). The pieces come off the rows, so that
    every row's cells line up; each group is the rows up to and including its 小计 row, and its label
    (the pieces joined: 重点基础设施项目) goes before each of its rows' names as a category path
    ("重点基础设施项目 / 市政设施(9 项)"), the 小计 row taking the label alone."""
    # the table's width from the rows that open with their name and a figure: rows carrying a piece
    # of the group label are one wider, and may be as many as the others
    widths = Counter(len(cells) for _, cells in block if _space_row(cells) and len(cells) > 1
                     and is_numeric_cell(cells[1]))
    if not widths:
        return block
    width = widths.most_common(1)[0][0]
    beside: list[tuple[int, str]] = []
    rows = []
    for k, (i, cells) in enumerate(block):
        if len(cells) == width + 1 and LABEL_FRAGMENT.match(cells[0]) and cells[1] and not is_numeric_cell(cells[1]) \
                and _space_row(cells[1:]):
            beside.append((k, cells[0]))
            cells = cells[1:]
        rows.append((i, cells))
    if not beside:
        return block  # lines alone between rows ("城区", a heading) with no piece beside a row: no group label
    pieces = lone + beside
    ends = [k for k, (_, cells) in enumerate(rows) if cells and SUBTOTAL.match(cells[0])]
    out = list(rows)
    start = 0
    for end in ends:
        label = "".join(text for k, text in sorted(pieces) if start <= k <= end)
        if label:
            for k in range(start, end + 1):
                i, cells = out[k]
                # the 小计 row is the group's own total: its label, with any count it states ("(90 项)")
                name = label + _closing_brackets(cells[0]) if k == end else f"{label} / {cells[0]}"
                out[k] = (i, [name] + cells[1:])
        start = end + 1
    if start < len(rows) and any(k >= start for k, _ in pieces):
        return rows  # pieces after the last 小计 (or no 小计 at all): no group can be told; the rows line up
    return out


def _closing_brackets(text: str) -> str:
    m = re.search(r"[(（][^()（）]*[)）]\s*$", text)
    return m.group(0) if m else ""


def _is_body_row(cells: list[str]) -> bool:
    values = [c for c in cells[1:] if c]
    numeric = [c for c in values if is_numeric_cell(c)]
    if not numeric:
        return False
    # a header of years (2019, 2020) is not data
    return not all(YEARISH.match(c) for c in numeric) or len(numeric) < len(values)


def _space_row(cells: Optional[list[str]]) -> bool:
    return cells is not None and sum(is_numeric_cell(c) for c in cells[1:]) >= 2


def find_tables(lines: list[str], start_index: int = 0,
                reserved: frozenset[int] = frozenset()) -> tuple[list[Table], set[int], list[Note]]:
    """Return (tables, indexes of lines consumed by tables, notes under tables). Lines in reserved
    hold the rows of tables a reader has already typed (PDF): they are never read as text tables."""
    tables: list[Table] = []
    consumed: set[int] = set()
    notes: list[Note] = []
    i, n = 0, len(lines)
    while i < n:
        read = None
        for reader, method in ((glued_ranking, "text_glued_ranking"), (cells_one_per_line, "text_cell_lines")):
            found = None if i in reserved else reader(lines, i, reserved)
            table = _make_table(found[0], lines, len(tables) + start_index) if found else None
            if table is not None:
                read = found, table, method
                break
        if read is not None:
            (block, j), table, table.method = read
            tables.append(table)
            consumed.update(range(block[0][0], j))
            if table.method == "text_glued_ranking":
                for c in (1, 2):  # rank and score: split from one number by the ranking's arithmetic
                    table.header_flags[c] = list(table.header_flags[c]) + ["cells_split_by_ranking"]
            else:  # a ranking's last row runs into the words after it: those are no notes of it
                used, under, j = attach_context(table, block, lines, j)
                consumed.update(used)
                notes.extend(under)
            i = j
            continue
        tabbed = "\t" in lines[i]
        cells = None if i in reserved else split_cells(lines[i])
        if not (tabbed or _space_row(cells)) or i in reserved:
            i += 1
            continue
        j = i
        block: list[tuple[int, list[str]]] = []
        fragments: list[tuple[int, str]] = []  # (rows before it, text): a vertical group label's lone pieces
        while j < n and j not in reserved:
            row = split_cells(lines[j])
            if not tabbed and row is None and block and LABEL_FRAGMENT.match(lines[j].strip()) and j + 1 < n \
                    and _space_row(split_cells(lines[j + 1])) and not NOT_A_FRAGMENT.match(lines[j].strip()):
                fragments.append((len(block), lines[j].strip()))  # "项目" between two rows: part of a group label
                j += 1
                continue
            if row is None or ("\t" not in lines[j] and tabbed) or (not tabbed and not _space_row(row) and block):
                break
            block.append((j, row))
            j += 1
        if not tabbed:
            block = _vertical_group_labels(block, fragments)
        if not tabbed:
            # header rows of a space-aligned table sit right above its first numeric row
            k = i - 1
            while k >= 0 and k not in reserved and split_cells(lines[k]) and not UNIT_LINE.search(lines[k]) \
                    and len(split_cells(lines[k])) >= 3:
                block.insert(0, (k, split_cells(lines[k])))
                k -= 1
        table = _make_table(block, lines, len(tables) + start_index)
        if table is None:
            i = j
            continue
        tables.append(table)
        consumed.update(idx for idx, _ in block)
        used, under, j = attach_context(table, block, lines, j)
        consumed.update(used)
        notes.extend(under)
        i = j
    return tables, consumed, notes


SINGLE_CELL = re.compile(r"^[^\t。；;，,:：]{1,24}$")


def _lone_cell(line: str) -> Optional[str]:
    """The cell of a line that holds one cell of a flattened web table ("黔西南 |", "5.5", "|")."""
    text = line.strip()
    if re.fullmatch(r"[【\[].*[】\]]", text):
        return None  # "【按行业分】": a section's heading above the table, no cell of it
    if text.endswith("|"):
        text = text[:-1].strip()
        return text if "|" not in text and (not text or SINGLE_CELL.match(text)) else None
    return text if SINGLE_CELL.match(text) and "|" not in text else None


ROW_NUMBER_HEADER = re.compile(r"序号|编号|排名|名次|排序")


def cells_one_per_line(lines: list[str], i: int, reserved: frozenset[int] = frozenset()
                       ) -> Optional[tuple[list[tuple[int, list[str]]], int]]:
    """A web table a capture flattened to one cell per line: its header cells, then rows of as many
    cells, each a name followed by figures ("地 区 / 百日会战投资目标(亿元) / … / 贵阳市 / 1027.0 / …").
    Returns (rows as (line index, cells), index after the table) or None."""
    run: list[tuple[int, str]] = []
    j = i
    while j < len(lines) and j not in reserved and len(run) < 4000:
        cell = _lone_cell(lines[j])
        if cell is None:
            break
        run.append((j, cell))
        j += 1
    if len(run) < 9:
        return None
    run = _pipes_as_separators(run, lines)
    cells = [c for _, c in run]
    opening = run[0][0] if run else i  # the table's first line, where its caption and unit line end
    if cells and ROW_NUMBER_HEADER.fullmatch(cells[0]):
        cells = cells[1:]  # "序号 / 县区 / …" then "1 / 金水区 / …": the numbers are no figures (below)
        run = run[1:]
    leading = 0  # (a header's empty cells too: the name column's under a row of units)
    while leading < len(cells) and not is_numeric_cell(cells[leading]):
        leading += 1
    k = leading - 1  # header cells; the last non-numeric cell of the run opens the first row
    numbered = leading + 1 < len(cells) and cells[leading] == "1" and bool(cells[leading + 1]) \
        and not is_numeric_cell(cells[leading + 1])
    if numbered:
        k = leading  # "… / 完成率(%) / 1 / 金水区 / …": the rows are numbered from the first
    if k < 2 or k > 16 or leading >= len(cells) or not is_numeric_cell(cells[leading]):
        return None
    header = cells[:k]
    # the next name says how wide a row is; a header with more cells than that had a label split
    # over lines ("计划 / 总投资")
    name = next((m for m in range(leading, len(cells)) if cells[m] and not is_numeric_cell(cells[m])
                 and not is_empty_marker(cells[m])), None)
    while name is not None and len(header) > name - k and len(header) % (name - k) and CAPTION.search(header[0]) \
            and len(header[0]) >= 6:
        # "1-4月各县市区重点项目进展情况 / 县市区 / 项目数 / …": the page's title and the table's caption on the
        # lines above its header are no header cells (the caption is read as the caption, below)
        header, run, cells, k, leading, name = header[1:], run[1:], cells[1:], k - 1, leading - 1, name - 1
        opening = run[0][0]
    width = len(header)
    header_rows = [(opening, header)]
    if name is not None and name - k < k and not numbered:
        width = name - k
        groups, leaves = len(header) - width, width - 1
        rejoined = rejoin_header_words(header, width) if len(header) % width else None
        if len(header) % width == 0:
            # "地区 / 实际完成投资 / … / 竣工项目数 / (空) / (万元) / (个) …": header rows of the rows' width
            header_rows = [(run[r][0] if r else opening, header[r:r + width]) for r in range(0, len(header), width)]
        elif not rejoined and groups >= 1 and leaves % groups == 0 and leaves // groups >= 2 \
                and not any(re.search(r"[(（%％]|(数|率|额|比|值|量)$", g) for g in header[1:1 + groups]) \
                and (all(re.search(r"[(（][^()（）]+[)）]$", x) for x in header[1 + groups:])
                     or len(set(header[1 + groups:])) < leaves) \
                and (groups == 1 or len({tuple(header[1 + groups + g * (leaves // groups):][:1]) for g in range(groups)}) == 1
                     or len({header[groups + (g + 1) * (leaves // groups)] for g in range(groups)}) == 1):
            # (a group names what is measured, no unit or measure of its own; its leaves say their units
            # or repeat under each group: "比增(%)" twice; an even split must open or close each group
            # with the same leaf, else the groups' widths are a guess)
            # "县(市、区) / 固定资产投资 / 在库项目 / 完成额 / 比增 / 个数 / 比增" over rows of five: the name's
            # label, the groups, then the leaves, each group over as many of them
            span = leaves // groups
            top = header[:1] + [g if m == 0 else "" for g in header[1:1 + groups] for m in range(span)]
            header_rows = [(opening, top), (run[1 + groups][0], [""] + header[1 + groups:])]
        else:
            # (words the header's shape does not say how to join stay as they are, more than the rows'
            # cells: the table is read with its measures unknown, never joined by a guess)
            header_rows = [(opening, rejoined or header)]
    if width > 12:
        return None
    # the cells that name a row before its figures (项目名称 | 建设地点): as many as the first row opens with
    first_row = cells[k + 1:k + 1 + width] if numbered else cells[k:k + width]
    named_by = next((m for m, c in enumerate(first_row) if is_numeric_cell(c) or is_empty_marker(c)), 1) or 1
    block = list(header_rows)
    at = k
    number = 1
    while at + width <= len(cells):
        if cells[at] == str(number) and at + 1 < len(cells) and cells[at + 1] and not is_numeric_cell(cells[at + 1]):
            # "1 / 佛山(云浮)产业转移工业园 / 7 / …": a row number (or an order) the header has no cell
            # for, before each row's name: not a figure of the row
            at += 1
            number += 1
            if at + width > len(cells):
                break
        row = cells[at:at + width]
        if not row[0] or is_numeric_cell(row[0]) or not all(not c or is_numeric_cell(c) or is_empty_marker(c)
                                                             for c in row[named_by:]) \
                or any(is_numeric_cell(c) for c in row[1:named_by]) or not any(row[named_by:]):
            break
        block.append((run[at][0], row))
        at += width
    if len(block) < 3:
        return None
    return block, run[at - 1][0] + 1


def _pipes_as_separators(run: list[tuple[int, str]], lines: list[str]) -> list[tuple[int, str]]:
    """A capture that put a lone pipe between cells ("內蒙古" / "|" / "370379" / "|" …), no pipe
    closing a cell's own line: the pipes part the cells, and two in a row hold an empty one."""
    bare = sum(1 for j, _ in run if lines[j].strip() == "|")
    if bare < max(3, len(run) * 2 // 5) or any(lines[j].strip().endswith("|") and lines[j].strip() != "|" for j, _ in run):
        return run
    out: list[tuple[int, str]] = []
    after_pipe = False
    for j, cell in run:
        if lines[j].strip() == "|":
            if after_pipe:
                out.append((j, ""))
            after_pipe = True
        else:
            out.append((j, cell))
            after_pipe = False
    return out


def table_from_rows(rows: list[tuple[int, list[str]]], lines: list[str], index: int,
                    method: str) -> tuple[Optional[Table], set[int], list[Note]]:
    """A table a reader has typed (its rows of cells, each with the line it sits at in the
    document's lines): header rows, header paths and label columns as for a text table; its
    caption, unit line and notes from the lines around it. (None, …) when no row holds a figure."""
    block = [(idx, [_cell(c) for c in cells]) for idx, cells in rows]
    if not block:
        return None, set(), []
    table = _make_table(block, lines, index)
    if table is None:
        return None, set(), []
    table.method = method
    used, notes, _ = attach_context(table, block, lines, block[-1][0] + 1)
    return table, used | {idx for idx, _ in block}, notes


def attach_context(table: Table, block: list[tuple[int, list[str]]], lines: list[str],
                   after: int) -> tuple[set[int], list[Note], int]:
    """Caption, unit line and attachment label from the lines above the table, notes from the
    lines right under it (from index after). Returns (lines used, notes, index after the notes)."""
    used: set[int] = set()
    n = len(lines)
    k = block[0][0] - 1
    while k >= 0 and lines[k] == TABLE_BREAK:
        k -= 1
    for _ in range(4):
        if k < 0 or "\t" in lines[k]:
            break
        line = lines[k]
        if UNIT_LINE.search(line) and table.unit_line is None and len(line) <= 80:
            table.unit_line = line.strip()
            if CAPTION.search(UNIT_LINE.split(line)[0]) or len(UNIT_LINE.split(line)[0]) > 6:
                table.caption = table.caption or UNIT_LINE.split(line)[0].strip()  # "…原因单位:人民币元"
        elif ATTACHMENT.match(line) and table.attachment is None:
            table.attachment = re.sub(r"\s+", " ", line.strip())
        elif (CAPTION.search(line) or re.search(r"[(（]单位[:：]", line)) and table.caption is None \
                and len(line) <= 80 and not line.endswith("。"):
            table.caption = line.strip()
            inline_unit = unit_in_label(line)
            if inline_unit and table.unit_line is None:
                table.unit_line = f"单位:{inline_unit}"  # "各园区投资完成情况（单位：亿元）", "…基准值（公顷/处）"
        else:
            break
        used.add(k)
        k -= 1
    notes: list[Note] = []
    j = after
    while j < n and lines[j] == TABLE_BREAK:
        j += 1
    while j < n and NOTE.match(lines[j]):
        notes.append(Note(lines[j].strip(), j + 1, table.index))
        used.add(j)
        j += 1
    return used, notes, j


# a form's particulars above its header row ("填报单位:…", "截至2017年9月30日", "制表:…")
META_CELL = re.compile(r"^(填报单位|报送单位|制表单位|编制单位|填报时间|填报日期|报送时间|制表|填表人|审核|联系人|截至|截止|统计时间|时间[:：]|日期[:：])")


def _the_tables_own_total(label: str, later: list[list[str]], totals: list[str], n_sections: int) -> bool:
    """Whether a total row of a table with sections is the whole table's: its 总计 wherever it stands; with
    no 总计, the last total (no total row after it) only where there are more totals than sections (one 合计
    closing each section, then the table's)."""
    grand = [t for t in totals if t == "总计" or t.startswith("全")]  # 总计, 全市合计, 全县: the whole's own words
    if grand:
        return label == grand[-1]
    return len(totals) > n_sections and not any(c.strip() in TOTAL_WORDS for r in later for c in r[:2])


def _section_label(cells: list[str]) -> str:
    """The kind a row that holds only an ordinal label names ("一、能源项目", or "一 | 工业项目" with its ordinal in
    the 序号 column), else ""."""
    filled = [c for c in cells if c.strip()]
    if len(filled) == 2 and len(cells) > 2 and cells[0].strip() and cells[1].strip() \
            and ORDINAL_CELL.match(cells[0].strip()) \
            and not re.search(r"\d", cells[1]) and not TOTAL_ROW.match(cells[1].strip()):
        return cells[1].strip()
    m = SECTION_LABEL.match(filled[0].strip()) if len(filled) == 1 and cells and cells[0].strip() else None
    return m.group("name").strip() if m else ""


def _make_table(block: list[tuple[int, list[str]]], lines: list[str], index: int) -> Optional[Table]:
    first_body = next((k for k, (_, cells) in enumerate(block) if _is_body_row(cells)), None)
    if first_body is None:
        return None
    while first_body > 1 and _section_label(block[first_body - 1][1]):
        first_body -= 1  # "一、能源项目" right under the header opens the body's first section
    header_rows = [cells for _, cells in block[:first_body]]
    while len(header_rows) > 1 and all(META_CELL.search(c) for c in header_rows[0] if c.strip()):
        header_rows = header_rows[1:]  # "填报单位:… | 截至2017年9月30日" over the header: the form's particulars, no labels
    body: list[list[str]] = []
    row_lines: list[int] = []
    row_groups: list[str] = []
    sections: list[str] = []  # the section rows above, outermost first ("一、续建项目", "(一)能源项目")
    outer_section = ""  # the last "一、…" section row
    top_total = False  # a total row the table opens with, before its sections
    # a table that closes with a 总计 has its 合计 rows close sections ("一、能源项目 … 合计 … 总计")
    totals = [c.strip() for _, cells in block[first_body:] for c in cells[:2]
              if TOTAL_ROW.match(c.strip()) and not SUBTOTAL.match(c.strip())]
    section_totals = len(totals) > 1
    n_sections = sum(1 for _, cells in block[first_body:] if _section_label(cells))  # (inner ones close with totals too)
    for pos, (idx, cells) in enumerate(block[first_body:]):
        filled = [c for c in cells if c]
        if _counting_row(filled, cells):
            continue  # "1 2 3 4 5": a pager, or the column numbers under a header (栏次), no figures
        later = block[first_body + pos + 1:]
        section = _section_label(cells)
        if section:
            # "| 一、能源项目 | | | |": a row across the table naming the kind of the rows under it, no row of
            # its own (never the rest of the name above it); "(一)能源项目" under "一、续建项目" is a part of it
            inner = bool(re.match(r"\s*[(（]", cells[0]))
            sections = ([outer_section] if inner and outer_section else []) + [section]
            outer_section = outer_section if inner else section
            continue
        if body and len(filled) == 1 and cells[0] and not is_numeric_cell(cells[0]) \
                and not re.search(r"[:：]$", cells[0].strip()):  # "在总计中：" introduces the rows under it
            # a row holding only a name continues the name of the row above (高新区 / 天元区)
            body[-1][0] = body[-1][0] + cells[0]
            continue
        body.append(list(cells))
        row_lines.append(idx + 1)
        at = next((k for k, c in enumerate(cells[:2]) if c.strip()), 0)  # the row's label (after an empty 序号)
        label = cells[at].strip() if cells else ""
        opens_the_table = not sections and len(body) == 1  # "合计" first, over the sections: the table's
        closes_all = bool(TOTAL_ROW.match(label)) and not SUBTOTAL.match(label) and (
            not section_totals or opens_the_table
            or (not top_total and _the_tables_own_total(label, [r for _, r in later], totals, n_sections)))
        top_total = top_total or (closes_all and not sections)
        row_groups.append("" if closes_all else SEP.join(sections))
        if sections and SUBTOTAL.match(label):
            body[-1][at] = TOTAL_WORDS[0]  # a section's 小计: the issuer's figure of that section's kind
    if not body:
        return None
    body_width = max(len(r) - next((k for k, c in enumerate(reversed(r)) if c.strip()), len(r)) for r in body)
    n_cols = max(len(r) for r in header_rows + body)
    # a header row with more labels than any row has cells: two header levels a capture wrote as
    # one run of cells ("投资额 / 新增固定资产 / (亿元) / … / 绝对数 / 比重" over 8 figures)
    overfull = any(len([c for c in r if c.strip()]) > body_width for r in header_rows)
    for r in header_rows + body:
        r.extend([""] * (n_cols - len(r)))
    # trailing columns with nothing in them are an artefact of trailing tabs
    while n_cols > 1 and all(not r[n_cols - 1].strip() for r in header_rows + body):
        n_cols -= 1
        for r in header_rows + body:
            r.pop()
    header_rows, body = _name_column_first(header_rows, body)
    index_cols = 1 if header_rows and INDEX_HEADER.match(header_rows[0][0].replace(" ", "")) and n_cols > 2 else 0
    numbered = sum(1 for r in body if r and r[0] and (is_numeric_cell(r[0]) or ORDINAL_CELL.match(r[0])))
    if index_cols and numbered * 2 >= len(body):
        # (only where the rows do open with their numbers: under a 序号 over names, nothing is shifted)
        body = [_under_the_name(r) for r in body]
    label_cols = index_cols + _label_columns([r[index_cols:] for r in body], n_cols - index_cols)
    header_rows, shifted = _units_right_of_the_labels(header_rows, n_cols, label_cols)
    header_rows = _units_into_the_labels_above(header_rows)
    spread = _spread_packed_header(header_rows, n_cols, label_cols)
    paths, flags = build_header_paths(spread, n_cols, label_cols)
    if spread is not header_rows or shifted:
        for c in range(label_cols, n_cols):
            flags[c].append("header_spread")  # the spread is read, not written: for review
    header_rows = spread
    if overfull or _packed_beyond_reading(header_rows, n_cols):
        for c in range(label_cols, n_cols):
            flags[c].append("header_unaligned")
    return Table(index=index, header_rows=header_rows, rows=body, row_lines=row_lines,
                 row_groups=row_groups if any(row_groups) else None,
                 method="text_tabs" if "\t" in lines[block[0][0]] else "text_spaces",
                 header_paths=paths, header_flags=flags, label_cols=label_cols, index_cols=index_cols,
                 first_line=block[0][0] + 1)


# the head of a column of names: 单位, 地区, 项目名称, or levels of place (县(市、区), 区(县), 市(地), 旗县市区)
NAME_HEAD = re.compile(r"^(单位|单位名称|地区|地方|名称|项目名称|项目"
                       r"|[县区市州地盟旗]+(?:[(（][县区市州地盟旗、]+[)）])?[县区市州地盟旗]*|乡镇|乡镇街道|镇街)$")
GROUP_HEAD = re.compile(r"^(组别|分组|组|类别|类型)$")
RANK_HEAD = re.compile(r"排名|名次|位次|排序")


def _name_column_first(header_rows: list[list[str]], body: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    """"组别 | 排名 | 单位 | 综合得分" with the group written once in a merged cell: the rows are the
    单位 column's, the group their category. The name column is put first and the group after it,
    each row's group filled in from the one written inside its run (a run ends where the rank starts
    again at 1). Any other shape is left as it is."""
    if not header_rows or not body:
        return header_rows, body
    head = [re.sub(r"\s", "", h) for h in header_rows[-1]]
    names = [j for j in range(1, len(head)) if NAME_HEAD.match(head[j])]
    if len(head) > 2 and RANK_HEAD.search(head[0]) and len(names) == 1:
        # "排名 | 县(市、区) | 总得分 …", "排名 | 等次 | 县(市、区) | 得分": the rank is a figure of the row the name opens
        j = names[0]
        return ([[h[j]] + h[:j] + h[j + 1:] for h in header_rows],
                [[r[j]] + r[:j] + r[j + 1:] if len(r) > j else r for r in body])
    if len(names) != 1 or not GROUP_HEAD.match(re.sub(r"\s", "", header_rows[0][0])):
        return header_rows, body
    j = names[0]
    # (a total row written across the group, number and name columns, 合计 in a colspan, has no name of its own)
    if not all(r[j].strip() and not is_numeric_cell(r[j]) for r in body
               if len(r) > j and any(c.strip() for c in r[1:]) and not _total_across(r, j)):
        return header_rows, body
    rank = next((k for k in range(1, j) if RANK_HEAD.search(head[k])), None)
    groups, run, runs = [], [], []
    for r in body:
        if run and rank is not None and r[rank].strip() == "1":
            runs.append(run)
            run = []
        run.append(r)
    runs.append(run)
    for run in runs:
        written = {r[0].strip() for r in run if r[0].strip()}
        groups += [next(iter(written)) if len(written) == 1 else r[0] for r in run]

    numbers = {k for k in range(1, j) if re.fullmatch(r"序号|编号", head[k])}  # a 序号 column between: no figures

    def moved(row: list[str], group: str) -> list[str]:
        total = _total_across(row, j)
        if total:
            # 合计: the whole's; 小计: its group's, named by the group (产业项目: the issuer's figure of that kind)
            grand = GRAND_TOTAL_ROW.match(total) or TOTAL_ROW.match(group.strip())
            return [total if grand else group, ""] + ["" for k in range(1, j) if k not in numbers] + row[j + 1:]
        return [row[j], group] + [c for k, c in enumerate(row[1:j], start=1) if k not in numbers] + row[j + 1:]
    return [moved(h, h[0]) for h in header_rows], [moved(r, g) for r, g in zip(body, groups)]  # (rows keep their lines)


def _total_across(row: list[str], name_col: int) -> str:
    """合计 or 小计 written in a column before the name's, the name's empty: a colspan's total row (its
    word), or ""."""
    if len(row) <= name_col or (row[name_col].strip() and not re.fullmatch(r"共?\s*\d+\s*个(项目)?", row[name_col].strip())):
        return ""  # (a name cell that only counts the rows, "12个项目", names no project)
    return next((c.strip() for c in row[:name_col] if TOTAL_ROW.match(c.strip())), "")


BARE_LEAVES = {"计划", "实际", "完成", "目标", "任务", "合计", "小计", "其中", "本月", "累计", "本年", "上年", "同比"}
ORDINAL_CELL = re.compile(r"^[(（]?[一二三四五六七八九十]{1,3}[)）、.．]?$")  # 一, (二): a row number in words


def _under_the_name(row: list[str]) -> list[str]:
    """"总计 | 370111 | …" one cell short in a table whose rows open with a number (序号): the label
    stood in the merged 序号 + name cell, and belongs under the name, not the row number."""
    if row and not row[-1] and row[0] and not is_numeric_cell(row[0]) and not ORDINAL_CELL.match(row[0]) \
            and len(row) > 1 and is_numeric_cell(row[1]):
        return [""] + row[:-1]
    return row


BRACKETED_UNIT = re.compile(r"^[(（][^()（）]{1,6}[)）]$")


def _units_right_of_the_labels(header_rows: list[list[str]], n_cols: int, label_cols: int
                               ) -> tuple[list[list[str]], bool]:
    """"县区 | 重点项目 | 开复工项目 | 年度计划 | 一季度" over "(个) | (个) | 投资 | 完成投资": a lower header
    line a capture stripped of its indentation, packed to the left. It opens with a unit, which no
    label column takes: it continues the figure columns' labels from the first of them."""
    out, shifted = [], False
    for k, row in enumerate(header_rows):
        filled = [c for c in row if c.strip()]
        packed = not any(c.strip() for c in row[len(filled):])
        if k and packed and filled and BRACKETED_UNIT.match(filled[0].strip()) and row[0].strip() \
                and len(filled) + label_cols <= n_cols and len([c for c in header_rows[0] if c.strip()]) > len(filled):
            out.append([""] * label_cols + filled + [""] * (n_cols - label_cols - len(filled)))
            shifted = True
        else:
            out.append(row)
    return out, shifted


def _units_into_the_labels_above(header_rows: list[list[str]]) -> list[list[str]]:
    """"总投资 | 2020年计划 | 完成率" over "(万元) | (万元) | (%)": a header line of units only is the
    units of the labels above it (总投资(万元)), no lower level of the header."""
    out: list[list[str]] = []
    for row in header_rows:
        filled = [(j, c.strip()) for j, c in enumerate(row) if c.strip()]
        if out and filled and all(BRACKETED_UNIT.match(c) for _, c in filled) \
                and all(j < len(out[-1]) and out[-1][j].strip() for j, _ in filled):
            above = list(out[-1])
            for j, unit in filled:
                above[j] = above[j].rstrip() + unit
            out[-1] = above
        else:
            out.append(row)
    return out


def _spread_packed_header(header_rows: list[list[str]], n_cols: int, label_cols: int) -> list[list[str]]:
    """Two header rows a capture packed to the left, their merged cells dropped:
    "序号 | 类型名称 | 计划下达 | 投资完成 | 完成率" over "年度计划 | 中央资金 | 计划完成 | 中央完成 | 年度计划 | 中央资金".
    The lower row names the figure columns, so it sits right of the label columns; the upper row's
    labels after the label columns are groups that share the lower labels evenly (three groups of
    two). Any other shape is left as it is: spreading it would be a guess."""
    if len(header_rows) != 2:
        return header_rows
    filled = _filled_if_packed(header_rows)
    if filled is None:
        return header_rows
    upper, lower = filled
    groups = len(upper) - label_cols
    figures = n_cols - label_cols
    if len(lower) != figures or groups < 1 or groups >= figures:
        return header_rows
    width = figures // groups if not figures % groups else 0
    children = [tuple(re.sub(r"\s", "", c) for c in lower[k:k + width]) for k in range(0, figures, width)] if width else []
    if not width or len(set(children)) == len(children) \
            or any(re.search(r"[(（][^)）]*[)）]", label) for label in upper[label_cols:]):
        # "项目个数(个)" over two columns and "投资情况(万元)" over four: groups that name their own units, or
        # whose labels below repeat in none of them, need not be even; where the lower labels say what each
        # column is by themselves they are read alone, the groups over them not guessed; bare 计划 / 实际 are not
        if any(re.sub(r"\s", "", c) in BARE_LEAVES for c in lower):
            return header_rows
        return [upper[:label_cols] + [""] * figures, [""] * label_cols + lower]
    top = upper[:label_cols] + [label if k % width == 0 else "" for label in upper[label_cols:] for k in range(width)]
    return [top, [""] * label_cols + lower]


def _packed_beyond_reading(header_rows: list[list[str]], n_cols: int) -> bool:
    """Header rows packed to the left (merged cells dropped, as a capture of a web table's rowspans and
    colspans leaves them) that no even spread fits and none of which reaches the last column: which
    label stands over which figure cannot be told, so the columns' measures are not guessed."""
    filled = _filled_if_packed(header_rows) if len(header_rows) >= 2 else None
    return filled is not None and max(len(f) for f in filled) < n_cols - 1


def _filled_if_packed(header_rows: list[list[str]]) -> Optional[list[list[str]]]:
    """Each header row's labels, where every row has them all at its left and only empty cells after
    them (a capture that dropped the merged cells), else None."""
    filled = [[c for c in row if c.strip()] for row in header_rows]
    packed = all(not any(c.strip() for c in row[len(f):]) for row, f in zip(header_rows, filled))
    return filled if packed else None


def _counting_row(filled: list[str], cells: list[str]) -> bool:
    """A row that only counts columns off: 1, 2, 3 … (under 栏次, or a pager's page numbers)."""
    label = cells[0].strip() if cells and not cells[0].strip().isdigit() else ""
    numbers = [c for c in filled if c != label]
    if (label and label not in ("栏次", "序号", "甲", "乙")) or len(numbers) < 3 or not numbers[0].isdigit():
        return False
    start = int(numbers[0])
    return numbers == [str(k) for k in range(start, start + len(numbers))]


def _label_columns(body: list[list[str]], n_cols: int) -> int:
    """Leading columns that label rows: no figure in any body row (区域 + 类别 pairs); none where the
    first column itself holds figures."""
    first = [r[0] for r in body if r[0] and not is_empty_marker(r[0])]
    if first and all(is_numeric_cell(v) for v in first):
        return 0
    count = 1
    for c in range(1, n_cols - 1):
        column = [r[c] for r in body if r[c] and not is_empty_marker(r[c])]
        if column and not any(is_numeric_cell(v) for v in column):
            count += 1
        else:
            break
    return count
