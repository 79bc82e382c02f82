"""Dialog forum (admin): open or close a forum, moderate what phones send, follow-up, minutes. Logic: pilar/ui_dialog.py."""
from pilar import ui, ui_dialog

p = ui.halaman("judul_dialog")
if ui_dialog.boleh(p.lang):
    f = ui_dialog.forum(p.lang)
    if f is not None:
        ui_dialog.antrean(f["id"], p.lang)
    ui_dialog.tindak(p.lang)
    ui_dialog.unduh_notulen(p.lang)
