"""Peta: choropleth of the 13 units; a click adds/removes a unit in the global filter."""
import streamlit as st

from pilar import tampilan, ui, ui_admin, ukuran
from pilar.teks import t

p = ui.halaman("judul_peta")
lang = p.lang
ss = st.session_state
if "peta_ukuran" not in ss:
    ss["peta_ukuran"] = st.query_params.get("ukuran") if st.query_params.get("ukuran") in ukuran.PETA \
        else ukuran.BAWAAN_PETA
boundaries = tampilan.batas_terpasang()

c1, c2 = st.columns([3, 2])
kode_u = ui.ikat(c1.selectbox, t("ukuran", lang), "peta_ukuran", options=ukuran.PETA,
                 format_func=lambda k: ukuran.UKURAN[k].label(lang))
views = ["ubin", "geo"] if boundaries else ["ubin"]
view = c2.radio(t("tampilan", lang), views, index=len(views) - 1, horizontal=True, key="peta_tampilan",
                format_func=lambda v: t("peta_ubin" if v == "ubin" else "peta_geografis", lang))
ui.url("ukuran", kode_u)
u = ukuran.UKURAN[kode_u]
ui.banner_estimasi(tampilan.per_wilayah(kode_u, p.kuartal)["status"], lang)
ui.catatan_lama((kode_u,), p)

kiri, kanan = st.columns([3, 1])
with kiri:
    geografis = bool(boundaries) and view == "geo"
    klik = ss.get("peta_klik", 0)
    event = ui.plot(tampilan.peta_figur(kode_u, p.kode, lang, geografis, p.kuartal), key=f"peta_{klik}",
                    on_select="rerun", selection_mode="points")
    points = event["selection"]["points"] if event else []
    diklik = {int(pt["location"]) for pt in points if pt.get("location")}
    if diklik:
        ui.set_kab(set(p.kode) ^ diklik)
        ss["peta_klik"] = klik + 1  # a fresh chart, so the next click on the same unit counts again
        st.rerun()
    ui.keterangan(t("klik_peta", lang) + " " + t("tanda_estimasi", lang))
    ui.gema(kode_u, p)
    if geografis:
        st.caption(ui.atribusi_batas(boundaries[1], lang))
    elif not boundaries:
        st.info(t("belum_ada_batas", lang))

with kanan:
    ui.metrik(st, kode_u, p)
    st.caption(f"{t('nilai_pilihan', lang)}: {ui.teks_aman(p.nama)}. {u.definisi(lang)}")
    ui.tautan_profil(p)

ui.tentang((kode_u,), p)
# The value column as wide as its numbers, not as its long header: on a phone the header had pushed the
# right-aligned numbers out of view (only "4" of 43,5 showed). The header's full name is in its tooltip.
ui.tabel(tampilan.tabel_ukuran(kode_u, p.kode, lang, p.kuartal), judul=u.label(lang), p=p, ukuran_asal=(kode_u,),
         nama_berkas=f"peta_{kode_u}",
         column_config={u.label(lang): st.column_config.Column(width=110, help=u.label(lang))})
ui_admin.bagian_batas(lang)
