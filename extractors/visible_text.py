"""Only the text a reader sees on a PDF page becomes figures.

A text layer can hold characters nobody sees: drawn outside the page, in white on a white page,
too small to read, painted over by a filled box drawn after them, overwritten by other text at
the same place, or clipped away by a clipping path (which pdfminer does not report: the page is
rendered, and a digit whose box the rendering leaves blank was not painted). Search-engine
stuffing, redactions done by covering, and templates with leftover text do this. Such
characters never reach the table or prose readers; how many were dropped is reported.
"""
from __future__ import annotations

from typing import Optional

MIN_SIZE = 1.5  # points: smaller text cannot be read on paper
RENDER_SCALE = 0.5  # pixels per point (36 dpi) of the rendering that tells painted digits from clipped ones
BLANK = 235  # grey level (0 black … 255 white) above which no ink was put down
DIGITS = frozenset("0123456789")


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


def hidden_chars(page, check_edges: bool = True, render=None) -> set[int]:
    """Indexes into page.chars of the characters a reader cannot see. check_edges: False for a
    page read with its /Rotate undone, whose box no longer frames its text's coordinates;
    render: () → the page rendered in grey at RENDER_SCALE (a 2-D array) or None; called only
    where a digit could have been clipped."""
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
    if render is not None and check_edges and not page.rotation and not _scanned(page) \
            and any(c["text"] in DIGITS for c in chars):
        rendering = render()
        if rendering is not None:
            hidden |= _unpainted_digits(page, chars, rendering)
    return hidden


def _scanned(page) -> bool:
    """A page that is mostly one image: its text layer is a recognizer's, laid over the scan
    where the recognizer put it, not painted itself; the rendering cannot judge it."""
    area = float(page.width * page.height) or 1.0
    return any((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) > 0.5 * area for i in page.images)


def _unpainted_digits(page, chars: list[dict], rendering) -> set[int]:
    """Digits whose box is blank on the rendered page: clipped away (or otherwise never painted).
    The middle of the box is looked at, so a neighbour's anti-aliased edge does not count."""
    x_origin, y_origin = page.bbox[0], page.bbox[1]
    height, width = rendering.shape[:2]
    out = set()
    for i, c in enumerate(chars):
        if c["text"] not in DIGITS:  # ASCII digits: ① is a mark, and fonts may lack it
            continue
        w, h = c["x1"] - c["x0"], c["bottom"] - c["top"]
        x0 = int((c["x0"] - x_origin + 0.2 * w) * RENDER_SCALE)
        x1 = int((c["x1"] - x_origin - 0.2 * w) * RENDER_SCALE) + 1
        y0 = int((c["top"] - y_origin + 0.2 * h) * RENDER_SCALE)
        y1 = int((c["bottom"] - y_origin - 0.2 * h) * RENDER_SCALE) + 1
        if not (0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height):
            continue
        if rendering[y0:y1, x0:x1].min() > BLANK:
            out.add(i)
    return out


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
    """Characters under a filled box or under other text drawn after them."""
    hidden = _under_later_boxes(page, chars)
    # text over text: page.chars keep the content stream's order, so of two overlapping
    # neighbours on a line the earlier is the one covered
    order = sorted(range(len(chars)), key=lambda i: (round(chars[i]["top"]), chars[i]["x0"]))
    for n, i in enumerate(order):
        a = chars[i]
        for j in order[n + 1:n + 4]:
            b = chars[j]
            if b["x0"] >= a["x1"] or abs(b["top"] - a["top"]) > (a["bottom"] - a["top"]) / 2:
                break
            if a["text"] != b["text"] and a["text"].strip() and b["text"].strip() and _overlap(_box(a), _box(b)) > 0.5:
                hidden.add(min(i, j))
    return hidden


def _under_later_boxes(page, chars: list[dict]) -> set[int]:
    """Characters whose middle a filled box drawn after them covers. Only pdfminer's layout keeps
    the order of characters and boxes between them; a character is found there by its text and
    position."""
    from pdfminer.layout import LTChar, LTRect

    if not any(r.get("fill") and r["width"] > 4 and r["height"] > 4 for r in page.rects):
        return set()
    height = float(page.layout.height)
    drawn_at: dict[tuple, int] = {}
    boxes = []
    for k, o in enumerate(page.layout):
        if isinstance(o, LTChar):
            drawn_at[(o.get_text(), round(o.x0, 1), round(height - o.y1, 1))] = k
        elif isinstance(o, LTRect) and o.fill and o.width > 4 and o.height > 4:
            boxes.append((k, (o.x0, height - o.y1, o.x1, height - o.y0)))
    hidden = set()
    for i, c in enumerate(chars):
        k = drawn_at.get((c["text"], round(c["x0"], 1), round(c["top"], 1)))
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if k is not None and any(j > k and b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for j, b in boxes):
            hidden.add(i)
    return hidden


def _box(c: dict) -> tuple[float, float, float, float]:
    return c["x0"], c["top"], c["x1"], c["bottom"]


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])) or 1.0
    return w * h / smaller


def visible_page(page, check_edges: bool = True, render=None):
    """(the page without its hidden characters, how many were dropped)."""
    return without_chars(page, hidden_chars(page, check_edges, render))


def without_chars(page, indexes: set[int]):
    """(the page without the characters at these indexes of page.chars, how many were left out)."""
    if not indexes:
        return page, 0
    keys = {id(c) for i, c in enumerate(page.chars) if i in indexes}
    return page.filter(lambda o: o.get("object_type") != "char" or id(o) not in keys), len(indexes)
