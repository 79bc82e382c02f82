"""The Streamlit layer: shared sidebar, cached data access, status markers.

The only module of the package that imports Streamlit. Pages call
``halaman()`` first; it draws the sidebar and returns the user's choices.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import streamlit as st

from . import build, db
from . import format as fmt
from .data import Indikator
from .teks import t

STATUS_BADGE = {  # marker shown next to a figure; words, not colour alone
    "estimasi": ("estimasi", "orange"),
    "berita": ("berita", "blue"),
    "resmi": ("resmi", "green"),
}


@dataclass(frozen=True)
class Pilihan:
    """What the user chose in the sidebar: units (empty = whole province) and language."""

    kode: tuple[int, ...]
    lang: str

    @property
    def kode_list(self) -> list[int]:
        return list(self.kode)


def _db_version() -> tuple[str, int]:
    """Path and mtime of the database: a rebuilt (swapped-in) file gets new cache entries."""
    path = build.ensure_built()
    return str(path), path.stat().st_mtime_ns


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(version: tuple[str, int]) -> duckdb.DuckDBPyConnection:
    # One read-only connection per database version and process; a cursor per query.
    return db.connect(version[0])


def koneksi() -> duckdb.DuckDBPyConnection:
    return _connection(_db_version())


@st.cache_resource(show_spinner=False)
def _indikator(version: tuple[str, int]) -> Indikator:
    # Shared by every session: the figures of all 13 units are tiny and read-only.
    return Indikator.load(_connection(version))


def indikator(kode: list[int] | None = None) -> Indikator:
    return _indikator(_db_version()).pick(kode)


@st.cache_resource(show_spinner=False)
def _query(version: tuple[str, int], name: str, kode: tuple[int, ...]):
    params = {"kode": list(kode)} if any(p.nama == "kode" for p in db.get_query(name).params) else {}
    return db.run(_connection(version), name, **params)


def kueri(name: str, kode: list[int] | tuple[int, ...] = ()):
    """Run a named query (its ``kode`` parameter, if any); cached across sessions per database version."""
    return _query(_db_version(), name, tuple(kode)).copy()


def _wilayah() -> dict[int, str]:
    ind = indikator()
    return {int(k): v for k, v in ind.nama.items()}


def _parse_kab(text: str, known: dict[int, str]) -> tuple[list[int], list[str]]:
    kode, unknown = [], []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if part.isdigit() and int(part) in known:
            if int(part) not in kode:
                kode.append(int(part))
        else:
            unknown.append(part)
    return sorted(kode), unknown


def _copy_widget(src: str, dst: str) -> None:
    st.session_state[dst] = st.session_state[src]


def halaman(judul_key: str) -> Pilihan:
    """Page setup and shared sidebar. Call first on every page."""
    st.set_page_config(page_title="Pilar Kalsel", layout="wide", initial_sidebar_state="expanded")
    known = _wilayah()
    ss = st.session_state
    if "kab" not in ss:  # first run of this session: take the filter from the URL
        kode, unknown = _parse_kab(st.query_params.get("kab", ""), known)
        ss["kab"] = kode
        ss["kab_tak_dikenal"] = unknown
        ss["lang"] = "en" if st.query_params.get("lang") == "en" else "id"
    lang = ss["lang"]

    with st.sidebar:
        ss["_lang"] = ss["lang"]
        st.radio(t("bahasa", lang), ["id", "en"], key="_lang", horizontal=True,
                 format_func=lambda x: {"id": "Bahasa Indonesia", "en": "English"}[x],
                 on_change=_copy_widget, args=("_lang", "lang"))
        ss["_kab"] = list(ss["kab"])
        st.multiselect(t("filter_wilayah", lang), list(known), key="_kab",
                       format_func=lambda k: known[k], placeholder=t("semua_wilayah", lang),
                       on_change=_copy_widget, args=("_kab", "kab"))
        st.caption(t("filter_bantuan", lang))
    if ss.get("kab_tak_dikenal"):
        st.warning(t("kode_tak_dikenal", lang).format(kode=", ".join(ss["kab_tak_dikenal"])))

    # The URL mirrors the state on every run, so a copied link reopens this view.
    kab = ",".join(map(str, sorted(ss["kab"])))
    if kab:
        st.query_params["kab"] = kab
    elif "kab" in st.query_params:
        del st.query_params["kab"]
    if ss["lang"] == "en":
        st.query_params["lang"] = "en"
    elif "lang" in st.query_params:
        del st.query_params["lang"]

    st.title(t(judul_key, ss["lang"]))
    return Pilihan(tuple(sorted(ss["kab"])), ss["lang"])


def set_kab(kode: list[int]) -> None:
    """Change the global filter from a page (e.g. a map click); takes effect on rerun."""
    st.session_state["kab"] = sorted(set(int(k) for k in kode))


def nama_pilihan(p: Pilihan) -> str:
    if not p.kode:
        return t("seluruh_provinsi", p.lang)
    known = _wilayah()
    return ", ".join(known[k] for k in p.kode)


def badge(status: str | None, lang: str) -> str:
    """Markdown badge for a figure's status (empty for official figures)."""
    if status not in ("estimasi", "berita"):
        return ""
    word, colour = STATUS_BADGE[status]
    return f":{colour}-badge[{t('status_' + word, lang)}]"


def banner_estimasi(statuses, lang: str) -> None:
    """A clear notice when figures on the page are estimates or from the press."""
    statuses = set(s for s in statuses if s)
    if "estimasi" in statuses:
        st.warning(t("banner_estimasi", lang), icon="⚠️")
    if "berita" in statuses:
        st.info(t("banner_berita", lang), icon="📰")


def periode_teks(periode: list[str], lang: str) -> str:
    return ", ".join(fmt.periode(p, lang) for p in periode)
