"""The benchmark's data generator: 40 quarterly periods, latest figures untouched (no timing here)."""
from bench import generate
from pilar import db


def test_grown_copy_has_40_periods_and_same_latest_figures(real_db_path, tmp_path):
    big = tmp_path / "big.duckdb"
    rows = generate.grow(real_db_path, big, 40)
    old, new = db.connect(real_db_path), db.connect(big)
    try:
        had = {t: old.execute(f"SELECT count(*), count(DISTINCT periode) FROM {t}").fetchone() for t in ("pilar", "kpm")}
        # each new period copies the latest one (7 pillars or 1 program, 13 units); existing periods stay
        assert rows == {"pilar": had["pilar"][0] + (40 - had["pilar"][1]) * 13 * 7,
                        "kpm": had["kpm"][0] + (40 - had["kpm"][1]) * 13}
        assert new.execute("SELECT count(DISTINCT periode) FROM pilar").fetchone()[0] == 40
        for q in ("pilar_per_wilayah", "kpm_per_wilayah", "pilar_rinci", "indikator_wilayah"):
            assert db.run(old, q).equals(db.run(new, q)), q
        assert new.execute("SELECT count(DISTINCT periode) FROM kpm").fetchone()[0] == 40
    finally:
        old.close()
        new.close()


def test_quarters_count_back():
    assert generate._quarters_before("2022-Q2", 3) == ["2022-Q1", "2021-Q4", "2021-Q3"]
    assert generate._quarter_ends_before(__import__("datetime").date(2025, 9, 23), 2) == ["2025-06-30", "2025-03-31"]
