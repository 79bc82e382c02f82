"""Interface text in Bahasa Indonesia (default) and English.

One catalog, kept in a few modules by area so each stays short; a key lives in exactly one of them
(tests/test_teks.py checks both languages, placeholders, use and uniqueness).
"""
from __future__ import annotations

import re

from .. import status
from . import dialog, ekspor, impor, lembar, presentasi, umum

_BAGIAN = (umum.TEKS, lembar.TEKS, ekspor.TEKS, presentasi.TEKS, dialog.TEKS, impor.TEKS)
TEKS: dict[str, tuple[str, str]] = {k: v for bagian in _BAGIAN for k, v in bagian.items()}


class _Tetap(dict):
    """Fills the status words and the estimate mark; leaves the caller's placeholders for .format()."""

    def __missing__(self, key):
        return "{" + key + "}"


_TETAP = {lang: _Tetap(status.KATA[lang], tanda=status.TANDA_ESTIMASI) for lang in status.KATA}


def t(key: str, lang: str = "id") -> str:
    text = TEKS[key][1 if lang == "en" else 0]
    return text.format_map(_TETAP[lang]) if "{" in text else text


# Every ASCII punctuation mark: CommonMark lets any of them be backslash-escaped, and each Markdown
# construct (emphasis, list, link, autolink, HTML, directive, math, table) needs one of them.
_TANDA_MD = re.compile(r"([!-/:-@\[-`{-~])")


def polos(teks: str) -> str:
    """Words to be read literally inside a Markdown element (st.caption, st.error): every mark Markdown
    could act on is backslash-escaped, so '* and hatching' stays a star, not a bullet, and a cell's
    text quoted in a message cannot become a link or HTML. Plain text, unlike format.teks_aman's code span."""
    from ..format import teks_bersih  # a bidi override in a quoted file name is shown, not obeyed
    return _TANDA_MD.sub(r"\\\1", teks_bersih(teks, tetap="\n"))
