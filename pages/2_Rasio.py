"""Rasio: caseload and coverage ratios per unit, the province value as reference."""
import streamlit as st

from pilar import format as fmt
from pilar import tampilan, ui, ui_masukan, ukuran
from pilar.teks import polos, t

p = ui.halaman("judul_rasio")
lang = p.lang


def rasio(kode_u: str, rentang=None, norma=None, catatan: str = "") -> None:
    """One measure: selection value, sorted bars of all units, definition, periods and sources."""
    u = ukuran.UKURAN[kode_u]
    if p.kode:
        n = tampilan.nilai(kode_u, p.kode, p.kuartal)
        st.markdown(f"**{ui.teks_aman(p.nama)}**: {u.teks(n.nilai, lang, n.status)} {ui.badge(n.status, lang)} "
                    + ui.penanda_periode(n, lang) + (f" ({t('tidak_informatif_singkat', lang)})" if n.artefak else ""))
    ui.plot(tampilan.batang(kode_u, p.kode, lang, rentang, norma, p.kuartal), key=f"rasio_{kode_u}")
    ui.gema(kode_u, p)
    periode, _ = tampilan.asal((kode_u,), (), lang, p.kuartal)
    campur = t("catatan_periode_berbeda", lang).format(periode=periode) \
        if tampilan.nilai(kode_u, (), p.kuartal).campur else ""
    st.caption(f"**{t('definisi', lang)}:** {u.definisi(lang)} {catatan} "
               f"{t('kolom_periode', lang)}: {periode}. {campur} {polos(t('tanda_estimasi', lang))}")


ui.banner_estimasi(tampilan.indikator((), p.kuartal).long["status"], lang)

st.header(ukuran.UKURAN["kpm_per_pendamping"].label(lang))
rentang, catatan = tampilan.beban(lang, aman=ui.teks_aman)  # only the quoted sources are outside text
rasio("kpm_per_pendamping", rentang=rentang, catatan=catatan)

st.header(ukuran.UKURAN["tksk_per_kecamatan"].label(lang))
kurang = tampilan.nilai("kekurangan_tksk", p.kode, p.kuartal)
if kurang.artefak:  # a selection's shortfall would only repeat how the TKSK were shared out
    kurang = tampilan.nilai("kekurangan_tksk", (), p.kuartal)
    st.caption(t("kekurangan_provinsi", lang))
st.metric(ukuran.UKURAN["kekurangan_tksk"].label(lang),
          ukuran.UKURAN["kekurangan_tksk"].teks(kurang.nilai, lang, kurang.status),
          help=t("kekurangan_tksk_bantuan", lang).format(tksk=fmt.angka(kurang.pembilang, lang),
                                                         kec=fmt.angka(kurang.penyebut, lang)))
st.markdown(ui.badge(kurang.status, lang) or "&nbsp;")
rasio("tksk_per_kecamatan", norma=(1, t("norma_tksk", lang)))

st.header(t("judul_desa", lang))
c1, c2 = st.columns(2)
with c1:
    rasio("psm_per_desa")
with c2:
    rasio("karang_taruna_per_desa")

st.header(t("judul_per_penduduk", lang))
jenis = ui_masukan.pilih(st, t("pilih_pilar", lang), ukuran.PILAR, lang, key="rasio_pilar",
                         format_func=lambda k: ukuran.UKURAN[k].label(lang))
c1, c2 = st.columns(2)
with c1:
    rasio(f"{jenis}_per_10rb_penduduk")
with c2:
    rasio(f"{jenis}_per_1rb_miskin")

ui.tren(("kpm_per_pendamping", "tksk_per_kecamatan", "psm_per_desa", "karang_taruna_per_desa"), p, key="tren_rasio")
