"""Interface text of the import page added for the offices' own sheets (suggestions, sheet choice, warnings to
confirm, submissions per period). The older import entries live in ``umum``."""
from __future__ import annotations

TEKS: dict[str, tuple[str, str]] = {
    "impor_saran": ("'{nama}' → {wilayah} ({kode})", "'{nama}' → {wilayah} ({kode})"),
    "impor_terima": ("Terima saran ini", "Accept this suggestion"),
    "impor_terima_semua": ("Terima semua saran nama", "Accept every name suggestion"),
    "impor_pilih_lembar": ("Lembar yang dibaca", "Sheet read"),
    "impor_lembar_sendiri": ("(dicari sendiri)", "(found by the reader)"),
    "impor_nihil": ("Sel berisi '-' dibaca 0 (nihil, seperti tabel BPS):", "Cells holding '-' read as 0 (nil, as in "
                    "BPS tables):"),
    "impor_dicocokkan": ("Nama wilayah dicocokkan sesuai pilihan Anda:", "Unit names matched by your choice:"),
    "impor_konfirmasi": ("Perlu dipastikan sebelum menyimpan:", "To confirm before saving:"),
    "impor_yakin": ("Sudah saya periksa; simpan dengan angka dan periode ini",
                    "I have checked; save with these figures and this period"),
    "impor_h_laporan": ("3. Kiriman kabupaten/kota per periode", "3. Submissions per period"),
    "impor_laporan_kosong": ("Belum ada impor untuk jenis data ini.", "No imports of this kind yet."),
    "impor_laporan_ringkas": ("{sudah} dari {semua} kabupaten/kota sudah melapor, {belum} belum. Angka yang berubah "
                              "{batas} atau lebih dari periode sebelumnya ditandai untuk dipastikan.",
                              "{sudah} of {semua} regencies/cities have reported, {belum} have not. Figures that "
                              "changed by {batas} or more from the previous period are flagged for checking."),
    "impor_laporan_jauh": ("Angka jauh dari periode sebelumnya (pastikan dengan kantornya):",
                           "Figures far from the previous period (check with the office):"),
    "impor_l_status": ("Laporan", "Report"),
    "impor_l_jauh": ("Jauh dari periode sebelumnya", "Far from the previous period"),
    "impor_l_sudah": ("sudah", "received"),
    "impor_l_belum": ("belum", "missing"),
}
