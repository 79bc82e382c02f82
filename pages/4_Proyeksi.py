"""Proyeksi graduasi KPM PKH (issue 5). Model: pilar/proyeksi.py; in words: docs/PROYEKSI.md."""
from dataclasses import replace

import streamlit as st

from pilar import format as fmt
from pilar import proyeksi as pr
from pilar import proyeksi_tampilan as tampil
from pilar import ui
from pilar.teks import t

p = ui.halaman("judul_proyeksi")
lang = p.lang
ss = st.session_state

ind = ui.indikator(p.kode_list)
acuan = ui.memo(("pr_acuan",), lambda: pr.acuan(ui.kueri("acuan")))
m = ui.memo(("pr_masukan", p.kode), lambda: pr.masukan(ind))
if not m.kode:
    st.error(t("pr_tanpa_data", lang))
    st.stop()

g_acuan = acuan["graduasi_per_pendamping"]
D_MIN, D_MAX = int(acuan["lama_graduasi_min"].nilai), int(acuan["lama_graduasi_max"].nilai)
bawaan = pr.pengaturan_bawaan(g=g_acuan.nilai, D=round((D_MIN + D_MAX) / 2), dalam=D_MAX)

# Inputs live in session state as URL strings: read from the URL once, written back every run.
if "proy_q" not in ss:
    dari_url, ss["proy_salah"] = pr.dari_url(st.query_params.to_dict(), bawaan, D_MIN, D_MAX)
    ss["proy_q"] = pr.ke_url(dari_url)
q = ss["proy_q"]
pg, _ = pr.dari_url(q, bawaan, D_MIN, D_MAX)
url = pr.ke_url(pg)
for k in pr.kunci_url():
    if k in url:
        if st.query_params.get(k) != url[k]:
            st.query_params[k] = url[k]
    elif k in st.query_params:
        del st.query_params[k]
if ss.get("proy_salah"):
    st.warning(t("pr_url_salah", lang).format(daftar="; ".join(ss["proy_salah"])))


def simpan(key: str, jenis: str = "angka") -> None:
    v = ss["_proy_" + key]
    if jenis == "persen":
        v = pr.angka_url(v / 100)
    elif jenis == "angka":
        v = pr.angka_url(v)
    elif jenis == "teks":
        v = (v or "").strip()
    ss["proy_q"][key] = str(v)


def widget(fn, label: str, key: str, nilai, jenis: str = "angka", **kw):
    ss["_proy_" + key] = nilai
    return fn(label, key="_proy_" + key, on_change=simpan, args=(key, jenis), **kw)


def sumber_acuan(a: pr.NilaiAcuan) -> str:
    if a.sumber_id is None:
        return t("pr_sumber_bawaan", lang)
    status = t("status_" + a.status, lang)
    return f"{a.penerbit or a.sumber_id}, {fmt.periode(a.periode, lang)} ({a.sumber_id}, {status})"


target = pg.target / 100
sisa = 1 - target
s1 = pg.skenario[0]
hasil = [pr.jalankan(m, s, pg.H, target, pg.dalam) for s in pg.skenario]
nama = pr.nama_unik([pr.nama_skenario(s, pg.dalam, lang, g_acuan.nilai) for s in pg.skenario])
info_k, info_p = ind.info("kpm_pkh"), ind.info("pendamping_pkh")
kunci = (p.kode, tuple(sorted(url.items())), lang)  # everything a chart or table below depends on


def sekali(nama_hasil: str, buat):
    """Charts and tables are shared across reruns and sessions with the same selection and settings."""
    return ui.memo((nama_hasil,) + kunci, buat)


def grafik(nama_hasil: str, buat):
    return ui.figur((nama_hasil,) + kunci, buat)


def tabel(df, judul: str, nama_berkas: str) -> None:
    """A table with its CSV download; the header lines name the data periods and sources."""
    ui.tabel(df, judul=judul, p=p, nama_berkas=nama_berkas,
             periode=t("pr_periode", lang).format(kpm=ui.periode_teks(info_k["periode"], lang),
                                                 pendamping=ui.periode_teks(info_p["periode"], lang)),
             sumber=sorted(set(info_k["sumber"]) | set(info_p["sumber"]) | {g_acuan.sumber_id} - {None}))
status_k, status_p = ind.status_jumlah("kpm_pkh"), ind.status_jumlah("pendamping_pkh")
K0, P0 = float(m.k0.sum()), float(m.p0.sum())

# ---------------------------------------------------------------- starting point
st.markdown(t("pr_pengantar", lang))
st.markdown(f"**{t('wilayah_terpilih', lang)}:** {ui.nama_pilihan(p)}  \n"
            + t("pr_periode", lang).format(kpm=ui.periode_teks(info_k["periode"], lang),
                                           pendamping=ui.periode_teks(info_p["periode"], lang)))
ui.banner_estimasi(list(m.status_k) + list(m.status_p) + [status_k, status_p], lang)
if m.tanpa_data:
    st.info(t("pr_tanpa_data_sebagian", lang).format(kode=", ".join(map(str, m.tanpa_data))))

st.subheader(t("pr_h_awal", lang))
per_lensa, lensa = sekali("lensa_durasi", lambda: pr.lensa_durasi(m.k0, m.p0, s1.g, pg.D))
c = st.columns(4)
c[0].metric(t("pr_m_k0", lang), tampil.angka(K0, lang))
c[0].markdown(ui.badge(status_k, lang) or "&nbsp;")
c[1].metric(t("pr_m_p0", lang), tampil.angka(P0, lang))
c[1].markdown(ui.badge(status_p, lang) or "&nbsp;")
c[2].metric(t("pr_m_rasio", lang), tampil.desimal1(K0 / P0 if P0 else float("nan"), lang))
c[3].metric(t("pr_m_laju", lang).format(g=fmt.angka(s1.g, lang, 1 if s1.g % 1 else 0)),
            tampil.angka(lensa["kapasitas"], lang))
st.markdown(t("pr_kalimat_laju", lang).format(
    kap=tampil.angka(lensa["kapasitas"], lang), k0=tampil.angka(K0, lang),
    lama=tampil.desimal1(lensa["lama_pada_laju_ini"], lang), dmin=D_MIN, dmax=D_MAX))

# ---------------------------------------------------------------- scenarios
st.subheader(t("pr_h_skenario", lang))
top = st.columns([2, 1])
with top[0]:
    widget(st.slider, t("pr_i_H", lang), "H", pg.H, "bulat", min_value=pr.TAHUN_MIN, max_value=pr.TAHUN_MAX)
with top[1]:
    widget(st.radio, t("pr_i_sk", lang), "sk", len(pg.skenario), "bulat", options=[1, 2, 3], horizontal=True)

kolom = st.columns(len(pg.skenario))
for i, (s, col) in enumerate(zip(pg.skenario, kolom)):
    a = "" if i == 0 else str(i + 1)
    with col:
        st.markdown(f"**{t('pr_skenario_ke', lang).format(i=i + 1)}**")
        widget(st.text_input, t("pr_i_nama", lang), "nama" + a, s.nama or "", "teks",
               placeholder=pr.nama_skenario(replace(s, nama=None), pg.dalam, lang, g_acuan.nilai), max_chars=60)
        widget(st.number_input, t("pr_i_g", lang), "g" + a, float(s.g), min_value=0.0, max_value=pr.G_MAX,
               step=1.0, format="%g")
        widget(st.number_input, t("pr_i_dp", lang), "dp" + a, float(s.dp), min_value=pr.DP_MIN,
               max_value=pr.DP_MAX, step=10.0, format="%g")
        widget(st.number_input, t("pr_i_masuk", lang), "masuk" + a, float(s.masuk), min_value=0.0,
               max_value=pr.MASUK_MAX, step=100.0, format="%g")
        widget(st.number_input, t("pr_i_keluar", lang), "keluar" + a, round(100 * s.keluar, 6), "persen",
               min_value=0.0, max_value=100.0, step=0.5, format="%g")
        widget(st.radio, t("pr_i_p0", lang), "p0" + a, s.p0, "pilihan", options=list(pr.P0_PILIHAN),
               format_func=lambda v: t("pr_p0_" + v, lang).format(x=pg.target, y=pg.dalam))
        if hasil[i].p0_target_gagal:
            st.warning(t("pr_target_gagal", lang))

st.markdown(t("pr_bawaan_tabel", lang).format(
    g=fmt.angka(g_acuan.nilai, lang), sumber_g=sumber_acuan(g_acuan),
    dmin=D_MIN, dmax=D_MAX, sumber_d=sumber_acuan(acuan["lama_graduasi_max"])))

st.markdown(f"#### {t('pr_h_banding', lang).format(H=pg.H)}")
tabel(sekali("banding", lambda: tampil.tabel_banding(hasil, nama, sisa, pg.target, lang)),
      t("pr_h_banding", lang).format(H=pg.H),
      "proyeksi_skenario")

b_lo, b_hi = acuan["beban_pendamping_min"], acuan["beban_pendamping_max"]
g1, g2 = st.columns(2)
with g1:
    ui.plot(grafik("c_kpm", lambda: tampil.garis_skenario(
        hasil, nama, "kpm", t("pr_c_kpm", lang), t("pr_sumbu_kpm", lang), lang)), key="pr_c_kpm")
with g2:
    ui.plot(grafik("c_kum", lambda: tampil.garis_skenario(
        hasil, nama, "kumulatif_graduasi", t("pr_c_kum", lang), t("pr_sumbu_kum", lang), lang,
        garis_h=(target * K0, t("pr_c_target", lang).format(x=pg.target)))), key="pr_c_kum")
ui.plot(grafik("c_rasio", lambda: tampil.garis_skenario(
    hasil, nama, "kpm_per_pendamping", t("pr_c_rasio", lang), t("pr_sumbu_rasio", lang), lang, desimal=1,
    rentang=(b_lo.nilai, b_hi.nilai, t("pr_c_rentang", lang).format(
        lo=fmt.angka(b_lo.nilai, lang), hi=fmt.angka(b_hi.nilai, lang), sumber=sumber_acuan(b_hi))))),
    key="pr_c_rasio")

st.markdown(f"#### {t('pr_h_unit', lang)}")
for i, (tab, h, n) in enumerate(zip(st.tabs(nama), hasil, nama)):
    with tab:
        tabel(sekali(f"unit{i}", lambda h=h: tampil.tabel_unit(h, m, sisa, lang)), f"{t('pr_h_unit', lang)}: {n}",
              f"proyeksi_wilayah_{i + 1}")
st.caption(t("pr_tanda_estimasi", lang))

# ---------------------------------------------------------------- the "3 to 5 years" lens
st.subheader(t("pr_h_lensa", lang).format(dmin=D_MIN, dmax=D_MAX))
if D_MAX > D_MIN:
    widget(st.slider, t("pr_i_D", lang), "D", pg.D, "bulat", min_value=D_MIN, max_value=D_MAX)
st.caption(t("pr_sumber_d", lang).format(dmin=D_MIN, dmax=D_MAX, sumber=sumber_acuan(acuan["lama_graduasi_max"])))
c = st.columns(4)
c[0].metric(t("pr_l_m_butuh", lang), tampil.angka(lensa["kebutuhan"], lang))
c[1].metric(t("pr_l_m_kapasitas", lang), tampil.angka(lensa["kapasitas"], lang))
c[2].metric(t("pr_l_m_g", lang), tampil.desimal1(lensa["g_penutup"], lang))
c[3].metric(t("pr_l_m_p", lang), tampil.angka(tampil.keatas(lensa["p_penutup"]), lang))
st.markdown(t("pr_l_kalimat", lang).format(
    D=pg.D, butuh=tampil.angka(lensa["kebutuhan"], lang), kap=tampil.angka(lensa["kapasitas"], lang),
    persen=fmt.persen(100 / lensa["rasio"], lang), rasio=tampil.desimal1(lensa["rasio"], lang),
    g=tampil.desimal1(lensa["g_penutup"], lang), p=tampil.angka(tampil.keatas(lensa["p_penutup"]), lang),
    g1=fmt.angka(s1.g, lang)))
with st.expander(t("pr_l_per_unit", lang)):
    tabel(sekali("lensa", lambda: tampil.tabel_lensa(per_lensa, m, lang)), t("pr_l_per_unit", lang), "proyeksi_lensa")

# ---------------------------------------------------------------- what it takes
st.subheader(t("pr_h_butuh", lang))
c = st.columns(2)
with c[0]:
    widget(st.number_input, t("pr_i_target", lang), "target", pg.target, "bulat", min_value=1, max_value=100, step=5)
with c[1]:
    widget(st.slider, t("pr_i_dalam", lang), "dalam", pg.dalam, "bulat", min_value=pr.TAHUN_MIN,
           max_value=pr.TAHUN_MAX)
st.caption(t("pr_sumber_target", lang).format(dmin=D_MIN, dmax=D_MAX, sumber=sumber_acuan(acuan["lama_graduasi_max"])))
kb_p = pr.butuh_pendamping(m.k0, s1.g, target, pg.dalam, s1.masuk, s1.keluar)
kb_g = pr.butuh_g(m.k0, m.p0, target, pg.dalam, s1.masuk, s1.keluar)
c = st.columns(3)
kosong = t("pr_tak_tercapai", lang)
c[0].metric(t("pr_n_m_p", lang).format(g=fmt.angka(s1.g, lang)),
            kosong if kb_p.pilihan is None else tampil.angka(kb_p.pilihan, lang))
c[1].metric(t("pr_n_m_tambah", lang), kosong if kb_p.pilihan is None else tampil.selisih(kb_p.pilihan - P0, lang))
c[2].metric(t("pr_n_m_g", lang), kosong if kb_g.pilihan is None else tampil.angka(kb_g.pilihan, lang))
if kb_p.pilihan is not None and kb_g.pilihan is not None:
    st.markdown(t("pr_n_kalimat", lang).format(
        x=pg.target, y=pg.dalam, p=tampil.angka(kb_p.pilihan, lang), p0=tampil.angka(P0, lang),
        g=fmt.angka(s1.g, lang), gb=tampil.angka(kb_g.pilihan, lang)))
if D_MAX > D_MIN:
    st.markdown(t("pr_n_rentang", lang).format(dmin=D_MIN, dmax=D_MAX, x=pg.target))
    tabel(sekali("rentang", lambda: tampil.tabel_rentang(m, s1.g, target, range(D_MIN, D_MAX + 1), s1.masuk,
                                                          s1.keluar, lang)),
          t("pr_h_butuh", lang), "proyeksi_rentang")
st.caption(t("pr_n_cara", lang).format(
    g=fmt.angka(s1.g, lang), masuk=fmt.angka(s1.masuk, lang), keluar=fmt.persen(100 * s1.keluar, lang)))
with st.expander(t("pr_n_per_unit", lang)):
    tabel(sekali("butuh", lambda: tampil.tabel_butuh(m, kb_p, kb_g, lang)), t("pr_n_per_unit", lang),
          "proyeksi_kebutuhan")

# ---------------------------------------------------------------- assumptions
with st.expander(t("pr_h_asumsi", lang)):
    st.markdown(t("pr_model", lang))
    st.markdown(t("pr_catatan", lang).format(
        kpm=ui.periode_teks(info_k["periode"], lang), sumber_k=", ".join(info_k["sumber"]),
        sumber_p=", ".join(info_p["sumber"])))
