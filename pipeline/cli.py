"""The `bulletins` command: ingest bulletins, export facts, query and inspect the warehouse."""
from __future__ import annotations

import csv
import json
import sys
import unicodedata
from pathlib import Path

import click

from pipeline import warehouse

DB_OPTION = click.option("--db", "db", envvar="BULLETINS_DB", default=None, metavar="URL",
                         help="SQLAlchemy URL of the warehouse (default: sqlite:///bulletins.db; env BULLETINS_DB).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--runner", type=click.Choice(["threads", "dask", "plain"]), default=None,
              help="threads (default): a Prefect flow with one task per document on threads; dask: on a Dask "
                   "cluster; plain: a loop without Prefect (the default when Prefect is not installed).")
@click.option("--dask-address", metavar="HOST:PORT", help="Scheduler of an existing Dask cluster (implies --runner dask).")
@click.option("--workers", type=int, help="Threads, or local Dask workers.")
@click.option("--no-camelot", is_flag=True, help="pdfplumber only for PDF tables (faster; unruled tables may be missed).")
@click.option("--verbose", "-v", is_flag=True, help="A line for every file.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary and errors.")
def ingest(paths: tuple[str, ...], db: str | None, inbox: str | None, archive: str | None, runner: str | None,
           dask_address: str | None, workers: int | None, no_camelot: bool, verbose: bool, quiet: bool) -> None:
    """Ingest files, folders or globs (.txt .md .html .pdf) into the warehouse.

    Re-running is safe: files already loaded (same content) are skipped without being read
    again; a file whose content changed replaces its earlier facts. Bad files are reported one
    line each on stderr and recorded as failures; the exit status is 1 when any file failed.
    With PREFECT_API_URL set, the flow runs on that Prefect server; otherwise on a temporary one.

    \b
    Example:
      bulletins ingest samples/ 'archive/**/*.pdf' --db sqlite:///warehouse.db
      bulletins ingest --inbox /srv/inbox --archive /srv/done      # from system cron
      bulletins ingest big-archive/ --dask-address tcp://10.0.0.5:8786
    """
    from pipeline.ingest import BatchSummary, FileOutcome, discover

    if not paths and not inbox:
        raise click.UsageError("name files, folders or globs to ingest, or --inbox DIR")
    if archive and not inbox:
        raise click.UsageError("--archive goes with --inbox")
    runner = "dask" if dask_address else runner or ("threads" if prefect_available() else "plain")
    if runner != "plain" and not prefect_available():
        raise click.UsageError(f"--runner {runner} needs Prefect: pip install 'bulletin-warehouse[flows]'")

    if inbox:
        from pipeline import warehouse as wh
        from pipeline.inbox import new_files

        total = len(new_files(wh.open_warehouse(db), str(Path(inbox).resolve())))
    else:
        total = len(discover(paths))
    bar = click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True) \
        if sys.stderr.isatty() and not quiet and not verbose else None

    def report(outcome) -> None:
        if bar:
            bar.update(1)
        if outcome.status == "failed":
            if bar:
                click.echo("", err=True)
            click.echo(f"error: {outcome.path}: {outcome.reason}", err=True)
        elif verbose:
            click.echo(f"{outcome.status:>8}  {outcome.path}" + (f"  ({outcome.facts} facts)" if outcome.facts else ""))

    command = "ingest " + " ".join(paths or ("--inbox", inbox))
    if runner == "plain":
        from pipeline.inbox import ingest_inbox
        from pipeline.ingest import Toolkit, ingest_paths

        if inbox:
            summary = ingest_inbox(inbox, db, archive, on_file=report)
        else:
            summary = ingest_paths(paths, db, command=command, on_file=report,
                                   kit=Toolkit.create(use_camelot=not no_camelot,
                                                      engine=warehouse.open_warehouse(db)))
    else:
        _quiet_prefect()
        from flows.ingest_flow import build_inbox_flow, build_ingest_flow, task_runner

        chosen = task_runner(runner, dask_address, workers)
        if inbox:
            flow = build_inbox_flow(report).with_options(task_runner=chosen)
            result = flow(inbox=inbox, db_url=db, archive=archive, use_camelot=not no_camelot)
        else:
            flow = build_ingest_flow(report).with_options(task_runner=chosen)
            result = flow(paths=list(paths), db_url=db, command=command, use_camelot=not no_camelot)
        summary = BatchSummary(result["run_id"], [FileOutcome(**o) for o in result["outcomes"]], result["seconds"])
    if bar:
        bar.render_finish()
    click.echo(summary.line())
    if summary.count("failed"):
        sys.exit(1)


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
    sys.exit(serve_inbox(str(Path(inbox).resolve()), db, cron or (None if interval else "0 * * * *"), interval,
                         timezone, archive, prefect_home))


@main.group()
def export() -> None:
    """Export from the warehouse."""


@export.command("facts")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "xlsx"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", metavar="FILE", help="Output file ('-' for stdout; parquet and xlsx need a file).")
@DB_OPTION
def export_facts(fmt: str, output: str, db: str | None) -> None:
    """Write every fact with its document, entity, metric, period, unit and provenance.

    \b
    Example:
      bulletins export facts --format parquet -o facts.parquet
    """
    if fmt in ("parquet", "xlsx") and output == "-":
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    engine = _read_only_or_exit(db)
    out = sys.stdout if output == "-" and fmt == "csv" else output
    n = warehouse.export_facts(engine, fmt, out)
    if output != "-":
        click.echo(f"wrote {n} facts to {output}", err=True)


@main.command()
@click.argument("sql")
@DB_OPTION
@click.option("--csv", "as_csv", is_flag=True, help="CSV on stdout.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a row.")
def query(sql: str, db: str | None, as_csv: bool, as_json: bool) -> None:
    """Run a read-only SQL query and print the result.

    The warehouse is opened read-only, so a query can never change or delete data.

    \b
    Example:
      bulletins query "SELECT entity, period_label, value, unit FROM facts_view
                       WHERE metric LIKE '%完成投资%' ORDER BY entity"
    """
    engine = _read_only_or_exit(db)
    try:
        columns, rows = warehouse.run_query(engine, sql)
    except Exception as exc:  # bad SQL or a refused write: one line, no traceback
        message = str(getattr(exc, "orig", exc)).splitlines()[0]
        click.echo(f"error: query failed: {message}", err=True)
        sys.exit(2)
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    elif as_json:
        for r in rows:
            click.echo(json.dumps(dict(zip(columns, r)), ensure_ascii=False, default=str))
    else:
        click.echo(format_table(columns, rows))
        click.echo(f"({len(rows)} rows)")


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
    numbers = warehouse.stats(engine)
    if as_json:
        click.echo(json.dumps(numbers, ensure_ascii=False))
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>20}  {value}")


@main.group()
def names() -> None:
    """Review entity names: pending ones, and an archivist's decisions."""


@names.command("pending")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object a name.")
def names_pending(db: str | None, as_json: bool) -> None:
    """Names left for review or read as new entities, with their best candidates and where seen.

    \b
    Example:
      bulletins names pending
    """
    from pipeline import names as review

    rows = review.pending(_read_only_or_exit(db))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    table = [(r["raw"], r["context"], r["method"], r["kind"],
              "; ".join(f"{n} {s:g}" for n, s in r["candidates"]) or "-",
              ", ".join(f"{d} ({n})" for d, n in r["seen_in"].items())) for r in rows]
    click.echo(format_table(["name", "context", "status", "kind", "candidates", "seen in (facts)"], table, 60))
    click.echo(f"({len(rows)} names pending)")


def _writable(db):
    try:
        return warehouse.open_warehouse(db)
    except Exception as exc:
        click.echo(f"error: cannot open warehouse {warehouse.database_url(db)}: {exc}", err=True)
        sys.exit(2)


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
    from pipeline import names as review

    try:
        n = review.accept(_writable(db), raw, canonical, context)
    except LookupError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{raw} → {canonical}: {n} facts updated")


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
    from pipeline import names as review

    n = review.reject(_writable(db), raw, context)
    click.echo(f"{raw}: its own entity, {n} facts updated")


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
    from pipeline import names as review

    n = review.add(_writable(db), name, kind, parent, code, aliases)
    click.echo(f"added {name} ({kind}); {n} facts updated")


@names.command("export")
@click.option("-o", "--output", required=True, metavar="FILE")
@DB_OPTION
def names_export(output: str, db: str | None) -> None:
    """Write every alias (name, context → entity, method, score, confirmed) to CSV.

    \b
    Example:
      bulletins names export -o aliases.csv
    """
    from pipeline import names as review

    click.echo(f"wrote {review.export_aliases(_read_only_or_exit(db), output)} aliases to {output}")


@names.command("import")
@click.argument("path")
@DB_OPTION
def names_import(path: str, db: str | None) -> None:
    """Apply the confirmed aliases of a CSV written by 'names export' (another archive's, say).

    \b
    Example:
      bulletins names import aliases.csv
    """
    from pipeline import names as review

    click.echo(f"applied {review.import_aliases(_writable(db), path)} confirmed aliases from {path}")


def _read_only_or_exit(db: str | None):
    try:
        engine = warehouse.open_read_only(db)
        with engine.connect():
            pass
        return engine
    except Exception as exc:
        click.echo(f"error: cannot open warehouse {warehouse.database_url(db)}: {exc}", err=True)
        sys.exit(2)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def format_table(columns: list[str], rows: list[tuple], max_width: int = 40) -> str:
    """Aligned text table that accounts for double-width Han characters."""
    def cell(v) -> str:
        s = "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))
        s = s.replace("\n", " ")
        while _width(s) > max_width:
            s = s[:-2] + "…"
        return s

    body = [[cell(v) for v in r] for r in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in body]) for i, c in enumerate(columns)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(columns, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)) for r in body]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
