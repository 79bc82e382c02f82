"""The template a kabupaten/kota office fills in, and the backup of every import in the same shape.

A workbook: the sheet "Petunjuk" (instructions in Bahasa Indonesia) FIRST, then "Data": a header
row (Kode BPS, Kabupaten/Kota, the measures), the 13 units from the ``wilayah`` table, and number
cells that accept only whole numbers >= 0. No formulas: a formula openpyxl writes has no cached
value, which the import refuses. A backup file is a filled template: it imports again as it is.
Its notes name stored text (file, --sumber, who): written like every spreadsheet cell (``ekspor.aman``),
so a control character is a visible code point, never openpyxl's IllegalCharacterError.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

from ..ekspor import aman
from .dasar import FORMAT_PERIODE, JUDUL, UKURAN, ImporError, huruf_kolom
from .konteks import baca_db
from .rencana import siapkan_db

LEMBAR_PETUNJUK, LEMBAR_DATA = "Petunjuk", "Data"
ARTI = {"lks": "Lembaga Kesejahteraan Sosial (jumlah lembaga)",
        "tksk": "Tenaga Kesejahteraan Sosial Kecamatan (orang)", "psm": "Pekerja Sosial Masyarakat (orang)",
        "karang_taruna": "Karang Taruna (jumlah organisasi)", "pendamping_pkh": "Pendamping PKH (orang)",
        "tagana": "Taruna Siaga Bencana (orang)", "pelopor_perdamaian": "Pelopor Perdamaian (orang)",
        "kpm": "jumlah keluarga penerima manfaat PKH pada periode itu",
        "graduasi": "KPM yang graduasi (keluar dari PKH karena sudah mampu) selama periode itu; boleh kosong"}


def _petunjuk(jenis: str) -> list[str]:
    _, bentuk, contoh = FORMAT_PERIODE[jenis]
    apa = "pilar sosial" if jenis == "pilar" else "KPM PKH"
    return [
        f"Templat impor data {apa} per kabupaten/kota, Dinas Sosial Provinsi Kalimantan Selatan",
        "",
        "Cara mengisi lembar 'Data':",
        "1. Satu baris untuk satu kabupaten/kota. Kode BPS dan nama sudah terisi; jangan diubah.",
        "2. Tulis bilangan bulat 0 atau lebih, tanpa desimal. Tulis 0 bila memang tidak ada.",
        "3. Kantor kabupaten/kota cukup mengisi barisnya sendiri; baris yang seluruhnya kosong dilewati.",
        "4. Kolom yang tidak dikumpulkan boleh dihapus, tetapi judul kolom jangan diganti.",
        "5. Baris 'Jumlah' boleh ditambahkan di bawah; jumlahnya harus sama dengan jumlah baris di atasnya.",
        "6. Rumus boleh, asalkan berkas disimpan dari Excel atau LibreOffice (hasilnya ikut tersimpan).",
        "7. JANGAN memasukkan data pribadi (NIK, nama, alamat). Dasbor hanya menyimpan angka agregat;",
        "   berkas yang berisi data pribadi ditolak seluruhnya.",
        "",
        f"Periode disebut saat impor, dengan format {bentuk} (misalnya {contoh}):",
        f"   python -m pilar import BERKAS.xlsx --jenis {jenis} --periode {contoh}",
        "Tambahkan --dry-run untuk melihat perubahan tanpa menyimpan. Periode yang sudah ada hanya diganti",
        "dengan --ganti; versi lama tetap tersimpan di riwayat (python -m pilar riwayat, python -m pilar batal ID).",
        "",
        "Arti kolom:",
        *[f"   {JUDUL[m]}: {ARTI[m]}" for m in UKURAN[jenis]],
    ]


def _units(db_path, sources) -> list[tuple[int, str]]:
    target, _ = siapkan_db(db_path, sources)
    with baca_db(target) as con:
        return con.execute("SELECT kode_bps, nama FROM wilayah ORDER BY kode_bps").fetchall()


def buku(jenis: str, units: list[tuple[int, str]], nilai: dict | None = None, catatan: list[str] | None = None):
    """An openpyxl workbook: instructions first, then the data sheet (``nilai``: (kode, measure) -> count)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    if jenis not in UKURAN:
        raise ImporError(f"Jenis '{jenis}' tidak dikenal; pilih pilar atau kpm.")
    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR_PETUNJUK
    for baris in [*(catatan or []), *_petunjuk(jenis)]:
        ws.append([aman(baris)])
    ws.column_dimensions["A"].width = 110
    ws["A1"].font = Font(bold=True, size=13)
    data = wb.create_sheet(LEMBAR_DATA)
    ukuran = UKURAN[jenis]
    data.append(["Kode BPS", "Kabupaten/Kota", *(JUDUL[m] for m in ukuran)])
    for kode, nama in units:
        data.append([kode, aman(nama), *((nilai or {}).get((kode, m)) for m in ukuran)])
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "C2"
    data.column_dimensions["B"].width = 32
    akhir = 1 + len(units)
    dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                        showErrorMessage=True, errorTitle="Bukan jumlah",
                        error="Isi dengan bilangan bulat 0 atau lebih.")
    dv.add(f"C2:{huruf_kolom(1 + len(ukuran))}{akhir}")
    data.add_data_validation(dv)
    return wb


def simpan_buku(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def templat(jenis: str, *, db_path=None, sources=None) -> bytes:
    """The XLSX template of ``jenis`` ('pilar' | 'kpm') with the 13 units of the database."""
    if jenis not in UKURAN:
        raise ImporError(f"Jenis '{jenis}' tidak dikenal; pilih pilar atau kpm.")
    return simpan_buku(buku(jenis, _units(db_path, sources)))


def tulis_berkas(path: Path, isi: bytes) -> None:
    """Write ``isi`` to ``path`` through a temp file in the same folder (never half a file)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(isi)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
