"""Bar charts for the overview and ratio pages (plotly, no Streamlit)."""
from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import status as st

WARNA_TERPILIH = "#08306b"   # dark blue: selected units
WARNA_LAIN = "#9ecae1"       # light blue: the others (lightness, not hue, carries the meaning)
WARNA_SEMUA = "#2171b5"      # no selection: all units alike
WARNA_GEMA = "#bdbdbd"       # grey: a value that only echoes an allocation rule

HALO = "0 0 3px white, 0 0 3px white, 0 0 2px white"  # value labels stay readable over a reference line
# The chart toolbar (plotly's modebar: PNG, reset) takes a row at the top right; a title or a small
# multiple's title starts below that row, so the icons never sit on the words.
RUANG_ALAT = 34  # px
LEBAR_LABEL = 38             # characters per line of a title or legend label (plotly does not wrap text)


def _pola(statuses) -> dict:
    """Hatching marks estimated bars, so the mark does not depend on colour. "overlay": the bar keeps its
    colour under white hatching (plotly's default "replace" leaves the bar transparent: white on white)."""
    return dict(shape=["/" if s == st.ESTIMASI else "" for s in statuses], solidity=0.3, fgcolor="white",
                fgopacity=0.9, fillmode="overlay")


def bungkus(teks: str, lebar: int = LEBAR_LABEL) -> str:
    """Plain text escaped for plotly and broken into lines with <br>, so a long label is not cut."""
    return "<br>".join(html.escape(baris) for baris in textwrap.wrap(str(teks), lebar)) or html.escape(str(teks))


def judul_grafik(teks: str, size: int = 18) -> dict:
    """A chart title (already plain text for plotly) placed below the toolbar's row."""
    return dict(text=teks, font=dict(size=size), automargin=True, yref="container", y=1, yanchor="top",
                pad=dict(t=RUANG_ALAT))


def _layout(fig: go.Figure, lang: str, height: int) -> go.Figure:
    fig.update_layout(margin=dict(l=10, r=30, t=40, b=10), height=height, separators=fmt.plotly_separators(lang),
                      font=dict(size=16), showlegend=False, bargap=0.25, plot_bgcolor="white")
    # automargin: tick labels push the margin instead of being cut at the chart's edge ("endamping PKH")
    fig.update_xaxes(gridcolor="#e5e5e5", zerolinecolor="#999", automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def _garis_acuan(fig: go.Figure, rentang, norma, nilai_provinsi, teks_provinsi: str) -> int:
    """Reference band and lines, named in a legend under the chart rather than written over the bars
    (a label on the plot covers the values next to it), and drawn under the value labels (each with a
    white halo, see HALO), so a line crossing a value does not hide it. Returns the legend's length."""
    n = 0
    if rentang:
        lo, hi, label = rentang
        fig.add_vrect(x0=lo, x1=hi, fillcolor="#fdd49e", opacity=0.45, line_width=0, layer="below",
                      name=bungkus(label), showlegend=True)
        n += 1
    if norma:
        fig.add_vline(x=norma[0], line_dash="dot", line_color="#333", line_width=2, name=bungkus(norma[1]),
                      showlegend=True, layer="below")
        n += 1
    if nilai_provinsi is not None:
        fig.add_vline(x=nilai_provinsi, line_dash="dash", line_color="#d94801", line_width=2,
                      name=bungkus(teks_provinsi), showlegend=True, layer="below")
        n += 1
    if n:
        fig.update_layout(showlegend=True, legend=dict(orientation="h", x=0, xanchor="left", y=-0.06,
                                                       yanchor="top", font=dict(size=14)))
    return n


def batang_wilayah(df: pd.DataFrame, judul: str, desimal: int, lang: str, terpilih: tuple[int, ...] = (),
                   nilai_provinsi: float | None = None, label_provinsi: str = "",
                   rentang: tuple[float, float, str] | None = None,
                   norma: tuple[float, str] | None = None) -> go.Figure:
    """Sorted horizontal bars (largest on top) of one measure for units in ``df``."""
    d = df.sort_values("nilai", ascending=True, na_position="first")
    nama = [html.escape(str(n)) for n in d["nama"]]  # plotly reads <a>, <b> in text: names are text
    if terpilih:
        colours = [WARNA_TERPILIH if k in terpilih else WARNA_LAIN for k in d["kode_bps"]]
    else:
        colours = [WARNA_SEMUA] * len(d)
    if "artefak" in d:
        colours = [WARNA_GEMA if g else c for c, g in zip(colours, d["artefak"])]
    text = [st.tandai(fmt.angka(v, lang, desimal), s, spasi=True) for v, s in zip(d["nilai"], d["status"])]
    hover = [f"{n}: {fmt.angka(v, lang, desimal)} ({st.kata(s, lang)})" for n, v, s in
             zip(nama, d["nilai"], d["status"])]
    pattern = _pola(d["status"])
    fig = go.Figure(go.Bar(x=d["nilai"], y=nama, orientation="h", marker_color=colours, showlegend=False,
                           marker_pattern=pattern, text=text, textposition="outside", cliponaxis=False,
                           outsidetextfont=dict(shadow=HALO),
                           customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
    teks_provinsi = "" if nilai_provinsi is None else f"{label_provinsi}: {fmt.angka(nilai_provinsi, lang, desimal)}"
    legenda = _garis_acuan(fig, rentang, norma, nilai_provinsi, teks_provinsi)
    top = max([v for v in d["nilai"] if v == v]
              + [nilai_provinsi or 0, rentang[1] if rentang else 0, norma[0] if norma else 0])
    fig.update_xaxes(range=[0, top * 1.25])  # room for the value labels
    fig.update_layout(title=judul_grafik(bungkus(judul)))
    fig = _layout(fig, lang, height=max(360, 34 * len(d) + 110 + 40 * legenda))
    return fig.update_layout(showlegend=bool(legenda))


def komposisi_pilar(df: pd.DataFrame, lang: str) -> go.Figure:
    """The seven pillar counts of the selection (columns label, jumlah, status), largest on top."""
    d = df.sort_values("jumlah", ascending=True)
    total = d["jumlah"].sum()
    text = [st.tandai(f"{fmt.angka(v, lang)} ({fmt.persen(100 * v / total, lang)})", s, spasi=True)
            for v, s in zip(d["jumlah"], d["status"])]
    pattern = _pola(d["status"])
    fig = go.Figure(go.Bar(x=d["jumlah"], y=d["label"], orientation="h", marker_color=WARNA_SEMUA,
                           marker_pattern=pattern, text=text, textposition="outside", cliponaxis=False,
                           hoverinfo="skip"))
    fig.update_xaxes(range=[0, d["jumlah"].max() * 1.45])  # room for the labels
    return _layout(fig, lang, height=380)


def tren(df: pd.DataFrame, lang: str, kolom: int = 4) -> go.Figure:
    """Small multiples, one per measure: its value for the selection at each period (columns
    ``judul``, ``periode`` (label), ``nilai``, ``status``, ``desimal``). Estimated points are hollow."""
    from plotly.subplots import make_subplots

    judul = list(dict.fromkeys(df["judul"]))
    baris = -(-len(judul) // kolom)
    fig = make_subplots(rows=baris, cols=kolom, subplot_titles=[bungkus(j, 18) for j in judul],
                        vertical_spacing=0.3 / baris ** 0.5, horizontal_spacing=0.08)
    for i, j in enumerate(judul):
        d = df[df["judul"] == j]
        est = [s == st.ESTIMASI for s in d["status"]]
        teks = [st.tandai(fmt.angka(v, lang, int(k)), s) for v, s, k in zip(d["nilai"], d["status"], d["desimal"])]
        fig.add_trace(go.Scatter(
            x=list(d["periode"]), y=list(d["nilai"]), mode="lines+markers", line=dict(color=WARNA_SEMUA, width=2),
            marker=dict(size=9, color=["white" if e else WARNA_SEMUA for e in est],
                        line=dict(color=WARNA_SEMUA, width=2)),
            customdata=teks, hovertemplate="%{x}: %{customdata}<extra></extra>"), row=i // kolom + 1, col=i % kolom + 1)
    # ",~g": 15.000 and 0,8 with the layout's separators (plotly's default writes 15k, an English SI suffix)
    fig.update_yaxes(rangemode="tozero", gridcolor="#e5e5e5", tickformat=",~g")
    fig.update_xaxes(type="category", tickangle=-45)  # slanted period labels leave room for the next row's titles
    fig = _layout(fig, lang, height=330 * baris + RUANG_ALAT)
    return fig.update_layout(font=dict(size=13), margin=dict(t=50 + RUANG_ALAT))  # 3-line titles below the toolbar
