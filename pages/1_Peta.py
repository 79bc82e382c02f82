"""Peta: choropleth of the 13 units; a click adds/removes a unit in the global filter."""
import streamlit as st

from pilar import format as fmt
from pilar import peta, ui, ukuran
from pilar.teks import t

p = ui.halaman("judul_peta")
lang = p.lang
ind = ui.indikator()  # the map always shows all 13 units; the filter is outlined

ss = st.session_state
if "peta_ukuran" not in ss:
    ss["peta_ukuran"] = st.query_params.get("ukuran") if st.query_params.get("ukuran") in ukuran.UKURAN else "kpm_per_pendamping"
boundaries = ui.batas_terpasang()

c1, c2 = st.columns([3, 2])
kode_u = c1.selectbox(t("ukuran", lang), list(ukuran.UKURAN), key="peta_ukuran",
                      format_func=lambda k: ukuran.UKURAN[k].label(lang))
views = ["ubin", "geo"] if boundaries else ["ubin"]
view = c2.radio(t("tampilan", lang), views, index=len(views) - 1, horizontal=True, key="peta_tampilan",
                format_func=lambda v: t("peta_ubin" if v == "ubin" else "peta_geografis", lang))
st.query_params["ukuran"] = kode_u
u = ukuran.UKURAN[kode_u]

df = ui.per_wilayah(kode_u)
gab = ui.gabungan(kode_u, p.kode)
ui.banner_estimasi(list(df["status"]), lang)

kiri, kanan = st.columns([3, 1])
with kiri:
    geo = boundaries[0] if (boundaries and view == "geo") else None
    fig = ui.figur(("peta", kode_u, p.kode, lang, geo is not None),
                   lambda: peta.figure(df, u.label(lang), u.desimal, lang, p.kode, geojson=geo))
    klik = ss.get("peta_klik", 0)
    event = ui.plot(fig, key=f"peta_{klik}", on_select="rerun", selection_mode="points")
    points = event["selection"]["points"] if event else []
    diklik = {int(pt["location"]) for pt in points if pt.get("location")}
    if diklik:
        ui.set_kab(sorted(set(p.kode) ^ diklik))
        ss["peta_klik"] = klik + 1  # a fresh chart, so the next click on the same unit counts again
        st.rerun()
    st.caption(t("klik_peta", lang) + " " + t("tanda_estimasi", lang))
    if geo:
        st.caption(ui.atribusi_batas(boundaries[1], lang))
    elif not boundaries:
        st.info(t("belum_ada_batas", lang))

with kanan:
    st.metric(f"{t('nilai_pilihan', lang)}: {ui.nama_pilihan(p)}", fmt.angka(gab["nilai"], lang, u.desimal))
    st.markdown(ui.badge(gab["status"], lang) or "&nbsp;")
    st.caption(u.definisi(lang))

ui.tentang(("peta", kode_u), lambda: [
    ui.baris_tentang(ukuran.UKURAN[c].label(lang) if c in ukuran.UKURAN else ukuran.DASAR[c][lang == "en"],
                     ukuran.UKURAN[c].definisi(lang) if c in ukuran.UKURAN else "", ind.info(c), lang)
    for c in [u.pembilang] + ([u.penyebut] if u.rasio else [])], lang)

tabel = ui.memo(("peta_tabel", kode_u, p.kode, lang), lambda: (
    (df[df["kode_bps"].isin(p.kode)] if p.kode else df).sort_values("nilai", ascending=False)
    [["kode_bps", "nama", "nilai", "status"]].rename(columns={"nilai": u.label(lang)})))
ui.tabel(tabel, judul=u.label(lang), p=p,
         periode=", ".join(sorted({x for c in [u.pembilang, u.penyebut] if c for x in ind.info(c)["periode"]})),
         sumber=sorted({x for c in [u.pembilang, u.penyebut] if c for x in ind.info(c)["sumber"]}),
         nama_berkas=f"peta_{kode_u}", column_config={u.label(lang): st.column_config.NumberColumn(format="localized")})

if ui.admin():
    with st.expander(t("admin_batas", lang), icon=":material/upload_file:"):
        ui.form_batas(lang)
