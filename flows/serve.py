"""Scheduled inbox runs: serve a deployment of the inbox flow on a cron or interval schedule.

Prefect schedules do not fire on the ephemeral server, so without PREFECT_API_URL this starts a
local Prefect server of its own (state in --prefect-home), serves the deployment against it in a
child process, and stops both on Ctrl-C or SIGTERM. With PREFECT_API_URL set, it serves against
that server.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Optional

QUIET_PREFECT = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(api_url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Prefect server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the Prefect server at {api_url} did not answer within {timeout:.0f} s")


def start_local_server(prefect_home: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, **QUIET_PREFECT, "PREFECT_HOME": prefect_home,
           "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "2"}
    env.pop("PREFECT_API_URL", None)
    log = open(Path(prefect_home) / "server.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        _wait_healthy(api_url, proc)
    except BaseException:  # Ctrl-C or a failed start: the half-started server goes too
        _stop(proc)
        raise
    return proc, api_url


def _stop(proc: Optional[subprocess.Popen]) -> None:
    """SIGTERM to the child's whole process group, then SIGKILL to what is left."""
    if proc is None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    try:  # the group may outlive its leader: anything left in it goes too
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def serve_inbox(inbox: str, db_url: Optional[str], cron: Optional[str], interval: Optional[float],
                timezone: Optional[str], archive: Optional[str], prefect_home: Optional[str] = None) -> int:
    """Run until interrupted (Ctrl-C, SIGTERM, SIGHUP: whenever it comes, even during start-up);
    returns the exit status. The server and the serving child are stopped on the way out."""
    from pipeline.core.children import stop_on_signals

    stop_on_signals()  # also takes SIGINT back where a script started us in the background with it ignored
    args = ["--inbox", inbox] + (["--db", db_url] if db_url else []) + (["--cron", cron] if cron else []) \
        + (["--interval", str(interval)] if interval else []) + (["--timezone", timezone] if timezone else []) \
        + (["--archive", archive] if archive else [])
    server = child = None
    env = {**os.environ, **{k: os.environ.get(k, v) for k, v in QUIET_PREFECT.items()}}
    home = prefect_home or os.environ.get("PREFECT_HOME") or tempfile.mkdtemp(prefix="bulletins-prefect-")
    Path(home).mkdir(parents=True, exist_ok=True)
    try:
        if not os.environ.get("PREFECT_API_URL"):
            server, api_url = start_local_server(home)
            env.update(PREFECT_API_URL=api_url, PREFECT_HOME=home)
            print(f"started a local Prefect server at {api_url} (state in {home})", flush=True)
        log_path = Path(home) / "serve.log"
        print(f"serving; runs are logged to {log_path}; stop with Ctrl-C", flush=True)
        with open(log_path, "ab") as log:
            child = subprocess.Popen([sys.executable, "-m", "flows.serve", *args], env=env, start_new_session=True,
                                     stdout=log, stderr=subprocess.STDOUT)
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        # a second signal while stopping must not cut the clean-up short
        previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        try:
            _stop(child)
            _stop(server)
        finally:
            for s, h in previous.items():
                signal.signal(s, h)
        print("stopped", flush=True)


def _serve_here(argv: list[str]) -> int:
    """The child: serve the deployment against PREFECT_API_URL."""
    p = argparse.ArgumentParser(prog="python -m flows.serve")
    p.add_argument("--inbox", required=True)
    p.add_argument("--db")
    p.add_argument("--cron")
    p.add_argument("--interval", type=float)
    p.add_argument("--timezone")
    p.add_argument("--archive")
    a = p.parse_args(argv)
    from prefect.schedules import Cron, Interval

    from prefect.deployments.runner import EntrypointType

    from flows.ingest_flow import inbox_flow

    schedule = Interval(a.interval, timezone=a.timezone) if a.interval else Cron(a.cron or "0 * * * *", timezone=a.timezone)
    print(f"serving the inbox {a.inbox} on {'every %gs' % a.interval if a.interval else a.cron}", flush=True)
    # one inbox run at a time: a run still going when the next is due would take the same files
    inbox_flow.serve(name="bulletins-inbox", schedules=[schedule], print_starting_message=False, limit=1,
                     global_limit=1,
                     entrypoint_type=EntrypointType.MODULE_PATH,
                     parameters={"inbox": str(Path(a.inbox).resolve()), "db_url": a.db,
                                 "archive": str(Path(a.archive).resolve()) if a.archive else None})
    return 0


if __name__ == "__main__":
    sys.exit(_serve_here(sys.argv[1:]))
