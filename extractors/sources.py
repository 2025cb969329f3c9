"""Which files a batch reads, and reading one safely: regular files only, within the limits.

A FIFO, a device (a link to /dev/zero), a folder that cannot be listed or a file over the size
limit fails that one path with a clear reason; it never hangs or exhausts the batch.
"""
from __future__ import annotations

import glob
import hashlib
import os
import stat
from dataclasses import dataclass
from typing import Iterable

from schemas.records import DocumentError

MiB = 1024 * 1024


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """What one document may use; beyond any of these it fails, alone."""

    max_bytes: int = 200 * MiB          # the file on disk
    max_pages: int = 2000               # PDF pages
    max_inflated: int = 512 * MiB       # bytes a PDF's compressed streams may inflate to, in all
    max_text_chars: int = 2_000_000     # characters of text (about 6 MB of UTF-8 Chinese: 30 s, 450 MiB)

    @classmethod
    def from_env(cls, **overrides) -> "Limits":
        """Defaults, then BULLETINS_MAX_BYTES / _MAX_PAGES / _MAX_INFLATED / _MAX_TEXT_CHARS, then overrides."""
        base = cls()
        values = dict(max_bytes=_env_int("BULLETINS_MAX_BYTES", base.max_bytes),
                      max_pages=_env_int("BULLETINS_MAX_PAGES", base.max_pages),
                      max_inflated=_env_int("BULLETINS_MAX_INFLATED", base.max_inflated),
                      max_text_chars=_env_int("BULLETINS_MAX_TEXT_CHARS", base.max_text_chars))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def shown(path: str) -> str:
    """A path as one line of an error message: control characters (a newline in a name) escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in str(path))


def discover(paths: Iterable[str]) -> list[str]:
    """Files named directly, every non-hidden file under a folder, and glob matches; sorted, unique.

    A name that exists is read as itself even when it holds glob characters ([, *, ?). A folder
    that cannot be listed is returned as itself, for read_source to report.
    """
    found: list[str] = []
    for p in paths:
        if os.path.lexists(p) or not any(ch in p for ch in "*?["):
            matches = [p]  # missing paths are reported later as "no such file"
        else:
            matches = sorted(glob.glob(p, recursive=True)) or [p]
        for m in matches:
            if os.path.isdir(m):
                found.extend(_walk(m))
            else:
                found.append(m)
    seen, out = set(), []
    for f in found:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _walk(folder: str) -> list[str]:
    unreadable: list[str] = []
    files: list[str] = []
    for root, dirs, names in os.walk(folder, onerror=lambda exc: unreadable.append(exc.filename)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(os.path.join(root, f) for f in sorted(names) if not f.startswith("."))
    return files + unreadable


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_source(path: str, limits: Limits = Limits()) -> tuple[bytes, str]:
    """The file's bytes and sha256, or DocumentError (missing, unreadable, not regular, too large)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DocumentError("missing", "no such file") from None
    except OSError as exc:
        raise DocumentError("unreadable", f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(path)
            reason = "a folder"
        except OSError as exc:
            reason = f"folder cannot be read: {exc.strerror}"
        raise DocumentError("unreadable_folder", reason)
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError("not_regular", f"{_not_regular(st.st_mode)}, not a regular file: not read")
    if st.st_size > limits.max_bytes:
        raise DocumentError("too_large", f"{st.st_size / MiB:.1f} MiB, over the limit of "
                                         f"{limits.max_bytes / MiB:g} MiB (--max-bytes)")
    try:
        # O_NONBLOCK: a FIFO swapped in after the check cannot block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise DocumentError("unreadable", f"cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DocumentError("not_regular", "not a regular file: not read")
        data = fh.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise DocumentError("too_large", f"grew over the limit of {limits.max_bytes / MiB:g} MiB while read")
    return data, sha256_of(data)
