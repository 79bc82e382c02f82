"""Floor app: replays a captured page (env PILAR_FLOOR = snapshot JSON) with the same sidebar.

No database, no query, no pandas logic: the lowest a page showing these figures can cost.
"""
import json
import os
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st


def _prepare(items: list[dict]) -> None:
    """Once per process: figures as plotly objects, tables as frames (what a page would hold)."""
    for it in items:
        for sub in it.get("cols", []):
            _prepare(sub)
        _prepare(it.get("body", []))
        if it["t"] == "plotly":
            it["fig"], it["cfg"] = go.Figure(json.loads(it["spec"])), json.loads(it["config"] or "{}")
        elif it["t"] == "dataframe":
            it["df"] = pd.DataFrame(it["data"]["data"], columns=it["data"]["columns"])


@st.cache_resource
def load(path: str) -> dict:
    with open(path) as f:
        snap = json.load(f)
    for items in snap.values():
        _prepare(items)
    return snap


def show(items: list[dict], at: str = "") -> None:
    for i, it in enumerate(items):
        k = f"{at}.{i}"
        t = it["t"]
        if t == "columns":
            for j, (col, body) in enumerate(zip(st.columns(it["weights"]), it["cols"])):
                with col:
                    show(body, f"{k}.{j}")
        elif t == "tabs":
            for j, (tab, body) in enumerate(zip(st.tabs(it["labels"]), it["cols"])):
                with tab:
                    show(body, f"{k}.{j}")
        elif t == "number_input":
            st.number_input(it["label"], value=it["v"], key="w" + k)
        elif t == "slider":
            st.slider(it["label"], min_value=it["min"], max_value=it["max"], value=it["v"], key="w" + k)
        elif t == "text_input":
            st.text_input(it["label"], value=it["v"], key="w" + k)
        elif t == "expander":
            with st.expander(it["label"]):
                show(it["body"], k)
        elif t in ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error", "success"):
            getattr(st, t)(it["v"])
        elif t == "metric":
            st.metric(it["label"], it["v"])
        elif t == "plotly":
            kw = {"on_select": "rerun", "selection_mode": it["select"]} if it["select"] else {}
            st.plotly_chart(it["fig"], config=it["cfg"], key="c" + k, **kw)
        elif t == "dataframe":
            st.dataframe(it["df"], hide_index=True)
        elif t in ("selectbox", "radio"):
            getattr(st, t)(it["label"], it["options"], index=it["index"], key="w" + k)
        elif t == "download":
            st.download_button(it["label"], "kode,nilai\n", file_name="floor.csv", key="d" + k)
        elif t == "text":
            st.text(it["v"])
        elif t == "button":
            st.button(it["label"], key="b" + k)
        elif t == "page_link":
            st.page_link("http://127.0.0.1/", label=it["label"])


@st.cache_resource
def css() -> str:
    """The app's static style block (read from pilar/ui.py's source: the floor imports no project code)."""
    with open(os.path.join(os.path.dirname(__file__), "..", "pilar", "ui.py")) as f:
        found = re.search(r'_CSS_LAYAR = """(.*?)"""', f.read(), re.S)
    return found.group(1) if found else ""


# The app's sidebar menu, as links (the floor has no pages of its own): the same elements, no page lookup.
MENU = [("Ringkasan", ":material/dashboard:"), ("Peta", ":material/map:"), ("Profil", ":material/id_card:"),
        ("Rasio", ":material/bar_chart:"), ("Proyeksi", ":material/trending_down:"),
        ("Sumber", ":material/menu_book:"), ("Presentasi", ":material/slideshow:")]

st.set_page_config(page_title="Pilar Kalsel (floor)", layout="wide")
if css():
    st.html(css())
snap = load(os.environ["PILAR_FLOOR"])
kab = st.query_params.get("kab", "")
sel = [int(k) for k in kab.split(",") if k]
if "_tanpa_sisi" not in snap:  # bench/floor.py TANPA_SISI: the app page draws no sidebar (the slides)
    with st.sidebar:
        for label, icon in MENU:
            st.page_link(f"http://127.0.0.1/{label}", label=label, icon=icon)
        st.divider()
        st.radio("Bahasa", ["id", "en"], horizontal=True)
        sel = st.multiselect("Kabupaten/kota", [6301, 6302, 6303, 6304, 6305, 6306, 6307, 6308, 6309, 6310, 6311,
                                               6371, 6372], default=sel, key="_kab")
        # the app's period choice and its "data updated" line, fixed here (the app reads them from the data)
        st.selectbox("Periode data (pilar dan KPM)", ["Terbaru", "triwulan 3 2025", "triwulan 4 2023"],
                     key="_kuartal")
        st.caption("Data diperbarui: 30 November 2026 01.00 UTC")
key = ",".join(map(str, sorted(sel)))
show(snap.get(key, snap[""]))
