"""python -m pilar, as an analyst uses it."""
import csv
import io
import json
import os
import subprocess
import sys

from conftest import FORUM_TOTALS, ROOT


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
    assert [(d["kode_bps"], d["kpm"], d["status"]) for d in data] == [(6371, 15526, "berita")]


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
