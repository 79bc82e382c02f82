"""Matching codes and names to the 13 units: no geometry, no database (units from wilayah.csv)."""
import csv
import math
import subprocess
import sys

import numpy as np
import pytest

from conftest import FIXTURE_SOURCES, REAL_SOURCES, ROOT
from pilar.batas import Wilayah, cocokkan_kolom, cocokkan_wilayah, kode_wilayah
from pilar.batas.cocok import cocokkan_baris


def _units(folder):
    with open(folder / "wilayah.csv", newline="") as f:
        return [Wilayah.dari_baris(r) for r in csv.DictReader(f)]


UNITS = _units(REAL_SOURCES)


def kode(nilai, jenis=None, units=UNITS):
    u = cocokkan_wilayah(nilai, units, jenis)
    return u.kode_bps if u else None


def test_thirteen_units_from_the_sources():
    assert [u.kode_bps for u in UNITS] == [6301, 6302, 6303, 6304, 6305, 6306, 6307, 6308, 6309, 6310, 6311,
                                           6371, 6372]


@pytest.mark.parametrize("nilai, harap", [
    (6371, 6371), ("6371", 6371), ("63.71", 6371), ("ID6371", 6371), ("id6371", 6371), ("ID-63-71", 6371),
    (" 63.02 ", 6302), (6371.0, 6371), (np.int64(6310), 6310), (np.float64(6372), 6372),
    ("6399", None), (3279, None), ("ID63", None), ("6371010", None), (63.71, None), (None, None), ("", None),
    (float("nan"), None), (True, None), ("x", None),
])
def test_codes(nilai, harap):
    assert kode(nilai) == harap


@pytest.mark.parametrize("nilai, harap", [
    # full names, short names, case, spacing, accents
    ("Kabupaten Tanah Laut", 6301), ("Tanah Laut", 6301), ("TANAH LAUT", 6301), ("tanah laut", 6301),
    ("Tanahlaut", 6301), ("KAB. TANAH LAUT", 6301), ("Kab.Tanah Laut", 6301), ("Kab Tanah Laut", 6301),
    ("  Kabupaten   Hulu  Sungai   Tengah ", 6307), ("Hulu Sungai Selatan", 6306), ("Hulu-Sungai-Utara", 6308),
    ("Tápin", 6305), ("Tabalong", 6309), ("Balangan", 6311), ("Barito Kuala", 6304), ("Tanah Bumbu", 6310),
    ("Kota Banjarmasin", 6371), ("Banjarmasin", 6371), ("BANJARMASIN", 6371), ("Banjarmasin City", 6371),
    ("Kodya Banjarmasin", 6371), ("Kotamadya Banjarmasin", 6371), ("Kota Administrasi Banjarmasin", 6371),
    # Kotabaru: "Kota Baru" in some sets is the kabupaten
    ("Kota Baru", 6302), ("Kotabaru", 6302), ("KOTABARU", 6302), ("Kab. Kotabaru", 6302), ("Kab Kota Baru", 6302),
    ("Kabupaten Kotabaru", 6302), ("Kota Kotabaru", None),
    # Banjarbaru: "Kota Banjar Baru", "Banjar Baru"
    ("Kota Banjar Baru", 6372), ("Banjar Baru", 6372), ("Banjarbaru", 6372), ("KOTA BANJARBARU", 6372),
    ("Banjarbaru City", 6372),
    # Banjar is the kabupaten, never Banjarmasin or Banjarbaru; Kota Banjar (Jawa Barat) is nothing
    ("Banjar", 6303), ("BANJAR", 6303), ("Kabupaten Banjar", 6303), ("Kab. Banjar", 6303),
    ("Banjar Regency", 6303), ("Kota Banjar", None), ("Banjar City", None), ("KOTA BANJAR", None),
    # local abbreviations
    ("Tala", 6301), ("TALA", 6301), ("Kab. Tala", 6301), ("Batola", 6304), ("Kabupaten Batola", 6304),
    ("HSS", 6306), ("hss", 6306), ("Kab. HSS", 6306), ("HST", 6307), ("Kabupaten HST", 6307), ("HSU", 6308),
    ("Tanbu", 6310), ("Kab Tanbu", 6310), ("Kota HSS", None), ("Kota Tala", None),
    # not units
    ("Banjarmasin Utara", None), ("Jawa Barat", None), ("Kalimantan Selatan", None), ("Kabupaten", None),
    ("Kota", None), ("   ", None), ("Kabupaten Contoh 1", None),
])
def test_names(nilai, harap):
    assert kode(nilai) == harap


def test_banjar_never_falls_back_to_a_city():
    # The fixture sources hold only Tanah Laut, Banjarmasin and Banjarbaru: no Kabupaten Banjar there.
    tiga = _units(FIXTURE_SOURCES)
    assert [u.kode_bps for u in tiga] == [6301, 6371, 6372]
    for nilai in ("Banjar", "Kab. Banjar", "Kabupaten Banjar", "banjar", "Kota Banjar"):
        assert kode(nilai, units=tiga) is None, nilai
    assert kode("Banjarmasin", units=tiga) == 6371 and kode("Banjar Baru", units=tiga) == 6372
    assert kode("HSS", units=tiga) is None  # an abbreviation only names a unit that is in the list


@pytest.mark.parametrize("nilai, jenis, harap", [
    ("Banjar", "Kabupaten", 6303), ("Banjar", "Kab.", 6303), ("Banjar", "Kota", None), ("Banjar", "City", None),
    ("Banjarmasin", "Kota", 6371), ("Banjarmasin", "Kabupaten", None), ("Kotabaru", "Kota", None),
    ("Kotabaru", "Regency", 6302), ("Tala", "Kabupaten", 6301), ("Banjar", None, 6303), ("Banjar", "", 6303),
])
def test_kind_from_another_column(nilai, jenis, harap):
    assert kode(nilai, jenis) == harap


def test_whole_column():
    nilai = ["Tala", "63.71", "Kota Banjar", None, "Banjar", "Banjar"]
    jenis = ["Kabupaten", None, "Kota", None, "Kota", "Kabupaten"]
    got = cocokkan_kolom(nilai, UNITS, jenis)
    assert [u.kode_bps if u else None for u in got] == [6301, 6371, None, None, None, 6303]
    assert [u.nama if u else None for u in cocokkan_kolom(["hsu", "Banjar Baru"], UNITS)] == \
        ["Kabupaten Hulu Sungai Utara", "Kota Banjarbaru"]
    with pytest.raises(ValueError):
        cocokkan_kolom(["Tala"], UNITS, ["Kabupaten", "Kota"])


def test_kode_wilayah():
    assert [kode_wilayah(v) for v in (6371, "6371", "63.71", "ID6371", "ID 63 71", 1101, 99999, "ID63", math.inf)] == \
        [6371, 6371, 6371, 6371, 6371, 1101, None, None, None]


# ---------------------------------------------------------------- rows of a boundary file (no geometry)

def _cocok(kolom, luar=()):
    return cocokkan_baris(kolom, UNITS, lambda i: i not in luar)


def test_rows_by_code_column_leave_other_provinces_out():
    kolom = {"ADM2_PCODE": ["ID3279", *[f"ID{u.kode_bps}" for u in UNITS], "ID6409"],
             "ADM2_EN": ["Banjar", *[u.nama_pendek for u in UNITS], "Banjar"],
             "ADM1_EN": ["Jawa Barat", *["Kalimantan Selatan"] * 13, "Kalimantan Timur"]}
    hasil = _cocok(kolom)
    assert sorted(hasil.baris) == [u.kode_bps for u in UNITS]
    assert hasil.baris[6303] == [3] and hasil.cara[6303] == "kode di kolom ADM2_PCODE: ID6303"


def test_rows_by_name_and_the_rough_box():
    nama = ["Kota Banjar", "Kota Baru", *[u.nama_pendek for u in UNITS]]
    nama[2 + 1] = "Kota Baru"          # Kotabaru spelled as in geoBoundaries
    nama[2 + 12] = "Kota Banjar Baru"
    hasil = _cocok({"shapeName": nama}, luar={1})  # row 1: a "Kota Baru" outside Kalsel (Jambi)
    assert sorted(hasil.baris) == [u.kode_bps for u in UNITS]
    assert hasil.baris[6302] == [3] and hasil.cara[6302] == "nama di kolom shapeName: 'Kota Baru'"
    assert any("baris 2" in d and "luar Kalimantan Selatan" in d for d in hasil.diabaikan)
    assert 6303 in hasil.baris and 0 not in [i for rows in hasil.baris.values() for i in rows]


def test_province_column_and_kind_column():
    kolom = {"NAME_1": ["JawaBarat", "KalimantanSelatan", "KalimantanSelatan", "KalimantanTimur"],
             "NAME_2": ["Banjar", "Banjar", "Banjarmasin", "Banjar"],
             "TYPE_2": ["Kota", "Kabupaten", "Kota", "Kabupaten"]}
    hasil = _cocok(kolom)
    assert hasil.baris == {6303: [1], 6371: [2]}


def test_odd_values_in_attribute_columns():
    kolom = {"prov": [float("nan"), np.float32("nan"), math.inf, None, 63],
             "nama": ["Tala", "HSS", "Tanbu", "Banjar", "Banjar Baru"],
             "tanggal": [np.datetime64("2020-01-01")] * 5}
    hasil = _cocok(kolom)
    assert hasil.baris == {6301: [0], 6303: [3], 6306: [1], 6310: [2], 6372: [4]}


def test_code_column_without_kalsel_codes_falls_back_to_names():
    kolom = {"kode": [1101 + i for i in range(13)], "nama": [u.nama for u in UNITS]}
    hasil = _cocok(kolom)
    assert sorted(hasil.baris) == [u.kode_bps for u in UNITS]
    assert "dicocokkan dengan nama" in hasil.diabaikan[0]


def test_rows_whose_codes_disagree_are_left_out():
    kolom = {"kode_bps": [6371, 6372], "kode_kemendagri": ["63.72", "63.72"]}
    hasil = _cocok(kolom)
    assert hasil.baris == {6372: [1]} and "kode berbeda-beda" in hasil.diabaikan[0]


def test_core_module_does_not_import_streamlit():
    r = subprocess.run([sys.executable, "-c", "import sys, pilar.batas; assert 'streamlit' not in sys.modules"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
