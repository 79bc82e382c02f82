"""What the database says about a period before an import: the units, their population, the
figures the import would replace, province totals. Read from a fresh in-memory DuckDB instance
with the file ATTACHed read-only (``duckdb.connect(path)`` could return an instance of the file
this process opened before it was replaced)."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..batas.cocok import Wilayah
from .dasar import PROGRAM


@dataclass
class Lama:
    jumlah: int | None
    sumber_id: str
    status: str

    def asal(self) -> str:
        if self.sumber_id.startswith("IMP") and self.sumber_id[3:].isdigit():
            return f"impor #{int(self.sumber_id[3:])}"
        return f"sumber {self.sumber_id} ({self.status})"


@dataclass
class Konteks:
    units: list[Wilayah]
    penduduk: dict[int, tuple[float, str]]
    lama: dict[tuple[int, str], Lama] = field(default_factory=dict)  # (kode, measure) -> figure of the period
    total: dict[str, tuple[float, str]] = field(default_factory=dict)  # measure -> province total of the period
    terbaru: str | None = None  # latest period of the kind in the database
    sebelum: dict[tuple[int, str], tuple[int, str]] = field(default_factory=dict)  # (kode, measure) -> (n, period)
    jenis_pilar: tuple[str, ...] = ()

    def unit(self, kode: int) -> Wilayah:
        return next(u for u in self.units if u.kode_bps == kode)


@contextmanager
def baca_db(path: Path):
    """A connection whose current catalog is ``path`` opened read-only."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS db (READ_ONLY)")
        con.execute("USE db")
        yield con
    finally:
        con.close()


def ada_tabel(con, nama: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ?", [nama]).fetchone()[0] > 0


def _units(con) -> list[Wilayah]:
    rows = con.execute("SELECT kode_bps, kode_kemendagri, nama, nama_pendek, jenis FROM wilayah ORDER BY 1").fetchall()
    return [Wilayah(*r) for r in rows]


def _penduduk(con) -> dict[int, tuple[float, str]]:
    rows = con.execute("SELECT kode_bps, nilai, periode FROM fakta_wilayah WHERE indikator = 'penduduk' "
                       "QUALIFY periode = max(periode) OVER (PARTITION BY kode_bps)").fetchall()
    return {k: (v, p) for k, v, p in rows}


def _lama_pilar(con, periode: str) -> dict:
    rows = con.execute("SELECT kode_bps, jenis_pilar, jumlah, sumber_id, status FROM pilar WHERE periode = ?",
                       [periode]).fetchall()
    return {(k, j): Lama(n, s, st) for k, j, n, s, st in rows}


def _lama_kpm(con, periode: str) -> dict:
    rows = con.execute("SELECT kode_bps, jumlah, sumber_id, status FROM kpm WHERE program = ? AND periode = ?",
                       [PROGRAM, periode]).fetchall()
    out = {(k, "kpm"): Lama(n, s, st) for k, n, s, st in rows}
    if ada_tabel(con, "impor_kpm"):
        for k, g, i in con.execute("SELECT kode_bps, graduasi, impor_id FROM impor_kpm WHERE aktif AND program = ? "
                                   "AND periode = ?", [PROGRAM, periode]).fetchall():
            out[(k, "graduasi")] = Lama(g, f"IMP{i:04d}", "resmi")
    return out


def _total(con, jenis: str, periode: str) -> dict[str, tuple[float, str]]:
    awalan = "pilar_" if jenis == "pilar" else f"kpm_{PROGRAM}"
    rows = con.execute("SELECT indikator, nilai, sumber_id FROM fakta_provinsi WHERE periode = ? AND "
                       "starts_with(indikator, ?)", [periode, awalan]).fetchall()
    if jenis == "pilar":
        return {i[len("pilar_"):]: (v, s) for i, v, s in rows}
    return {"kpm": (v, s) for i, v, s in rows if i == awalan}


def _sebelum(con, jenis: str, periode: str) -> dict[tuple[int, str], tuple[int, str]]:
    """Each unit's figure of its latest period before ``periode`` (any source), per measure."""
    if jenis == "pilar":
        rows = con.execute("SELECT kode_bps, jenis_pilar, jumlah, periode FROM pilar WHERE periode < ? AND jumlah "
                           "IS NOT NULL QUALIFY periode = max(periode) OVER (PARTITION BY kode_bps, jenis_pilar)",
                           [periode]).fetchall()
    else:
        rows = con.execute("SELECT kode_bps, 'kpm', jumlah, periode FROM kpm WHERE program = ? AND periode < ? AND "
                           "jumlah IS NOT NULL QUALIFY periode = max(periode) OVER (PARTITION BY kode_bps)",
                           [PROGRAM, periode]).fetchall()
    return {(k, m): (int(n), p) for k, m, n, p in rows}


def muat(path: Path, jenis: str, periode: str) -> Konteks:
    with baca_db(path) as con:
        k = Konteks(_units(con), _penduduk(con))
        k.lama = _lama_pilar(con, periode) if jenis == "pilar" else _lama_kpm(con, periode)
        k.total = _total(con, jenis, periode)
        k.sebelum = _sebelum(con, jenis, periode)
        tabel = "pilar" if jenis == "pilar" else "kpm"
        k.terbaru = con.execute(f"SELECT max(periode) FROM {tabel}").fetchone()[0]
        k.jenis_pilar = tuple(r[0] for r in con.execute("SELECT jenis_pilar FROM pilar_jenis ORDER BY urutan").fetchall())
    return k
