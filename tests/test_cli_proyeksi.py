"""python -m pilar proyeksi, as an analyst uses it."""
import csv
import io
import json

import duckdb
import pytest

from pilar import format as fmt
from pilar import proyeksi as pr
from test_cli import assert_one_indonesian_paragraph, cli, run_main

KOLOM = ["tahun", "kpm", "graduasi", "kumulatif_graduasi", "pendamping", "kpm_per_pendamping", "keluar", "masuk",
         "status", "periode"]
RANK = {"resmi": 0, "berita": 1, "estimasi": 2}


@pytest.fixture(scope="module")
def db_path(real_db_path):
    return real_db_path


@pytest.fixture()
def real_env(real_db_path, monkeypatch):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))


def asal(db_path, kode):
    """Status (weakest) and periods of K(0) and P(0) of the units, read straight from the tables."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        where = f"kode_bps IN ({','.join(map(str, kode))})" if kode else "TRUE"
        k = con.execute(f"SELECT status, periode FROM kpm WHERE program = 'pkh' AND {where} "
                        "AND periode = (SELECT max(periode) FROM kpm WHERE program = 'pkh')").fetchall()
        p = con.execute(f"SELECT status, periode FROM pilar WHERE jenis_pilar = 'pendamping_pkh' AND {where} "
                        "AND periode = (SELECT max(periode) FROM pilar)").fetchall()
    finally:
        con.close()
    status = max((s for s, _ in k + p), key=RANK.get)
    per_k = ", ".join(sorted({x for _, x in k}))
    per_p = ", ".join(sorted({str(x) for _, x in p}))
    return status, f"KPM PKH {per_k}; pendamping PKH {per_p}"


def awal(db_path, kode):
    """K(0) and P(0) per unit (latest KPM PKH, latest pendamping), read straight from the tables."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        k = dict(con.execute("SELECT kode_bps, jumlah FROM kpm WHERE program = 'pkh' AND periode = "
                             "(SELECT max(periode) FROM kpm WHERE program = 'pkh')").fetchall())
        p = dict(con.execute("SELECT kode_bps, jumlah FROM pilar WHERE jenis_pilar = 'pendamping_pkh' AND periode = "
                             "(SELECT max(periode) FROM pilar)").fetchall())
    finally:
        con.close()
    kode = kode or sorted(k)
    return [k[c] for c in kode], [p[c] for c in kode]


def test_default_province_json(db_path):
    r = cli("proyeksi", "--format", "json", db_path=db_path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [d["tahun"] for d in rows] == list(range(11))
    assert list(rows[0]) == KOLOM
    k0, p0 = (sum(x) for x in awal(db_path, []))
    assert rows[0]["kpm"] == k0 and rows[0]["pendamping"] == p0 == 385 and rows[0]["graduasi"] == 0
    assert rows[1]["graduasi"] == 3850 and rows[10]["kumulatif_graduasi"] == 38500
    assert rows[10]["kpm"] == k0 - 38500
    assert rows[0]["kpm_per_pendamping"] == round(k0 / 385, 2)
    assert all(d["keluar"] == 0 and d["masuk"] == 0 for d in rows)
    # per-unit pendamping are an allocation of the province total: the projection is an estimate
    status, periode = asal(db_path, [])
    assert status == "estimasi" and periode.startswith("KPM PKH ") and "; pendamping PKH 2025-09-23" in periode
    assert {(d["status"], d["periode"]) for d in rows} == {(status, periode)}


def test_selection_with_every_option_matches_the_model(db_path):
    r = cli("proyeksi", "--kab", "6372,6371", "--tahun", "3", "--g", "12", "--delta-pendamping", "20",
            "--masuk", "500", "--keluar", "0.05", "--format", "csv", db_path=db_path)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == KOLOM and len(rows) == 4
    (k71, k72), (p71, p72) = awal(db_path, [6371, 6372])
    lin = pr.proyeksi([k71, k72], [p71, p72], 3, g=12, dp=20, masuk=500, keluar=0.05)
    j = lin.jumlah()
    for row, (_, want) in zip(rows, j.iterrows()):
        for c in KOLOM[1:8]:
            assert float(row[c]) == pytest.approx(want[c], abs=0.006)
    assert float(rows[1]["graduasi"]) == 12 * (p71 + p72)
    assert [float(x["masuk"]) for x in rows] == [0, 500, 500, 500]
    # year one's other exits by hand: 5% of what is left after graduation, unit by unit
    assert float(rows[1]["keluar"]) == pytest.approx(0.05 * (k71 - 12 * p71) + 0.05 * (k72 - 12 * p72), abs=0.006)
    assert {(x["status"], x["periode"]) for x in rows} == {asal(db_path, [6371, 6372])}


def test_table_format_names_the_selection_and_marks_estimates(db_path):
    r = cli("proyeksi", "--kab", "6372", "--tahun", "2", "--masuk", "1000", db_path=db_path)
    assert r.returncode == 0, r.stderr
    assert "Banjarbaru" in r.stdout and "estimasi" in r.stdout
    assert asal(db_path, [6372])[1] in r.stdout
    assert "KPM baru 1.000/tahun" in r.stdout
    # K(0) and g * P(0), numbers as an Indonesian reader writes them (1.263, never 1,263)
    (k72,), (p72,) = awal(db_path, [6372])
    assert fmt.angka(k72) in r.stdout and fmt.angka(10 * p72) in r.stdout and "." in fmt.angka(k72)
    assert "keluar" in r.stdout and "masuk" in r.stdout


def test_help_states_the_ranges_shared_with_the_page(capsys):
    rc, out, _ = run_main(["proyeksi", "--help"], capsys)
    assert rc == 0
    flat = " ".join(out.split())
    assert f"{pr.TAHUN_MIN} sampai {pr.TAHUN_MAX} tahun" in flat
    for nama in ("g", "dp", "masuk", "keluar"):
        assert pr.BATAS[nama].teks() in flat, nama
    assert f"0 sampai {fmt.angka(pr.G_MAX)}" in flat and f"0 sampai {fmt.angka(pr.MASUK_MAX)}" in flat


@pytest.mark.parametrize("args, pesan", [
    (["--kab", "6371,9999"], "Kode wilayah tidak dikenal: 9999"),
    (["--kab", "abc"], "Kode wilayah tidak dikenal: abc. Kode yang sah: 6301,"),
    (["--tahun", "0"], "1 sampai 10 tahun"),
    (["--tahun", "11"], "1 sampai 10 tahun"),
    (["--tahun", "lima"], "bukan bilangan bulat"),
    (["--g", "-1"], "--g: Graduasi per pendamping per tahun (g) harus 0 sampai 1.000 (diberikan: -1)."),
    (["--g", "1000.5"], "harus 0 sampai 1.000"),
    (["--g", "sepuluh"], "bukan angka"),
    (["--keluar", "1.5"], "0 sampai 1"),
    (["--keluar", "-0.1"], "0 sampai 1"),
    (["--masuk", "-10"], "harus 0 sampai 1.000.000"),
    (["--masuk", "-5"], "--masuk: KPM baru per tahun harus 0 sampai 1.000.000 (diberikan: -5)."),
    (["--masuk", "1e308"], "--masuk: KPM baru per tahun harus 0 sampai 1.000.000 (diberikan: 1e308)."),
    (["--masuk", "1e300"], "(diberikan: 1e300)"),
    (["--masuk", "1e999"], "(diberikan: 1e999)"),
    (["--masuk", "inf"], "--masuk: 'inf' bukan angka"),
    (["--masuk", "nan"], "--masuk: 'nan' bukan angka"),
    (["--delta-pendamping", "-10001"], "Perubahan pendamping per tahun harus -10.000 sampai 10.000"),
    (["--format", "xml"], "pilih tabel, csv atau json"),
    (["--masuk", "1.000"], "tanpa pemisah ribuan"),
    (["--delta-pendamping", "1,500"], "tanpa pemisah ribuan"),
])
def test_bad_input_is_explained_in_indonesian(db_path, args, pesan):
    r = cli("proyeksi", *args, db_path=db_path)
    assert r.returncode == 2, r.stdout
    assert pesan in r.stderr
    assert r.stdout == ""
    assert_one_indonesian_paragraph(r.stderr)


def test_every_bad_flag_is_named_in_one_line(real_env, capsys):
    rc, out, err = run_main(["proyeksi", "--tahun", "0", "--g", "inf", "--masuk", "1e308", "--keluar", "nan",
                             "--format", "xml"], capsys)
    assert rc == 2 and out == ""
    assert_one_indonesian_paragraph(err)
    for opsi in ("--tahun", "--g", "--masuk", "--keluar", "--format"):
        assert f"{opsi}:" in err


FLAGS = ["--kab", "--tahun", "--g", "--delta-pendamping", "--masuk", "--keluar", "--format"]
FUZZ = ["", " ", "abc", "1e308", "-1e308", "1e999", "1e-400", "inf", "-inf", "+inf", "Infinity", "nan", "NaN",
        "-nan", "1_000", "1.000", "1,5", "1,500", "0x10", "١٢", "²", "５", "9" * 5000, "1e", "e5", ".", ",", "-",
        "--", "+", "1,2,3", "=1+1", "@SUM(A1)", "\udcff", "5.5", "-5", "-0", "0", "10", "1.0e1", " 7 ", "\t3",
        "6371", "6371,abc", "csv", "JSON"]


@pytest.mark.parametrize("flag", FLAGS)
def test_no_value_of_any_flag_gives_a_traceback(flag, real_env, capsys):
    for value in FUZZ:
        for argv in (["proyeksi", flag, value, "--tahun", "1"] if flag != "--tahun" else ["proyeksi", flag, value],
                     ["proyeksi", f"{flag}={value}"]):
            rc, out, err = run_main(argv, capsys)  # any exception fails the test here
            assert rc in (0, 2), (argv, rc, err)
            if rc == 2:
                assert out == "", argv
                assert_one_indonesian_paragraph(err)
            else:
                assert out.strip() and err == "", argv


def test_decimal_comma_is_accepted(db_path):
    r = cli("proyeksi", "--kab", "6372", "--tahun", "1", "--keluar", "0,5", "--format", "json", db_path=db_path)
    assert r.returncode == 0, r.stderr
    (k72,), (p72,) = awal(db_path, [6372])
    assert json.loads(r.stdout)[1]["kpm"] == pytest.approx((k72 - 10 * p72) * 0.5)


def test_fixed_quota_flag_keeps_the_caseload(db_path):
    r = cli("proyeksi", "--tahun", "3", "--ganti", "--format", "json", db_path=db_path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows[3]["kpm"] == rows[0]["kpm"] and rows[3]["kumulatif_graduasi"] == 3 * 3850
    assert rows[1]["masuk"] == rows[1]["graduasi"] == 3850
