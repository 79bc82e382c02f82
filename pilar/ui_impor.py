"""The admin page for the office's own sheets: template, upload, preview, confirm, submissions, history, undo.

Every action runs only for a session logged in with the admin password (``ui_admin.aktif``),
checked again at the moment of writing. Text from the file (names, messages) is shown as text: in a
table cell, or through ``teks_aman`` where Streamlit renders Markdown. The uploaded bytes stay in the
session until saved or replaced, so accepting a suggested unit name or picking another sheet checks
the same file again without a new upload. After a save or an undo the page runs again at once, so the
history, the undo choice and the submissions show the new state.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from . import format as fmt
from . import impor, tampilan, ui_admin
from .format import teks_aman
from .impor import dasar, laporan
from .teks import polos, t

KOLOM_PRATINJAU = {"kode_bps": "impor_kolom_kode_bps", "wilayah": "impor_kolom_wilayah", "ukuran": "impor_kolom_ukuran",
                   "lama": "impor_kolom_lama", "baru": "impor_kolom_baru", "selisih": "impor_kolom_selisih",
                   "asal_lama": "impor_kolom_asal_lama", "baris": "impor_kolom_baris"}
KOLOM_RIWAYAT = {"id": "impor_r_id", "waktu": "impor_r_waktu", "jenis": "impor_r_jenis", "periode": "impor_r_periode",
                 "berkas": "impor_r_berkas", "baris": "impor_r_baris", "oleh": "impor_r_oleh", "status": "impor_r_status"}
KOLOM_LAPORAN = {"kode_bps": "impor_kolom_kode_bps", "wilayah": "impor_kolom_wilayah", "status": "impor_l_status",
                 "impor": "impor_r_id", "waktu": "impor_r_waktu", "jauh": "impor_l_jauh"}
CARI_SENDIRI = ""  # the sheet choice "found by the reader"


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


def _pesan(bagian: str) -> None:
    """The message of the last save or undo (kept over the rerun that refreshed the page)."""
    simpan = st.session_state.get("impor_pesan")
    if simpan and simpan[0] == bagian:
        st.success(simpan[1])


# ---------------------------------------------------------------- upload and check

def unggah(p) -> None:
    lang, ss = p.lang, st.session_state
    st.subheader(t("impor_h_unggah", lang))
    _pesan("unggah")
    with st.form("impor_form"):
        berkas = st.file_uploader(t("impor_berkas", lang).format(mb=dasar.ukuran_mb(dasar.MAKS_BYTE)),
                                  type=["xlsx", "xls", "ods", "csv"], max_upload_size=dasar.MAKS_BYTE // 2**20)
        c = st.columns(3)
        jenis = c[0].radio(t("impor_jenis", lang), impor.JENIS, horizontal=True)
        periode = c[1].text_input(t("impor_periode", lang), placeholder="2025-12-31 / 2025-Q4")
        lembar = c[2].text_input(t("impor_lembar", lang))
        sumber = st.text_input(t("impor_sumber", lang))
        periksa = st.form_submit_button(t("impor_periksa", lang))
    if periksa and berkas:
        ss.pop("impor_pesan", None)
        ss["impor_unggahan"] = {"nama": berkas.name, "data": berkas.getvalue(), "jenis": jenis,
                                "periode": periode.strip(), "lembar": lembar.strip() or None, "cocokkan": {}}
        ss["impor_sumber"] = sumber
        _periksa(lang)
    elif ss.pop("impor_periksa_lagi", False) and ss.get("impor_unggahan"):
        _periksa(lang)
    _galat(lang)
    r = ss.get("impor_rencana")
    if r is not None:
        _pilih_lembar(r.lembar_semua, lang)
        _pratinjau(r, lang)


def _periksa(lang: str) -> None:
    """Check the kept upload (a temp copy: the readers want a path); the plan, or the refusal, in the session."""
    ss = st.session_state
    u = ss["impor_unggahan"]
    ss["impor_rencana"], ss["impor_galat"] = None, None
    try:
        with st.spinner(t("impor_membaca", lang)), tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / ("unggahan" + Path(u["nama"]).suffix.lower())
            path.write_bytes(u["data"])
            ss["impor_rencana"] = impor.baca(path, u["jenis"], u["periode"], u["lembar"], nama=u["nama"],
                                             cocokkan=u["cocokkan"])
    except impor.ImporError as e:
        ss["impor_galat"] = e


def _galat(lang: str) -> None:
    e = st.session_state.get("impor_galat")
    if e is None:
        return
    st.error(t("impor_ditolak", lang) + "\n\n" + "\n".join(f"- {_kalimat(x)}" for x in e.daftar()))
    nama = {int(k): v for k, v in tampilan.indikator().nama_lengkap.items()}
    for i, (teks, kode) in enumerate(e.saran.items()):
        c = st.columns([3, 2])
        c[0].text(t("impor_saran", lang).format(nama=fmt.teks_bersih(teks), wilayah=nama.get(kode, kode), kode=kode))
        c[1].button(t("impor_terima", lang), key=f"impor_terima_{i}", on_click=_terima, args=({teks: kode},))
    if len(e.saran) > 1:
        st.button(t("impor_terima_semua", lang), key="impor_terima_semua", on_click=_terima, args=(dict(e.saran),))
    if len(e.lembar) > 1:
        _pilih_lembar(e.lembar, lang)


def _terima(cocok: dict[str, int]) -> None:
    u = st.session_state.get("impor_unggahan")
    if u is not None and ui_admin.aktif():
        u["cocokkan"].update(cocok)
        st.session_state["impor_periksa_lagi"] = True


def _pilih_lembar(semua: list[str], lang: str) -> None:
    """Which sheet is read, when the workbook has more than one: found by the reader, or the user's pick."""
    u = st.session_state.get("impor_unggahan")
    if u is None or len(semua) < 2:
        return
    pilihan = [CARI_SENDIRI, *semua]
    kini = u["lembar"] if u["lembar"] in semua else CARI_SENDIRI
    st.selectbox(t("impor_pilih_lembar", lang), pilihan, index=pilihan.index(kini), key="impor_lembar_pilih",
                 format_func=lambda n: t("impor_lembar_sendiri", lang) if n == CARI_SENDIRI else fmt.teks_bersih(n),
                 on_change=_ganti_lembar)


def _ganti_lembar() -> None:
    u = st.session_state.get("impor_unggahan")
    if u is not None:
        u["lembar"] = st.session_state.get("impor_lembar_pilih") or None
        st.session_state["impor_periksa_lagi"] = True


# ---------------------------------------------------------------- preview and save

def _teks_angka(x, lang: str, tanda: bool = False) -> str:
    if x is None or pd.isna(x):
        return fmt.KOSONG
    return ("+" if tanda and x > 0 else "") + fmt.angka(int(x), lang)


def tabel_pratinjau(r, lang: str) -> pd.DataFrame:
    """The preview as the reader sees it: codes as codes (6301), numbers in the interface language, '–' for
    none; every cell text, so the browser's locale cannot change it."""
    df = r.tabel()
    out = pd.DataFrame({
        "kode_bps": df["kode_bps"].map(str), "wilayah": df["wilayah"], "ukuran": df["ukuran"],
        "lama": df["lama"].map(lambda x: _teks_angka(x, lang)), "baru": df["baru"].map(lambda x: _teks_angka(x, lang)),
        "selisih": df["selisih"].map(lambda x: _teks_angka(x, lang, tanda=True)),
        "asal_lama": df["asal_lama"].map(lambda x: fmt.KOSONG if x is None or pd.isna(x) else x),
        "baris": df["baris"].map(str)})
    return out.rename(columns={k: t(v, lang) for k, v in KOLOM_PRATINJAU.items()})


def _kalimat(x) -> str:
    """An import message: the importer's own sentence, naming columns, cells or rows of the file. Shown as
    plain text (every Markdown mark escaped, see teks.polos), not as a code span: a cell's text inside it
    still cannot become a link, an image or HTML."""
    return polos(" ".join(str(x).split()))


def _pratinjau(r, lang: str) -> None:
    st.markdown(f"**{t('impor_pratinjau', lang)}:** {_kalimat(r.ringkasan())}")
    st.dataframe(tabel_pratinjau(r, lang), hide_index=True, width="stretch")
    for judul, daftar in (("impor_diabaikan_kolom", r.kolom_diabaikan), ("impor_diabaikan_baris", r.baris_diabaikan),
                          ("impor_nihil", r.nihil), ("impor_dicocokkan", [f"{n} = {k}" for n, k in r.cocokkan.items()]),
                          ("impor_peringatan", r.peringatan)):
        if daftar:
            st.caption(t(judul, lang) + " " + "; ".join(_kalimat(x) for x in daftar))
    boleh_simpan = True
    if r.konfirmasi:
        st.warning(t("impor_konfirmasi", lang) + "\n\n" + "\n".join(f"- {_kalimat(x)}" for x in r.konfirmasi))
        boleh_simpan = st.checkbox(t("impor_yakin", lang), key="impor_yakin")
    ganti = False
    if r.bentrok:
        st.warning(t("impor_bentrok", lang) + " " + "; ".join(_kalimat(x) for x in r.bentrok))
        ganti = st.checkbox(t("impor_ganti", lang), key="impor_ganti")
    if st.button(t("impor_simpan", lang), type="primary", key="impor_simpan",
                 disabled=not boleh_simpan or (bool(r.bentrok) and not ganti)):
        _simpan(r, ganti, lang)


def _simpan(r, ganti: bool, lang: str) -> None:
    ss = st.session_state
    if not ui_admin.aktif():  # checked again at the moment of writing
        return
    try:
        nomor = impor.terapkan(r, ganti=ganti, sumber=ss.get("impor_sumber") or None, oleh="admin")
    except impor.ImporError as e:
        st.error(_kalimat(e.paragraf()))
        return
    except OSError as e:  # e.g. a read-only data folder: nothing was written
        st.error(t("impor_tak_tertulis", lang) + " " + teks_aman(e))
        return
    for k in ("impor_rencana", "impor_unggahan", "impor_galat", "impor_yakin", "impor_ganti", "impor_laporan_pilih"):
        ss.pop(k, None)
    ss["impor_pesan"] = ("unggah", t("impor_berhasil", lang).format(nomor=nomor, periode=r.periode))
    ss["impor_laporan_periode"] = r.periode
    st.rerun()


# ---------------------------------------------------------------- submissions

def laporan_unit(p) -> None:
    """For one period: who has reported, who has not, who sent figures far from their last period."""
    lang, ss = p.lang, st.session_state
    st.subheader(t("impor_h_laporan", lang))
    c = st.columns(2)
    jenis = c[0].radio(t("impor_jenis", lang), impor.JENIS, horizontal=True, key="impor_laporan_jenis")
    ada = laporan.periode_impor(jenis)
    if not ada:
        st.caption(t("impor_laporan_kosong", lang))
        return
    awal = ss.get("impor_laporan_periode")
    periode = c[1].selectbox(t("impor_r_periode", lang), ada, index=ada.index(awal) if awal in ada else 0,
                             format_func=lambda x: f"{fmt.periode(x, lang)} ({x})", key="impor_laporan_pilih")
    df = laporan.status(jenis, periode)
    sudah, belum = df[df["status"] == "sudah"], df[df["status"] == "belum"]
    st.caption(t("impor_laporan_ringkas", lang).format(sudah=len(sudah), belum=len(belum), semua=len(df),
                                                        batas=fmt.persen(dasar.BATAS_PERUBAHAN * 100, lang, 0)))
    jauh = df[df["jauh"] != ""]
    if not jauh.empty:
        st.warning(t("impor_laporan_jauh", lang) + "\n\n" + "\n".join(
            f"- {teks_aman(w)}: {teks_aman(j)}" for w, j in zip(jauh["wilayah"], jauh["jauh"])))
    tampil = pd.DataFrame({
        "kode_bps": df["kode_bps"].map(str), "wilayah": df["wilayah"],
        "status": df["status"].map(lambda s: t("impor_l_sudah" if s == "sudah" else "impor_l_belum", lang)),
        "impor": df["impor"].map(lambda i: fmt.KOSONG if pd.isna(i) else f"#{int(i)}"),
        "waktu": df["waktu"].map(lambda w: fmt.waktu_zona(w, lang)),
        "jauh": df["jauh"].map(lambda j: j or fmt.KOSONG)})
    st.dataframe(tampil.rename(columns={k: t(v, lang) for k, v in KOLOM_LAPORAN.items()}), hide_index=True,
                 width="stretch")


# ---------------------------------------------------------------- history and undo

def tabel_riwayat(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The history as text: times in the office's zone ('4 Desember 2026 16.54 WITA'), numbers as numbers."""
    out = pd.DataFrame({
        "id": df["id"].map(lambda i: str(int(i))), "waktu": df["waktu"].map(lambda w: fmt.waktu_zona(w, lang)),
        "jenis": df["jenis"], "periode": df["periode"], "berkas": df["berkas"].map(fmt.teks_bersih),
        "baris": df["baris"].map(lambda n: _teks_angka(n, lang)), "oleh": df["oleh"].map(fmt.teks_bersih),
        "status": df["status"]})
    return out.rename(columns={k: t(v, lang) for k, v in KOLOM_RIWAYAT.items()})


def riwayat(p) -> None:
    lang = p.lang
    st.subheader(t("impor_h_riwayat", lang))
    _pesan("riwayat")
    df = impor.riwayat()
    if df.empty:
        st.caption(t("impor_riwayat_kosong", lang))
        return
    st.dataframe(tabel_riwayat(df, lang), hide_index=True, width="stretch")
    aktif = [int(i) for i, s in zip(df["id"], df["status"]) if s != "dibatalkan"]
    if not aktif:
        return
    c = st.columns([2, 2, 3])
    nomor = c[0].selectbox(t("impor_pilih_batal", lang), aktif, key="impor_batal_id")
    yakin = c[1].checkbox(t("impor_yakin_batal", lang), key="impor_batal_yakin")
    if c[2].button(t("impor_batal", lang), disabled=not yakin, key="impor_batal") and ui_admin.aktif():
        _batal(int(nomor), lang)


def _batal(nomor: int, lang: str) -> None:
    ss = st.session_state
    try:
        impor.batal(nomor, oleh="admin")
        berlaku = laporan.berlaku(nomor, aman=teks_aman)  # a file name may hold Markdown
    except impor.ImporError as e:
        st.error(_kalimat(e.paragraf()))
        return
    except OSError as e:
        st.error(t("impor_tak_tertulis", lang) + " " + teks_aman(e))
        return
    for k in ("impor_batal_id", "impor_batal_yakin"):
        ss.pop(k, None)
    ss["impor_pesan"] = ("riwayat", t("impor_dibatalkan", lang).format(nomor=nomor,
                                                                 berlaku="; ".join(berlaku)))
    st.rerun()
