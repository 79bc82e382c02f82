"""python -m pilar, as an analyst uses it."""
import csv
import io
import json
import os
import re
import subprocess
import sys

import duckdb
import pytest

from conftest import FORUM_TOTALS, ROOT
from pilar import cli as cli_mod


def cli(*args, db_path=None, sources=None):
    env = dict(os.environ)
    if db_path:
        env["PILAR_DB"] = str(db_path)
    if sources:
        env["PILAR_SOURCES"] = str(sources)
    return subprocess.run([sys.executable, "-m", "pilar", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_query_csv_prints_13_rows_summing_to_forum_totals(tmp_path):
    # A fresh database path: the command builds it itself.
    r = cli("query", "pilar_per_wilayah", "--format", "csv", db_path=tmp_path / "p.duckdb")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 13
    assert {c: sum(int(x[c]) for x in rows) for c in FORUM_TOTALS} == FORUM_TOTALS


def test_query_json_with_params(tmp_path):
    r = cli("query", "kpm_per_wilayah", "--param", "kode=6371", "--format", "json", db_path=tmp_path / "p.duckdb")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["kode_bps"] for d in data] == [6371] and data[0]["periode"] > "2022-Q2"  # the latest period
    # the published tahap II 2022 figure is still there for its own period
    r = cli("query", "kpm_per_wilayah", "--param", "kode=6371", "--param", "periode=2022-Q2", "--format", "json",
            db_path=tmp_path / "p.duckdb")
    assert [(d["kode_bps"], d["kpm"], d["status"]) for d in json.loads(r.stdout)] == [(6371, 15526, "berita")]


def test_queries_lists_every_file_with_description():
    r = cli("queries")
    assert r.returncode == 0
    for path in (ROOT / "queries").glob("*.sql"):
        assert path.stem in r.stdout


def test_bad_parameters_are_explained_in_indonesian(tmp_path):
    r = cli("query", "pilar_per_wilayah", "--param", "kode=6371,9999", db_path=tmp_path / "p.duckdb")
    assert r.returncode == 2
    assert "Kode wilayah tidak dikenal: 9999" in r.stderr
    r = cli("query", "pilar_per_wilayah", "--param", "tahun=2025", db_path=tmp_path / "p.duckdb")
    assert r.returncode == 2 and "tidak mengenal parameter 'tahun'" in r.stderr
    r = cli("query", "tidak_ada", db_path=tmp_path / "p.duckdb")
    assert r.returncode == 2 and "Kueri 'tidak_ada' tidak ada" in r.stderr


def test_build_with_bad_sources_reports_and_keeps_database(tmp_path, sources_copy):
    target = tmp_path / "p.duckdb"
    assert cli("build", db_path=target, sources=sources_copy).returncode == 0
    before = target.read_bytes()
    path = sources_copy / "kpm.csv"
    path.write_text(path.read_text().replace("6371,pkh,2022-Q2,15526", "6371,pkh,2022-Q2,-1"))
    r = cli("build", db_path=target, sources=sources_copy)
    assert r.returncode == 1
    assert "basis data tidak diubah" in r.stderr
    assert "kpm.csv baris" in r.stderr and "kolom jumlah: nilai negatif (-1)" in r.stderr
    assert target.read_bytes() == before


# ---------------------------------------------------------------- errors: one paragraph, never a traceback

def test_unknown_period_lists_the_periods_that_exist(tmp_path):
    target = tmp_path / "p.duckdb"
    r = cli("query", "pilar_per_wilayah", "--param", "periode=2099-01-01", db_path=target)
    assert r.returncode == 2 and r.stdout == ""
    con = duckdb.connect(str(target), read_only=True)
    try:
        pilar = [x for (x,) in con.execute("SELECT DISTINCT periode FROM pilar ORDER BY 1").fetchall()]
        kpm = [x for (x,) in con.execute("SELECT DISTINCT periode FROM kpm ORDER BY 1").fetchall()]
    finally:
        con.close()
    assert r.stderr.strip() == (f"Periode '2099-01-01' tidak ada untuk kueri pilar_per_wilayah. "
                                f"Periode yang ada: {', '.join(pilar)}.")
    r = cli("query", "kpm_per_wilayah", "--param", "periode=2022", db_path=target)
    assert r.returncode == 2 and f"Periode yang ada: {', '.join(kpm)}." in r.stderr


def run_main(argv, capsys):
    """cli.main in this process: any exception other than argparse's exit fails the test."""
    try:
        rc = cli_mod.main(argv)
    except SystemExit as e:
        rc = e.code
    out, err = capsys.readouterr()
    return rc, out, err


ENGLISH = ("Traceback", "error:", "usage:", "invalid", "expected", "required", "unrecognized", "argument ")


def assert_one_indonesian_paragraph(err):
    assert err.strip() and "\n" not in err.strip(), err
    assert not any(w in err for w in ENGLISH), err


@pytest.fixture()
def real_env(real_db_path, monkeypatch):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))


@pytest.mark.parametrize("argv", [
    [], ["tidak_ada"], ["build", "--x"], ["alokasi", "lebih"], ["queries", "x"], ["query"],
    ["query", ""], ["query", "../../etc/passwd"], ["query", "x" * 5000], ["query", "\udcff"],
    ["query", "sumber", "--format", "xml"], ["query", "sumber", "--format"], ["query", "sumber", "--param"],
    ["query", "sumber", "--param", "kode=6371"], ["query", "pilar_per_wilayah", "--param", "kode"],
    ["query", "pilar_per_wilayah", "--param", "=6371"], ["query", "pilar_per_wilayah", "--param", "kode=abc"],
    ["query", "pilar_per_wilayah", "--param", "kode=²"],
    ["query", "pilar_per_wilayah", "--param", "kode=" + "9" * 5000],
    ["query", "pilar_per_wilayah", "--param", "kode=6371;DROP TABLE pilar"],
    ["query", "pilar_per_wilayah", "--param", "periode=\udcff"],
    ["query", "pilar_rinci", "--param", "periode=' OR 1=1"],
    ["query", "kpm_per_wilayah", "--param", "periode=2022-Q9"], ["--bantuan"], ["proyeksi", "--tidak-ada", "1"],
    ["proyeksi", "posisional"], ["proyeksi", "--g"], ["proyeksi", "--help=x"], ["proyeksi", "--format=--"],
    ["query", "sumber", "--param=--"], ["query", "sumber", "--format=--"],
])
def test_bad_arguments_to_any_command_give_one_indonesian_paragraph(argv, real_env, capsys):
    rc, out, err = run_main(argv, capsys)
    assert rc == 2, (out, err)
    assert_one_indonesian_paragraph(err)


def test_help_is_in_indonesian(capsys):
    rc, out, err = run_main(["--help"], capsys)
    assert rc == 0 and out.startswith("pemakaian: python -m pilar") and "opsi:" in out
    assert "tampilkan bantuan ini lalu keluar" in out


def test_unusable_database_file_is_one_paragraph(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "rusak.duckdb"
    bad.write_text("bukan basis data")
    monkeypatch.setenv("PILAR_DB", str(bad))
    monkeypatch.setattr(cli_mod.build, "ensure_built", lambda: bad)  # as if built: open the file as it is
    rc, out, err = run_main(["query", "sumber"], capsys)
    assert rc == 1 and out == ""
    assert err.startswith(f"Basis data {bad} tidak dapat dipakai") and "\n" not in err.strip()


def test_cli_modules_import_one_way():
    # cli imports its subcommand modules; they never import cli (no late imports, no registry)
    for mod in ("cli_proyeksi", "cli_batas"):
        src = (ROOT / "pilar" / f"{mod}.py").read_text()
        assert not re.search(r"^\s*(from \.cli import|from \. import .*\bcli\b|import pilar\.cli\b)", src, re.M), mod
    assert "COMMAND_MODULES" not in (ROOT / "pilar" / "cli.py").read_text()
