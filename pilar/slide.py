"""What the presentation mode shows, without Streamlit: the slide order, the slide number kept in
the URL, the footer line, the phone link to the unit's audience page and its QR code.

The Streamlit side is pilar/ui_presentasi.py; the page pages/7_Presentasi.py only calls it.
"""
from __future__ import annotations

import io
from urllib.parse import urljoin, urlsplit

import segno

from .teks import t

# One idea per slide, in the order a forum talk goes.
SLIDE = ("angka", "peta", "peringkat", "proyeksi", "sumber")
# With a forum: last forum's items and what became of them open the talk ("lalu", only when the filter's
# units have some), and the room's approved items close it ("dialog", while a forum is open). Without one
# the order is SLIDE, so slide numbers in links stay what they were.
LALU, DIALOG = "lalu", "dialog"
HALAMAN = "Presentasi"  # the URL path Streamlit gives pages/7_Presentasi.py
LOKAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def urutan(ada_lalu: bool = False, ada_forum: bool = False) -> tuple[str, ...]:
    """The slides of this talk, in order."""
    return ((LALU,) if ada_lalu else ()) + SLIDE + ((DIALOG,) if ada_forum else ())


def alamat_ponsel(url_halaman: str | None, forum_id: int, kode: int | None, halaman: str = HALAMAN) -> str | None:
    """The absolute address of the dialog's phone form (pilar/dialog/ponsel.py), prefilled with the unit."""
    dasar = url_aplikasi(url_halaman, halaman)
    return urljoin(dasar, f"/forum/{int(forum_id)}" + (f"?kab={int(kode)}" if kode else "")) if dasar else None


def nomor(teks: str | None, n: int = len(SLIDE)) -> int:
    """The slide number (1..n) from the URL's ``slide=``; anything else is the first slide."""
    try:
        i = int(str(teks).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(i, 1), n)


def geser(i: int, langkah: int, n: int = len(SLIDE)) -> int:
    """One step forward or back; the first and last slides stay put (a clicker pressed once too often)."""
    return min(max(i + (1 if langkah > 0 else -1 if langkah < 0 else 0), 1), n)


def url_aplikasi(url_halaman: str | None, halaman: str = HALAMAN) -> str | None:
    """The app's base address (ending in '/') from the address the browser shows for this page."""
    if not url_halaman or urlsplit(url_halaman).scheme not in ("http", "https"):
        return None
    dasar = url_halaman.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    if dasar.endswith("/" + halaman):
        dasar = dasar[: -len(halaman) - 1]
    return dasar + "/"


def alamat_audiens(url_halaman: str | None, relatif: str, halaman: str = HALAMAN) -> str | None:
    """The absolute address of an audience page (``relatif`` as profil.url_audiens gives it), built from
    the address the presenter's browser used, so a phone on the same network reaches the same server."""
    dasar = url_aplikasi(url_halaman, halaman)
    return urljoin(dasar, relatif) if dasar else None


def hanya_lokal(url: str | None) -> bool:
    """True when the address only works on this machine (a phone cannot open it)."""
    host = urlsplit(url or "").hostname or ""
    return host in LOKAL or host.startswith("127.")


def qr_png(teks: str, skala: int = 8) -> bytes:
    """A QR code of ``teks`` as PNG bytes (segno; medium error correction survives a projector's blur)."""
    buf = io.BytesIO()
    segno.make(teks, error="m").save(buf, kind="png", scale=skala, border=2)
    return buf.getvalue()


def kaki(wilayah: str, periode_pilar: str, periode_kpm: str, i: int, n: int, lang: str) -> str:
    """The footer line of every slide: the filter, the data periods, the status legend, the slide number.
    Plain text: the caller shows it as text (unit names come from the database)."""
    return " · ".join((
        wilayah,
        t("periode_pilar", lang).format(periode=periode_pilar),
        t("periode_kpm", lang).format(periode=periode_kpm),
        t("sl_legenda", lang),
        t("sl_nomor", lang).format(i=i, n=n),
    ))

