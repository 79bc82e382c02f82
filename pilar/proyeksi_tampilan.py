"""Charts and tables of the Proyeksi page (plotly and pandas, no Streamlit).

Every number is formatted here with pilar.format (Babel); the model's real
numbers are rounded only at this point (docs/PROYEKSI.md, "Pembulatan").
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import proyeksi as pr
from . import status, tampilan
from .grafik import judul_grafik
from .proyeksi import HasilSkenario, Masukan, butuh_g, butuh_pendamping, tahun_target_unit
from .simpanan import tersimpan
from .teks import t

KELUAR_PERSEN = (100 * pr.KELUAR_MIN, 100 * pr.KELUAR_MAX)  # the page shows the exit share in percent
WARNA = ("#08306b", "#d94801", "#238b45")   # one per scenario
GARIS = ("solid", "dash", "dot")            # and a line style, so colour is not the only cue


def angka_g(g: float, lang: str) -> str:
    """g as typed: whole numbers without decimals, others with one."""
    return fmt.angka(g, lang, 0 if float(g).is_integer() else 1)


def ke_persen(bagian: float) -> float:
    """A share 0..1 as the percentage an input shows (0.025 -> 2.5), without float noise."""
    return round(100 * bagian, 6)


def dari_persen(persen: float) -> float:
    return persen / 100


@tersimpan
def asal(kode: tuple[int, ...], kuartal: str | None, lang: str) -> tuple[str, tuple[str, ...]]:
    """Periods and sources behind the projection: K(0), P(0) and the reference value for g."""
    periode, sumber = tampilan.asal(("kpm_pkh", "pendamping_pkh"), kode, lang, kuartal)
    g = acuan_proyeksi()["graduasi_per_pendamping"].sumber_id
    return periode, tuple(sorted(set(sumber) | ({g} if g else set())))


def persen_bagian(x: float, lang: str) -> str:
    """A share 0..1 as a percentage: 0.025 -> '2,5%'."""
    return fmt.persen(100 * x, lang)


def angka(x, lang: str) -> str:
    return fmt.angka(x, lang)  # whole families / pendamping; Babel rounds half-even


def desimal1(x, lang: str) -> str:
    return fmt.angka(x, lang, 1)


def selisih(x, lang: str) -> str:
    """A difference with its sign: +1.530, −5, 0."""
    if x is None or not np.isfinite(x):
        return fmt.KOSONG
    r = round(float(x))
    return ("+" if r > 0 else "−" if r < 0 else "") + fmt.angka(abs(r), lang)


def keatas(x: float) -> float:
    """Round up to a whole number (pendamping needed), ignoring float noise."""
    return float(np.ceil(x - 1e-9)) if np.isfinite(x) else x


def tahun_teks(tahun: int | None, H: int, lang: str) -> str:
    if tahun is None:
        return t("pr_tidak_dalam", lang).format(H=H)
    return t("pr_tahun_ke", lang).format(t=tahun)


def _tanda(teks: str, s: str | None) -> str:
    return status.tandai(teks, s, spasi=True)


# ---------------------------------------------------------------- charts

def garis_skenario(hasil: list[HasilSkenario], nama: list[str], kolom: str, judul: str, sumbu_y: str,
                   lang: str, desimal: int = 0, rentang: tuple[float, float, str] | None = None,
                   garis_h: tuple[float, str] | None = None) -> go.Figure:
    """One line per scenario of a column of Lintasan.jumlah() over the years."""
    fig = go.Figure()
    if rentang:
        lo, hi, label = rentang
        fig.add_hrect(y0=lo, y1=hi, fillcolor="#fdd49e", opacity=0.5, line_width=0, layer="below",
                      annotation_text=label, annotation_position="top left", annotation_font_size=13)
    if garis_h:
        fig.add_hline(y=garis_h[0], line_dash="dot", line_color="#333", line_width=2,
                      annotation_text=garis_h[1], annotation_position="top left", annotation_font_size=13)
    for i, (h, n) in enumerate(zip(hasil, nama)):
        j = h.lintasan.jumlah()
        y = j[kolom]
        teks = [f"{n}<br>{t('pr_tahun_ke', lang).format(t=int(a))}: {fmt.angka(b, lang, desimal)}"
                for a, b in zip(j["tahun"], y)]
        fig.add_trace(go.Scatter(
            x=j["tahun"].tolist(), y=y.tolist(), name=n, mode="lines+markers",
            line=dict(color=WARNA[i % 3], dash=GARIS[i % 3], width=3), marker=dict(size=7),
            customdata=teks, hovertemplate="%{customdata}<extra></extra>"))
    fig.update_layout(
        title=judul_grafik(judul), separators=fmt.plotly_separators(lang), height=420,
        margin=dict(l=10, r=20, t=60, b=10), font=dict(size=15), plot_bgcolor="white",
        legend=dict(orientation="h", yanchor="top", y=-0.22, xanchor="left", x=0),
        xaxis=dict(title=t("pr_sumbu_tahun", lang), dtick=1, gridcolor="#e5e5e5"),
        yaxis=dict(title=sumbu_y, rangemode="tozero", gridcolor="#e5e5e5", zerolinecolor="#999",
                   tickformat=",." + str(desimal) + "f"))
    return fig


# ---------------------------------------------------------------- tables

def tabel_banding(hasil: list[HasilSkenario], nama: list[str], sisa: float, target_persen: int,
                  lang: str) -> pd.DataFrame:
    """Scenarios side by side: one row per figure, one column per scenario."""
    H = hasil[0].lintasan.tahun
    rows = {}
    for h, n in zip(hasil, nama):
        j = h.lintasan.jumlah()
        k0 = j["kpm"].iloc[0]
        kum = j["kumulatif_graduasi"].iloc[-1]
        rows[n] = [
            angka(j["pendamping"].iloc[0], lang),
            angka(j["pendamping"].iloc[-1], lang),
            angka(j["graduasi"].iloc[1], lang),
            angka(kum, lang),
            fmt.persen(100 * kum / k0 if k0 else np.nan, lang),
            angka(j["kpm"].iloc[-1], lang),
            desimal1(j["kpm_per_pendamping"].iloc[-1], lang),
            tahun_teks(h.lintasan.tahun_target(sisa), H, lang),
        ]
    label = [t("pr_b_p0", lang), t("pr_b_pH", lang).format(H=H), t("pr_b_g1", lang),
             t("pr_b_kum", lang).format(H=H), t("pr_b_persen", lang), t("pr_b_kH", lang).format(H=H),
             t("pr_b_rasio", lang).format(H=H), t("pr_b_target", lang).format(s=100 - target_persen)]
    df = pd.DataFrame(rows)
    if not target_persen:  # no target chosen: no "target reached" row
        label, df = label[:-1], df.iloc[:-1]
    df.insert(0, t("pr_kolom_ukuran", lang), label)
    return df


def tabel_unit(h: HasilSkenario, m: Masukan, sisa: float, lang: str) -> pd.DataFrame:
    """Per unit for one scenario: start, first year, after H years, target year."""
    lin = h.lintasan
    H = lin.tahun
    df = lin.per_unit()
    tahun = tahun_target_unit(lin, sisa)
    dipakai_data = h.skenario.p0 == "data" or h.p0_target_gagal
    return pd.DataFrame({
        t("pr_kolom_wilayah", lang): list(m.nama),
        t("pr_u_k0", lang): [_tanda(angka(v, lang), s) for v, s in zip(df["kpm_awal"], m.status_k)],
        t("pr_u_p0", lang): [_tanda(angka(v, lang), s if dipakai_data else None)
                             for v, s in zip(df["pendamping_awal"], m.status_p)],
        t("pr_u_g1", lang): [angka(v, lang) for v in lin.G[1]],
        t("pr_u_kum", lang).format(H=H): [angka(v, lang) for v in df["kumulatif_graduasi"]],
        t("pr_b_persen", lang): [fmt.persen(100 * a / b if b else np.nan, lang)
                                 for a, b in zip(df["kumulatif_graduasi"], df["kpm_awal"])],
        t("pr_u_kH", lang).format(H=H): [angka(v, lang) for v in df["kpm_akhir"]],
        t("pr_u_pH", lang).format(H=H): [angka(v, lang) for v in df["pendamping_akhir"]],
        t("pr_u_rasio", lang).format(H=H): [desimal1(v, lang) for v in df["kpm_per_pendamping_akhir"]],
        t("pr_u_target", lang): [tahun_teks(v, H, lang) for v in tahun],
    })


def tabel_lensa(per: pd.DataFrame, m: Masukan, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("pr_kolom_wilayah", lang): list(m.nama),
        t("pr_u_k0", lang): [_tanda(angka(v, lang), s) for v, s in zip(per["kpm_awal"], m.status_k)],
        t("pr_u_p0", lang): [_tanda(angka(v, lang), s) for v, s in zip(per["pendamping_awal"], m.status_p)],
        t("pr_l_butuh", lang): [angka(v, lang) for v in per["kebutuhan"]],
        t("pr_l_kapasitas", lang): [angka(v, lang) for v in per["kapasitas"]],
        t("pr_l_rasio", lang): [desimal1(v, lang) + "×" for v in per["rasio"]],
        t("pr_l_lama", lang): [desimal1(v, lang) for v in per["lama_pada_laju_ini"]],
        t("pr_l_g", lang): [desimal1(v, lang) for v in per["g_penutup"]],
        t("pr_l_p", lang): [angka(keatas(v), lang) for v in per["p_penutup"]],
    })


def tabel_butuh(m: Masukan, p_butuh, g_butuh, lang: str) -> pd.DataFrame:
    kosong = t("pr_tak_tercapai", lang)

    def a(v):
        return kosong if v is None else angka(v, lang)

    return pd.DataFrame({
        t("pr_kolom_wilayah", lang): list(m.nama),
        t("pr_u_k0", lang): [_tanda(angka(v, lang), s) for v, s in zip(m.k0, m.status_k)],
        t("pr_u_p0", lang): [_tanda(angka(v, lang), s) for v, s in zip(m.p0, m.status_p)],
        t("pr_n_p", lang): [a(v) for v in p_butuh.per_unit],
        t("pr_n_tambah", lang): [kosong if v is None else selisih(v - p, lang)
                                 for v, p in zip(p_butuh.per_unit, m.p0)],
        t("pr_n_g", lang): [a(v) for v in g_butuh.per_unit],
    })


def tabel_rentang(m: Masukan, g: float, target: float, tahun: range, masuk: float, keluar: float,
                  lang: str) -> pd.DataFrame:
    """The exact solver for each target horizon in ``tahun`` (e.g. 3, 4, 5 years), for the selection."""
    kosong = t("pr_tak_tercapai", lang)
    rows = []
    for y in tahun:
        kp = butuh_pendamping(m.k0, g, target, y, masuk, keluar).pilihan
        kg = butuh_g(m.k0, m.p0, target, y, masuk, keluar).pilihan
        rows.append({t("pr_n_dalam", lang): str(y),
                     t("pr_n_p", lang): kosong if kp is None else angka(kp, lang),
                     t("pr_n_tambah", lang): kosong if kp is None else selisih(kp - m.p0.sum(), lang),
                     t("pr_n_g", lang): kosong if kg is None else angka(kg, lang)})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- the page's figures, cached

@tersimpan
def acuan_proyeksi():
    return pr.acuan(tampilan.data_kueri("acuan"))


@tersimpan
def rentang_lama() -> tuple[int, int]:
    """The Minister's "3 to 5 years" (D_min, D_max) from the reference values."""
    a = acuan_proyeksi()
    return int(a["lama_graduasi_min"].nilai), int(a["lama_graduasi_max"].nilai)


def g_acuan() -> tuple[pr.NilaiAcuan, pr.NilaiAcuan]:
    """Kemensos' minimum target and the 2025 realisation per pendamping (reference values)."""
    a = acuan_proyeksi()
    return a["graduasi_min_per_pendamping"], a["graduasi_realisasi_per_pendamping"]


@tersimpan
def bawaan() -> pr.Pengaturan:
    """Default settings: the reference values' g, D in the middle of the Minister's range, no target."""
    d_min, d_max = rentang_lama()
    g, gr = g_acuan()
    return pr.pengaturan_bawaan(g=g.nilai, g_realisasi=gr.nilai, D=round((d_min + d_max) / 2), dalam=d_max)


def nama(s: pr.Skenario, dalam: int, lang: str) -> str:
    g, gr = g_acuan()
    return pr.nama_skenario(s, dalam, lang, g.nilai, gr.nilai)


@tersimpan
def nasional() -> dict:
    """The same measure nationally: years to clear the PKH caseload at the Minister's example."""
    a = acuan_proyeksi()
    lulus, kpm = a["graduasi_nasional_per_tahun"].nilai, a["kpm_pkh_nasional"].nilai
    return {"lulus": lulus, "kpm": kpm, "lama": kpm / lulus}


@tersimpan
def masukan(kode: tuple[int, ...], kuartal: str | None = None) -> pr.Masukan:
    return pr.masukan(tampilan.indikator(kode, kuartal))


def status_masukan(kode: tuple[int, ...], kuartal: str | None = None) -> tuple[str, ...]:
    """Statuses of the figures a projection starts from (each unit's KPM and pendamping, and their sums):
    a result computed from an estimate is marked as resting on one."""
    m = masukan(kode, kuartal)
    return (*m.status_k, *m.status_p, tampilan.nilai("kpm_pkh", kode, kuartal).status,
            tampilan.nilai("pendamping_pkh", kode, kuartal).status)


def status_awal(kode: tuple[int, ...], kuartal: str | None = None) -> dict[str, str | None]:
    """The status of each figure a projection summary states, as the measure catalog gives it (so the
    same as the cards beside it): the selection's KPM (k0), pendamping (p0), their ratio, the
    graduation capacity (pendamping x g) and what is computed from KPM and pendamping (years).

    Not the weakest of every unit's inputs (status_masukan): a province total that is resmi stays resmi
    even when its shares per unit are estimates."""
    k, p, r = (tampilan.nilai(u, kode, kuartal).status for u in ("kpm_pkh", "pendamping_pkh", "kpm_per_pendamping"))
    return {"k0": k, "p0": p, "rasio": r, "kapasitas": p, "lama": status.weakest((k, p))}


@dataclass(frozen=True)
class Hitungan:
    """Everything the Proyeksi page shows for one selection and one set of settings."""
    pg: pr.Pengaturan
    hasil: tuple
    nama: tuple[str, ...]
    target: float          # share 0..1 of K(0) to graduate
    k0: float
    p0: float
    rasio: float
    lensa_unit: pd.DataFrame
    lensa: dict
    butuh_p: object
    butuh_g: object

    @property
    def tambah_p(self) -> float | None:
        """Pendamping needed minus those there are now (None when not reachable or no target)."""
        if self.butuh_p is None or self.butuh_p.pilihan is None:
            return None
        return self.butuh_p.pilihan - self.p0

    @property
    def bagian_kapasitas(self) -> float:
        """Today's capacity as a share of the lens's need."""
        return 1 / self.lensa["rasio"]


@tersimpan
def hitung(kode: tuple[int, ...], kuartal: str | None, url: tuple[tuple[str, str], ...], lang: str) -> Hitungan:
    m, pg = masukan(kode, kuartal), pengaturan(url)
    target = pg.target / 100
    s1 = pg.skenario[0]
    hasil = tuple(pr.jalankan(m, s, pg.H, target, pg.dalam) for s in pg.skenario)
    label = tuple(pr.nama_unik([nama(s, pg.dalam, lang) for s in pg.skenario]))
    k0, p0 = float(m.k0.sum()), float(m.p0.sum())
    lensa_unit, lensa = pr.lensa_durasi(m.k0, m.p0, s1.g, pg.D)
    ada = target > 0  # "what it takes" only for a target the reader chose
    return Hitungan(pg, hasil, label, target, k0, p0, k0 / p0 if p0 else float("nan"), lensa_unit, lensa,
                    pr.butuh_pendamping(m.k0, s1.g, target, pg.dalam, s1.masuk, s1.keluar) if ada else None,
                    pr.butuh_g(m.k0, m.p0, target, pg.dalam, s1.masuk, s1.keluar) if ada else None)


@tersimpan
def pengaturan(url: tuple[tuple[str, str], ...]) -> pr.Pengaturan:
    d_min, d_max = rentang_lama()
    return pr.dari_url(dict(url), bawaan(), d_min, d_max)[0]


@tersimpan
def tabel(nama: str, kode: tuple[int, ...], kuartal: str | None, url: tuple, lang: str) -> pd.DataFrame:
    """One of the page's tables by name, for a selection and settings."""
    h, m = hitung(kode, kuartal, url, lang), masukan(kode, kuartal)
    s1, sisa = h.pg.skenario[0], 1 - h.target
    if nama == "banding":
        return tabel_banding(list(h.hasil), list(h.nama), sisa, h.pg.target, lang)
    if nama.startswith("unit"):
        return tabel_unit(h.hasil[int(nama[4:])], m, sisa, lang)
    if nama == "lensa":
        return tabel_lensa(h.lensa_unit, m, lang)
    if nama == "rentang":
        d_min, d_max = rentang_lama()
        return tabel_rentang(m, s1.g, h.target, range(d_min, d_max + 1), s1.masuk, s1.keluar, lang)
    return tabel_butuh(m, h.butuh_p, h.butuh_g, lang)


@tersimpan
def grafik(nama: str, kode: tuple[int, ...], kuartal: str | None, url: tuple, lang: str):
    """One of the page's charts by name ("kpm", "kum", "rasio")."""
    h = hitung(kode, kuartal, url, lang)
    hasil, label = list(h.hasil), [html.escape(n) for n in h.nama]  # plotly reads <a>, <b>: names are text
    if nama == "kpm":
        buat = lambda: garis_skenario(hasil, label, "kpm", t("pr_c_kpm", lang), t("pr_sumbu_kpm", lang), lang)
    elif nama == "kum":
        buat = lambda: garis_skenario(hasil, label, "kumulatif_graduasi", t("pr_c_kum", lang), t("pr_sumbu_kum", lang),
                                      lang, garis_h=(h.target * h.k0, t("pr_c_target", lang).format(x=h.pg.target)))
    else:
        a = acuan_proyeksi()
        lo, hi = a["beban_pendamping_min"], a["beban_pendamping_max"]
        band = t("pr_c_rentang", lang).format(lo=fmt.angka(lo.nilai, lang), hi=fmt.angka(hi.nilai, lang),
                                             sumber=sumber_acuan(hi, lang))
        buat = lambda: garis_skenario(hasil, label, "kpm_per_pendamping", t("pr_c_rasio", lang),
                                      t("pr_sumbu_rasio", lang), lang, desimal=1, rentang=(lo.nilai, hi.nilai, band))
    return tampilan.figur(buat)


@tersimpan
def realisasi(kode: tuple[int, ...], g: float, lang: str) -> pd.DataFrame | None:
    """Reported graduations per quarter (imported KPM sheets) against what g graduations per
    pendamping per year would give in a quarter (g * pendamping / 4); None when none were reported."""
    df = tampilan.data_kueri("graduasi_realisasi", kode=kode)
    if df.empty:
        return None
    per = df.groupby("periode", sort=True)[["kpm", "graduasi", "pendamping"]].sum(min_count=1)
    harapan = g * per["pendamping"] / 4
    out = pd.DataFrame({t("pr_r_periode", lang): [fmt.periode(p, lang) for p in per.index],
                        t("pr_r_kpm", lang): per["kpm"].values, t("pr_r_graduasi", lang): per["graduasi"].values,
                        t("pr_r_harapan", lang).format(g=angka_g(g, lang)): harapan.values,
                        t("pr_r_rasio", lang): (per["graduasi"] / harapan).values})
    out.attrs["desimal"] = {t("pr_r_rasio", lang): 2}
    return out


def sumber_acuan(a: pr.NilaiAcuan, lang: str) -> str:
    if a.sumber_id is None:
        return t("pr_sumber_bawaan", lang)
    return f"{a.penerbit or a.sumber_id}, {fmt.periode(a.periode, lang)} ({a.sumber_id}, {status.kata(a.status, lang)})"
