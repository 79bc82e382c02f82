"""The Streamlit layer: shared sidebar, cached data access, status markers.

The only module of the package that imports Streamlit. Pages call
``halaman()`` first; it draws the sidebar and returns the user's choices.
"""
from __future__ import annotations

import json
import os
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
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
    """Path and mtime of the database, (re)building it first if the sources changed."""
    path = build.ensure_built()
    return str(path), path.stat().st_mtime_ns


class _Proses:
    """What every session of this server process shares: the read-only connection to the
    current database file and everything computed from it (views, measures, charts, tables).

    A plain dict behind a lock: a lookup costs microseconds, where st.cache_resource costs a
    fraction of a millisecond, and pages make dozens per run. When the file is replaced
    (rebuild, boundary install) the connection is reopened and everything is dropped.
    """

    MAKS = 4096  # entries kept (least recently used go first): selections are many

    def __init__(self):
        self._lock = threading.Lock()
        self.version: tuple[str, int] | None = None
        self.con: duckdb.DuckDBPyConnection | None = None
        self.data: OrderedDict = OrderedDict()

    def pakai(self, version: tuple[str, int]) -> None:
        """Follow the database file; called once per page run."""
        with self._lock:
            if version == self.version:
                return
            if self.con is not None:
                # DuckDB hands back the already-open (replaced) file for a path while a connection is open.
                self.con.close()
            self.con, self.version = db.connect(version[0]), version
            self.data.clear()

    def connection(self) -> duckdb.DuckDBPyConnection:
        if self.version is None:
            self.pakai(_check_version())
        return self.con

    def get(self, key: tuple, buat):
        if self.version is None:
            self.pakai(_check_version())
        with self._lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
            version = self.version
        value = buat()  # outside the lock: it may look up other entries
        with self._lock:
            if version == self.version:  # not computed from a file replaced meanwhile
                self.data[key] = value
                if len(self.data) > self.MAKS:
                    self.data.popitem(last=False)
        return value


_PROSES = _Proses()


def koneksi() -> duckdb.DuckDBPyConnection:
    """The process's read-only connection; take a cursor per query (db.run does)."""
    return _PROSES.connection()


def memo(key: tuple, buat):
    """A value built by ``buat()`` once per database file and ``key``, shared by all sessions.

    ``key`` must name everything the value depends on (measure, selection, settings, language);
    the value is shared, so it must not be modified.
    """
    return _PROSES.get(key, buat)


def indikator(kode: list[int] | tuple[int, ...] | None = None) -> Indikator:
    """The figures of the selected units (all if empty); read-only."""
    semua = memo(("indikator",), lambda: Indikator.load(koneksi()))
    kode = tuple(sorted(kode or ()))
    return memo(("indikator", kode), lambda: semua.pick(list(kode))) if kode else semua


def per_wilayah(kode_ukuran: str):
    """A measure for each of the 13 units (pilar.ukuran); read-only."""
    return memo(("per_wilayah", kode_ukuran), lambda: ukuran.per_wilayah(indikator(), kode_ukuran))


def gabungan(kode_ukuran: str, kode: list[int] | tuple[int, ...] = ()) -> dict:
    """A measure for a selection (ratio of sums); read-only."""
    kode = tuple(sorted(kode))
    return memo(("gabungan", kode_ukuran, kode), lambda: ukuran.gabungan(indikator(), kode_ukuran, list(kode)))


def kueri(name: str, kode: list[int] | tuple[int, ...] = ()):
    """Run a named query (its ``kode`` parameter, if any); a copy the caller may change."""
    def run():
        params = {"kode": list(kode)} if any(p.nama == "kode" for p in db.get_query(name).params) else {}
        return db.run(koneksi(), name, **params)
    return memo(("kueri", name, tuple(kode)), run).copy()


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
    _PROSES.pakai(_check_version())  # once per run: a rebuilt or swapped-in database is noticed here
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


def _sumber_teks() -> dict[str, str]:
    out = {}
    for r in kueri("sumber").itertuples():
        media = f", {r.media}" if isinstance(r.media, str) and r.media else ""
        out[r.sumber_id] = f"{r.sumber_id}: {r.penerbit}{media}, {r.tanggal}. {r.judul}"
    return out


def sumber_teks(ids) -> list[str]:
    """'ID: Publisher, outlet, date. Title' for each source id, for captions and CSV headers."""
    teks = memo(("sumber_teks",), _sumber_teks)
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


def figur(key: tuple, buat):
    """A plotly figure built once per ``key`` (see ``memo``) and shared by all sessions.

    Kept as the figure rebuilt from its own JSON: plain lists instead of numpy and pandas
    objects make st.plotly_chart ~5x cheaper on every run that shows it.
    """
    return memo(("figur",) + key, lambda: go.Figure(json.loads(buat().to_json())))


def plot(fig, **kwargs):
    """Every chart through one place: offline config (no plotly CDN, no logo)."""
    return st.plotly_chart(fig, config=peta.PLOTLY_CONFIG, width="stretch", **kwargs)


def batas_terpasang():
    """(GeoJSON, metadata) of installed boundaries, or None when none are installed."""
    def load():
        from . import batas  # imported here: geometry libraries load only when a map needs them
        return batas.load(koneksi())
    return memo(("batas",), load)


def atribusi_batas(meta: dict, lang: str) -> str:
    """The attribution line under a geographic map; says so when none was recorded."""
    text = meta.get("attribution") or t("atribusi_kosong", lang).format(
        sumber=meta.get("source") or meta.get("input_name") or "-")
    licence = f" ({meta['licence']})" if meta.get("licence") and meta["licence"] not in text else ""
    return f"{t('atribusi', lang)}: {text}{licence}"


def tentang(key: tuple, buat_baris, lang: str) -> None:
    """The 'Tentang angka ini' place: definition, period, status and source of each figure.

    ``buat_baris()`` gives the rows (see ``baris_tentang``); built once per ``key`` (see ``memo``).
    """
    df = memo(("tentang",) + key + (lang,), lambda: pd.DataFrame(buat_baris()))
    with st.expander(t("tentang_angka", lang)):
        st.dataframe(df, hide_index=True, width="stretch")
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
