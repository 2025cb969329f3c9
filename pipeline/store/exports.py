"""Exports of the facts in the contract's form (jsonl, csv, parquet, xlsx).

Spreadsheet formats never carry a live formula: a text cell that a spreadsheet would read as a
formula or a DDE call (=, +, -, @, tab, carriage return first) is written with a leading
apostrophe, as OWASP advises for CSV injection; in XLSX such cells are also stored as text, never
as formulas. Numbers stay numbers. JSONL and Parquet are data formats and keep text as written.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from pathlib import Path

from typing import Optional

from sqlalchemy import Engine, text

from pipeline.core.files import replacing
from pipeline.store.display import plain_number, width
from schemas.descriptions import FACT_COLUMNS, FINDING_COLUMNS as FINDING_DESCRIPTIONS, bilingual_header, reading_order

EXPORT_COLUMNS = ["document", "sha256", "title", "issuer", "issued_on", "period_label", "period_start", "period_end",
                  "entity", "entity_raw", "entity_kind", "metric", "metric_raw", "value", "unit", "value_base",
                  "unit_base", "source_kind", "page", "table_index", "row", "col", "quote", "extractor", "confidence",
                  "flags", "line", "entity_method", "entity_score", "load_id", "document_path", "fact_id",
                  "category", "entity_code", "entity_parent", "jurisdiction", "jurisdiction_code", "genre", "bbox"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """The export cannot be written (a missing folder, say); one line for the user."""


def defuse_formula(value):
    """A text cell a spreadsheet would run as a formula, prefixed with an apostrophe; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def undo_defuse(value):
    """The text as it was before defuse_formula (reading back a CSV this project wrote)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def check_output(out) -> None:
    if out in (None, "-") or not isinstance(out, (str, Path)):
        return
    folder = Path(out).resolve().parent
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist")
    if Path(out).is_dir():
        raise ExportError(f"{out} is a folder: name a file")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"cannot write in {folder}")


def choose_columns(wanted: Optional[list[str]], available: list[str] = EXPORT_COLUMNS) -> list[str]:
    """The export's columns: those asked for, in the order asked, or all of them in the order a
    reader scans a fact (document, period, entity, measure, value, unit first; hashes last)."""
    if not wanted:
        return reading_order(list(available))
    unknown = [c for c in wanted if c not in available]
    if unknown:
        raise ExportError(f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
                          f"the columns are: {', '.join(reading_order(list(available)))}")
    return list(dict.fromkeys(wanted))


def export_facts(engine: Engine, fmt: str, out, columns: Optional[list[str]] = None) -> int:
    """Write every fact in the contract's form; returns the number written. A file is written
    beside its target and renamed into place: a failed export leaves no half file."""
    check_output(out)
    columns = choose_columns(columns)
    if not isinstance(out, (str, Path)) or str(out) == "-":
        return _write(engine, fmt, out, columns)
    with replacing(out, text=False) as tmp:
        return _write(engine, fmt, tmp, columns)


def _write(engine: Engine, fmt: str, out, columns: list[str]) -> int:
    import pandas as pd

    with engine.connect() as conn:
        df = pd.read_sql_query(text("SELECT * FROM facts_view ORDER BY document, fact_id"), conn)
    df = df[[c for c in columns if c in df.columns]]
    dates = [c for c in ("issued_on", "period_start", "period_end") if c in df.columns]
    for col in dates:
        df[col] = df[col].map(_iso)
    if "flags" in df.columns:
        df["flags"] = df["flags"].map(lambda s: [x for x in (s or "").split(",") if x])
    if fmt == "jsonl":
        records = df.to_dict(orient="records")
        with _open_out(out) as fh:
            for rec in records:
                fh.write(json.dumps({k: _plain(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")
        return len(df)
    if "flags" in df.columns and fmt != "parquet":
        df["flags"] = df["flags"].map(";".join)
    if fmt == "csv":
        for col in _text_columns(df):
            df[col] = df[col].map(defuse_formula)
        for col in df.columns[df.dtypes == "float64"]:  # 42 and 1695300, as written: never 42.0 or 1.6953e+06
            df[col] = df[col].map(lambda v: None if v != v else plain_number(v))
        # CRLF rows: a field holding a bare CR or LF is then quoted, so a line break inside a name can
        # never start a new row whose first cell escaped the apostrophe
        df.to_csv(out, index=False, encoding="utf-8-sig" if isinstance(out, (str, Path)) else None,
                  lineterminator="\r\n")
    elif fmt == "xlsx":
        for col in dates:  # real dates: a spreadsheet sorts and filters them as dates
            df[col] = pd.to_datetime(df[col], errors="coerce").dt.date
        _write_xlsx(df, out, FACT_COLUMNS)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(_typed_table(df, dates), out)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(df)


EXCEL_ROWS = 1_048_576  # rows of one Excel sheet, its header included
WIDTH_SAMPLE = 2000  # rows a column's width is fitted to: enough to see its text, cheap on a long export
DECIMAL_PLACES = 6  # a value_base of 亩 is 10000/15 of a square metre: kept to a millionth


def _typed_table(df, dates: list[str]):
    """The facts as an Arrow table with real types: dates as date32, value and value_base as
    decimals (the digits as written, not a float's), integers as int32, flags as a list."""
    import decimal

    import pyarrow as pa

    fields, arrays = [], []
    for col in df.columns:
        values = [None if _missing(v) else v for v in df[col].tolist()]
        if col in dates:
            typ = pa.date32()
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        elif col in ("value", "value_base"):
            typ = pa.decimal128(38, DECIMAL_PLACES)  # one type for every export: files of two exports concatenate
            values = [None if v is None else _decimal(v, df, col, i) for i, v in enumerate(values)]
        elif col in ("page", "table_index", "row", "col", "line", "fact_id", "load_id"):
            typ = pa.int32()
            values = [None if v is None else int(v) for v in values]
        elif col in ("confidence", "entity_score", "jurisdiction_confidence"):
            typ = pa.float64()
        elif col == "flags":
            typ = pa.list_(pa.string())
        else:
            typ = pa.string()
            values = [None if v is None else str(v) for v in values]
        fields.append(pa.field(col, typ, metadata={"description": FACT_COLUMNS[col].about}
                               if col in FACT_COLUMNS else None))
        arrays.append(pa.array(values, type=typ))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _decimal(v: float, df, col: str, i: int):
    """A float as the decimal of its shortest digits, to DECIMAL_PLACES places."""
    import decimal

    with decimal.localcontext(prec=60):
        d = decimal.Decimal(repr(float(v))).quantize(decimal.Decimal(1).scaleb(-DECIMAL_PLACES),
                                                     rounding=decimal.ROUND_HALF_EVEN)
    if len(d.as_tuple().digits) > 38:
        fact = df["fact_id"].iloc[i] if "fact_id" in df.columns else f"row {i + 1}"
        raise ExportError(f"{col} {plain_number(v)} of fact {fact} has more than 38 digits: Parquet's decimal cannot hold "
                          f"it (export csv or jsonl, or check the figure)")
    return d


def _missing(v) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)
    except (TypeError, ValueError):
        return False


def _text_columns(df) -> list[str]:
    from pandas.api.types import is_object_dtype, is_string_dtype

    # text columns hold text or nothing (None, or NaN for a missing string); flags may be lists
    return [c for c in df.columns if (is_object_dtype(df[c]) or is_string_dtype(df[c]))
            and df[c].map(lambda v: isinstance(v, str) or _missing(v)).all()]


def _write_xlsx(df, out, described: dict, sheet: str = "facts") -> None:
    """A sheet a person can open: headers in Chinese and English, the header row frozen, an
    autofilter, widths fitted to the text, dates as dates and numbers as numbers, and a second
    sheet that says what each column holds. Written as a stream (openpyxl's write-only mode): a
    million facts take memory for one row at a time. Text that looks like a formula is stored as
    a text cell, exactly as written: openpyxl would otherwise store '=…' as a formula that runs
    when the sheet opens."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    def clean(v):
        if _missing(v):
            return None
        if isinstance(v, str):  # control characters Excel cannot hold, shown as \x1b and so on
            return ILLEGAL_CHARACTERS_RE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), v)
        return v.item() if hasattr(v, "item") else v

    def cell(ws, v):
        c = WriteOnlyCell(ws, value=v)
        if isinstance(v, str) and v.startswith(FORMULA_STARTS):
            c.data_type = "s"
        elif isinstance(v, dt.date):
            c.number_format = "yyyy-mm-dd"
        return c

    columns = list(df.columns)
    widths = [max(width(described[c].zh) if c in described else 0, len(c)) + 2 for c in columns]
    for values in df.head(WIDTH_SAMPLE).itertuples(index=False, name=None):  # widths must precede the rows
        for j, v in enumerate(values):
            if isinstance(v, str):
                widths[j] = max(widths[j], min(width(v), 60) + 2)
            elif isinstance(v, dt.date):
                widths[j] = max(widths[j], 12)
            elif not _missing(v):
                widths[j] = max(widths[j], min(len(str(v)), 20) + 2)
    wb = Workbook(write_only=True)
    head, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    # a sheet holds 1,048,576 rows: a longer export goes on as "facts 2", "facts 3" …
    for part, start in enumerate(range(0, max(len(df), 1), EXCEL_ROWS - 1), 1):
        rows = df.iloc[start:start + EXCEL_ROWS - 1]
        ws = wb.create_sheet(sheet if part == 1 else f"{sheet} {part}")
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = min(w, 62)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
        header = []
        for c in columns:
            h = WriteOnlyCell(ws, value=bilingual_header(c, described))
            h.font, h.fill, h.alignment = head, fill, Alignment(wrap_text=True, vertical="top")
            header.append(h)
        ws.row_dimensions[1].height = 32
        ws.append(header)
        for values in rows.itertuples(index=False, name=None):
            ws.append([cell(ws, clean(v)) for v in values])
    notes = wb.create_sheet("说明 columns")
    for letter, w in zip("ABCD", (22, 16, 24, 90)):
        notes.column_dimensions[letter].width = w
    notes.freeze_panes = "A2"
    titles = []
    for t in ("列 column", "中文", "English", "说明 · about"):
        h = WriteOnlyCell(notes, value=t)
        h.font, h.fill = head, fill
        titles.append(h)
    notes.append(titles)
    for c in columns:
        col = described.get(c)
        notes.append([c, col.zh if col else "", col.en if col else "", col.about if col else ""])
    wb.save(out)


def _open_out(out):
    if out in (None, "-"):
        return contextlib.nullcontext(sys.stdout)
    return open(out, "w", encoding="utf-8")


def _iso(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def _plain(v):
    """JSON-safe scalars: NaN → None, numpy numbers → Python numbers."""
    if isinstance(v, list):
        return v
    if v is None:
        return None
    try:
        if v != v:  # NaN
            return None
    except Exception:
        pass
    if hasattr(v, "item"):
        return v.item()
    return v


def write_findings(rows: list[dict], fmt: str, out) -> None:
    """The findings as JSON lines (figures and quotes as lists) or as a sheet (lists joined with
    " | ", text defused as in the facts export), written beside the target and renamed into place."""
    import pandas as pd

    to_path = isinstance(out, (str, Path)) and str(out) != "-"
    if fmt == "jsonl":
        with (replacing(out) if to_path else contextlib.nullcontext(sys.stdout if out in (None, "-") else out)) as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    df = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    for col in ("figures", "quotes"):
        df[col] = df[col].map(lambda xs: " | ".join(f"{x:g}" if isinstance(x, float) else str(x) for x in xs or []))
    if fmt == "csv":
        for col in _text_columns(df):
            df[col] = df[col].map(defuse_formula)
        for col in df.columns[df.dtypes == "float64"]:  # 42 and 1695300, as written: never 42.0 or 1.6953e+06
            df[col] = df[col].map(lambda v: None if v != v else plain_number(v))
        if not to_path:
            df.to_csv(sys.stdout if out in (None, "-") else out, index=False, lineterminator="\r\n")
            return
        with replacing(out, text=False) as tmp:
            df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    elif fmt == "xlsx":
        with replacing(out, text=False) as tmp:
            _write_xlsx(df, tmp, FINDING_DESCRIPTIONS, sheet="findings")
    else:
        raise ValueError(f"unknown format {fmt!r}")


FINDING_COLUMNS = ["document", "other_document", "check", "severity", "table", "row", "col", "entity", "metric",
                   "category", "period_label", "period_start", "period_end", "figures", "quotes", "message"]


