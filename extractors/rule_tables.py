"""Tables drawn with horizontal rules only: the three-line (booktabs) tables of official statistics.

A top rule, a rule under the header and a bottom rule, no vertical lines (or a few short ones
between columns): pdfplumber's lines strategy and camelot lattice find no cells there. The
region comes from the rules; columns come from vertical lines drawn inside it where they are,
else from how the body rows' words line up; rows are the text lines between the rules. A
table cut by a page break has its parts joined later (`pdf_tables.merge_continuations`).

Each row also carries the x of its label's first character after a 其中 / # marker, so that the
table stage can tell which indicator a sub-row belongs to (城镇 under 常住人口).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.core.cells import parse_cell
from pipeline.core.normalize import normalize_chars

RULE_MIN_WIDTH = 0.3  # share of the page width a rule must span to bound a table
CAPTION_LINE = re.compile(r"^\s*(续?表\s*[\d一二三四五六七八九十]+|附表)")
LABEL_MARKER = re.compile(r"^(其中[:：]?|在总计中[:：]?|#|＃)")


@dataclass
class Rule:
    x0: float
    x1: float
    y: float
    width: float  # line width: booktabs draws the outer rules thicker than the one under the header


@dataclass
class RuledRegion:
    x0: float
    top: float
    x1: float
    bottom: float
    inner: list[float]  # y of the rules inside (the one under the header first)


def horizontal_rules(page) -> list[Rule]:
    """Horizontal lines and hairline rectangles at least RULE_MIN_WIDTH of the page wide, pieces
    of one rule joined."""
    min_len = float(page.width) * RULE_MIN_WIDTH
    pieces = []
    for ln in page.lines:
        if abs(ln["top"] - ln["bottom"]) < 1.5:
            pieces.append((ln["x0"], ln["x1"], (ln["top"] + ln["bottom"]) / 2, float(ln.get("linewidth") or 1)))
    for r in page.rects:
        if r["height"] <= 2.5 and r["width"] > 20:
            pieces.append((r["x0"], r["x1"], (r["top"] + r["bottom"]) / 2, float(r["height"]) or 1.0))
    pieces.sort(key=lambda p: (round(p[2]), p[0]))
    rules: list[Rule] = []
    for x0, x1, y, w in pieces:
        last = rules[-1] if rules else None
        if last and abs(last.y - y) < 1.5 and x0 <= last.x1 + 3:
            last.x1 = max(last.x1, x1)
            last.width = max(last.width, w)
            continue
        rules.append(Rule(x0, x1, y, w))
    return [r for r in rules if r.x1 - r.x0 >= min_len]


def ruled_regions(page, rules: list[Rule], taken: list) -> list[RuledRegion]:
    """Tables bounded by rules of about the same extent. Where the outer rules are drawn thicker
    than the inner ones (booktabs), thick rules open and close a table; otherwise a caption or
    prose between two rules separates two tables."""
    rules = [r for r in rules if not any(b[0] - 2 <= (r.x0 + r.x1) / 2 <= b[2] + 2 and b[1] - 2 <= r.y <= b[3] + 2
                                         for b in taken)]
    groups: list[list[Rule]] = []
    for r in sorted(rules, key=lambda r: r.y):
        g = groups[-1] if groups else None
        if g and abs(g[-1].x0 - r.x0) <= 12 and abs(g[-1].x1 - r.x1) <= 12:
            g.append(r)
        else:
            groups.append([r])
    regions = []
    for g in groups:
        for part in _split_group(page, g):
            x0, x1 = min(r.x0 for r in part), max(r.x1 for r in part)
            top, bottom = part[0].y, part[-1].y
            if len(part) >= 2 and bottom - top > 12 and _has_figures(page, x0, x1, top, bottom):
                regions.append(RuledRegion(x0, top, x1, bottom, [r.y for r in part[1:-1]]))
                continue
            below = _row_run(page, x0, x1, bottom, +1)
            if below is not None:  # a table cut by the page break: its rules stop at the header, its rows run on
                regions.append(RuledRegion(x0, top, x1, below, [r.y for r in part[1:]]))
                continue
            above = _row_run(page, x0, x1, top, -1) if len(part) == 1 else None
            if above is not None:  # the rest of a table from the page before: rows, then its bottom rule
                regions.append(RuledRegion(x0, above, x1, bottom, []))
    return regions


def _has_figures(page, x0, x1, top, bottom) -> bool:
    band = page.crop((max(0, x0 - 2), top + 0.3, min(float(page.width), x1 + 2), bottom - 0.3))
    return any(_is_figure(w["text"]) for w in band.extract_words(x_tolerance=1.5, y_tolerance=2))


def _row_run(page, x0, x1, y, direction) -> Optional[float]:
    """Where a run of table rows that starts at a rule ends (direction +1, down) or begins (-1, up),
    the rule having no partner on that side: rows hold a figure and a gap wider than a character
    between their words; a caption, a paragraph or the page's margin ends the run."""
    height = float(page.height)
    band = (y + 0.5, height * 0.93) if direction > 0 else (height * 0.07, y - 0.5)
    if band[1] - band[0] < 8:
        return None
    crop = page.crop((max(0, x0 - 2), band[0], min(float(page.width), x1 + 2), band[1]))
    lines = lines_of_words(crop.extract_words(x_tolerance=1.5, y_tolerance=2))
    if direction < 0:
        lines = lines[::-1]
    edge, last, rows = None, y, 0

    def a_row(ln) -> bool:
        size = max(w["bottom"] for w in ln) - min(w["top"] for w in ln)
        return any(b["x0"] - a["x1"] > 1.5 * size for a, b in zip(ln, ln[1:])) and any(_is_figure(w["text"]) for w in ln)

    def tight(a, b) -> bool:  # b's top within a line's spacing of a's bottom (or overlapping it)
        return min(w["top"] for w in b) - max(w["bottom"] for w in a) < 0.6 * (max(w["bottom"] for w in a) - min(w["top"] for w in a))
    for k, ln in enumerate(lines):
        top, bottom = min(w["top"] for w in ln), max(w["bottom"] for w in ln)
        gap = top - last if direction > 0 else last - bottom
        size = bottom - top
        if gap > 2.5 * size or CAPTION_LINE.match(ln[0]["text"]):
            break
        if not a_row(ln):
            if rows and direction > 0 and (gap < 0.6 * size or any(
                    a_row(nxt) and all(tight(p, q) for p, q in zip(lines[k:j], lines[k + 1:j + 1]))
                    for j, nxt in enumerate(lines[k + 1:k + 3], start=k + 1))):
                # a cell's wrapped text: tight under the row it belongs to ("…高纯电子级气" / "体项目"), or
                # over the figures of the next row, tight above them
                edge = last = bottom
                continue
            if rows or direction < 0:
                break
            last = bottom  # a header line under the rule (or a row's wrapped text above its figures)
            continue
        rows += 1
        edge = max(edge or bottom, bottom) if direction > 0 else top
        last = bottom if direction > 0 else top
    return (edge + 1 if direction > 0 else edge - 1) if rows >= 2 and edge is not None else None


def _split_group(page, group: list[Rule]) -> list[list[Rule]]:
    """Rules of one extent → one list per table. A caption or a paragraph between two rules parts
    two tables; within what stays together, where the outer rules are drawn thicker than the
    inner ones (booktabs), a thick rule after a thin one closes a table."""
    lines = page.extract_text_lines(strip=True, return_chars=False) if len(group) > 1 else []
    segments, current = [], [group[0]]
    for a, b in zip(group, group[1:]):
        if _separates(lines, a, b):
            segments.append(current)
            current = [b]
        else:
            current.append(b)
    segments.append(current)
    parts = []
    for seg in segments:
        widths = sorted({round(r.width, 2) for r in seg})
        if len(widths) < 2 or len(seg) < 4:
            parts.append(seg)
            continue
        thick = widths[-1]
        current = []
        for r in seg:
            current.append(r)
            if round(r.width, 2) == thick and len(current) >= 2 and any(round(x.width, 2) != thick for x in current):
                parts.append(current)
                current = []
        if current:
            parts.append(current)
    return parts


def _separates(lines: list[dict], a: Rule, b: Rule) -> bool:
    """Between two rules stands a caption (表5 …) or a paragraph: two tables. lines: the page's
    text lines, read once."""
    for ln in lines:
        if ln["top"] > a.y and ln["bottom"] < b.y and ln["x1"] > min(a.x0, b.x0) and ln["x0"] < max(a.x1, b.x1):
            text = ln["text"]
            if CAPTION_LINE.match(text) or re.search(r"[。；]$", text):
                return True
    return False


def _verticals(page, region: RuledRegion) -> list[float]:
    """x of vertical lines drawn inside the region over at least half its height."""
    height = region.bottom - region.top
    xs = []
    for ln in list(page.lines) + [r for r in page.rects if r["width"] <= 2.5]:
        if abs(ln["x0"] - ln["x1"]) > 2.5:
            continue
        x = (ln["x0"] + ln["x1"]) / 2
        if region.x0 + 4 < x < region.x1 - 4 and min(ln["bottom"], region.bottom) - max(ln["top"], region.top) >= 0.5 * height:
            if not any(abs(x - v) < 2 for v in xs):
                xs.append(x)
    return sorted(xs)


def lines_of_words(words: list[dict]) -> list[list[dict]]:
    """Words grouped into text lines: a word joins a line whose vertical middle it shares."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        for line in reversed(lines[-3:]):
            top = min(x["top"] for x in line)
            bottom = max(x["bottom"] for x in line)
            if top - 1 <= mid <= bottom + 1:
                line.append(w)
                break
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _is_figure(text: str) -> bool:
    return parse_cell(normalize_chars(text)) is not None


def _aligned_bounds(body: list[list[dict]]) -> list[float]:
    """Column boundaries from word alignment: the gaps no body word crosses. A word cluster left
    of the first figure column that holds text in only some rows (the second word of a spaced
    label "#粮   食", a "在总计中：" prefix) belongs to the label column."""
    spans: list[list[float]] = []
    for ln in body:
        for w in ln:
            spans.append([w["x0"], w["x1"], 1.0 if _is_figure(w["text"]) else 0.0])
    spans.sort()
    merged: list[list[float]] = []
    for s in spans:
        if merged and s[0] <= merged[-1][1] + 1:
            m = merged[-1]
            m[1], m[2], m[3] = max(m[1], s[1]), m[2] + s[2], m[3] + 1
        else:
            merged.append([s[0], s[1], s[2], 1])
    first_figure = next((k for k, m in enumerate(merged) if m[2] >= 0.5 * m[3]), len(merged))
    rows = len(body)
    keep = [0] + [k for k in range(1, len(merged)) if k >= first_figure or merged[k][3] >= 0.6 * rows]
    return [(merged[k - 1][1] + merged[k][0]) / 2 for k in keep[1:]]


def _cells(line: list[dict], bounds: list[float]) -> list[str]:
    cells = [""] * (len(bounds) + 1)
    for w in line:
        centre = (w["x0"] + w["x1"]) / 2
        c = sum(1 for b in bounds if centre > b)
        cells[c] = _join(cells[c], w["text"])
    return cells


def _join(a: str, b: str) -> str:
    """Words of one cell: Chinese joins without the spaces a justified layout put in ("指  标"),
    Latin letters and figures keep one."""
    if not a:
        return b
    if re.search(r"[A-Za-z0-9%]$", a) and re.match(r"[A-Za-z0-9]", b):
        return a + " " + b
    return a + b


def _label_x(line: list[dict], bound: float) -> Optional[float]:
    """x where the label's own text starts, after a 其中： / # / 在总计中： marker."""
    words = [w for w in line if (w["x0"] + w["x1"]) / 2 <= bound]
    if not words:
        return None
    chars = [c for w in words for c in w.get("chars", [])]
    text = "".join(c["text"] for c in chars)
    m = LABEL_MARKER.match(text.replace(" ", ""))
    if not m or not chars:
        return words[0]["x0"]
    skip = len(m.group(0))
    seen = 0
    for c in chars:
        if c["text"].strip():
            seen += 1
        if seen > skip:
            return c["x0"]
    return words[0]["x0"]


def read_region(page, region: RuledRegion) -> Optional[tuple[list[list[str]], list[Optional[float]], str, list[float]]]:
    """(rows, label x per row, how the columns were found, column boundaries) of one ruled
    region, or None."""
    crop = page.crop((max(0, region.x0 - 2), region.top + 0.3, min(float(page.width), region.x1 + 2), region.bottom - 0.3))
    words = crop.extract_words(x_tolerance=1.5, y_tolerance=2, return_chars=True)
    lines = lines_of_words(words)
    if len(lines) < 2:
        return None
    header_rule = region.inner[0] if region.inner else None
    head = [ln for ln in lines if header_rule is not None and max(w["bottom"] for w in ln) <= header_rule + 1]
    body = [ln for ln in lines if ln not in head]
    if header_rule is None or not head:
        first = next((k for k, ln in enumerate(lines) if sum(_is_figure(w["text"]) for w in ln) >= 1), None)
        if first is None:
            return None
        head, body = lines[:first], lines[first:]
    if not any(_is_figure(w["text"]) for ln in body for w in ln):
        return None
    verticals = _verticals(page, region)
    if verticals:
        bounds, how = verticals, "rules-vertical"
    else:
        bounds, how = _aligned_bounds([ln for ln in body if any(_is_figure(w["text"]) for w in ln)]), "rules-aligned"
    if not bounds:
        return None
    header_rows = _header_rows(head, bounds, _centres(body, bounds))
    body = _wrapped_into_their_rows(body)
    rows = header_rows + [_cells([w for ln in row for w in ln], bounds) for row in body]
    indents: list[Optional[float]] = [None] * len(header_rows) + [_label_x(row[0], bounds[0]) for row in body]
    return rows, indents, how, bounds


HEADING_ROW = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|其中[:：]?$|合\s*计|小\s*计)")


def _wrapped_into_their_rows(body: list[list[dict]]) -> list[list[list[dict]]]:
    """Each body row as its text lines, top to bottom. A line without figures lying much nearer to a
    line of figures than the rows lie to each other is a cell's wrapped text ("宝兴县硗碛藏寨旅游度假区" /
    "20 | 宝兴县 | 70000 …" / "项目"), part of that row; any other line is a row of its own (a
    category heading the rows under it)."""
    def middle(ln: list[dict]) -> float:
        return (min(w["top"] for w in ln) + max(w["bottom"] for w in ln)) / 2
    figures = [k for k, ln in enumerate(body) if any(_is_figure(w["text"]) for w in ln)]
    pitches = sorted(middle(body[b]) - middle(body[a]) for a, b in zip(figures, figures[1:]))
    if len(figures) < 2 or len(figures) == len(body) or not pitches:
        return [[ln] for ln in body]
    pitch = pitches[len(pitches) // 2]
    owner: dict[int, int] = {}
    for k, ln in enumerate(body):
        if k in figures or HEADING_ROW.match("".join(w["text"] for w in ln)):
            continue  # (a heading of the rows under it, "二、基础设施项目", is a row of its own)
        near = min(figures, key=lambda f: abs(middle(body[f]) - middle(ln)))
        if abs(middle(body[near]) - middle(ln)) < 0.7 * pitch:
            owner[k] = near
    rows: list[list[list[dict]]] = []
    for k, ln in enumerate(body):
        if k in owner:
            continue
        rows.append(sorted([ln] + [body[j] for j, f in owner.items() if f == k], key=middle) if k in figures else [ln])
    return rows


def _header_rows(head: list[list[dict]], bounds: list[float], centres: list[float]) -> list[list[str]]:
    """Header lines: lines of one cell's wrapped text join per column; a line with a word over the
    middles of several columns (a group label over 绝对数 / 增长%) stays a row of its own, written in
    the first column it covers, as a merged cell flattens. A header word wider than its figures
    goes to the column whose middle is nearest its own."""
    rows: list[list[str]] = []
    wrapped: Optional[list[str]] = None
    for k_ln, ln in enumerate(head):
        covers = [[c for c, m in enumerate(centres) if w["x0"] - 1 <= m <= w["x1"] + 1] for w in ln]
        if k_ln < len(head) - 1:
            # a short group label centred over two columns ("年度计划" over 项目数 | 投资额) reaches neither middle
            # but straddles the boundary between them, with header words under both
            covers = [cov if len(cov) >= 2 else _straddled(w, bounds, head[k_ln + 1:]) or cov for w, cov in zip(ln, covers)]
        row = [""] * (len(bounds) + 1)
        for w, cov in zip(ln, covers):
            inside = [k for k in range(len(bounds) + 1)
                      if (k == 0 or w["x0"] >= bounds[k - 1]) and (k == len(bounds) or w["x1"] <= bounds[k])]
            if len(cov) >= 2:
                c = cov[0]
            elif inside:
                c = inside[0]  # a word within one column's bounds is that column's ("项目名称" left in a wide column)
            else:
                middle = (w["x0"] + w["x1"]) / 2
                c = min(range(len(centres)), key=lambda k: abs(centres[k] - middle)) if centres else 0
            row[c] = _join(row[c], w["text"])
        if any(len(cov) >= 2 for cov in covers):
            rows.append(row)
            wrapped = None
        elif wrapped is not None:
            for c, text in enumerate(row):
                wrapped[c] = _join(wrapped[c], text)
        else:
            wrapped = row
            rows.append(wrapped)
    return rows


def _straddled(w: dict, bounds: list[float], below: list[list[dict]]) -> list[int]:
    """The two columns a header word lies across (its middle near their boundary, each side under a
    word of a header line below it), or []."""
    middle, width = (w["x0"] + w["x1"]) / 2, w["x1"] - w["x0"]
    for k, b in enumerate(bounds):
        if w["x0"] + 2 < b < w["x1"] - 2 and abs(middle - b) <= width / 3:
            under = [u for ln in below for u in ln if u["x1"] > w["x0"] - width and u["x0"] < w["x1"] + width]
            if any(u["x1"] <= b + 2 for u in under) and any(u["x0"] >= b - 2 for u in under):
                return [k, k + 1]
    return []


def _centres(body: list[list[dict]], bounds: list[float]) -> list[float]:
    """The middle of each column's body words (the label column's from its left part)."""
    out = []
    for c in range(len(bounds) + 1):
        lo = bounds[c - 1] if c else float("-inf")
        hi = bounds[c] if c < len(bounds) else float("inf")
        mids = [(w["x0"] + w["x1"]) / 2 for ln in body for w in ln if lo < (w["x0"] + w["x1"]) / 2 <= hi]
        if mids:
            out.append(sum(mids) / len(mids))
        else:  # an empty column: its middle, or the one boundary it has
            out.append(hi if c == 0 else lo if c == len(bounds) else (lo + hi) / 2)
    return out
