"""Read a text-like file (.txt / .md / .html) into a decoded string.

Encoding detection is explicit and ordered, because a wrong guess silently corrupts every
name: BOMs first, then strict UTF-8, UTF-16 by its NUL pattern, then GB18030 (a superset
of GBK and GB2312), and only then charset-normalizer's guess.
"""
from __future__ import annotations

import codecs
import html
import re
from typing import Optional
from html.parser import HTMLParser

from schemas.records import DocumentError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
CHINESE_ENCODINGS = {"big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030", "hz", "utf_8", "utf_16", "utf_32"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DocumentError."""
    if not data.strip():
        raise DocumentError("empty", "file is empty")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DocumentError("undecodable", f"bytes after the {name} BOM do not decode: {exc.reason}")
    sample = data[:4096]
    # UTF-16 without BOM: every other byte is NUL for CJK-free runs, many NULs overall
    if sample.count(b"\x00") > len(sample) // 4:
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, name
        raise DocumentError("binary", "binary content (NUL bytes), not a text document")
    if b"\x00" in data:
        raise DocumentError("binary", "binary content (NUL bytes), not a text document")
    candidates = []
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            candidates.append((text, name))
    if candidates:
        # GBK bytes occasionally form valid UTF-8 ("平" → "ƽ"): keep UTF-8 unless it reads as
        # mojibake and GB18030 reads as Chinese
        best = max(candidates, key=lambda c: (_plausibility(c[0]), c[1] == "utf-8"))
        return best
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - detector failure is just "no guess"
        best = None
    # only encodings Chinese bulletins are written in: a Latin-1 "guess" would decode anything
    if best is not None and best.encoding in CHINESE_ENCODINGS and _looks_like_text(str(best)):
        return str(best), best.encoding
    raise DocumentError("undecodable", "bytes do not decode as UTF-8, UTF-16 or GB18030")


def _plausibility(text: str) -> float:
    """Share of characters a Chinese bulletin is made of: Han, ASCII, CJK and full-width punctuation."""
    good = sum(1 for ch in text if ch < "\x80" or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u203b" or ch in "²㎡×·")
    return round(good / max(len(text), 1), 2)


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control <= max(2, len(text) // 200)


class _HtmlToText(HTMLParser):
    """Flatten HTML to lines: block elements break lines; a table becomes one tab-separated line per
    row with its merged cells laid out on the grid (colspan: the text, then empty cells, as a merged
    header reads; rowspan: empty below in header rows, the text repeated in rows of figures, whose
    label it is)."""

    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
             "article", "header", "footer", "title", "ul", "ol"}
    SKIP = {"script", "style", "noscript", "head"}
    MAX_SPAN = 50  # a span beyond this is a page's layout trick, not a table's merge

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._title: list[str] = []
        self._in_title = False
        self._rows: Optional[list] = None  # the open table's rows: [[text, rowspan, colspan], …]
        self._cell: Optional[list] = None
        self._layout = 0  # open tables found to lay out the page (a table inside one of their cells): blocks, not grids
        self._outer: list[tuple[list, Optional[list]]] = []  # tables whose cell holds the open one, until its size tells

    @staticmethod
    def _span(attrs, name: str) -> int:
        value = dict(attrs).get(name) or "1"
        return max(1, min(int(value), _HtmlToText.MAX_SPAN)) if value.strip().isdigit() else 1

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "head":
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag == "table":
            if self._rows is not None:
                self._outer.append((self._rows, self._cell))  # a table inside a cell: what it is, its size tells
            else:
                self.parts.append("\n")
            self._rows, self._cell = [], None
            return
        if self._rows is None and self._layout and tag in ("td", "th", "tr"):
            self.parts.append("\n")  # a layout table's cell is a block
            return
        if self._rows is not None:
            if tag == "tr":
                self._rows.append([])
            elif tag in ("td", "th"):
                if not self._rows:
                    self._rows.append([])
                self._cell = ["", self._span(attrs, "rowspan"), self._span(attrs, "colspan")]
                self._rows[-1].append(self._cell)
            elif tag in self.BLOCK and self._cell is not None:
                self._cell[0] += "\n"  # a space in a grid's cell; a line where the table lays out the page
            return
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "head" and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "table" and self._rows is not None:
            grid = self._grid()
            if self._outer:
                rows, cell = self._outer.pop()
                if cell is not None and (len(grid) <= 1 or sum(bool(c) for row in grid for c in row) <= 3):
                    # a few words boxed inside a cell ("完成投资" over a nested "(亿元)", a name in a box): the cell's text
                    cell[0] += " " + " ".join(c for row in grid for c in row if c)
                    self._rows, self._cell = rows, cell
                    return
                # a table of its own inside a cell: the tables around it lay out the page (the site's frame,
                # the article's box); their cells so far are blocks of text, then this table
                for rows_around, _ in self._outer + [(rows, cell)]:
                    self.parts.extend("\n" + "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in c[0].split("\n"))
                                      for row in rows_around for c in row)
                self._layout += len(self._outer) + 1
                self._outer = []
            self.parts.append("\n" + "\n".join("\t".join(row) for row in grid) + "\n")
            self._rows, self._cell = None, None
            return
        if tag == "table" and self._layout:
            self._layout -= 1
            self.parts.append("\n")
            return
        if self._rows is not None:
            if tag in ("td", "th"):
                self._cell = None
            return
        if tag in self.BLOCK and tag != "br":
            self.parts.append("\n")

    def _grid(self) -> list[list[str]]:
        rows = [[(re.sub(r"\s+", " ", t).strip(), rs, cs) for t, rs, cs in row] for row in self._rows or []]
        figures = [any(re.search(r"\d", t) for t, _, _ in row) for row in rows]
        grid: list[list[str]] = []
        pending: dict[tuple[int, int], str] = {}  # (row, col) → text a rowspan puts there
        for r, row in enumerate(rows):
            out: list[str] = []
            col = 0
            cells = iter(row)
            while True:
                if (r, col) in pending:
                    out.append(pending.pop((r, col)))
                    col += 1
                    continue
                cell = next(cells, None)
                if cell is None:
                    break
                text, rowspan, colspan = cell
                for k in range(colspan):
                    value = text if k == 0 else ""
                    out.append(value)
                    for below in range(1, rowspan):
                        if r + below < len(rows):
                            # a label spanning rows of figures belongs to each; a header's merge reads empty
                            pending[(r + below, col)] = value if figures[r + below] and not re.search(r"\d", text) \
                                else ""
                    col += 1
            while any(rr == r for rr, _ in pending):
                c = min(cc for rr, cc in pending if rr == r)
                while col < c:
                    out.append("")
                    col += 1
                out.append(pending.pop((r, c)))
                col += 1
            grid.append(out)
        return [row for row in grid if any(c for c in row)]

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_title:
            self._title.append(data)
            return
        text = re.sub(r"[ \t\r\n]+", " ", data)
        if self._rows is not None:
            if self._cell is not None:
                self._cell[0] += text
            return  # text between a table's cells is layout
        self.parts.append(text)

    def text(self) -> str:
        body = "".join(self.parts)
        title = "".join(self._title).strip()
        lines = [ln.strip(" ") for ln in body.split("\n")]
        if title and (not lines or title not in body[:500]):
            lines.insert(0, title)
        return "\n".join(lines)


def html_to_text(markup: str) -> str:
    parser = _HtmlToText()
    parser.feed(markup)
    parser.close()
    if parser._rows is not None and not parser._outer:  # a table never closed (a cut capture): its rows still count
        parser.parts.append("\n" + "\n".join("\t".join(row) for row in parser._grid()) + "\n")
    return html.unescape(parser.text())


def read_text_file(path: str, data: bytes) -> tuple[str, str]:
    """Decode a text or HTML file's bytes; HTML is flattened to lines."""
    text, encoding = decode_bytes(data)
    lower = path.lower()
    if any(lower.endswith(s) for s in HTML_SUFFIXES) or re.match(r"\s*<(!doctype html|html)", text[:200], re.I):
        text = html_to_text(text)
    return text, encoding
