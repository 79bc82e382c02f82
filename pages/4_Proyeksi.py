"""Proyeksi graduasi KPM PKH. Model: pilar/proyeksi.py; in words: docs/PROYEKSI.md."""
from dataclasses import replace

import streamlit as st

from pilar import proyeksi as pr
from pilar import proyeksi_tampilan as tampil
from pilar import tampilan, ui, ui_masukan
from pilar.teks import t

p = ui.halaman("judul_proyeksi")
lang = p.lang
ss = st.session_state

m = tampil.masukan(p.kode, p.kuartal)
if not m.kode:
    st.error(t("pr_tanpa_data", lang))
    st.stop()
acuan = tampil.acuan_proyeksi()
g_acuan, g_realisasi = tampil.g_acuan()
D_MIN, D_MAX = tampil.rentang_lama()

# Inputs live in session state as URL strings: read from the URL once, written back every run.
if "proy_q" not in ss:
    dari_url, ss["proy_salah"] = pr.dari_url(st.query_params.to_dict(), tampil.bawaan(), D_MIN, D_MAX, lang=lang)
    ss["proy_q"] = pr.ke_url(dari_url)
url = pr.ke_url(tampil.pengaturan(tuple(sorted(ss["proy_q"].items()))))
for k in pr.kunci_url():
    ui.url(k, url.get(k))
if ss.get("proy_salah"):
    st.warning(t("pr_url_salah", lang).format(daftar=ui.teks_aman("; ".join(ss["proy_salah"]))))
kunci = tuple(sorted(url.items()))
h = tampil.hitung(p.kode, p.kuartal, kunci, lang)
pg, s1 = h.pg, h.pg.skenario[0]


def simpan(key: str, jenis: str = "angka", v=None) -> None:
    v = ss["_proy_" + key] if v is None else v  # a typed number arrives already read (ui_masukan.angka)
    if jenis == "persen":
        v = pr.angka_url(tampil.dari_persen(v))
    elif jenis == "angka":
        v = pr.angka_url(v)
    elif jenis == "teks":
        v = (v or "").strip()
    elif jenis == "centang":
        v = "1" if v else "0"
    ss["proy_q"][key] = str(v)


def widget(fn, label: str, key: str, nilai, jenis: str = "angka", **kw):
    ss["_proy_" + key] = nilai
    return fn(label, key="_proy_" + key, on_change=simpan, args=(key, jenis), **kw)


def angka(label: str, key: str, nilai: float, jenis: str = "angka", **kw) -> None:
    """A number typed as the reader writes it ('2,3'), checked against its range (pilar.ui_masukan)."""
    ui_masukan.angka(st, label, "_proy_" + key, nilai, lang, on_change=simpan, args=(key, jenis), **kw)


def tabel(nama: str, judul: str, nama_berkas: str) -> None:
    """A table with its CSV download; the header lines name the data periods and sources."""
    periode, sumber = tampil.asal(p.kode, p.kuartal, lang)
    ui.tabel(tampil.tabel(nama, p.kode, p.kuartal, kunci, lang), judul=judul, p=p, nama_berkas=nama_berkas,
             periode=periode, sumber=sumber)


n_k, n_p = tampilan.nilai("kpm_pkh", p.kode, p.kuartal), tampilan.nilai("pendamping_pkh", p.kode, p.kuartal)
periode_awal = t("pr_periode", lang).format(kpm=tampilan.periode_teks(n_k.periode, lang),
                                            pendamping=tampilan.periode_teks(n_p.periode, lang))

# ---------------------------------------------------------------- starting point
st.markdown(t("pr_pengantar", lang))
st.markdown(f"**{t('wilayah_terpilih', lang)}:** {ui.teks_aman(p.nama)}  \n" + periode_awal)
ui.banner_estimasi(tampil.status_masukan(p.kode, p.kuartal), lang)
if m.tanpa_data:
    st.info(t("pr_tanpa_data_sebagian", lang).format(kode=", ".join(map(str, m.tanpa_data))))

st.subheader(t("pr_h_awal", lang))
c = st.columns(4)
c[0].metric(t("pr_m_k0", lang).format(periode=tampilan.periode_teks(n_k.periode, lang)), tampil.angka(h.k0, lang))
c[0].markdown(ui.badge(n_k.status, lang) or "&nbsp;")
c[1].metric(t("pr_m_p0", lang), tampil.angka(h.p0, lang))
c[1].markdown(ui.badge(n_p.status, lang) or "&nbsp;")
c[2].metric(t("pr_m_rasio", lang), tampil.desimal1(h.rasio, lang))
c[3].metric(t("pr_m_laju", lang).format(g=tampil.angka_g(s1.g, lang)), tampil.angka(h.lensa["kapasitas"], lang))
nas = tampil.nasional()
st.markdown(t("pr_kalimat_laju", lang).format(
    kap=tampil.angka(h.lensa["kapasitas"], lang), k0=tampil.angka(h.k0, lang),
    lama=tampil.desimal1(h.lensa["lama_pada_laju_ini"], lang), nas_lulus=tampil.angka(nas["lulus"], lang),
    nas_kpm=tampil.angka(nas["kpm"], lang), nas_lama=tampil.desimal1(nas["lama"], lang)))

# ---------------------------------------------------------------- scenarios
st.subheader(t("pr_h_skenario", lang))
top = st.columns([2, 1])
with top[0]:
    widget(st.slider, t("pr_i_H", lang), "H", pg.H, "bulat", min_value=pr.TAHUN_MIN, max_value=pr.TAHUN_MAX)
with top[1]:
    widget(st.radio, t("pr_i_sk", lang), "sk", len(pg.skenario), "bulat", options=[1, 2, 3], horizontal=True)

for i, (s, col) in enumerate(zip(pg.skenario, st.columns(len(pg.skenario)))):
    a = "" if i == 0 else str(i + 1)
    with col:
        st.markdown(f"**{t('pr_skenario_ke', lang).format(i=i + 1)}**")
        widget(st.text_input, t("pr_i_nama", lang), "nama" + a, s.nama or "", "teks",
               placeholder=tampil.nama(replace(s, nama=None), pg.dalam, lang), max_chars=60)
        angka(t("pr_i_g", lang), "g" + a, float(s.g), min_value=pr.G_MIN, max_value=pr.G_MAX)
        angka(t("pr_i_dp", lang), "dp" + a, float(s.dp), min_value=pr.DP_MIN, max_value=pr.DP_MAX)
        angka(t("pr_i_masuk", lang), "masuk" + a, float(s.masuk), min_value=pr.MASUK_MIN, max_value=pr.MASUK_MAX)
        angka(t("pr_i_keluar", lang), "keluar" + a, tampil.ke_persen(s.keluar), "persen",
              min_value=tampil.KELUAR_PERSEN[0], max_value=tampil.KELUAR_PERSEN[1])
        widget(st.radio, t("pr_i_p0", lang), "p0" + a, s.p0, "pilihan", options=list(pr.P0_PILIHAN),
               format_func=lambda v: {"data": t("pr_p0_data", lang), "target": t("pr_p0_target", lang)}[v]
               .format(x=pg.target, y=pg.dalam))
        widget(st.checkbox, t("pr_i_ganti", lang), "ganti" + a, s.ganti, "centang")
        if h.hasil[i].p0_target_gagal:
            st.warning(t("pr_target_gagal" if pg.target else "pr_target_kosong", lang))

st.markdown(t("pr_bawaan_tabel", lang).format(
    g=tampil.angka_g(g_acuan.nilai, lang), sumber_g=ui.teks_aman(tampil.sumber_acuan(g_acuan, lang)),
    gr=tampil.angka_g(g_realisasi.nilai, lang), sumber_gr=ui.teks_aman(tampil.sumber_acuan(g_realisasi, lang)),
    sumber_q=ui.teks_aman(tampil.sumber_acuan(acuan["kpm_pkh_nasional"], lang))))

st.markdown(f"#### {t('pr_h_banding', lang).format(H=pg.H)}")
tabel("banding", t("pr_h_banding", lang).format(H=pg.H), "proyeksi_skenario")
g1, g2 = st.columns(2)
with g1:
    ui.plot(tampil.grafik("kpm", p.kode, p.kuartal, kunci, lang), key="pr_c_kpm")
with g2:
    ui.plot(tampil.grafik("kum", p.kode, p.kuartal, kunci, lang), key="pr_c_kum")
ui.plot(tampil.grafik("rasio", p.kode, p.kuartal, kunci, lang), key="pr_c_rasio")

st.markdown(f"#### {t('pr_h_unit', lang)}")
# A name typed by the user (or from the URL) is outside text; the default names are the app's own words.
label = [ui.teks_aman(n) if s.nama else n for n, s in zip(h.nama, pg.skenario)]
for i, (tab, n) in enumerate(zip(st.tabs(label), h.nama)):
    with tab:
        tabel(f"unit{i}", f"{t('pr_h_unit', lang)}: {n}", f"proyeksi_wilayah_{i + 1}")
ui.keterangan(t("pr_tanda_estimasi", lang))

st.markdown(f"#### {t('pr_h_realisasi', lang)}")
realisasi = tampil.realisasi(p.kode, s1.g, lang)
if realisasi is None:
    st.caption(t("pr_realisasi_kosong", lang))
else:
    ui.tabel(realisasi, judul=t("pr_h_realisasi", lang), p=p, nama_berkas="graduasi_realisasi")
    st.caption(t("pr_realisasi_bantuan", lang))

# ---------------------------------------------------------------- the "3 to 5 years" lens
st.subheader(t("pr_h_lensa", lang).format(dmin=D_MIN, dmax=D_MAX))
if D_MAX > D_MIN:
    widget(st.slider, t("pr_i_D", lang), "D", pg.D, "bulat", min_value=D_MIN, max_value=D_MAX)
sumber_d = ui.teks_aman(tampil.sumber_acuan(acuan["lama_graduasi_max"], lang))
st.caption(t("pr_sumber_d", lang).format(dmin=D_MIN, dmax=D_MAX, sumber=sumber_d))
lensa = h.lensa
c = st.columns(4)
c[0].metric(t("pr_l_m_butuh", lang), tampil.angka(lensa["kebutuhan"], lang))
c[1].metric(t("pr_l_m_kapasitas", lang), tampil.angka(lensa["kapasitas"], lang))
c[2].metric(t("pr_l_m_g", lang), tampil.desimal1(lensa["g_penutup"], lang))
c[3].metric(t("pr_l_m_p", lang), tampil.angka(tampil.keatas(lensa["p_penutup"]), lang))
st.markdown(t("pr_l_kalimat", lang).format(
    D=pg.D, butuh=tampil.angka(lensa["kebutuhan"], lang), kap=tampil.angka(lensa["kapasitas"], lang),
    persen=tampil.persen_bagian(h.bagian_kapasitas, lang), rasio=tampil.desimal1(lensa["rasio"], lang),
    g=tampil.desimal1(lensa["g_penutup"], lang), p=tampil.angka(tampil.keatas(lensa["p_penutup"]), lang),
    g1=tampil.angka_g(s1.g, lang)))
with st.expander(t("pr_l_per_unit", lang)):
    tabel("lensa", t("pr_l_per_unit", lang), "proyeksi_lensa")

# ---------------------------------------------------------------- what it takes
st.subheader(t("pr_h_butuh", lang))
c = st.columns(2)
with c[0]:
    widget(st.number_input, t("pr_i_target", lang), "target", pg.target, "bulat", min_value=0, max_value=100, step=5)
with c[1]:
    widget(st.slider, t("pr_i_dalam", lang), "dalam", pg.dalam, "bulat", min_value=pr.TAHUN_MIN,
           max_value=pr.TAHUN_MAX)
st.caption(t("pr_sumber_target", lang).format(dmin=D_MIN, dmax=D_MAX, sumber=sumber_d))
kb_p, kb_g = h.butuh_p, h.butuh_g
if kb_p is None:  # no target chosen
    st.info(t("pr_tanpa_target", lang))
else:
    c = st.columns(3)
    kosong = t("pr_tak_tercapai", lang)
    c[0].metric(t("pr_n_m_p", lang).format(g=tampil.angka_g(s1.g, lang)),
                kosong if kb_p.pilihan is None else tampil.angka(kb_p.pilihan, lang))
    c[1].metric(t("pr_n_m_tambah", lang), kosong if h.tambah_p is None else tampil.selisih(h.tambah_p, lang))
    c[2].metric(t("pr_n_m_g", lang), kosong if kb_g.pilihan is None else tampil.angka(kb_g.pilihan, lang))
    if kb_p.pilihan is not None and kb_g.pilihan is not None:
        st.markdown(t("pr_n_kalimat", lang).format(
            x=pg.target, y=pg.dalam, p=tampil.angka(kb_p.pilihan, lang), p0=tampil.angka(h.p0, lang),
            g=tampil.angka_g(s1.g, lang), gb=tampil.angka(kb_g.pilihan, lang)))
    if D_MAX > D_MIN:
        st.markdown(t("pr_n_rentang", lang).format(dmin=D_MIN, dmax=D_MAX, x=pg.target))
        tabel("rentang", t("pr_h_butuh", lang), "proyeksi_rentang")
    st.caption(t("pr_n_cara", lang).format(
        g=tampil.angka_g(s1.g, lang), masuk=tampil.angka(s1.masuk, lang), keluar=tampil.persen_bagian(s1.keluar, lang)))
    with st.expander(t("pr_n_per_unit", lang)):
        tabel("butuh", t("pr_n_per_unit", lang), "proyeksi_kebutuhan")

# ---------------------------------------------------------------- assumptions
with st.expander(t("pr_h_asumsi", lang)):
    st.markdown(t("pr_model", lang))
    st.markdown(t("pr_catatan", lang).format(
        kpm=tampilan.periode_teks(n_k.periode, lang), sumber_k=ui.teks_aman(", ".join(n_k.sumber)),
        sumber_p=ui.teks_aman(", ".join(n_p.sumber))))
