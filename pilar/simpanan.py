"""What every session of a server process shares: the database connection and a cache.

- ``ikuti(path)`` follows the database file. A new file (rebuild, boundary install, later
  imports) gets a new connection; the old one is *retired* and closed only when the last
  query that leased it has finished, so a reader never sees a half-swapped database or a
  connection closed under its cursor.
- ``@tersimpan`` caches a function's result per database version and per argument values:
  the key is made from the call itself, so a forgotten dependency cannot serve stale data.
  Results are handed out read-only (frames as cheap copy-on-write copies, containers frozen).

No Streamlit here: the pages reach this through ``pilar.ui``; tests drive it with threads.
"""
from __future__ import annotations

import functools
import threading
from datetime import datetime, timezone
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

import duckdb
import pandas as pd

from . import db

SKEMA = "pilar"  # the alias the database file is attached under


class _Koneksi:
    """A read-only connection to one version of the database file.

    DuckDB hands back the instance already open for a path, so a replaced file would keep
    being read through the old one. Each version therefore attaches the file into its own
    in-memory instance; every cursor starts with ``USE`` of that attachment.
    """

    def __init__(self, path: Path):
        self._con = duckdb.connect(":memory:")
        self._con.execute(f"ATTACH '{_sql_str(path)}' AS {SKEMA} (READ_ONLY)")
        self.pemakai = 0
        self.pensiun = False

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        cur.execute(f"USE {SKEMA}")
        return cur

    def close(self) -> None:
        self._con.close()


def _sql_str(p: Path) -> str:
    return str(p).replace("'", "''")


class Simpanan:
    MAKS = 4096  # cached values kept, least recently used dropped first: selections are many

    def __init__(self):
        self._lock = threading.Lock()
        self.versi: tuple | None = None
        self._kon: _Koneksi | None = None
        self._data: OrderedDict = OrderedDict()
        self._sedang: dict[tuple, _Penerbangan] = {}  # (version, key) being computed -> its flight

    def diperbarui(self):
        """When the database file being served was written (a rebuild, an import, a boundary install)."""
        return datetime.fromtimestamp(self._diperbarui, timezone.utc)

    def ikuti(self, path: Path, tanda: tuple) -> None:
        """Use the file at ``path``; ``tanda`` (e.g. inode and mtime) says which version it is."""
        with self._lock:
            if tanda == self.versi:
                return
            lama = self._kon
            self._kon, self.versi = _Koneksi(path), tanda
            self._diperbarui = path.stat().st_mtime
            self._data.clear()
            if lama is not None:
                lama.pensiun = True
                if lama.pemakai == 0:
                    lama.close()

    @contextmanager
    def koneksi(self):
        """Lease the current connection for one query; take a cursor per query (db.run does)."""
        with self._lock:
            kon = self._kon
            if kon is None:
                raise RuntimeError("Simpanan.ikuti() must be called before the first query")
            kon.pemakai += 1
        try:
            yield kon
        finally:
            with self._lock:
                kon.pemakai -= 1
                if kon.pensiun and kon.pemakai == 0:
                    kon.close()

    def ambil(self, key: tuple, buat):
        """The cached value for ``key``, else ``buat()``, stored for this database version.

        Single-flight: while one thread computes a key, others asking for it wait for that result
        instead of computing it too (a crowd reaching a fresh process, or the first runs after an
        import, would otherwise build every value once per session, all at once).
        """
        while True:
            with self._lock:
                if key in self._data:
                    self._data.move_to_end(key)
                    return self._data[key]
                versi = self.versi
                lain = self._sedang.get((versi, key))
                if lain is None:
                    saya = self._sedang[(versi, key)] = _Penerbangan()
                    break
                if lain.pemilik == threading.get_ident():  # asked again inside its own buat(): no waiting
                    saya = _Penerbangan()
                    break
            if lain.selesai.wait() and lain.berhasil:
                return lain.hasil
            # its computation failed: try again, computing it here if no one else has started
        try:
            value = buat()  # outside the lock: it may look up other entries
            if isinstance(value, pd.DataFrame):  # lets the UI keep work per table content (ui.gaya)
                value.attrs["kunci_simpanan"] = repr((versi, key))
            saya.hasil, saya.berhasil = value, True
            with self._lock:
                if versi == self.versi:  # not computed from a file replaced meanwhile
                    self._data[key] = value
                    if len(self._data) > self.MAKS:
                        self._data.popitem(last=False)
            return value
        finally:
            with self._lock:
                if self._sedang.get((versi, key)) is saya:
                    del self._sedang[(versi, key)]
            saya.selesai.set()


class _Penerbangan:
    """One computation of a cache entry in progress: who runs it, and its result for those waiting."""

    def __init__(self):
        self.pemilik = threading.get_ident()
        self.selesai = threading.Event()
        self.hasil, self.berhasil = None, False


SIMPANAN = Simpanan()


def kueri(nama: str, **params) -> pd.DataFrame:
    """Run a named query on the current database version (a fresh frame the caller owns)."""
    with SIMPANAN.koneksi() as kon:
        return db.run(kon, nama, **params)


def baca_saja(value):
    """A view of a cached value that cannot change the cached one."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)  # pandas copy-on-write: writes to the copy never reach the original
    if isinstance(value, dict):
        return MappingProxyType(value)
    if isinstance(value, list):
        return tuple(value)
    return value  # immutable values, frozen dataclasses and plotly figures (see ui.figur)


def tersimpan(fn):
    """Cache ``fn``'s result per database version and per argument values (all hashable)."""
    nama = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (nama, args, tuple(sorted(kwargs.items())))
        return baca_saja(SIMPANAN.ambil(key, lambda: fn(*args, **kwargs)))

    wrapper.asli = fn
    return wrapper
