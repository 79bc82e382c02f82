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


# Published unit counts kept by the allocation (pins): (kode, jenis, periode) -> (jumlah, sumber).
PINS = {(6371, "psm", "2025-09-23"): (175, "S70"), (6371, "karang_taruna", "2025-09-23"): (63, "S71")}


def test_estimates_are_labelled_and_explained(real_con):
    # Every per-unit pillar count is an estimate with its rule in the note, except the published pins.
    rows = real_con.execute("SELECT kode_bps, jenis_pilar, periode, jumlah, sumber_id, status, catatan "
                            "FROM pilar").fetchall()
    est = [r for r in rows if r[5] == "estimasi"]
    assert est and all("sisa terbesar" in r[6] for r in est)
    assert {(k, j, p): (n, s) for k, j, p, n, s, st, _ in rows if st != "estimasi"} == PINS
    # KPM: 2020-Q3 all published (Bulog), 2022-Q2 eight published, 2023-Q4 all estimated.
    statuses = real_con.execute("SELECT periode, status, count(*) FROM kpm WHERE program = 'pkh' "
                                "GROUP BY ALL ORDER BY ALL").fetchall()
    assert statuses == [("2020-Q3", "berita", 13), ("2022-Q2", "berita", 8), ("2022-Q2", "estimasi", 5),
                        ("2023-Q4", "estimasi", 13)]


def test_pins_are_kept_with_their_source_and_date(real_con):
    # Fails if a pin is dropped, turned into an estimate or loses its publication date in the note.
    for (kode, jenis, periode), (n, sid) in PINS.items():
        row = real_con.execute("SELECT jumlah, sumber_id, status, catatan FROM pilar WHERE kode_bps = ? "
                               "AND jenis_pilar = ? AND periode = ?", [kode, jenis, periode]).fetchone()
        assert row is not None and row[:3] == (n, sid, "berita"), (kode, jenis)
        assert "terbit" in row[3] and any(y in row[3] for y in ("2023", "2025")), row[3]
        # the other units share what the pin leaves of the forum total
        rest = scalar(real_con, "SELECT sum(jumlah) FROM pilar WHERE jenis_pilar = ? AND periode = ? "
                                "AND kode_bps <> ?", jenis, periode, kode)
        assert rest == FORUM_TOTALS[jenis] - n


def test_no_estimate_below_a_published_lower_bound(real_con):
    rows = real_con.execute("""
        SELECT p.kode_bps, p.jenis_pilar, p.jumlah, b.nilai
        FROM pilar AS p JOIN fakta_wilayah AS b
          ON b.kode_bps = p.kode_bps AND b.indikator = 'batas_bawah_' || p.jenis_pilar
         AND TRY_CAST(b.periode AS DATE) <= TRY_CAST(p.periode AS DATE)
         AND TRY_CAST(p.periode AS DATE) - TRY_CAST(b.periode AS DATE) <= 366""").fetchall()
    assert {(k, j) for k, j, *_ in rows} == {(6303, "tagana"), (6305, "tagana"), (6371, "tagana"),
                                             (6372, "tagana")}
    assert all(n >= b for *_, n, b in rows), rows


def test_kpm_and_poor_population_add_up_to_published_province_totals(real_con):
    assert scalar(real_con, "SELECT sum(jumlah) FROM kpm WHERE program = 'pkh' AND periode = '2022-Q2'") == 95420
    assert scalar(real_con, "SELECT sum(jumlah) FROM kpm WHERE program = 'pkh' AND periode = '2023-Q4'") == 98636
    assert scalar(real_con, "SELECT sum(nilai) FROM fakta_wilayah "
                            "WHERE indikator = 'penduduk_miskin' AND periode = '2024-03'") == 183310


def test_2023_pendamping_add_up_and_follow_the_2023_kpm(real_con):
    df = db.run(real_con, "pilar_per_wilayah", periode="2023-12-31")
    assert len(df) == 13 and int(df["pendamping_pkh"].sum()) == 414
    kpm = dict(real_con.execute("SELECT kode_bps, jumlah FROM kpm WHERE periode = '2023-Q4'").fetchall())
    for kode, n in zip(df["kode_bps"], df["pendamping_pkh"]):
        assert abs(n - 414 * kpm[kode] / 98636) < 1, kode  # largest remainder: within one of the quota


def test_kpm_estimates_follow_the_latest_complete_earlier_shares(real_con):
    def kpm(periode):
        return dict(real_con.execute("SELECT kode_bps, jumlah FROM kpm WHERE program = 'pkh' AND periode = ?",
                                     [periode]).fetchall())
    k20, k22, k23 = kpm("2020-Q3"), kpm("2022-Q2"), kpm("2023-Q4")
    five = [k for (k,) in real_con.execute("SELECT kode_bps FROM kpm WHERE periode = '2022-Q2' "
                                           "AND status = 'estimasi'").fetchall()]
    rest = 95420 - sum(v for k, v in k22.items() if k not in five)
    for k in five:  # the five cut-off units of 2022 share the rest as they shared 2020
        assert abs(k22[k] - rest * k20[k] / sum(k20[x] for x in five)) < 1, k
    for k, v in k23.items():  # 2023: the 2022 series scaled to the published 2023 total
        assert abs(v - 98636 * k22[k] / 95420) < 1, k


def test_official_facts_match_the_reference_totals(real_con):
    # Province totals stated by the publishers (Kepmendagri 2025, BIG 2024).
    def total(ind):
        return scalar(real_con, "SELECT sum(nilai) FROM fakta_wilayah WHERE indikator = ?", ind)
    assert total("kecamatan") == 156
    assert total("desa") == 1872
    assert total("kelurahan") == 144
    assert total("penduduk") == 4305281
    assert total("luas_km2") == pytest.approx(37125.426, abs=0.001)
