"""Only the text a reader sees on a PDF page becomes figures.

A text layer can hold characters nobody sees: drawn outside the page, in white on a white page,
too small to read, painted over by a filled box drawn after them, or overwritten by other text
at the same place. Search-engine stuffing, redactions done by covering, and templates with
leftover text do this. Such characters never reach the table or prose readers; how many were
dropped is reported.
"""
from __future__ import annotations

from typing import Optional

MIN_SIZE = 1.5  # points: smaller text cannot be read on paper


def _white(color, space: Optional[str] = None) -> bool:
    if color is None:
        return False
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False  # a pattern or named colour: assume visible
    if len(values) == 1:
        return values[0] >= 0.97
    if len(values) == 3:
        return all(v >= 0.97 for v in values)
    if len(values) == 4:  # CMYK: no ink
        return all(v <= 0.03 for v in values)
    return False


def hidden_chars(page, check_edges: bool = True) -> set[int]:
    """Indexes into page.chars of the characters a reader cannot see. check_edges: False for a
    page read with its /Rotate undone, whose box no longer frames its text's coordinates."""
    chars = page.chars
    if not chars:
        return set()
    x0, top, x1, bottom = page.bbox
    fills = _filled_boxes(page)
    hidden: set[int] = set()
    for i, c in enumerate(chars):
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if check_edges and not (x0 <= cx <= x1 and top <= cy <= bottom):
            hidden.add(i)  # outside the page
        elif (c.get("size") or MIN_SIZE) < MIN_SIZE:
            hidden.add(i)
        elif _white(c.get("non_stroking_color")) and not _on_dark(cx, cy, fills):
            hidden.add(i)  # white on white (white on a dark cell is a header, and seen)
    hidden |= _painted_over(page, chars)
    return hidden


def _filled_boxes(page) -> list[tuple[float, float, float, float, bool]]:
    """(x0, top, x1, bottom, dark) of the filled rectangles of the page."""
    out = []
    for r in page.rects:
        if r.get("fill"):
            out.append((r["x0"], r["top"], r["x1"], r["bottom"], not _white(r.get("non_stroking_color"))))
    return out


def _on_dark(x: float, y: float, fills) -> bool:
    return any(f[4] and f[0] <= x <= f[2] and f[1] <= y <= f[3] for f in fills)


def _painted_over(page, chars: list[dict]) -> set[int]:
    """Characters under a filled box, or under other text, drawn after them: the page's drawing
    order comes from the layout (pdfminer keeps the content stream's order)."""
    try:
        objs = list(page.layout)
    except Exception:
        return set()
    from pdfminer.layout import LTChar, LTRect

    height = float(page.layout.height)
    order: dict[tuple, int] = {}
    covers: list[tuple[int, tuple[float, float, float, float]]] = []
    text_boxes: list[tuple[int, str, tuple[float, float, float, float]]] = []
    for k, o in enumerate(objs):
        box = (o.x0, height - o.y1, o.x1, height - o.y0)
        if isinstance(o, LTChar):
            order[(o.get_text(), round(o.x0, 1), round(box[1], 1))] = k
            text_boxes.append((k, o.get_text(), box))
        elif isinstance(o, LTRect) and getattr(o, "fill", False) and o.width > 4 and o.height > 4:
            covers.append((k, box))
    if not covers and len(text_boxes) < 2:
        return set()
    hidden = set()
    index_of = {}
    for i, c in enumerate(chars):
        k = order.get((c["text"], round(c["x0"], 1), round(c["top"], 1)))
        if k is None:
            continue
        index_of[k] = i
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if covers and any(j > k and b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for j, b in covers):
            hidden.add(i)
    # text over text: neighbours in reading order overlap, an earlier one is covered by a later one
    boxes = sorted(text_boxes, key=lambda t: (round(t[2][1]), t[2][0]))
    for n, (k, text, box) in enumerate(boxes):
        for j, other, b in boxes[n + 1:n + 4]:
            if b[0] >= box[2] or abs(b[1] - box[1]) > (box[3] - box[1]) / 2:
                break
            if other != text and other.strip() and text.strip() and _overlap(b, box) > 0.5:
                earlier = k if k < j else j
                if earlier in index_of:
                    hidden.add(index_of[earlier])
    return hidden


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])) or 1.0
    return w * h / smaller


def visible_page(page, check_edges: bool = True):
    """(the page without its hidden characters, how many were dropped)."""
    hidden = hidden_chars(page, check_edges)
    if not hidden:
        return page, 0
    keys = {id(c) for i, c in enumerate(page.chars) if i in hidden}
    return page.filter(lambda o: o.get("object_type") != "char" or id(o) not in keys), len(hidden)
