"""Writing an import or an undo, and reading the history.

How a change reaches the database file (one writer at a time, readers never see half of it):
under ``berkas.kunci`` a staging file receives every preserved table of the current database
(boundaries and imports, ``build._carry_over``) and then the change to the ``impor*`` tables;
then ``build._bangun`` builds a new database from the source CSVs carrying over from the staging
file, applies the active imports to ``pilar`` and ``kpm`` (``terap.terapkan_impor``) and swaps the
new file in with ``berkas.ganti`` (``os.replace``). So an import, an undo, ``python -m pilar
build`` and the app's automatic rebuild all produce the figures by the same one step, and an undo
restores exactly what the CSVs (and earlier imports) gave. The staging file carries the writer's
pid in its name and is removed afterwards (or by the next writer, if this one was killed).
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

from .. import berkas, build, sumber
from . import konteks, terap
from .dasar import JUDUL, PROGRAM, ImporError, sumber_id
from .rencana import Rencana, siapkan_db

KOLOM_RIWAYAT = ["id", "waktu", "jenis", "periode", "berkas", "sha256", "baris", "oleh", "status", "lembar",
                 "sumber", "dibatalkan_waktu", "dibatalkan_oleh"]


def oleh_siapa(oleh: str | None = None) -> str:
    """Who does it: ``oleh``, else $PILAR_OLEH, else the OS user."""
    if oleh and oleh.strip():
        return " ".join(oleh.split())
    if os.environ.get("PILAR_OLEH", "").strip():
        return " ".join(os.environ["PILAR_OLEH"].split())
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry for the uid (containers)
        return f"uid {os.getuid()}"


def _waktu() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _bacaan(sources: Path):
    try:
        return sumber.read_sources_hashed(sources)
    except sumber.SumberError as e:
        raise ImporError(["data sumber tidak sah, jadi basis data tidak bisa ditulis ulang; perbaiki dulu: " + p
                          for p in e.pesan]) from None


def _staging(staging: Path, target: Path, ubah: Callable) -> object:
    con = duckdb.connect(config={"threads": 1})
    try:
        con.execute(f"ATTACH '{build._sql_str(staging)}' AS {build.KATALOG}")
        con.execute(f"USE {build.KATALOG}")
        build._carry_over(con, target)
        terap.siapkan(con)
        con.execute("BEGIN TRANSACTION")
        hasil = ubah(con)
        terap.segarkan(con)
        con.execute("COMMIT")
        con.execute(f"CHECKPOINT {build.KATALOG}")
        con.execute("USE memory")
        con.execute(f"DETACH {build.KATALOG}")
    finally:
        con.close()
    return hasil


def ubah(target: Path, sources: Path, fn: Callable, periksa: Callable | None = None):
    """Apply ``fn(con)`` to the import tables and swap in the rebuilt database; returns fn's result.
    ``periksa(target)`` runs under the lock first (checks against the current file)."""
    bacaan = _bacaan(sources)
    with berkas.kunci(target):
        berkas.bersihkan_sisa(target)
        lama = build.periksa(target)
        if not lama.siap:
            raise ImporError(f"basis data {target} belum siap ({lama.galat or 'belum dibangun atau versi lain'}); "
                             "jalankan python -m pilar build dulu")
        if periksa is not None:
            periksa(target)
        staging = berkas._tmp(target, "impor")
        berkas._hapus(staging)
        try:
            hasil = _staging(staging, target, fn)
            build._bangun(target, bacaan, lama, dari=staging)
        finally:
            berkas._hapus(staging)
    return hasil


# ---------------------------------------------------------------- import

def _bentrok_kini(r: Rencana, target: Path) -> list[str]:
    k = konteks.muat(target, r.jenis, r.periode)
    return [f"{k.unit(kode).nama} {JUDUL[m]} = {k.lama[(kode, m)].jumlah} ({k.lama[(kode, m)].asal()})"
            for (kode, m) in sorted(r.nilai) if m != "graduasi" and (kode, m) in k.lama]


def _pesan_bentrok(r: Rencana, daftar: list[str]) -> str:
    contoh = "; ".join(daftar[:8]) + (f"; dan {len(daftar) - 8} lagi" if len(daftar) > 8 else "")
    return (f"periode {r.periode} sudah ada untuk {len(daftar)} angka {r.jenis} ({contoh}). Angka periode yang "
            "sudah ada tidak ditimpa tanpa izin: ulangi dengan --ganti untuk menggantinya (versi lama tetap "
            "tersimpan di riwayat dan kembali dengan 'batal')")


def _sisip(con, r: Rencana, sumber_teks: str | None, oleh: str) -> int:
    baru = con.execute("SELECT coalesce(max(id), 0) + 1 FROM impor_riwayat").fetchone()[0]
    nilai = r.nilai
    if r.jenis == "pilar":
        rows = [(baru, p.kode_bps, p.ukuran, r.periode, p.baru, p.baris, False) for p in r.perubahan]
        con.executemany("INSERT INTO impor_pilar VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    else:
        rows = [(baru, p.kode_bps, PROGRAM, r.periode, p.baru, nilai.get((p.kode_bps, "graduasi")), p.baris, False)
                for p in r.perubahan if p.ukuran == "kpm"]
        con.executemany("INSERT INTO impor_kpm VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("INSERT INTO impor_riwayat VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'aktif', NULL, NULL)",
                [baru, _waktu(), r.jenis, r.periode, r.berkas, r.lembar, r.sha256, len(rows), oleh, sumber_teks])
    return baru


def _teks_sumber(teks: str | None) -> str | None:
    if teks is None or not teks.strip():
        return None
    teks = " ".join(teks.split())
    if len(teks) > 300:
        raise ImporError(f"teks --sumber terlalu panjang ({len(teks)} huruf, paling banyak 300)")
    return teks


def terapkan(rencana: Rencana, ganti: bool = False, sumber: str | None = None, oleh: str | None = None) -> int:
    """Store a checked import; returns its id. Refuses (ImporError, nothing written) when figures of the
    period already exist for its units and ``ganti`` is False; with ``ganti`` the replaced figures stay in
    the history ('diganti' / the CSV) and come back with ``batal``."""
    teks = _teks_sumber(sumber)
    siapa = oleh_siapa(oleh)
    target, sources = siapkan_db(rencana.db_path, rencana.sources)

    def periksa(t: Path) -> None:
        daftar = _bentrok_kini(rencana, t)  # again, under the lock: another import may have come since
        if daftar and not ganti:
            raise ImporError(_pesan_bentrok(rencana, daftar))

    return ubah(target, sources, lambda con: _sisip(con, rencana, teks, siapa), periksa)


# ---------------------------------------------------------------- undo and history

def _batal(con, impor_id: int, oleh: str) -> list[int]:
    row = con.execute("SELECT status FROM impor_riwayat WHERE id = ?", [impor_id]).fetchone()
    if row is None:
        ada = [r[0] for r in con.execute("SELECT id FROM impor_riwayat ORDER BY id").fetchall()]
        raise ImporError(f"impor #{impor_id} tidak ada; yang ada: {', '.join(map(str, ada)) or '(belum ada impor)'}")
    if row[0] == "dibatalkan":
        raise ImporError(f"impor #{impor_id} sudah dibatalkan")
    sebelum = {r[0] for r in con.execute("SELECT id FROM impor_riwayat WHERE status = 'aktif'").fetchall()}
    con.execute("UPDATE impor_riwayat SET status = 'dibatalkan', dibatalkan_waktu = ?, dibatalkan_oleh = ? "
                "WHERE id = ?", [_waktu(), oleh, impor_id])
    terap.segarkan(con)
    sesudah = {r[0] for r in con.execute("SELECT id FROM impor_riwayat WHERE status = 'aktif'").fetchall()}
    return sorted(sesudah - sebelum)


def batal(impor_id: int, oleh: str | None = None, *, db_path=None, sources=None) -> list[int]:
    """Undo import ``impor_id``: its figures leave ``pilar``/``kpm`` and what it replaced (the CSV figures
    or an earlier import) is active again. Returns the ids of earlier imports active again."""
    siapa = oleh_siapa(oleh)
    target, src = siapkan_db(db_path, sources)
    return ubah(target, src, lambda con: _batal(con, int(impor_id), siapa))


def riwayat(*, db_path=None, sources=None) -> pd.DataFrame:
    """Every import, oldest first: id, waktu, jenis, periode, berkas, sha256, baris, oleh, status ('aktif',
    'diganti', 'dibatalkan'), lembar, sumber, dibatalkan_waktu, dibatalkan_oleh."""
    target, _ = siapkan_db(db_path, sources)
    with konteks.baca_db(target) as con:
        if not konteks.ada_tabel(con, "impor_riwayat"):
            return pd.DataFrame(columns=KOLOM_RIWAYAT)
        return con.execute(f"SELECT {', '.join(KOLOM_RIWAYAT)} FROM impor_riwayat ORDER BY id").df()


def isi_impor(impor_id: int, *, db_path=None, sources=None) -> pd.DataFrame:
    """The figures of one import (active or not): kode_bps, ukuran, jumlah, aktif, baris."""
    target, _ = siapkan_db(db_path, sources)
    with konteks.baca_db(target) as con:
        return con.execute("""
            SELECT kode_bps, jenis_pilar AS ukuran, jumlah, aktif, baris FROM impor_pilar WHERE impor_id = $i
            UNION ALL SELECT kode_bps, 'kpm', jumlah, aktif, baris FROM impor_kpm WHERE impor_id = $i
            UNION ALL SELECT kode_bps, 'graduasi', graduasi, aktif, baris FROM impor_kpm
                      WHERE impor_id = $i AND graduasi IS NOT NULL
            ORDER BY kode_bps, ukuran""", {"i": int(impor_id)}).df()


__all__ = ["batal", "isi_impor", "oleh_siapa", "riwayat", "sumber_id", "terapkan", "ubah"]
