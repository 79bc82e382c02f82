"""Downloads carry title, period, filter and sources, parse as data, and are safe to open in Excel."""
import csv
import io

import pandas as pd
import pytest

from pilar import ekspor

BERBAHAYA = ['=HYPERLINK("http://x","y")', "+1", "-cmd", "@SUM(A1)", "\tx", "\rx"]


def baca(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_header_lines_and_body():
    df = pd.DataFrame({"kode_bps": [6371, 6372], "nama": ["Kota Banjarmasin", "Kota Banjarbaru"],
                       "nilai": [246.4, 250.9], "status": ["estimasi", "berita"]})
    data = ekspor.csv_bytes(df, judul="KPM per pendamping", periode="23 September 2025",
                            wilayah="Kota Banjarmasin, Kota Banjarbaru", sumber=["S01: Pemprov", "S19: Dinsos"])
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[:6] == ["# Judul:,KPM per pendamping", "# Periode:,23 September 2025",
                         '# Wilayah:,"Kota Banjarmasin, Kota Banjarbaru"', "# Sumber:,S01: Pemprov",
                         "# Sumber:,S19: Dinsos", "# Status angka:,resmi / berita / estimasi"]
    back = pd.read_csv(io.StringIO(text), comment="#")
    assert back.to_dict("list") == df.to_dict("list")


def test_csv_english_labels_and_status_words():
    df = pd.DataFrame({"a": [1], "status": ["estimasi"]})
    rows = baca(ekspor.csv_bytes(df, judul="T", periode="P", wilayah="W", sumber=[], lang="en"))
    assert rows[:4] == [["# Title:", "T"], ["# Period:", "P"], ["# Area:", "W"],
                        ["# Figure status:", "official / press / estimate"]]


def test_formula_like_text_is_neutralised_everywhere_numbers_stay_numbers():
    df = pd.DataFrame({"nama": BERBAHAYA, "selisih": [-5, -1, 0, 3, -200, 7],
                       "rasio": [-0.5, 1.25, -3.0, 0.0, 2.0, -1e-3], "-kolom": ["a", "b", "c", "d", "e", "f"]})
    data = ekspor.csv_bytes(df, judul="=1+1", periode="+62", wilayah="-", sumber=["@x", "\ty"])
    rows = baca(data)
    assert [r[1] for r in rows[:5]] == ["'=1+1", "'+62", "'-", "'@x", "'\ty"]
    assert rows[5] == ["nama", "selisih", "rasio", "'-kolom"]
    assert [r[0] for r in rows[6:]] == ["'" + s for s in BERBAHAYA]
    # every data cell that starts a formula starts with the apostrophe instead
    for r in rows[6:]:
        for cell in (r[0], r[3]):
            assert not cell.startswith(ekspor.PEMICU_RUMUS)
    back = pd.read_csv(io.StringIO(data.decode("utf-8-sig")), comment="#")
    assert back["selisih"].tolist() == [-5, -1, 0, 3, -200, 7]
    assert str(back["selisih"].dtype) == "int64" and str(back["rasio"].dtype) == "float64"
    assert back["rasio"].tolist() == [-0.5, 1.25, -3.0, 0.0, 2.0, -1e-3]


def test_negative_number_held_as_text_is_text():
    df = pd.DataFrame({"campur": [-5, "-5", None]})  # a number, a number as text, a gap
    rows = baca(ekspor.csv_bytes(df, judul="T", periode="P", wilayah="W", sumber=[]))
    assert [r[0] for r in rows[4:]] == ["-5", "'-5", ""]


@pytest.mark.parametrize("judul", ['Judul, dengan "kutip" =1+1', "baris satu\nbaris =dua", "a\r\nb,c"])
def test_header_value_stays_in_its_line_and_cell(judul):
    df = pd.DataFrame({"a": [1, 2]})
    data = ekspor.csv_bytes(df, judul="T", periode="P", wilayah="W", sumber=[judul, "S2"])
    text = data.decode("utf-8-sig")
    rows = baca(data)
    assert rows[3] == ["# Sumber:", judul.replace("\r\n", " ").replace("\n", " ")]
    assert rows[4] == ["# Sumber:", "S2"]
    assert rows[5:] == [["a"], ["1"], ["2"]]
    assert sum(line.startswith("#") for line in text.splitlines()) == 5  # one physical line each
    assert pd.read_csv(io.StringIO(text), comment="#")["a"].tolist() == [1, 2]


def test_source_frame_is_not_changed():
    df = pd.DataFrame({"nama": ["=x"], "n": [-1]})
    ekspor.csv_bytes(df, judul="T", periode="P", wilayah="W", sumber=[])
    assert df.to_dict("list") == {"nama": ["=x"], "n": [-1]}


@pytest.mark.parametrize("bagian, nama", [
    (("KPM PKH per 1.000 penduduk", "Kota Banjarmasin", "2025-Q3"),
     "kpm-pkh-per-1-000-penduduk_kota-banjarmasin_2025-q3"),
    (("Luas wilayah (km²)", "Hulu Sungai Selatan"), "luas-wilayah-km2_hulu-sungai-selatan"),
    (("Élan / <b>x</b>", "", "../../etc"), "elan-b-x-b_etc"),
    (("", "  "), "grafik"),
])
def test_png_file_name_is_ascii_slug_of_chart_units_and_period(bagian, nama):
    assert ekspor.nama_gambar(*bagian) == nama


def test_png_file_name_is_bounded():
    nama = ekspor.nama_gambar("a" * 100, *["Kabupaten Hulu Sungai Tengah"] * 5, "2025-Q3")
    assert len(nama) <= 120 and nama.isascii() and not nama.endswith(("-", "_"))
