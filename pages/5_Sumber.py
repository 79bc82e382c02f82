"""Sumber data: every source, its original publisher, and the status of the figures."""
import streamlit as st

from pilar import tampilan, ui
from pilar.teks import t

p = ui.halaman("judul_sumber")
lang = p.lang

ui.keterangan_status(lang)
st.subheader(t("periode_status", lang))
ui.tabel(tampilan.periode_data(lang), judul=t("periode_status", lang), p=p, nama_berkas="periode_data")

st.subheader(t("daftar_sumber", lang))
ui.tabel(tampilan.sumber_tabel(lang), judul=t("daftar_sumber", lang), p=p, nama_berkas="sumber",
         column_config={t("kolom_url", lang): st.column_config.LinkColumn(t("kolom_url", lang))})
st.caption(t("catatan_sumber", lang))
