"""Sumber data: every source, its original publisher, and the status of the figures."""
import streamlit as st

from pilar import format as fmt
from pilar import ui
from pilar.teks import t

p = ui.halaman("judul_sumber")
lang = p.lang

st.markdown(t("keterangan_status", lang))
st.subheader(t("periode_status", lang))
periode = ui.kueri("periode_data")
periode["periode"] = [fmt.periode(x, lang) for x in periode["periode"]]
ui.tabel(periode, judul=t("periode_status", lang), p=p, periode="-", sumber=[], nama_berkas="periode_data")

st.subheader(t("daftar_sumber", lang))
sumber = ui.kueri("sumber")
ui.tabel(sumber, judul=t("daftar_sumber", lang), p=p, periode="-", sumber=[], nama_berkas="sumber",
         column_config={"url": st.column_config.LinkColumn("URL")})
st.caption(t("catatan_sumber", lang))
