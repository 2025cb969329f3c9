"""Pages without a text layer, read by offline Chinese OCR (RapidOCR: PP-OCRv4 models shipped in
the rapidocr-onnxruntime wheel; nothing is downloaded at run time).

A page is rendered by pdfium, the recognizer gives text boxes with a confidence, and this module
lays them out as the PDF reader lays out a text layer: lines of prose (top, bottom, text) and
tables (PdfTable, method "ocr") whose rows and columns are rebuilt from the boxes' coordinates.
Every line and cell keeps its box (in PDF points of its page) and the recognizer's confidence,
for the facts' provenance.

- Skew: a sheet fed askew tilts every row and column; the boxes are turned back by the angle at
  which their centres fall into the fewest, fullest rows (a projection profile).
- Columns: the x-extents of the cells of rows that hold figures, merged where they overlap; a
  header cell over several columns is a merged cell (its text in the first column).
- Numbers: what the recognizer confuses in figures (O/0, l/1, 。/.) is read by the number grammar,
  only between digits, and such a figure is flagged `ocr_corrected`.
"""
from __future__ import annotations

import math
import os
import re
import threading
from dataclasses import dataclass, field
from statistics import median
from typing import Optional

from extractors.pdf_tables import PdfTable, score_rows
from extractors.rule_tables import LABEL_MARKER
from pipeline.core.cells import parse_cell
from schemas.records import DocumentError

OCR_DPI = (150, 300)      # rendered at the scan's own resolution within these bounds: finer gains nothing
MAX_SIDE = 4000           # pixels: the recognizer's own limit (2000) would shrink an A4 page at 200 dpi
DOUBTFUL = 0.96           # a box read with less confidence than this is flagged, never silently trusted
MIN_TEXT_CHARS = 10       # a page with fewer characters in its text layer (and an image) is a scan


@dataclass
class OcrBox:
    """One run of text the recognizer read, in PDF points of its page (top-left origin)."""

    text: str
    confidence: float
    x0: float
    top: float
    x1: float
    bottom: float
    corrected: bool = False  # the number grammar changed a character of a figure
    page_box: Optional[tuple] = None  # where it stands on the page, when x0 … are turned back by the skew

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class OcrProvenance:
    """Where a line or cell of an OCR'd page stands and how sure the recognizer was of it."""

    bbox: tuple[float, float, float, float]
    confidence: float
    corrected: bool = False


@dataclass
class OcrPage:
    lines: list[dict] = field(default_factory=list)  # text, top, bottom, x0, x1, ocr (OcrProvenance)
    tables: list[PdfTable] = field(default_factory=list)


# ---------------------------------------------------------------- the recognizer

class Recognizer:
    """RapidOCR, loaded on first use (a second or so) and then kept for the process: a batch
    worker reads many pages with one. Threads of a batch share it under a lock (one onnxruntime
    session per model); processes each have their own."""

    def __init__(self, threads: Optional[int] = None):
        self.threads = threads if threads is not None else _threads_from_env()
        self._engine = None
        self._lock = threading.Lock()

    def __call__(self, image) -> list[tuple[list, str, float]]:
        with self._lock:
            if self._engine is None:
                try:
                    from rapidocr_onnxruntime import RapidOCR

                    self._engine = RapidOCR(max_side_len=MAX_SIDE, intra_op_num_threads=self.threads,
                                            inter_op_num_threads=1)
                except (ImportError, OSError) as exc:  # a platform without onnxruntime's wheel
                    raise DocumentError("needs_ocr", f"a scanned page, and OCR cannot start here: "
                                                     f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
            result, _ = self._engine(image)
        return result or []


def switched_on(name: str) -> bool:
    """An on/off setting in the environment: on unless off, 0, no or false."""
    return os.environ.get(name, "on").strip().lower() not in ("off", "0", "no", "false")


def ocr_enabled() -> bool:
    """OCR of pages without a text layer is on unless BULLETINS_OCR is off."""
    return switched_on("BULLETINS_OCR")


def _threads_from_env() -> int:
    """BULLETINS_OCR_THREADS, else all cores: a pool of workers sets 1 each, so that two workers
    do not fight over the same cores."""
    try:
        return int(os.environ.get("BULLETINS_OCR_THREADS", "") or -1)
    except ValueError:
        return -1


# a cache, not state: the models load once per process (a second or so), not per page; keyed by
# process, since a forked worker must not use its parent's onnxruntime sessions
_RECOGNIZERS: dict[int, Recognizer] = {}


def recognizer() -> Recognizer:
    """The process's recognizer."""
    return _RECOGNIZERS.setdefault(os.getpid(), Recognizer())


def _area(image: dict) -> float:
    """Points² an image covers on its page."""
    return max(0.0, float(image["x1"]) - float(image["x0"])) * max(0.0, float(image["bottom"]) - float(image["top"]))


def needs_ocr(page) -> bool:
    """A page whose text layer is (nearly) empty while an image covers much of it: a scan."""
    if len(page.chars) >= MIN_TEXT_CHARS:
        return False
    return sum(map(_area, page.images)) >= 0.1 * (float(page.width) * float(page.height) or 1.0)


def render_dpi(page) -> float:
    """The resolution of the page's largest image (its pixels over its printed width), within
    OCR_DPI; 200 where the image does not tell."""
    best = max(page.images, key=_area, default=None)
    try:
        dpi = float(best["srcsize"][0]) / ((float(best["x1"]) - float(best["x0"])) / 72)
    except (TypeError, KeyError, ValueError, ZeroDivisionError, IndexError):
        return 200.0
    return min(max(dpi, OCR_DPI[0]), OCR_DPI[1])


def boxes_from_result(result, scale: float) -> list[OcrBox]:
    """RapidOCR's (quad, text, score) triples as boxes in PDF points."""
    out = []
    for quad, text, score in result:
        text = (text or "").strip()
        if not text:
            continue
        xs, ys = [p[0] / scale for p in quad], [p[1] / scale for p in quad]
        fixed, corrected = number_grammar(text)
        out.append(OcrBox(fixed, float(score), min(xs), min(ys), max(xs), max(ys), corrected))
    return _split_stacked(out)


def _split_stacked(boxes: list[OcrBox]) -> list[OcrBox]:
    """In a page of horizontal text, a tall narrow box of several characters is the detector
    reading down a column of a dense table (粮食 / 鲜菜 / 畜肉 / 水产品 give 食菜肉品): its characters
    belong to as many rows, and are cut apart by height."""
    horizontal = sum(1 for b in boxes if (b.x1 - b.x0) > b.height)
    if horizontal < len(boxes) / 2:
        return boxes  # vertical writing: left as read
    out = []
    for b in boxes:
        n = len(b.text)
        if n >= 2 and b.height > 1.8 * (b.x1 - b.x0):
            step = b.height / n
            out.extend(OcrBox(ch, b.confidence, b.x0, b.top + k * step, b.x1, b.top + (k + 1) * step, b.corrected)
                       for k, ch in enumerate(b.text))
        else:
            out.append(b)
    return out


# ---------------------------------------------------------------- the number grammar

_DIGITISH = r"[\dOoIl|]"
# a letter for a digit only beside a digit it continues (6O.4%, 28lO50, 2O2O年); a letter that
# leads (Q1, D3) is a word's, except l / I before two or more digits (l2.5亿元)
_AS_ZERO = re.compile(r"(?<=[\d.])[Oo](?=[\d.%Oo]|$)|(?<=\d)[Oo]")  # never Q or D: 2020Q1, 3D打印
_AS_ONE = re.compile(r"(?<=[\d.])[Il|](?=[\d.%Il|]|$)|(?<=\d)[Il|]|(?<![A-Za-z])[Il|](?=\d[\d.]+)")
_AS_POINT = re.compile(r"(?<=\d)[。·，,](?=\d{1,2}%)|(?<=\d)[。·](?=\d)")
_SPACE_AFTER_POINT = re.compile(r"(?<=\d\.)\s+(?=\d)|(?<=\d)\s+(?=\.\d)")
_FIGURE_RUN = re.compile(rf"[-+]?{_DIGITISH}[\dOoIl|.。·，,\s]*%?")


def number_grammar(text: str) -> tuple[str, bool]:
    """Characters the recognizer confuses inside figures, read as the figure's grammar requires:
    a letter O between or beside digits is 0, l / I / | there is 1, 。 or · between digits is a
    decimal point; a space after a decimal point goes. Letters in words (ID, OK) are left, since
    only runs holding a real digit are touched. Returns the text and whether a character changed."""
    changed = False

    def fix(match: re.Match) -> str:
        nonlocal changed
        run = match.group(0)
        if not re.search(r"\d", run):
            return run
        fixed = _SPACE_AFTER_POINT.sub("", run)
        for _ in range(3):  # each mended letter can make its neighbour a letter beside a digit
            fixed = _AS_POINT.sub(".", _AS_ONE.sub("1", _AS_ZERO.sub("0", fixed)))
        if fixed.replace(" ", "") != run.replace(" ", ""):
            changed = True
        return fixed

    out = _FIGURE_RUN.sub(fix, text)
    return out, changed


# ---------------------------------------------------------------- layout

def read_page(image, scale: float, page_number: int, recognize: Optional[Recognizer] = None) -> OcrPage:
    """A rendered page (numpy BGR at `scale` pixels per point) as lines and tables."""
    boxes = boxes_from_result(recognized(image, recognize or recognizer()), scale)
    return lay_out(boxes, page_number)


ENGINE = "rapidocr-onnxruntime-1.4/PP-OCRv4"  # what a cached reading was made by


def recognized(image, recognize) -> list:
    """The recognizer's (quad, text, score) for a page image, kept in the cache folder under the
    image's digest: a scan read once is not read again (13 s of a core a page) when it is loaded
    into another warehouse, replaced, or met again inside another PDF. A damaged entry is read
    afresh; BULLETINS_OCR_CACHE=off reads every time."""
    import hashlib
    import json

    from pipeline.core.cache import cache_dir

    use_cache = switched_on("BULLETINS_OCR_CACHE")
    digest = hashlib.sha256(f"{ENGINE}|{image.shape}".encode() + image.tobytes()).hexdigest()
    path = cache_dir() / "ocr" / digest[:2] / f"{digest}.json"
    if use_cache:
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            if cached.get("engine") == ENGINE and isinstance(cached.get("boxes"), list):
                return [(quad, text, score) for quad, text, score in cached["boxes"]]
        except (OSError, ValueError, TypeError):
            pass  # none yet, or damaged: read afresh
    result = [([[float(x), float(y)] for x, y in quad], str(text), float(score)) for quad, text, score in
              recognize(image)]
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"engine": ENGINE, "boxes": result}, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)  # whole or not at all: a reader never sees half an entry
        except OSError:
            pass  # a cache that cannot be written costs time, never a reading
    return result


def lay_out(boxes: list[OcrBox], page_number: int) -> OcrPage:
    """Rows of boxes, then runs of rows laid out in columns as tables, the rest as lines."""
    page = OcrPage()
    if not boxes:
        return page
    boxes = deskewed(boxes)
    rows = _rows(boxes)
    height = median(b.height for b in boxes)
    segmented = [_segments(r, height) for r in rows]
    for kind, run in _runs(segmented, height):
        if kind == "table":
            table, after = _table(run, page_number, height)
            if table is not None:
                page.tables.append(table)
                run = after  # a heading right under the table is no row of it
        for segments in run:
            line = _line(segments, height)
            if not BARE_FIGURES.fullmatch(line["text"]):
                page.lines.append(line)
    _mark_paragraphs(page.lines, height)
    return page


# a line of figures with no word, unit or sign: a chart's axis or data labels, or a page number;
# written into the prose it would glue itself to the sentence that follows
BARE_FIGURES = re.compile(r"[\d\s.,，、:/—–-]+")


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _mark_paragraphs(lines: list[dict], height: float) -> None:
    """Where a paragraph starts, which a text layer's spacing tells and a scan's does not: a line
    indented past the left margin (a paragraph's first line is indented by two characters), and
    lines of bare figures with no word (a chart's axis and labels), which are no part of the
    sentences around them."""
    if not lines:
        return
    margin = sorted(ln["indent"] for ln in lines)[len(lines) // 10]
    for k, ln in enumerate(lines):
        bare = not _CJK.search(ln["text"]) and len(re.findall(r"\d+(?:\.\d+)?", ln["text"])) >= 2
        if ln["indent"] > margin + 1.5 * height or bare:
            ln["paragraph"] = True
            if bare and k + 1 < len(lines):
                lines[k + 1]["paragraph"] = True


def skew_angle(boxes: list[OcrBox]) -> float:
    """The page's skew, in radians: the angle within ±2° at which the boxes' centres, turned back,
    fall into the fewest, fullest rows (a projection profile). The boxes' own slopes cannot tell:
    the detector draws many of them level whatever the page."""
    import numpy as np

    if len(boxes) < 3:
        return 0.0
    cx = np.array([(b.x0 + b.x1) / 2 for b in boxes])
    cy = np.array([(b.top + b.bottom) / 2 for b in boxes])
    weight = np.array([b.x1 - b.x0 for b in boxes])
    best, best_score = 0.0, -1.0
    for degrees in sorted(np.arange(-2.0, 2.0001, 0.05), key=abs):  # level first: ties stay level
        a = math.radians(degrees)
        levels = cy * math.cos(a) - cx * math.sin(a)
        counts = np.bincount(((levels - levels.min()) / 2.0).astype(int), weights=weight)
        score = float((counts ** 2).sum())
        if score > best_score * 1.0001:
            best, best_score = a, score
    return best


def deskewed(boxes: list[OcrBox]) -> list[OcrBox]:
    """The boxes turned back by the page's skew, each keeping where it stands on the page for
    provenance: a sheet fed askew tilts rows and columns alike."""
    angle = skew_angle(boxes)
    if abs(angle) < 1e-4:
        return boxes
    cos, sin = math.cos(angle), math.sin(angle)
    out = []
    for b in boxes:
        cx, cy = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
        x, y = cx * cos + cy * sin, cy * cos - cx * sin
        w, h = (b.x1 - b.x0) / 2, b.height / 2
        out.append(OcrBox(b.text, b.confidence, x - w, y - h, x + w, y + h, b.corrected,
                          (b.x0, b.top, b.x1, b.bottom)))
    return out


def _rows(boxes: list[OcrBox]) -> list[list[OcrBox]]:
    """Boxes (deskewed) grouped into rows: a box joins the row whose median band it overlaps by
    half its height. The band is the median of the row's boxes, so a row cannot drift down into
    the next one box by box (as a running mean would, in a dense table)."""
    ordered = sorted(boxes, key=lambda b: (b.top + b.bottom) / 2)
    rows: list[list[OcrBox]] = []
    for b in ordered:
        if rows:
            top, bottom = median(x.top for x in rows[-1]), median(x.bottom for x in rows[-1])
            overlap = min(bottom, b.bottom) - max(top, b.top)
            if overlap >= 0.5 * min(b.height, bottom - top):
                rows[-1].append(b)
                continue
        rows.append([b])
    return [sorted(r, key=lambda b: b.x0) for r in rows]


def _segments(row: list[OcrBox], height: float, join: float = 0.8) -> list[list[OcrBox]]:
    """A row's boxes joined where the gap between them is narrower than `join` characters: one
    phrase. Tables are cut finer: two header cells written from their left edges stand closer."""
    out: list[list[OcrBox]] = []
    for b in row:
        if out and b.x0 - out[-1][-1].x1 < join * height and not _is_figure(b.text) and not _is_figure(out[-1][-1].text):
            out[-1].append(b)
        else:
            out.append([b])
    return out


def _is_figure(text: str) -> bool:
    return parse_cell(text) is not None


def _text(segment: list[OcrBox]) -> str:
    return "".join(b.text for b in segment)


def _provenance(segment: list[OcrBox]) -> OcrProvenance:
    """The phrase's box on the page (not turned back by the skew) and the recognizer's least sure."""
    boxes = [b.page_box or (b.x0, b.top, b.x1, b.bottom) for b in segment]
    return OcrProvenance((round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
                          round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1)),
                         round(min(b.confidence for b in segment), 3), any(b.corrected for b in segment))


def _line(segments: list[list[OcrBox]], height: float) -> dict:
    """A row of prose: its phrases joined with a space where a wide gap parts them."""
    text = ""
    for k, seg in enumerate(segments):
        gap = seg[0].x0 - segments[k - 1][-1].x1 if k else 0
        text += (" " if k and gap > height else "") + _text(seg)
    flat = [b for s in segments for b in s]
    prov = _provenance(flat)
    return {"text": text, "top": prov.bbox[1], "bottom": prov.bbox[3], "x0": prov.bbox[0], "x1": prov.bbox[2],
            "ocr": prov, "indent": min(b.x0 for b in flat)}


def _runs(rows: list[list[list[OcrBox]]], height: float):
    """("table", rows) for runs of rows of two or more phrases of which at least two hold a
    figure; ("text", rows) for the rest. A row of one phrase inside a run (a wrapped name, a
    group label) stays in the table when the rows after it go on with the table; one right above
    a run that touches its first row (a header cell merged down two rows stands between them) is
    the table's too."""
    tabular = [len(r) >= 2 for r in rows]
    tables: list[tuple[int, int]] = []
    i = 0
    while i < len(rows):
        if not tabular[i]:
            i += 1
            continue
        start = i
        while i < len(rows) and (tabular[i] or (i + 1 < len(rows) and tabular[i + 1] and i > start
                                                and _close(rows[i - 1], rows[i], height * 1.6))):
            i += 1
        while i < len(rows) and not tabular[i] and _close(rows[i - 1], rows[i], 0.45 * height):
            i += 1  # the last row's name wrapped onto a line of its own
        with_figures = sum(1 for r in rows[start:i] if sum(_is_figure(_text(s)) for s in r) >= 1 and len(r) >= 2)
        if with_figures >= 2:
            while start > (tables[-1][1] if tables else 0) and _close(rows[start - 1], rows[start], 0):
                start -= 1
            start = _header_above(rows, start, tables[-1][1] if tables else 0, height)
            tables.append((start, i))
    done = 0
    for start, end in tables:
        if start > done:
            yield "text", rows[done:start]
        yield "table", rows[start:end]
        done = end
    if done < len(rows):
        yield "text", rows[done:]


CAPTION_LIKE = re.compile(r"单位\s*[:：]|^表\s*\d|^附[件表]|情况|统计表|一览表|明细|汇总|[。；;：:]$")


def _header_above(rows, start: int, floor: int, height: float) -> int:
    """Where a table's header begins when its top cells are tall merged ones whose words sit far
    above the rest (县市区 | 引进项目 | 项目来源, then a gap, then 总数 | 1-5亿元项目 …): rows above
    the run with no figure, none a caption, unit line or sentence, at least one of two or more
    phrases (a header's shape, which a title has not) and none wider than half the table."""
    span = [b for r in rows[start:start + 3] for s in r for b in s]
    left, right = min(b.x0 for b in span), max(b.x1 for b in span)
    k = start
    while k > floor:
        row = rows[k - 1]
        text = "".join(_text(s) for s in row)
        if CAPTION_LIKE.search(text) or any(_is_figure(_text(s)) for s in row):
            break
        if len(row) == 1 and (row[0][-1].x1 - row[0][0].x0) > 0.5 * (right - left):
            break
        slack = max(3 * height, 0.05 * (right - left))  # a header word wider than its column's figures
        if min(b.x0 for s in row for b in s) < left - slack or max(b.x1 for s in row for b in s) > right + slack:
            break
        if not _close(rows[k - 1], rows[k], 15 * height):
            break
        k -= 1
    return k if any(len(r) >= 2 for r in rows[k:start]) else start


def _close(above: list[list[OcrBox]], below: list[list[OcrBox]], gap: float) -> bool:
    return min(b.top for s in below for b in s) - max(b.bottom for s in above for b in s) < gap


def _table(run: list[list[list[OcrBox]]], page_number: int, height: float) -> tuple[Optional[PdfTable], list]:
    """Rows and columns from the boxes: columns are the merged x-extents of the phrases of rows
    that hold figures; a phrase over several columns is a merged cell. Returns the table (or
    None) and the rows after its last that are no part of it."""
    run = [_segments([b for seg in r for b in seg], height, 0.3) for r in run]
    body = [r for r in run if any(_is_figure(_text(s)) for s in r) and len(r) >= 2]
    extents: list[list[float]] = []
    figures_in: list[set] = []  # the rows whose figures each extent holds
    phrases = sorted((s[0].x0, s[-1].x1, k, _is_figure(_text(s))) for k, r in enumerate(body) for s in r)
    for x0, x1, row, figure in phrases:
        # two figures of one row are two columns however close they stand
        if extents and x0 <= extents[-1][1] + 0.3 * height and not (figure and row in figures_in[-1]):
            extents[-1][1] = max(extents[-1][1], x1)
        else:
            extents.append([x0, x1])
            figures_in.append(set())
        if figure:
            figures_in[-1].add(row)
    if len(extents) < 2:
        return None, run

    def columns_of(seg: list[OcrBox]) -> list[int]:
        x0, x1 = seg[0].x0, seg[-1].x1
        covered = [k for k, (a, b) in enumerate(extents) if a >= x0 - height and b <= x1 + height]
        if len(covered) >= 2:
            return covered
        centre = (x0 + x1) / 2
        inside = [k for k, (a, b) in enumerate(extents) if a <= centre <= b]
        if inside:
            return inside[:1]
        # between columns: a header written from its cell's left edge over right-aligned figures
        # starts past the column before it
        return [next((k for k, (_, b) in enumerate(extents) if b >= x0 + 0.3 * height), len(extents) - 1)]

    width = len(extents)
    grid: list[list[str]] = []
    prov: list[list[Optional[OcrProvenance]]] = []
    spans: list[list[bool]] = []
    labels: list[Optional[tuple[float, float]]] = []  # the name cell's extent, turned back by the skew
    sources: list[list] = []  # the run's rows each grid row was made of
    centres: list[tuple[Optional[float], float]] = []  # (centre of its figures, centre of its text)
    inside: list[bool] = []  # every phrase within its column: no line reaching past it (a heading)
    first_body = next(i for i, r in enumerate(run) if any(r is b for b in body))
    for i, r in enumerate(run):
        cells, spanning = [""] * width, [False] * width
        members: list[list[OcrBox]] = [[] for _ in range(width)]
        placed = [(seg, columns_of(seg)) for seg in r]
        for seg, cols in placed:
            text = _text(seg)
            # two phrases in one cell join; where either is a figure, a space keeps them two, so
            # that they never read as one number
            glue = " " if cells[cols[0]] and (_is_figure(text) or _is_figure(cells[cols[0]])) else ""
            cells[cols[0]] += glue + text
            members[cols[0]].extend(seg)
            spanning[cols[0]] = len(cols) >= 2
        boxes = [_provenance(m) if m else None for m in members]
        within = all(cols[0] + 1 >= width or seg[-1].x1 <= extents[cols[0] + 1][0] + 0.3 * height
                     for seg, cols in placed)
        if 0 < i < first_body and within and _continues(grid[-1], spans[-1], cells, run[i - 1], r, height):
            _merge_row(grid, prov, sources, labels, len(grid) - 1, cells, boxes, r, members[0], after=True)
            continue
        figures = [b for seg in r if _is_figure(_text(seg)) for b in seg]
        centres.append((sum(_centre(b) for b in figures) / len(figures) if figures else None,
                        sum(_centre(b) for seg in r for b in seg) / sum(len(seg) for seg in r)))
        grid.append(cells)
        prov.append(boxes)
        spans.append(spanning)
        sources.append([r])
        labels.append((min(b.x0 for b in members[0]), max(b.x1 for b in members[0])) if members[0] else None)
        inside.append(within)
    # a name wrapped over lines beside figures centred in their cell: each line of no figure goes
    # to the row whose figures are nearer, before (its first line) or after (its last)
    body_start = next(k for k, (figure, _) in enumerate(centres) if figure is not None)
    k = body_start
    while k < len(grid):
        if centres[k][0] is not None or not inside[k]:
            k += 1
            continue
        text_centre = centres[k][1]
        before = text_centre - centres[k - 1][0] if k > body_start and centres[k - 1][0] is not None else math.inf
        after_ = centres[k + 1][0] - text_centre if k + 1 < len(grid) and centres[k + 1][0] is not None else math.inf
        # top-aligned cells: the name's next line sits tight under the row's first (only between
        # rows of the table: under its last row, a line that close is as likely a heading)
        tight = k > body_start and k + 1 < len(grid) and _close(sources[k - 1][-1], sources[k][0], 0.45 * height)
        if min(before, after_) >= 0.8 * height and not tight:
            k += 1  # a group label on a row of its own, or a heading under the table
            continue
        target = k - 1 if before <= after_ or tight else k + 1
        members0 = [b for r in sources[k] for seg in r for b in seg if columns_of([b])[0] == 0]
        _merge_row(grid, prov, sources, labels, target, grid[k], prov[k], sources[k][0], members0,
                   after=target < k)
        for rows in (grid, prov, spans, labels, sources, centres, inside):
            del rows[k]
    after: list = []
    while len(grid) > 1 and not any(_is_figure(c) for c in grid[-1] if c) and sum(1 for c in grid[-1] if c) == 1:
        after = sources.pop() + after  # a line under the table reaching past its column: a heading
        for rows in (grid, prov, spans, labels):
            rows.pop()
    indents = [_label_x(cells, extent) for cells, extent in zip(grid, labels)]
    grid, prov, spans, indents = _header_rows_joined(grid, prov, spans, indents, next(
        (k for k, r in enumerate(grid) if any(_is_figure(c) for c in r[1:] if c)), len(grid)))
    if score_rows(grid) <= 0 or all(not c or _is_figure(c) for row in grid for c in row):
        return None, run  # figures with no word beside them: a chart's labels, not a table
    kept = [b for rows in sources for r in rows for seg in r for b in seg]
    table = PdfTable(page=page_number, bbox=_provenance(kept).bbox, rows=grid,
                     method="ocr", quality=round(score_rows(grid), 2), row_pages=[page_number] * len(grid),
                     row_indents=_levels(indents, height))
    table.cell_provenance = prov
    return table, after


def _centre(b: OcrBox) -> float:
    return (b.top + b.bottom) / 2


def _merge_row(grid, prov, sources, labels, target: int, cells, boxes, row, name_boxes, after: bool) -> None:
    """Row `target` with a wrapped line's cells written after (or before) its own."""
    for k, text in enumerate(cells):
        if not text:
            continue
        grid[target][k] = grid[target][k] + text if after else text + grid[target][k]
        old, new = prov[target][k], boxes[k]
        prov[target][k] = new if old is None else OcrProvenance(
            (min(old.bbox[0], new.bbox[0]), min(old.bbox[1], new.bbox[1]),
             max(old.bbox[2], new.bbox[2]), max(old.bbox[3], new.bbox[3])),
            min(old.confidence, new.confidence), old.corrected or new.corrected)
    if after:
        sources[target].append(row)
    else:
        sources[target].insert(0, row)
    if name_boxes:
        extent = (min(b.x0 for b in name_boxes), max(b.x1 for b in name_boxes))
        old = labels[target]
        # the name starts where its first line starts
        labels[target] = extent if old is None or not after else (old[0], max(old[1], extent[1]))


def _levels(xs: list[Optional[float]], height: float) -> list[Optional[float]]:
    """Indents within half a character of each other are one level: a box's edge wavers by a
    few points where a text layer's does not."""
    known = sorted(x for x in xs if x is not None)
    level: dict[float, float] = {}
    for x in known:
        base = next((level[y] for y in reversed(list(level)) if x - level[y] <= 0.5 * height), x)
        level[x] = base
    return [level[x] if x is not None else None for x in xs]


def _label_x(cells: list[str], extent: Optional[tuple[float, float]]) -> Optional[float]:
    """Where a row's name starts, after a 其中： / # marker (its characters taken as equally wide):
    rows written under a parent stand further right, as in the PDF reader's tables."""
    if not cells or not cells[0] or extent is None:
        return None
    x0, x1 = extent
    marker = LABEL_MARKER.match(cells[0])
    return round(x0 + (x1 - x0) * (len(marker.group(0)) / len(cells[0]) if marker else 0), 1)


def _header_rows_joined(grid, prov, spans, indents, first_body: int):
    """Header rows whose cells do not collide are one row: a header cell merged down over two
    rows stands, centred, between them, and reads as a row of its own."""
    while first_body > 1 and all(not (a and b) for a, b in zip(grid[0], grid[1])):
        grid[0] = [a or b for a, b in zip(grid[0], grid[1])]
        prov[0] = [a or b for a, b in zip(prov[0], prov[1])]
        spans[0] = [a or b for a, b in zip(spans[0], spans[1])]
        indents[0] = indents[0] if indents[0] is not None else indents[1]
        del grid[1], prov[1], spans[1], indents[1]
        first_body -= 1
    return grid, prov, spans, indents


def _continues(above: list[str], above_spans: list[bool], cells: list[str], above_boxes, row,
               height: float) -> bool:
    """A header row that is the wrapped second line of the row above: close under it, and text
    only in columns where the row above has text of its own (not a merged header over columns,
    whose sub-headers stand below it)."""
    if any(_is_figure(c) for c in cells if c):
        return False
    if not _close(above_boxes, row, 0.45 * height):
        return False
    filled = [k for k, c in enumerate(cells) if c]
    return bool(filled) and all(above[k] and not above_spans[k] for k in filled)


# ---------------------------------------------------------------- provenance of facts

PER_MILLE = re.compile(r"(出生|死亡|自然增长|生育)率$")  # measures stated per mille (‰) by definition

def attach_provenance(facts, pdf, raw_line: "callable") -> int:
    """Facts read from OCR'd pages: extractor `ocr`, the box of their cell or line, the
    recognizer's confidence, and flags where it doubted (`ocr_doubtful`) or the number grammar
    mended a character (`ocr_corrected`). raw_line(fact.line) → the reader's line index.
    Returns how many figures were doubted."""
    from pipeline.core.normalize import normalize_chars

    pages = set(pdf.ocr_pages)
    if not pages:
        return 0
    spans = [(first, first + len(t.rows), t) for first, t in pdf.tables.items()]
    row_cells: dict[int, list[str]] = {}  # a row's cells as the table stage saw them, once a row
    doubted = 0
    for f in facts:
        if f.page not in pages:
            if "ocr" in f.extractor.split("+"):  # a row on a text page of a table begun on a scan
                f.extractor = "+".join(p for p in f.extractor.split("+") if p != "ocr")
            continue
        f.extractor = "ocr"
        raw = raw_line(f.line) if f.line else None
        prov = pdf.line_provenance.get(raw)
        if f.source_kind == "table" and raw is not None:
            for first, end, table in spans:
                if first <= raw < end and table.cell_provenance:
                    row = table.rows[raw - first]
                    boxes = table.cell_provenance[raw - first]
                    if raw not in row_cells:
                        row_cells[raw] = [normalize_chars(c or "").replace("\n", "").strip() for c in row]
                    cells = row_cells[raw]
                    # the fact's own column first: two cells of a row may hold the same figure
                    k = f.col - 1 if f.col and 0 < f.col <= len(cells) and cells[f.col - 1] == f.quote else None
                    if k is None:
                        k = next((k for k, c in enumerate(cells) if c and c == f.quote), None)
                    if k is None:
                        k = next((k for k, c in enumerate(cells) if c and f.raw and f.raw in c), None)
                    prov = boxes[k] if k is not None and k < len(boxes) else None
                    # the row's name is read from another cell: a doubted name is a doubted entity
                    names = [b for c, b in zip(cells[:k or 0], boxes) if b is not None and c and not _is_figure(c)]
                    if any(b.confidence < DOUBTFUL for b in names):
                        f.flags.append("ocr_doubtful_entity")
                        f.confidence = round(min(f.confidence, min(b.confidence for b in names)), 3)
                    break
        if f.unit == "%" and f.metric and PER_MILLE.search(f.metric):
            # the recognizer reads ‰ as %: a per-mille measure keeps no unit rather than a tenfold one
            f.unit = f.unit_base = f.value_base = None
            f.flags.append("ocr_unit_doubtful")
        if prov is None:
            continue
        f.bbox = prov.bbox
        f.confidence = round(min(f.confidence, prov.confidence), 3)
        if prov.confidence < DOUBTFUL:
            f.flags.append("ocr_doubtful")
            doubted += 1
        if prov.corrected:
            f.flags.append("ocr_corrected")
    return doubted
