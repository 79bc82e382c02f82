"""Replacing the database file safely: one writer at a time, a temp file, then ``os.replace``.

Every writer of ``data/pilar.duckdb`` (build, boundary install, later imports) goes through
``ganti``: readers keep the old file until the new one is complete, and a failure leaves
the old file byte-identical. Temp names carry the writer's pid so that leftovers of a
killed writer can be recognised and removed by the next one (``bersihkan_sisa``).
"""
from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Callable


def _lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


@contextmanager
def kunci(target: Path):
    """One writer at a time per database file, across processes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(target), "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _tmp(target: Path, tag: str) -> Path:
    return target.with_name(f".{target.name}.{tag}.{os.getpid()}.tmp")


def _hapus(tmp: Path) -> None:
    tmp.unlink(missing_ok=True)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)


def bersihkan_sisa(target: Path) -> list[Path]:
    """Remove temp files (and their .wal) left by writers that no longer run; call under ``kunci``."""
    pola = re.compile(rf"^\.{re.escape(target.name)}\.(?:\w+\.)?(\d+)\.tmp(?:\.wal)?$")
    removed = []
    for p in target.parent.glob(f".{target.name}.*"):
        m = pola.match(p.name)
        if m and not _hidup(int(m.group(1))):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def _hidup(pid: int) -> bool:
    if pid == os.getpid():
        return False  # under the lock no other writer of ours is running
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ganti(target: Path, tulis: Callable[[Path], None], tag: str = "baru") -> None:
    """Write a new version of ``target`` with ``tulis(tmp)`` and swap it in atomically.

    ``tulis`` gets a fresh temp path next to the target (same file system, so the rename is
    atomic) and must leave a complete, closed file there. Call under ``kunci(target)``.
    On any exception the temp file is removed and ``target`` is untouched.
    """
    tmp = _tmp(target, tag)
    _hapus(tmp)
    try:
        tulis(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        _hapus(tmp)
        raise
