"""dbt-style invariants of the real database built from data/sources/."""
import re

import pytest

from conftest import FORUM_TOTALS
from pilar import db

KODE_BPS = [6301, 6302, 6303, 6304, 6305, 6306, 6307, 6308, 6309, 6310, 6311, 6371, 6372]
FIGURE_TABLES = ["fakta_wilayah", "fakta_provinsi", "acuan", "kpm", "pilar"]


def scalar(con, sql, *params):
    return con.execute(sql, list(params)).fetchone()[0]


def test_exactly_13_units_with_accepted_codes(real_con):
    rows = real_con.execute("SELECT kode_bps, kode_kemendagri, jenis FROM wilayah ORDER BY kode_bps").fetchall()
    assert [r[0] for r in rows] == KODE_BPS
    for kode_bps, kode_kemendagri, jenis in rows:
        assert re.fullmatch(r"63\.\d\d", kode_kemendagri)
        assert kode_kemendagri.replace(".", "") == str(kode_bps)
        assert jenis == ("kota" if kode_bps > 6370 else "kabupaten")


def test_unit_sums_equal_the_forum_totals(real_con):
    df = db.run(real_con, "pilar_per_wilayah")
    assert len(df) == 13
    assert {c: int(df[c].sum()) for c in FORUM_TOTALS} == FORUM_TOTALS


@pytest.mark.parametrize("table", FIGURE_TABLES)
def test_every_figure_has_period_existing_source_and_status(real_con, table):
    assert scalar(real_con, f"SELECT count(*) FROM {table}") > 0
    assert scalar(real_con, f"SELECT count(*) FROM {table} WHERE periode IS NULL OR periode = ''") == 0
    assert scalar(real_con, f"SELECT count(*) FROM {table} LEFT JOIN sumber USING (sumber_id) "
                            "WHERE sumber.judul IS NULL") == 0
    assert scalar(real_con, f"SELECT count(*) FROM {table} "
                            "WHERE status NOT IN ('resmi', 'berita', 'estimasi') OR status IS NULL") == 0


@pytest.mark.parametrize("table,column", [("fakta_wilayah", "nilai"), ("fakta_provinsi", "nilai"),
                                          ("kpm", "jumlah"), ("pilar", "jumlah")])
def test_no_negative_figures(real_con, table, column):
    assert scalar(real_con, f"SELECT count(*) FROM {table} WHERE {column} < 0") == 0


def test_every_unit_has_every_base_figure(real_con):
    needed = ["kecamatan", "desa", "kelurahan", "luas_km2", "penduduk", "penduduk_miskin", "p0_persen"]
    for ind in needed:
        n = scalar(real_con, "SELECT count(DISTINCT kode_bps) FROM fakta_wilayah WHERE indikator = ?", ind)
        assert n == 13, ind
    assert scalar(real_con, "SELECT count(DISTINCT kode_bps) FROM kpm WHERE program = 'pkh'") == 13


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
