"""dbt-style invariants of the real database built from data/sources/.

Only what neither the schema's constraints nor the build's checks (pilar/sumber.py) enforce:
a test of those could not fail.
"""
import pytest

from conftest import FORUM_TOTALS
from pilar import db

KODE_BPS = [6301, 6302, 6303, 6304, 6305, 6306, 6307, 6308, 6309, 6310, 6311, 6371, 6372]


def scalar(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()[0]


def test_exactly_the_13_units_of_kalimantan_selatan(real_con):
    # Code format, Kemendagri code and kabupaten/kota are checked by the build (pilar/sumber.py).
    assert [r[0] for r in real_con.execute("SELECT kode_bps FROM wilayah ORDER BY kode_bps").fetchall()] == KODE_BPS


def test_unit_sums_equal_the_forum_totals(real_con):
    df = db.run(real_con, "pilar_per_wilayah")
    assert len(df) == 13
    assert {c: int(df[c].sum()) for c in FORUM_TOTALS} == FORUM_TOTALS


def test_every_unit_has_area_and_poverty_rate(real_con):
    # The other base figures and KPM PKH are required for every unit by the build (sumber.WAJIB_*).
    for ind in ("luas_km2", "p0_persen"):
        n = scalar(real_con, "SELECT count(DISTINCT kode_bps) FROM fakta_wilayah WHERE indikator = ?", ind)
        assert n == 13, ind


def test_estimates_are_labelled_and_explained(real_con):
    # Per-unit pillar counts are unpublished: every one is an estimate with its rule in the note.
    rows = real_con.execute("SELECT status, catatan FROM pilar").fetchall()
    assert rows and all(s == "estimasi" and "sisa terbesar" in c for s, c in rows)
    # Published KPM rows are kept as published; the rest are estimates.
    statuses = dict(real_con.execute("SELECT status, count(*) FROM kpm GROUP BY status").fetchall())
    assert statuses == {"berita": 8, "estimasi": 5}


def test_kpm_and_poor_population_add_up_to_published_province_totals(real_con):
    assert scalar(real_con, "SELECT sum(jumlah) FROM kpm WHERE program = 'pkh' AND periode = '2022-Q2'") == 95420
    assert scalar(real_con, "SELECT sum(nilai) FROM fakta_wilayah "
                            "WHERE indikator = 'penduduk_miskin' AND periode = '2024-03'") == 183310


def test_official_facts_match_the_reference_totals(real_con):
    # Province totals stated by the publishers (Kepmendagri 2025, BIG 2024).
    def total(ind):
        return scalar(real_con, "SELECT sum(nilai) FROM fakta_wilayah WHERE indikator = ?", ind)
    assert total("kecamatan") == 156
    assert total("desa") == 1872
    assert total("kelurahan") == 144
    assert total("penduduk") == 4305281
    assert total("luas_km2") == pytest.approx(37125.426, abs=0.001)
