"""Tiny app: a plotly geo choropleth of the 13 units, clickable, offline.

?ring=ccw draws the rings as stored (RFC 7946, counter-clockwise): the trap the map
tests must catch. Boundaries: ../shared/geo (test data only).
"""
import json
from pathlib import Path

import plotly.graph_objects as go
import shapely.geometry as sg
import streamlit as st
from shapely.geometry.polygon import orient

GEO = Path(__file__).resolve().parents[4] / "shared" / "geo" / "kalsel_kabkota.geojson"

gj = json.loads(GEO.read_text())
for f in gj["features"]:
    f["id"] = str(f["properties"]["kode_bps"])
    if st.query_params.get("ring") != "ccw":  # plotly's geo trace wants clockwise outer rings
        g = sg.shape(f["geometry"])
        g = sg.MultiPolygon([orient(p, sign=-1.0) for p in g.geoms])
        f["geometry"] = sg.mapping(g)
ids = [f["id"] for f in gj["features"]]
fig = go.Figure(go.Choropleth(geojson=gj, locations=ids, z=list(range(len(ids))), featureidkey="id"))
fig.update_geos(visible=False, fitbounds="locations")
fig.update_layout(height=500, margin=dict(l=0, r=0, t=0, b=0), clickmode="event+select", dragmode=False)
ev = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="peta",
                     config={"topojsonURL": "app/static/", "scrollZoom": False})
st.write("terpilih: " + ",".join(str(p["location"]) for p in ev["selection"]["points"]))
