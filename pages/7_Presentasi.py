"""Presentasi: full-width slides for a forum, stepped with a clicker. Logic: pilar/ui_presentasi.py."""
from pilar import ui, ui_presentasi

p = ui.halaman("judul_presentasi", presentasi=ui_presentasi.CSS)
ui_presentasi.jalankan(p)
