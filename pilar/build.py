"""Build data/pilar.duckdb from the source CSVs: validated, atomic, self-repairing.

What is deterministic: the same sources (and the same boundary tables carried over) give
the same rows in every table, inserted in key order by one thread, under the same catalog
name. The files of two such builds differ only inside DuckDB's main header (the first
4 KiB): a random 16-byte database identifier, which DuckDB writes on purpose so that a
stale ``.wal`` is never replayed into another file, and that header's checksum.
tests/test_build.py checks both the rows and the bytes after the header.

Schema version: ``skema_versi()`` is a hash of the status definitions (pilar/status.py),
schema.sql and ``REVISI``, stored in ``meta``. A change of either file changes it by
itself; bump ``REVISI`` when the build fills the database differently without one.
``ensure_built()`` rebuilds a database of another version, like one of other sources.

Damaged databases (empty, garbage, truncated, failing checksums) are set aside as
``pilar.duckdb.rusak-<UTC time>``, never deleted, and rebuilt; tables of installed
boundaries and imports (``PRESERVED_PREFIX``) are carried over only from a readable file.

Imports (pilar/impor): after the CSVs are loaded and the ``impor*`` tables carried over, the
active imported figures replace or add rows of ``pilar`` and ``kpm`` (``impor.terap``), so the
queries see them like any other figure. An import or undo writes its change into a staging file
and then runs this same build carrying over from that file (``_bangun(..., dari=staging)``).
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import berkas, config, status, sumber
from .impor import terap as impor_terap

SCHEMA = Path(__file__).with_name("schema.sql")
# Tables a user puts into the database (boundaries, imports); a rebuild carries them over.
PRESERVED_PREFIX = ("batas", "impor")
# Insert order follows the foreign keys.
LOAD_ORDER = ["sumber", "wilayah", "pilar_jenis", "fakta_wilayah", "fakta_provinsi", "acuan", "kpm", "pilar"]
# Bump when the build fills the database differently while schema.sql and status.py stay the same.
REVISI = 2  # 2: every database has the impor* tables, active imports applied
# The build attaches its new file under this name; DuckDB writes the name into the file, so a
# name taken from the (pid-bearing) temp path would make every build's bytes differ.
KATALOG = "pilar"
# How many source problems the one-paragraph notice names; the CLI build lists them all.
MAKS_MASALAH = 5

build_lock = berkas.kunci  # boundary installs (pilar/batas.py) take the same lock
log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    path: Path
    rows: dict[str, int]
    sources_hash: str
    disisihkan: Path | None = None  # where a damaged old file was set aside


@dataclass(frozen=True)
class Keadaan:
    """What a database file is, as far as serving it goes."""

    ada: bool
    rusak: bool = False  # exists but is no readable DuckDB database: set aside, rebuild
    sibuk: bool = False  # exists but cannot be read now (lock of another writer, permissions)
    sumber_hash: str | None = None
    versi: str | None = None
    galat: str = ""

    @property
    def terbaca(self) -> bool:
        return self.ada and not self.rusak and not self.sibuk

    @property
    def siap(self) -> bool:
        """The pages can use it as it is (it may be out of date)."""
        return self.terbaca and self.versi == skema_versi()


class BasisDataSibuk(OSError):
    """The database file exists but cannot be read now; it is left alone."""


def _prelude() -> str:
    """Type and macros from pilar/status.py; schema.sql and the queries use them."""
    kata = status.sql_enum()[1:-1]  # "'resmi', 'berita', 'estimasi'"
    return (f"CREATE TYPE status_angka AS ENUM ({kata});\n"
            "CREATE MACRO status_rank(s) AS CAST(enum_code(TRY_CAST(s AS status_angka)) AS INTEGER);\n"
            "CREATE MACRO status_of_rank(r) AS CAST(enum_range(NULL::status_angka)[r + 1] AS VARCHAR);\n")


def skema_versi() -> str:
    text = f"{_prelude()}\n{SCHEMA.read_text(encoding='utf-8')}\nrevisi {REVISI}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _sql_str(p: Path) -> str:
    return str(p).replace("'", "''")


def _paths(sources: Path | None, target: Path | None) -> tuple[Path, Path]:
    return Path(sources or config.sources_dir()), Path(target or config.db_path())


# ---------------------------------------------------------------- reading a database file

def _sementara(e: Exception) -> bool:
    """Errors that say nothing about the file's content: never a reason to set it aside."""
    text = str(e).lower()
    return any(w in text for w in ("could not set lock", "conflicting lock", "permission denied"))


def periksa(target: Path) -> Keadaan:
    """Open ``target`` read-only and read every table in full (a truncated file fails here)."""
    target = Path(target)
    if not target.exists():
        return Keadaan(ada=False)
    if target.stat().st_size == 0:
        return Keadaan(ada=True, rusak=True, galat="berkas kosong (0 bait)")
    # A fresh in-memory instance: duckdb.connect(path) would hand back an instance this process
    # already holds for the path, i.e. the file before it was replaced.
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{_sql_str(target)}' AS diperiksa (READ_ONLY)")
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'diperiksa' ORDER BY 1").fetchall()]
        for t in tables:
            con.execute(f'SELECT bit_xor(hash(t)) FROM diperiksa.main."{t}" AS t').fetchall()
        meta = dict(con.execute("SELECT kunci, nilai FROM diperiksa.main.meta").fetchall()) if "meta" in tables else {}
    except (duckdb.Error, OSError) as e:
        if _sementara(e):
            return Keadaan(ada=True, sibuk=True, galat=str(e))
        return Keadaan(ada=True, rusak=True, galat=str(e).splitlines()[0])
    finally:
        con.close()
    return Keadaan(ada=True, sumber_hash=meta.get("sumber_hash"), versi=meta.get("skema_versi"))


def built_hash(target: Path) -> str | None:
    """The sources fingerprint stored in a database file, or None if unreadable."""
    return periksa(target).sumber_hash


# ---------------------------------------------------------------- writing

def _load(con: duckdb.DuckDBPyConnection, data: dict[str, list[dict]], digest: str) -> dict[str, int]:
    con.execute(_prelude())
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    rows = {}
    for table in LOAD_ORDER:
        columns, key = sumber.TABEL[table]
        names = [k.nama for k in columns]
        records = sorted(data[table], key=lambda r: tuple(r[c] for c in key))
        if records:
            con.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [[r[n] for n in names] for r in records],
            )
        rows[table] = len(records)
    con.executemany("INSERT INTO meta VALUES (?, ?)", [["sumber_hash", digest], ["skema_versi", skema_versi()]])
    return rows


def _carry_over(con: duckdb.DuckDBPyConnection, old: Path) -> None:
    """Copy the boundary and import tables, with their constraints, from a readable old file."""
    con.execute(f"ATTACH '{_sql_str(old)}' AS lama (READ_ONLY)")
    try:
        awalan = " OR ".join("starts_with(table_name, ?)" for _ in PRESERVED_PREFIX)
        tables = con.execute(
            "SELECT table_name, sql FROM duckdb_tables() WHERE database_name = 'lama' AND schema_name = 'main' "
            f"AND ({awalan}) ORDER BY table_name", list(PRESERVED_PREFIX)).fetchall()
        for t, ddl in tables:
            con.execute(ddl)  # runs in KATALOG, the current database
            con.execute(f'INSERT INTO "{t}" SELECT * FROM lama.main."{t}"')
    finally:
        con.execute("DETACH lama")


def _tulis(tmp: Path, data: dict[str, list[dict]], digest: str, lama: Path | None,
           bawaan: Path | None = None) -> dict[str, int]:
    # One thread, so rows reach the file in insert order: same sources, same bytes.
    con = duckdb.connect(config={"threads": 1})
    try:
        con.execute(f"ATTACH '{_sql_str(tmp)}' AS {KATALOG}")
        con.execute(f"USE {KATALOG}")
        rows = _load(con, data, digest)
        if lama is not None:
            _carry_over(con, lama)
        if bawaan is not None and bawaan.is_dir() and not _ada_batas(con):
            from .batas import bawaan as batas_bawaan  # geometry libraries load only when a map is shipped
            if batas_bawaan.muat(con, bawaan):
                rows["batas_wilayah"] = con.execute("SELECT count(*) FROM batas_wilayah").fetchone()[0]
        rows.update(impor_terap.terapkan_impor(con))
        con.execute(f"CHECKPOINT {KATALOG}")
        con.execute("USE memory")
        con.execute(f"DETACH {KATALOG}")
    finally:
        con.close()
    return rows


def _ada_batas(con) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND starts_with(table_name, 'batas')").fetchone()[0] > 0


def _sisihkan(target: Path) -> Path:
    """A second name for a damaged file, so the swap keeps it instead of deleting it."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dst, n = target.with_name(f"{target.name}.rusak-{stamp}"), 1
    while dst.exists():
        n += 1
        dst = target.with_name(f"{target.name}.rusak-{stamp}-{n}")
    try:
        os.link(target, dst)
    except OSError:  # file systems without hard links
        shutil.copy2(target, dst)
    return dst


def _wal(p: Path) -> Path:
    return p.with_name(p.name + ".wal")


def _bangun(target: Path, bacaan: tuple[dict, str], lama: Keadaan, dari: Path | None = None,
            bawaan: Path | None = None) -> BuildResult:
    """Write and swap in a new file; call under ``berkas.kunci(target)``. ``dari``: carry the preserved
    tables over from this file instead of ``target`` (an import's staging file). ``bawaan``: the
    shipped boundaries folder, loaded when nothing was carried over (``pilar.batas.bawaan``)."""
    if lama.sibuk:
        raise BasisDataSibuk(errno.EBUSY, f"Basis data {target} tidak bisa dibaca sekarang ({lama.galat}); "
                                          "tidak dibangun ulang agar batas wilayahnya tidak hilang.")
    data, digest = bacaan
    hasil = BuildResult(target, {}, digest)
    wal, wal_lama = _wal(target), None

    def tulis(tmp: Path) -> None:
        nonlocal wal_lama
        hasil.rows = _tulis(tmp, data, digest, dari if dari is not None else (target if lama.terbaca else None),
                            bawaan)
        # Last steps before the swap, undone if it fails. The old file's .wal does not match the
        # new file (DuckDB would refuse to open it); a readable file's .wal was read with it.
        if lama.rusak:
            hasil.disisihkan = _sisihkan(target)
        if wal.exists():
            # a writer's temp name: if this process dies now, the next writer removes it
            wal_lama = _wal(hasil.disisihkan) if hasil.disisihkan else berkas._tmp(target, "wallama")
            os.replace(wal, wal_lama)

    try:
        berkas.ganti(target, tulis, tag="build")
    except BaseException:
        if wal_lama is not None:
            os.replace(wal_lama, wal)
        if hasil.disisihkan is not None:
            hasil.disisihkan.unlink(missing_ok=True)  # the damaged file is still at target
        raise
    if wal_lama is not None and hasil.disisihkan is None:
        wal_lama.unlink()
    if hasil.disisihkan is not None:
        log.warning("Basis data rusak (%s) disisihkan sebagai %s dan dibangun ulang.", lama.galat, hasil.disisihkan)
    return hasil


def build(sources: Path | None = None, target: Path | None = None) -> BuildResult:
    """Validate the sources and write a new database file in place of the old one.

    Raises sumber.SumberError for bad sources before any file is touched; on any failure
    every file in the data folder is left as it was. A damaged old file is set aside.
    """
    sources, target = _paths(sources, target)
    bacaan = sumber.read_sources_hashed(sources)
    with berkas.kunci(target):
        berkas.bersihkan_sisa(target)
        return _bangun(target, bacaan, periksa(target), bawaan=sources / config.BATAS_BAWAAN)


# ---------------------------------------------------------------- serving

_diperiksa: dict[str, tuple] = {}  # target -> file signature at its last check in this process
_masalah: dict[str, str] = {}  # target -> notice about the database being served


def _signature(sources: Path, target: Path) -> tuple:
    files = [sources / n for n in sumber.file_names()] + [target]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else (str(f),) for f in files)


def _boleh_tulis(target: Path) -> bool:
    folder, lock = target.parent, target.with_name(target.name + ".lock")
    return (os.access(folder, os.W_OK | os.X_OK) and all(
        not p.exists() or os.access(p, os.W_OK) for p in (target, lock)))


def _waktu(target: Path) -> str:
    t = dt.datetime.fromtimestamp(target.stat().st_mtime, dt.timezone.utc)
    return t.strftime("%Y-%m-%d %H:%M UTC")


def _pesan_sumber(e: sumber.SumberError, target: Path) -> str:
    daftar = " ".join("; ".join(e.pesan[:MAKS_MASALAH]).split())  # one paragraph, even if a cell held a newline
    lain = len(e.pesan) - MAKS_MASALAH
    sisa = f" (dan {lain} masalah lain; perintah python -m pilar build menyebut semuanya)" if lain > 0 else ""
    return (f"Data sumber tidak sah, jadi dasbor memakai basis data terakhir yang baik ({target.name}, "
            f"dibangun {_waktu(target)}); angka yang diubah belum tampil. Perbaiki: {daftar}{sisa}.")


def _pesan_hanya_baca(target: Path) -> str:
    return (f"Data sumber berubah, tetapi {target.name} tidak bisa dibangun ulang karena folder "
            f"{target.parent} atau berkasnya hanya-baca; dasbor memakai basis data yang ada (dibangun "
            f"{_waktu(target)}). Beri izin tulis, atau jalankan python -m pilar build sebagai pengguna yang berhak.")


def _pastikan(sources: Path, target: Path) -> str | None:
    """Rebuild when needed; the notice about what is served instead, or None."""
    sekarang = periksa(target)
    if sekarang.sibuk:
        raise BasisDataSibuk(errno.EBUSY, f"Basis data {target} tidak bisa dibaca sekarang ({sekarang.galat}).")
    if sekarang.siap and sekarang.sumber_hash == sumber.sources_hash(sources):
        return None
    try:
        bacaan = sumber.read_sources_hashed(sources)  # before the lock: bad sources create no file
    except sumber.SumberError as e:
        if sekarang.siap:
            return _pesan_sumber(e, target)
        raise
    if sekarang.siap and not _boleh_tulis(target):
        return _pesan_hanya_baca(target)
    try:
        with berkas.kunci(target):
            berkas.bersihkan_sisa(target)
            sekarang = periksa(target)  # another process may have built it while we waited
            if not (sekarang.siap and sekarang.sumber_hash == bacaan[1]):
                _bangun(target, bacaan, sekarang, bawaan=sources / config.BATAS_BAWAAN)
    except OSError as e:
        if sekarang.siap and e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return _pesan_hanya_baca(target)
        raise
    return None


def ensure_built(sources: Path | None = None, target: Path | None = None) -> Path:
    """The path of a database the pages can use, (re)building it when needed.

    Rebuilds a database that is missing, damaged (set aside first), of another schema
    version, or built from other sources. While the sources are invalid, or the data folder
    is read-only, it returns the last good database and records a notice for
    ``masalah_sumber()``; it raises sumber.SumberError only when there is no usable database.
    The check runs once per change of the files' sizes and times, so callers may call this
    on every page run.
    """
    sources, target = _paths(sources, target)
    key = str(target)
    if _diperiksa.get(key) == _signature(sources, target):
        return target
    try:
        notice = _pastikan(sources, target)
    except sumber.SumberError as e:
        _masalah[key] = " ".join(("Data sumber tidak sah dan belum ada basis data yang bisa dipakai: "
                                  + "; ".join(e.pesan)).split())
        _diperiksa.pop(key, None)
        raise
    if notice:
        _masalah[key] = notice
        log.warning("%s", notice)
    else:
        _masalah.pop(key, None)
    _diperiksa[key] = _signature(sources, target)
    return target


def masalah_sumber(target: Path | None = None) -> str | None:
    """One paragraph for admins about the database being served (file, row, column of each
    source problem), or None when it is up to date. Plain text: escape it before Markdown."""
    return _masalah.get(str(Path(target or config.db_path())))
