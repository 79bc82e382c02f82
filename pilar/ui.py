"""The Streamlit layer: shared sidebar, cached data access, status markers.

The only module of the package that imports Streamlit. Pages call
``halaman()`` first; it draws the sidebar and returns the user's choices.
"""
from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import streamlit as st

from . import build, db, ekspor, peta, ukuran
from . import format as fmt
from .data import Indikator
from .teks import t

STATUS_BADGE = {  # marker shown next to a figure; words, not colour alone
    "estimasi": ("estimasi", "orange"),
    "berita": ("berita", "blue"),
    "resmi": ("resmi", "green"),
}


HALAMAN = [  # (page file, menu text key, icon)
    ("dashboard.py", "menu_ringkasan", ":material/dashboard:"),
    ("pages/1_Peta.py", "menu_peta", ":material/map:"),
    ("pages/2_Rasio.py", "menu_rasio", ":material/bar_chart:"),
    ("pages/4_Proyeksi.py", "menu_proyeksi", ":material/trending_down:"),
    ("pages/5_Sumber.py", "menu_sumber", ":material/menu_book:"),
]


@dataclass(frozen=True)
class Pilihan:
    """What the user chose in the sidebar: units (empty = whole province) and language."""

    kode: tuple[int, ...]
    lang: str

    @property
    def kode_list(self) -> list[int]:
        return list(self.kode)


def _check_version() -> tuple[str, int]:
    path = build.ensure_built()
    return str(path), path.stat().st_mtime_ns


def _db_version() -> tuple[str, int]:
    """Path and mtime of the database: a rebuilt (swapped-in) file gets new cache entries.

    Checked once per page run (in ``halaman``); the many calls within a run reuse it.
    """
    return st.session_state.get("_db_version") or _check_version()


_con_lock = threading.Lock()
_con: dict = {}  # the one open connection of this process and the version it reads


def _connection(version: tuple[str, int]) -> duckdb.DuckDBPyConnection:
    """One read-only connection per process for the current database version; a cursor per query.

    The superseded connection is closed first: while it is open, DuckDB would hand
    back the old (replaced) file for the same path.
    """
    with _con_lock:
        if _con.get("version") != version:
            if _con.get("con") is not None:
                _con["con"].close()
            _con["con"], _con["version"] = db.connect(version[0]), version
        return _con["con"]


def koneksi() -> duckdb.DuckDBPyConnection:
    return _connection(_db_version())


@st.cache_resource(show_spinner=False)
def _indikator(version: tuple[str, int]) -> Indikator:
    # Shared by every session: the figures of all 13 units are tiny and read-only.
    return Indikator.load(_connection(version))


@st.cache_resource(show_spinner=False, max_entries=256)
def _pilih(version: tuple[str, int], kode: tuple[int, ...]) -> Indikator:
    return _indikator(version).pick(list(kode))


def indikator(kode: list[int] | tuple[int, ...] | None = None) -> Indikator:
    """The figures of the selected units (all if empty), shared by every session; read-only."""
    return _pilih(_db_version(), tuple(sorted(kode or ())))


@st.cache_resource(show_spinner=False, max_entries=64)
def _per_wilayah(version: tuple[str, int], kode_ukuran: str):
    return ukuran.per_wilayah(_indikator(version), kode_ukuran)


def per_wilayah(kode_ukuran: str):
    """A measure for each of the 13 units (pilar.ukuran), computed once per database version; read-only."""
    return _per_wilayah(_db_version(), kode_ukuran)


@st.cache_resource(show_spinner=False, max_entries=2048)
def _gabungan(version: tuple[str, int], kode_ukuran: str, kode: tuple[int, ...]) -> dict:
    return ukuran.gabungan(_indikator(version), kode_ukuran, list(kode))


def gabungan(kode_ukuran: str, kode: list[int] | tuple[int, ...] = ()) -> dict:
    """A measure for a selection (ratio of sums), computed once per database version and selection."""
    return _gabungan(_db_version(), kode_ukuran, tuple(sorted(kode)))


@st.cache_resource(show_spinner=False)
def _query(version: tuple[str, int], name: str, kode: tuple[int, ...]):
    params = {"kode": list(kode)} if any(p.nama == "kode" for p in db.get_query(name).params) else {}
    return db.run(_connection(version), name, **params)


def kueri(name: str, kode: list[int] | tuple[int, ...] = ()):
    """Run a named query (its ``kode`` parameter, if any); cached across sessions per database version."""
    return _query(_db_version(), name, tuple(kode)).copy()


def _wilayah() -> dict[int, str]:
    return {int(k): v for k, v in indikator().nama_lengkap.items()}


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
    ss = st.session_state
    ss["_db_version"] = _check_version()  # once per run: a swapped-in database is noticed here
    known = _wilayah()
    if "kab" not in ss:  # first run of this session: take the filter from the URL
        kode, unknown = _parse_kab(st.query_params.get("kab", ""), known)
        ss["kab"] = kode
        ss["kab_tak_dikenal"] = unknown
        ss["lang"] = "en" if st.query_params.get("lang") == "en" else "id"
    lang = ss["lang"]

    with st.sidebar:
        # Our own navigation (the built-in one cannot be translated or renamed).
        for path, key, icon in HALAMAN:
            st.page_link(path, label=t(key, lang), icon=icon)
        st.divider()
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
    nama = indikator().nama_lengkap
    return ", ".join(nama[k] for k in p.kode)


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
        st.warning(t("banner_estimasi", lang), icon=":material/warning:")
    if "berita" in statuses:
        st.info(t("banner_berita", lang), icon=":material/newspaper:")


def periode_teks(periode: list[str], lang: str) -> str:
    return ", ".join(fmt.periode(p, lang) for p in periode)


@st.cache_resource(show_spinner=False, max_entries=4)
def _sumber_teks(version: tuple[str, int]) -> dict[str, str]:
    out = {}
    for r in _query(version, "sumber", ()).itertuples():
        media = f", {r.media}" if isinstance(r.media, str) and r.media else ""
        out[r.sumber_id] = f"{r.sumber_id}: {r.penerbit}{media}, {r.tanggal}. {r.judul}"
    return out


def sumber_teks(ids) -> list[str]:
    """'ID: Publisher, outlet, date. Title' for each source id, for captions and CSV headers."""
    teks = _sumber_teks(_db_version())
    return [teks[i] for i in ids if i in teks]


def tabel(df, *, judul: str, p: Pilihan, periode: str, sumber: list[str], nama_berkas: str,
          **dataframe_kwargs) -> None:
    """A table with a CSV download carrying title, period, filter and sources as header lines."""
    st.dataframe(df, hide_index=True, width="stretch", **dataframe_kwargs)
    wilayah, teks_sumber = nama_pilihan(p), sumber_teks(sumber)

    def data() -> bytes:  # built only when clicked, on another thread: no Streamlit calls in here
        return ekspor.csv_bytes(df, judul=judul, periode=periode, wilayah=wilayah, sumber=teks_sumber,
                                lang=p.lang)

    st.download_button(t("unduh_csv", p.lang), data, file_name=f"{nama_berkas}.csv", mime="text/csv",
                       key=f"unduh_{nama_berkas}", icon=":material/download:", on_click="ignore")


@st.cache_resource(show_spinner=False, max_entries=2048)
def _memo(version: tuple[str, int], key: tuple, _buat):
    return _buat()


def memo(key: tuple, buat):
    """A chart or table built by ``buat()`` once per database version and ``key``, shared by all sessions.

    ``key`` must name everything the result shows (measure, selection, settings, language);
    the result is shared, so it must not be modified.
    """
    return _memo(_db_version(), key, buat)


def plot(fig, **kwargs):
    """Every chart through one place: offline config (no plotly CDN, no logo)."""
    return st.plotly_chart(fig, config=peta.PLOTLY_CONFIG, width="stretch", **kwargs)


@st.cache_resource(show_spinner=False)
def _batas(version: tuple[str, int]):
    from . import batas  # imported here: geometry libraries load only when a map needs them
    return batas.load(_connection(version))


def batas_terpasang():
    """(GeoJSON, metadata) of installed boundaries, or None when none are installed."""
    return _batas(_db_version())


def atribusi_batas(meta: dict, lang: str) -> str:
    """The attribution line under a geographic map; says so when none was recorded."""
    text = meta.get("attribution") or t("atribusi_kosong", lang).format(
        sumber=meta.get("source") or meta.get("input_name") or "-")
    licence = f" ({meta['licence']})" if meta.get("licence") and meta["licence"] not in text else ""
    return f"{t('atribusi', lang)}: {text}{licence}"


def tentang(rows: list[dict], lang: str) -> None:
    """The 'Tentang angka ini' place: definition, period, status and source of each figure."""
    with st.expander(t("tentang_angka", lang)):
        st.dataframe(rows, hide_index=True, width="stretch")
        st.markdown(t("keterangan_status", lang))


def baris_tentang(label: str, definisi: str, info: dict, lang: str) -> dict:
    """One row for ``tentang`` from Indikator.info() of a figure."""
    return {t("kolom_angka", lang): label, t("kolom_definisi", lang): definisi,
            t("kolom_periode", lang): periode_teks(info["periode"], lang),
            t("kolom_status", lang): t("status_" + info["status"], lang) if info["status"] else "-",
            t("kolom_sumber", lang): " | ".join(sumber_teks(info["sumber"])),
            t("kolom_catatan", lang): "; ".join(info["catatan"])}


def admin() -> bool:
    """Admin tools (installing boundaries) show when the server runs with PILAR_ADMIN=1."""
    return os.environ.get("PILAR_ADMIN") == "1"


def form_batas(lang: str) -> None:
    """Upload a boundary file (or fetch the open set) and install it, as `python -m pilar boundaries` does."""
    from . import batas

    with st.form("pasang_batas"):
        berkas = st.file_uploader(t("admin_berkas", lang), type=["geojson", "json", "zip", "gpkg"])
        sumber = st.text_input(t("admin_sumber", lang))
        lisensi = st.text_input(t("admin_lisensi", lang))
        atribusi = st.text_input(t("admin_atribusi", lang))
        pasang = st.form_submit_button(t("admin_pasang", lang))
    unduh = st.button(t("admin_unduh", lang))
    if not (pasang and berkas) and not unduh:
        return
    try:
        with st.spinner(t("admin_proses", lang)):
            if unduh:
                laporan = batas.download()
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / Path(berkas.name).name
                    path.write_bytes(berkas.getvalue())
                    laporan = batas.install(path, source=sumber or None, licence=lisensi or None,
                                            attribution=atribusi or None)
    except batas.BatasError as e:
        st.error(e.pesan)
        return
    st.success(t("admin_berhasil", lang))
    st.code(laporan.ringkasan(), language=None)
