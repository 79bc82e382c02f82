"""Interface text of the exports (XLSX workbooks, PNG charts): (Bahasa Indonesia, English) per key."""
from __future__ import annotations

TEKS: dict[str, tuple[str, str]] = {
    "unduh_xlsx": ("Unduh XLSX", "Download XLSX"),
    "xlsx_lembar_keterangan": ("Keterangan", "About"),
    "xlsx_lembar_data": ("Data", "Data"),
    "xlsx_definisi": ("Definisi", "Definition"),
    "xlsx_tanpa_definisi": ("Tabel ini tidak memuat ukuran dari katalog ukuran.",
                            "This table shows no measure from the measure catalog."),
    "xlsx_dicetak": ("Dicetak pada", "Printed on"),
    "xlsx_letak_data": ("Data ada di lembar \"{lembar}\"; angka disimpan sebagai angka.",
                        "The data are on sheet \"{lembar}\"; numbers are stored as numbers."),
    "xlsx_periode_terbaru": ("{periode} (periode terbaru di basis data)", "{periode} (latest period in the database)"),
}
