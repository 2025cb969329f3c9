"""What a table cell holds: a figure (with the unit written in it), no value ("-", "/", empty),
or text ("增幅城区 第一"). "-" is never zero."""
from __future__ import annotations

import re
from typing import Optional

from pipeline.core.units import UNIT_ALTERNATION, canonical_unit

EMPTY_MARKERS = {"", "-", "/", "—", "--", "——", "－", "\\", "×", "无", "空", "...", "…", "/ ", "- "}
CELL_FIGURE = re.compile(
    rf"^\s*(?P<num>[-+]?\s*(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|[-+]?\.\d+)\s*(?P<unit>{UNIT_ALTERNATION}|m2|平米)?\s*$"
)


def is_empty_marker(text: str) -> bool:
    return text.strip() in EMPTY_MARKERS


def parse_cell(text: str) -> Optional[tuple[float, Optional[str]]]:
    """(value, unit written in the cell) or None when the cell holds no single figure."""
    m = CELL_FIGURE.match(text or "")
    if not m:
        return None
    value = float(m.group("num").replace(",", "").replace(" ", ""))
    unit = canonical_unit(m.group("unit")) if m.group("unit") else None
    return value, unit


def is_numeric_cell(text: str) -> bool:
    return parse_cell(text) is not None
