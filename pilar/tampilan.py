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
from . import grafik, peta, ukuran
from . import status as st
from .data import Indikator
from .simpanan import SIMPANAN, kueri, tersimpan
from .teks import t


@tersimpan
def indikator(kode: tuple[int, ...] = ()) -> Indikator:
    """The figures of the selected units (all if empty)."""
    if kode:
        return indikator().pick(list(kode))
    with SIMPANAN.koneksi() as kon:
        return Indikator.load(kon)


@tersimpan
def data_kueri(nama: str, **params) -> pd.DataFrame:
    return kueri(nama, **params)


@tersimpan
def nilai(kode_ukuran: str, kode: tuple[int, ...] = ()) -> ukuran.Nilai:
    return ukuran.hitung(indikator(), kode_ukuran, kode)


@tersimpan
def per_wilayah(kode_ukuran: str) -> pd.DataFrame:
    return ukuran.per_wilayah(indikator(), kode_ukuran)


def figur(buat) -> go.Figure:
    """A figure kept as rebuilt from its own JSON: plain lists instead of numpy and pandas
    objects make st.plotly_chart ~5x cheaper on every run that shows it. Shared, never modified."""
    return go.Figure(json.loads(buat().to_json()))


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
def asal(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], lang: str) -> tuple[str, tuple[str, ...]]:
    """Periods (as text) and source ids of the figures behind a set of measures."""
    semua = [nilai(k, kode) for k in kode_ukuran]
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
def tentang(kode_ukuran: tuple[str, ...], kode: tuple[int, ...], lang: str) -> pd.DataFrame:
    """'Tentang angka ini': definition, period, status and sources of each measure shown."""
    rows = []
    for k in kode_ukuran:
        u, n = ukuran.UKURAN[k], nilai(k, kode)
        rows.append({t("kolom_angka", lang): u.label(lang), t("kolom_definisi", lang): u.definisi(lang),
                     t("kolom_periode", lang): periode_teks(n.periode, lang),
                     t("kolom_status", lang): st.kata(n.status, lang),
                     t("kolom_sumber", lang): " | ".join(sumber_teks(n.sumber)),
                     t("kolom_catatan", lang): "; ".join(_catatan(u, kode))})
    return pd.DataFrame(rows)


def _catatan(u: ukuran.Ukuran, kode: tuple[int, ...]) -> list[str]:
    ind = indikator(kode)
    return sorted({c for d in u.dasar for c in ind.info(d)["catatan"]})


# ---------------------------------------------------------------- tables

@tersimpan
def peringkat(kode: tuple[int, ...], urut: str, kolom: tuple[str, ...], lang: str) -> pd.DataFrame:
    """One row per selected unit, one column per measure, sorted by ``urut``."""
    ind = indikator(kode)
    per = {k: per_wilayah(k).set_index("kode_bps").loc[ind.kode] for k in kolom}
    df = pd.DataFrame({t("kolom_wilayah", lang): ind.nama_lengkap.loc[ind.kode].values})
    for k in kolom:
        df[ukuran.UKURAN[k].label(lang)] = per[k]["nilai"].round(ukuran.UKURAN[k].desimal).values
    df[t("kolom_status", lang)] = [st.kata(st.weakest(per[k].at[c, "status"] for k in kolom), lang)
                                   for c in ind.kode]
    return df.sort_values(ukuran.UKURAN[urut].label(lang), ascending=False)


@tersimpan
def tabel_ukuran(kode_ukuran: str, kode: tuple[int, ...], lang: str) -> pd.DataFrame:
    """A measure for each selected unit (all if empty), largest first."""
    u, df = ukuran.UKURAN[kode_ukuran], per_wilayah(kode_ukuran)
    if kode:
        df = df[df["kode_bps"].isin(kode)]
    df = df.sort_values("nilai", ascending=False)
    return pd.DataFrame({t("kolom_wilayah", lang): df["nama"].values, u.label(lang): df["nilai"].values,
                         t("kolom_status", lang): [st.kata(s, lang) for s in df["status"]]})


# ---------------------------------------------------------------- charts

@tersimpan
def komposisi(kode: tuple[int, ...], lang: str) -> go.Figure:
    rows = [(ukuran.UKURAN[k].label(lang), nilai(k, kode)) for k in ukuran.PILAR]
    df = pd.DataFrame({"label": [r[0] for r in rows], "jumlah": [r[1].nilai for r in rows],
                       "status": [r[1].status for r in rows]})
    return figur(lambda: grafik.komposisi_pilar(df, lang))


@tersimpan
def batang(kode_ukuran: str, kode: tuple[int, ...], lang: str, rentang=None, norma=None) -> go.Figure:
    """Sorted bars of all units with the province value as reference line."""
    u = ukuran.UKURAN[kode_ukuran]
    prov = nilai(kode_ukuran).nilai
    return figur(lambda: grafik.batang_wilayah(per_wilayah(kode_ukuran), u.label(lang), u.desimal, lang, kode,
                                               prov, t("nilai_provinsi", lang), rentang=rentang, norma=norma))


@tersimpan
def peta_figur(kode_ukuran: str, kode: tuple[int, ...], lang: str, geografis: bool) -> go.Figure:
    u = ukuran.UKURAN[kode_ukuran]
    geo = batas_terpasang()[0] if geografis else None
    return figur(lambda: peta.figure(per_wilayah(kode_ukuran), u.label(lang), u.desimal, lang, kode, geojson=geo))


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
def periode_data(lang: str) -> pd.DataFrame:
    """Period of each dataset and how many of its figures have each status."""
    df = data_kueri("periode_data")
    df["periode"] = [fmt.periode(x, lang) for x in df["periode"]]
    return df
