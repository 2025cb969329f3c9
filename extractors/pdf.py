"""Born-digital PDF → the same line stream the text reader produces.

Text comes from pdfplumber's text layer page by page (running headers, footers and page numbers
dropped; text inside tables left to the table reader). Tables come from `pdf_tables` and are
written into the stream as tab-separated rows, merged cells as empty cells, so that the text
slice's table, header, unit and prose code serve PDF unchanged: one pipeline, two readers.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import partial
from dataclasses import dataclass, field
from typing import Optional

from extractors.tables import TABLE_BREAK
from extractors.pdf_tables import (MARGIN, PdfTable, cell_text, may_hold_unruled_table, merge_continuations,
                                   overlapping, ruled_tables, three_line_tables, unruled_tables)
from extractors.script_chars import body_size, line_tolerance, without_raised_marks
from extractors.ocr import needs_ocr, ocr_enabled, read_page, render_dpi
from extractors.rendering import PageRenderer
from extractors.visible_text import visible_page
from schemas.records import DocumentError

PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")


@dataclass
class PdfText:
    lines: list[str]
    line_pages: list[int]
    tables: dict[int, PdfTable] = field(default_factory=dict)  # first line index of the rendered table → table
    pages: int = 0
    hidden_chars: dict[int, int] = field(default_factory=dict)  # page → characters not visible there, left out
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (no text layer)
    line_provenance: dict = field(default_factory=dict)  # line index → OcrProvenance, for lines of OCR'd pages

    def add_line(self, text: str, page: int) -> None:
        self.lines.append(text)
        self.line_pages.append(page)

    def add_table(self, table: PdfTable, page: int) -> None:
        """The table's rows, tab-separated between two TABLE_BREAK lines, typed under the index of
        its first row (every reader writes its tables so: PDF, OCR, Word, Excel)."""
        self.add_line(TABLE_BREAK, page)
        self.tables[len(self.lines)] = table
        for r, row in enumerate(table.rows):
            self.add_line("\t".join(cell_text(c) for c in row) or "\t", table.row_pages[r] if table.row_pages else page)
        self.add_line(TABLE_BREAK, table.row_pages[-1] if table.row_pages else page)


_STREAM = re.compile(rb"stream\r?\n")
_HEX = re.compile(rb"^[0-9A-Fa-f\s]+>?\s*$")


def inflated_size(data: bytes, limit: int) -> int:
    """Bytes the file's streams decode to, counted without keeping more than the limit and stopping
    past it: a small PDF that inflates to gigabytes fails here, before a parser holds it. Filter
    chains are followed (Flate over Flate, hex or ASCII85 around Flate)."""
    total = 0
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        total += _decoded_size(bytes(memoryview(data)[m.end():end]), limit - total, depth=0)
        if total > limit:
            break
    return total


def _decoded_size(chunk: bytes, budget: int, depth: int) -> int:
    """What chunk decodes to through Flate, ASCIIHex and ASCII85 layers (the last layer's bytes
    are counted; no more than budget + 1 MiB is ever held)."""
    import base64
    import binascii
    import zlib

    if depth > 8 or budget < 0:
        return 0
    stripped = chunk.strip()
    if _HEX.match(stripped) and len(stripped) > 16:
        try:
            inner = binascii.unhexlify(re.sub(rb"[\s>]", b"", stripped)[: 2 * (budget + 1)])
            return max(len(inner), _decoded_size(inner, budget, depth + 1))
        except (binascii.Error, ValueError):
            return 0
    if stripped.endswith(b"~>"):
        try:
            inner = base64.a85decode(stripped, adobe=stripped.startswith(b"<~"))
            return max(len(inner), _decoded_size(inner, budget, depth + 1))
        except ValueError:
            return 0
    d = zlib.decompressobj()
    out, size = bytearray(), 0
    rest = chunk
    try:
        while rest and size <= budget:
            piece = d.decompress(rest, 1 << 20)
            size += len(piece)
            if len(out) <= budget:
                out += piece  # kept only to look for a further layer, and never past the budget
            rest = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        return 0  # not deflated (an image, a damaged stream): the parser decides
    if size > budget or depth > 0 and not out:
        return size
    return max(size, _decoded_size(bytes(out), budget, depth + 1))


def _open(path: str, data: bytes, max_pages: int):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.lstrip()[:5] == b"%PDF-":
        raise DocumentError("not_pdf", "named .pdf but is not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        truncated = True
    else:
        truncated = False
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # parses the page tree: a broken file fails here
        if not pdf.pages:
            raise DocumentError("corrupt_pdf", "PDF has no pages")
        if len(pdf.pages) > max_pages:
            pdf.close()
            raise DocumentError("too_large", f"{len(pdf.pages)} pages, over the limit of {max_pages} (--max-pages)")
        return pdf
    except DocumentError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError("encrypted_pdf", f"encrypted PDF that needs a password ({type(exc).__name__})")
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise DocumentError("encrypted_pdf", "encrypted PDF that needs a password")
        kind = "truncated_pdf" if truncated else "corrupt_pdf"
        raise DocumentError(kind, f"{'truncated' if truncated else 'corrupt'} PDF: {type(inner).__name__}: {inner}")
    except (PDFSyntaxError, Exception) as exc:
        kind = "truncated_pdf" if truncated else "corrupt_pdf"
        raise DocumentError(kind, f"{'truncated' if truncated else 'corrupt'} PDF: {type(exc).__name__}: {exc}")


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


@dataclass
class PageRange:
    """What pages first+1 … of a PDF yield on their own. A long PDF's ranges are read by several
    workers and joined by assemble_pages: running lines and tables that go on over pages need
    every page."""
    first: int  # pages before the range
    pages: int  # pages in the whole file
    lines: list[list[dict]] = field(default_factory=list)
    tables: list[list[PdfTable]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    hidden: dict[int, int] = field(default_factory=dict)  # page → characters a reader cannot see, left out
    chars: int = 0
    ocr_pages: list[int] = field(default_factory=list)


def read_pages(path: str, data: bytes, first: int = 0, last: Optional[int] = None, use_camelot: bool = True,
               max_pages: int = 2000, max_inflated: int = 512 * 1024 * 1024) -> PageRange:
    """The text lines and tables of pages first+1 … last (all pages by default), one at a time:
    each page's parsed objects are released once it is read, so memory stays flat over pages."""
    inflated = inflated_size(data, max_inflated)
    if inflated > max_inflated:
        raise DocumentError("too_large", f"its compressed streams inflate to more than {max_inflated // 2**20} MiB "
                                         f"(--max-inflated)")
    pdf = _open(path, data, max_pages)
    renderer = PageRenderer(data)
    try:
        pages = pdf.pages
        out = PageRange(first, len(pages))
        for number in range(first + 1, min(len(pages), last if last is not None else len(pages)) + 1):
            try:
                page = pages[number - 1]
                turned = _upright(pdf, page)
                whole = turned
                page, dropped = visible_page(turned, check_edges=turned is page, render=partial(renderer, number - 1))
                size = body_size(page)
                page, _ = without_raised_marks(page, size)  # footnote marks: 生产总值²1329.65 is no 1329.652
                chars = page.chars
            except DocumentError:
                raise
            except Exception as exc:
                raise DocumentError("corrupt_pdf", f"page {number} cannot be read: {type(exc).__name__}: {exc}")
            out.heights.append(float(page.height))
            if ocr_enabled() and needs_ocr(page):
                read = _read_by_ocr(renderer, number, render_dpi(page))
                out.chars += sum(len(ln["text"]) for ln in read.lines) + sum(
                    len(c or "") for t in read.tables for r in t.rows for c in r)
                out.lines.append(read.lines)
                out.tables.append(read.tables)
                out.ocr_pages.append(number)
                whole.close()
                continue
            out.chars += len(chars)
            if dropped:
                out.hidden[number] = dropped
            camelot_path = path if use_camelot and not dropped else None  # camelot would read the hidden text
            tables = ruled_tables(page, number, camelot_path)
            tables = _with_three_line_tables(tables, three_line_tables(page, number, camelot_path, tables))
            tolerance = line_tolerance(size)
            lines = _text_lines(page, tables, tolerance)
            if may_hold_unruled_table(lines):
                unruled = unruled_tables(page, number, camelot_path, tables)
                if unruled:
                    tables = sorted(tables + unruled, key=lambda t: t.bbox[1])
                    lines = _text_lines(page, tables, tolerance)
            out.lines.append(lines)
            out.tables.append(tables)
            whole.close()  # its parsed objects are no longer needed: memory stays flat over pages
        return out
    finally:
        renderer.close()
        pdf.close()


def assemble_pages(parts: list[PageRange]) -> PdfText:
    """The whole document from its ranges (in any order): running headers and footers dropped,
    tables joined over pages, text and table rows in reading order."""
    parts = sorted(parts, key=lambda p: p.first)
    n_pages = parts[0].pages
    page_lines = [lines for p in parts for lines in p.lines]
    page_tables = [tables for p in parts for tables in p.tables]
    heights = [h for p in parts for h in p.heights]
    total_chars = sum(p.chars for p in parts)
    if total_chars < 20 * max(1, n_pages) // 4 and total_chars < 50:
        if any(p.ocr_pages for p in parts):
            raise DocumentError("ocr_empty", f"OCR found no text ({total_chars} characters on {n_pages} pages)")
        raise DocumentError("needs_ocr", f"no text layer ({total_chars} characters on {n_pages} pages): "
                                         "a scanned PDF needs OCR" + ("" if ocr_enabled() else " (BULLETINS_OCR=off)"))
    _drop_running_lines(page_lines, heights)
    tables = merge_continuations(page_tables, page_lines, heights)
    out = _stream(page_lines, tables, n_pages)
    out.hidden_chars = {page: n for p in parts for page, n in p.hidden.items()}
    out.ocr_pages = [page for p in parts for page in p.ocr_pages]
    return out


def read_pdf(path: str, data: bytes, use_camelot: bool = True, max_pages: int = 2000,
             max_inflated: int = 512 * 1024 * 1024) -> PdfText:
    return assemble_pages([read_pages(path, data, 0, None, use_camelot, max_pages, max_inflated)])


def _read_by_ocr(renderer: PageRenderer, number: int, dpi: float):
    """A scanned page's lines and tables, from the recognizer's boxes."""
    image = renderer.colour(number - 1, dpi / 72)
    if image is None:
        raise DocumentError("corrupt_pdf", f"page {number} cannot be rendered for OCR")
    return read_page(image, dpi / 72, number)


def _with_three_line_tables(ruled: list[PdfTable], lined: list[PdfTable]) -> list[PdfTable]:
    """The lines strategy's tables and those bounded by horizontal rules outside them, top to bottom."""
    return sorted(ruled + [l for l in lined if not any(overlapping(l.bbox, t.bbox) for t in ruled)],
                  key=lambda t: t.bbox[1])


def _upright(pdf, page):
    """A page turned by /Rotate whose text then runs sideways is read unturned: the text was
    drawn upright and the rotation only turns the sheet for display."""
    if page.rotation not in (90, 270):
        return page
    chars = page.chars
    if not chars or sum(1 for c in chars if not c.get("upright", True)) <= len(chars) / 2:
        return page
    from pdfplumber.page import Page

    page.page_obj.attrs["Rotate"] = 0
    page.page_obj.rotate = 0
    return Page(pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def _text_lines(page, tables: list[PdfTable], tolerance: float) -> list[dict]:
    """The page's text lines outside its tables; tolerance: how far apart tops on one line may be."""
    boxes = [t.bbox for t in tables]
    text_page = page.filter(lambda o: not _inside(o, boxes)) if boxes else page
    return [ln for ln in text_page.extract_text_lines(strip=True, return_chars=False, y_tolerance=tolerance)
            if ln["text"].strip()]


def _inside(obj, boxes) -> bool:
    x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
    y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
    return any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in boxes)


def _drop_running_lines(page_lines: list[list[dict]], heights: list[float]) -> None:
    """Running headers and footers repeat in the margins of many pages; page numbers stand alone there."""
    keys = Counter()
    for lines, h in zip(page_lines, heights):
        seen = {_margin_key(ln["text"]) for ln in lines if ln["top"] < h * MARGIN or ln["bottom"] > h * (1 - MARGIN)}
        keys.update(seen)
    n_pages = len(page_lines)
    repeated = {k for k, c in keys.items() if n_pages >= 3 and c >= max(2, n_pages // 2)}
    for i, (lines, h) in enumerate(zip(page_lines, heights)):
        kept = []
        for ln in lines:
            in_margin = ln["top"] < h * MARGIN or ln["bottom"] > h * (1 - MARGIN)
            text = ln["text"].strip()
            if in_margin and (PAGE_NUMBER.match(text) or _margin_key(text) in repeated):
                continue
            if PAGE_NUMBER.match(text) and ln["top"] > h * 0.85:
                continue  # a page number just above the footer margin
            kept.append(ln)
        page_lines[i] = kept


def _stream(page_lines: list[list[dict]], tables: list[PdfTable], n_pages: int) -> PdfText:
    """Interleave text lines and table rows in reading order (top to bottom, page by page)."""
    out = PdfText(lines=[], line_pages=[], pages=n_pages)
    by_page: dict[int, list[PdfTable]] = {}
    for t in tables:
        by_page.setdefault(t.page, []).append(t)
    for number, lines in enumerate(page_lines, 1):
        items = [(ln["top"], 0, ln) for ln in lines] + [(t.bbox[1], 1, t) for t in by_page.get(number, [])]
        paragraph_gap = _paragraph_gap(lines)
        previous_bottom = None
        for top, kind, item in sorted(items, key=lambda x: (x[0], x[1])):
            if kind == 0:
                if previous_bottom is not None and top - previous_bottom > paragraph_gap:
                    out.add_line("", number)  # a paragraph gap
                if item.get("paragraph") and out.lines and out.lines[-1] != "":
                    out.add_line("", number)  # a scan's paragraph, told by indent (extractors.ocr)
                if "ocr" in item:
                    out.line_provenance[len(out.lines)] = item["ocr"]
                out.add_line(item["text"], number)
                previous_bottom = item["bottom"]
            else:
                out.add_table(item, number)
                previous_bottom = None
    return out


def _paragraph_gap(lines: list[dict]) -> float:
    """A vertical gap clearly wider than the usual line spacing separates paragraphs."""
    gaps = sorted(b["top"] - a["bottom"] for a, b in zip(lines, lines[1:]) if b["top"] > a["bottom"])
    heights = sorted(ln["bottom"] - ln["top"] for ln in lines)
    if not gaps or not heights:
        return 12.0
    line_height = heights[len(heights) // 2]
    return min(gaps[len(gaps) // 4] * 1.6 + 2, line_height)
