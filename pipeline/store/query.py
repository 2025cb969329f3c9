"""The statisticians' read-only query: one reading statement, on a connection that cannot write,
stopped by a timeout or Ctrl-C, its rows streamed.

Read-only is structural, in three layers, each enough alone for the common mistakes:
1. the statement is parsed (sqlglot): exactly one SELECT, WITH … SELECT, VALUES or EXPLAIN of one,
   with no data-changing node anywhere inside (a PostgreSQL `WITH d AS (DELETE …)`, `SELECT INTO`);
2. the connection cannot write: SQLite opened with `mode=ro` and an authorizer that allows only
   reading (no ATTACH, VACUUM, PRAGMA, writes); PostgreSQL with `default_transaction_read_only`
   set for the whole session, so that even a COMMIT could not start a writing transaction;
3. on PostgreSQL, the role in the URL: README shows a role that is granted SELECT only.
"""
from __future__ import annotations

import logging
import re
import signal
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional

logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its fallback warnings are not the user's concern

DEFAULT_TIMEOUT = 30.0
FETCH_ROWS = 500

_EXPLAIN = re.compile(r"^\s*explain\b(?:\s+query\s+plan\b|\s*\([^)]*\)|\s+analy[sz]e\b|\s+verbose\b)*", re.I)
_TRAILER = re.compile(r";(?:\s|;|--[^\n]*|/\*.*?\*/)*$", re.S)  # the end mark and comments after it
# PostgreSQL functions that act outside the query (files, other sessions, settings, large objects)
_FORBIDDEN_FUNCTIONS = {
    "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_read_file",
    "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export", "lo_unlink", "set_config",
    "dblink", "dblink_exec", "pg_switch_wal", "pg_create_restore_point", "load_extension", "pg_advisory_lock",
    "pg_advisory_xact_lock", "pg_notify", "nextval", "setval", "txid_current", "pg_current_xact_id",
    # these run a query given as text, out of the parser's sight
    "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema",
    "lo_from_bytea", "lo_put", "lo_create", "lo_creat",
}


_WRITING_WORDS = {"INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "CREATE", "DROP", "ALTER", "TRUNCATE",
                  "ATTACH", "DETACH", "VACUUM", "PRAGMA", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "ROLLBACK", "END",
                  "SAVEPOINT", "RELEASE", "SET", "RESET", "GRANT", "REVOKE", "COPY", "LOCK", "CALL", "DO", "CLUSTER",
                  "COMMENT", "SECURITY", "REFRESH", "LISTEN", "NOTIFY", "LOAD", "DISCARD", "PREPARE", "EXECUTE"}


class QueryRefused(Exception):
    """The statement is not one read-only query."""


class QueryStopped(Exception):
    """The query ran past its timeout or was interrupted."""


@dataclass
class QueryOptions:
    timeout: float = DEFAULT_TIMEOUT  # seconds; 0 means none


def check_read_only(sql: str, dialect: str) -> str:
    """The statement to run, or QueryRefused saying why not."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ParseError, TokenError

    body = _TRAILER.sub("", sql).strip()  # "SELECT 1; -- done": the comment after the end is nothing
    explain = _EXPLAIN.match(body)
    inner = body[explain.end():] if explain else body
    if not inner.strip():
        raise QueryRefused("empty statement")
    try:
        trees = [t for t in sqlglot.parse(inner, read="postgres" if dialect == "postgresql" else "sqlite") if t]
    except (ParseError, TokenError) as exc:
        raise QueryRefused(f"syntax error: {str(exc).splitlines()[0]}") from None
    if len(trees) != 1:
        raise QueryRefused(f"one statement only ({len(trees)} given)")
    tree = trees[0]
    readable = (exp.Select, exp.SetOperation, exp.Values, exp.Subquery)
    if not isinstance(tree, readable):
        first = inner.split(None, 1)[0].upper()
        if first in _WRITING_WORDS:
            raise QueryRefused(f"a read-only query cannot run {first}: only SELECT, WITH … SELECT, VALUES or EXPLAIN")
        raise QueryRefused(f"syntax error or not a query: {first} is not SELECT, WITH … SELECT, VALUES or EXPLAIN")
    writers = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Alter, exp.Command,
               exp.Pragma, exp.Transaction, exp.Commit, exp.Rollback, exp.Set, exp.Copy, exp.Into, exp.Lock)
    for node in tree.walk():
        if isinstance(node, writers):
            raise QueryRefused(f"a read-only query cannot hold {node.key.upper()}")
        if isinstance(node, (exp.Anonymous, exp.Func)):
            name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
            if name in _FORBIDDEN_FUNCTIONS:
                raise QueryRefused(f"function {name}() acts outside the query")
    return body


# ---------------------------------------------------------------- SQLite

_SQLITE_ALLOWED = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                   getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


# pragmas that only describe the schema, usable as table functions: SELECT * FROM pragma_table_info('facts')
_SQLITE_DESCRIBING_PRAGMAS = {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
                              "foreign_key_list", "function_list", "pragma_list", "collation_list"}


def _sqlite_authorizer(action, arg1, arg2, _db, _trigger):
    """Reading only: ATTACH, VACUUM, PRAGMA, writes and schema changes are denied."""
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _SQLITE_DESCRIBING_PRAGMAS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and arg1 in ("sqlite_master", "sqlite_schema"):
        return sqlite3.SQLITE_IGNORE  # asked while a describing pragma reads the schema: nothing is written
    if action not in _SQLITE_ALLOWED:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _FORBIDDEN_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


class _Stopper:
    """Decides when a running query must stop: past its deadline, or on Ctrl-C / SIGTERM."""

    def __init__(self, timeout: float):
        self.deadline = time.monotonic() + timeout if timeout and timeout > 0 else None
        self.timeout = timeout
        self.reason: Optional[str] = None

    def interrupt(self, why: str) -> None:
        self.reason = self.reason or why

    def should_stop(self) -> bool:
        if self.reason is None and self.deadline is not None and time.monotonic() > self.deadline:
            self.reason = f"stopped after {self.timeout:g} s (--timeout)"
        return self.reason is not None


@contextmanager
def _signals_stop(stopper: _Stopper, on_signal=None):
    """Ctrl-C and SIGTERM stop the query instead of killing the process mid-row."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, _frame):
        stopper.interrupt("interrupted (Ctrl-C)" if signum == signal.SIGINT else "interrupted (SIGTERM)")
        if on_signal:
            on_signal()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def _sqlite_rows(path: str, sql: str, opts: QueryOptions) -> Iterator[tuple]:
    from pipeline.store.engine import sqlite_uri

    conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=30, check_same_thread=False)
    stopper = _Stopper(opts.timeout)

    def fetch(call):
        # signals stop the query only while SQLite works; between batches they are the caller's again
        with _signals_stop(stopper):
            try:
                return call()
            except sqlite3.DatabaseError as exc:
                if stopper.reason and "interrupt" in str(exc):
                    raise QueryStopped(stopper.reason) from None
                if "not authorized" in str(exc) or "authorization denied" in str(exc):
                    raise QueryRefused("not authorized on a read-only connection") from None
                raise

    try:
        conn.execute("PRAGMA query_only=ON")
        conn.set_authorizer(_sqlite_authorizer)
        # called every few thousand VM steps: Python signal handlers run here too
        conn.set_progress_handler(lambda: 1 if stopper.should_stop() else 0, 2000)
        cur = fetch(lambda: conn.execute(sql))
        yield tuple(d[0] for d in cur.description or ())
        while True:
            batch = fetch(lambda: cur.fetchmany(FETCH_ROWS))
            if stopper.reason:
                raise QueryStopped(stopper.reason)
            if not batch:
                break
            yield from batch
    finally:
        conn.close()


# ---------------------------------------------------------------- PostgreSQL

def postgres_engine(url, opts: QueryOptions):
    """An engine whose sessions start read-only (a COMMIT cannot leave that) with a statement timeout."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    ms = int(opts.timeout * 1000) if opts.timeout and opts.timeout > 0 else 0
    options = f"-c default_transaction_read_only=on -c statement_timeout={ms}"
    return create_engine(url, connect_args={"options": options}, poolclass=NullPool)


def _postgres_rows(url, sql: str, opts: QueryOptions) -> Iterator[tuple]:
    from sqlalchemy.exc import DBAPIError

    # rows come through a server-side cursor (DECLARE … CURSOR FOR), which itself admits only a
    # query; EXPLAIN cannot be declared as a cursor, and its few rows need none
    stream = not _EXPLAIN.match(sql)
    engine = postgres_engine(url, opts)
    stopper = _Stopper(opts.timeout)  # statement_timeout bounds each FETCH; this, the whole query

    def fetch(raw, call):
        with _signals_stop(stopper, on_signal=lambda: raw.cancel()):
            try:
                return call()
            except DBAPIError as exc:
                message = str(exc.orig).lower()
                if "statement timeout" in message:
                    raise QueryStopped(f"stopped after {opts.timeout:g} s (--timeout)") from None
                if stopper.reason or "canceling statement due to user request" in message:
                    raise QueryStopped(stopper.reason or "interrupted") from None
                raise

    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            conn = conn.execution_options(postgresql_readonly=True, stream_results=stream,
                                          max_row_buffer=FETCH_ROWS)
            # the driver's own call: ':name' inside a string literal is text, not a bind parameter
            result = fetch(raw, lambda: conn.exec_driver_sql(sql.replace("%", "%%")))  # pyformat: % is %%
            yield tuple(result.keys()) if result.returns_rows else ()
            while result.returns_rows:
                batch = fetch(raw, lambda: result.fetchmany(FETCH_ROWS))
                if stopper.should_stop():
                    raise QueryStopped(stopper.reason)
                if not batch:
                    break
                yield from (tuple(r) for r in batch)
    finally:
        engine.dispose()


def run_read_only(url: str, sql: str, opts: Optional[QueryOptions] = None) -> Iterator[tuple]:
    """Yields the column names, then the rows, as they come. QueryRefused before anything runs."""
    from sqlalchemy.engine import make_url

    from pipeline.store.engine import sqlite_path

    opts = opts or QueryOptions()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        statement = check_read_only(sql, "sqlite")
        return _sqlite_rows(sqlite_path(url), statement, opts)
    statement = check_read_only(sql, parsed.get_backend_name())
    return _postgres_rows(parsed, statement, opts)
