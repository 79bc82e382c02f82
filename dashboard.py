"""Ringkasan (home page). Run: streamlit run dashboard.py"""
import pandas as pd
import streamlit as st

from pilar import format as fmt
from pilar import ui, ukuran
from pilar.teks import t

p = ui.halaman("judul_ringkasan")
lang = p.lang
ind = ui.indikator(p.kode_list)
ringkasan = ui.kueri("pilar_ringkasan", p.kode)
kpm = ukuran.gabungan(ind, "kpm_pkh")
info_kpm = ind.info("kpm_pkh")

st.markdown(f"**{t('wilayah_terpilih', lang)}:** {ui.nama_pilihan(p)}  \n"
            + t("periode_pilar", lang).format(periode=fmt.periode(ringkasan["periode"].iloc[0], lang))
            + " · " + t("periode_kpm", lang).format(periode=ui.periode_teks(info_kpm["periode"], lang)))
ui.banner_estimasi(list(ringkasan["status"]) + [kpm["status"]], lang)

cols = st.columns(4)
items = [(ukuran.NAMA_PILAR[r.jenis_pilar][lang == "en"], r.jumlah, r.status) for r in ringkasan.itertuples()]
items.append((t("kpm", lang), kpm["nilai"], kpm["status"]))
for i, (label, value, status) in enumerate(items):
    with cols[i % 4]:
        st.metric(label, fmt.angka(value, lang))
        st.markdown(ui.badge(status, lang) or "&nbsp;")

with st.expander(t("tentang_angka", lang)):
    sumber = ui.kueri("sumber").set_index("sumber_id")

    def cite(ids):
        return "; ".join(f"{sumber.at[s, 'penerbit']} ({sumber.at[s, 'media'] or '-'}, {sumber.at[s, 'tanggal']})"
                         for s in ids)

    rows = []
    for r in ringkasan.itertuples():
        info = ind.info(r.jenis_pilar)
        rows.append({t("kolom_angka", lang): ukuran.NAMA_PILAR[r.jenis_pilar][lang == "en"],
                     t("kolom_definisi", lang): ukuran.UKURAN[r.jenis_pilar].definisi(lang),
                     t("kolom_periode", lang): fmt.periode(r.periode, lang),
                     t("kolom_status", lang): t("status_" + r.status, lang),
                     t("kolom_sumber", lang): cite([r.sumber_total_provinsi]),
                     t("kolom_catatan", lang): "; ".join(info["catatan"])})
    rows.append({t("kolom_angka", lang): t("kpm", lang),
                 t("kolom_definisi", lang): ukuran.UKURAN["kpm_pkh"].definisi(lang),
                 t("kolom_periode", lang): ui.periode_teks(info_kpm["periode"], lang),
                 t("kolom_status", lang): t("status_" + kpm["status"], lang),
                 t("kolom_sumber", lang): cite(info_kpm["sumber"]),
                 t("kolom_catatan", lang): "; ".join(info_kpm["catatan"])})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.markdown(t("keterangan_status", lang))
