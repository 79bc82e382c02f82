"""Submissions from the kabupaten/kota: for one period, which units have reported (an active import), which
have not, and which sent figures far from their last period (``dasar.BATAS_PERUBAHAN``; a warning to
confirm, never an error). Also what is in force again after an undo, in words. Reads only."""
from __future__ import annotations

import pandas as pd

from .. import format as fmt
from . import konteks
from .dasar import BATAS_PERUBAHAN, JUDUL, PROGRAM, UKURAN
from .rencana import siapkan_db

KOLOM = ["kode_bps", "wilayah", "status", "impor", "waktu", "angka", "jauh"]


def _aktif(con, jenis: str, periode: str) -> list[tuple]:
    """(kode, measure, count, import id, time) of the active imported figures of a period."""
    if not konteks.ada_tabel(con, "impor_riwayat"):
        return []
    if jenis == "pilar":
        sql = ("SELECT p.kode_bps, p.jenis_pilar, p.jumlah, p.impor_id, r.waktu FROM impor_pilar p JOIN impor_riwayat r "
               "ON r.id = p.impor_id WHERE p.aktif AND p.periode = ?")
        return con.execute(sql, [periode]).fetchall()
    sql = ("SELECT k.kode_bps, 'kpm', k.jumlah, k.impor_id, r.waktu FROM impor_kpm k JOIN impor_riwayat r "
           "ON r.id = k.impor_id WHERE k.aktif AND k.program = ? AND k.periode = ?")
    return con.execute(sql, [PROGRAM, periode]).fetchall()


def _jauh(baris: list[tuple], sebelum: dict) -> list[str]:
    out = []
    urut = {m: i for i, m in enumerate(UKURAN["pilar"] + UKURAN["kpm"])}
    for kode, m, n, _i, _w in sorted(baris, key=lambda x: urut[x[1]]):
        lalu = sebelum.get((kode, m))
        if lalu is None or n is None or n == lalu[0]:
            continue
        if abs(n - lalu[0]) >= BATAS_PERUBAHAN * max(lalu[0], 1):
            out.append(f"{JUDUL[m]} {fmt.angka(n, 'id')} (periode sebelumnya {lalu[1]}: {fmt.angka(lalu[0], 'id')})")
    return out


def status(jenis: str, periode: str, *, db_path=None, sources=None) -> pd.DataFrame:
    """One row per unit: kode_bps, wilayah, status ('sudah' | 'belum'), impor (latest import id of the unit's
    active figures), waktu (its time), angka (active imported figures), jauh (figures far from the unit's
    last period, in words; empty when none)."""
    target, _ = siapkan_db(db_path, sources)
    with konteks.baca_db(target) as con:
        units = konteks._units(con)
        aktif = _aktif(con, jenis, periode)
        sebelum = konteks._sebelum(con, jenis, periode)
    rows = []
    for u in units:
        milik = [b for b in aktif if b[0] == u.kode_bps]
        akhir = max(milik, key=lambda b: b[3]) if milik else None
        rows.append({"kode_bps": u.kode_bps, "wilayah": u.nama, "status": "sudah" if milik else "belum",
                     "impor": akhir[3] if akhir else None, "waktu": akhir[4] if akhir else None,
                     "angka": len(milik), "jauh": "; ".join(_jauh(milik, sebelum))})
    return pd.DataFrame(rows, columns=KOLOM)


def periode_impor(jenis: str, *, db_path=None, sources=None) -> list[str]:
    """Periods of ``jenis`` with an import that is not undone, latest first."""
    target, _ = siapkan_db(db_path, sources)
    with konteks.baca_db(target) as con:
        if not konteks.ada_tabel(con, "impor_riwayat"):
            return []
        return [r[0] for r in con.execute("SELECT DISTINCT periode FROM impor_riwayat WHERE jenis = ? AND status <> "
                                          "'dibatalkan' ORDER BY periode DESC", [jenis]).fetchall()]


def berlaku(impor_id: int, *, db_path=None, sources=None, aman=fmt.teks_bersih) -> list[str]:
    """What is in force now for the keys of import ``impor_id`` (after it was undone), in words, grouped
    by origin: 'impor #3 (rekap.xlsx): 7 angka', 'angka sumber S01 (estimasi): 6 angka', 'tidak ada
    angka lagi untuk periode 31 Desember 2025: 7 angka'. ``aman`` shows a file name (``format.teks_aman`` for
    Markdown)."""
    target, _ = siapkan_db(db_path, sources)
    with konteks.baca_db(target) as con:
        r = con.execute("SELECT jenis, periode FROM impor_riwayat WHERE id = ?", [int(impor_id)]).fetchone()
        if r is None:
            return []
        jenis, periode = r
        if jenis == "pilar":
            sql = ("SELECT i.kode_bps, p.sumber_id, p.status FROM impor_pilar i LEFT JOIN pilar p ON p.kode_bps = "
                   "i.kode_bps AND p.jenis_pilar = i.jenis_pilar AND p.periode = i.periode WHERE i.impor_id = ?")
        else:
            sql = ("SELECT i.kode_bps, p.sumber_id, p.status FROM impor_kpm i LEFT JOIN kpm p ON p.kode_bps = "
                   "i.kode_bps AND p.program = i.program AND p.periode = i.periode WHERE i.impor_id = ?")
        rows = con.execute(sql, [int(impor_id)]).fetchall()
        berkas = dict(con.execute("SELECT id, berkas FROM impor_riwayat").fetchall())
    hitung: dict[str, int] = {}
    for _kode, sid, st in rows:
        if sid is None:
            asal = f"tidak ada angka lagi untuk periode {fmt.periode(periode)}"
        elif sid.startswith("IMP") and sid[3:].isdigit():
            asal = f"impor #{int(sid[3:])} ({aman(berkas.get(int(sid[3:]), '?'))})"
        else:
            asal = f"angka sumber {sid} ({st})"
        hitung[asal] = hitung.get(asal, 0) + 1
    return [f"{asal}: {n} angka" for asal, n in hitung.items()]
