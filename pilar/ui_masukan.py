"""Input widgets in the interface language, defined once: a choice list's placeholder and a number
typed as a reader writes it ('2,3' in Indonesian, '2.3' in English).

Streamlit's own defaults are English ("Choose an option") and its number input always shows a
decimal point, whatever the interface language: the pages ask these helpers instead.
"""
from __future__ import annotations

import streamlit as st
from babel.numbers import NumberFormatError, parse_decimal

from . import format as fmt
from .teks import t


def pilih(wadah, label: str, options, lang: str, *, kosong: str | None = None, **kw):
    """A selectbox whose placeholder (shown while its value is None) is in the interface language:
    ``kosong`` when given, else the label of the None option, else 'Pilih satu'."""
    if kosong is None:
        f = kw.get("format_func")
        kosong = f(None) if f and None in list(options) else t("pilih_satu", lang)
    return wadah.selectbox(label, options, placeholder=kosong, **kw)


def teks_angka(x: float, lang: str) -> str:
    """A number as the reader types it: grouping and decimal mark of the language, decimals as needed."""
    x = float(x)
    desimal = 0 if x.is_integer() else min(3, len(f"{x:.3f}".rstrip("0").split(".")[1]))
    return fmt.angka(x, lang, desimal)


def baca_angka(teks: str, lang: str) -> float:
    """'2,3' (id) or '2.3' (en) -> 2.3; anything else raises ValueError with a one-line reason."""
    try:
        return float(parse_decimal(str(teks).strip(), locale=lang, strict=True))
    except (NumberFormatError, ValueError):
        raise ValueError(t("angka_tak_terbaca", lang).format(contoh=teks_angka(2.5, lang))) from None


def angka(wadah, label: str, key: str, nilai: float, lang: str, *, min_value: float, max_value: float,
          on_change, args=()) -> None:
    """A number input in the interface language. A valid value within [min_value, max_value] is passed
    to ``on_change(*args, value)``; anything else changes nothing and is named in one line below it."""
    ss = st.session_state
    ss[key] = teks_angka(nilai, lang)  # the setting in force (a rejected text does not stay)
    wadah.text_input(label, key=key, max_chars=24,
                     on_change=_baca, args=(key, lang, min_value, max_value, on_change, tuple(args)))
    salah = ss.pop("_salah_" + key, None)
    if salah:
        wadah.error(salah, icon=":material/error:")


def _baca(key, lang, lo, hi, on_change, args) -> None:
    ss = st.session_state
    try:
        v = baca_angka(ss[key], lang)
    except ValueError as e:
        ss["_salah_" + key] = str(e)
        return
    if not lo <= v <= hi:
        ss["_salah_" + key] = t("angka_di_luar", lang).format(lo=teks_angka(lo, lang), hi=teks_angka(hi, lang))
        return
    on_change(*args, v)
