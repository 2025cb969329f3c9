#!/usr/bin/env python3
"""Build the PDF samples in samples/ from the bulletin sources in scripts/sample_pdf_sources/.

A source is a bulletin written as text (tab-separated tables, as the text reader reads them)
plus build directives on lines of their own, which are not content:
  %% unruled     the next table is drawn without rules (figures aligned by spacing only)
  %% landscape   the next table goes on a landscape page
Tables are ruled by default; header rows get merged cells the way Word draws them (a label
followed by empty cells spans them; a label with nothing below spans the header rows); a table
longer than the page continues on the next page with its header repeated.

Needs reportlab (pip install reportlab); its STSong-Light CID font needs no system font.
usage: python scripts/build_sample_pdfs.py [SOURCE.txt ...]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sample_pdf_sources"
FONT = "STSong-Light"
NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")


def _styles():
    if FONT == "STSong-Light":  # a font registered by a caller (build_scan_sample.py embeds a TrueType font)
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=17, firstLineIndent=22, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=1, firstLineIndent=0,
                           spaceAfter=6)
    centered = ParagraphStyle("centered", parent=body, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11, wordWrap="CJK")
    return body, title, centered, cell


def _header_rows(rows: list[list[str]]) -> int:
    for i, r in enumerate(rows):
        if any(NUMBER.match(c.strip()) for c in r[1:] if c.strip()):
            return i
    return 0


def _spans(rows: list[list[str]], n_header: int) -> list[tuple]:
    """SPAN commands for merged header cells, derived from the flattened grid."""
    out = []
    width = len(rows[0])
    for r in range(n_header):
        c = 0
        while c < width:
            if rows[r][c].strip():
                end = c
                while end + 1 < width and not rows[r][end + 1].strip() and \
                        (r == 0 or all(not rows[k][end + 1].strip() for k in range(r))):
                    end += 1
                below_empty = all(not rows[k][c].strip() for k in range(r + 1, n_header))
                bottom = n_header - 1 if below_empty else r
                if end > c or bottom > r:
                    # a label spans right only over cells that are empty in its own and lower header rows
                    if end > c and any(rows[k][j].strip() for k in range(r + 1, n_header) for j in range(c, end + 1)):
                        bottom = r
                    out.append(("SPAN", (c, r), (end, bottom)))
                c = end + 1
            else:
                c += 1
    return out


def _table(rows: list[list[str]], ruled: bool, cell_style, avail_width: float) -> Table:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    n_header = _header_rows(rows)
    data = [[Paragraph(c, cell_style) if c and not NUMBER.match(c) else c for c in r] for r in rows]
    first = 0.26 if width <= 5 else 0.14
    col_widths = [avail_width * first] + [avail_width * (1 - first) / (width - 1)] * (width - 1)
    if width > 1 and rows[0][0] in ("序号", "编号"):
        col_widths = [avail_width * 0.07, avail_width * 0.38] + [avail_width * 0.55 / (width - 2)] * (width - 2)
    style = [("FONT", (0, 0), (-1, -1), FONT, 9), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("ALIGN", (1, n_header), (-1, -1), "RIGHT")]
    if ruled:
        style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] + _spans(rows, n_header)
    return Table(data, colWidths=col_widths, repeatRows=n_header, style=TableStyle(style))


def build(source: Path, out_dir: Path) -> Path:
    body, title, centered, cell = _styles()
    out = out_dir / (source.stem + ".pdf")
    doc = BaseDocTemplate(str(out), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72,
                          title=source.stem, author="bulletin-warehouse samples")
    portrait = Frame(72, 72, A4[0] - 144, A4[1] - 144, id="p")
    wide = Frame(60, 60, A4[1] - 120, A4[0] - 120, id="l")
    running = source.read_text(encoding="utf-8").splitlines()[0]

    def furniture(canvas, document):
        # a running header and a page number, as office exports have: the reader must drop both
        w, h = canvas._pagesize
        canvas.setFont(FONT, 8)
        canvas.drawCentredString(w / 2, h - 40, running)
        canvas.drawCentredString(w / 2, 30, f"— {document.page} —")

    doc.addPageTemplates([PageTemplate("portrait", [portrait], pagesize=A4, onPage=furniture),
                          PageTemplate("landscape", [wide], pagesize=landscape(A4), onPage=furniture)])
    story = []
    lines = source.read_text(encoding="utf-8").splitlines()
    directives: set[str] = set()
    i = 0
    heading_done = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("%%"):
            directives.add(line[2:].strip())
            if "landscape" in directives:  # the caption and unit line go on the landscape page too
                story += [NextPageTemplate("landscape"), PageBreak()]
            i += 1
            continue
        if "\t" in line:
            block = []
            while i < len(lines) and "\t" in lines[i]:
                block.append(lines[i].split("\t"))
                i += 1
            if "landscape" in directives:
                story.append(_table(block, "unruled" not in directives, cell, A4[1] - 120))
                story += [NextPageTemplate("portrait"), PageBreak()]
            else:
                story.append(_table(block, "unruled" not in directives, cell, A4[0] - 144))
            story.append(Spacer(1, 8))
            directives.clear()
            continue
        if line.strip():
            style = title if heading_done < 1 else centered if heading_done < 5 else body
            heading_done += 1
            story.append(Paragraph(line, style))
        i += 1
    doc.build(story)
    return out


def main(argv: list[str]) -> int:
    sources = [Path(a) for a in argv] or sorted(SOURCES.glob("*.txt"))
    for src in sources:
        print(build(src, ROOT / "samples"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
