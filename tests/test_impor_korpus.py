"""A corpus of real-world and hostile files, all generated here: each is imported with its values checked
against the sheet, or refused with its message and every file of the data folder unchanged."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb
import pytest

import impor_korpus as K
from impor_korpus import JUDUL, KODE, UNITS, Galat, Rumus, harapan_pilar, nilai_pilar, rows_pilar
from pilar import impor
from pilar.impor import ImporError

P_PILAR, P_KPM = "2025-06-30", "2024-Q4"  # periods the sources do not have
TOTAL = [sum(nilai_pilar(k, i) for k in KODE) for i in range(7)]


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


@dataclass
class Kasus:
    nama: str
    buat: Callable[[Path], Path]
    jenis: str = "pilar"
    periode: str = P_PILAR
    sheet: str | None = None
    harapan: dict | None = None          # accepted: (kode, measure) -> count
    pesan: list[str] = field(default_factory=list)  # refused: parts of the message
    cek: Callable | None = None          # more checks on the plan

    def __str__(self):
        return self.nama


# ---------------------------------------------------------------- files that import

def _templat(tmp: Path, jenis="pilar") -> Path:
    from openpyxl import load_workbook

    path = tmp / f"templat_{jenis}.xlsx"
    path.write_bytes(impor.templat(jenis))
    wb = load_workbook(path)
    ws = wb["Data"]
    for r in range(2, 15):
        kode = ws.cell(r, 1).value
        isi = ([nilai_pilar(kode, i) for i in range(7)] if jenis == "pilar"
               else [K.nilai_kpm(kode), K.nilai_graduasi(kode)])
        for i, v in enumerate(isi):
            ws.cell(r, 3 + i, v)
    wb.save(path)
    return path


def _judul_gabung(tmp: Path) -> Path:
    rows = [["REKAPITULASI DATA PILAR SOSIAL KABUPATEN/KOTA"], ["Dinas Sosial Provinsi Kalimantan Selatan"], [],
            ["No.", "Kabupaten/Kota", *JUDUL, "Keterangan"]]
    rows += [[i + 1, K.NAMA_LAPANGAN[k], *(nilai_pilar(k, j) for j in range(7)), "lengkap"]
             for i, (k, _n) in enumerate(UNITS)]
    rows += [[None, "JUMLAH", *TOTAL], [], ["Sumber: laporan Dinas Sosial kabupaten/kota, diolah"]]
    return K.xlsx(tmp / "rekap_judul_gabung.xlsx", {"Rekap": rows}, {"Rekap": ["A1:J1", "A2:J2"]})


def _cek_judul_gabung(r):
    assert r.baris_judul == 4
    assert r.kolom_diabaikan == ["A (No.)", "J (Keterangan)"]
    assert any("Sumber: laporan" in b for b in r.baris_diabaikan)


def _dua_baris(tmp: Path) -> Path:
    rows = [["Data Pilar Sosial 2025"], ["No", "Kabupaten/Kota", "Pilar Sosial"], [None, None, *JUDUL]]
    rows += [[i + 1, n, *(nilai_pilar(k, j) for j in range(7))] for i, (k, n) in enumerate(UNITS)]
    return K.xlsx(tmp / "dua_baris.xlsx", {"Sheet1": rows}, {"Sheet1": ["A1:I1", "A2:A3", "B2:B3", "C2:I2"]})


PANJANG = ["Lembaga Kesejahteraan Sosial (LKS)", "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", "Jumlah PSM (orang)",
           "karang taruna", "PENDAMPING PKH"]


def _panjang(tmp: Path) -> Path:
    rows = rows_pilar(kolom=PANJANG, indeks=[0, 1, 2, 3, 4])
    rows[0][:2] = ["Kode Wilayah", "Nama Kabupaten/Kota"]
    return K.xlsx(tmp / "judul_panjang.xlsx", {"Pilar": rows})


def _satu_wilayah(tmp: Path) -> Path:
    return K.xlsx(tmp / "tapin_sendiri.xlsx", {"Tapin": [["Kode", "Kabupaten/Kota", *JUDUL],
                                                          ["63.05", "Kab. Tapin", *(nilai_pilar(6305, i) for i in range(7))]]})


def _kode_saja(tmp: Path) -> Path:
    rows = [["Kode BPS", *JUDUL]]
    rows += [[("63.72" if k == 6372 else str(k) if k == 6301 else k), *(nilai_pilar(k, i) for i in range(7))]
             for k in KODE]
    return K.xlsx(tmp / "kode_saja.xlsx", {"Data": rows})


def _rumus_tersimpan(tmp: Path) -> Path:
    rows = [["Kode", "Kabupaten/Kota", *JUDUL]]
    rows += [[k, n, Rumus(f"{nilai_pilar(k, 0) - 1}+1", nilai_pilar(k, 0)), *(nilai_pilar(k, i) for i in range(1, 7))]
             for k, n in UNITS]
    rows.append([None, "Jumlah", *(Rumus(f"SUM({c}2:{c}14)", t) for c, t in zip("CDEFGHI", TOTAL))])
    return K.xlsx_mentah(tmp / "rumus_tersimpan.xlsx", {"Data": rows})


def _angka_teks(tmp: Path) -> Path:
    rows = rows_pilar()
    for row in rows[1:]:
        row[2:] = [f" {v} " for v in row[2:]]
    rows[1][2], rows[2][2] = "1.263", "12,0"
    return K.xlsx(tmp / "angka_teks.xlsx", {"Data": rows})


def _harapan_angka_teks():
    h = harapan_pilar()
    h[(6301, "lks")], h[(6302, "lks")] = 1263, 12
    return h


def _xls(tmp: Path) -> Path:
    rows = [["REKAP PILAR SOSIAL", None, None], [None], *rows_pilar(nama=lambda k, n: K.NAMA_LAPANGAN[k])]
    return K.xls(tmp / "lama.xls", {"Rekap": rows}, {"Rekap": [(0, 0, 0, 8)]})


def _ods(tmp: Path) -> Path:
    return K.ods(tmp / "libreoffice.ods", {"Data": [["Rekap pilar sosial"], *rows_pilar()]}, judul_gabung=9)


def _csv_cp1252(tmp: Path) -> Path:
    rows = [["Rekap Pilar Sosial – Triwulan II"], ["Kabupaten/Kota", *JUDUL, "Keterangan"]]
    rows += [[n.replace("Kabupaten", "Kab."), *(nilai_pilar(k, i) for i in range(7)), "sudah diverifikasi"]
             for k, n in UNITS[:6]] + [[]] + [[n, *(nilai_pilar(k, i) for i in range(7)), "café"] for k, n in UNITS[6:]]
    rows += [["Jumlah", *(f"{t:,}".replace(",", ".") for t in TOTAL)], ["Catatan: angka sementara – akan diperbarui"]]
    return K.csv_(tmp / "pilar_excel_id.csv", rows, ";", "cp1252")


def _csv_bom(tmp: Path) -> Path:
    rows = rows_pilar() + [["", "Total", *TOTAL]]
    return K.csv_(tmp / "pilar_utf8.csv", rows, ",", "utf-8-sig")


def _kpm_xlsx(tmp: Path) -> Path:
    rows = [["Kode", "Kabupaten/Kota", "Jumlah KPM PKH", "KPM Graduasi"]]
    rows += [[k, n, K.nilai_kpm(k), K.nilai_graduasi(k)] for k, n in UNITS]
    return K.xlsx(tmp / "kpm.xlsx", {"KPM": rows})


def _harapan_kpm(graduasi=True, tanpa=()):
    h = {(k, "kpm"): K.nilai_kpm(k) for k in KODE}
    if graduasi:
        h.update({(k, "graduasi"): None if k in tanpa else K.nilai_graduasi(k) for k in KODE})
    return h


def _kpm_csv(tmp: Path) -> Path:
    rows = [["Kabupaten/Kota", "KPM"], *([n, f"{K.nilai_kpm(k):,}".replace(",", ".")] for k, n in UNITS)]
    return K.csv_(tmp / "kpm.csv", rows, ";", "utf-8")


def _kpm_graduasi_sebagian(tmp: Path) -> Path:
    rows = [["Kabupaten/Kota", "KPM PKH", "Graduasi"]]
    rows += [[n, K.nilai_kpm(k), None if k in (6301, 6372) else K.nilai_graduasi(k)] for k, n in UNITS]
    return K.xlsx(tmp / "kpm_graduasi_sebagian.xlsx", {"Data": rows})


def _dua_jenis(tmp: Path) -> Path:
    kpm = [["Kode", "Kabupaten/Kota", "KPM PKH"], *([k, n, K.nilai_kpm(k)] for k, n in UNITS)]
    return K.xlsx(tmp / "dua_jenis.xlsx", {"Pilar": rows_pilar(), "KPM": kpm})


DITERIMA = [
    Kasus("xlsx_templat_terisi", _templat, harapan=harapan_pilar()),
    Kasus("xlsx_templat_kpm", lambda t: _templat(t, "kpm"), "kpm", P_KPM, harapan=_harapan_kpm()),
    Kasus("xlsx_judul_bergabung_nama_lapangan_total_catatan", _judul_gabung, harapan=harapan_pilar(),
          cek=_cek_judul_gabung),
    Kasus("xlsx_judul_dua_baris_bergabung", _dua_baris, harapan=harapan_pilar()),
    Kasus("xlsx_judul_panjang_sebagian_kolom", _panjang, harapan=harapan_pilar(indeks=[0, 1, 2, 3, 4])),
    Kasus("xlsx_satu_wilayah", _satu_wilayah, harapan=harapan_pilar([6305])),
    Kasus("xlsx_kode_saja", _kode_saja, harapan=harapan_pilar()),
    Kasus("xlsx_rumus_dengan_nilai_tersimpan", _rumus_tersimpan, harapan=harapan_pilar()),
    Kasus("xlsx_angka_sebagai_teks", _angka_teks, harapan=_harapan_angka_teks()),
    Kasus("xls_lama_judul_bergabung", _xls, harapan=harapan_pilar()),
    Kasus("ods_libreoffice", _ods, harapan=harapan_pilar()),
    Kasus("csv_titik_koma_cp1252_baris_kosong_jumlah_catatan", _csv_cp1252, harapan=harapan_pilar()),
    Kasus("csv_utf8_bom_koma_total", _csv_bom, harapan=harapan_pilar()),
    Kasus("kpm_xlsx_dengan_graduasi", _kpm_xlsx, "kpm", P_KPM, harapan=_harapan_kpm()),
    Kasus("kpm_csv_ribuan_tanpa_graduasi", _kpm_csv, "kpm", P_KPM, harapan=_harapan_kpm(graduasi=False)),
    Kasus("kpm_graduasi_sebagian_kosong", _kpm_graduasi_sebagian, "kpm", P_KPM,
          harapan=_harapan_kpm(tanpa=(6301, 6372))),
    Kasus("dua_lembar_dipilih_menurut_jenis_pilar", _dua_jenis, harapan=harapan_pilar()),
    Kasus("dua_lembar_dipilih_menurut_jenis_kpm", _dua_jenis, "kpm", P_KPM, harapan=_harapan_kpm(graduasi=False)),
    Kasus("dua_lembar_dengan_sheet", _dua_jenis, sheet="pilar", harapan=harapan_pilar()),
]


@pytest.mark.parametrize("kasus", DITERIMA, ids=str)
def test_berkas_diterima_dengan_angka_dari_lembarnya(kasus, data, tmp_path):
    path = kasus.buat(tmp_path)
    r = impor.baca(path, kasus.jenis, kasus.periode, kasus.sheet)
    assert r.nilai == kasus.harapan
    assert r.bentrok == [] and r.berkas == path.name
    if kasus.cek:
        kasus.cek(r)
    nomor = impor.terapkan(r)
    tersimpan = K.angka_db(data / "pilar.duckdb", kasus.jenis, kasus.periode)
    harapan = {key: (n, "resmi", f"IMP{nomor:04d}") for key, n in kasus.harapan.items() if key[1] != "graduasi"}
    assert tersimpan == harapan
    if kasus.jenis == "kpm":
        con = duckdb.connect(str(data / "pilar.duckdb"), read_only=True)
        grad = dict(con.execute("SELECT kode_bps, graduasi FROM impor_kpm WHERE aktif").fetchall())
        con.close()
        assert grad == {k: n for (k, m), n in kasus.harapan.items() if m == "graduasi"} or (
            not any(m == "graduasi" for _k, m in kasus.harapan) and set(grad.values()) == {None})
