"""python -m pilar ukuran: the CLI asks the measure catalog, as the pages do (fixture database)."""
import json

import pytest

from conftest import FIXTURE_SOURCES
from pilar import ukuran
from test_cli import cli


@pytest.fixture()
def run(fixture_db_path):
    def _run(*args):
        r = cli("ukuran", *args, "--format", "json", db_path=fixture_db_path, sources=FIXTURE_SOURCES)
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)
    return _run


def test_whole_province_sum_takes_the_published_totals_status(run):
    (row,) = run("pendamping_pkh")
    # one unit is an estimate, but the 13 units add up to the announced total: its status
    assert (row["nilai"], row["status"], row["periode"]) == (73, "berita", "2025-09-23")


def test_selection_takes_the_weakest_status_and_is_a_ratio_of_sums(run):
    (psm,) = run("psm", "--kab", "6371,6372")
    assert (psm["nilai"], psm["status"]) == (45, "estimasi")
    (only,) = run("psm", "--kab", "6371")
    assert only["status"] == "berita"
    (r,) = run("kpm_per_pendamping", "--kab", "6301,6371")
    assert r["nilai"] == pytest.approx((2000 + 12000) / (8 + 50))


def test_per_unit_rows_and_english_words(run):
    rows = run("kpm_per_pendamping", "--per-wilayah", "--lang", "en")
    assert {r["kode_bps"]: r["status"] for r in rows} == {6301: "press", 6371: "press", 6372: "estimate"}


def test_every_measure_by_default_and_unknown_names_refused(fixture_db_path):
    r = cli("ukuran", "--daftar", "--format", "json", db_path=fixture_db_path, sources=FIXTURE_SOURCES)
    assert [d["ukuran"] for d in json.loads(r.stdout)] == list(ukuran.UKURAN)
    r = cli("ukuran", "kpm_per_pendampin", db_path=fixture_db_path, sources=FIXTURE_SOURCES)
    assert r.returncode == 2 and "Ukuran tidak dikenal: kpm_per_pendampin" in r.stderr
    r = cli("ukuran", "--kab", "9999", db_path=fixture_db_path, sources=FIXTURE_SOURCES)
    assert r.returncode == 2 and "9999" in r.stderr and "Traceback" not in r.stderr
