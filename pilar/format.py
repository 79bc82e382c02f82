"""Numbers, percentages and dates for Indonesian (default) and English readers.

All formatting goes through Babel (CLDR), never string tricks: id writes 1.263
and 12,5%; en writes 1,263 and 12.5%.
"""
from __future__ import annotations

import datetime as dt
import re
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


def teks_aman(s) -> str:
    """Text from a URL, a file or the database, safe to put inside Markdown.

    Plain words stay as they are. Anything Markdown could act on is shown as an inline code
    span: nothing inside a code span is parsed (no link, autolink, image, HTML or directive),
    and the delimiter is longer than any backtick run in the text, so it cannot be closed early.
    """
    s = " ".join(str(s).split())
    if not _MARKDOWN.search(s):
        return s
    tick = "`" * (max((len(r) for r in re.findall(r"`+", s)), default=0) + 1)
    return f"{tick} {s} {tick}"  # CommonMark strips one space on each side
