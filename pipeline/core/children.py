"""Every process the product starts stops when it stops, whatever signal it gets.

- SIGTERM and SIGHUP become KeyboardInterrupt in the main process, so `finally` blocks and
  atexit handlers (a temporary Prefect server's, a Dask cluster's) run as on Ctrl-C; and a
  SIGINT that a non-interactive shell set to "ignore" for a background job is taken back.
- Against SIGKILL nothing inside a process can help, so a small watchdog process holds the read
  end of a pipe from it: when the pipe closes (the process ended, however), the watchdog stops the
  descendants it last saw and every process that carries the owner's mark in its environment
  (children inherit it, even one started a moment before the kill), each checked by its start time
  so that a reused pid is never hit.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from typing import Optional

SNAPSHOT_SECONDS = 0.5
OWNER_MARK = "BULLETINS_OWNER"


def stop_on_signals() -> None:
    """SIGTERM / SIGHUP / SIGINT raise KeyboardInterrupt in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum, _frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, interrupt)


def process_start_time(pid: int) -> Optional[str]:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def descendants(pid: int) -> dict[int, str]:
    """pid → start time of every process below pid (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    found: dict[int, str] = {}
    todo = list(parents.get(pid, []))
    while todo:
        child = todo.pop()
        started = process_start_time(child)
        if started and child not in found:
            found[child] = started
            todo.extend(parents.get(child, []))
    return found


def stop_processes(known: dict[int, str], grace: float = 3.0) -> None:
    """SIGTERM, then SIGKILL after grace, to the processes still alive with the same start time."""
    alive = {p: t for p, t in known.items() if p != os.getpid() and process_start_time(p) == t}
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in alive:
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            alive = {p: t for p, t in alive.items() if process_start_time(p) == t and not _zombie(p)}
            if not alive:
                return
            time.sleep(0.1)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return True


def start_watchdog() -> Optional[subprocess.Popen]:
    """A watchdog for this process's descendants; None where /proc is missing (not Linux)."""
    if not os.path.isdir("/proc") or process_start_time(os.getpid()) is None:
        return None
    os.environ[OWNER_MARK] = f"{os.getpid()}:{process_start_time(os.getpid())}"  # inherited by every child from now on
    read_end, write_end = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.core.children", str(os.getpid())], stdin=read_end,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            close_fds=True)
    os.close(read_end)
    os.set_inheritable(write_end, False)  # only this process holds it: its end is our end
    proc._bulletins_pipe = write_end  # kept open for our lifetime; closed by the kernel when we die
    return proc


def _watch(parent: int) -> None:
    """The watchdog's loop: snapshot the parent's descendants until stdin reaches EOF."""
    import selectors

    me = os.getpid()
    known: dict[int, str] = {}
    with selectors.DefaultSelector() as sel:
        sel.register(sys.stdin.buffer, selectors.EVENT_READ)
        while True:
            if sel.select(timeout=SNAPSHOT_SECONDS):
                if not os.read(sys.stdin.fileno(), 1):
                    break  # the parent is gone, however it ended
            known = {p: t for p, t in descendants(parent).items() if p != me}
    known.update({p: t for p, t in marked(os.environ.get(OWNER_MARK, "")).items() if p != me})
    stop_processes(known)


def marked(mark: str) -> dict[int, str]:
    """pid → start time of the processes whose environment carries OWNER_MARK=mark."""
    if not mark:
        return {}
    needle = f"{OWNER_MARK}={mark}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as fh:
                if needle in fh.read().split(b"\0"):
                    started = process_start_time(int(entry))
                    if started:
                        found[int(entry)] = started
        except OSError:
            continue
    return found


if __name__ == "__main__":
    _watch(int(sys.argv[1]))
