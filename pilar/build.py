"""Build data/pilar.duckdb from the source CSVs, atomically and deterministically."""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import config, sumber

SCHEMA = Path(__file__).with_name("schema.sql")
# Tables a user installs into the database (boundaries); a rebuild carries them over.
PRESERVED_PREFIX = "batas"
# Insert order follows the foreign keys.
LOAD_ORDER = ["sumber", "wilayah", "pilar_jenis", "fakta_wilayah", "fakta_provinsi", "acuan", "kpm", "pilar"]


@dataclass
class BuildResult:
    path: Path
    rows: dict[str, int]
    sources_hash: str


@contextmanager
def build_lock(target: Path):
    """One build at a time per database file, across processes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def build(sources: Path | None = None, target: Path | None = None) -> BuildResult:
    """Validate the sources and write a new database file in place of the old one.

    Raises sumber.SumberError for bad sources; on any failure the old file is untouched.
    """
    sources = Path(sources or config.sources_dir())
    target = Path(target or config.db_path())
    data = sumber.read_sources(sources)
    digest = sumber.sources_hash(sources)
    with build_lock(target):
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            con = duckdb.connect(str(tmp))
            try:
                rows = _load(con, data, digest)
                if target.exists():
                    _carry_over(con, target)
                con.execute("CHECKPOINT")
            finally:
                con.close()
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
            raise
    return BuildResult(target, rows, digest)


def _load(con: duckdb.DuckDBPyConnection, data: dict[str, list[dict]], digest: str) -> dict[str, int]:
    con.execute(SCHEMA.read_text())
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
    con.execute("INSERT INTO meta VALUES ('sumber_hash', ?)", [digest])
    return rows


def _carry_over(con: duckdb.DuckDBPyConnection, old: Path) -> None:
    con.execute(f"ATTACH '{_sql_str(old)}' AS lama (READ_ONLY)")
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'lama' AND table_name LIKE ?",
            [PRESERVED_PREFIX + "%"]).fetchall()]
        for t in sorted(tables):
            con.execute(f'CREATE TABLE "{t}" AS SELECT * FROM lama."{t}"')
    finally:
        con.execute("DETACH lama")


def _sql_str(p: Path) -> str:
    return str(p).replace("'", "''")


def built_hash(target: Path) -> str | None:
    """The sources fingerprint stored in a database file, or None if unreadable."""
    if not target.exists():
        return None
    try:
        con = duckdb.connect(str(target), read_only=True)
        try:
            row = con.execute("SELECT nilai FROM meta WHERE kunci = 'sumber_hash'").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return None
    return row[0] if row else None


_fresh: set[tuple] = set()  # file signatures already checked in this process


def _signature(sources: Path, target: Path) -> tuple:
    files = [sources / n for n in sumber.file_names()] + [target]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else (str(f),) for f in files)


def ensure_built(sources: Path | None = None, target: Path | None = None) -> Path:
    """Build the database if it is missing or was built from other sources.

    The content check (hash of the sources against the one stored in the file)
    runs once per change of the files' sizes and times, so callers may call this
    on every page run.
    """
    sources = Path(sources or config.sources_dir())
    target = Path(target or config.db_path())
    sig = _signature(sources, target)
    if sig in _fresh:
        return target
    if built_hash(target) != sumber.sources_hash(sources):
        build(sources, target)
    _fresh.add(_signature(sources, target))
    return target
