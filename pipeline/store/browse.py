"""The warehouse in Datasette, read-only: metadata in Chinese and English, facets on what a
statistician filters by, canned queries for the everyday questions, and every fact linked to its
document and its quote.

SQLite is opened where it lies, read-only (Datasette reads a mutable file with mode=ro and this
configuration defines no writing query). PostgreSQL is copied first into a SQLite snapshot made
by the project's own migrations, opened as immutable: what is browsed is the warehouse as it was
when `bulletins browse` started, said on every page.
"""
from __future__ import annotations

import datetime as dt
import html
import tempfile
from pathlib import Path
from typing import Optional
from urllib.parse import quote as url_quote

from sqlalchemy import Engine, insert, select

from pipeline.stages.reconcile import PENDING_BELOW
from pipeline.store.display import plain_number
from schemas.descriptions import FACT_COLUMNS, FINDING_COLUMNS, TABLES

FACETS = ["metric", "entity", "category", "period_label", "document"]
# the column notes in four narrow columns, so that the facts themselves are on the first screen;
# each note is also the header's tooltip
STYLE = ("dl.column-descriptions{columns:4 18em;font-size:.78em;margin:.3em 0 1em}"
         "dl.column-descriptions dt{break-after:avoid}dl.column-descriptions dd{margin:0 0 .3em .8em}"
         "small.where{color:#777;white-space:nowrap}")
BATCH = 5000  # rows copied at a time into a snapshot


def metadata(database: str, snapshot_of: Optional[str] = None) -> dict:
    """Datasette's metadata for a warehouse served under the name `database`."""
    facts_view = {
        "title": f"{TABLES['facts_view'][0]} · facts",
        "description": TABLES["facts_view"][1],
        "columns": {name: f"{col.zh} · {col.about}" for name, col in FACT_COLUMNS.items()},
        "facets": FACETS,
        "sort": "fact_id",
        "size": 50,
        "label_column": "entity",
    }
    tables = {name: {"title": f"{zh} · {name}", "description": en} for name, (zh, en) in TABLES.items()}
    tables["facts_view"] = facts_view
    tables["facts"]["hidden"] = False
    tables["findings"]["columns"] = {name: f"{col.zh} · {col.about}" for name, col in FINDING_COLUMNS.items()}
    tables["findings"]["facets"] = ["check", "severity"]
    tables["documents"]["facets"] = ["jurisdiction", "genre", "status"]
    tables["documents"]["label_column"] = "file_name"
    tables["entities"]["facets"] = ["kind", "source"]
    tables["entities"]["label_column"] = "name"
    tables["metrics"]["label_column"] = "name"
    about = ("每个数字都带有主体、指标、单位、期间和原文出处。"
             "Every figure of every bulletin with its entity, measure, unit, period and the quote it was read from.")
    if snapshot_of:
        about += f" 只读快照 · A read-only snapshot of {snapshot_of} taken {dt.datetime.now():%Y-%m-%d %H:%M}."
    return {
        "title": "公报数据仓库 · Bulletin warehouse",
        "extra_css_urls": ["data:text/css," + url_quote(STYLE)],
        "description": about,
        "databases": {database: {"tables": tables, "queries": canned_queries()}},
    }


def canned_queries() -> dict:
    """The questions asked every day, with named parameters Datasette shows as a form."""
    return {
        "measure_by_entity_period": {
            "title": "指标按主体与期间 · A measure by entity and period",
            "description": "One measure (完成投资, 开工项目数 …) for every entity and period, in its base unit, "
                           "with the document and quote of each figure.",
            "sql": ("SELECT entity, category, period_label, period_start, period_end, value_base, unit_base, "
                    "value, unit, document, quote, fact_id FROM facts_view "
                    "WHERE metric = :measure ORDER BY entity, category, period_end, document"),
        },
        "entity_series": {
            "title": "主体的序列 · One entity's series across bulletins",
            "description": "Every figure of one measure for one entity, bulletin after bulletin.",
            "sql": ("SELECT period_start, period_end, period_label, category, value_base, unit_base, document, "
                    "issued_on, quote, fact_id FROM facts_view WHERE entity = :entity AND metric = :measure "
                    "ORDER BY period_end, category, issued_on, document"),
        },
        "findings_by_document": {
            "title": "检查发现 · Findings",
            "description": "What the checks found, the most severe first, with the documents by file name.",
            "sql": ("SELECT d.file_name AS document, o.file_name AS other_document, f.\"check\", f.severity, "
                    "f.entity, f.metric, f.category, f.period_label, f.figures, f.quotes, f.message, "
                    "f.table_index, f.\"row\" FROM findings f JOIN documents d ON d.id = f.document_id "
                    "LEFT JOIN documents o ON o.id = f.other_document_id "
                    "ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, d.file_name"),
        },
        "names_pending": {
            "title": "待定名称 · Names pending a decision",
            "description": "Names left for review, matched with a low score or read as new entities, those "
                           "that need a person first (bulletins names accept / reject decides them).",
            "sql": ("SELECT a.raw AS name, a.context, a.method AS status, a.score, e.name AS current, e.kind, "
                    "a.candidates, (SELECT count(*) FROM facts f WHERE f.entity_key = a.raw "
                    "AND f.entity_context = a.context) AS facts FROM entity_aliases a "
                    "JOIN entities e ON e.id = a.entity_id WHERE NOT a.confirmed AND (a.method IN ('review', 'new') "
                    f"OR a.score < {PENDING_BELOW}) ORDER BY CASE WHEN a.method = 'review' THEN 0 "
                    "WHEN a.method = 'new' THEN 2 ELSE 1 END, facts DESC, a.raw"),
        },
    }


def snapshot(engine: Engine, folder: Optional[str] = None) -> Path:
    """A read-only SQLite copy of a warehouse on another database (PostgreSQL): the schema made by
    the project's migrations, every table's rows copied in batches. Returns the file."""
    from pipeline.store import engine as store_engine
    from schemas.models import Base

    folder = Path(folder or tempfile.mkdtemp(prefix="bulletins-browse-"))
    target = folder / "bulletins.db"
    target.unlink(missing_ok=True)
    copy = store_engine.open_warehouse(f"sqlite:///{target}")
    with engine.connect() as source, copy.begin() as dest:
        for table in Base.metadata.sorted_tables:
            rows = source.execution_options(yield_per=BATCH).execute(select(table))
            for batch in rows.partitions(BATCH):
                dest.execute(insert(table), [dict(r._mapping) for r in batch])
    copy.dispose()
    target.chmod(0o444)
    return target


def render_cell(row, value, column, table, database, datasette):
    """Datasette hook: figures shown as written wherever they appear; in facts_view, the document
    links to its row in documents, the fact id to the stored fact, and the quote is shown whole
    with where it stands in its document."""
    from markupsafe import Markup

    if column in ("value", "value_base") and isinstance(value, float):
        return plain_number(value)  # 58400, not 58400.0; 1695300, not 1.6953e+06
    if table != "facts_view" or value is None:
        return None
    base = datasette.urls.database(database)
    if column == "document":
        return Markup(f'<a href="{base}/documents?file_name={url_quote(str(value))}">{html.escape(str(value))}</a>')
    if column == "fact_id":
        return Markup(f'<a href="{base}/facts/{int(value)}">{int(value)}</a>')
    if column == "quote":
        keys = row.keys() if hasattr(row, "keys") else []
        where = []
        for key, label in (("page", "p"), ("table_index", "table "), ("row", "row "), ("col", "col "),
                           ("line", "line ")):
            if key in keys and row[key] is not None:
                where.append(f"{label}{row[key]}")
        at = f' <small class="where">({", ".join(where)})</small>' if where else ""
        return Markup(f'<span class="quote">{html.escape(str(value))}</span>{at}')
    return None


def datasette_app(path: Path, database: str, immutable: bool, snapshot_of: Optional[str] = None):
    """The Datasette instance for a warehouse file, its hooks registered and started."""
    import asyncio
    import sys

    from datasette.app import Datasette
    from datasette.plugins import pm

    hooks = sys.modules[__name__]
    if not pm.is_registered(hooks):
        from datasette import hookimpl

        hookimpl(render_cell)  # marks the function as a hook implementation
        pm.register(hooks, name="bulletins-browse")
    files = {"immutables": [str(path)]} if immutable else {"files": [str(path)]}
    ds = Datasette(**files, metadata=metadata(database, snapshot_of),
                   settings={"facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000, "allow_download": False, "suggest_facets": False,
                             "default_page_size": 50})
    asyncio.run(ds.invoke_startup())
    return ds


def serve(ds, host: str, port: int) -> None:
    """Serve until interrupted (uvicorn, as `datasette serve` does)."""
    import uvicorn

    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
