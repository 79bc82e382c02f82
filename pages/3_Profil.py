"""Profil: every figure of one kabupaten/kota (or of the province) with the province value and its rank,
the trend, the projection summary, sources, and the fact sheet (PDF) and audience page. Layout only:
the content is pilar.profil.susun, shared with the fact sheet and the slides."""
import streamlit as st

from pilar import lembar, profil, tampilan, ui, ui_dialog, ui_masukan
from pilar.teks import t

p = ui.halaman("judul_profil")
lang = p.lang
ss = st.session_state
nama = tampilan.indikator().nama_lengkap
pilihan = [None, *nama.index]
kode = p.kode[0] if len(p.kode) == 1 else None  # one unit chosen: its profile; else the province


def _pilih() -> None:
    baru = ss["_profil_wilayah"]
    ui.set_kab([baru] if baru else [])  # the profile's unit becomes the filter of every page


ss["_profil_wilayah"] = kode
ui_masukan.pilih(st, t("lb_pilih_wilayah", lang), pilihan, lang, key="_profil_wilayah", on_change=_pilih,
                 format_func=lambda k: t("lb_provinsi", lang) if k is None else nama[k])

pr = profil.susun(kode, p.kuartal, lang)
st.subheader(ui.teks_aman(pr.nama))
st.text(pr.periode)  # plain text: no Markdown, so no code-span look for its colons
ui.banner_estimasi([b.status for b in pr.baris], lang)

kiri, kanan = st.columns([3, 2])
with kiri:
    cols = st.columns(4)
    for i, b in enumerate(x for x in pr.baris if x.pilar or x.kode_ukuran == "kpm_pkh"):
        c = cols[i % 4]
        c.metric(b.label, b.teks)
        c.markdown(" ".join(x for x in (b.satuan, ui.badge(b.status, lang)) if x))
with kanan:
    st.subheader(t("lb_h_proyeksi", lang))
    st.text("\n".join(f"• {s}" for s in pr.proyeksi_teks))
    st.caption(t("lb_proyeksi_model", lang))
    st.download_button(t("lb_unduh_pdf", lang), lambda: lembar.pdf(kode, p.kuartal, lang),
                       file_name=f"lembar_fakta_{pr.nama_berkas}.pdf", mime="application/pdf",
                       key="unduh_lembar_profil", icon=":material/picture_as_pdf:", on_click="ignore")
    lembar.pastikan_audiens(tunggu=False)  # written in the background when missing or from an older database
    st.link_button(t("lb_buka_audiens", lang), profil.url_audiens(kode), icon=":material/smartphone:")

st.subheader(t("lb_h_pilar", lang) + " · " + t("lb_h_rasio", lang))
# Every row without scrolling; the measure and its unit wide enough to be read whole (per population and
# per poor population must not both read "KPM PKH per 1.000 pendudu…").
ui.tabel(profil.tabel(kode, p.kuartal, lang), judul=pr.nama, p=p, nama_berkas=f"profil_{pr.nama_berkas}",
         periode=pr.periode, sumber=pr.sumber_id, height=35 * (len(pr.baris) + 1) + 3,
         column_config={t("lb_k_angka", lang): st.column_config.TextColumn(width=290, pinned=True),
                        t("lb_k_satuan", lang): st.column_config.TextColumn(width=250)})
st.caption(t("lb_legenda", lang))
ui.tren(profil.TREN, ui.Pilihan((kode,) if kode else (), lang, p.kuartal), key="profil_tren")
ui_dialog.profil(kode, lang)

st.subheader(t("lb_h_sumber", lang))
st.text("\n".join(pr.sumber))
