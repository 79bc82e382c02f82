"""Presentation mode (pages/7_Presentasi.py): full-width slides, one idea each, stepped through with
buttons or a clicker (arrow keys, Page Up/Down, Space), the slide number kept in the URL (``slide=``).

Streamlit only; what a slide shows comes from the unit profile (pilar/profil.py) and the cached
builders of pilar/tampilan.py and pilar/proyeksi_tampilan.py; the slide order, footer and QR code
from pilar/slide.py. Keystrokes reach Python through a Streamlit v2 component: a few lines of inline
JavaScript running in the page itself (no iframe, nothing fetched) that send a step as a trigger value.
"""
from __future__ import annotations

import streamlit as st
import streamlit.components.v2 as components

from . import profil, slide, status, tampilan, ukuran, ui, ui_dialog
from . import proyeksi_tampilan as tampil
from .teks import t

KARTU = ukuran.PILAR + ("kpm_pkh",)
TINGGI_PROYEKSI = 300  # px: with the sentence above it, the legend stays above the bottom bar at 1024x768
TINGGI = 480  # px of a slide's chart: with the titles and the bottom bar it fits a 1024x768 projector
UKURAN_PETA = ukuran.BAWAAN_PETA
# coverage of the poor: the units differ (KPM per pendamping only echoes how its estimates were allocated)
UKURAN_PERINGKAT = "kpm_per_1rb_miskin"

# Static CSS only (never data): big type for a hall, no app chrome, a bar with the buttons and the footer
# at the bottom of every slide. The bar is sticky, not fixed: it takes its own place after the slide, so
# however tall it grows (its text wraps at 1024 px) the slide's last line scrolls into view above it.
CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 2rem 0 2rem !important; max-width: 100% !important; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.3rem !important; padding: 0 !important; color: #1f4e79; }
.st-key-slide h2 { font-size: clamp(2.3rem, 3.2vw, 3.6rem) !important; padding: 0 0 0.3rem 0 !important; }
.st-key-slide h3 { font-size: clamp(1.5rem, 2vw, 2.2rem) !important; }
.st-key-slide p, .st-key-slide li { font-size: clamp(1.4rem, 1.6vw, 2rem) !important; line-height: 1.4 !important; }
.st-key-slide [data-testid="stMetricLabel"] p { font-size: clamp(1.25rem, 1.7vw, 2.1rem) !important;
  white-space: normal !important; }
.st-key-slide [data-testid="stMetricValue"] p { font-size: clamp(3rem, 4.6vw, 5.6rem) !important;
  line-height: 1.15 !important; }
.st-key-slide [data-testid="stImage"] img { width: clamp(150px, 15vw, 320px) !important; height: auto !important;
  image-rendering: pixelated; }
.st-key-slide [data-testid="stCaptionContainer"] p { font-size: 1rem !important; }
.st-key-slide [data-testid="stText"] { font-size: clamp(1.05rem, 1.2vw, 1.5rem) !important; color: #444;
  overflow-wrap: anywhere; }
.st-key-slide [data-testid="stVerticalBlock"] { gap: 0.45rem; }
.st-key-pilar_kunci { display: none !important; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { min-height: 100vh; }
[data-testid="stLayoutWrapper"]:has(> .st-key-kaki_slide) { position: sticky; bottom: 0; z-index: 99;
  margin: auto -2rem 0 -2rem; width: calc(100% + 4rem) !important; max-width: none !important; }
.st-key-kaki_slide { background: #f3f6fa; border-top: 2px solid #1f4e79; padding: 0.4rem 1.2rem; }
.st-key-kaki_slide [data-testid="stText"] { font-size: 1rem !important; }
</style>"""

# Keys a clicker sends (Page Down/Up) and a keyboard's arrows and Space. A focused button handles
# Space and Enter itself, and typing in a field is never a step.
JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const maju = new Set(["ArrowRight", "PageDown", " ", "Spacebar"]);
  const mundur = new Set(["ArrowLeft", "PageUp"]);
  const tekan = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const el = e.target || {};
    const tag = (el.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || el.isContentEditable) return;
    if ((e.key === " " || e.key === "Spacebar") && ["button", "a"].includes(tag)) return;
    let langkah = 0;
    if (maju.has(e.key)) langkah = (e.shiftKey && e.key === " ") ? -1 : 1;
    else if (mundur.has(e.key)) langkah = -1;
    if (!langkah) return;
    e.preventDefault();
    setTriggerValue("langkah", langkah);
  };
  if (window.__pilarSlide) document.removeEventListener("keydown", window.__pilarSlide);
  window.__pilarSlide = tekan;
  document.addEventListener("keydown", tekan);
  return () => {
    document.removeEventListener("keydown", tekan);
    if (window.__pilarSlide === tekan) window.__pilarSlide = null;
  };
}
"""
_KUNCI = components.component("pilar_kunci_slide", js=JS)


def _langkah(arah: int) -> None:
    ss = st.session_state
    ss["slide"] = slide.geser(ss["slide"], arah, ss.get("slide_n", len(slide.SLIDE)))


def _mundur() -> None:
    _langkah(-1)


def _maju() -> None:
    _langkah(1)


def _nomor_slide(n: int) -> int:
    """The slide to show: from the URL on the first run, then from keys and buttons; mirrored to the URL."""
    ss = st.session_state
    if "slide" not in ss:
        ss["slide"] = slide.nomor(st.query_params.get("slide"), n)
    with st.container(key="pilar_kunci"):
        hasil = _KUNCI(key="kunci_slide", on_langkah_change=lambda: None)
    if hasil is not None and hasil.get("langkah"):
        ss["slide"] = slide.geser(ss["slide"], int(hasil["langkah"]), n)
    ss["slide"] = slide.nomor(ss["slide"], n)
    ui.url("slide", str(ss["slide"]))
    return ss["slide"]


def jalankan(p: ui.Pilihan) -> None:
    """The whole presentation page after ``ui.halaman(..., presentasi=CSS)``."""
    urutan = ui_dialog.urutan(p)  # with a forum: its two slides (pilar/ui_dialog.py)
    st.session_state["slide_n"] = len(urutan)
    i = _nomor_slide(len(urutan))
    with st.container(key="slide"):
        {"angka": _angka, "peta": _peta, "peringkat": _peringkat, "proyeksi": _proyeksi, "sumber": _sumber,
         slide.LALU: ui_dialog.slide_lalu, slide.DIALOG: ui_dialog.slide_dialog}[urutan[i - 1]](p)
    _kaki(p, i, len(urutan))


def _kaki(p: ui.Pilihan, i: int, n: int) -> None:
    """The bar at the bottom of every slide: previous/next, and the filter, data periods, status legend
    and slide number as text (unit names come from the database)."""
    pilar_n, kpm_n = tampilan.nilai("lks", p.kode, p.kuartal), tampilan.nilai("kpm_pkh", p.kode, p.kuartal)
    teks = slide.kaki(p.nama, tampilan.periode_teks(pilar_n.periode, p.lang),
                      tampilan.periode_teks(kpm_n.periode, p.lang), i, n, p.lang)
    with st.container(key="kaki_slide"):
        kiri, tengah, keluar, kanan = st.columns([1.7, 5.2, 1.1, 1.7], vertical_alignment="center")
        kiri.button(t("sl_sebelumnya", p.lang), icon=":material/arrow_back:", key="slide_mundur", on_click=_mundur,
                    disabled=i <= 1, width="stretch", help=t("sl_bantuan", p.lang))
        tengah.text(teks)
        keluar.page_link("dashboard.py", label=t("sl_keluar", p.lang), icon=":material/close:")
        kanan.button(t("sl_berikutnya", p.lang), icon=":material/arrow_forward:", key="slide_maju", on_click=_maju,
                     disabled=i >= n, width="stretch", type="primary", help=t("sl_bantuan", p.lang))


# ---------------------------------------------------------------- the slides

def _profil(p: ui.Pilihan):
    """The unit's (or the province's) profile when the filter is one unit or none; else None."""
    if len(p.kode) > 1:
        return None
    return profil.susun(p.kode[0] if p.kode else None, p.kuartal, p.lang)


def _angka(p: ui.Pilihan) -> None:
    """The seven pillar counts and KPM, with the province value and the unit's rank (from its profile)."""
    st.header(f"{t('sl_angka', p.lang)}: {ui.teks_aman(p.nama)}", anchor=False)  # names come from the database
    pr = _profil(p)
    kolom = st.columns([1, 1, 1, 1, 1.1] if len(p.kode) <= 1 else 4)
    for j, k in enumerate(KARTU):
        c = kolom[j % 4]
        ui.metrik(c, k, p)
        if pr is not None and p.kode:
            b = pr.baris_ukuran(k)
            c.text(t("sl_provinsi", p.lang).format(nilai=b.provinsi_teks, peringkat=b.peringkat_teks) if b.peringkat
                   else t("sl_provinsi_saja", p.lang).format(nilai=b.provinsi_teks))  # an echo is not ranked
    if len(p.kode) <= 1:
        with kolom[4]:
            _qr(p, catatan=False)


def _peta(p: ui.Pilihan) -> None:
    u = ukuran.UKURAN[UKURAN_PETA]
    st.header(t("sl_peta", p.lang).format(ukuran=u.label(p.lang)), anchor=False)
    geografis = bool(tampilan.batas_terpasang())
    ui.plot(tampilan.peta_figur(UKURAN_PETA, p.kode, p.lang, geografis, p.kuartal), key="slide_peta", height=TINGGI)


def _peringkat(p: ui.Pilihan) -> None:
    u = ukuran.UKURAN[UKURAN_PERINGKAT]
    st.header(t("sl_peringkat", p.lang).format(ukuran=u.label(p.lang)), anchor=False)
    ui.plot(tampilan.batang(UKURAN_PERINGKAT, p.kode, p.lang, None, None, p.kuartal), key="slide_peringkat",
            height=TINGGI)


def _proyeksi(p: ui.Pilihan) -> None:
    """The Proyeksi page's default scenarios: one sentence on the pace, the caseload chart."""
    st.header(t("sl_proyeksi", p.lang), anchor=False)
    if not tampil.masukan(p.kode, p.kuartal).kode:
        st.info(t("pr_tanpa_data", p.lang))
        return
    h, nas = tampil.hitung(p.kode, p.kuartal, (), p.lang), tampil.nasional()
    lama = tampil.desimal1(h.lensa["lama_pada_laju_ini"], p.lang)
    s_ = tampil.status_awal(p.kode, p.kuartal)  # each figure marked as its card is
    c = st.columns(3)
    c[0].metric(t("sl_lama", p.lang), t("sl_tahun", p.lang).format(n=status.tandai(lama, s_["lama"])))
    c[1].metric(t("pr_m_laju", p.lang).format(g=tampil.angka_g(h.pg.skenario[0].g, p.lang)),
                status.tandai(tampil.angka(h.lensa["kapasitas"], p.lang), s_["kapasitas"]))
    c[2].metric(t("sl_nasional", p.lang), t("sl_tahun", p.lang).format(n=tampil.desimal1(nas["lama"], p.lang)))
    # The sentence first: under the chart it fell behind the bottom bar at 1024x768.
    st.caption(t("pr_kalimat_laju", p.lang).format(
        kap=tampil.angka(h.lensa["kapasitas"], p.lang), k0=tampil.angka(h.k0, p.lang), lama=lama,
        nas_lulus=tampil.angka(nas["lulus"], p.lang), nas_kpm=tampil.angka(nas["kpm"], p.lang),
        nas_lama=tampil.desimal1(nas["lama"], p.lang)))
    ui.plot(tampil.grafik("kpm", p.kode, p.kuartal, (), p.lang), key="slide_proyeksi", height=TINGGI_PROYEKSI)


def _sumber(p: ui.Pilihan) -> None:
    """Where the figures come from, and the QR code of the unit's audience page."""
    st.header(t("sl_sumber", p.lang), anchor=False)
    kiri, kanan = st.columns([2, 1])
    _, ids = tampilan.asal(KARTU + (UKURAN_PETA, UKURAN_PERINGKAT), p.kode, p.lang, p.kuartal)
    with kiri:
        st.subheader(t("sl_sumber_daftar", p.lang), anchor=False)
        for baris in tampilan.sumber_teks(ids):
            st.text("• " + baris)  # from the database: shown as text
        ui.keterangan_status(p.lang)
    with kanan:
        _qr(p, catatan=True)


def _qr(p: ui.Pilihan, catatan: bool) -> None:
    """The QR code of the audience page of the unit in the filter (the province's for none or several),
    with its address as text under it."""
    kode = p.kode[0] if len(p.kode) == 1 else None
    relatif = profil.url_audiens(kode)
    alamat = slide.alamat_audiens(st.context.url, relatif)
    nama = p.nama if kode else t("seluruh_provinsi", p.lang)
    if alamat is None:
        st.text(t("sl_qr_tanpa_alamat", p.lang).format(alamat=relatif))
        return
    _pastikan_audiens()
    st.text(t("sl_qr", p.lang).format(wilayah=nama))
    st.image(slide.qr_png(alamat), width="content")  # sized by CSS for the screen
    st.text(alamat)
    if catatan and slide.hanya_lokal(alamat):
        st.caption(t("sl_qr_lokal", p.lang))


def _pastikan_audiens() -> None:
    """The audience pages the QR code points at are written for the database being served (pilar.lembar),
    on a background thread: it takes seconds once per database version, and the slide does not wait."""
    from . import lembar
    lembar.pastikan_audiens(tunggu=False)
