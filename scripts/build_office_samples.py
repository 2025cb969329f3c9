#!/usr/bin/env python3
"""Build the Word and Excel samples in samples/ from a bulletin source in scripts/sample_pdf_sources/.

The same source as the PDF sample, so the tests can hold the three readers to the same facts:
- SOURCE.docx: the whole bulletin, paragraphs and real Word tables whose header cells are
  merged the way the PDF sample draws them (gridSpan across, vMerge down);
- SOURCE.xlsx and SOURCE.xls: every table on a sheet of its own, under the bulletin's title, the
  table's caption and its unit line (merged across the sheet, as offices lay them out); merged
  header cells; rates stored as fractions under a percent format (0.916 shown as 91.6%).

Needs python-docx, openpyxl and xlwt (pip install -e '.[test]').
usage: python scripts/build_office_samples.py [SOURCE.txt ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

from build_sample_pdfs import NUMBER, SOURCES, _header_rows, _spans

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = SOURCES / "2020_lukou_1-6.txt"


def blocks(source: Path):
    """('line', text) and ('table', caption lines, rows) in the source's order; directives dropped."""
    lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if not ln.startswith("%%")]
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            width = max(len(r) for r in rows)
            yield "table", [r + [""] * (width - len(r)) for r in rows]
            continue
        if lines[i].strip():
            yield "line", lines[i].strip()
        i += 1


def _merges(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col) of each merged header cell, as the PDF draws them."""
    return [(r0, c0, r1, c1) for _, (c0, r0), (c1, r1) in _spans(rows, _header_rows(rows))]


def _number(cell: str):
    """A figure as a spreadsheet stores it, and its format: 91.6% is 0.916 under 0.0%."""
    text = cell.strip()
    if not NUMBER.match(text):
        return None, None
    if text.endswith("%"):
        digits = text[:-1].split(".")
        decimals = len(digits[1]) if len(digits) > 1 else 0
        return float(text[:-1].replace(",", "")) / 100, "0." + "0" * decimals + "%" if decimals else "0%"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text.replace(",", "")) if decimals else int(text.replace(",", "")), \
        ("0." + "0" * decimals) if decimals else "0"


def build_docx(source: Path, out: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    for kind, content in blocks(source):
        if kind == "line":
            document.add_paragraph(content)
            continue
        rows = content
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        merged_away = set()
        for r0, c0, r1, c1 in _merges(rows):
            table.cell(r0, c0).merge(table.cell(r1, c1))
            merged_away |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r, c) not in merged_away and text:
                    table.cell(r, c).text = text
    document.save(str(out))
    return out


def _sheets(source: Path):
    """(sheet name, title rows, table rows) for each table, under the bulletin's title."""
    title, above = None, []
    count = 0
    for kind, content in blocks(source):
        if kind == "line":
            title = title or content
            above = (above + [content])[-2:]  # a table's caption and unit line stand right above it
            continue
        count += 1
        captions = [ln for ln in above if len(ln) < 40]
        yield f"附表{count}", [f"{title}（附表{count}）"] + captions, content
        above = []


def build_xlsx(source: Path, out: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, titles, rows in _sheets(source):
        sheet = book.create_sheet(name)
        width = len(rows[0])
        for r, text in enumerate(titles, 1):
            sheet.cell(r, 1, text)
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        top = len(titles)
        for r, row in enumerate(rows, top + 1):
            for c, text in enumerate(row, 1):
                value, fmt = _number(text)
                cell = sheet.cell(r, c, value if value is not None else (text or None))
                if fmt:
                    cell.number_format = fmt
        for r0, c0, r1, c1 in _merges(rows):
            sheet.merge_cells(start_row=top + r0 + 1, start_column=c0 + 1, end_row=top + r1 + 1, end_column=c1 + 1)
            sheet.cell(top + r0 + 1, c0 + 1).alignment = Alignment(horizontal="center", vertical="center")
    book.save(str(out))
    return out


def build_xls(source: Path, out: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    styles: dict = {}
    for name, titles, rows in _sheets(source):
        sheet = book.add_sheet(name)
        width = len(rows[0])
        for r, text in enumerate(titles):
            sheet.write_merge(r, r, 0, width - 1, text)
        top = len(titles)
        merges = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in _merges(rows)}
        covered = {(r, c) for (r0, c0), (r1, c1) in merges.items() for r in range(r0, r1 + 1)
                   for c in range(c0, c1 + 1)} - set(merges)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                value, fmt = _number(text)
                style = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt)) if fmt else xlwt.Style.default_style
                if (r, c) in merges:
                    r1, c1 = merges[(r, c)]
                    sheet.write_merge(top + r, top + r1, c, c1, text)
                elif value is not None:
                    sheet.write(top + r, c, value, style)
                elif text:
                    sheet.write(top + r, c, text)
    book.save(str(out))
    return out


def main(argv: list[str]) -> int:
    for src in [Path(a) for a in argv] or [DEFAULT]:
        for build, suffix in ((build_docx, ".docx"), (build_xlsx, ".xlsx"), (build_xls, ".xls")):
            print(build(src, ROOT / "samples" / (src.stem + suffix)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
