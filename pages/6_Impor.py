"""Impor data (admin): upload a kabupaten/kota sheet, preview the change, confirm; submissions per period;
history with undo."""
from pilar import ui, ui_impor

p = ui.halaman("judul_impor")
if ui_impor.boleh(p.lang):
    ui_impor.templat(p.lang)
    ui_impor.unggah(p)
    ui_impor.laporan_unit(p)
    ui_impor.riwayat(p)
