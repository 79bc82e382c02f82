"""What the pages show, built from the measure catalog and cached per database version.

Every function here is ``@tersimpan``: its result is shared by all sessions and keyed by
its own arguments, so a page only says *what* it wants (measure, selection, language).
No Streamlit: the pages draw what these return.
"""
from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import alokasi, grafik, peta, ukuran
from . import status as st
from .data import Indikator
from .simpanan import SIMPANAN, kueri, tersimpan
from .teks import t


@tersimpan
def indikator(kode: tuple[int, ...] = (), kuartal: str | None = None) -> Indikator:
    """The figures of the selected units (all if empty), pillars and KPM up to ``kuartal`` (None = latest)."""
    if kode:
        return indikator((), kuartal).pick(list(kode))
    with SIMPANAN.koneksi() as kon:
        return Indikator.load(kon, kuartal=kuartal)


@tersimpan
def kuartal_data() -> tuple[str, ...]:
    """Quarters with pillar or KPM figures, latest first: the period selector's choices."""
    return tuple(data_kueri("kuartal_data")["kuartal"])


@tersimpan
def data_kueri(nama: str, **params) -> pd.DataFrame:
    return kueri(nama, **params)


@tersimpan
def nilai(kode_ukuran: str, kode: tuple[int, ...] = (), kuartal: str | None = None) -> ukuran.Nilai:
    return ukuran.hitung(indikator((), kuartal), kode_ukuran, kode)


@tersimpan
def per_wilayah(kode_ukuran: str, kuartal: str | None = None) -> pd.DataFrame:
    return ukuran.per_wilayah(indikator((), kuartal), kode_ukuran)


def figur(buat) -> go.Figure:
    """A figure kept as rebuilt from its own JSON: plain lists instead of numpy and pandas
    objects make st.plotly_chart ~5x cheaper on every run that shows it. Shared, never modified,
    so ui.plot may keep its spec once (``_pilar_sekali``, see ui._plotly_sekali)."""
    fig = go.Figure(json.loads(buat().to_json()))
    fig._pilar_sekali = True
    return fig


# ---------------------------------------------------------------- text pieces

@tersimpan
def _sumber_teks() -> dict[str, str]:
    out = {}
    for r in data_kueri("sumber").itertuples():
        media = f", {r.media}" if isinstance(r.media, str) and r.media else ""
        out[r.sumber_id] = f"{r.sumber_id}: {r.penerbit}{media}, {r.tanggal}. {r.judul}"
    return out


def sumber_teks(ids) -> list[str]:
    """'ID: Publisher, outlet, date. Title' for each source id, for captions and CSV headers."""
    teks = _sumber_teks()
    return [teks[i] for i in ids if i in teks]


@tersimpan
def asal(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], lang: str,
         kuartal: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Periods (as text) and source ids of the figures behind a set of measures."""
    semua = [nilai(k, kode, kuartal) for k in kode_ukuran]
    periode = sorted({x for n in semua for x in n.periode})
    return periode_teks(periode, lang), tuple(sorted({x for n in semua for x in n.sumber}))


def periode_teks(periode, lang: str) -> str:
    return ", ".join(fmt.periode(p, lang) for p in periode)


def nama_pilihan(kode: tuple[int, ...], lang: str) -> str:
    if not kode:
        return t("seluruh_provinsi", lang)
    nama = indikator().nama_lengkap
    return ", ".join(nama[k] for k in kode)


@tersimpan
def tentang(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], lang: str,
            kuartal: str | None = None) -> pd.DataFrame:
    """'Tentang angka ini': definition, period, status and sources of each measure shown."""
    rows = []
    for k in kode_ukuran:
        u, n = ukuran.UKURAN[k], nilai(k, kode, kuartal)
        rows.append({t("kolom_angka", lang): u.label(lang), t("kolom_definisi", lang): u.definisi(lang),
                     t("kolom_periode", lang): periode_teks(n.periode, lang),
                     t("kolom_status", lang): st.kata(n.status, lang),
                     t("kolom_sumber", lang): " | ".join(sumber_teks(n.sumber)),
                     t("kolom_catatan", lang): "; ".join(_catatan(u, kode, kuartal))})
    return pd.DataFrame(rows)


def _catatan(u: ukuran.Ukuran, kode: tuple[int, ...], kuartal: str | None) -> list[str]:
    ind = indikator(kode, kuartal)
    return sorted({c for d in u.dasar for c in ind.info(d)["catatan"]})


@tersimpan
def lama(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], kuartal: str | None, lang: str) -> str | None:
    """'Unit (period), ...' of units whose pillar or KPM figure behind these measures is older than the
    newest figure of the same kind up to the chosen quarter (a unit that has not reported yet), or None."""
    dasar = [d for k in kode_ukuran for d in ukuran.UKURAN[k].dasar if d in ukuran.BERKALA]
    semua = indikator((), kuartal).long
    semua = semua[semua["indikator"].isin(dasar)]
    terbaru = semua.groupby("indikator")["kuartal"].transform("max")
    rows = semua[(semua["kuartal"] < terbaru) & (semua["kode_bps"].isin(kode) if kode else True)]
    if rows.empty:
        return None
    per = rows.drop_duplicates(["kode_bps", "periode"]).sort_values(["kode_bps", "periode"])
    return ", ".join(f"{n} ({fmt.periode(p, lang)})" for n, p in zip(per["nama_pendek"], per["periode"]))


# ---------------------------------------------------------------- tables

@tersimpan
def peringkat(kode: tuple[int, ...], urut: str, kolom: tuple[str, ...], lang: str,
              kuartal: str | None = None) -> pd.DataFrame:
    """One row per selected unit, sorted by ``urut``: the unit, the sort measure and the row's status
    first (in view on a narrow screen), then the other measures. Whole-number measures are integers
    (a CSV writes 32, not 32.0); ``attrs["status"]`` gives each cell's status for its estimate mark."""
    ind = indikator(kode, kuartal)
    kolom = (urut, *(k for k in kolom if k != urut))
    per = {k: per_wilayah(k, kuartal).set_index("kode_bps").loc[ind.kode] for k in kolom}
    label = {k: ukuran.UKURAN[k].label(lang) for k in kolom}
    df = pd.DataFrame({t("kolom_wilayah", lang): ind.nama_lengkap.loc[ind.kode].values})
    for k in kolom:
        df[label[k]] = _angka_kolom(per[k]["nilai"], ukuran.UKURAN[k].desimal)
        if k == urut:
            df[t("kolom_status", lang)] = [st.kata(st.weakest(per[x].at[c, "status"] for x in kolom), lang)
                                           for c in ind.kode]
    urutan = df[label[urut]].sort_values(ascending=False).index
    df = df.loc[urutan].reset_index(drop=True)
    df.attrs["abu"] = {label[k]: [per[k]["artefak"].iloc[i] for i in urutan] for k in kolom}
    df.attrs["status"] = {label[k]: [per[k]["status"].iloc[i] for i in urutan] for k in kolom}
    df.attrs["desimal"] = {label[k]: ukuran.UKURAN[k].desimal for k in kolom}
    return df


def _angka_kolom(nilai: pd.Series, desimal: int):
    """A measure's values as a table column: whole numbers as integers (missing stays missing)."""
    nilai = nilai.round(desimal)
    return (nilai.astype("Int64") if desimal == 0 else nilai).values


@tersimpan
def tabel_ukuran(kode_ukuran: str, kode: tuple[int, ...], lang: str, kuartal: str | None = None) -> pd.DataFrame:
    """A measure for each selected unit (all if empty), largest first, with each unit's period."""
    u, df = ukuran.UKURAN[kode_ukuran], per_wilayah(kode_ukuran, kuartal)
    if kode:
        df = df[df["kode_bps"].isin(kode)]
    df = df.sort_values("nilai", ascending=False)
    out = pd.DataFrame({t("kolom_wilayah", lang): df["nama"].values, u.label(lang): df["nilai"].values,
                        t("kolom_periode", lang): [fmt.periode(p, lang) if isinstance(p, str) else fmt.KOSONG
                                                   for p in df["periode"]],
                        t("kolom_status", lang): [st.kata(s, lang) for s in df["status"]]})
    out[u.label(lang)] = _angka_kolom(out[u.label(lang)], u.desimal)
    out.attrs["desimal"] = {u.label(lang): u.desimal}
    out.attrs["status"] = {u.label(lang): list(df["status"])}
    return out


# ---------------------------------------------------------------- charts

@tersimpan
def komposisi(kode: tuple[int, ...], lang: str, kuartal: str | None = None) -> go.Figure:
    rows = [(ukuran.UKURAN[k].label(lang), nilai(k, kode, kuartal)) for k in ukuran.PILAR]
    df = pd.DataFrame({"label": [r[0] for r in rows], "jumlah": [r[1].nilai for r in rows],
                       "status": [r[1].status for r in rows]})
    return figur(lambda: grafik.komposisi_pilar(df, lang))


@tersimpan
def batang(kode_ukuran: str, kode: tuple[int, ...], lang: str, rentang=None, norma=None,
           kuartal: str | None = None) -> go.Figure:
    """Sorted bars of all units with the province value as reference line."""
    u = ukuran.UKURAN[kode_ukuran]
    prov = nilai(kode_ukuran, (), kuartal).nilai
    return figur(lambda: grafik.batang_wilayah(per_wilayah(kode_ukuran, kuartal), u.label(lang), u.desimal, lang, kode,
                                               prov, t("nilai_provinsi", lang), rentang=rentang, norma=norma))


@tersimpan
def peta_figur(kode_ukuran: str, kode: tuple[int, ...], lang: str, geografis: bool,
               kuartal: str | None = None) -> go.Figure:
    u = ukuran.UKURAN[kode_ukuran]
    geo = batas_terpasang()[0] if geografis else None
    return figur(lambda: peta.figure(per_wilayah(kode_ukuran, kuartal), u.label(lang), u.desimal, lang, kode,
                                     geojson=geo, gema_teks=t("tidak_informatif_singkat", lang)))


@tersimpan
def gema(kode_ukuran: str, kuartal: str | None, lang: str) -> str | None:
    """One sentence on why the grey units of a measure are not compared (None when none is grey)."""
    u = ukuran.UKURAN[kode_ukuran]
    ind = indikator((), kuartal)
    unit = ukuran.artefak_per_wilayah(ind, kode_ukuran)
    if not unit.any():
        return None
    basis = ind.basis().reindex(columns=list(u.dasar))
    sisi = next(d for d in u.dasar if basis[d].isin([x for x in u.dasar if x != d]).any())
    dasar = next(x for x in u.dasar if x != sisi)
    nama = ", ".join(ind.nama.loc[unit[unit].index])
    return t("tidak_informatif", lang).format(sisi=ukuran.label_dasar(sisi, lang),
                                              dasar=ukuran.label_dasar(dasar, lang), wilayah=nama)


@tersimpan
def deret(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], lang: str) -> pd.DataFrame:
    """Each measure for the selection at every data quarter (oldest first), as of that quarter."""
    rows = []
    for q in reversed(kuartal_data()):
        for k in kode_ukuran:
            u, n = ukuran.UKURAN[k], nilai(k, kode, q)
            rows.append({"judul": u.label(lang), "periode": fmt.periode(q, lang), "nilai": n.nilai,
                         "status": n.status, "desimal": u.desimal})
    return pd.DataFrame(rows)


@tersimpan
def tren(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], lang: str, kolom: int = 4) -> go.Figure | None:
    """The trend chart (small multiples in up to ``kolom`` columns: 4 on a screen, 1 on a phone), or None
    while fewer than two periods have a value for any measure."""
    df = deret(kode_ukuran, kode, lang)
    if df.empty or df.dropna(subset=["nilai"]).groupby("judul").size().max() < 2:
        return None
    return figur(lambda: grafik.tren(df, lang, kolom=min(kolom, len(kode_ukuran))))


@tersimpan
def batas_terpasang():
    """(GeoJSON, metadata) of installed boundaries, or None when none are installed."""
    from . import batas  # geometry libraries load only when a map needs them
    with SIMPANAN.koneksi() as kon:
        return batas.load(kon)


@tersimpan
def acuan() -> pd.DataFrame:
    return data_kueri("acuan").set_index("indikator")


@tersimpan
def beban(lang: str, aman=str) -> tuple[tuple[float, float, str], str]:
    """The workload band for easy-to-reach areas (lo, hi, label) and the sentence that qualifies it
    with the other published figures (difficult areas, another coordinator). ``aman`` makes the
    sources' text (from the database) safe where the sentence is shown; the sentence itself is ours."""
    a = acuan()
    n = {k: fmt.angka(a.at[k, "nilai"], lang) for k in ("beban_pendamping_min", "beban_pendamping_max",
                                                         "beban_pendamping_sulit_min", "beban_pendamping_sulit_max",
                                                         "beban_pendamping_tulungagung")}
    lo, hi = a.at["beban_pendamping_min", "nilai"], a.at["beban_pendamping_max", "nilai"]
    label = t("rentang_beban", lang).format(lo=n["beban_pendamping_min"], hi=n["beban_pendamping_max"])
    catatan = t("catatan_beban", lang).format(
        lo=n["beban_pendamping_min"], hi=n["beban_pendamping_max"], slo=n["beban_pendamping_sulit_min"],
        shi=n["beban_pendamping_sulit_max"], tul=n["beban_pendamping_tulungagung"],
        sumber=aman(" | ".join(sumber_teks(a.loc[["beban_pendamping_min", "beban_pendamping_tulungagung"],
                                                  "sumber_id"]))))
    return (lo, hi, label), catatan


def label_data(d: str, lang: str) -> str:
    """A reader's name for a dataset of the database: the pillars, a base figure of the catalog, or a
    pillar's published lower bound (fakta_wilayah ``batas_bawah_<pilar>``, see pilar.alokasi)."""
    if d == "pilar":
        return t("data_pilar", lang)
    if d in ukuran.DASAR:
        return ukuran.label_dasar(d, lang)
    jenis = d.removeprefix(alokasi.BATAS_AWALAN)
    if jenis != d and jenis in ukuran.DASAR:
        return t("data_batas_bawah", lang).format(pilar=ukuran.label_dasar(jenis, lang))
    return t("data_lain", lang).format(kode=d)  # a dataset the catalog does not name yet: still said so


@tersimpan
def periode_data(lang: str) -> pd.DataFrame:
    """Period of each dataset and how many of its figures have each status, with readers' labels."""
    df = data_kueri("periode_data")
    data = [label_data(d, lang) for d in df["data"]]
    out = pd.DataFrame({t("kolom_data", lang): data, t("kolom_periode", lang): [fmt.periode(x, lang)
                                                                              for x in df["periode"]]})
    for s in st.STATUS:
        out[st.kata(s, lang)] = df[s].values
    return out


@tersimpan
def sumber_tabel(lang: str) -> pd.DataFrame:
    """Every source with readers' column labels; published and derived figures counted apart."""
    df = data_kueri("sumber")
    kolom = {"sumber_id": "kolom_id", "judul": "kolom_judul", "penerbit": "kolom_penerbit", "media": "kolom_media",
             "tanggal": "kolom_tanggal", "url": "kolom_url", "catatan": "kolom_catatan",
             "angka_terbit": "kolom_angka_terbit", "angka_turunan": "kolom_angka_turunan"}
    return df[list(kolom)].rename(columns={k: t(v, lang) for k, v in kolom.items()})
