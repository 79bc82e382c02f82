"""Map figures: the tile map (always available) and the geographic choropleth.

Both use plotly's SVG geo trace with the unit's BPS code as feature id, so a
click gives the code back. The geo trace fetches a world topojson unless told
otherwise; pages pass ``PLOTLY_CONFIG`` whose topojsonURL points at the app's
own static stand-in (static/world_110m.json), so nothing leaves the machine.
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import status as st

# Rough geographic arrangement of the 13 units (column, row; row 0 is north).
TILE = {
    6309: (3, 0),                               # Tabalong
    6308: (2, 1), 6311: (3, 1),                 # Hulu Sungai Utara, Balangan
    6306: (2, 2), 6307: (3, 2),                 # Hulu Sungai Selatan, Hulu Sungai Tengah
    6304: (1, 3), 6305: (2, 3), 6302: (4, 3),   # Barito Kuala, Tapin, Kotabaru
    6371: (0, 4), 6372: (1, 4), 6303: (2, 4), 6310: (3, 4),  # Banjarmasin, Banjarbaru, Banjar, Tanah Bumbu
    6301: (1, 5),                               # Tanah Laut
}
# Tile labels: the abbreviations used locally where a full name does not fit a tile.
SINGKATAN = {6306: "HSS", 6307: "HST", 6308: "HSU", 6310: "Tanah<br>Bumbu", 6304: "Barito<br>Kuala",
             6371: "Banjar-<br>masin", 6372: "Banjar-<br>baru"}
TILE_SIZE = 1.0  # degrees on a blank canvas; only the arrangement matters
TILE_GAP = 0.08

PLOTLY_CONFIG = {"displaylogo": False, "scrollZoom": False, "topojsonURL": "app/static/",
                 "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
SKALA_WARNA = "Viridis"  # sequential and colour-blind safe


def tile_geojson() -> dict:
    """Square tiles as a FeatureCollection; exterior rings clockwise for the geo trace."""
    features = []
    for kode, (c, r) in TILE.items():
        x0, y1 = c * TILE_SIZE + TILE_GAP / 2, -r * TILE_SIZE - TILE_GAP / 2
        x1, y0 = x0 + TILE_SIZE - TILE_GAP, y1 - TILE_SIZE + TILE_GAP
        ring = [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]  # clockwise
        features.append({"type": "Feature", "id": str(kode), "properties": {},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    return {"type": "FeatureCollection", "features": features}


def tile_center(kode: int) -> tuple[float, float]:
    c, r = TILE[kode]
    return c * TILE_SIZE + TILE_SIZE / 2, -r * TILE_SIZE - TILE_SIZE / 2


def _label(v, status, desimal, lang) -> str:
    return st.tandai(fmt.angka(v, lang, desimal), status)


WARNA_GEMA = "#bdbdbd"  # grey: a value that only echoes an allocation rule (not compared)


def figure(df: pd.DataFrame, judul: str, desimal: int, lang: str, terpilih: tuple[int, ...] = (),
           geojson: dict | None = None, gema_teks: str = "") -> go.Figure:
    """Choropleth of ``df`` (kode_bps, nama, nilai, status, artefak): tiles, or real boundaries if given.

    The colour scale starts at zero, so a small spread stays a small difference in colour; units whose
    value only echoes an allocation rule (``artefak``) are grey and left out of the scale.
    """
    tiles = geojson is None
    gj = tile_geojson() if tiles else geojson
    gema = df["artefak"].tolist() if "artefak" in df else [False] * len(df)
    nama = [html.escape(str(n)) for n in df["nama"]]  # plotly reads <a>, <b> in text: names are text
    text = [f"{n}: {fmt.angka(v, lang, desimal)} ({st.kata(s, lang)})" + (f"<br>{gema_teks}" if g else "")
            for n, v, s, g in zip(nama, df["nilai"], df["status"], gema)]
    z = [None if g else v for v, g in zip(df["nilai"].tolist(), gema)]
    puncak = max([v for v in z if v is not None and v == v] or [1])
    selected = [k in terpilih for k in df["kode_bps"]] if terpilih else [True] * len(df)
    fig = go.Figure(go.Choropleth(  # the grey echo units under the coloured ones
        geojson=gj, locations=[str(k) for k in df["kode_bps"]], z=[0] * len(df), featureidkey="id",
        colorscale=[[0, WARNA_GEMA], [1, WARNA_GEMA]], showscale=False, marker_line_color="white",
        customdata=text, hovertemplate="%{customdata}<extra></extra>"))
    fig.add_trace(go.Choropleth(
        geojson=gj, locations=[str(k) for k in df["kode_bps"]], z=z, zmin=0, zmax=puncak,
        featureidkey="id", colorscale=SKALA_WARNA, marker_line_color="white",
        marker_line_width=[3 if s and terpilih else 1 for s in selected],
        marker_opacity=1.0, colorbar=dict(title=dict(text=judul, side="right"), thickness=18),
        customdata=text, hovertemplate="%{customdata}<extra></extra>",
    ))
    if terpilih:  # outline the filter's units in black on top
        sel = df[df["kode_bps"].isin(terpilih)]
        fig.add_trace(go.Choropleth(
            geojson=gj, locations=[str(k) for k in sel["kode_bps"]], z=[0] * len(sel), featureidkey="id",
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
            marker_line_color="black", marker_line_width=3, hoverinfo="skip"))
    if tiles:
        xs, ys = zip(*(tile_center(k) for k in df["kode_bps"]))
        names = [SINGKATAN.get(k, n) for k, n in zip(df["kode_bps"], nama)]
        labels = [f"<b>{n}</b><br>{_label(v, s, desimal, lang)}"
                  for n, v, s in zip(names, df["nilai"], df["status"])]
        # the bright (yellow) end of Viridis and the grey echo tiles want dark text
        terang = [g or (v == v and v / puncak > 0.6) for v, g in zip(df["nilai"], gema)]
        fig.add_trace(go.Scattergeo(lon=xs, lat=ys, text=labels, mode="text", hoverinfo="skip",
                                    textfont=dict(size=14, color=["black" if b else "white" for b in terang])))
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator",
                    resolution=110, bgcolor="rgba(0,0,0,0)")
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), height=620, separators=fmt.plotly_separators(lang),
                      dragmode=False, clickmode="event+select", showlegend=False)
    return fig
