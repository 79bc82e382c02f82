"""Rasio: caseload and coverage ratios per unit, the province value as reference."""
import streamlit as st

from pilar import format as fmt
from pilar import grafik, ui, ukuran
from pilar.teks import t

p = ui.halaman("judul_rasio")
lang = p.lang
ind = ui.indikator()
acuan = ui.kueri("acuan").set_index("indikator")


def rasio(kode_u: str, rentang=None, norma=None, catatan: str = "") -> None:
    """One measure: selection value, sorted bars of all units, definition and sources."""
    u = ukuran.UKURAN[kode_u]
    df = ui.per_wilayah(kode_u)
    prov = ui.gabungan(kode_u)
    fig = ui.figur(("rasio", kode_u, p.kode, lang), lambda: grafik.batang_wilayah(
        df, u.label(lang), u.desimal, lang, p.kode, prov["nilai"], t("nilai_provinsi", lang),
        rentang=rentang, norma=norma))
    if p.kode:
        sel = ui.gabungan(kode_u, p.kode)
        st.markdown(f"**{ui.nama_pilihan(p)}**: {fmt.angka(sel['nilai'], lang, u.desimal)} {ui.badge(sel['status'], lang)}")
    ui.plot(fig, key=f"rasio_{kode_u}")
    info = [ind.info(c) for c in (u.pembilang, u.penyebut)]
    periode = "; ".join(ui.periode_teks(i["periode"], lang) for i in info)
    st.caption(f"**{t('definisi', lang)}:** {u.definisi(lang)} {catatan} "
               f"{t('kolom_periode', lang)}: {periode}. {t('tanda_estimasi', lang)}")


ui.banner_estimasi(ind.long["status"], lang)

st.header(ukuran.UKURAN["kpm_per_pendamping"].label(lang))
lo, hi = acuan.at["beban_pendamping_min", "nilai"], acuan.at["beban_pendamping_max", "nilai"]
rasio("kpm_per_pendamping",
      rentang=(lo, hi, t("rentang_beban", lang).format(lo=fmt.angka(lo, lang), hi=fmt.angka(hi, lang))),
      catatan=t("catatan_beban", lang).format(sumber=" | ".join(ui.sumber_teks([acuan.at["beban_pendamping_min", "sumber_id"]]))))

st.header(ukuran.UKURAN["tksk_per_kecamatan"].label(lang))
sel = ui.indikator(p.kode).nilai()
kec, tksk = sel["kecamatan"].sum(), sel["tksk"].sum()
st.metric(t("kekurangan_tksk", lang), fmt.angka(max(kec - tksk, 0), lang),
          help=t("kekurangan_tksk_bantuan", lang).format(tksk=fmt.angka(tksk, lang), kec=fmt.angka(kec, lang)))
rasio("tksk_per_kecamatan", norma=(1, t("norma_tksk", lang)))

st.header(t("judul_desa", lang))
c1, c2 = st.columns(2)
with c1:
    rasio("psm_per_desa")
with c2:
    rasio("karang_taruna_per_desa")

st.header(t("judul_per_penduduk", lang))
jenis = st.selectbox(t("pilih_pilar", lang), ukuran.PILAR, key="rasio_pilar",
                     format_func=lambda k: ukuran.NAMA_PILAR[k][lang == "en"])
c1, c2 = st.columns(2)
with c1:
    rasio(f"{jenis}_per_10rb_penduduk")
with c2:
    rasio(f"{jenis}_per_1rb_miskin")
