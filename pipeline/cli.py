"""The `bulletins` command: ingest bulletins, export facts, query and inspect the warehouse."""
from __future__ import annotations

import os
import signal
import sys


def _as_program() -> bool:
    return __name__ == "__main__" or os.path.basename(sys.argv[0] or "") == "bulletins"


if _as_program():
    # before the heavy imports: a Ctrl-C or SIGTERM during start-up is one line, not a traceback,
    # and a SIGINT a script's `&` set to "ignore" is taken back at once
    def _early_stop(signum, _frame):
        sys.stderr.write(f"interrupted ({signal.Signals(signum).name})\n")
        os._exit(130)

    for _sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(_sig, _early_stop)

import json
from pathlib import Path

import click

from pipeline.store import engine as store_engine

from pipeline.store import stats as counts
from pipeline.store.display import format_table, plain_number
from extractors.sources import shown

DB_OPTION = click.option("--db", "db", envvar="BULLETINS_DB", default=None, metavar="URL",
                         help="SQLAlchemy URL of the warehouse (default: sqlite:///bulletins.db; env BULLETINS_DB).")


class Failed(click.ClickException):
    """A one-line error and exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.message}", err=True)


class GuardedGroup(click.Group):
    """No traceback reaches the user: known errors are one line, anything else is one line
    naming the exception (BULLETINS_DEBUG=1 shows the traceback); Ctrl-C and SIGTERM stop with
    status 130 after the command's own clean-up has run."""

    def invoke(self, ctx):
        from pipeline.store.exports import ExportError
        from pipeline.store.query import QueryRefused, QueryStopped

        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # `| head` has what it wanted: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt as exc:
            why = f" ({exc.args[0]})" if exc.args and exc.args[0] else ""
            click.echo(f"interrupted{why}", err=True)
            ctx.exit(130)
        except (store_engine.WarehouseError, ExportError, QueryRefused, QueryStopped) as exc:
            raise Failed(shown(str(exc))) from None
        except (OSError, ValueError, LookupError, RuntimeError) as exc:
            if os.environ.get("BULLETINS_DEBUG"):
                raise
            raise Failed(shown(f"{type(exc).__name__}: {store_engine.one_line(exc)}")) from None
        except Exception as exc:
            if os.environ.get("BULLETINS_DEBUG"):
                raise
            from sqlalchemy.exc import DBAPIError

            if isinstance(exc, DBAPIError):
                raise Failed(shown(f"database: {store_engine.one_line(exc)}")) from None
            raise Failed(shown(f"{type(exc).__name__}: {store_engine.one_line(exc)} "
                               f"(BULLETINS_DEBUG=1 shows where)")) from None


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Turn Chinese progress bulletins (工作简报 / 情况通报) into a SQL warehouse of facts.

    \b
    Example:
      bulletins ingest samples/
      bulletins query "SELECT entity, metric, value, unit FROM facts_view LIMIT 5"
      bulletins export facts --format csv -o facts.csv
    """


def prefect_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("prefect") is not None
    except (ImportError, ValueError):
        return False


def _quiet_prefect() -> None:
    """A clean terminal: Prefect's own logging to warnings only, no telemetry (set before import)."""
    import os

    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@main.command()
@click.argument("paths", nargs=-1)
@DB_OPTION
@click.option("--inbox", type=click.Path(file_okay=False), help="Ingest this folder's new files (one pass).")
@click.option("--archive", type=click.Path(file_okay=False), help="With --inbox: move processed files here.")
@click.option("--replace", is_flag=True,
              help="The files correct documents loaded earlier from the same paths: those give way (recorded). "
                   "Without it, a new file under an old name is a new document.")
@click.option("--runner", type=click.Choice(["pool", "plain", "threads", "dask"]), default=None,
              help="pool (default): extraction in a pool of processes, one writer, no Prefect; plain: one file "
                   "after another in this process; threads and dask: the Prefect flow (see --flow).")
@click.option("--flow", is_flag=True, help="Run as a Prefect flow (on threads; --runner dask for Dask): on the server "
              "PREFECT_API_URL names, else a temporary one. The default when PREFECT_API_URL is set.")
@click.option("--dask-address", metavar="HOST:PORT", help="Scheduler of an existing Dask cluster (implies --runner dask).")
@click.option("--workers", type=int, help="Processes of the pool (default: the cores), threads, or local Dask workers; "
              "--workers 1 is the plain loop.")
@click.option("--chunk", type=int, default=None, metavar="N",
              help="With the flow: documents per Prefect task (default chosen from the batch: four tasks per "
                   "worker, at most 50 a task; 1: a task per document).")
@click.option("--no-camelot", is_flag=True, help="pdfplumber only for PDF tables (faster; unruled tables may be missed).")
@click.option("--max-bytes", type=int, metavar="N", help="Largest file read, in bytes (default 200 MiB; "
              "env BULLETINS_MAX_BYTES).")
@click.option("--max-pages", type=int, metavar="N", help="Most PDF pages (default 2000; env BULLETINS_MAX_PAGES).")
@click.option("--max-inflated", type=int, metavar="N", help="Most bytes a PDF's compressed streams may inflate to "
              "(default 512 MiB; env BULLETINS_MAX_INFLATED).")
@click.option("--max-text-chars", type=int, metavar="N", help="Most characters of a text document (default 2 "
              "million; env BULLETINS_MAX_TEXT_CHARS).")
@click.option("--settle", type=float, default=None, metavar="SECONDS",
              help="With --inbox: the pause between the two looks at each file's size and time (default 1).")
@click.option("--verbose", "-v", is_flag=True, help="A line for every file.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary and errors.")
def ingest(paths: tuple[str, ...], db: str | None, inbox: str | None, archive: str | None, replace: bool,
           runner: str | None, flow: bool, dask_address: str | None, workers: int | None, chunk: int | None,
           no_camelot: bool,
           max_bytes: int | None, max_pages: int | None, max_inflated: int | None, max_text_chars: int | None,
           settle: float | None, verbose: bool, quiet: bool) -> None:
    """Ingest files, folders or globs (.txt .md .html .pdf) into the warehouse.

    Re-running is safe: files already loaded (same content) are skipped without being read
    again. A document is its content: a changed file under a name loaded before is loaded as a
    new document (a note says so), unless --replace says it corrects the earlier one. Bad files
    are reported one line each on stderr and recorded as failures; the exit status is 1 when any
    file failed. Only regular files are read, each within the limits (--max-*).
    By default files are read in a pool of processes (one per core) and written by this one,
    without Prefect. With --flow, or PREFECT_API_URL set, the batch runs as a Prefect flow (on that
    server, or on a temporary one), for its run history and retries in Prefect's UI.

    \b
    Example:
      bulletins ingest samples/ 'archive/**/*.pdf' --db sqlite:///warehouse.db
      bulletins ingest --inbox /srv/inbox --archive /srv/done      # from system cron
      bulletins ingest corrected/2019-09.pdf --replace              # a corrected reissue
      bulletins ingest big-archive/ --dask-address tcp://10.0.0.5:8786
    """
    from pipeline.batch.loop import BatchSummary, FileOutcome
    from extractors.sources import Limits, discover

    if not paths and not inbox:
        raise click.UsageError("name files, folders or globs to ingest, or --inbox DIR")
    if (archive or settle is not None) and not inbox:
        raise click.UsageError("--archive and --settle go with --inbox")
    if inbox and archive:
        from pipeline.batch.inbox import check_folders

        try:
            check_folders(inbox, archive)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    as_flow = flow or bool(dask_address) or runner in ("threads", "dask") or (
        runner is None and bool(os.environ.get("PREFECT_API_URL")) and prefect_available())
    runner = "dask" if dask_address else runner or ("threads" if as_flow else "pool")
    if runner in ("pool", "plain") and as_flow:
        raise click.UsageError(f"--runner {runner} runs without Prefect: leave out --flow, or use --runner threads|dask")
    if runner in ("threads", "dask") and not prefect_available():
        raise click.UsageError(f"--runner {runner} needs Prefect: pip install 'bulletin-warehouse[flows]'")
    limits = Limits.from_env(max_bytes=max_bytes, max_pages=max_pages, max_inflated=max_inflated,
                             max_text_chars=max_text_chars)
    engine = store_engine.open_warehouse(db)  # a bad --db fails here, in one line, before any work

    if inbox:
        from pipeline.batch.inbox import SETTLE_SECONDS

        settle = SETTLE_SECONDS if settle is None else settle
    bar = None
    if sys.stderr.isatty() and not quiet and not verbose:
        # the bar's length costs a listing (and, for an inbox, hashing its files): only for a person
        from pipeline.batch.inbox import new_files

        total = len(new_files(engine, str(Path(inbox).resolve()), 0, limits)) if inbox else len(discover(paths))
        bar = click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True)

    def report(outcome) -> None:
        if bar:
            bar.update(1)
        if outcome.status == "failed":
            if bar:
                click.echo("", err=True)
            click.echo(f"error: {shown(outcome.path)}: {shown(outcome.reason)}", err=True)
        elif verbose:
            click.echo(f"{outcome.status:>8}  {shown(outcome.path)}" + (f"  ({outcome.facts} facts)" if outcome.facts else ""))
        if outcome.note and not quiet:
            click.echo(f"note: {shown(outcome.path)}: {outcome.note}", err=True)

    command = "ingest " + " ".join(paths or ("--inbox", inbox)) + (" --replace" if replace else "")
    if runner in ("pool", "plain"):
        from pipeline.batch.loop import ingest_paths, toolkit_for
        from pipeline.batch.inbox import ingest_inbox
        from pipeline.batch.pool import ingest_paths_pooled

        kit = toolkit_for(engine, use_camelot=not no_camelot, limits=limits)
        if inbox:  # an inbox pass takes the few files that arrived: one after another
            summary = ingest_inbox(inbox, db, archive, on_file=report, kit=kit, replace=replace,
                                   settle_seconds=settle)
        elif runner == "plain":
            summary = ingest_paths(paths, db, command=command, on_file=report, kit=kit, replace=replace)
        else:
            summary = ingest_paths_pooled(paths, db, command=command, on_file=report, kit=kit, replace=replace,
                                          workers=workers)
    else:
        _quiet_prefect()
        from dataclasses import asdict

        from flows.ingest_flow import build_inbox_flow, build_ingest_flow, task_runner
        from flows.temporary_server import temporary_server
        from pipeline.batch.pool import default_workers

        _watch_children()
        # on threads a chunk is read by the pool of processes, chunks one after another (threads
        # share one GIL); a task per document (--chunk 1) or on Dask: as many at once as workers
        processes = default_workers() if workers is None else workers
        pooled_chunks = runner == "threads" and chunk != 1 and not inbox and processes > 1
        chosen = task_runner(runner, dask_address, 1 if pooled_chunks else workers)
        server = temporary_server() if not os.environ.get("PREFECT_API_URL") else _no_server()
        with server:
            if inbox:
                flow = build_inbox_flow(report).with_options(task_runner=chosen)
                result = flow(inbox=inbox, db_url=db, archive=archive, use_camelot=not no_camelot, replace=replace,
                              limits=asdict(limits), settle_seconds=settle)
            else:
                flow = build_ingest_flow(report).with_options(task_runner=chosen)
                result = flow(paths=list(paths), db_url=db, command=command, use_camelot=not no_camelot,
                              replace=replace, limits=asdict(limits), chunk=chunk,
                              workers=1 if pooled_chunks else workers or 4,
                              processes=processes if pooled_chunks else 0)
        summary = BatchSummary(result["run_id"], [FileOutcome(**o) for o in result["outcomes"]], result["seconds"])
        summary.recorded = {k: result[k] for k in ("files_seen", "loaded", "replaced", "skipped", "failed", "facts")}
    if bar:
        bar.render_finish()
    for outcome in summary.outcomes:
        if "not archived" in outcome.note:
            click.echo(f"warning: {shown(outcome.path)}: {outcome.note}", err=True)
    click.echo(summary.line())
    if summary.count("failed"):
        sys.exit(1)


def _no_server():
    import contextlib

    return contextlib.nullcontext()


def _watch_children() -> None:
    """In the real process (not a test's in-process call), a watchdog stops our children if we are killed."""
    ctx = click.get_current_context()
    if (ctx.find_root().obj or {}).get("process"):
        from pipeline.core.children import start_watchdog

        ctx.find_root().obj["watchdog"] = start_watchdog()


@main.command()
@click.option("--inbox", required=True, type=click.Path(file_okay=False), help="Folder where new bulletins arrive.")
@click.option("--cron", default=None, help='Cron schedule (default "0 * * * *": every hour).')
@click.option("--interval", type=float, default=None, help="Or every N seconds.")
@click.option("--timezone", default=None, help="Time zone of the cron schedule (Asia/Shanghai).")
@click.option("--archive", type=click.Path(file_okay=False), help="Move processed files here.")
@click.option("--prefect-home", type=click.Path(file_okay=False), help="State of the local Prefect server.")
@DB_OPTION
def serve(inbox: str, cron: str | None, interval: float | None, timezone: str | None, archive: str | None,
          prefect_home: str | None, db: str | None) -> None:
    """Ingest an inbox's new files on a schedule, until stopped (Ctrl-C or SIGTERM).

    Uses the Prefect server at PREFECT_API_URL, or starts and stops a local one (schedules do
    not fire on Prefect's temporary server).

    \b
    Example:
      bulletins serve --inbox /srv/inbox --cron "0 * * * *" --timezone Asia/Shanghai --archive /srv/done
    """
    if not prefect_available():
        raise click.UsageError("serve needs Prefect: pip install 'bulletin-warehouse[flows]'")
    if cron and interval:
        raise click.UsageError("--cron or --interval, not both")
    _quiet_prefect()
    from flows.serve import serve_inbox

    Path(inbox).mkdir(parents=True, exist_ok=True)
    _watch_children()
    sys.exit(serve_inbox(str(Path(inbox).resolve()), db, cron or (None if interval else "0 * * * *"), interval,
                         timezone, archive, prefect_home))


@main.group()
def export() -> None:
    """Export from the warehouse."""


@export.command("facts")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "xlsx"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", metavar="FILE", help="Output file ('-' for stdout; parquet and xlsx need a file).")
@click.option("--columns", default=None, metavar="A,B,…",
              help="Only these columns, in this order (default: all, document, period, entity, measure, value, "
                   "unit first and hashes last).")
@DB_OPTION
def export_facts(fmt: str, output: str, columns: str | None, db: str | None) -> None:
    """Write every fact with its document, entity, metric, period, unit and provenance.

    Excel: headers in Chinese and English, the header row frozen, a filter on every column, dates
    as dates, and a sheet that says what each column holds. Parquet: dates as dates, value and
    value_base as decimals. In CSV and Excel, text that a spreadsheet would run as a formula (=, +,
    -, @ first) is defused: CSV cells get a leading apostrophe, Excel cells are stored as text.

    \b
    Examples:
      bulletins export facts --format xlsx -o facts.xlsx
      bulletins export facts --format csv --columns document,period_label,entity,metric,value,unit
    """
    from pipeline.store.exports import check_output, choose_columns, export_facts as write

    if fmt in ("parquet", "xlsx") and output == "-":
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    check_output(output)
    wanted = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
    if wanted is not None:
        choose_columns(wanted)  # an unknown name fails before the warehouse is read
    engine = _read_only_or_exit(db)
    out = sys.stdout if output == "-" and fmt == "csv" else output
    n = write(engine, fmt, out, wanted)
    if output != "-":
        click.echo(f"wrote {n} facts to {output}", err=True)


@export.command("findings")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", metavar="FILE", help="Output file ('-' for stdout; xlsx needs a file).")
@click.option("--check", "check", default=None, help="Only this check.")
@DB_OPTION
def export_findings(fmt: str, output: str, check: str | None, db: str | None) -> None:
    """Write every finding: its documents by file name, the check and severity, the entity, measure,
    category and period it is about, the values at odds, the quotes and the message.

    \b
    Example:
      bulletins export findings --format csv -o findings.csv
    """
    from pipeline.store import findings as found
    from pipeline.store.exports import check_output, write_findings

    if fmt == "xlsx" and output == "-":
        raise click.UsageError("--format xlsx needs -o FILE")
    check_output(output)
    rows = found.findings(_read_only_or_exit(db), check)
    write_findings(rows, fmt, sys.stdout if output == "-" else output)
    if output != "-":
        click.echo(f"wrote {len(rows)} findings to {output}", err=True)


@main.command()
@click.argument("sql")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default=None,
              help="How rows are written (default: an aligned table).")
@click.option("--csv", "as_csv", is_flag=True, help="Same as --format csv.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json: one JSON object a row.")
@click.option("--wide", is_flag=True, help="Show long text whole in the table (default: cut at 40 columns).")
@click.option("--timeout", type=click.FloatRange(min=0, max=1e9), default=30.0, show_default=True, metavar="SECONDS",
              help="Stop the query after this long (0: no limit).")
def query(sql: str, db: str | None, fmt: str | None, as_csv: bool, as_json: bool, wide: bool, timeout: float) -> None:
    """Run one read-only SQL statement and print its rows as they come.

    Numbers are printed as written (1695300, not 1.6953e+06). Only SELECT, WITH … SELECT, VALUES
    and EXPLAIN are accepted, one statement at a time, on a connection that cannot write (SQLite:
    opened read-only with an authorizer that refuses ATTACH, VACUUM, PRAGMA and writes;
    PostgreSQL: a read-only session). Ctrl-C stops a query.

    \b
    Example:
      bulletins query "SELECT entity, period_label, value, unit FROM facts_view
                       WHERE metric = '完成投资' ORDER BY entity" --format markdown
    """
    from pipeline.store import display
    from pipeline.store.query import QueryOptions, run_read_only

    if timeout != timeout:
        raise click.BadParameter("not a number", param_hint="--timeout")
    chosen = {f for f, on in (("csv", as_csv), ("json", as_json), (fmt, fmt is not None)) if on}
    if len(chosen) > 1:
        raise click.UsageError(f"choose one output format, not {' and '.join(sorted(chosen))}")
    fmt = chosen.pop() if chosen else "table"
    notices: list[str] = []
    store_engine.open_read_only(db, notices)  # the warehouse exists; a killed writer's journal is rolled back
    for notice in notices:
        click.echo(f"note: {notice}", err=True)
    try:
        stream = run_read_only(store_engine.database_url(db), sql, QueryOptions(timeout=timeout))
        columns = list(next(stream))
    except Exception as exc:
        _query_failed(exc)
    try:
        if fmt == "table":
            n = 0
            for line, n in display.format_table_stream(columns, stream, None if wide else display.MAX_WIDTH):
                click.echo(line)
            click.echo(f"({n} rows)")
            return
        lines = {"csv": display.csv_lines, "json": display.json_lines, "markdown": display.markdown_lines}[fmt]
        for line in lines(columns, stream):
            click.echo(line)
    except BrokenPipeError:
        raise
    except Exception as exc:
        _query_failed(exc)


def _query_failed(exc: Exception):
    from pipeline.store.query import QueryRefused, QueryStopped

    if isinstance(exc, (QueryRefused, QueryStopped)):
        raise Failed(f"query failed: {exc}")
    if isinstance(exc, KeyboardInterrupt):
        raise exc
    raise Failed(f"query failed: {store_engine.one_line(exc)}")


@main.command()
@DB_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to serve on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to serve on (0.0.0.0 to let other machines in; the warehouse stays read-only).")
def browse(db: str | None, port: int, host: str) -> None:
    """The warehouse in Datasette, read-only, at http://HOST:PORT/.

    Facts with facets on measure, entity, category, period and document; each fact linked to its
    document and shown with its quote; tables and columns described in Chinese and English; canned
    queries for a measure by entity and period, one entity's series, the findings and the names
    pending. A PostgreSQL warehouse is browsed as a read-only SQLite snapshot taken at start.

    \b
    Example:
      bulletins browse --db sqlite:///bulletins.db --port 8001
    """
    import shutil

    from pipeline.store.browse import datasette_app, serve, snapshot

    engine = _read_only_or_exit(db)
    url = store_engine.database_url(db)
    folder = None
    if engine.dialect.name == "sqlite":
        from sqlalchemy.engine import make_url

        path = Path(make_url(url).database or "").resolve()
        ds = datasette_app(path, path.stem, immutable=False)
    else:
        click.echo(f"copying {engine.url.render_as_string(hide_password=True)} into a read-only snapshot…", err=True)
        path = snapshot(engine)
        folder = path.parent
        ds = datasette_app(path, path.stem, immutable=True, snapshot_of=engine.url.render_as_string(hide_password=True))
    click.echo(f"browsing {url if engine.dialect.name == 'sqlite' else path} at http://{host}:{port}/{path.stem} "
               "(Ctrl-C stops)", err=True)
    try:
        serve(ds, host, port)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


@main.command()
@click.argument("measure")
@click.option("--by", type=click.Choice(["entity", "category", "jurisdiction"]), default="entity", show_default=True,
              help="What rows are grouped by first (a row is always one entity and one category).")
@click.option("--period", "periods", multiple=True, metavar="TEXT",
              help="Only periods whose heading contains this (2020, 1-6月; repeatable).")
@click.option("--category", "categories", multiple=True, metavar="PATH",
              help="Only this category path (区级重点项目; repeatable; --totals for totals only).")
@click.option("--totals", is_flag=True, help="Only the measure's totals (facts with no category).")
@click.option("--entity", "entities", multiple=True, metavar="NAME", help="Only this entity (repeatable).")
@click.option("--unit", default=None, help="The base unit to show where a measure has several (default: its most "
                                           "common).")
@click.option("-o", "--output", default=None, metavar="FILE.xlsx|FILE.csv",
              help="Write the pivot to a file: .xlsx adds each cell's source fact and the conflicts.")
@DB_OPTION
def pivot(measure: str, by: str, periods: tuple, categories: tuple, totals: bool, entities: tuple, unit: str | None,
          output: str | None, db: str | None) -> None:
    """One measure as a table: entities (with their category) as rows, periods as columns, in
    the measure's base unit, each cell from one fact.

    Facts that state the same figure (a table and its prose, the PDF and the Word copy) fill one
    cell. Facts that claim one cell with different figures leave it empty (≠ on screen) and are
    listed below the table with their documents, quotes and the warehouse's findings: a cell is
    never a silent sum.

    \b
    Examples:
      bulletins pivot 完成投资 --entity 渌口区 --entity 淦田镇
      bulletins pivot 完成投资 --category 区级重点项目 -o 完成投资.xlsx
    """
    from pipeline.store import display
    from pipeline.store.exports import check_output
    from pipeline.store.pivot import PivotError, build_pivot, write_pivot

    if output:
        check_output(output)
    wanted = (tuple(categories) + (("",) if totals else ())) or None
    try:
        p = build_pivot(_read_only_or_exit(db), measure, by, tuple(periods), wanted, tuple(entities), unit)
        if output:
            write_pivot(p, output)
    except PivotError as exc:
        raise Failed(str(exc)) from None
    for reason, n in p.left_out.items():
        click.echo(f"note: {n} facts of {measure} left out ({reason})", err=True)
    if output:
        click.echo(f"wrote {len(p.rows)} rows × {len(p.columns)} periods of {p.title} to {output}"
                   f"{f'; {len(p.conflicts)} cells in conflict' if p.conflicts else ''}", err=True)
        return
    conflicted = {(c.row, c.column) for c in p.conflicts}
    table = [r + tuple(p.cells[(r, c)].value if (r, c) in p.cells else ("≠" if (r, c) in conflicted else None)
                   for c in p.columns) for r in p.rows]
    click.echo(p.title)
    click.echo(display.format_table(list(p.row_names) + [c.heading for c in p.columns], table))
    click.echo(f"({len(p.rows)} rows, {len(p.columns)} periods, {len(p.cells)} cells)")
    for c in p.conflicts:
        click.echo(f"≠ {' / '.join(c.row)} {c.column.heading}: " + "; ".join(
            f"{display.plain_number(x.value)} {x.unit} in {x.where}" for x in c.claims))
        for finding in c.findings:
            click.echo(f"    finding {finding}")


@main.command()
@click.argument("measure")
@click.option("--entity", "entities", multiple=True, required=True, metavar="NAME",
              help="The entity whose series is drawn (repeatable: a line each).")
@click.option("--category", default=None, metavar="PATH", help="The category path (default: the total, or the only "
                                                                 "category the entity has).")
@click.option("--unit", default=None, help="The base unit where the measure has several.")
@click.option("-o", "--output", default=None, metavar="FILE.png|FILE.svg",
              help="Where the chart goes (default: MEASURE.png here).")
@DB_OPTION
def chart(measure: str, entities: tuple, category: str | None, unit: str | None, output: str | None,
          db: str | None) -> None:
    """A measure's series across bulletins, one line per entity, drawn with a CJK font.

    Periods of different spans (1-6月 and 1-9月) are separate lines, so that a year's running
    total is never drawn as a fall. Cells in conflict are left out of the line and named.

    \b
    Example:
      bulletins chart 完成投资 --entity 渌口区 -o 渌口区完成投资.png
    """
    from pipeline.store.chart import ChartError, draw_series
    from pipeline.store.exports import check_output
    from pipeline.store.pivot import PivotError

    output = output or f"{measure}.png"
    check_output(output)
    try:
        drawn = draw_series(_read_only_or_exit(db), measure, entities, category, unit, output)
    except (PivotError, ChartError) as exc:
        raise Failed(str(exc)) from None
    for note in drawn.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"wrote {output}: {drawn.points} points on {len(drawn.lines)} line{'s' * (len(drawn.lines) > 1)} "
               f"({', '.join(drawn.lines)})", err=True)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
def stats(db: str | None, as_json: bool) -> None:
    """Counts: documents, tables, facts, failures, findings, names pending review.

    \b
    Example:
      bulletins stats --db sqlite:///warehouse.db
    """
    engine = _read_only_or_exit(db)
    numbers = counts.stats(engine)
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False))
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>20}  {value}")


@main.command("findings")
@DB_OPTION
@click.option("--check", "check", default=None, help="Only this check (rate, prose_table, row_total, unit, …).")
@click.option("--document", default=None, help="Only documents whose file name contains this.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a finding.")
def findings_command(db: str | None, check: str | None, document: str | None, as_json: bool) -> None:
    """What the checks found: rates that do not follow from their parts, a sentence that says
    another value than its own table, totals that do not add up, figures without a unit.

    \b
    Example:
      bulletins findings --check rate
    """
    from pipeline.store import findings as found

    rows = found.findings(_read_only_or_exit(db), check, document)
    if _echo_json(rows, as_json):
        return
    table = [(r["document"] + (f" ~ {r['other_document']}" if r["other_document"] else ""), r["check"], r["severity"],
              "" if r["table"] is None else f"table {r['table']} row {r['row']}",
              " / ".join(x for x in (r["entity"], r["metric"], r["category"], r["period_label"]) if x),
              "; ".join(plain_number(v) for v in r["figures"]), r["message"]) for r in rows]
    click.echo(format_table(["document", "check", "severity", "where", "about", "figures", "message"], table, 80))
    click.echo(f"({len(rows)} findings)")


@main.command()
@DB_OPTION
def upgrade(db: str | None) -> None:
    """Create the warehouse, or upgrade its schema to this version's (read-only commands cannot).

    \b
    Example:
      bulletins upgrade --db sqlite:///warehouse.db
    """
    engine = store_engine.open_warehouse(db)
    click.echo(f"{store_engine.database_url(db)}: schema {store_engine.schema_revision(engine)}")


@main.group()
def names() -> None:
    """Review entity names: pending ones, and an archivist's decisions."""


@names.command("pending")
@DB_OPTION
@click.option("--status", type=click.Choice(["review", "new"]), default=None,
              help="Only names that need a decision (review) or only names read as new entities (new).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a name.")
def names_pending(db: str | None, status: str | None, as_json: bool) -> None:
    """Names left for review or read as new entities, with their best candidates and where seen.

    Those that need a person come first: names in review (a guess between candidates), then
    names matched with a low score, then new entities; within each, the names with the most
    facts first.

    \b
    Example:
      bulletins names pending --status review
    """
    from pipeline.store import names as review

    rows = review.pending(_read_only_or_exit(db), status)
    if _echo_json(rows, as_json):
        return
    table = [(r["raw"], r["context"], r["method"], r["kind"],
              "; ".join(f"{n} {s:g}" for n, s in r["candidates"]) or "-", r["facts"],
              ", ".join(f"{d} ({n})" for d, n in r["seen_in"].items())) for r in rows]
    click.echo(format_table(["name", "context", "status", "kind", "candidates", "facts", "seen in (facts)"],
                            table, 60))
    click.echo(f"({len(rows)} names pending)")


def _echo_json(rows: list[dict], as_json: bool) -> bool:
    """With --json, one object a line (and True: nothing more to print)."""
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    return as_json


def _writable(db):
    return store_engine.open_warehouse(db)


@names.command("accept")
@click.argument("raw")
@click.argument("canonical")
@click.option("--context", default=None, help="Only where this jurisdiction issued the bulletin (default: everywhere).")
@DB_OPTION
def names_accept(raw: str, canonical: str, context: str | None, db: str | None) -> None:
    """RAW means the entity CANONICAL: applies now to loaded facts and to later ingests.

    \b
    Example:
      bulletins names accept "市平台公司(发改局)" "石峰区发展和改革局" --context 石峰区
    """
    from pipeline.store import names as review

    try:
        n, decision = review.accept(_writable(db), raw, canonical, context)
    except (LookupError, review.DecisionError) as exc:
        raise Failed(exc.args[0] if exc.args else str(exc)) from None
    click.echo(f"{raw} → {canonical}: {n} facts updated (decision {decision}; undo with 'bulletins names undo {decision}')")


@names.command("reject")
@click.argument("raw")
@click.option("--context", default=None, help="Only where this jurisdiction issued the bulletin.")
@DB_OPTION
def names_reject(raw: str, context: str | None, db: str | None) -> None:
    """RAW is none of its candidates: keep it as an entity of its own.

    \b
    Example:
      bulletins names reject "元区"
    """
    from pipeline.store import names as review

    try:
        n, decision = review.reject(_writable(db), raw, context)
    except review.DecisionError as exc:
        raise Failed(str(exc)) from None
    click.echo(f"{raw}: its own entity, {n} facts updated (decision {decision})")


@names.command("add")
@click.argument("name")
@click.option("--kind", required=True, help="district, county, zone, park, street, department, company, project …")
@click.option("--parent", default=None, help="The place it belongs to (株洲市).")
@click.option("--code", default=None, help="GB/T 2260 code where it has one.")
@click.option("--alias", "aliases", multiple=True, help="Another name for it (repeatable).")
@DB_OPTION
def names_add(name: str, kind: str, parent: str | None, code: str | None, aliases: tuple, db: str | None) -> None:
    """Add a canonical entity (and its aliases) to the warehouse.

    \b
    Example:
      bulletins names add 石峰区轨道交通集团 --kind company --parent 石峰区 --alias 轨道公司
    """
    from pipeline.store import names as review

    try:
        n, decision = review.add(_writable(db), name, kind, parent, code, aliases)
    except review.DecisionError as exc:
        raise Failed(str(exc)) from None
    click.echo(f"added {name} ({kind}); {n} facts updated (decision {decision})")


@names.command("export")
@click.option("-o", "--output", required=True, metavar="FILE")
@DB_OPTION
def names_export(output: str, db: str | None) -> None:
    """Write every alias (name, context → entity, method, score, confirmed) to CSV.

    \b
    Example:
      bulletins names export -o aliases.csv
    """
    from pipeline.store import names as review

    click.echo(f"wrote {review.export_aliases(_read_only_or_exit(db), output)} aliases to {output}")


@names.command("import")
@click.argument("path")
@DB_OPTION
def names_import(path: str, db: str | None) -> None:
    """Apply the confirmed aliases of a CSV written by 'names export' (another archive's, say).

    Every row is checked first (columns, UTF-8, blank names, one name given two entities); a
    file with any problem applies nothing. The import is one decision, undone as one.

    \b
    Example:
      bulletins names import aliases.csv
    """
    from pipeline.store import names as review

    try:
        n, decision = review.import_aliases(_writable(db), path)
    except review.DecisionError as exc:
        raise Failed(str(exc)) from None
    click.echo(f"applied {n} confirmed aliases from {path} (decision {decision})")


@names.command("decisions")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object a decision.")
def names_decisions(db: str | None, as_json: bool) -> None:
    """Every decision on names, newest first: what, who (the OS user), when, undone or not.

    \b
    Example:
      bulletins names decisions
    """
    from pipeline.store import names as review

    rows = review.decisions(_read_only_or_exit(db))
    if _echo_json(rows, as_json):
        return
    table = [(r["id"], r["action"], r["summary"], r["decided_by"], f"{r['decided_at']:%Y-%m-%d %H:%M}",
              r["facts_changed"], f"{r['undone_at']:%Y-%m-%d %H:%M} by {r['undone_by']}" if r["undone_at"] else "")
             for r in rows]
    click.echo(format_table(["id", "action", "decision", "by", "at", "facts", "undone"], table, 60))


@names.command("undo")
@click.argument("decision_id", type=int)
@DB_OPTION
def names_undo(decision_id: int, db: str | None) -> None:
    """Put back what decision ID changed (aliases, facts, an entity it added).

    \b
    Example:
      bulletins names undo 12
    """
    from pipeline.store import names as review

    try:
        n = review.undo(_writable(db), decision_id)
    except (LookupError, review.DecisionError) as exc:
        raise Failed(exc.args[0] if exc.args else str(exc)) from None
    click.echo(f"undid decision {decision_id}: {n} facts as they were before it")


def _read_only_or_exit(db: str | None):
    notices: list[str] = []
    engine = store_engine.open_read_only(db, notices)
    for notice in notices:
        click.echo(f"note: {notice}", err=True)
    try:
        with engine.connect():
            pass
    except Exception as exc:
        raise Failed(f"cannot open warehouse {store_engine.database_url(db)}: {store_engine.one_line(exc)}") from None
    return engine


def run() -> None:
    """The `bulletins` program: signals stop it cleanly, and its children are watched."""
    from pipeline.core.children import stop_on_signals

    stop_on_signals()
    main(obj={"process": True})


if __name__ == "__main__":
    run()
