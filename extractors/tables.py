"""Shapes shared by every extractor: a table as found, before it becomes facts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

TABLE_BREAK = "\ue001"  # a line the PDF reader writes around a table's rows in the text view, apart from prose


@dataclass
class Table:
    """A table as read from a document.

    `header_rows` and `rows` hold cell texts as written (stripped). `header_paths[c]` is the
    rebuilt header of column c ("1-9月完成投资 / 产业项目 / 重点产业"). `row_lines[i]` is the
    source line (text) of body row i; `row_pages[i]` its page (PDF).
    """

    index: int
    header_rows: list[list[str]]
    rows: list[list[str]]
    row_lines: list[int]
    caption: Optional[str] = None
    unit_line: Optional[str] = None
    attachment: Optional[str] = None  # "附件 2"
    method: str = "text"
    quality: float = 1.0
    header_paths: list[str] = field(default_factory=list)
    header_flags: list[list[str]] = field(default_factory=list)  # per column
    label_cols: int = 1  # leading columns that label a row rather than hold figures (index columns included)
    index_cols: int = 0  # leading serial-number columns (序号): neither figures nor the row's entity
    first_line: int = 0
    page: Optional[int] = None
    row_pages: Optional[list[int]] = None
    row_indents: Optional[list] = None  # x where each body row's label starts (PDF), for rows written under a parent
    row_groups: Optional[list[str]] = None  # the section row ("一、能源项目") each body row is under, "" for none

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.header_rows + self.rows), default=0)
