"""``ekspor``: every import written back out as a filled template (XLSX), a backup a person can read
and that imports again as it is (units the import did not cover stay empty and are skipped)."""
from __future__ import annotations

from pathlib import Path

from .dasar import PROGRAM
from .konteks import ada_tabel, baca_db
from .rencana import siapkan_db
from .templat_xlsx import buku, simpan_buku, tulis_berkas


def _nilai(con, impor_id: int, jenis: str) -> dict[tuple[int, str], int | None]:
    if jenis == "pilar":
        rows = con.execute("SELECT kode_bps, jenis_pilar, jumlah FROM impor_pilar WHERE impor_id = ?",
                           [impor_id]).fetchall()
        return {(k, m): n for k, m, n in rows}
    out = {}
    for k, n, g in con.execute("SELECT kode_bps, jumlah, graduasi FROM impor_kpm WHERE impor_id = ? AND program = ?",
                               [impor_id, PROGRAM]).fetchall():
        out[(k, "kpm")], out[(k, "graduasi")] = n, g
    return out


def _catatan(r: dict) -> list[str]:
    lembar = f", lembar '{r['lembar']}'" if r["lembar"] is not None else ""
    batal = (f" pada {r['dibatalkan_waktu']} oleh {r['dibatalkan_oleh']}" if r["status"] == "dibatalkan" else "")
    return [f"CADANGAN IMPOR #{r['id']}: {r['jenis']} periode {r['periode']} (status: {r['status']}{batal})",
            f"Diimpor {r['waktu']} oleh {r['oleh']} dari berkas {r['berkas']}{lembar}",
            f"sha256 berkas asal: {r['sha256']}; {r['baris']} baris angka; sumber: {r['sumber'] or '-'}",
            "Impor ulang: python -m pilar import BERKAS_INI.xlsx --jenis "
            f"{r['jenis']} --periode {r['periode']} (tambahkan --ganti bila periodenya sudah ada)", ""]


def ekspor(folder, *, db_path=None, sources=None) -> list[Path]:
    """Write one XLSX per import into ``folder`` (created if needed): impor-0007-pilar-2025-09-23.xlsx.
    Returns the paths written, oldest import first."""
    target, _ = siapkan_db(db_path, sources)
    with baca_db(target) as con:
        units = con.execute("SELECT kode_bps, nama FROM wilayah ORDER BY kode_bps").fetchall()
        if not ada_tabel(con, "impor_riwayat"):
            return []
        cur = con.execute("SELECT * FROM impor_riwayat ORDER BY id")
        kolom = [d[0] for d in cur.description]
        riwayat = [dict(zip(kolom, row)) for row in cur.fetchall()]
        isi = {r["id"]: _nilai(con, r["id"], r["jenis"]) for r in riwayat}
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for r in riwayat:
        path = folder / f"impor-{r['id']:04d}-{r['jenis']}-{r['periode']}.xlsx"
        tulis_berkas(path, simpan_buku(buku(r["jenis"], units, isi[r["id"]], _catatan(r))))
        out.append(path)
    return out
