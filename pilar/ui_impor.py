"""The admin page for the office's own sheets: template, upload, preview, confirm, history, undo.

Every action runs only for a session logged in with the admin password (``ui_admin.aktif``),
checked again at the moment of writing. Text from the file (names, messages) is shown as text.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from . import impor, ui, ui_admin
from .format import teks_aman
from .teks import polos, t

KOLOM_PRATINJAU = {"kode_bps": "impor_kolom_kode_bps", "wilayah": "impor_kolom_wilayah", "ukuran": "impor_kolom_ukuran",
                   "lama": "impor_kolom_lama", "baru": "impor_kolom_baru", "selisih": "impor_kolom_selisih",
                   "asal_lama": "impor_kolom_asal_lama", "baris": "impor_kolom_baris"}
KOLOM_RIWAYAT = {"id": "impor_r_id", "waktu": "impor_r_waktu", "jenis": "impor_r_jenis", "periode": "impor_r_periode",
                 "berkas": "impor_r_berkas", "baris": "impor_r_baris", "oleh": "impor_r_oleh", "status": "impor_r_status"}


def boleh(lang: str) -> bool:
    """True for a logged-in admin; anyone else is told why the page is empty."""
    if not ui_admin.sandi():
        st.info(t("admin_cara_aktif", lang))
        return False
    if not ui_admin.aktif():
        st.info(t("impor_perlu_masuk", lang))
        return False
    return True


def templat(lang: str) -> None:
    st.subheader(t("impor_h_templat", lang))
    st.caption(t("impor_templat_bantuan", lang))
    kolom = st.columns(2)
    for k, jenis in zip(kolom, impor.JENIS):
        k.download_button(t("impor_unduh_templat", lang).format(jenis=jenis), lambda j=jenis: impor.templat(j),
                          file_name=f"templat_{jenis}.xlsx", key=f"templat_{jenis}", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def unggah(p) -> None:
    lang, ss = p.lang, st.session_state
    st.subheader(t("impor_h_unggah", lang))
    with st.form("impor_form"):
        berkas = st.file_uploader(t("impor_berkas", lang), type=["xlsx", "xls", "ods", "csv"])
        c = st.columns(3)
        jenis = c[0].radio(t("impor_jenis", lang), impor.JENIS, horizontal=True)
        periode = c[1].text_input(t("impor_periode", lang), placeholder="2025-12-31 / 2025-Q4")
        lembar = c[2].text_input(t("impor_lembar", lang))
        sumber = st.text_input(t("impor_sumber", lang))
        periksa = st.form_submit_button(t("impor_periksa", lang))
    if periksa and berkas:
        ss["impor_rencana"] = _baca(berkas, jenis, periode.strip(), lembar.strip() or None, lang)
        ss["impor_sumber"] = sumber
    r = ss.get("impor_rencana")
    if r is not None:
        _pratinjau(r, lang)


def _baca(berkas, jenis: str, periode: str, lembar: str | None, lang: str):
    """Check the uploaded file (a temp copy: the readers want a path); the plan, or None after the message."""
    try:
        with st.spinner(t("impor_membaca", lang)), tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / ("unggahan" + Path(berkas.name).suffix.lower())
            path.write_bytes(berkas.getvalue())
            return impor.baca(path, jenis, periode, lembar, nama=berkas.name)
    except impor.ImporError as e:
        st.error(t("impor_ditolak", lang) + "\n\n" + "\n".join(f"- {_pesan(x)}" for x in e.daftar()))
        return None


def _pesan(x) -> str:
    """An import message: the importer's own sentence, naming columns, cells or rows of the file. Shown as
    plain text (every Markdown mark escaped, see teks.polos), not as a code span: a cell's text inside it
    still cannot become a link, an image or HTML."""
    return polos(" ".join(str(x).split()))


def _pratinjau(r, lang: str) -> None:
    st.markdown(f"**{t('impor_pratinjau', lang)}:** {_pesan(r.ringkasan())}")
    df = r.tabel().rename(columns={k: t(v, lang) for k, v in KOLOM_PRATINJAU.items()})
    st.dataframe(ui.gaya(df, lang), hide_index=True, width="stretch")
    for judul, daftar in (("impor_diabaikan_kolom", r.kolom_diabaikan), ("impor_diabaikan_baris", r.baris_diabaikan),
                          ("impor_peringatan", r.peringatan)):
        if daftar:
            st.caption(t(judul, lang) + " " + "; ".join(_pesan(x) for x in daftar))
    ganti = False
    if r.bentrok:
        st.warning(t("impor_bentrok", lang) + " " + "; ".join(_pesan(x) for x in r.bentrok))
        ganti = st.checkbox(t("impor_ganti", lang), key="impor_ganti")
    if st.button(t("impor_simpan", lang), type="primary", key="impor_simpan", disabled=bool(r.bentrok) and not ganti):
        _simpan(r, ganti, lang)


def _simpan(r, ganti: bool, lang: str) -> None:
    if not ui_admin.aktif():  # checked again at the moment of writing
        return
    try:
        nomor = impor.terapkan(r, ganti=ganti, sumber=st.session_state.get("impor_sumber") or None, oleh="admin")
    except impor.ImporError as e:
        st.error(_pesan(e.paragraf()))
        return
    except OSError as e:  # e.g. a read-only data folder: nothing was written
        st.error(t("impor_tak_tertulis", lang) + " " + teks_aman(e))
        return
    st.session_state.pop("impor_rencana", None)
    st.success(t("impor_berhasil", lang).format(nomor=nomor, periode=r.periode))


def riwayat(p) -> None:
    lang = p.lang
    st.subheader(t("impor_h_riwayat", lang))
    df = impor.riwayat()
    if df.empty:
        st.caption(t("impor_riwayat_kosong", lang))
        return
    st.dataframe(ui.gaya(df[list(KOLOM_RIWAYAT)].rename(columns={k: t(v, lang) for k, v in KOLOM_RIWAYAT.items()}),
                         lang), hide_index=True, width="stretch")
    aktif = [int(i) for i, s in zip(df["id"], df["status"]) if s != "dibatalkan"]
    if not aktif:
        return
    c = st.columns([2, 2, 3])
    nomor = c[0].selectbox(t("impor_pilih_batal", lang), aktif, key="impor_batal_id")
    yakin = c[1].checkbox(t("impor_yakin_batal", lang), key="impor_batal_yakin")
    if c[2].button(t("impor_batal", lang), disabled=not yakin, key="impor_batal") and ui_admin.aktif():
        try:
            kembali = impor.batal(nomor, oleh="admin")
        except impor.ImporError as e:
            st.error(_pesan(e.paragraf()))
            return
        except OSError as e:
            st.error(t("impor_tak_tertulis", lang) + " " + teks_aman(e))
            return
        st.success(t("impor_dibatalkan", lang).format(nomor=nomor, kembali=", ".join(map(str, kembali)) or "-"))
