"""The Streamlit layer: shared sidebar, URL state, status markers, tables, charts, admin.

The only module of the package that imports Streamlit. Pages call ``halaman()`` first;
it follows the database file, draws the sidebar and returns the user's choices. What a
page shows comes from ``pilar.tampilan`` (cached, keyed by its arguments).
"""
from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from . import build, ekspor, ekspor_xlsx, peta, sumber, tampilan, ukuran, wilayah
from . import ui_admin as adm
from . import ui_ponsel
from . import status as status_mod
from .simpanan import SIMPANAN
from . import format as fmt
from .format import teks_aman
from .teks import polos, t

WARNA_STATUS = {status_mod.ESTIMASI: "orange", status_mod.BERITA: "blue"}  # badge colours; the word carries the meaning

HALAMAN = [  # (page file, menu text key, icon)
    ("dashboard.py", "menu_ringkasan", ":material/dashboard:"),
    ("pages/1_Peta.py", "menu_peta", ":material/map:"),
    ("pages/3_Profil.py", "menu_profil", ":material/id_card:"),
    ("pages/2_Rasio.py", "menu_rasio", ":material/bar_chart:"),
    ("pages/4_Proyeksi.py", "menu_proyeksi", ":material/trending_down:"),
    ("pages/5_Sumber.py", "menu_sumber", ":material/menu_book:"),
    ("pages/7_Presentasi.py", "menu_presentasi", ":material/slideshow:"),
]
HALAMAN_ADMIN = [("pages/6_Impor.py", "menu_impor", ":material/upload_file:"),  # linked for admins only
                 ("pages/8_Dialog.py", "menu_dialog", ":material/forum:")]


@dataclass(frozen=True)
class Pilihan:
    """What the user chose in the sidebar: units (empty = whole province) and language."""

    kode: tuple[int, ...]
    lang: str
    kuartal: str | None = None  # the data quarter chosen; None = the latest

    @property
    def nama(self) -> str:
        return tampilan.nama_pilihan(self.kode, self.lang)


def _ikuti_basis_data(lang: str) -> None:
    """Follow the database file (rebuilt or swapped in since the last run: a new connection).

    With no usable database at all a reader gets one paragraph, never a traceback.
    """
    try:
        path = build.ensure_built()
        s = path.stat()
        SIMPANAN.ikuti(path, (str(path), s.st_ino, s.st_mtime_ns, s.st_size))
    except sumber.SumberError as e:
        st.error(t("tanpa_basis_data", lang) + " " + teks_aman(" ".join(e.pesan[:5])), icon=":material/error:")
        st.stop()
    except OSError as e:
        st.error(t("basis_data_sibuk", lang) + " " + teks_aman(str(e)), icon=":material/error:")
        st.stop()


# ---------------------------------------------------------------- state kept in the URL

def url(nama: str, nilai: str | None) -> None:
    """Mirror one piece of state to the URL, so a copied link reopens this view."""
    if nilai:
        if st.query_params.get(nama) != nilai:
            st.query_params[nama] = nilai
    elif nama in st.query_params:
        del st.query_params[nama]


def _salin(src: str, dst: str) -> None:
    st.session_state[dst] = st.session_state[src]


def ikat(fn, label: str, nama: str, **kw):
    """A widget whose value lives in session state ``nama``, so it survives page switches."""
    st.session_state["_" + nama] = st.session_state[nama]
    return fn(label, key="_" + nama, on_change=_salin, args=("_" + nama, nama), **kw)


# Static CSS for every page (never data): at projector and tablet widths, charts that stand side by side
# stack, and card labels and values wrap instead of being cut ("Pendamping P…").
_CSS_LAYAR = """<style>
@media (max-width: 1280px) {
  [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]) { flex-wrap: wrap; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]) > [data-testid="stColumn"] {
    flex: 1 1 100% !important; min-width: 100% !important; }
  [data-testid="stMainBlockContainer"] { padding-left: 1.5rem; padding-right: 1.5rem; }
}
@media (max-width: 1100px) {  /* a 1024 px projector: a narrower sidebar leaves the charts more room */
  [data-testid="stSidebar"][data-collapsed="false"] { width: 280px !important; min-width: 280px !important; }
}
[data-testid="stSidebar"] [data-tag] { height: auto !important; max-width: 100% !important; }
[data-testid="stSidebar"] [data-tag] > span { white-space: normal !important; max-width: none !important;
  overflow: visible !important; }  /* whole unit names, wrapped, not "Kota B…" */
[data-testid="stMetricLabel"] * { white-space: normal !important; overflow: visible !important; }
.st-key-pilar_ponsel, [class*="st-key-tren_sempit_"] { display: none !important; }
@media (max-width: 640px) {  /* a phone: headings small enough that "kabupaten/kota" is not broken mid-word */
  h1 { font-size: 1.75rem !important; } h2 { font-size: 1.45rem !important; } h3 { font-size: 1.2rem !important; }
  h1, h2, h3 { overflow-wrap: normal !important; word-break: normal !important; hyphens: manual; }
  [class*="st-key-tren_lebar_"] { display: none !important; }
  [class*="st-key-tren_sempit_"] { display: flex !important; }
}
[data-testid="stPageLink-NavLink"] span, [data-testid="stPageLink-NavLink"] p { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; }  /* "Buka profil Provinsi Kalimantan Selatan" */
[data-testid="stMetricValue"] * { overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricValue"] p { font-size: clamp(1.6rem, 2.6vw, 2.25rem) !important; }
</style>"""


def halaman(judul_key: str, presentasi: str | None = None) -> Pilihan:
    """Page setup and shared sidebar. Call first on every page. ``presentasi``: the slides' own static
    CSS; such a page draws no sidebar at all (the slides hide it, and its widgets would cost as much as
    a slide on every step). One style block per page: each ``st.html`` costs about 1 ms per run."""
    st.set_page_config(page_title="Pilar Kalsel", layout="wide",
                       initial_sidebar_state="collapsed" if presentasi else "auto")
    st.html(_CSS_LAYAR + (presentasi or ""))
    ss = st.session_state
    _ikuti_basis_data("en" if st.query_params.get("lang") == "en" and "lang" not in ss else ss.get("lang", "id"))
    known = {int(k): v for k, v in tampilan.indikator().nama_lengkap.items()}
    kuartal = tampilan.kuartal_data()
    if "kab" not in ss:  # first run of this session: take the filter, period and language from the URL
        ss["kab"], ss["kab_tak_dikenal"] = wilayah.urai_kode(st.query_params.get("kab", ""), known)
        ss["lang"] = "en" if st.query_params.get("lang") == "en" else "id"
        diminta = st.query_params.get("periode")
        ss["kuartal"] = diminta if diminta in kuartal else None
        ss["kuartal_tak_dikenal"] = diminta if diminta and diminta not in kuartal else None
    if ss["kuartal"] not in kuartal:  # a period that an undo removed: back to the latest
        ss["kuartal"] = None
    lang = ss["lang"]
    if not presentasi:
        _sisi(known, kuartal, lang)
    if ss.get("kab_tak_dikenal"):
        st.warning(t("kode_tak_dikenal", lang).format(kode=teks_aman(", ".join(ss["kab_tak_dikenal"]))))
    if ss.get("kuartal_tak_dikenal"):
        st.warning(t("periode_tak_dikenal", lang).format(periode=teks_aman(ss["kuartal_tak_dikenal"])))
    url("kab", ",".join(map(str, sorted(ss["kab"]))))
    url("periode", ss["kuartal"])
    url("lang", "en" if ss["lang"] == "en" else None)
    adm.pemberitahuan(ss["lang"])
    st.title(t(judul_key, ss["lang"]))
    return Pilihan(tuple(sorted(ss["kab"])), ss["lang"], ss["kuartal"])


def _sisi(known: dict[int, str], kuartal: tuple[str, ...], lang: str) -> None:
    """The shared sidebar: menu, language, unit filter, period, data date, admin login."""
    with st.sidebar:
        # Our own navigation (the built-in one cannot be translated or renamed).
        for path, key, icon in HALAMAN + (HALAMAN_ADMIN if adm.aktif() else []):
            st.page_link(path, label=t(key, lang), icon=icon)
        st.divider()
        ikat(st.radio, t("bahasa", lang), "lang", options=["id", "en"], horizontal=True,
             format_func=lambda x: {"id": "Bahasa Indonesia", "en": "English"}[x])
        ikat(st.multiselect, t("filter_wilayah", lang), "kab", options=list(known),
             format_func=lambda k: known[k], placeholder=t("semua_wilayah", lang))
        st.caption(t("filter_bantuan", lang))
        # None (the latest) counts as "nothing chosen" for the widget: the placeholder must name it.
        ikat(st.selectbox, t("periode_data", lang), "kuartal", options=[None, *kuartal],
             format_func=lambda q: _label_kuartal(q, kuartal, lang), placeholder=_label_kuartal(None, kuartal, lang))
        st.caption(t("diperbarui", lang).format(waktu=fmt.waktu(SIMPANAN.diperbarui(), lang)))
        adm.masuk(lang)
        ui_ponsel.tutup_sidebar_setelah_navigasi()


def _label_kuartal(q: str | None, semua: tuple[str, ...], lang: str) -> str:
    if q is None:
        return t("periode_terbaru", lang).format(periode=fmt.periode(semua[0], lang) if semua else "–")
    return fmt.periode(q, lang)


def set_kab(kode) -> None:
    """Change the global filter from a page (e.g. a map click); takes effect on rerun."""
    st.session_state["kab"] = sorted(set(int(k) for k in kode))


# ---------------------------------------------------------------- status markers

def badge(status: str | None, lang: str) -> str:
    """Markdown badge for a figure's status (empty for official figures)."""
    if status not in WARNA_STATUS:
        return ""
    return f":{WARNA_STATUS[status]}-badge[{status_mod.kata(status, lang)}]"


def banner_estimasi(statuses, lang: str) -> None:
    """A clear notice when figures on the page are estimates or from the press."""
    statuses = set(s for s in statuses if s)
    if status_mod.ESTIMASI in statuses:
        st.warning(t("banner_estimasi", lang), icon=":material/warning:")
    if status_mod.BERITA in statuses:
        st.info(t("banner_berita", lang), icon=":material/newspaper:")


def metrik(kolom, kode_ukuran: str, p: Pilihan) -> None:
    """A measure's card for the selection, with its status badge below."""
    u, n = ukuran.UKURAN[kode_ukuran], tampilan.nilai(kode_ukuran, p.kode, p.kuartal)
    kolom.metric(u.label(p.lang), u.teks(n.nilai, p.lang, n.status))
    kolom.markdown(" ".join(x for x in (u.satuan(p.lang), badge(n.status, p.lang), penanda_periode(n, p.lang)) if x))


def penanda_periode(n, lang: str) -> str:
    """A marker for a ratio whose two figures come from different periods (empty otherwise)."""
    return f":violet-badge[{t('periode_berbeda', lang)}]" if n.campur else ""


def gema(kode_ukuran: str, p: Pilihan) -> None:
    """Why some units of a measure are grey (their value only repeats an allocation rule)."""
    kalimat = tampilan.gema(kode_ukuran, p.kuartal, p.lang)
    if kalimat:
        st.caption(teks_aman(kalimat))  # it names units from the database


def catatan_lama(kode_ukuran, p: Pilihan) -> None:
    """Says which units show a figure from before the chosen period (and which period)."""
    lama = tampilan.lama(tuple(kode_ukuran), p.kode, p.kuartal, p.lang)
    if lama:
        st.info(t("angka_lama", p.lang).format(daftar=teks_aman(lama)), icon=":material/history:")


def keterangan(teks: str) -> None:
    """A caption of the app's own words shown as text, not read as Markdown (a leading '*' stays a star)."""
    st.caption(polos(teks))


def keterangan_status(lang: str) -> None:
    st.markdown(t("keterangan_status", lang))


# ---------------------------------------------------------------- tables and charts

def tabel(df, *, judul: str, p: Pilihan, nama_berkas: str, ukuran_asal=(), periode: str = fmt.KOSONG, sumber=(),
          **dataframe_kwargs) -> None:
    """A table with CSV and XLSX downloads carrying title, period, filter and sources (CSV: header lines;
    XLSX: a first sheet that also defines the measures shown, see pilar.ekspor_xlsx).

    ``ukuran_asal`` names the measures the table shows; their periods and sources are used.
    """
    if ukuran_asal:
        periode, sumber = tampilan.asal(tuple(ukuran_asal), p.kode, p.lang, p.kuartal)
    st.dataframe(gaya(df, p.lang), hide_index=True, width="stretch", **dataframe_kwargs)
    wilayah_teks, teks_sumber = p.nama, tampilan.sumber_teks(sumber)

    def data() -> bytes:  # built only when clicked, on another thread: no Streamlit calls in here
        return ekspor.csv_bytes(df, judul=judul, periode=periode, wilayah=wilayah_teks, sumber=teks_sumber,
                                lang=p.lang)

    def data_xlsx() -> bytes:  # likewise; the first sheet also defines the catalog measures shown
        definisi = ekspor_xlsx.definisi(df.columns, p.lang, ukuran_asal)
        return ekspor_xlsx.xlsx_bytes(df, judul=judul, periode=periode, wilayah=wilayah_teks, sumber=teks_sumber,
                                      lang=p.lang, definisi_ukuran=definisi)

    with st.container(horizontal=True):
        st.download_button(t("unduh_csv", p.lang), data, file_name=f"{nama_berkas}.csv", mime="text/csv",
                           key=f"unduh_{nama_berkas}", icon=":material/download:", on_click="ignore")
        st.download_button(t("unduh_xlsx", p.lang), data_xlsx, file_name=f"{nama_berkas}.xlsx", mime=MIME_XLSX,
                           key=f"unduh_xlsx_{nama_berkas}", icon=":material/table_view:", on_click="ignore")


_GAYA: OrderedDict = OrderedDict()  # table content and language -> its Styler, shared by all sessions
_GAYA_LOCK = threading.Lock()


def gaya(df, lang: str):
    """Numbers shown in the interface language whatever the browser's locale (246,4 / 5.788), while
    the column keeps its numbers, so it still sorts as numbers. Decimals per column come from
    ``df.attrs["desimal"]`` (the measure catalog's), else 0 for whole numbers.

    Streamlit renders a Styler again on every run (about 7 ms for a 13-row table), so each table's
    Styler is built once per content and language and keeps its rendered form (see _styler_sekali);
    the frame shown is shared too and keeps its Arrow form (_arrow_sekali).
    """
    # a cached table names itself (database version and call); any other is named by its content
    kunci = (lang, tuple(df.columns), df.shape, df.attrs.get("kunci_simpanan") or
             (int(pd.util.hash_pandas_object(df, index=False).sum()), repr(sorted(df.attrs.items()))))
    with _GAYA_LOCK:
        if kunci in _GAYA:
            _GAYA.move_to_end(kunci)
            return _GAYA[kunci]
    # Shown without its attrs: pandas deep-copies attrs on every column access, which made Streamlit's
    # Arrow conversion of a ranking table ±2.5x slower; the shown frame also keeps its Arrow form.
    polos = ekspor.teks_frame(df)  # a shallow copy; a U+202E in a cell is shown, not obeyed
    polos.attrs = {}
    object.__setattr__(polos, "_pilar_sekali", True)  # see _arrow_sekali
    angka = df.select_dtypes("number").columns
    bertanda = any(x == status_mod.ESTIMASI for v in df.attrs.get("status", {}).values() for x in v)
    tampil = polos if angka.empty or (_sama_di_semua_bahasa(df[angka]) and not bertanda) \
        else _buat_gaya(polos, df.attrs, angka, lang)
    if tampil is not polos:
        tampil._pilar_sekali = True
    with _GAYA_LOCK:
        _GAYA[kunci] = tampil
        if len(_GAYA) > 512:
            _GAYA.popitem(last=False)
    return tampil


def _sama_di_semua_bahasa(angka) -> bool:
    """Whole numbers below 1.000 read the same in every locale: no Styler needed."""
    v = angka.to_numpy(dtype=float, na_value=0.0)
    return bool((v == v.round()).all() and (abs(v) < 1000).all())


def _buat_gaya(df, attrs: dict, angka, lang: str):
    desimal, abu = attrs.get("desimal", {}), attrs.get("abu", {})
    styler = df.style.format({c: functools.partial(fmt.angka, lang=lang, desimal=desimal.get(c, 0)) for c in angka},
                             na_rep=fmt.KOSONG)
    for c, statuses in attrs.get("status", {}).items():  # each cell's status (status.tandai decides the mark)
        baris = [df.index[i] for i, s in enumerate(statuses) if status_mod.tandai("", s)]
        if baris:
            styler = styler.format(functools.partial(_angka_bertanda, lang=lang, desimal=desimal.get(c, 0)),
                                   subset=(baris, [c]), na_rep=fmt.KOSONG)
    for c, flags in abu.items():  # values that only repeat an allocation rule, greyed (see ui.gema)
        if any(flags):
            styler = styler.apply(lambda s, f=flags: ["color: #9e9e9e" if g else "" for g in f], subset=[c])
    return styler.set_uuid(f"pilar{abs(hash((lang, tuple(df.columns)))) % 10**8}")


def _angka_bertanda(x, lang: str, desimal: int) -> str:
    return status_mod.tandai(fmt.angka(x, lang, desimal), status_mod.ESTIMASI)


def _styler_sekali() -> None:
    """Let Streamlit keep the rendered form of our shared Stylers (marked ``_pilar_sekali``): the same
    content gives the same rendering, so it is built once instead of on every run of every session."""
    from streamlit.elements import arrow
    from streamlit.proto.ArrowData_pb2 import ArrowData

    asli = arrow.marshall_styler
    if getattr(asli, "_pilar", False):
        return

    def marshall(proto, styler, default_uuid):
        if not getattr(styler, "_pilar_sekali", False):
            return asli(proto, styler, default_uuid)
        siap = getattr(styler, "_pilar_proto", None)
        if siap is None:
            tmp = ArrowData()
            asli(tmp, styler, default_uuid)
            siap = styler._pilar_proto = tmp.styler.SerializeToString()
        proto.styler.MergeFromString(siap)

    marshall._pilar = True
    arrow.marshall_styler = marshall


_styler_sekali()


def _arrow_sekali() -> None:
    """Streamlit turns a table into Arrow bytes on every run (±0.7 ms for 13 rows); a frame shown
    through gaya() (marked ``_pilar_sekali``, shared, never modified) keeps its bytes."""
    from streamlit import dataframe_util

    asli = dataframe_util.convert_pandas_df_to_arrow_bytes
    if getattr(asli, "_pilar", False):
        return

    def ke_arrow(df):
        if not getattr(df, "_pilar_sekali", False):
            return asli(df)
        siap = df.__dict__.get("_pilar_arrow")
        if siap is None:
            siap = asli(df)
            object.__setattr__(df, "_pilar_arrow", siap)
        return siap

    ke_arrow._pilar = True
    dataframe_util.convert_pandas_df_to_arrow_bytes = ke_arrow


_arrow_sekali()


class _SpecSiap(dict):
    """A shared figure as Streamlit's plotly_chart takes it (a dict), with its JSON made once."""

    json: str


def _plotly_sekali() -> None:
    """st.plotly_chart copies a figure to a dict and JSON-encodes it on every run of every session
    (±1 ms per chart). A shared figure (``tampilan.figur``, marked ``_pilar_sekali``, never modified)
    gives the same spec every time, so it is made once and kept on the figure."""
    import plotly.io
    import plotly.tools

    asli_dict, asli_json = plotly.tools.return_figure_from_figure_or_data, plotly.io.to_json
    if getattr(asli_dict, "_pilar", False):
        return

    def ke_dict(figure_or_data, validate_figure):
        if not getattr(figure_or_data, "_pilar_sekali", False):
            return asli_dict(figure_or_data, validate_figure)
        siap = getattr(figure_or_data, "_pilar_spec", None)
        if siap is None:  # two sessions may both build it the first time: same result, no harm
            siap = _SpecSiap(asli_dict(figure_or_data, validate_figure))
            siap.json = asli_json(siap, validate=False)
            figure_or_data._pilar_spec = siap
        return siap

    def ke_json(fig, *args, **kwargs):
        return fig.json if isinstance(fig, _SpecSiap) else asli_json(fig, *args, **kwargs)

    ke_dict._pilar = True
    plotly.tools.return_figure_from_figure_or_data, plotly.io.to_json = ke_dict, ke_json


_plotly_sekali()


def plot(fig, **kwargs):
    """Every chart through one place: offline config (no plotly CDN, no logo), and a modebar whose
    camera saves a projector-sized PNG (drawn by plotly.js in the browser: no server, no network)
    named after the chart, the units chosen and the data period. ``config=`` adds to or overrides it."""
    gambar = {"format": "png", "width": PNG_UKURAN[0], "height": PNG_UKURAN[1], "scale": PNG_SKALA,
              "filename": _nama_png(fig, kwargs.get("key"))}
    # A short toolbar (PNG, reset, a map's zoom): pan and zoom buttons only covered the titles.
    alat = [*peta.PLOTLY_CONFIG["modeBarButtonsToRemove"], "zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d"]
    config = {**peta.PLOTLY_CONFIG, "displayModeBar": True, "toImageButtonOptions": gambar,
              "modeBarButtonsToRemove": alat, **kwargs.pop("config", {})}
    return st.plotly_chart(fig, config=config, width="stretch", **kwargs)


def tren(kode_ukuran, p: Pilihan, key: str) -> None:
    """Trend over the data periods (small multiples), or a line saying why there is none yet."""
    st.subheader(t("tren", p.lang))
    fig = tampilan.tren(tuple(kode_ukuran), p.kode, p.lang)
    if fig is None:
        st.caption(t("tren_kosong", p.lang))
        return
    # Four small multiples a row on a screen, one on a phone (CSS shows one of the two, see _CSS_LAYAR):
    # four in 390 px ran their titles together ("PSMKarang Taruna"); two left no room for the periods.
    with st.container(key=f"tren_lebar_{key}"):
        plot(fig, key=key)
    with st.container(key=f"tren_sempit_{key}"):
        plot(tampilan.tren(tuple(kode_ukuran), p.kode, p.lang, kolom=1), key=f"{key}_ponsel")
    st.caption(t("tren_bantuan", p.lang))


def tentang(kode_ukuran, p: Pilihan) -> None:
    """The 'Tentang angka ini' place: definition, period, status and source of each figure."""
    kode_ukuran = tuple(kode_ukuran)
    with st.expander(t("tentang_angka", p.lang)):
        tabel(tampilan.tentang(kode_ukuran, p.kode, p.lang, p.kuartal), judul=t("tentang_angka", p.lang), p=p,
              nama_berkas="tentang_angka", ukuran_asal=kode_ukuran)
        keterangan_status(p.lang)


def tautan_profil(p: Pilihan) -> None:
    """The link to the profile of the one unit chosen, or of the province (several or none chosen)."""
    nama = teks_aman(p.nama) if len(p.kode) == 1 else t("lb_provinsi", p.lang)
    st.page_link("pages/3_Profil.py", icon=":material/id_card:", label=t("lb_buka_profil", p.lang).format(nama=nama))


def atribusi_batas(meta: dict, lang: str) -> str:
    """The attribution line under a geographic map; says so when none was recorded."""
    text = meta.get("attribution") or t("atribusi_kosong", lang).format(
        sumber=meta.get("source") or meta.get("input_name") or "-")
    licence = f" ({meta['licence']})" if meta.get("licence") and meta["licence"] not in text else ""
    return f"{t('atribusi', lang)}: " + teks_aman(f"{text}{licence}")  # only the recorded words are outside text


# ---------------------------------------------------------------- exports (tables as XLSX, charts as PNG)

MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A chart saved from the modebar: laid out as on a 1280x720 projector, drawn 1.5 times as fine, so the
# file is 1920x1080 (full HD, what slides take) and its text stays readable from the back of a hall.
PNG_UKURAN, PNG_SKALA = (1280, 720), 1.5


def _judul_grafik(fig) -> str:
    """What a chart shows: its title, else its colour bar's title (the map names its measure there)."""
    judul = fig.layout.title.text
    for tr in fig.data:
        judul = judul or getattr(getattr(getattr(tr, "colorbar", None), "title", None), "text", None)
    return judul or ""


def _nama_png(fig, key: str | None) -> str:
    """The PNG's file name: chart (title, else its key), the sidebar's units (or the province) and period."""
    ss = st.session_state
    kode, nama = ss.get("kab") or [], tampilan.indikator().nama
    wilayah = [nama.get(k, str(k)) for k in kode] if len(kode) <= 3 else [f"{len(kode)} wilayah"]
    periode = ss.get("kuartal") or next(iter(tampilan.kuartal_data()), "")
    judul = _judul_grafik(fig) or (key or "").rstrip("_0123456789")
    return ekspor.nama_gambar(judul, *(wilayah or ["kalsel"]), periode)
