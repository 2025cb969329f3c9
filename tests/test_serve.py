"""`bulletins serve` end to end: it starts a local Prefect server, serves the inbox deployment on
a schedule every few seconds, loads a file dropped into the inbox, and stops everything cleanly."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("prefect", reason="the flows extra (Prefect) is not installed")

from tests.conftest import SAMPLES  # noqa: E402


def _inbox_rows(db):
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT file_name, status, archived_to FROM inbox_files").fetchall()
    except sqlite3.OperationalError:
        return []


def test_serve_loads_a_dropped_file_and_stops_cleanly(tmp_path):
    inbox, archive, home = tmp_path / "inbox", tmp_path / "done", tmp_path / "prefect"
    db = tmp_path / "w.db"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_RUNNER_POLL_FREQUENCY="2")
    # started as a script's background job would be: with SIGINT ignored, which serve takes back
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--inbox", str(inbox), "--interval", "3",
                             "--archive", str(archive), "--prefect-home", str(home), "--db", f"sqlite:///{db}"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (home / "serve.log").exists():
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.5)
        shutil.copy(SAMPLES / "2021_liling_h1_gbk.txt", inbox / "2021_liling_h1_gbk.txt")
        rows = []
        while time.monotonic() < deadline and not rows:
            rows = _inbox_rows(db)
            time.sleep(1)
        assert rows == [("2021_liling_h1_gbk.txt", "loaded", str(archive / "2021_liling_h1_gbk.txt"))], \
            (home / "serve.log").read_text(errors="replace")[-3000:]
        assert not list(inbox.iterdir()) and (archive / "2021_liling_h1_gbk.txt").exists()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "started a local Prefect server" in out and out.strip().endswith("stopped")
    assert "Traceback" not in err
    _wait_gone(f"PREFECT_HOME={home}")


def test_an_early_ctrl_c_stops_serve_cleanly(tmp_path):
    """Ctrl-C while the server is still starting: no traceback, nothing left running."""
    home = tmp_path / "prefect"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--inbox", str(tmp_path / "inbox"),
                             "--interval", "3", "--prefect-home", str(home), "--db", f"sqlite:///{tmp_path / 'w.db'}"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _processes_with(f"PREFECT_HOME={home}"):
        time.sleep(0.2)  # the local server is being started
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=90)
    assert proc.returncode in (0, 130) and "Traceback" not in err, err[-2000:]
    _wait_gone(f"PREFECT_HOME={home}")


def test_a_killed_ingest_leaves_no_prefect_server(tmp_path):
    """kill -9 of `bulletins ingest --flow`: its temporary server does not outlive it."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    marker = f"BULLETINS_TEST_MARK={tmp_path}"
    env["BULLETINS_TEST_MARK"] = str(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "ingest", str(SAMPLES), "--flow", "--db",
                             f"sqlite:///{tmp_path / 'w.db'}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)
    deadline = time.monotonic() + 120
    server = []
    while time.monotonic() < deadline and not server and proc.poll() is None:
        server = [p for p in _processes_with(marker) if b"uvicorn" in _cmdline(p)]
        time.sleep(0.2)
    if not server:
        pytest.skip("the ingest finished before its temporary server could be seen")
    proc.kill()
    proc.wait()
    _wait_gone(marker)


def _cmdline(pid: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _wait_gone(marker: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and _processes_with(marker):
        time.sleep(0.3)
    left = [_cmdline(p)[:120] for p in _processes_with(marker)]
    assert not left, f"processes outlived their command: {left}"


def _processes_with(marker: str) -> list[str]:
    """Processes whose environment holds marker (the local server and the serving child have it)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes().split(b"\0"):
                found.append(environ.parent.name)
        except OSError:
            continue
    return found
