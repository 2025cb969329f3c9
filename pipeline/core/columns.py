"""Two columns of prose side by side in a text capture (a yearbook's or a newspaper's page read line by
line: "…年度计划投          成率 100.5%。市重点建设项目…"), read as the page is read: the left column
down to its end, then the right one. Left side by side, each line would join the two columns' words."""
from __future__ import annotations

import re
from collections import Counter

SEGMENT = re.compile(r"\S+(?: {1,3}\S+)*")  # words a few spaces apart are one segment ("1.54 亿元")
CJK = re.compile(r"[\u4e00-\u9fff]")
TERMINAL = "。！？!?；;：:”"
NAME_END = re.compile(r"(项目|工程|公司|集团|局|委|办|中心|单位|政府|管委会|区|县|市|镇|乡|街道|园)$")
MIN_PAIRED_LINES = 4  # lines holding both columns, before a block is read as two columns
SLACK = 4  # how far a right column's lines may start from one another


def _segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in SEGMENT.finditer(line)]


def _prose(segment: str) -> bool:
    return len(CJK.findall(segment)) >= 6


def _right_column_at(lines: list[str]) -> int:
    """The column where a right column of prose starts in most lines holding two, or -1."""
    starts = Counter()
    for line in lines:
        segs = _segments(line)
        if len(segs) == 2 and segs[1][0] >= 20 and _prose(segs[0][1]) and _prose(segs[1][1]):
            starts[segs[1][0]] += 1
    if not starts:
        return -1
    column, _ = starts.most_common(1)[0]
    near = sum(n for at, n in starts.items() if abs(at - column) <= SLACK)
    return column if near >= MIN_PAIRED_LINES else -1


def _wrapped_prose(lefts: list[str]) -> bool:
    """Whether a left column's lines are prose cut at the column's width, not a table's names: they end
    inside a sentence at any character (a name ends as names do: …项目, …局, …县), are long, and do not
    open alike ("兴义市…项目 / 兴义市…项目": a table's rows)."""
    inside = sum(1 for x in lefts if x[-1] not in TERMINAL)
    named = sum(1 for x in lefts if NAME_END.search(x))
    alike = sum(1 for a, b in zip(lefts, lefts[1:]) if a[:2] == b[:2])
    return inside >= len(lefts) / 2 and named < len(lefts) / 3 and alike < (len(lefts) - 1) / 3 \
        and sorted(len(x) for x in lefts)[len(lefts) // 2] >= 15


def columns_apart(lines: list[str]) -> list[tuple[int, str]]:
    """(index of the raw line, text) for every line, the lines of a block of two prose columns put in
    reading order: its left column's parts, then its right column's. Other lines stay as they are."""
    column = _right_column_at(lines)
    if column < 0:
        return list(enumerate(lines))
    sides: list[tuple[int, str, str]] = []  # (index, left part, right part) of each line of the page
    for i, line in enumerate(lines):
        segs = _segments(line)
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
