"""Tables whose cells a web capture separated by single spaces ("1 永城市 52 422.3 180 173.8 96.6%"),
the way a page's HTML table reads when its tags are stripped. Before a line is tidied (which joins
Han words and wraps short lines into paragraphs) such a run of rows, and the header line right
above it, become tab-separated rows, which the table readers then read like any other.
"""
from __future__ import annotations

import re
from typing import Optional

from pipeline.core.cells import is_numeric_cell
# A web capture splits a header cell's words into cells of their own: "计划 / 总投资", "2019年 /
# 投资目标", "项目 / 个数", "占年度 / 目标(%)". Words that cannot head a column alone join their
# neighbour: a period or a qualifier joins the word after it, a counter or a bracketed unit the word
# before it.
_LEADS = re.compile(r"^((19|20)\d\d年(度)?|前三季度|[一二三四]季度|第[一二三四]季度|上半年|下半年|\d{1,2}(-|—|－|~|至)\d{1,2}月(份)?|\d{1,2}月(份)?|本年|今年|上年(止|末)?|全年|年度|"
                    r"计划|累计|实际|完成|占|占年度|占年|其中|项目|当年|截至|截止)$")
_TAILS = re.compile(r"^(个数|增速情况|增速|增幅|目标|目标?[(（][^()（）]*[)）]|[(（][^()（）]*[)）])$")


def rejoin_header_words(words: list[str], width: int) -> Optional[list[str]]:
    """The `width` labels a split header's words make, or None when the words' own shape does not
    say how they join: as many places to join as words too many, none of them touching ("地区 计划
    完成 占年度 目标(%)" into four could be 计划完成 or 占年度目标: a guess would give a figure the
    wrong measure)."""
    words = list(words)
    if len(words) < width:
        return None
    joins = [k for k in range(len(words) - 1) if _LEADS.match(words[k]) or _TAILS.match(words[k + 1])]
    if len(joins) != len(words) - width or any(b - a < 2 for a, b in zip(joins, joins[1:])):
        return None if len(words) > width else words
    for k in reversed(joins):
        words[k:k + 2] = [words[k] + words[k + 1]]
    return words


NUMBER = r"-?\d+(?:\.\d+)?%?"
WORD_ROW = re.compile(r"^\s*(?:(?P<rank>\d{1,3})\s+)?(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff()（）、:：]*(?: [\u4e00-\u9fff])?)"
                      rf"(?P<figures>(?: +(?:{NUMBER}|-|—|/))+?)(?: +(?P<cut>\d+\.))?\s*$")
ALIGNED = re.compile(r"\S(?: {2,}|\u3000+)\S.*\S(?: {2,}|\u3000+)\S")
MIN_FIGURES = 3
MIN_ROWS = 3


# a yearbook's row label in two languages: "施工项目个数 (个) Number of Projects Under Construction(unit) 23578 …"
ENGLISH_LABEL = re.compile(r"(?<=[\u4e00-\u9fff)）:：])[ \t]+[A-Za-z][A-Za-z ,.'&/\-]*(?:\([^()]*\))?[A-Za-z ,.'&/\-]*?"
                           r"(?=[ \t]+-?\d)")
UNIT_AFTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[(（][^()（）\d]{1,8}[)）])")  # "施工项目个数 (个)"
YEAR = re.compile(r"(19|20)\d\d(年)?")


def _word_row(line: str) -> Optional[list[str]]:
    """[rank, name, figures…] of a row written with single spaces, or None."""
    line = UNIT_AFTER_SPACE.sub("", ENGLISH_LABEL.sub(" ", line.strip()))
    line = re.sub(r"^(?:Total|TOTAL|Grand Total)(?=\s+-?\d)", "总计", line)  # a bilingual yearbook's total, in English only
    m = WORD_ROW.match(line)
    if not m or ALIGNED.search(line.strip()):
        return None  # cells aligned by runs of spaces are the space-aligned reader's
    figures = []
    for cell in re.finditer(r"( *)(\S+)", m.group("figures")):
        if len(cell.group(1)) >= 3:
            figures.append("")  # "市本级   209.8": a wide gap is a cell left empty
        figures.append(cell.group(2))
    if sum(is_numeric_cell(f) for f in figures) < MIN_FIGURES:
        return None
    # a capture cut inside the last figure ("95.") lost it: the cell is empty, not 95
    return [m.group("rank") or "", m.group("name").replace(" ", "")] + figures + ([""] if m.group("cut") else [])


def tabs_for_word_rows(raw_lines: list[str]) -> list[str]:
    """The lines, with each run of at least three single-spaced rows of one width (and a header
    line right above it whose words rejoin to that width) written with tabs."""
    out = list(raw_lines)
    rows = [_word_row(ln) if "\t" not in ln else None for ln in raw_lines]
    i = 0
    while i < len(rows):
        if rows[i] is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(rows) and (rows[j] is not None or not raw_lines[j].strip()):
            if rows[j] is not None:
                run.append(j)
            j += 1
        widths = {len(rows[k]) for k in run}
        years = None
        if len(run) > MIN_ROWS and len(widths) == 1 and all(YEAR.fullmatch(f) for f in rows[run[0]][2:]):
            # "指标 Item 2018 2019 2020 2021" over the rows: a header of years, no row of figures
            years, run = run[0], run[1:]
        if len(run) >= MIN_ROWS and len(widths) == 1:
            ranked = sum(bool(rows[k][0]) for k in run) > len(run) / 2
            for k in run:
                out[k] = "\t".join(rows[k] if ranked else rows[k][1:])
            width = widths.pop() - (0 if ranked else 1)
            if years is not None:
                out[years] = "\t".join(rows[years] if ranked else rows[years][1:])
                i = j
                continue
            found = _header_above(raw_lines, i, width)
            grouped = _groups_over_leaves(raw_lines, i, width) if not found else None
            if found:
                at, header = found
                out[at[0]] = "\t".join(header)
                for k in range(at[0] + 1, i):
                    out[k] = ""  # the other lines the header was broken over, and its English words
            elif grouped:
                for k, row in grouped:
                    out[k] = "\t".join(row)
        i = j
    return out


HEADER_STOP = re.compile(r"单位\s*[:：]|表\s*$|[。；;]")
GROUP_LABEL = re.compile(r"(完成|进展|推进|建设)情况$")  # "1-7月全市重点项目完成情况" spans the columns under it
MAX_HEADER_LINES = 10


def _chinese_words(line: str) -> list[str]:
    """A header line's words without a bilingual yearbook's English ones, a label set with spaces
    between its characters ("市  州") joined again."""
    words = [w for w in line.split() if not re.fullmatch(r"[A-Za-z][A-Za-z,.'&/\-]*|\([A-Za-z%]*\)|%|and|of", w)]
    out: list[str] = []
    for w in words:
        if out and len(w) == 1 and len(out[-1]) == 1 and re.match(r"[\u4e00-\u9fff]", w + out[-1]):
            out[-1] += w
        else:
            out.append(w)
    return out


def _groups_over_leaves(lines: list[str], first_row: int, width: int) -> Optional[list[tuple[int, list[str]]]]:
    """"县市区 8月份集中开工项目 1-8月累计新开工项目" over "项目数 总投资 年度计划投资 项目数 总投资 同比增长(%)" right
    above rows of a name and six figures: the name's label and the groups, each over as many of the
    leaves, then the leaves. [(line, cells)] of the two header rows, or None for any other shape."""
    upper_at, lower_at = first_row - 2, first_row - 1
    if upper_at < 0:
        return None
    upper, lower = _chinese_words(lines[upper_at]), _chinese_words(lines[lower_at])
    groups, leaves = len(upper) - 1, width - 1
    if len(lower) != leaves or groups < 1 or leaves % groups or leaves // groups < 2 \
            or any(HEADER_STOP.search(w) or is_numeric_cell(w) for w in upper + lower):
        return None
    span = leaves // groups
    top = upper[:1] + [g if m == 0 else "" for g in upper[1:] for m in range(span)]
    return [(upper_at, top), (lower_at, [""] + lower)]


def _header_above(lines: list[str], first_row: int, width: int) -> Optional[tuple[list[int], list[str]]]:
    """(the lines it stands on, its labels) of the header right above a run of rows: one line whose
    words rejoin to the rows' width, or a header a capture broke over several lines."""
    above: list[int] = []
    k = first_row - 1
    while k >= 0 and len(above) < MAX_HEADER_LINES:
        line = " ".join(_chinese_words(lines[k]))
        if not line and re.search(r"[A-Za-z]", lines[k]):
            k -= 1
            continue  # a yearbook's English labels ("Number of Projects under Construction"): the Chinese above say it
        if line and (HEADER_STOP.search(line) or len(line) > 60 or any(is_numeric_cell(w) for w in line.split())):
            break
        if line:
            above.insert(0, k)
        k -= 1
    for start in range(len(above)):  # the whole header up to its caption first, then fewer lines
        at = above[start:]
        words = [w for n in at for w in _chinese_words(lines[n])]
        header = rejoin_header_words(words, width)
        if header is None and len(words) > width:
            header = rejoin_header_words([w for w in words if not GROUP_LABEL.search(w)], width)
        if header is not None:
            return at, header
    return None
