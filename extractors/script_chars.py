"""Superscripts and subscripts in a PDF's text layer.

Communiqués print footnote marks raised and small ("生产总值²1329.65亿元") and chemical or
particle names with small lowered digits (PM₂.₅, CO₂). In the text layer both are just small
characters a little off the line: read by their `top`, a subscript starts a line of its own
("PM 年平均浓度 74 微克/立方" / "2.5 10" / "米", whose "10 米" is then a figure), and a raised mark
glued to a number changes it (1329.65²亿元 → 1329.652亿元). So raised marks are dropped, and lines
are grouped with a tolerance that keeps lowered digits on their line (PM2.5 as printed).
"""
from __future__ import annotations

import bisect
import re
import statistics

from extractors.visible_text import without_chars

SMALL = 0.8  # a script character is at most this fraction of the body text's size
RAISED = 0.25  # of the body size: how far above the body's baseline a mark's own baseline sits
MARK = re.compile(r"[\d*#†‡§①-⑳\[\]()（）]")


def body_size(page) -> float:
    sizes = [c["size"] for c in page.chars if c.get("text", "").strip()]
    return statistics.median(sizes) if sizes else 10.0


def line_tolerance(size: float) -> float:
    """How far apart two characters' tops may be and still share a line, for body text of this
    size: a lowered digit's top is below the body's by its smaller size and its offset."""
    return max(3.0, 0.4 * size)


def raised_marks(page, size: float) -> set[int]:
    """Indexes in page.chars of small characters raised above the baseline of the body text
    (of this size) beside them: footnote marks, never part of a figure."""
    chars = page.chars
    body = sorted((c for c in chars if c["size"] >= SMALL * size), key=lambda c: c["top"])
    tops = [c["top"] for c in body]
    out = set()
    for i, c in enumerate(chars):
        if c["size"] >= SMALL * size or not MARK.fullmatch(c.get("text", "")):
            continue
        near = body[bisect.bisect_left(tops, c["top"] - size):bisect.bisect_right(tops, c["bottom"])]
        beside = [b for b in near if b["bottom"] > c["top"]
                  and (abs(b["x1"] - c["x0"]) < size * 1.5 or abs(c["x1"] - b["x0"]) < size * 1.5)]
        left = [b for b in beside if b["x1"] <= c["x0"] + 1]
        if left and re.match(r"[A-Za-z]", max(left, key=lambda b: b["x1"])["text"]):
            continue  # m², hm², km²: the unit's own superscript
        if beside and c["bottom"] < min(b["bottom"] for b in beside) - RAISED * size:
            out.add(i)
    return out


def without_raised_marks(page, size: float):
    """(the page without its raised footnote marks, how many were dropped)."""
    return without_chars(page, raised_marks(page, size))
