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

from sqlalchemy import Engine, text

from pipeline.core.files import replacing

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


def export_facts(engine: Engine, fmt: str, out) -> int:
    """Write every fact in the contract's form; returns the number written. A file is written
    beside its target and renamed into place: a failed export leaves no half file."""
    check_output(out)
    if not isinstance(out, (str, Path)) or str(out) == "-":
        return _write(engine, fmt, out)
    with replacing(out, text=False) as tmp:
        return _write(engine, fmt, tmp)


def _write(engine: Engine, fmt: str, out) -> int:
    import pandas as pd

    with engine.connect() as conn:
        df = pd.read_sql_query(text("SELECT * FROM facts_view ORDER BY document, fact_id"), conn)
    df = df[[c for c in EXPORT_COLUMNS if c in df.columns]]
    for col in ("issued_on", "period_start", "period_end"):
        df[col] = df[col].map(_iso)
    df["flags"] = df["flags"].map(lambda s: [x for x in (s or "").split(",") if x])
    if fmt == "jsonl":
        records = df.to_dict(orient="records")
        with _open_out(out) as fh:
            for rec in records:
                fh.write(json.dumps({k: _plain(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        df["flags"] = df["flags"].map(";".join)
        for col in _text_columns(df):
            df[col] = df[col].map(defuse_formula)
        # CRLF rows: a field holding a bare CR or LF is then quoted, so a line break inside a name can
        # never start a new row whose first cell escaped the apostrophe
        df.to_csv(out, index=False, encoding="utf-8-sig" if isinstance(out, (str, Path)) else None,
                  lineterminator="\r\n")
    elif fmt == "xlsx":
        df["flags"] = df["flags"].map(";".join)
        _write_xlsx(df, out)
    elif fmt == "parquet":
        df.to_parquet(out, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(df)


def _text_columns(df) -> list[str]:
    from pandas.api.types import is_object_dtype, is_string_dtype

    return [c for c in df.columns if is_object_dtype(df[c]) or is_string_dtype(df[c])]


def _write_xlsx(df, out, sheet: str = "facts") -> None:
    """Text that looks like a formula is stored as a text cell, exactly as written: openpyxl would
    otherwise store '=…' as a formula that runs when the sheet opens."""
    import pandas as pd

    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for col in _text_columns(df):  # control characters Excel cannot hold, shown as \x1b and so on
        df[col] = df[col].map(lambda v: ILLEGAL_CHARACTERS_RE.sub(
            lambda m: m.group(0).encode("unicode_escape").decode("ascii"), v) if isinstance(v, str) else v)
    risky = [(i, j) for j, col in enumerate(df.columns) if col in _text_columns(df)
             for i in df.index[df[col].map(lambda v: isinstance(v, str) and v.startswith(FORMULA_STARTS))]]
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        df.to_excel(writer, index=False, sheet_name=sheet)
        cells = writer.sheets[sheet]
        for i, j in risky:
            cell = cells.cell(row=df.index.get_loc(i) + 2, column=j + 1)
            cell.value = df.iat[df.index.get_loc(i), j]
            cell.data_type = "s"


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
        if not to_path:
            df.to_csv(sys.stdout if out in (None, "-") else out, index=False, lineterminator="\r\n")
            return
        with replacing(out, text=False) as tmp:
            df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    elif fmt == "xlsx":
        with replacing(out, text=False) as tmp:
            _write_xlsx(df, tmp, sheet="findings")
    else:
        raise ValueError(f"unknown format {fmt!r}")


FINDING_COLUMNS = ["document", "other_document", "check", "severity", "table", "row", "col", "entity", "metric",
                   "category", "period_label", "period_start", "period_end", "figures", "quotes", "message"]


