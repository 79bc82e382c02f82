"""Numbers, percentages and dates the way Indonesian (and English) readers write them."""
import math

import pytest

from pilar import format as fmt


@pytest.mark.parametrize("value,lang,desimal,expected", [
    (1263, "id", 0, "1.263"),
    (1263, "en", 0, "1,263"),
    (4305281, "id", 0, "4.305.281"),
    (247.844, "id", 1, "247,8"),
    (247.844, "en", 1, "247.8"),
    (0.782, "id", 2, "0,78"),
    (56, "id", 0, "56"),
])
def test_angka(value, lang, desimal, expected):
    assert fmt.angka(value, lang, desimal) == expected


@pytest.mark.parametrize("value,lang,expected", [(12.5, "id", "12,5%"), (12.5, "en", "12.5%"),
                                                 (4.11, "id", "4,1%"), (100, "id", "100,0%")])
def test_persen(value, lang, expected):
    assert fmt.persen(value, lang) == expected


def test_missing_values_show_a_dash():
    assert fmt.angka(None) == fmt.KOSONG
    assert fmt.angka(math.nan) == fmt.KOSONG
    assert fmt.persen(None) == fmt.KOSONG


@pytest.mark.parametrize("periode,lang,expected", [
    ("2025-09-23", "id", "23 September 2025"),
    ("2025-09-23", "en", "September 23, 2025"),
    ("2024-03", "id", "Maret 2024"),
    ("2024-03", "en", "March 2024"),
    ("2022-Q2", "id", "triwulan 2 2022"),
    ("2025", "id", "2025"),
])
def test_periode(periode, lang, expected):
    assert fmt.periode(periode, lang) == expected


def test_plotly_separators_match_the_locale():
    assert fmt.plotly_separators("id") == ",."
    assert fmt.plotly_separators("en") == ".,"


def test_moment_in_utc_for_each_language():
    import datetime as dt
    t = dt.datetime(2026, 11, 30, 8, 55, tzinfo=dt.timezone(dt.timedelta(hours=7)))  # 08.55 WIB
    assert fmt.waktu(t, "id") == "30 November 2026 01.55 UTC"
    assert fmt.waktu(t, "en") == "November 30, 2026, 01:55 UTC"
