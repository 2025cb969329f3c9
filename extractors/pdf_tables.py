"""Table candidates on a PDF page, one parser per strategy, each scored; the best is kept.

- ruled tables: pdfplumber's lines strategy (fast, exact on Word exports); camelot lattice is
  asked as well only where pdfplumber's table scores poorly.
- unruled tables (figures aligned by spacing): found from aligned numeric text lines, then read
  by pdfplumber's text strategy and by camelot stream; the better-scoring one is kept and the
  cells on which the two disagree are flagged.

The score (0..1) weighs: a header above the first row of figures, figure columns whose cells
parse as numbers, rows that align with the table's usual width, and total rows that add up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import mode
from typing import Optional

from rapidfuzz import fuzz

from extractors.rendering import PDFIUM_LOCK
from extractors.rule_tables import horizontal_rules, lines_of_words, read_region, ruled_regions
from pipeline.core.cells import is_empty_marker, parse_cell
from pipeline.core.normalize import normalize_chars
from pipeline.core.vocabulary import GRAND_TOTAL_ROW

MARGIN = 0.075  # share of the page height that holds running headers and footers



def cell_text(text: Optional[str]) -> str:
    """Text wrapped inside a cell joins without a space ("全年计划投\\n资" → 全年计划投资)."""
    if not text:
        return ""
    text = re.sub(r"(?<=[A-Za-z])\n(?=[A-Za-z])", " ", text)  # Latin words keep their space; "534.2\n4" is 534.24
    return text.replace("\n", "").replace("\t", " ").strip()


@dataclass
class PdfTable:
    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (pdfplumber coordinates)
    rows: list[list[Optional[str]]]
    method: str
    quality: float
    row_pages: list[int] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    disagreements: list[tuple[int, int, str, str]] = field(default_factory=list)  # row, col, kept, other
    last_page: int = 0  # where a table that runs over pages ends
    last_bottom: float = 0.0
    row_indents: list = field(default_factory=list)  # x of each row's label text (after 其中 / #), or None
    columns: list = field(default_factory=list)  # x of the column boundaries, to join a table's parts over pages
    cell_provenance: list = field(default_factory=list)  # OCR: each cell's box and confidence (extractors.ocr)

    def __post_init__(self):
        self.last_page = self.last_page or self.page
        self.last_bottom = self.last_bottom or self.bbox[3]

    def cell_rows(self) -> list[list[str]]:
        """The rows' cell texts, wrapped text rejoined ("全年计划投\n资" → 全年计划投资)."""
        return [[cell_text(c) for c in row] for row in self.rows]


def _clean(cell: Optional[str]) -> str:
    if not cell:
        return ""
    return normalize_chars(re.sub(r"\s*\n\s*", "", cell)).strip()


def score_rows(rows: list[list[Optional[str]]]) -> float:
    """How table-like a candidate grid is (0..1). A cell holding several figures on lines of their
    own is a grid that missed its rows (one cell over a whole column): never a table, since
    joined they would read as one huge number."""
    if any(_stacked_figures(c) for r in rows for c in r):
        return 0.0
    grid = [[_clean(c) for c in r] for r in rows if any(_clean(c) for c in r)]
    if len(grid) < 2 or max(len(r) for r in grid) < 2:
        return 0.0
    numeric_rows = [i for i, r in enumerate(grid) if sum(parse_cell(c) is not None for c in r[1:]) >= 1]
    if not numeric_rows:
        return 0.0
    header = 1.0 if numeric_rows[0] > 0 else 0.0
    body = grid[numeric_rows[0]:]
    cols = max(len(r) for r in body)
    figure_cols = [c for c in range(1, cols) if sum(1 for r in body if c < len(r) and parse_cell(r[c]) is not None) >= max(1, len(body) // 3)]
    cells = [r[c] for r in body for c in figure_cols if c < len(r) and r[c]]
    numeric = sum(1 for v in cells if parse_cell(v) is not None or is_empty_marker(v)) / max(1, len(cells))
    widths = [sum(1 for c in r if c) for r in body]
    usual = mode(widths)
    aligned = sum(1 for w in widths if abs(w - usual) <= max(1, usual // 4)) / len(widths)
    totals = 1.0
    for r in body:
        if r and GRAND_TOTAL_ROW.match(r[0]):
            totals = _totals_ok(r, body, figure_cols)
            break
    return round(0.3 * header + 0.4 * numeric + 0.2 * aligned + 0.1 * totals, 3)


def _stacked_figures(cell: Optional[str]) -> bool:
    """Figures on lines of their own in one cell ("866.60\n392.66\n473.94"), not one figure the
    cell's width wrapped ("534.2\n4": its lines but the last fill the cell alike)."""
    parts = [p.strip() for p in (cell or "").split("\n") if p.strip()]
    if len(parts) < 2 or not all(parse_cell(normalize_chars(p)) is not None for p in parts):
        return False
    if parse_cell(normalize_chars("".join(parts))) is None or sum("." in p for p in parts) >= 2:
        return True
    return len(parts) >= 3 and len({len(p) for p in parts[:-1]}) > 1


def _totals_ok(total_row, body, cols) -> float:
    ok = checked = 0
    for c in cols:
        t = parse_cell(total_row[c]) if c < len(total_row) else None
        if not t or t[1] == "%":
            continue
        parts = [parse_cell(r[c]) for r in body if r is not total_row and c < len(r) and r[0]]
        parts = [p[0] for p in parts if p]
        if len(parts) < 2:
            continue
        checked += 1
        ok += abs(sum(parts) - t[0]) <= max(0.01 * abs(t[0]), 0.01 * len(parts))
    return ok / checked if checked else 1.0


FIGURE_TOKEN = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")


def may_hold_unruled_table(lines: list[dict]) -> bool:
    """Cheap test on the page's text lines: two consecutive lines with three or more separate
    figures are what an unruled table looks like; only then are words placed column by column."""
    run = narrow = 0
    for ln in lines:
        figures = sum(1 for tok in ln["text"].split() if FIGURE_TOKEN.match(tok))
        run = run + 1 if figures >= 3 else 0
        narrow = narrow + 1 if NARROW_ROW.match(ln["text"]) else 0
        if run >= 2 or narrow >= NARROW_RUN:
            return True
    return False


# a row of a table with one or two figure columns: a short label, then only figures (川汇区 120.5 8.1);
# no sentence punctuation, so a justified line of prose ending in a number is no such row
NARROW_ROW = re.compile(r"^[^\d\s，。；;：:,、！？][^\d，。；;：:,、！？]{0,24}?(?:\s+[-+]?[\d,]*\.?\d+%?){1,2}$")
NARROW_RUN = 3  # rows in a row: fewer is a list in prose as likely as a table


def ruled_tables(page, number: int, camelot_path: Optional[str] = None) -> list[PdfTable]:
    found = []
    for t in page.find_tables():
        rows = t.extract()
        quality = score_rows(rows)
        if quality == 0.0:
            continue
        table = PdfTable(number, tuple(t.bbox), rows, "pdfplumber-lines", quality, [number] * len(rows))
        if quality < 0.6 and camelot_path:
            other = _camelot(camelot_path, page, number, "lattice", t.bbox)
            if other and other.quality > quality:
                other.flags.append("pdfplumber_scored_lower")
                table, other = other, table
            if other:  # both ran: the cells they read differently are reported
                table.disagreements = _disagreements(table.rows, other.rows)
                if table.disagreements:
                    table.flags.append(f"extractors_disagree:{len(table.disagreements)}")
        found.append(table)
    return found


def three_line_tables(page, number: int, camelot_path: Optional[str], ruled: list[PdfTable]) -> list[PdfTable]:
    """Tables bounded by horizontal rules (extractors/rule_tables.py), where pdfplumber's lines
    strategy found no better table. Camelot's stream flavour, given the region, is asked as well
    when the rules' own reading scores below 0.8; the better scoring reading is kept and the
    losing one named in the table's flags."""
    found = []  # a grid the lines strategy read is its table: its rules bound no second one
    for region in ruled_regions(page, horizontal_rules(page), [t.bbox for t in ruled]):
        read = read_region(page, region)
        if read is None:
            continue
        rows, indents, how, bounds = read
        bbox = (region.x0, region.top, region.x1, region.bottom)
        table = PdfTable(number, bbox, rows, how, score_rows(rows), [number] * len(rows), row_indents=indents,
                         columns=bounds)
        if table.quality < 0.8 and camelot_path:
            other = _camelot(camelot_path, page, number, "stream", bbox)
            if other and other.quality > table.quality:
                other.flags.append(f"won_over:{how}={table.quality}")
                table = other
            elif other:
                table.flags.append(f"won_over:camelot-stream={other.quality}")
        if table.quality >= 0.5:
            found.append(table)
    # rules of several extents in one table (a partial rule under a header group, 重点在建项目数 over
    # two columns) bound regions inside it: the widest reading of a place is the table, once
    kept: list[PdfTable] = []
    for table in sorted(found, key=lambda t: (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1]), reverse=True):
        if not any(overlapping(table.bbox, k.bbox) for k in kept):
            kept.append(table)
    return sorted(kept, key=lambda t: t.bbox[1])


def overlapping(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def unruled_tables(page, number: int, camelot_path: Optional[str], ruled: list[PdfTable]) -> list[PdfTable]:
    found = []
    for region in _aligned_regions(page, [t.bbox for t in ruled]):
        candidates = [c for c in (_aligned_words(page, number, region), _plumber_text(page, number, region),
                                  _camelot(camelot_path, page, number, "stream", region) if camelot_path else None) if c]
        if candidates:
            best = max(candidates, key=lambda c: c.quality)
            others = [c for c in candidates if c is not best and c.method.startswith("camelot")] or \
                [c for c in candidates if c is not best]
            if others:
                other = others[0]
                best.disagreements = _disagreements(best.rows, other.rows)
                if best.disagreements:
                    best.flags.append(f"extractors_disagree:{len(best.disagreements)}")
            if best.quality >= 0.5:
                found.append(best)
    return found


def _aligned_regions(page, ruled: list) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of consecutive text lines whose words are spread in columns with figures,
    plus the header line right above them: where unruled tables sit (outside ruled tables)."""
    words = [w for w in page.extract_words(keep_blank_chars=False, x_tolerance=1.5, y_tolerance=2)
             if not any(b[0] - 1 <= w["x0"] <= b[2] + 1 and b[1] - 1 <= w["top"] <= b[3] + 1 for b in ruled)]
    rows = []
    for ws in lines_of_words(words):
        gaps = [b["x0"] - a["x1"] for a, b in zip(ws, ws[1:])]
        wide = sum(1 for g in gaps if g > 12)
        numbers = sum(1 for w in ws if parse_cell(normalize_chars(w["text"])) is not None)
        rows.append((ws, wide, numbers))
    spread = _runs(rows, lambda ws, wide, numbers: wide >= 2 and numbers >= 2, 2, bridge=True)
    found = [max(spread, key=lambda b: b[3] - b[1])] if spread else []  # the tallest, as before
    # tables of one or two figure columns: short labels, then figures far to their right whose
    # right edges line up row after row (figures are right-aligned; prose does not line up so)
    return found + [b for b in _runs(rows, _narrow_row, NARROW_RUN, aligned=True, keep=_not_page_numbers)
                    if not any(overlapping(b, f) for f in found)]


def _not_page_numbers(run_rows) -> bool:
    """A table of contents (综合 1 / 农业 3 / 工业 5) lines up like a table of one figure column:
    whole numbers rising down the page are its page numbers."""
    last = [parse_cell(normalize_chars(ws[-1]["text"])) for ws, _, _ in run_rows]
    values = [v[0] for v in last if v is not None]
    return not (values and all(float(v).is_integer() for v in values) and all(a < b for a, b in zip(values, values[1:])))


def _narrow_row(ws, wide, numbers) -> bool:
    """A short label (spaced letters allowed: 江 安 县) and then only one or two figures, the first
    far to its right."""
    if not 1 <= numbers <= 2 or len(ws) <= numbers:
        return False
    label, figures = ws[:-numbers], ws[-numbers:]
    text = "".join(normalize_chars(w["text"]) for w in label)
    return all(parse_cell(normalize_chars(w["text"])) is not None for w in figures) and parse_cell(text) is None \
        and not re.search(r"[\d，。；;：:,、！？]", text) and len(text) <= 20 and figures[0]["x0"] - label[-1]["x1"] > 12


def _runs(rows, is_row, least: int, aligned: bool = False, keep=lambda run_rows: True,
          bridge: bool = False) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of the runs of at least `least` consecutive rows that is_row accepts (with
    the header lines right above each: words spread in columns, no figures); aligned: the rows'
    last words end at one x; bridge: a name wrapped onto a line of its own (left of the figures,
    no figure in it) between two rows does not end the run."""
    boxes, run, pending = [], [], []
    for i, (ws, wide, numbers) in enumerate(rows + [([], 0, 0)]):
        if is_row(ws, wide, numbers) and (not aligned or not run or abs(ws[-1]["x1"] - rows[run[0]][0][-1]["x1"]) <= 3):
            run.extend(pending + [i])
            pending = []
            continue
        if bridge and run and len(pending) < 2 and _wrapped_name_line(ws, numbers, rows[run[-1]][0]):
            pending.append(i)
            continue
        # a wrapped line after the last row belongs to it only when it sits tight under it
        run.extend(j for j in pending[:1] if _tight_under(rows[j][0], rows[j - 1][0]))
        pending = []
        if len([j for j in run if is_row(*rows[j])]) >= least and keep([rows[j] for j in run]):
            above = rows[run[0] - 1] if run[0] > 0 else None
            header = above and (above[1] >= 1 and not above[2] if aligned else above[1] >= 2)
            if bridge and not header and above and above[1] >= 1 and not above[2] and _close_above(above[0], rows[run[0]][0]) \
                    and run[0] > 1 and rows[run[0] - 2][1] >= 2 and not rows[run[0] - 2][2] \
                    and _close_above(rows[run[0] - 2][0], above[0]):
                header = True  # "计划投资 完成投资" under "序号 项目名称 总投资 2023年 1-5月": the header's second line
            start = run[0] - 1 if header else run[0]
            while bridge and header and start > 0 and run[0] - start < 3:  # 年度计划 over 投资额: header lines
                above = rows[start - 1]
                if not (above[1] >= 1 and not above[2] and _close_above(above[0], rows[start][0])):
                    break
                start -= 1
            boxes.append((min(w["x0"] for j in range(start, run[-1] + 1) for w in rows[j][0]),
                          min(w["top"] for w in rows[start][0]),
                          max(w["x1"] for j in range(start, run[-1] + 1) for w in rows[j][0]),
                          max(w["bottom"] for w in rows[run[-1]][0])))
        run = [i] if i < len(rows) and is_row(ws, wide, numbers) else []
    return boxes


def _gap_in_lines(upper: list[dict], lower: list[dict]) -> float:
    """The blank between two text lines, in heights of the upper line."""
    height = max(w["bottom"] - w["top"] for w in upper) or 1
    return (min(w["top"] for w in lower) - max(w["bottom"] for w in upper)) / height


def _close_above(upper: list[dict], lower: list[dict]) -> bool:
    """A header line sits within two line heights of the line under it (a title further up does not)."""
    return _gap_in_lines(upper, lower) <= 2


def _tight_under(lower: list[dict], upper: list[dict]) -> bool:
    """Closer under the line above than rows sit apart: the gap is under 0.6 of a line's height."""
    return _gap_in_lines(upper, lower) <= 0.6


TOTAL_LABEL = re.compile(r"^(合\s*计|总\s*计|小\s*计|全市|全县|全区|全省|全州)")
# lines that are no cell's wrapped text: a note, a source, a caption, a category row (一、新开工项目)
NOT_A_WRAPPED_CELL = re.compile(r"^\s*(注|说明|备注|附注|数据来源|资料来源|来源|表\s*[\d一二三四五六七八九十]|续表"
                                r"|[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）])")


def _wrapped_name_line(ws: list[dict], numbers: int, row: list[dict]) -> bool:
    """The rest of a cell's text wrapped onto a line of its own: no figure, a few words, all left
    of the figures of the row above (a header or a title spans the figure columns), each starting
    where a text cell of that row starts (left-aligned cells; a caption or a note starts elsewhere)."""
    if not ws or numbers or len(ws) > 4 or NOT_A_WRAPPED_CELL.match(ws[0]["text"]):
        return False
    first_text = next((k for k, w in enumerate(row) if parse_cell(normalize_chars(w["text"])) is None), None)
    if first_text is None or TOTAL_LABEL.match(normalize_chars(row[first_text]["text"]).replace(" ", "")):
        return False  # (a total row's label does not wrap: a line under it is a note)
    figures = [w for w in row[first_text + 1:] if parse_cell(normalize_chars(w["text"])) is not None]
    starts = [w["x0"] for w in row[first_text:] if parse_cell(normalize_chars(w["text"])) is None]
    return bool(figures) and all(w["x1"] <= figures[0]["x0"] for w in ws) \
        and all(any(abs(w["x0"] - x) <= 3 for x in starts) for w in ws)


def _aligned_words(page, number, region) -> Optional[PdfTable]:
    """Columns from the x-extents of the words in body rows; a column reaches from the right edge
    of the one before it to its own right edge (figures are right-aligned, headers left- or
    centre-aligned), and every word, header words included, goes where its centre falls."""
    crop = page.crop((region[0] - 2, region[1] - 2, region[2] + 2, region[3] + 2))
    lines = lines_of_words(crop.extract_words(x_tolerance=1.5, y_tolerance=2))
    body = [ln for ln in lines if sum(parse_cell(normalize_chars(w["text"])) is not None for w in ln) >= 2]
    if len(body) < 2:  # a table of one figure column: its rows are a label and a figure
        body = [ln for ln in lines if len(ln) == 2 and parse_cell(normalize_chars(ln[1]["text"])) is not None]
    if len(body) < 2:
        return None
    spans: list[list[float]] = []
    for ln in body:
        for w in ln:
            for s in spans:
                if w["x0"] <= s[1] and w["x1"] >= s[0]:
                    s[0], s[1] = min(s[0], w["x0"]), max(s[1], w["x1"])
                    break
            else:
                spans.append([w["x0"], w["x1"]])
    spans.sort()
    merged: list[list[float]] = []
    for s in spans:
        if merged and s[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s[1])
        else:
            merged.append(list(s))
    rights = [b for _, b in merged]

    def column(w: dict, in_body: bool) -> int:
        centre = (w["x0"] + w["x1"]) / 2
        overlap = [min(w["x1"], b) - max(w["x0"], a) for a, b in merged]
        if not in_body and max(overlap) > 0:
            # a header word wider than its column, left of its right edge: 县（区） over 翠屏区
            return max(range(len(overlap)), key=lambda k: overlap[k])
        return next((k for k, right in enumerate(rights) if centre <= right + 1), len(rights) - 1)

    first_body = next(k for k, ln in enumerate(lines) if any(ln is b for b in body))
    rows, body_rows = [], {}
    for k, ln in enumerate(lines):
        in_body = any(ln is b for b in body)
        if k > first_body and not in_body and _wrapped_name_line(ln, 0, lines[k - 1] if lines[k - 1] in body else body[0]) \
                and _tight_under(ln, lines[k - 1]):
            _join_wrapped_line(ln, body_rows, column)
            continue
        row = [""] * len(rights)
        for w in ln:
            c = column(w, in_body)
            row[c] = (row[c] + " " + w["text"]).strip() if row[c] else w["text"]
        rows.append(row)
        if in_body:
            body_rows[id(row)] = (row, ln)
    return PdfTable(number, region, rows, "aligned-words", score_rows(rows), [number] * len(rows))


def _join_wrapped_line(line: list[dict], body_rows: dict, column) -> None:
    """A line without figures inside the table holds the wrapped rest of the cells of the row above
    it (top-aligned cells): each word joins the end of its column's text."""
    top = min(w["top"] for w in line)
    above = [entry for entry in body_rows.values() if max(w["bottom"] for w in entry[1]) <= top]
    if not above:
        return
    row, _ = max(above, key=lambda entry: max(w["bottom"] for w in entry[1]))
    for w in line:
        c = column(w, True)
        row[c] = row[c] + w["text"]


def _plumber_text(page, number, region) -> Optional[PdfTable]:
    crop = page.crop((region[0] - 2, region[1] - 2, region[2] + 2, region[3] + 2))
    settings = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 2,
                "min_words_horizontal": 1, "text_x_tolerance": 1.5}
    tables = crop.extract_tables(settings)
    if not tables:
        return None
    rows = max(tables, key=len)
    return PdfTable(number, region, rows, "pdfplumber-text", score_rows(rows), [number] * len(rows))


def _camelot(path, page, number, flavor, bbox) -> Optional[PdfTable]:
    try:
        import camelot
    except ImportError:  # camelot is optional: pdfplumber alone still reads every ruled table
        return None
    h = float(page.height)
    area = f"{bbox[0] - 2},{h - bbox[1] + 2},{bbox[2] + 2},{h - bbox[3] - 2}"
    try:
        kwargs = {"table_areas": [area]} if flavor == "stream" else {}
        if flavor == "lattice":  # lattice renders the page through pdfium: one pdfium call at a time
            with PDFIUM_LOCK:
                tables = camelot.read_pdf(path, pages=str(number), flavor=flavor, **kwargs)
        else:
            tables = camelot.read_pdf(path, pages=str(number), flavor=flavor, **kwargs)
    except Exception:
        return None
    if not tables or len(tables) == 0:
        return None
    t = max(tables, key=lambda t: t.shape[0] * t.shape[1])
    rows = [[str(v) for v in r] for r in t.df.values.tolist()]
    return PdfTable(number, tuple(bbox), rows, f"camelot-{flavor}", score_rows(rows), [number] * len(rows))


def _disagreements(a, b) -> list[tuple[int, int, str, str]]:
    out = []
    ga = [[_clean(c) for c in r] for r in a if any(_clean(c) for c in r)]
    gb = [[_clean(c) for c in r] for r in b if any(_clean(c) for c in r)]
    if len(ga) != len(gb):
        return [(-1, -1, f"{len(ga)} rows", f"{len(gb)} rows")]
    for i, (ra, rb) in enumerate(zip(ga, gb)):
        for j in range(max(len(ra), len(rb))):
            x = ra[j] if j < len(ra) else ""
            y = rb[j] if j < len(rb) else ""
            if x.replace(" ", "") != y.replace(" ", ""):
                out.append((i, j, x, y))
    return out


def merge_continuations(page_tables: list[list[PdfTable]], page_lines: list[list[dict]], heights: list[float]) -> list[PdfTable]:
    """A table that ends a page and one that starts the next page with as many columns are one
    table; a header repeated on the new page is dropped."""
    merged: list[PdfTable] = []
    for index, tables in enumerate(page_tables):
        for position, t in enumerate(tables):
            if merged and position == 0 and _continues(merged[-1], t, page_lines, index, heights):
                prev = merged[-1]
                rows = t.rows
                header = _header_rows(prev.rows)
                k = 0
                while k < len(header) and k < len(rows) and [_clean(c) for c in rows[k]] == [_clean(c) for c in header[k]]:
                    k += 1
                prev.rows = prev.rows + rows[k:]
                prev.row_pages = prev.row_pages + [t.page] * (len(rows) - k)
                if prev.row_indents or t.row_indents:
                    prev.row_indents = (prev.row_indents or [None] * (len(prev.rows) - len(rows) + k)) + \
                        (t.row_indents[k:] if t.row_indents else [None] * (len(rows) - k))
                if prev.cell_provenance or t.cell_provenance:
                    prev.cell_provenance = (prev.cell_provenance or [[None] * len(r) for r in prev.rows[:len(prev.rows) - len(rows) + k]]) + \
                        (t.cell_provenance[k:] if t.cell_provenance else [[None] * len(r) for r in rows[k:]])
                if t.method not in prev.method.split("+"):
                    prev.method += "+" + t.method  # a scanned page's table going on in a text page's
                prev.quality = round(min(prev.quality, t.quality), 3)
                prev.last_page, prev.last_bottom = t.page, t.bbox[3]
                if "continued" not in prev.flags:
                    prev.flags.append("continued")
                continue
            merged.append(t)
    return merged


def _header_rows(rows):
    for i, r in enumerate(rows):
        if sum(parse_cell(_clean(c)) is not None for c in r[1:]) >= 1:
            return rows[:i]
    return []


def _continues(prev: PdfTable, t: PdfTable, page_lines: list[list[dict]], index: int,
               heights: Optional[list[float]] = None) -> bool:
    """The next page's first table goes on with the table that ended the page before: nothing
    but the running header and footer in the margins stands between them, they have as many
    columns and, where both know them, the same column boundaries (a part without its header is
    joined by its x-positions alone)."""
    if t.page != prev.last_page + 1 or len(t.rows[0]) != len(prev.rows[0]):
        return False
    if prev.columns and t.columns and (len(prev.columns) != len(t.columns)
                                       or any(abs(a - b) > 8 for a, b in zip(prev.columns, t.columns))):
        return False
    def margin_lines(page: int) -> list[str]:
        h = heights[page] if heights and page < len(heights) else None
        return [ln["text"] for ln in page_lines[page] if h and (ln["top"] < h * MARGIN or ln["bottom"] > h * (1 - MARGIN))]

    # a running header or footer the other page repeats (a scan's reading may differ by a
    # character) is what _drop_running_lines leaves on a document of two pages: no parting
    ends, starts = margin_lines(prev.last_page - 1), margin_lines(index)

    def parts(ln: dict, margins: list[str], others: list[str]) -> bool:
        return not (ln["text"] in margins and any(fuzz.ratio(ln["text"], o) >= 80 for o in others))

    below = [ln for ln in page_lines[prev.last_page - 1] if ln["top"] > prev.last_bottom and parts(ln, ends, starts)]
    above = [ln for ln in page_lines[index] if ln["bottom"] < t.bbox[1] and parts(ln, starts, ends)]
    return not below and not above
