"""Rebuild header paths from a grid of header rows whose merged cells were flattened.

Shared by the text and PDF readers: both hand over a grid where a merged cell left its label in
its first column and empty cells after it. Rules, in order:

1. A label followed by empty cells spans them, but never beyond the span of its parent row.
2. A label with nothing below it spans the remaining header rows (its path just ends).
3. A deeper row whose labels sit under no parent, while exactly one parent span of the same
   width lacks children, is realigned under that span (flag ``header_realigned``).
4. A top-level span whose columns got no children borrows the child labels of another top-level
   span of the same width (flag ``header_inferred``): report tables repeat one breakdown
   (合计 / 产业项目 / 配套项目) under target, actual and ratio.
5. Paths that are still identical get an ordinal suffix (flag ``header_duplicate``).
"""
from __future__ import annotations

import re

from pipeline.core.normalize import tidy_prose_line

SEP = " / "


def clean_label(text: str) -> str:
    text = re.sub(r"\s*\n\s*", "", text or "")  # text wrapped inside a cell joins without spaces
    text = tidy_prose_line(text).strip()
    # a label's spaces next to Han characters are layout, not content ("三类 500 强" = "三类500强"),
    # and a PDF cell that wraps there loses them anyway
    return re.sub(r"(?<=[\u4e00-\u9fff“”])\s+|\s+(?=[\u4e00-\u9fff“”])", "", text)


def build_header_paths(header_rows: list[list[str]], n_cols: int, label_cols: int = 1) -> tuple[list[str], list[list[str]]]:
    """Return (path per column, flags per column). Label columns get their own header text."""
    grid = [[clean_label(row[c]) if c < len(row) else "" for c in range(n_cols)] for row in header_rows]
    flags: list[list[str]] = [[] for _ in range(n_cols)]
    if not grid:
        return [""] * n_cols, flags

    expanded: list[list[str | None]] = []
    owner: list[list[int | None]] = []  # column that holds the label a cell shows
    for r, row in enumerate(grid):
        exp: list[str | None] = [None] * n_cols
        own: list[int | None] = [None] * n_cols
        for c in range(n_cols):
            if row[c]:
                exp[c], own[c] = row[c], c
            elif c - 1 >= label_cols and own[c - 1] is not None:
                src = own[c - 1]
                same_parent = all(owner[p][c] == owner[p][src] for p in range(r))
                # a label spans right only where the rows below are not its own vertical span
                if same_parent and not _vertical_only(grid, r, src, c):
                    exp[c], own[c] = exp[src], src
        expanded.append(exp)
        owner.append(own)

    _realign(grid, expanded, owner, label_cols, flags)

    paths = []
    for c in range(n_cols):
        parts = [expanded[r][c] for r in range(len(grid)) if expanded[r][c]]
        # drop a repeat of the parent label (a vertically merged cell repeated per row)
        dedup = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
        paths.append(SEP.join(dedup))

    _borrow_children(grid, expanded, owner, paths, label_cols, flags)
    _parts_of_the_group_before(expanded, paths, label_cols)

    seen: dict[str, int] = {}
    for c in range(label_cols, n_cols):
        if not paths[c]:
            continue
        seen[paths[c]] = seen.get(paths[c], 0) + 1
        if seen[paths[c]] > 1:
            flags[c].append("header_duplicate")
            paths[c] = f"{paths[c]} ({seen[paths[c]]})"
    return paths, flags


KIND_ONLY = re.compile(r"(项目|工程|类)\s*([(（][^()（）]{1,6}[)）])?$")


def _parts_of_the_group_before(expanded, paths, label_cols) -> None:
    """"集中开工项目 | 其中：省级重点项目 | 其中：市级重点项目" along the top row: a 其中 group is a part
    of the group before it, whose label its path takes first (its 项目个数 are 集中开工 projects)."""
    top = expanded[0]
    group = None  # the latest label over several columns
    for c in range(label_cols, len(paths)):
        label = top[c] or ""
        before = top[c - 1] or "" if c > label_cols else ""
        if label and not label.startswith("其中") and c + 1 < len(paths) and top[c + 1] == label:
            group = label
        elif label and not label.startswith("其中") and before != label:
            group = None
        if not label.startswith("其中"):
            continue
        if SEP in paths[c] and group:
            # a 其中 group over columns of its own is a part of the group before it (集中开工项目 | 其中:省级重点项目),
            # never of a column alone ("完成率(%)" before "其中:省重点项目 / 个数 | 完成投资")
            paths[c] = group + SEP + paths[c]
        elif SEP not in paths[c] and KIND_ONLY.search(paths[c]) and before and not before.startswith("其中") and not group:
            # a 其中 column naming only a kind is a part of the column right before it ("项目数(项) | 其中:10亿元以上在建项目(项)");
            # "其中:5月份新开工个数" names its measure itself
            paths[c] = paths[c - 1] + SEP + paths[c]


def _vertical_only(grid, r, src, c) -> bool:
    """True when the label at (r, src) has nothing below it but column c has labels below:
    then the label spans down, not right (县市区 over its column only)."""
    below_src = any(grid[k][src] for k in range(r + 1, len(grid)))
    below_c = any(grid[k][c] for k in range(r + 1, len(grid)))
    # "其中…" below is always a part of the label before it (签约项目 over its total and 其中亿元以上)
    part_below = any(grid[k][c].startswith("其中") for k in range(r + 1, len(grid)))
    return not below_src and below_c and not part_below


def _realign(grid, expanded, owner, label_cols, flags) -> None:
    n_cols = len(grid[0])
    for r in range(1, len(grid)):
        labels = [c for c in range(label_cols, n_cols) if grid[r][c]]
        if not labels:
            continue
        orphans = [c for c in labels if expanded[r - 1][c] is None]
        if not orphans:
            continue
        spans = {}
        for c in range(label_cols, n_cols):
            if owner[r - 1][c] is not None:
                spans.setdefault(owner[r - 1][c], []).append(c)
        fits = [cols for cols in spans.values() if len(cols) == len(labels) and len(cols) >= 2
                and sum(1 for c in labels if c in cols) < len(cols)]
        if len(fits) != 1:
            continue
        target = fits[0]
        texts = [grid[r][c] for c in labels]
        for c in labels:
            grid[r][c] = ""
            expanded[r][c] = None
            owner[r][c] = None
        for c, text in zip(target, texts):
            grid[r][c] = text
            expanded[r][c] = text
            owner[r][c] = c
            flags[c].append("header_realigned")


def _borrow_children(grid, expanded, owner, paths, label_cols, flags) -> None:
    if len(grid) < 2:
        return
    n_cols = len(grid[0])
    top: dict[int, list[int]] = {}
    for c in range(label_cols, n_cols):
        if owner[0][c] is not None:
            top.setdefault(owner[0][c], []).append(c)
    childless = [cols for cols in top.values()
                 if len(cols) >= 2 and all(not any(expanded[r][c] for r in range(1, len(grid))) for c in cols)]
    for cols in childless:
        donors = []
        for other in top.values():
            if other is cols or len(other) != len(cols):
                continue
            kids = [SEP.join(x for x in (expanded[r][c] for r in range(1, len(grid))) if x) for c in other]
            if all(kids) and len(set(kids)) == len(kids):
                donors.append(kids)
        if donors and all(d == donors[0] for d in donors):
            for c, kid in zip(cols, donors[0]):
                paths[c] = f"{paths[c]}{SEP}{kid}"
                flags[c].append("header_inferred")

