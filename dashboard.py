"""Ringkasan (home page). Run: streamlit run dashboard.py"""
import pandas as pd
import streamlit as st

from pilar import format as fmt
from pilar import grafik, ui, ukuran
from pilar.data import weakest
from pilar.teks import t

p = ui.halaman("judul_ringkasan")
lang = p.lang
en = lang == "en"
ind = ui.indikator(p.kode_list)
ringkasan = ui.kueri("pilar_ringkasan", p.kode)
kpm = ui.gabungan("kpm_pkh", p.kode)
info_kpm = ind.info("kpm_pkh")
periode_pilar = fmt.periode(ringkasan["periode"].iloc[0], lang)

st.markdown(f"**{t('wilayah_terpilih', lang)}:** {ui.nama_pilihan(p)}  \n"
            + t("periode_pilar", lang).format(periode=periode_pilar)
            + " · " + t("periode_kpm", lang).format(periode=ui.periode_teks(info_kpm["periode"], lang)))
ui.banner_estimasi(list(ringkasan["status"]) + [kpm["status"]], lang)

cols = st.columns(4)
items = [(ukuran.NAMA_PILAR[r.jenis_pilar][en], r.jumlah, r.status) for r in ringkasan.itertuples()]
items.append((t("kpm", lang), kpm["nilai"], kpm["status"]))
for i, (label, value, status) in enumerate(items):
    with cols[i % 4]:
        st.metric(label, fmt.angka(value, lang))
        st.markdown(ui.badge(status, lang) or "&nbsp;")



def tentang() -> list[dict]:
    rows = [ui.baris_tentang(ukuran.NAMA_PILAR[r.jenis_pilar][en], ukuran.UKURAN[r.jenis_pilar].definisi(lang),
                             {**ind.info(r.jenis_pilar), "status": r.status,
                              "sumber": sorted(set(ind.info(r.jenis_pilar)["sumber"]) | {r.sumber_total_provinsi})},
                             lang)
            for r in ringkasan.itertuples()]
    rows.append(ui.baris_tentang(t("kpm", lang), ukuran.UKURAN["kpm_pkh"].definisi(lang),
                                 {**info_kpm, "status": kpm["status"]}, lang))
    return rows


ui.tentang(("ringkasan", p.kode), tentang, lang)

kiri, kanan = st.columns([2, 3])
with kiri:
    st.subheader(t("komposisi", lang))
    mix = ringkasan.assign(label=[ukuran.NAMA_PILAR[j][en] for j in ringkasan["jenis_pilar"]])
    ui.plot(ui.figur(("komposisi", p.kode, lang), lambda: grafik.komposisi_pilar(mix, lang)), key="komposisi")
    st.caption(t("tanda_estimasi", lang))

with kanan:
    st.subheader(t("peringkat", lang))
    kolom = list(ukuran.PILAR) + ["kpm_pkh", "kpm_per_pendamping"]
    urut = st.selectbox(t("urut_menurut", lang), kolom, index=len(kolom) - 1, key="ringkasan_urut",
                        format_func=lambda k: ukuran.UKURAN[k].label(lang))

    def peringkat() -> pd.DataFrame:
        per = {k: ui.per_wilayah(k).set_index("kode_bps") for k in kolom}
        df = pd.DataFrame({"kode_bps": ind.kode, t("kolom_wilayah", lang): ind.nama_lengkap.loc[ind.kode].values})
        for k in kolom:
            df[ukuran.UKURAN[k].label(lang)] = per[k].loc[ind.kode, "nilai"].round(ukuran.UKURAN[k].desimal).values
        df[t("kolom_status", lang)] = [t("status_" + weakest(per[k].at[c, "status"] for k in kolom), lang)
                                       for c in ind.kode]
        return df.sort_values(ukuran.UKURAN[urut].label(lang), ascending=False)

    tabel = ui.memo(("peringkat", p.kode, urut, lang), peringkat)
    number = st.column_config.NumberColumn(format="localized")
    ui.tabel(tabel, judul=t("peringkat", lang), p=p,
             periode=f"{periode_pilar}; KPM {ui.periode_teks(info_kpm['periode'], lang)}",
             sumber=sorted({s for k in kolom for s in ind.info(ukuran.UKURAN[k].pembilang)["sumber"]}),
             nama_berkas="peringkat_wilayah",
             column_config={ukuran.UKURAN[k].label(lang): number for k in kolom})
