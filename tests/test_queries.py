"""Each named query against hand-computed expectations on the fixture database."""
import pytest

from pilar import db, wilayah


def rows(df):
    return [tuple(r) for r in df.itertuples(index=False)]


def test_every_query_file_has_a_description_and_declared_params():
    qs = db.queries()
    assert "pilar_per_wilayah" in qs
    for q in qs.values():
        assert q.keterangan, q.nama


def test_pilar_per_wilayah_latest_period(fixture_con):
    df = db.run(fixture_con, "pilar_per_wilayah")
    assert list(df.columns) == ["kode_bps", "nama", "lks", "tksk", "psm", "karang_taruna",
                                "pendamping_pkh", "tagana", "pelopor_perdamaian"]
    assert rows(df) == [
        (6301, "Kabupaten Tanah Laut", 5, 8, 90, 80, 8, 40, 2),
        (6371, "Kota Banjarmasin", 20, 4, 30, 40, 50, 100, 5),
        (6372, "Kota Banjarbaru", 10, 3, 15, 20, 15, 30, 3),
    ]
    assert all(str(df[c].dtype).startswith("int") for c in df.columns[2:])


def test_pilar_per_wilayah_filter_and_period(fixture_con):
    df = db.run(fixture_con, "pilar_per_wilayah", kode=[6372, 6301])
    assert list(df["kode_bps"]) == [6301, 6372]
    old = db.run(fixture_con, "pilar_per_wilayah", periode="2024-01-01")
    assert list(old["lks"]) == [1, 2, 3]
    assert old["tksk"].isna().all()  # not published for that period: missing, not zero


def test_pilar_rinci_long_format(fixture_con):
    df = db.run(fixture_con, "pilar_rinci", kode=[6372])
    assert len(df) == 7
    assert set(df["status"]) == {"estimasi"}
    assert list(df["jenis_pilar"])[:2] == ["lks", "tksk"]


def test_kpm_per_wilayah_latest_and_explicit_period(fixture_con):
    df = db.run(fixture_con, "kpm_per_wilayah")
    assert rows(df[["kode_bps", "kpm", "status"]]) == [(6301, 2000, "berita"), (6371, 12000, "berita"),
                                                         (6372, 4000, "estimasi")]
    old = db.run(fixture_con, "kpm_per_wilayah", periode="2021-Q4", kode=[6371])
    assert rows(old[["kode_bps", "kpm"]]) == [(6371, 1)]


def test_indikator_wilayah_has_derived_desa_kelurahan(fixture_con):
    df = db.run(fixture_con, "indikator_wilayah", kode=[6301])
    got = df.set_index("indikator")
    assert got.at["desa_kelurahan", "nilai"] == 110
    assert got.at["kpm_pkh", "nilai"] == 2000  # latest period only
    assert got.at["kpm_pkh", "periode"] == "2022-Q2"
    assert got.at["lks", "nilai"] == 5


def test_total_provinsi_names_match_indicators(fixture_con):
    df = db.run(fixture_con, "total_provinsi").set_index("indikator")
    assert df.at["lks", "nilai"] == 35
    assert df.at["kpm_pkh", "nilai"] == 18000


def test_sumber_counts_citations(fixture_con):
    df = db.run(fixture_con, "sumber").set_index("sumber_id")
    # F01: 24 pilar + 6 kpm + 8 province figures + 3 acuan rows; F02: 18 unit facts + 1 province figure
    # every row citing F01 in the fixture, of which the rows marked estimasi (derived by a rule) are
    # counted apart from the published ones
    cited = {t: fixture_con.execute(f"SELECT status FROM {t} WHERE sumber_id = 'F01'").fetchall()
             for t in ("pilar", "kpm", "fakta_provinsi", "acuan", "fakta_wilayah")}
    derived = sum(1 for rows in cited.values() for (s,) in rows if s == "estimasi")
    assert df.at["F01", "angka_terbit"] + df.at["F01", "angka_turunan"] == sum(len(r) for r in cited.values())
    assert df.at["F01", "angka_turunan"] == derived > 0
    assert (df.at["F02", "angka_terbit"], df.at["F02", "angka_turunan"]) == (18, 1)  # one unit's poor count is an estimate


def test_periode_data_counts_statuses(fixture_con):
    df = db.run(fixture_con, "periode_data").set_index(["data", "periode"])
    assert tuple(df.loc[("pilar", "2025-09-23")]) == (0, 14, 7)
    assert tuple(df.loc[("kpm_pkh", "2022-Q2")]) == (0, 2, 1)


def test_unknown_query_and_parameter_are_explained(fixture_con):
    with pytest.raises(db.QueryError, match="Kueri 'tidak_ada' tidak ada"):
        db.run(fixture_con, "tidak_ada")
    with pytest.raises(db.QueryError, match="tidak mengenal parameter tahun"):
        db.run(fixture_con, "pilar_per_wilayah", tahun=2025)


# ---------------------------------------------------------------- codes as people type them

KNOWN = {6301: "Kabupaten Tanah Laut", 6371: "Kota Banjarmasin", 6372: "Kota Banjarbaru"}


@pytest.mark.parametrize("teks, kode, asing", [
    ("", [], []),
    (" 6372, 6371,,6372 ", [6371, 6372], []),          # sorted, unique, blanks skipped
    ("6371,9999,abc, 6301", [6301, 6371], ["9999", "abc"]),
    ("²,٣,6371", [6371], ["²", "٣"]),                  # isdigit() says yes to these; int() does not
    ("9" * 5000, [], ["9" * 5000]),                    # beyond int()'s digit limit: unknown, no error
    ("6371 6372", [], ["6371 6372"]),
    ("06371", [6371], []),
    ([6372, "6371", 7], [6371, 6372], ["7"]),          # a list, as db.run receives it
])
def test_urai_kode(teks, kode, asing):
    assert wilayah.urai_kode(teks, KNOWN) == (kode, asing)
    assert wilayah.urai_kode(teks, tuple(KNOWN)) == (kode, asing)


# ---------------------------------------------------------------- values checked against the database

def test_queries_with_a_period_know_which_table_holds_it():
    got = {q.nama: q.periode_dari for q in db.queries().values() if any(p.nama == "periode" for p in q.params)}
    assert got == {"kpm_per_wilayah": "kpm", "pilar_per_wilayah": "pilar", "pilar_rinci": "pilar"}


@pytest.mark.parametrize("nama, tabel", [("pilar_per_wilayah", "pilar"), ("pilar_rinci", "pilar"),
                                         ("kpm_per_wilayah", "kpm")])
def test_unknown_period_is_an_error_naming_the_periods(fixture_con, nama, tabel):
    ada = sorted(r[0] for r in fixture_con.execute(f"SELECT DISTINCT periode FROM {tabel}").fetchall())
    assert len(ada) >= 2  # the fixture has an old and a new period of each
    with pytest.raises(db.QueryError) as e:
        db.run(fixture_con, nama, periode="2099-01-01")
    assert str(e.value) == (f"Periode '2099-01-01' tidak ada untuk kueri {nama}. "
                            f"Periode yang ada: {', '.join(ada)}.")
    for p in ada:  # every listed period is accepted
        db.run(fixture_con, nama, periode=p)
    assert db.run(fixture_con, nama, periode="").equals(db.run(fixture_con, nama))  # empty = latest


def test_unknown_codes_are_an_error_from_python_too(fixture_con):
    with pytest.raises(db.QueryError, match=r"Kode wilayah tidak dikenal: 9999, x\. Kode yang sah: 6301, 6371, 6372\."):
        db.run(fixture_con, "pilar_per_wilayah", kode=[6371, 9999, "x"])
    want = db.run(fixture_con, "pilar_per_wilayah", kode=[6371, 6372])
    assert list(want["kode_bps"]) == [6371, 6372]
    assert db.run(fixture_con, "pilar_per_wilayah", kode="6372, 6371").equals(want)
    assert list(db.run(fixture_con, "pilar_per_wilayah", kode=6371)["kode_bps"]) == [6371]
    assert len(db.run(fixture_con, "pilar_per_wilayah", kode="")) == 3


def test_period_table_is_declared_or_inferred(tmp_path):
    (tmp_path / "a.sql").write_text("-- A.\n-- @param periode teks  p\n-- @periode kpm\n"
                                    "SELECT * FROM pilar WHERE periode = $periode\n")
    assert db.parse_query(tmp_path / "a.sql").periode_dari == "kpm"
    (tmp_path / "b.sql").write_text("-- B.\n-- @param periode teks  p\n"
                                    "SELECT coalesce($periode, (SELECT max(periode) FROM kpm))\n")
    assert db.parse_query(tmp_path / "b.sql").periode_dari == "kpm"
    (tmp_path / "c.sql").write_text("-- C.\n-- @param periode teks  p\nSELECT $periode\n")
    with pytest.raises(ValueError, match="add a line '-- @periode TABLE'"):
        db.parse_query(tmp_path / "c.sql")
