"""Sumber data: every source, its original publisher, and the status of the figures."""
import streamlit as st

from pilar import tampilan, ui
from pilar.teks import t

p = ui.halaman("judul_sumber")
lang = p.lang

ui.keterangan_status(lang)
st.subheader(t("periode_status", lang))
ui.tabel(tampilan.periode_data(lang), judul=t("periode_status", lang), p=p, nama_berkas="periode_data",
         column_config={t("kolom_data", lang): st.column_config.TextColumn(width="large")})

st.subheader(t("daftar_sumber", lang))
# Long titles and publishers wrap in tall rows instead of being cut; the ID stays in view while scrolling.
ui.tabel(tampilan.sumber_tabel(lang), judul=t("daftar_sumber", lang), p=p, nama_berkas="sumber", row_height=96,
         column_config={t("kolom_url", lang): st.column_config.LinkColumn(t("kolom_url", lang)),
                        t("kolom_id", lang): st.column_config.TextColumn(width="small", pinned=True),
                        t("kolom_judul", lang): st.column_config.TextColumn(width="large"),
                        t("kolom_penerbit", lang): st.column_config.TextColumn(width="medium"),
                        t("kolom_catatan", lang): st.column_config.TextColumn(width="large")})
st.caption(t("catatan_sumber", lang))
