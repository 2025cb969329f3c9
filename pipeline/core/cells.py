"""What a table cell holds: a figure (with the unit written in it), no value ("-", "/", empty),
or text ("增幅城区 第一"). "-" is never zero."""
from __future__ import annotations

import re
from typing import Optional

from pipeline.core.numbers import ARABIC
from pipeline.core.units import UNIT_ALTERNATION, canonical_unit

EMPTY_MARKERS = {"", "-", "/", "—", "--", "——", "－", "\\", "×", "无", "空", "...", "…", "/ ", "- "}
# the number grammar (pipeline.core.numbers.ARABIC), loosened for cells: a space after the sign
# ("- 3.5") and a bare decimal point (".5") occur in table cells typed by hand
_CELL_NUMBER = ARABIC.replace("[-+]?", r"[-+]?\s*", 1) + r"|[-+]?\.\d+"
CELL_FIGURE = re.compile(rf"^\s*(?P<num>{_CELL_NUMBER})\s*(?P<unit>{UNIT_ALTERNATION}|m2|平米)?\s*$")


def is_empty_marker(text: str) -> bool:
    return text.strip() in EMPTY_MARKERS


def parse_cell(text: str) -> Optional[tuple[float, Optional[str]]]:
    """(value, unit written in the cell) or None when the cell holds no single figure."""
    # "并列11", "11(并列)": a rank shared with another row, the rank all the same
    m = CELL_FIGURE.match(re.sub(r"^\s*并列\s*(?=\d)|(?<=\d)\s*[(（]并列[)）]\s*$", "", text or ""))
    if not m:
        return None
    value = float(m.group("num").replace(",", "").replace(" ", ""))
    unit = canonical_unit(m.group("unit")) if m.group("unit") else None
    return value, unit


def is_numeric_cell(text: str) -> bool:
    return parse_cell(text) is not None
