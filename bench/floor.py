"""The floor: what a page shows, captured once, replayed by bench/floor_app.py with no query or computation.

``capture`` runs a page in AppTest with a given filter and records its elements in
order (text, metrics, plotly specs, tables, columns, expanders) as plain JSON.
"""
from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
TEXT = {"title", "header", "subheader", "markdown", "caption", "warning", "info", "error", "success"}


def _walk(node) -> list[dict]:
    out = []
    for child in node.children.values():
        kind = getattr(child, "type", None)
        name = type(child).__name__
        if kind == "flex_container" and child.children and all(
                type(c).__name__ == "Column" for c in child.children.values()):
            out.append({"t": "columns", "weights": [c.weight or 1 for c in child.children.values()],
                        "cols": [_walk(c) for c in child.children.values()]})
        elif getattr(child, "children", None) and all(type(c).__name__ == "Tab" for c in child.children.values()):
            out.append({"t": "tabs", "labels": [c.label for c in child.children.values()],
                        "cols": [_walk(c) for c in child.children.values()]})
        elif name == "Expander":
            out.append({"t": "expander", "label": child.label, "body": _walk(child)})
        elif hasattr(child, "children") and not hasattr(child, "value") and name != "UnknownElement":
            out.extend(_walk(child))  # other blocks: keep their content in place
        elif kind in TEXT:
            out.append({"t": kind, "v": child.value})
        elif kind == "metric":
            out.append({"t": "metric", "label": child.label, "v": child.value})
        elif kind == "plotly_chart":
            p = child.proto
            out.append({"t": "plotly", "spec": p.spec, "config": p.config,
                        "select": [type(p).SelectionMode.Name(m).lower() for m in p.selection_mode]})
        elif kind == "dataframe":
            df = child.value
            out.append({"t": "dataframe", "data": json.loads(df.to_json(orient="split", index=False))})
        elif kind in ("selectbox", "radio"):
            out.append({"t": kind, "label": child.label, "options": list(child.options),
                        "index": child.index if child.index is not None else 0})
        elif kind in ("number_input", "slider") and not isinstance(child.value, (list, tuple)):
            v = child.value
            num = int if isinstance(v, int) else float  # the proto stores bounds as doubles
            out.append({"t": kind, "label": child.label, "v": v,
                        "min": None if child.min is None else num(child.min),
                        "max": None if child.max is None else num(child.max)})
        elif kind == "text_input":
            out.append({"t": kind, "label": child.label, "v": child.value or ""})
        elif kind == "download_button":
            out.append({"t": "download", "label": child.proto.label})
        elif kind == "text":
            out.append({"t": "text", "v": child.value})
        elif kind in ("button", "page_link"):
            out.append({"t": kind, "label": child.proto.label})
    return out


TANPA_SISI = "_tanpa_sisi"  # snapshot key present when the page draws no sidebar (the slides)


def _jalankan(page: str, kode: list[int], lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["kab"] = ",".join(map(str, kode))
    if lang == "en":
        at.query_params["lang"] = "en"
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    if at.exception:
        raise RuntimeError(f"{page or 'dashboard.py'}: {at.exception[0].value}")
    return at


def ganti_filter(at: AppTest, kode) -> None:
    """Change the units the way a user does: the sidebar filter, or on the slides (no sidebar) the
    app's filter state and, for the floor, the URL."""
    if at.sidebar.multiselect:
        at.sidebar.multiselect[0].set_value(kode)
    else:
        at.session_state["kab"] = list(kode)
        at.query_params["kab"] = ",".join(map(str, kode))


def capture(page: str, kode: list[int], lang: str = "id") -> list[dict]:
    """Elements of ``page`` (a path relative to the repo; '' = home) for the filter ``kode``."""
    return _walk(_jalankan(page, kode, lang).main)


def snapshot(page: str, filters: list[list[int]], path: Path) -> Path:
    """One JSON file with the page's elements for each filter, keyed '6371,6372' ('' = all), and
    ``TANPA_SISI`` when the page draws no sidebar, so the floor leaves it out too."""
    data = {",".join(map(str, k)): capture(page, k) for k in filters}
    if not _jalankan(page, filters[0]).sidebar.children:
        data[TANPA_SISI] = []
    path.write_text(json.dumps(data))
    return path
