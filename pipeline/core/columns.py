"""Two columns of prose side by side in a text capture (a yearbook's or a newspaper's page read line by
line: "…年度计划投          成率 100.5%。市重点建设项目…"), read as the page is read: the left column
down to its end, then the right one. Left side by side, each line would join the two columns' words."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

SEGMENT = re.compile(r"\S+(?: {1,3}\S+)*")  # words a few spaces apart are one segment ("1.54 亿元")
CJK = re.compile(r"[\u4e00-\u9fff]")
TERMINAL = "。！？!?；;：:”"
WORK_OPENING = re.compile(r"\s*(?:\d{1,3}\s*[.、．]\s*)?(?!\d{4}\s*年|今年|共|其中|全[省市县区州]|我[省市县区州]|本[省市县区州]|该|"
                          r"[\d一二三四五六七八九十两]+\s*(?:个|项|批|家|条|是))"
                          r"[^,，。;；:：]{2,28}?(项目|工程)\s*[,，:：(（]")  # a row's work (年产…, G318线…), not "2024年…共安排…项目,"
PUNCTUATION = re.compile(r"[,，。;；:：]")  # (not 、: a name lists its parts with it, 西环路、北环路改造工程)
WIDE_GAP = re.compile(r"\S {4,}\S")  # two parts of a line far apart
MIN_PAIRED_LINES = 4  # lines holding both columns, before a block is read as two columns
SLACK = 4  # how far a right column's lines may start from one another


def _segments(line: str, wide: bool = False) -> list[tuple[int, str]]:
    """(start, text) of a line's segments; wide: starts counted in display columns (a Chinese character two
    wide), as a capture that aligned its columns on screen counts them."""
    out = []
    for m in SEGMENT.finditer(line):
        at = m.start() + (sum(1 for ch in line[:m.start()] if unicodedata.east_asian_width(ch) in "WF") if wide else 0)
        out.append((at, m.group()))
    return out


def _prose(segment: str) -> bool:
    return len(CJK.findall(segment)) >= 6


def _right_column_at(lines: list[str], wide: bool) -> tuple[int, int]:
    """(the column where a right column of prose starts in most lines holding two, how many lines) or (-1, 0)."""
    starts = Counter()
    for line in lines:
        segs = _segments(line, wide)
        if len(segs) == 2 and segs[1][0] >= 20 and _prose(segs[0][1]) and _prose(segs[1][1]):
            starts[segs[1][0]] += 1
    if not starts:
        return -1, 0
    column, _ = starts.most_common(1)[0]
    near = sum(n for at, n in starts.items() if abs(at - column) <= SLACK)
    return (column, near) if near >= MIN_PAIRED_LINES else (-1, 0)


def _wrapped_prose(lefts: list[str]) -> bool:
    """Whether a left column's lines are prose cut at the column's width, not a table's names: long, most
    ending inside a sentence and holding a sentence's punctuation ("…,总投资 179.87 亿元,"), where a table's
    name cells hold none ("兴义市城市污水处理厂提标改造工程项目")."""
    inside = sum(1 for x in lefts if x[-1] not in TERMINAL)
    punctuated = sum(1 for x in lefts if PUNCTUATION.search(x))
    # ("五象新区标准厂房项目,建设标准厂房10万平方米," a line each: a table's rows, each opening with its work)
    rows = sum(1 for x in lefts if WORK_OPENING.match(x))
    return inside >= len(lefts) / 2 and punctuated >= len(lefts) / 2 and rows < len(lefts) / 2 \
        and sorted(len(x) for x in lefts)[len(lefts) // 2] >= 15


def columns_apart(lines: list[str]) -> list[tuple[int, str]]:
    """(index of the raw line, text) for every line, the lines of a block of two prose columns put in
    reading order: its left column's parts, then its right column's. Other lines stay as they are."""
    if sum(1 for line in lines if WIDE_GAP.search(line)) < MIN_PAIRED_LINES:
        return list(enumerate(lines))  # (most pages: no line holds two parts far apart; nothing to measure)
    # (a capture aligns its columns by characters or by screen width: whichever lines up more lines)
    (column, _), wide = max((_right_column_at(lines, False), False), (_right_column_at(lines, True), True),
                               key=lambda x: x[0][1])
    if column < 0:
        return list(enumerate(lines))
    sides: list[tuple[int, str, str]] = []  # (index, left part, right part) of each line of the page
    for i, line in enumerate(lines):
        segs = _segments(line, wide)
        if not segs:
            sides.append((i, "", ""))
            continue
        right_at = next((k for k, (at, _) in enumerate(segs) if at >= column - SLACK), len(segs))
        left = " ".join(s for _, s in segs[:right_at])
        right = " ".join(s for _, s in segs[right_at:])
        sides.append((i, left, right))
    paired = [s for s in sides if s[1] and s[2] and _prose(s[1]) and _prose(s[2])]
    lefts = [s[1] for s in paired]
    if len(paired) < MIN_PAIRED_LINES or not _wrapped_prose(lefts):
        return list(enumerate(lines))
    first = min(i for i, _, r in sides if r)
    last = max(i for i, _, r in sides if r)
    block = [s for s in sides if first <= s[0] <= last]
    out = [(i, line) for i, line in enumerate(lines) if i < first]
    out += [(i, left) for i, left, _ in block]
    out += [(i, right) for i, _, right in block]
    out += [(i, line) for i, line in enumerate(lines) if i > last]
    return out
