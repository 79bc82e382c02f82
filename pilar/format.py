"""Numbers, percentages and dates for Indonesian (default) and English readers.

All formatting goes through Babel (CLDR), never string tricks: id writes 1.263
and 12,5%; en writes 1,263 and 12.5%.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

import pandas as pd
from babel.dates import format_date, format_datetime
from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern

LANGS = ("id", "en")
KOSONG = "–"  # shown for a missing value


@lru_cache(maxsize=None)
def _pattern(desimal: int, persen: bool = False):
    """A parsed CLDR number pattern (parsing once: pages format hundreds of numbers per run)."""
    return parse_pattern("#,##0" + ("." + "0" * desimal if desimal > 0 else "") + ("%" if persen else ""))


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def _missing(x) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # lists and the like are not "missing"
        return False


def angka(x, lang: str = "id", desimal: int = 0) -> str:
    """1263 -> '1.263' (id) / '1,263' (en); desimal fixes the number of decimals."""
    if _missing(x):
        return KOSONG
    return _pattern(desimal).apply(x, _locale(lang))


def persen(x, lang: str = "id", desimal: int = 1) -> str:
    """A percentage given in percent points: 12.5 -> '12,5%' (id) / '12.5%' (en)."""
    if _missing(x):
        return KOSONG
    return _pattern(desimal, persen=True).apply(x / 100, _locale(lang))


def waktu(t: dt.datetime, lang: str = "id") -> str:
    """A moment for readers, in UTC: '30 November 2026 01.55 UTC' / 'November 30, 2026, 1:55 AM UTC'."""
    t = t.astimezone(dt.timezone.utc)
    return f"{format_datetime(t, format='MMMM d, y, HH:mm' if lang == 'en' else 'd MMMM y HH.mm', locale=lang)} UTC"


def waktu_zona(t: dt.datetime | str, lang: str = "id", zona: str | None = None) -> str:
    """A stored moment (ISO text or datetime; naive means UTC) in the office's time zone
    (``config.zona_waktu``): '4 Desember 2026 16.54 WITA' / 'December 4, 2026, 16:54 WITA'. Empty: '–'."""
    from zoneinfo import ZoneInfo

    from . import config

    if t is None or _missing(t) or (isinstance(t, str) and not t.strip()):
        return KOSONG
    if isinstance(t, str):
        t = dt.datetime.fromisoformat(t)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    nama = zona or config.zona_waktu()
    lokal = t.astimezone(ZoneInfo(nama))
    label = config.LABEL_ZONA.get(nama) or lokal.tzname()
    return f"{format_datetime(lokal, format='MMMM d, y, HH:mm' if lang == 'en' else 'd MMMM y HH.mm', locale=lang)} {label}"


def tanggal(d: dt.date | str, lang: str = "id") -> str:
    """'2025-09-23' -> '23 September 2025' (id) / 'September 23, 2025' (en)."""
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return format_date(d, format="long", locale=lang)


@lru_cache(maxsize=4096)
def periode(p: str, lang: str = "id") -> str:
    """A period label as stored (2025-09-23, 2024-03, 2022-Q2, 2025) in words."""
    if len(p) == 10:
        return tanggal(p, lang)
    if len(p) == 7 and p[4] == "-" and p[5] == "Q":
        q = {"id": "triwulan", "en": "quarter"}[lang]
        return f"{q} {p[6]} {p[:4]}" if lang == "id" else f"{q} {p[6]}, {p[:4]}"
    if len(p) == 7:
        return format_date(dt.date(int(p[:4]), int(p[5:]), 1), format="MMMM y", locale=lang)
    return p


def plotly_separators(lang: str = "id") -> str:
    """Plotly's `separators` layout value: decimal mark, then thousands mark."""
    return get_decimal_symbol(lang) + get_group_symbol(lang)


# Characters and words that Markdown (with Streamlit's extensions) would turn into something
# other than text: emphasis, links, images, HTML, directives (:red[...]), math, autolinks.
_MARKDOWN = re.compile(r"[\\`*_{}\[\]<>!|~$#&]|:\w|\w:|//|www\.|@")


# Shown as a code point besides the categories below: default-ignorable letters that draw nothing
# (Hangul fillers), the combining grapheme joiner, and the two non-characters XML (XLSX) cannot hold.
_TAK_TERLIHAT = frozenset("\u034f\u115f\u1160\u3164\uffa0\ufffe\uffff")
# Controls (C0, DEL, C1), format characters (bidi controls, zero-width ones, U+FEFF, tags), lone
# surrogates (argv that was not UTF-8) and the line/paragraph separators.
_KATEGORI_KODE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
ZWJ = "\u200d"


def tak_terlihat(c: str) -> bool:
    """A character that is not shown as itself: it acts on the output or draws nothing."""
    return unicodedata.category(c) in _KATEGORI_KODE or c in _TAK_TERLIHAT


def terlihat(s: str) -> bool:
    """Every character of ``s`` shows as itself (no control, format or invisible one); C speed."""
    return s.isprintable() and _TAK_TERLIHAT.isdisjoint(s)


def _emoji(c: str) -> bool:
    """A character a zero-width joiner may glue into one emoji (👨‍👩‍👧, 🏳️‍🌈): symbols, skin tones, VS16."""
    return unicodedata.category(c) in ("So", "Sk") or c == "\ufe0f"


def _ganti(s: str, i: int, tetap: str) -> str:
    c = s[i]
    if c in tetap:
        return c
    if c in "\t\n\r":
        return " "
    if c == ZWJ and 0 < i < len(s) - 1 and _emoji(s[i - 1]) and _emoji(s[i + 1]):
        return c
    return f"<U+{ord(c):04X}>"


def teks_bersih(s, tetap: str = "") -> str:
    """Stored text made safe for any output: a terminal, a spreadsheet cell, a PDF, a page.

    Control characters (C0, DEL, C1: escape sequences, BEL, NUL), bidirectional controls (U+202E
    turns a name around), zero-width and other invisible format characters become a visible code
    point such as ``<U+202E>``; every other character (Indonesian letters, accents, emoji) stays.
    Tab, newline and carriage return become a space, except those listed in ``tetap`` (a terminal
    keeps tab and newline, a spreadsheet cell also CR). The stored text itself is never changed.
    """
    s = str(s)
    if "\n" in tetap and "\n" in s:  # line by line: most lines then take the fast path below
        return "\n".join(teks_bersih(b, tetap) for b in s.split("\n"))
    if terlihat(s):  # the usual case
        return s
    return "".join(_ganti(s, i, tetap) if tak_terlihat(c) else c for i, c in enumerate(s))


def teks_aman(s) -> str:
    """Text from a URL, a file or the database, safe to put inside Markdown.

    Control and invisible characters are shown first (``teks_bersih``). Plain words stay as they
    are. Anything Markdown could act on is shown as an inline code span: nothing inside a code
    span is parsed (no link, autolink, image, HTML or directive), and the delimiter is longer than
    any backtick run in the text, so it cannot be closed early.
    """
    s = " ".join(teks_bersih(s).split())
    if not _MARKDOWN.search(s):
        return s
    tick = "`" * (max((len(r) for r in re.findall(r"`+", s)), default=0) + 1)
    return f"{tick} {s} {tick}"  # CommonMark strips one space on each side
