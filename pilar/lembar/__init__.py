"""Lembar fakta: the one-page PDF fact sheet and the light audience HTML page of a unit or the province.

Both show the unit profile (pilar/profil.py) through one content builder (isi.konten), so the
PDF and the page hold the same figures. ``pastikan_audiens`` keeps the 14 audience pages under
static/lembar/ current for the database being served (the dashboard serves static/ as app/static/).
Pure: no Streamlit. Why Typst: docs/LEMBAR.md.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import threading
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from .. import config, profil, tampilan
from ..format import teks_bersih
from ..simpanan import SIMPANAN, tersimpan
from . import isi
from .audiens import susun_html
from .cetak import LembarError, susun_pdf

__all__ = ["LembarError", "pdf", "html", "tulis_audiens", "pastikan_audiens", "semua_kode", "DIREKTORI_AUDIENS"]

DIREKTORI_AUDIENS = config.ROOT / "static" / "lembar"  # served by the dashboard as app/static/lembar/
TANDA_VERSI = ".versi"  # which database version the pages were written from
_LATAR: dict[str, threading.Thread] = {}  # folder -> the thread writing its pages
_SELESAI: dict[str, str] = {}  # folder -> the database version its pages were last checked against
_LATAR_LOCK = threading.Lock()


def _profil(kode: int | None, kuartal: str | None, lang: str) -> profil.Profil:
    # the printed-at line says when this sheet was made, not when the cached profile was
    return replace(profil.susun(kode, kuartal, lang), dicetak=datetime.now(timezone.utc))


def pdf(kode: int | None, kuartal: str | None = None, lang: str = "id") -> bytes:
    """The fact sheet of unit ``kode`` (None = the province) as one A4 page."""
    return susun_pdf(isi.konten(_profil(kode, kuartal, lang)))


def html(kode: int | None, kuartal: str | None = None, lang: str = "id") -> str:
    """The audience page of unit ``kode`` (None = the province)."""
    return susun_html(isi.konten(_profil(kode, kuartal, lang)))


def semua_kode() -> list[int | None]:
    """The 13 units, then the province."""
    return [*tampilan.indikator().semua_kode, None]


def tulis_atomik(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` by a temp file in the same folder and a rename: a reader (a phone
    opening the page) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def tulis_audiens(direktori: Path | str = DIREKTORI_AUDIENS, lang: str = "id") -> list[Path]:
    """Write the 14 audience pages (13 units + kalsel.html) into ``direktori``; returns their paths."""
    direktori = Path(direktori)
    out = []
    for kode in semua_kode():
        path = direktori / f"{profil.nama_berkas(kode)}.html"
        tulis_atomik(path, html(kode, None, lang).encode("utf-8"))
        out.append(path)
    return out


def _versi_dialog() -> int:
    from ..dialog import tindak  # the pages list the units' followed-up forum items too
    return tindak.versi()


def _versi(dialog: int | None = None) -> str:
    """The served database version (and the dialog's follow-up version) as a digest: the stamp names no
    path, inode or time."""
    dialog = _versi_dialog() if dialog is None else dialog
    return hashlib.sha256(repr((SIMPANAN.versi, dialog)).encode()).hexdigest()


def pastikan_audiens(direktori: Path | str | None = None, tunggu: bool = True) -> Path:
    """The audience pages exist and were written from the database version being served (they are
    rewritten when missing or from another version). Checked once per database version and folder.

    ``tunggu=False`` does it on a background thread and returns at once: writing 14 pages takes
    seconds (each profile reads every period), which a page's first visitor should not wait for.
    """
    d = str(Path(direktori or os.environ.get("PILAR_AUDIENS") or DIREKTORI_AUDIENS))  # tests point elsewhere
    if tunggu:
        return _pastikan(d, _versi_dialog())
    with _LATAR_LOCK:
        th = _LATAR.get(d)
        if _SELESAI.get(d) == _versi():  # already written for this version: no thread on every run
            return Path(d)
        if th is None or not th.is_alive():
            _LATAR[d] = th = threading.Thread(target=_pastikan_latar, args=(d,), daemon=True, name="pilar-audiens")
            th.start()
    return Path(d)


def tunggu_latar(timeout: float | None = None) -> None:
    """Wait for background writing of audience pages (tests; a clean shutdown)."""
    with _LATAR_LOCK:
        threads = list(_LATAR.values())
    for th in threads:
        th.join(timeout)


def _pastikan_latar(d: str) -> None:
    dialog = _versi_dialog()
    versi = _versi(dialog)
    try:
        _pastikan(d, dialog)
    except (OSError, LembarError) as e:  # a read-only folder: the dashboard still works without the pages
        print(teks_bersih(f"Halaman audiens tidak dapat ditulis ke {d}: {e}"), file=sys.stderr)  # the server's log
    with _LATAR_LOCK:  # tried once per database version, written or not
        _SELESAI[d] = versi


@tersimpan
def _pastikan(direktori: str, dialog: int = 0) -> Path:
    d = Path(direktori)
    tanda = d / TANDA_VERSI
    lengkap = all((d / f"{profil.nama_berkas(k)}.html").is_file() for k in semua_kode())
    if not (lengkap and tanda.is_file() and tanda.read_text(encoding="utf-8") == _versi(dialog)):
        tulis_audiens(d)
        tulis_atomik(tanda, _versi(dialog).encode("utf-8"))
    return d
