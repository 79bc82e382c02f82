"""Interface text in Bahasa Indonesia (default) and English.

One catalog, kept in a few modules by area so each stays short; a key lives in exactly one of them
(tests/test_teks.py checks both languages, placeholders, use and uniqueness).
"""
from __future__ import annotations

from .. import status
from . import ekspor, impor, lembar, presentasi, umum

_BAGIAN = (umum.TEKS, lembar.TEKS, ekspor.TEKS, presentasi.TEKS, impor.TEKS)
TEKS: dict[str, tuple[str, str]] = {k: v for bagian in _BAGIAN for k, v in bagian.items()}


class _Tetap(dict):
    """Fills the status words and the estimate mark; leaves the caller's placeholders for .format()."""

    def __missing__(self, key):
        return "{" + key + "}"


_TETAP = {lang: _Tetap(status.KATA[lang], tanda=status.TANDA_ESTIMASI) for lang in status.KATA}


def t(key: str, lang: str = "id") -> str:
    text = TEKS[key][1 if lang == "en" else 0]
    return text.format_map(_TETAP[lang]) if "{" in text else text
