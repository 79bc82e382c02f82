"""python -m pilar proyeksi, as an analyst uses it."""
import csv
import io
import json

import pytest

from pilar import proyeksi as pr
from test_cli import cli

KOLOM = ["tahun", "kpm", "graduasi", "kumulatif_graduasi", "pendamping", "kpm_per_pendamping"]


@pytest.fixture(scope="module")
def db_path(real_db_path):
    return real_db_path


def test_default_province_json(db_path):
    r = cli("proyeksi", "--format", "json", db_path=db_path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [d["tahun"] for d in rows] == list(range(11))
    assert list(rows[0]) == KOLOM
    assert rows[0]["kpm"] == 95420 and rows[0]["pendamping"] == 385 and rows[0]["graduasi"] == 0
    assert rows[1]["graduasi"] == 3850 and rows[10]["kumulatif_graduasi"] == 38500
    assert rows[10]["kpm"] == 95420 - 38500
    assert rows[0]["kpm_per_pendamping"] == round(95420 / 385, 2)


def test_selection_with_every_option_matches_the_model(db_path):
    r = cli("proyeksi", "--kab", "6372,6371", "--tahun", "3", "--g", "12", "--delta-pendamping", "20",
            "--masuk", "500", "--keluar", "0.05", "--format", "csv", db_path=db_path)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == KOLOM and len(rows) == 4
    # K(0), P(0) from data/sources: Banjarmasin 15526 KPM, 63 pendamping; Banjarbaru 4015, 16.
    lin = pr.proyeksi([15526, 4015], [63, 16], 3, g=12, dp=20, masuk=500, keluar=0.05)
    j = lin.jumlah()
    for row, (_, want) in zip(rows, j.iterrows()):
        for c in KOLOM[1:]:
            assert float(row[c]) == pytest.approx(want[c], abs=0.006)
    assert float(rows[1]["graduasi"]) == 12 * 79


def test_table_format_names_the_selection_and_marks_estimates(db_path):
    r = cli("proyeksi", "--kab", "6372", "--tahun", "2", db_path=db_path)
    assert r.returncode == 0, r.stderr
    assert "Banjarbaru" in r.stdout and "estimasi" in r.stdout
    assert "4015" in r.stdout and "160" in r.stdout  # K(0) and g * P(0) = 10 * 16


@pytest.mark.parametrize("args, pesan", [
    (["--kab", "6371,9999"], "Kode wilayah tidak dikenal: 9999"),
    (["--kab", "abc"], "bukan kode BPS"),
    (["--tahun", "0"], "1 sampai 10 tahun"),
    (["--tahun", "11"], "1 sampai 10 tahun"),
    (["--tahun", "lima"], "bukan bilangan bulat"),
    (["--g", "-1"], "tidak boleh negatif"),
    (["--g", "sepuluh"], "bukan angka"),
    (["--keluar", "1.5"], "0 sampai 1"),
    (["--keluar", "-0.1"], "0 sampai 1"),
    (["--masuk", "-10"], "tidak boleh negatif"),
    (["--format", "xml"], "pilih tabel, csv atau json"),
    (["--masuk", "1.000"], "tanpa pemisah ribuan"),
    (["--delta-pendamping", "1,500"], "tanpa pemisah ribuan"),
])
def test_bad_input_is_explained_in_indonesian(db_path, args, pesan):
    r = cli("proyeksi", *args, db_path=db_path)
    assert r.returncode == 2, r.stdout
    assert pesan in r.stderr
    assert r.stdout == ""


def test_decimal_comma_is_accepted(db_path):
    r = cli("proyeksi", "--kab", "6372", "--tahun", "1", "--keluar", "0,5", "--format", "json", db_path=db_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[1]["kpm"] == pytest.approx((4015 - 160) * 0.5)
