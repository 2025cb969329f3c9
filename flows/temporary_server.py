"""A temporary Prefect server for one command, owned by it: started quietly (its output goes to a
log file, not the user's terminal), stopped when the command ends, however it ends.

Prefect would start the same server by itself (its "ephemeral" server), but writing to the
user's terminal, and stopped only by an atexit handler that SIGTERM and SIGKILL skip. Here the
server's stderr is a log file, the caller stops it in `finally`, and pipeline.core.children's
watchdog stops it if the command is killed outright.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def _stderr_to(path: str):
    """fd 2 points at path while a child is started, so that the child inherits the file."""
    saved = os.dup(2)
    log = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.dup2(log, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(log)


def drain_clients(timeout: float = 5.0) -> None:
    """Let Prefect's log and event workers send what they hold while the server still listens;
    otherwise they report, at exit, that it is gone."""
    try:
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker
    except ImportError:  # another Prefect layout: nothing to drain
        return
    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except Exception:
            pass


@contextmanager
def temporary_server() -> Iterator[str]:
    """Yields the API URL of a private Prefect server (Prefect's API URL setting points at it meanwhile)."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    log = os.path.join(tempfile.gettempdir(), f"bulletins-prefect-{os.getpid()}.log")
    server = SubprocessASGIServer()
    try:
        with _stderr_to(log):
            server.start(timeout=120)
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            try:
                yield server.api_url
            finally:
                drain_clients()
    finally:
        server.stop()
        try:
            os.unlink(log)
        except OSError:
            pass
