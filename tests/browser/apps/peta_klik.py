"""Tiny app: a plotly geo choropleth of the 13 units, clickable, offline.

?ring=ccw draws the outer rings counter-clockwise (as RFC 7946 stores them): the trap the map
tests must catch. Boundaries: the synthetic 13 units of tests/geo_fixtures.py.
"""
import json
import sys
from pathlib import Path

import plotly.graph_objects as go
import shapely.geometry as sg
import streamlit as st
from shapely.geometry.polygon import orient

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for geo_fixtures
import geo_fixtures  # noqa: E402


@st.cache_resource
def kalsel() -> str:
    return geo_fixtures.kalsel(rapi=True).to_json()


gj = json.loads(kalsel())
for f in gj["features"]:
    f["id"] = str(f["properties"]["kode_bps"])
    # plotly's geo trace wants clockwise outer rings; ?ring=ccw draws them RFC 7946 style
    sign = 1.0 if st.query_params.get("ring") == "ccw" else -1.0
    g = sg.shape(f["geometry"])
    parts = g.geoms if hasattr(g, "geoms") else [g]
    f["geometry"] = sg.mapping(sg.MultiPolygon([orient(p, sign=sign) for p in parts]))
ids = [f["id"] for f in gj["features"]]
fig = go.Figure(go.Choropleth(geojson=gj, locations=ids, z=list(range(len(ids))), featureidkey="id"))
fig.update_geos(visible=False, fitbounds="locations")
fig.update_layout(height=500, margin=dict(l=0, r=0, t=0, b=0), clickmode="event+select", dragmode=False)
ev = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="peta",
                     config={"topojsonURL": "app/static/", "scrollZoom": False})
st.write("terpilih: " + ",".join(str(p["location"]) for p in ev["selection"]["points"]))
