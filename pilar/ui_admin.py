"""Admin in the app: the login in the sidebar, the source notice, the boundary form.

Admin actions exist only when a password is configured (``pilar.admin``), the client may be
admin at all (the server itself, or a network named in ``PILAR_ADMIN_JARINGAN``), and this session
logged in from this same client not long ago. ``PILAR_ADMIN=1`` alone enables nothing.
"""
from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import admin, build
from .format import teks_aman, teks_bersih
from .teks import t


@functools.lru_cache(maxsize=1)
def _rahasia() -> str | None:
    """The password from .streamlit/secrets.toml, read once per server process (restart after changing it)."""
    try:
        return st.secrets.get("admin_sandi")
    except Exception:  # no secrets.toml at all: Streamlit raises instead of returning nothing
        return None


def sandi() -> str | None:
    return admin.sandi_terpasang(_rahasia())


def klien() -> str:
    """This session's client address (``admin.alamat_klien``). Streamlit gives None for a loopback peer
    (and AppTest a stand-in object): both are this machine."""
    ip = st.context.ip_address
    return admin.alamat_klien(ip if isinstance(ip, str) else "127.0.0.1", st.context.headers)


def _sesi() -> str | None:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx else None


def aktif() -> bool:
    """True when this session logged in with the configured password, from this client, not long ago."""
    return bool(sandi()) and admin.sesi_admin(_sesi(), klien())


def masuk(lang: str) -> None:
    """The login (or logout) in the sidebar; absent when no password is configured."""
    if not sandi():
        return
    with st.expander(t("admin_judul", lang), icon=":material/lock:"):
        if not admin.boleh_dari(klien()):  # not offered to the venue's network (pilar.admin)
            st.caption(t("admin_hanya_server", lang))
            return
        if aktif():
            st.caption(t("admin_sudah_masuk", lang))
            if st.button(t("admin_keluar", lang), key="admin_keluar"):
                admin.keluar(_sesi())
                st.rerun()
            return
        with st.form("admin_masuk_form", border=False):
            kata = st.text_input(t("admin_sandi", lang), type="password", key="admin_sandi_input")
            kirim = st.form_submit_button(t("admin_masuk", lang))
        if kirim:
            _coba(str(kata or ""), lang)


def _coba(kata: str, lang: str) -> None:
    try:
        ok = admin.coba(kata, sandi(), klien())
    except admin.Ditolak as e:
        st.error(t(e.pesan, lang).format(menit=-(-e.tunggu_detik // 60)))
        return
    if ok and _sesi():
        admin.catat_masuk(_sesi(), klien())
        st.rerun()
    st.error(t("admin_salah", lang))


def pemberitahuan(lang: str) -> None:
    """Tell admins (only them) when the sources are invalid and the last good database is served."""
    masalah = build.masalah_sumber()
    if masalah and aktif():
        st.error(t("admin_sumber_rusak", lang) + " " + teks_aman(" ".join(masalah.splitlines())), icon=":material/error:")


def bagian_batas(lang: str) -> None:
    """The boundary install section of the map page: the form for admins, how-to for others."""
    if not sandi():
        st.caption(t("admin_cara_aktif", lang))
    elif not aktif():
        st.caption(t("admin_perlu_masuk", lang))
    else:
        with st.expander(t("admin_batas", lang), icon=":material/upload_file:"):
            _form_batas(lang)


def _form_batas(lang: str) -> None:
    """Upload a boundary file (or fetch the open set) and install it, as `python -m pilar boundaries` does."""
    from . import batas

    with st.form("pasang_batas"):
        berkas = st.file_uploader(t("admin_berkas", lang), type=["geojson", "json", "zip", "gpkg"])
        sumber = st.text_input(t("admin_sumber", lang))
        lisensi = st.text_input(t("admin_lisensi", lang))
        atribusi = st.text_input(t("admin_atribusi", lang))
        pasang = st.form_submit_button(t("admin_pasang", lang))
    unduh = st.button(t("admin_unduh", lang))
    if not (pasang and berkas) and not unduh:
        return
    if not aktif():  # checked again at the moment of writing
        return
    try:
        with st.spinner(t("admin_proses", lang)):
            if unduh:
                laporan = batas.download()
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / Path(berkas.name).name
                    path.write_bytes(berkas.getvalue())
                    laporan = batas.install(path, source=sumber or None, licence=lisensi or None,
                                            attribution=atribusi or None)
    except batas.BatasError as e:
        st.error(teks_aman(e.pesan))
        return
    st.success(t("admin_berhasil", lang))
    st.code(teks_bersih(laporan.ringkasan(), tetap="\n"), language=None)  # a code block shows U+202E as is
