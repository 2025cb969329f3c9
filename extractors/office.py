"""Word and Excel files → the same lines and typed tables the PDF reader gives.

- .docx (python-docx): the body's paragraphs and tables in document order. A cell merged
  across columns (gridSpan) or down rows (vMerge) is written once, its other grid cells empty,
  as the PDF reader writes merged cells, so the header code rebuilds the same header paths.
- .xlsx (openpyxl) and .xls (xlrd): every sheet a table, a sheet's title and unit rows above
  it as lines; merged ranges keep their value in the first cell; a number is written as the
  sheet shows it (12.3% for 0.123 under a percent format, the 万元 of `0.00"万元"`).
- .doc / .wps: converted to .docx by LibreOffice where it is installed, else the file fails as
  `needs_libreoffice`. Files named .doc or .xls that are really HTML (as many sites serve them)
  or really OOXML are read as what they are.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Iterator, Optional, Union

from extractors.pdf import PdfText
from extractors.pdf_tables import PdfTable, cell_text
from schemas.records import DocumentError

WORD_SUFFIXES = {".docx", ".docm"}
CONVERTED_SUFFIXES = {".doc", ".wps", ".rtf", ".odt"}  # by LibreOffice, to .docx
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".et"}
OFFICE_SUFFIXES = WORD_SUFFIXES | CONVERTED_SUFFIXES | SHEET_SUFFIXES

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps, .et of Office 97–2003 and WPS
ZIP_MAGIC = b"PK\x03\x04"
DEFAULT_SHEET = re.compile(r"^(sheet|工作表|表)\s*\d*$", re.I)
SHEET_LABEL = re.compile(r"^((填报|填表|制表|编制|报送|统计|审核)?(单位|日期|时间|人|负责人)|金额单位|计量单位|报送日期|注)\s*[:：]"
                         r"|^(附件|附表)\s*\d*$|^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$")
CONVERT_SECONDS = 180

Block = Union[tuple[str, int], PdfTable]  # a line of text and its page, or a table


def office_kind(suffix: str, data: bytes) -> str:
    """What the bytes are, whatever the name says: docx, xlsx, ole (Word or Excel 97–2003), html,
    rtf or text; a name says which of Word and Excel an OLE file is."""
    head = data[:8]
    if head.startswith(ZIP_MAGIC):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            raise DocumentError("corrupt_office", "a damaged zip container (not a readable Office file)") from None
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if "content.xml" in names:
            return "odf"
        raise DocumentError("corrupt_office", "a zip file that is neither a Word nor an Excel document")
    if head == OLE_MAGIC:
        return "ole"
    if data[:5] == b"{\\rtf":
        return "rtf"
    sample = data[:2048].lstrip().lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table", b"mime-version")) or b"<html" in sample[:512]:
        return "html"
    raise DocumentError("corrupt_office", f"not a {suffix} file (its bytes are neither an Office 97–2003 "
                                          "nor an Office Open XML document)")


def read_office(path: str, data: bytes, kind: str) -> tuple[PdfText, str]:
    """The file's lines and tables, and the reader that read them (docx, xlsx or xls); kind: what
    office_kind says its bytes are."""
    suffix = os.path.splitext(path)[1].lower()
    try:
        if kind == "docx":
            return read_docx(data), "docx"
        if kind == "xlsx":
            return read_xlsx(data), "xlsx"
        if kind == "ole" and suffix in SHEET_SUFFIXES:
            return read_xls(data), "xls"
    except DocumentError:
        raise
    except Exception as exc:  # a damaged file: the libraries raise many kinds
        raise DocumentError("corrupt_office", f"cannot read the {kind} file: {type(exc).__name__}: {exc}") from None
    if kind in ("ole", "rtf", "odf"):
        return read_docx(convert_to_docx(path, data)), "docx"
    raise DocumentError("unsupported", f"a {suffix} file holding {kind}")  # html is the text reader's


def convert_to_docx(path: str, data: bytes) -> bytes:
    """A .doc / .wps / .rtf converted by LibreOffice (soffice --headless --convert-to docx)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise DocumentError("needs_libreoffice", "a Word 97–2003 / WPS file needs LibreOffice to be read, and it is "
                                                 "not installed (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="bulletins-office-") as work:
        source = os.path.join(work, "document" + (os.path.splitext(path)[1].lower() or ".doc"))
        with open(source, "wb") as fh:
            fh.write(data)
        # a profile of its own: two conversions at once must not share LibreOffice's lock
        profile = "file://" + os.path.join(work, "profile")
        try:
            done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                                   "--outdir", work, source], capture_output=True, timeout=CONVERT_SECONDS,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise DocumentError("conversion_failed", f"LibreOffice did not convert it within {CONVERT_SECONDS} s") \
                from None
        target = os.path.join(work, "document.docx")
        if done.returncode != 0 or not os.path.exists(target):
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise DocumentError("conversion_failed", "LibreOffice could not convert it"
                                + (f": {said[-1]}" if said else ""))
        with open(target, "rb") as fh:
            return fh.read()


# ---------------------------------------------------------------- Word

def read_docx(data: bytes) -> PdfText:
    import docx

    document = docx.Document(io.BytesIO(data))
    return laid_out(_docx_blocks(document))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# elements that wrap paragraphs, tables, rows or cells without being one: content controls,
# custom XML, smart tags, tracked insertions and moves
WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins", W + "moveTo"}
DELETED = {W + "del", W + "moveFrom"}


def _docx_blocks(document) -> Iterator[Block]:
    for el in _within(document.element.body, {W + "p", W + "tbl"}):
        if el.tag == W + "p":
            yield _paragraph_text(el).strip(), 1
        else:
            yield _docx_table(el)


def _within(parent, tags: set) -> Iterator:
    """The children of `parent` with one of `tags`, looking through wrappers (a cell in a content
    control is still a cell of its row) but never into a nested table."""
    for el in parent.iterchildren():
        if el.tag in tags:
            yield el
        elif el.tag in WRAPPERS:
            yield from _within(el, tags)


def _paragraph_text(p) -> str:
    """The text Word shows: runs inside fields, hyperlinks, smart tags and tracked insertions
    included; tracked deletions (w:del, w:delText) left out."""
    out = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if any(a.tag in DELETED for a in el.iterancestors()):
            continue
        out.append(el.text or "" if el.tag == W + "t" else "\t" if el.tag == W + "tab" else "\n")
    return "".join(out)


def _docx_table(tbl) -> PdfTable:
    """The grid as the PDF reader writes it: a merged cell's text in its first grid cell only."""
    rows: list[list[str]] = []
    strays: list[str] = []
    for r, tr in enumerate(_within(tbl, {W + "tr"})):
        row: list[str] = [""] * _grid_before(tr)
        for tc in _within(tr, {W + "tc"}):
            text, stray = ("", []) if tc.vMerge == "continue" else _cell_pieces(tc)
            if stray:
                strays.append(f"row {r + 1}, column {len(row) + 1}: {' / '.join(stray)}")
            row.append(text)
            row.extend([""] * (max(1, tc.grid_span) - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    flags = [f"paragraphs after a blank one inside a cell left out ({'; '.join(strays)})"] if strays else []
    return PdfTable(page=1, bbox=(0, 0, 0, 0), rows=rows, method="docx", quality=1.0, row_pages=[1] * len(rows),
                    flags=flags)


def _grid_before(tr) -> int:
    pr = tr.find(W + "trPr")
    before = pr.find(W + "gridBefore") if pr is not None else None
    try:
        return max(0, int(before.get(W + "val", "0"))) if before is not None else 0
    except ValueError:
        return 0


def _cell_pieces(tc) -> tuple[str, list[str]]:
    """A cell's text, and what stands after a blank paragraph in it. Lines of one piece are
    wrapped text (绝对额 / （万元）) and join; a piece after a blank paragraph is something else
    pasted into the cell ("5.2", blank, "4.6"), never joined into one figure: the first is the
    cell, the others are reported."""
    pieces: list[list[str]] = [[]]
    for p in _within(tc, {W + "p"}):
        text = _paragraph_text(p).strip()
        if text:
            pieces[-1].append(text)
        elif pieces[-1]:
            pieces.append([])
    found = ["\n".join(p) for p in pieces if p]
    return (found[0] if found else ""), found[1:]


# ---------------------------------------------------------------- Excel

def read_xlsx(data: bytes) -> PdfText:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # formulas as their cached values
    blocks: list[Block] = []
    for number, sheet in enumerate(book.worksheets, 1):
        if sheet.sheet_state != "visible":
            continue
        # openpyxl's own store of the cells the file holds: iter_rows would make every cell of the
        # range the sheet declares (one formatted cell at row 200000, column 200: 40 million)
        held = ((r - 1, c - 1, excel_text(cell.value, cell.number_format))
                for (r, c), cell in sheet._cells.items() if cell.value is not None)
        merged = [(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1) for m in sheet.merged_cells.ranges]
        blocks.extend(sheet_blocks(sheet.title, *sparse_grid(held, merged, sheet.title), number, "xlsx"))
    return laid_out(blocks)


def read_xls(data: bytes) -> PdfText:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    blocks: list[Block] = []
    for number in range(book.nsheets):
        sheet = book.sheet_by_index(number)
        if getattr(sheet, "visibility", 0) != 0:
            continue
        held = ((r, c, _xls_text(book, cell)) for r in range(sheet.nrows) for c, cell in enumerate(sheet.row(r))
                if cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK))
        merged = [(rlo, rhi - 1, clo, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells]
        blocks.extend(sheet_blocks(sheet.name, *sparse_grid(held, merged, sheet.name), number + 1, "xls"))
    return laid_out(blocks)


def _xls_text(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return excel_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), "")
        except (ValueError, OverflowError):
            return ""
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return ""
    fmt = ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
        fmt = book.format_map[xf.format_key].format_str if xf is not None and xf.format_key in book.format_map else ""
    return excel_text(cell.value, fmt)


_QUOTED = re.compile(r'"([^"]*)"')
_ESCAPED = re.compile(r"\\(.)")
_DECIMALS = re.compile(r"[0#?]?\.([0#?]+)")
_SCALING = re.compile(r"[0#?](,+)(?=[^0#?]*$)")  # commas after the last digit place: thousands each
_GENERAL = re.compile(r"G/通用格式|General|@", re.I)
_UNIT_LITERAL = re.compile(r"[\u4e00-\u9fff%‰]+")


def excel_text(value, number_format: Optional[str]) -> str:
    """A cell as the sheet shows it: a percent format's fraction as a percent, a format's fixed
    decimals (rounded half up, as Excel rounds), a scaling comma's thousands (#,##0, shows
    12345678 as 12346), a unit written into the format (0.00"万元") after the figure, dates as ISO
    dates; never a float's binary tail (0.30000000000000004) or scientific notation."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if not isinstance(value, (int, float)):
        return str(value).strip()
    sections = (number_format or "General").split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    if value == 0 and len(sections) > 2:
        section = sections[2]
    literals = "".join(_QUOTED.findall(section)) + "".join(_ESCAPED.findall(section))
    bare = _GENERAL.sub("", re.sub(r"\[[^\]]*\]", "", _ESCAPED.sub("", _QUOTED.sub("", section))))
    literals += "".join(_UNIT_LITERAL.findall(bare.replace("%", "")))
    if value == 0 and len(sections) > 2 and not re.search(r"[0#?]", bare):
        return (literals or bare).strip()  # zero shown as a mark ("-"): as the sheet shows it
    number = abs(Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value))
    scaling = _SCALING.search(bare)
    if scaling:
        number /= Decimal(1000) ** len(scaling.group(1))
    percent = "%" in bare
    if percent:
        number *= 100
    decimals = _DECIMALS.search(bare)
    if re.search(r"[eE][+-]", bare):
        text = _plain(number)  # a scientific format: the figure in full
    elif decimals or re.search(r"[0#?]", bare):
        places = len(decimals.group(1)) if decimals else 0
        text = f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"
    else:
        text = _plain(number)
    if value < 0 and text.strip("0.") != "":
        text = "-" + text
    unit = "%" if percent else _UNIT_LITERAL.search(literals).group(0) if _UNIT_LITERAL.search(literals) else ""
    return text + unit


def _plain(number: Decimal) -> str:
    """A number in positional notation, without trailing zeros; floats rounded to 12 significant
    digits, as Excel shows them (15 digits of binary noise are no figure)."""
    rounded = round(number, max(0, 12 - number.adjusted() - 1)) if number else number
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


MAX_SHEET_CELLS = 2_000_000  # rows holding a value × columns: about 30 s and 1 GiB to read


def sparse_grid(held: Iterable[tuple[int, int, str]], merged: list[tuple[int, int, int, int]], name: str):
    """The rows that hold a value, as a grid, and the merged ranges on it; a sheet whose used rows
    times columns pass MAX_SHEET_CELLS fails the file (too_large) rather than the batch."""
    cells = [(r, c, text) for r, c, text in held if text]
    if not cells:
        return [], []
    rows = sorted({r for r, _, _ in cells})
    width = max(c for _, c, _ in cells) + 1
    if len(rows) * width > MAX_SHEET_CELLS:
        raise DocumentError("too_large", f"sheet {name!r} spans {len(rows):,} rows by {width:,} columns, over "
                                         f"{MAX_SHEET_CELLS:,} cells")
    index = {r: i for i, r in enumerate(rows)}
    grid = [[""] * width for _ in rows]
    for r, c, text in cells:
        grid[index[r]][c] = text
    on_grid = []
    for r0, r1, c0, c1 in merged:
        inside = [index[r] for r in rows if r0 <= r <= r1]
        if inside and rows[inside[0]] == r0:
            on_grid.append((inside[0], inside[-1], c0, c1))
    return grid, on_grid


def sheet_blocks(name: str, grid: list[list[str]], merged: Iterable[tuple[int, int, int, int]], page: int,
                 method: str) -> list[Block]:
    """A sheet's lines and table: the rows above the first row of two or more filled cells
    (title, unit, date), the table, and lines under it (注：…). Merged ranges keep their text in
    their first cell (as they are stored); empty columns and rows are dropped."""
    for r0, r1, c0, c1 in merged:  # a merged range's other cells can hold leftovers: it shows the first only
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0) and c < len(grid[r]):
                    grid[r][c] = ""
    rows = [[c.strip() for c in r] for r in grid]
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    # a row of two or more cells is the table's, unless each says who filled the sheet, when, or in
    # what unit (填报单位：… | 单位：亿元): such rows above or under the table are lines
    table_rows = [i for i, r in enumerate(rows) if sum(1 for c in r if c) >= 2
                  and not all(SHEET_LABEL.match(c) for c in r if c)]
    out: list[Block] = []
    if not DEFAULT_SHEET.match(name.strip()):
        out.append((name.strip(), page))
    # outside the table each cell is a line of its own: 填报单位：… and 单位：亿元、% are two lines,
    # never one that hides the unit
    if not table_rows:
        return out + [(c, page) for r in rows for c in r if c]
    first, last = table_rows[0], table_rows[-1]
    out.extend((c, page) for r in rows[:first] for c in r if c)
    body = rows[first:last + 1]
    keep = [c for c in range(width) if any(r[c] for r in body)]
    body = [[r[c] for c in keep] for r in body if any(r)]
    out.append(PdfTable(page=page, bbox=(0, 0, 0, 0), rows=body, method=method, quality=1.0,
                        row_pages=[page] * len(body)))
    out.extend((c, page) for r in rows[last + 1:] for c in r if c)
    return out


# ---------------------------------------------------------------- both

def laid_out(blocks: Iterable[Block]) -> PdfText:
    """Lines and tables in document order, written as the PDF reader writes them."""
    out = PdfText(lines=[], line_pages=[], pages=1)
    for block in blocks:
        if isinstance(block, PdfTable):
            if any(cell_text(c) for row in block.rows for c in row):
                out.add_table(block, block.page)
        else:
            out.add_line(*block)
        out.pages = max([out.pages] + out.line_pages[-1:])
    return out
