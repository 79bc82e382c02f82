"""Ringkasan (home page). Run: streamlit run dashboard.py"""
import streamlit as st

from pilar import lembar, profil, tampilan, ui, ui_masukan, ukuran
from pilar.teks import t

p = ui.halaman("judul_ringkasan")
lang = p.lang
KARTU = ukuran.PILAR + ("kpm_pkh",)
pilar_n, kpm_n = tampilan.nilai("lks", p.kode, p.kuartal), tampilan.nilai("kpm_pkh", p.kode, p.kuartal)

st.markdown(f"**{t('wilayah_terpilih', lang)}:** {ui.teks_aman(p.nama)}  \n"
            + t("periode_pilar", lang).format(periode=tampilan.periode_teks(pilar_n.periode, lang))
            + " · " + t("periode_kpm", lang).format(periode=tampilan.periode_teks(kpm_n.periode, lang)))
ui.banner_estimasi([tampilan.nilai(k, p.kode, p.kuartal).status for k in KARTU], lang)
ui.catatan_lama(KARTU, p)

cols = st.columns(4)
for i, k in enumerate(KARTU):
    ui.metrik(cols[i % 4], k, p)
ui.tentang(KARTU, p)
if len(p.kode) <= 1:  # the fact sheet of the one unit chosen, or of the province
    satu = p.kode[0] if p.kode else None
    st.download_button(t("lb_unduh_pdf", lang), lambda: lembar.pdf(satu, p.kuartal, lang), on_click="ignore",
                       file_name=f"lembar_fakta_{profil.nama_berkas(satu)}.pdf", mime="application/pdf",
                       key="unduh_lembar", icon=":material/picture_as_pdf:")

kiri, kanan = st.columns([2, 3])
with kiri:
    st.subheader(t("komposisi", lang))
    ui.plot(tampilan.komposisi(p.kode, lang, p.kuartal), key="komposisi")
    ui.keterangan(t("tanda_estimasi", lang))

with kanan:
    st.subheader(t("peringkat", lang))
    kolom = ukuran.PILAR + ("kpm_pkh", ukuran.BAWAAN_PETA, "kpm_per_pendamping")
    urut = ui_masukan.pilih(st, t("urut_menurut", lang), kolom, lang, index=kolom.index(ukuran.BAWAAN_PETA), key="ringkasan_urut",
                        format_func=lambda k: ukuran.UKURAN[k].label(lang))
    ui.tabel(tampilan.peringkat(p.kode, urut, kolom, lang, p.kuartal), judul=t("peringkat", lang), p=p,
             ukuran_asal=kolom, nama_berkas="peringkat_wilayah")
    ui.gema(urut, p)
    ui.tautan_profil(p)

ui.tren(KARTU, p, key="tren")
