"""The dialog in the app: the admin's forum and moderation page (pages/8_Dialog.py) and the two slides of the
Presentasi page (what the room says now; what became of last forum's items).

Every change to the store runs only for a logged-in admin (``ui_admin.aktif``), checked at the moment of
writing. What phones wrote is shown with ``st.text`` (never Markdown), made visible by ``aturan.tampil``.
"""
from __future__ import annotations

import datetime as dt
import sqlite3

import streamlit as st

from . import slide, ui, ui_admin
from .dialog import aturan, simpan
from .dialog.aturan import JENIS, PIHAK, TINDAK, Tolak, tampil
from .format import teks_aman
from .teks import t

SEGAR = "3s"        # how often the queue and the slide look for new items (one small SQLite read)
MAKS_SLIDE = 6      # items on the slide besides the pinned one: readable from the back of a hall


def boleh(lang: str) -> bool:
    if not ui_admin.sandi():
        st.info(t("admin_cara_aktif", lang))
        return False
    if not ui_admin.aktif():
        st.info(t("dl_perlu_masuk", lang))
        return False
    return True


def _ubah(fn, *args, lang: str) -> bool:
    """Run one change to the store for an admin; a refusal is one line. True when it was made."""
    if not ui_admin.aktif():  # checked again at the moment of writing
        st.error(t("dl_perlu_masuk", lang))
        return False
    try:
        fn(*args)
    except Tolak as e:
        st.error(teks_aman(e.pesan))
        return False
    except sqlite3.Error as e:
        st.error(t("dl_sibuk", lang) + " " + teks_aman(str(e)))
        return False
    return True


def _baris(m: dict) -> str:
    """One item as a plain line: number, unit, speaker, kind, votes, text."""
    nama = f" · {m['nama']}" if m["nama"] else ""
    return tampil(f"#{m['id']} · {aturan.wilayah().get(m['kode_bps'], m['kode_bps'])} · {PIHAK[m['pihak']]}{nama} · "
                  f"{JENIS[m['jenis']]} · ▲{m['suara']}\n{m['teks']}")


# ---------------------------------------------------------------- the admin page

def forum(lang: str) -> dict | None:
    """The open forum (its phone address) with a close button, or the form to open one."""
    st.subheader(t("dl_h_forum", lang), anchor=False)
    f = simpan.forum_terbuka()
    if f is None:
        with st.form("dl_buka_form"):
            nama = st.text_input(t("dl_nama", lang), max_chars=200, key="dl_nama")
            tanggal = st.date_input(t("dl_tanggal", lang), value=dt.date.today(), format="YYYY-MM-DD", key="dl_tanggal")
            tempat = st.text_input(t("dl_tempat", lang), max_chars=200, key="dl_tempat")
            hadir = st.multiselect(t("dl_hadir", lang), list(aturan.wilayah()), format_func=aturan.wilayah().get,
                                   key="dl_hadir")
            if st.form_submit_button(t("dl_buka", lang), type="primary", key="dl_buka"):
                if _ubah(simpan.buka_forum, nama, str(tanggal), tempat, hadir, lang=lang):
                    st.rerun()
        return None
    st.text(tampil(f"{f['nama']} · {f['tanggal']} · {f['tempat']}"))
    alamat = slide.alamat_ponsel(st.context.url, f["id"], None, "Dialog")
    st.text(t("dl_alamat", lang).format(alamat=alamat or f"/forum/{f['id']}"))
    if st.button(t("dl_tutup", lang), key="dl_tutup") and _ubah(simpan.tutup_forum, f["id"], lang=lang):
        st.rerun()
    return f


def _aksi(fn, *args) -> None:
    """A button's callback: one change for an admin; a refusal is kept for the next render to show."""
    lang = st.session_state.get("lang", "id")
    if not ui_admin.aktif():  # checked again at the moment of writing
        st.session_state["dl_pesan"] = t("dl_perlu_masuk", lang)
        return
    try:
        fn(*args)
    except Tolak as e:
        st.session_state["dl_pesan"] = e.pesan
    except sqlite3.Error as e:
        st.session_state["dl_pesan"] = t("dl_sibuk", lang) + " " + str(e)


@st.fragment(run_every=SEGAR)
def antrean(forum_id: int, lang: str) -> None:
    """The moderation queue, refreshed while the room writes: approve, hide, merge, correct."""
    st.subheader(t("dl_h_antrean", lang), anchor=False)
    if st.session_state.get("dl_pesan"):
        st.error(teks_aman(st.session_state.pop("dl_pesan")))
    baru = simpan.pilih(forum_id, status="baru")
    setuju = simpan.pilih(forum_id, status="disetujui")
    st.caption(t("dl_jumlah", lang).format(baru=len(baru), setuju=len(setuju)))
    for m in baru:
        with st.container(border=True, key=f"dl_m_{m['id']}"):
            st.text(_baris(m))
            a, b, c = st.columns(3)
            a.button(t("dl_setujui", lang), key=f"dl_ok_{m['id']}", type="primary", on_click=_aksi,
                     args=(simpan.ubah_status, [m["id"]], "disetujui"))
            b.button(t("dl_sembunyikan", lang), key=f"dl_hide_{m['id']}", on_click=_aksi,
                     args=(simpan.ubah_status, [m["id"]], "disembunyikan"))
            with c.popover(t("dl_lainnya", lang)):
                _gabung_sunting(m, setuju, lang)
    with st.expander(t("dl_h_disetujui", lang)):
        for m in setuju:
            st.text(_baris(m))


def _gabung(mid: int) -> None:
    ke = st.session_state.get(f"dl_ke_{mid}")
    if ke is not None:
        _aksi(simpan.gabung, mid, ke)


def _sunting(mid: int) -> None:
    _aksi(simpan.sunting, mid, st.session_state.get(f"dl_tx_{mid}", ""))


def _gabung_sunting(m: dict, setuju: list[dict], lang: str) -> None:
    st.selectbox(t("dl_gabung_ke", lang), [x["id"] for x in setuju], key=f"dl_ke_{m['id']}",
                 format_func=lambda i: f"#{i}", index=None)
    st.button(t("dl_gabung", lang), key=f"dl_gb_{m['id']}", on_click=_gabung, args=(m["id"],))
    st.text_area(t("dl_sunting", lang), value=m["teks"], max_chars=aturan.MAKS_TEKS, key=f"dl_tx_{m['id']}")
    st.button(t("dl_simpan_sunting", lang), key=f"dl_sv_{m['id']}", on_click=_sunting, args=(m["id"],))


def tindak(lang: str) -> None:
    """Follow-up after the forum: owner (a unit of the Dinas), status and response, each step dated."""
    st.subheader(t("dl_h_tindak", lang), anchor=False)
    semua = simpan.daftar_forum()
    if not semua:
        st.caption(t("dl_belum_forum", lang))
        return
    fid = st.selectbox(t("dl_pilih_forum", lang), [f["id"] for f in semua], key="dl_tindak_forum",
                       format_func=lambda i: tampil(next(f"{f['tanggal']} {f['nama']}" for f in semua if f["id"] == i)))
    items = simpan.pilih(fid, status="disetujui")
    if not items:
        st.caption(t("dl_belum_disetujui", lang))
        return
    mid = st.selectbox(t("dl_pilih_masukan", lang), [m["id"] for m in items], key="dl_tindak_item",
                       format_func=lambda i: tampil(next(_baris(m).replace("\n", ": ")[:120] for m in items if m["id"] == i)))
    m = next(x for x in items if x["id"] == mid)
    for r in simpan.riwayat_tindak(mid):
        st.text(tampil(f"{r['waktu'][:10]} · {TINDAK[r['status']]} · {r['pemilik']}: {r['tanggapan']}"))
    with st.form("dl_tindak"):
        pemilik = st.text_input(t("dl_pemilik", lang), value=m["pemilik"] or "", max_chars=200)
        status = st.selectbox(t("dl_status", lang), list(TINDAK), format_func=TINDAK.get,
                              index=list(TINDAK).index(m["status_tindak"]) if m["status_tindak"] else 0)
        tanggapan = st.text_area(t("dl_tanggapan", lang), value=m["tanggapan"] or "", max_chars=2000)
        if st.form_submit_button(t("dl_simpan_tindak", lang)) and _ubah(simpan.tindak_lanjut, mid, status, pemilik,
                                                                         tanggapan, lang=lang):
            st.success(t("dl_tersimpan", lang))


def unduh_notulen(lang: str) -> None:
    """The minutes of a chosen forum as PDF and XLSX (made when the button is pressed)."""
    from .dialog import notulen
    st.subheader(t("dl_h_notulen", lang), anchor=False)
    semua = simpan.daftar_forum()
    if not semua:
        return
    fid = st.selectbox(t("dl_pilih_forum", lang), [f["id"] for f in semua], key="dl_notulen_forum",
                       format_func=lambda i: tampil(next(f"{f['tanggal']} {f['nama']}" for f in semua if f["id"] == i)))
    a, b = st.columns(2)
    a.download_button(t("dl_unduh_pdf", lang), lambda: notulen.pdf(fid, lang), f"notulen-forum-{fid}.pdf",
                      mime="application/pdf", key="dl_pdf", on_click="ignore")
    b.download_button(t("dl_unduh_xlsx", lang), lambda: notulen.xlsx(fid, lang), f"notulen-forum-{fid}.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx",
                      on_click="ignore")


# ---------------------------------------------------------------- the slides

def urutan(p: ui.Pilihan) -> tuple[str, ...]:
    """The slide order for this filter: with last forum's items first and the room's slide last when they exist."""
    try:
        f = simpan.forum_terbuka()
        lalu = simpan.forum_sebelum(f["id"] if f else None)
        ada_lalu = bool(lalu and simpan.pilih(lalu["id"], status="disetujui", kode=list(p.kode) or None))
    except sqlite3.Error:  # a store that cannot be read never stops the talk
        return slide.SLIDE
    return slide.urutan(ada_lalu, f is not None)


def slide_dialog(p: ui.Pilihan) -> None:
    """What the room says now: the approved items of the filter, most voted first, the pinned one on top."""
    f = simpan.forum_terbuka()
    if f is None:
        st.info(t("dl_sl_tanpa_forum", p.lang))
        return
    st.header(t("dl_sl_judul", p.lang).format(forum=teks_aman(tampil(f["nama"]))), anchor=False)
    kiri, kanan = st.columns([3, 1])
    with kiri:
        _daftar_slide(f["id"], p.kode, p.lang)
    with kanan:
        kode = p.kode[0] if len(p.kode) == 1 else None
        alamat = slide.alamat_ponsel(st.context.url, f["id"], kode)
        if alamat:
            st.text(t("dl_sl_qr", p.lang))
            st.image(slide.qr_png(alamat), width="content")
            st.text(alamat)
        else:
            st.text(t("dl_sl_qr_tanpa", p.lang).format(alamat=f"/forum/{f['id']}"))


def _sematkan(mid: int | None) -> None:
    st.session_state["dl_pin"] = mid


@st.fragment(run_every=SEGAR)
def _daftar_slide(forum_id: int, kode: tuple[int, ...], lang: str) -> None:
    items = simpan.pilih(forum_id, status="disetujui", kode=list(kode) or None)
    pin = next((m for m in items if m["id"] == st.session_state.get("dl_pin")), None)
    if pin:
        with st.container(key="dl_disematkan", border=True):
            st.text(_baris(pin))
            st.button(t("dl_lepas", lang), key="dl_lepas", on_click=_sematkan, args=(None,))
    lain = [m for m in items if m is not pin][:MAKS_SLIDE]
    if not items:
        st.text(t("dl_sl_kosong", lang))
    for m in lain:
        a, b = st.columns([9, 1], vertical_alignment="center")
        a.text(_baris(m))
        b.button(t("dl_sematkan", lang), key=f"dl_pin_{m['id']}", on_click=_sematkan, args=(m["id"],))


def slide_lalu(p: ui.Pilihan) -> None:
    """Last forum's items of the filter's units and what became of them: the opening of the next forum."""
    f = simpan.forum_terbuka()
    lalu = simpan.forum_sebelum(f["id"] if f else None)
    if lalu is None:
        return
    st.header(t("dl_sl_lalu", p.lang).format(forum=teks_aman(tampil(lalu["nama"])), tanggal=lalu["tanggal"]),
              anchor=False)
    items = simpan.pilih(lalu["id"], status="disetujui", kode=list(p.kode) or None)
    for m in items[:MAKS_SLIDE + 2]:
        status = TINDAK.get(m["status_tindak"] or "", t("dl_belum_tindak", p.lang))
        st.text(tampil(f"{status} · {aturan.wilayah().get(m['kode_bps'], '')} · {JENIS[m['jenis']]}: {m['teks']}"
                       + (f"\n→ {m['pemilik']}: {m['tanggapan']}" if m["tanggapan"] else "")))


def profil(kode: int | None, lang: str) -> None:
    """On the unit profile: the unit's forum items with a follow-up, open ones first (pilar/dialog/tindak.py)."""
    from .dialog import tindak
    d = tindak.unit(kode)
    if not (d["terbuka"] or d["selesai"]):
        return
    st.subheader(t("dl_h_profil", lang), anchor=False)
    for judul, baris in (("dl_terbuka", d["terbuka"]), ("dl_selesai", d["selesai"])):
        if baris:
            st.text(t(judul, lang) + "\n" + "\n".join(f"• {b}" for b in baris))  # phones' text: plain text
