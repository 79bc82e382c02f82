"""The graduation projection model (pilar/proyeksi.py, docs/PROYEKSI.md)."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilar import db, proyeksi as pr
from pilar.data import Indikator


def traj(lin):
    """Unit 0's K, G, cumulative G and P as plain lists."""
    return (lin.K[:, 0].tolist(), lin.G[:, 0].tolist(), lin.kumulatif[:, 0].tolist(), lin.P[:, 0].tolist())


# ---------------------------------------------------------------- hand-computed cases

def test_one_unit_three_years_plain():
    K, G, S, P = traj(pr.proyeksi(1000, 10, tahun=3, g=10))
    assert K == [1000, 900, 800, 700]
    assert G == [0, 100, 100, 100]  # row t holds the graduations of year t
    assert S == [0, 100, 200, 300]
    assert P == [10, 10, 10, 10]


def test_one_unit_with_entrants():
    lin = pr.proyeksi(1000, 10, tahun=3, g=10, masuk=50)
    K, G, S, _ = traj(lin)
    assert K == [1000, 950, 900, 850]  # 1000 - 100 + 50, ...
    assert S[-1] == 300
    assert lin.N[:, 0].tolist() == [0, 50, 50, 50]


def test_one_unit_with_exits():
    lin = pr.proyeksi(1000, 10, tahun=3, g=10, keluar=0.1)
    K, G, _, _ = traj(lin)
    # X(0) = 0.1 * (1000 - 100) = 90 -> K(1) = 810; X(1) = 0.1 * 710 = 71 -> K(2) = 639;
    # X(2) = 0.1 * 539 = 53.9 -> K(3) = 485.1
    assert K == pytest.approx([1000, 810, 639, 485.1])
    assert lin.X[:, 0].tolist() == pytest.approx([0, 90, 71, 53.9])
    assert G == [0, 100, 100, 100]


def test_one_unit_with_pendamping_growth():
    K, G, _, P = traj(pr.proyeksi(1000, 10, tahun=3, g=10, dp=5))
    assert P == [10, 15, 20, 25]
    assert G == [0, 100, 150, 200]
    assert K == [1000, 900, 750, 550]


def test_pendamping_cut_stops_at_zero():
    K, G, _, P = traj(pr.proyeksi(1000, 10, tahun=3, g=10, dp=-6))
    assert P == [10, 4, 0, 0]
    assert G == [0, 100, 40, 0]
    assert K == [1000, 900, 860, 860]


def test_everything_together():
    K, G, _, P = traj(pr.proyeksi(1000, 10, tahun=3, g=10, dp=5, masuk=50, keluar=0.1))
    # K1 = 1000-100-90+50 = 860; K2 = 860-150-71+50 = 689; K3 = 689-200-48.9+50 = 490.1
    assert K == pytest.approx([1000, 860, 689, 490.1])
    assert G == [0, 100, 150, 200]


def test_capacity_cap_when_families_run_out():
    K, G, S, _ = traj(pr.proyeksi(250, 10, tahun=3, g=10))
    assert G == [0, 100, 100, 50]  # only 50 left in year three
    assert K == [250, 150, 50, 0]
    K, G, _, _ = traj(pr.proyeksi(250, 10, tahun=3, g=10, masuk=20))
    assert K == [250, 170, 90, 20]
    assert G == [0, 100, 100, 90]


def test_selection_is_sum_of_units_not_projection_of_sums():
    lin = pr.proyeksi([50, 1000], [10, 1], tahun=1, g=10)
    assert lin.G[1].tolist() == [50, 10]  # unit 0 capped by its 50 families
    assert lin.jumlah()["graduasi"].tolist() == [0, 60]  # not min(110, 1050)


def test_entrants_and_pendamping_change_split_by_kpm():
    lin = pr.proyeksi([1000, 3000], [10, 10], tahun=1, g=0, masuk=400, dp=40)
    assert lin.N[1].tolist() == [100, 300]
    assert lin.P[1].tolist() == [20, 40]
    assert lin.K[1].tolist() == [1100, 3300]


def test_selection_table_and_target_year():
    lin = pr.proyeksi([600, 400], [10, 10], tahun=4, g=10)
    j = lin.jumlah()
    assert j.columns.tolist() == ["tahun", "kpm", "graduasi", "kumulatif_graduasi", "pendamping",
                                  "kpm_per_pendamping", "keluar", "masuk"]
    assert j["kpm"].tolist() == [1000, 800, 600, 400, 200]
    assert j["kpm_per_pendamping"].tolist() == [50, 40, 30, 20, 10]  # ratio of sums
    assert lin.tahun_target(0.5) == 3   # 400 <= 500 after three years
    assert lin.tahun_target(0.0) is None  # not within 4 years
    assert pr.tahun_target_unit(lin, 0.5) == [3, 2]  # 300 <= 300, 200 <= 200
    assert lin.per_unit(0.5)["tahun_target"].tolist() == [3, 2]


def test_bad_inputs_are_refused_in_indonesian():
    for kw, word in [({"tahun": 0}, "Jangka"), ({"tahun": 11}, "Jangka"), ({"tahun": True}, "Jangka"),
                     ({"g": -1}, "negatif"), ({"g": float("nan")}, "negatif"), ({"dp": float("inf")}, "angka"),
                     ({"keluar": 1.5}, "0 sampai 1"), ({"keluar": -0.1}, "0 sampai 1"), ({"masuk": -5}, "negatif")]:
        with pytest.raises(pr.ProyeksiError, match=word):
            pr.proyeksi(100, 1, **kw)
    with pytest.raises(pr.ProyeksiError):
        pr.proyeksi([100, -1], [1, 1])


def test_duration_lens_by_hand():
    per, sel = pr.lensa_durasi([1000, 2000], [10, 5], g=10, D=4)
    assert per["kebutuhan"].tolist() == [250, 500]
    assert per["kapasitas"].tolist() == [100, 50]
    assert per["rasio"].tolist() == [2.5, 10]
    assert per["g_penutup"].tolist() == [25, 100]
    assert per["p_penutup"].tolist() == [25, 50]
    assert sel["kebutuhan"] == 750 and sel["kapasitas"] == 150 and sel["rasio"] == 5
    assert sel["p_penutup"] == 75 and sel["g_penutup"] == 50 and sel["lama_pada_laju_ini"] == 20


def test_solver_by_hand():
    # 50% of 1000 within 3 years at g = 10: 30 P >= 500 -> P = 17 (16 gives 480)
    assert pr.butuh_pendamping(1000, 10, 0.5, 3).per_unit == (17,)
    # at P = 10: 30 g >= 500 -> g = 17; at P = 5 and K = 2000: 15 g >= 1000 -> g = 67
    got = pr.butuh_g([1000, 2000], [10, 5], 0.5, 3)
    assert got.per_unit == (17, 67) and got.pilihan == 67
    # the capacity cap matters: 100% within 2 years of 1000 at g = 10 needs 50 pendamping
    assert pr.butuh_pendamping(1000, 10, 1.0, 2).per_unit == (50,)
    # g = 0 never reaches a positive target; no pendamping reaches it either
    assert pr.butuh_pendamping([1000, 0], 0, 0.5, 3).per_unit == (None, 0)
    assert pr.butuh_g([1000], [0], 0.5, 3).pilihan is None
    assert pr.butuh_pendamping([1000, 500], 10, 0.5, 3).pilihan == 17 + 9


# ---------------------------------------------------------------- properties

units = st.integers(1, 4)
kpm = st.floats(0, 50_000, allow_nan=False)
pend = st.floats(0, 200, allow_nan=False)


@st.composite
def skenario(draw):
    n = draw(units)
    return dict(
        k0=np.array(draw(st.lists(kpm, min_size=n, max_size=n))),
        p0=np.array(draw(st.lists(pend, min_size=n, max_size=n))),
        tahun=draw(st.integers(1, 10)), g=draw(st.floats(0, 100)),
        dp=draw(st.floats(-50, 50)), masuk=draw(st.floats(0, 5000)), keluar=draw(st.floats(0, 1)))


@settings(max_examples=300, deadline=None)
@given(skenario())
def test_kpm_never_negative_and_flows_conserve(s):
    lin = pr.proyeksi(**s)
    assert (lin.K >= 0).all() and (lin.P >= 0).all() and (lin.G >= 0).all() and (lin.X >= 0).all()
    left = lin.K[0] + lin.N.sum(0)
    right = lin.K[-1] + lin.G.sum(0) + lin.X.sum(0)
    assert np.allclose(left, right, rtol=1e-9, atol=1e-6)
    j = lin.jumlah()
    assert np.allclose(j["kpm"].iloc[0] + j["masuk"].sum(),
                       j["kpm"].iloc[-1] + j["graduasi"].sum() + j["keluar"].sum(), rtol=1e-9, atol=1e-6)


@settings(max_examples=300, deadline=None)
@given(skenario(), st.floats(0, 100), st.floats(0, 50), st.floats(0, 50))
def test_more_pendamping_or_higher_g_never_graduates_fewer(s, extra_p, extra_g, extra_dp):
    base = pr.proyeksi(**s).kumulatif
    tol = 1e-9 * (s["k0"].sum() + s["masuk"] * s["tahun"]) + 1e-6
    more_p = pr.proyeksi(**{**s, "p0": s["p0"] + extra_p}).kumulatif
    more_g = pr.proyeksi(**{**s, "g": s["g"] + extra_g}).kumulatif
    more_dp = pr.proyeksi(**{**s, "dp": s["dp"] + extra_dp}).kumulatif
    for other in (more_p, more_g, more_dp):
        assert (other >= base - tol).all()
        assert (other.sum(1) >= base.sum(1) - tol).all()


@st.composite
def target_case(draw):
    n = draw(units)
    return dict(k0=np.array(draw(st.lists(st.integers(0, 20_000), min_size=n, max_size=n)), dtype=float),
                target=draw(st.sampled_from([0.1, 0.25, 0.5, 0.75, 1.0]) | st.floats(0, 1)),
                tahun=draw(st.integers(1, 10)), masuk=draw(st.sampled_from([0.0, 100.0, 1000.0])),
                keluar=draw(st.sampled_from([0.0, 0.02, 0.1])))


def reaches(k0, p, g, c):
    """Graduates within c['tahun'] years on the full model, constant P, vs the target (per unit)."""
    lin = pr.proyeksi(k0, p, c["tahun"], g, 0.0, c["masuk"], c["keluar"])
    return lin.kumulatif[-1] >= c["target"] * k0 - pr.TOLERANSI


@settings(max_examples=200, deadline=None)
@given(target_case(), st.integers(1, 60))
def test_pendamping_solver_answer_reaches_and_one_less_does_not(c, g):
    k0 = c["k0"]
    got = pr.butuh_pendamping(k0, g, c["target"], c["tahun"], c["masuk"], c["keluar"])
    p = np.array(got.per_unit, dtype=float)
    assert reaches(k0, p, g, c).all()
    for i in np.nonzero(p > 0)[0]:
        less = p.copy()
        less[i] -= 1
        assert not reaches(k0, less, g, c)[i]
    assert got.pilihan == int(p.sum())


@settings(max_examples=200, deadline=None)
@given(target_case(), st.data())
def test_g_solver_answer_reaches_and_one_less_does_not(c, data):
    k0 = c["k0"]
    p0 = np.array(data.draw(st.lists(st.integers(1, 100), min_size=len(k0), max_size=len(k0))), dtype=float)
    got = pr.butuh_g(k0, p0, c["target"], c["tahun"], c["masuk"], c["keluar"])
    for i, gi in enumerate(got.per_unit):
        assert reaches(k0, p0, gi, c)[i]
        if gi > 0:
            assert not reaches(k0, p0, gi - 1, c)[i]
    # the selection's g: every unit reaches the target with it, and not with one less
    gs = got.pilihan
    assert reaches(k0, p0, gs, c).all()
    if gs > 0:
        assert not reaches(k0, p0, gs - 1, c).all()


# ---------------------------------------------------------------- input ranges

def test_ranges_are_the_named_constants():
    assert (pr.BATAS["g"].lo, pr.BATAS["g"].hi) == (pr.G_MIN, pr.G_MAX) == (0, 1000)
    assert (pr.BATAS["dp"].lo, pr.BATAS["dp"].hi) == (pr.DP_MIN, pr.DP_MAX) == (-10_000, 10_000)
    assert (pr.BATAS["masuk"].lo, pr.BATAS["masuk"].hi) == (pr.MASUK_MIN, pr.MASUK_MAX) == (0, 1_000_000)
    assert (pr.BATAS["keluar"].lo, pr.BATAS["keluar"].hi) == (pr.KELUAR_MIN, pr.KELUAR_MAX) == (0, 1)
    assert pr.BATAS["masuk"].teks() == "0 sampai 1.000.000"
    assert pr.BATAS["dp"].teks("en", "–") == "-10,000–10,000"


@pytest.mark.parametrize("kw, kata", [
    ({"g": 1000.5}, "Graduasi per pendamping per tahun (g) harus 0 sampai 1.000"),
    ({"g": -1}, "(g) harus 0 sampai 1.000 (diberikan: -1)"),
    ({"dp": -10_001}, "Perubahan pendamping per tahun harus -10.000 sampai 10.000"),
    ({"masuk": 1e308}, "KPM baru per tahun harus 0 sampai 1.000.000 (diberikan: 1e+308)"),
    ({"masuk": float("inf")}, "KPM baru per tahun harus 0 sampai 1.000.000 (diberikan: inf)"),
    ({"keluar": float("nan")}, "Laju keluar lain per tahun (e) harus 0 sampai 1"),
    ({"tahun": 0}, "Jangka proyeksi harus bilangan bulat 1 sampai 10 tahun"),
])
def test_typed_inputs_outside_their_range_are_refused(kw, kata):
    with pytest.raises(pr.ProyeksiError) as e:
        pr.periksa_batas(**kw)
    assert kata in str(e.value) and "\n" not in str(e.value)


def test_typed_inputs_at_their_bounds_are_accepted():
    pr.periksa_batas(1, pr.G_MIN, pr.DP_MIN, pr.MASUK_MIN, pr.KELUAR_MIN)
    pr.periksa_batas(10, pr.G_MAX, pr.DP_MAX, pr.MASUK_MAX, pr.KELUAR_MAX)


def test_model_projects_a_solver_answer_above_the_typed_range():
    # 20 000 families, one pendamping, all in a year: g = 20 000, beyond G_MAX; the model still runs it
    g = pr.butuh_g([20_000], [1], 1.0, 1).pilihan
    assert g == 20_000 > pr.G_MAX
    assert pr.proyeksi(20_000, 1, 1, g).K[1].tolist() == [0]


# ---------------------------------------------------------------- URL settings and names

def test_url_round_trip_and_bad_values():
    base = pr.pengaturan_bawaan()
    p = pr.Pengaturan(H=7, D=3, target=60, dalam=4, skenario=(
        pr.Skenario(g=12.5, dp=-10, masuk=1500, keluar=0.02, nama="Kita"), pr.Skenario(p0="target")))
    q = pr.ke_url(p)
    assert q["g"] == "12.5" and q["dp"] == "-10" and q["keluar"] == "0.02" and q["p02"] == "target"
    assert q["nama"] == "Kita" and "nama2" not in q
    back, salah = pr.dari_url(q, base)
    assert back == p and salah == []
    back, salah = pr.dari_url({"H": "99", "g": "-1", "keluar": "2", "p0": "x", "sk": "1", "D": "4.5"}, base)
    assert back.H == 10 and back.D == 4 and len(back.skenario) == 1 and back.skenario[0] == pr.Skenario()
    assert len(salah) == 5 and any(s.startswith("H=99") for s in salah)
    assert set(q) <= set(pr.kunci_url())


def test_url_uses_the_shared_ranges():
    base = pr.pengaturan_bawaan()
    ok = {"g": "1000", "dp": "-10000", "masuk": "1000000", "keluar": "1", "sk": "1"}
    back, salah = pr.dari_url(ok, base)
    assert salah == [] and back.skenario[0] == pr.Skenario(g=1000, dp=-10000, masuk=1e6, keluar=1)
    bad = {"g": "1000.5", "dp": "-10001", "masuk": "1e308", "keluar": "nan", "sk": "1", "H": "1e400"}
    back, salah = pr.dari_url(bad, base, lang="en")
    assert back.skenario[0] == base.skenario[0] and back.H == base.H
    assert "g=1000.5 (0–1,000)" in salah and "masuk=1e308 (0–1,000,000)" in salah
    assert "dp=-10001 (-10,000–10,000)" in salah and "keluar=nan (0–1)" in salah


def test_scenario_names_follow_values():
    assert pr.nama_skenario(pr.Skenario(), 5, "id") == "Target Kemensos: 10/pendamping (tanpa pengganti)"
    assert pr.nama_skenario(pr.Skenario(g=2.3), 5, "id", 10, 2.3) == "Realisasi 2025: ≈ 2,3/pendamping (tanpa pengganti)"
    assert pr.nama_skenario(pr.Skenario(ganti=True), 5, "id").endswith("(kuota tetap, lulusan diganti KPM baru)")
    assert pr.nama_skenario(pr.Skenario(dp=50), 5, "id") == "Tambah 50 pendamping/tahun (tanpa pengganti)"
    assert pr.nama_skenario(pr.Skenario(p0="target"), 5, "id") == "Target 5 tahun (tanpa pengganti)"
    assert pr.nama_skenario(pr.Skenario(g=12.5, keluar=0.02), 5, "id").startswith("12,5 graduasi")
    assert pr.nama_skenario(pr.Skenario(p0="target"), 3, "en") == "Target 3 years (no replacement)"


def test_fixed_quota_replaces_each_graduate():
    lin = pr.proyeksi([1000, 500], [10, 5], 3, g=10, ganti=True)
    j = lin.jumlah()
    assert j["kpm"].tolist() == [1500, 1500, 1500, 1500]  # every place taken again
    assert j["graduasi"].tolist()[1:] == [150, 150, 150] and j["kumulatif_graduasi"].iloc[-1] == 450
    assert j["masuk"].tolist()[1:] == [150, 150, 150]  # the replacements are the new entrants
    no = pr.proyeksi([1000, 500], [10, 5], 3, g=10).jumlah()
    assert no["kpm"].iloc[-1] == 1500 - 450


def test_no_target_is_preset_and_a_target_scenario_then_uses_the_data():
    base = pr.pengaturan_bawaan()
    assert base.target == 0 and not any(s.p0 == "target" for s in base.skenario)
    back, salah = pr.dari_url({"ganti": "1", "ganti2": "x", "sk": "2"}, base)
    assert back.skenario[0].ganti and salah == ["ganti2=x (0/1)"]
    assert pr.nama_unik(["a", "b", "a"]) == ["a", "b", "a (2)"]


# ---------------------------------------------------------------- databases

def test_inputs_from_fixture_database(fixture_con):
    ind = Indikator.load(fixture_con)
    m = pr.masukan(ind)
    assert m.kode == (6301, 6371, 6372)
    assert m.k0.tolist() == [2000, 12000, 4000] and m.p0.tolist() == [8, 50, 15]
    assert m.status_p[2] == "estimasi"
    a = pr.acuan(db.run(fixture_con, "acuan"))
    assert a["graduasi_per_pendamping"].nilai == 10 and a["graduasi_per_pendamping"].sumber_id == "F01"
    assert a["lama_graduasi_min"].nilai == 3 and a["lama_graduasi_min"].sumber_id is None  # fallback
    assert m.pilih([6372]).k0.tolist() == [4000]


def test_inputs_do_not_change_the_shared_indicator_object(fixture_con):
    # Without pendamping rows the model adds the missing column: to its own frame, not the shared one.
    ind = Indikator.load(fixture_con)
    tanpa_p = Indikator(ind.long[ind.long["indikator"] != "pendamping_pkh"].reset_index(drop=True),
                        ind.provinsi, ind.semua_kode)
    nilai, status = tanpa_p.nilai().copy(), tanpa_p.status().copy()
    for _ in range(2):
        m = pr.masukan(tanpa_p)
        assert m.kode == () and m.tanpa_data == (6301, 6371, 6372)
    assert "pendamping_pkh" not in tanpa_p.nilai().columns
    pd.testing.assert_frame_equal(tanpa_p.nilai(), nilai)
    pd.testing.assert_frame_equal(tanpa_p.status(), status)


def test_default_province_scenario_graduates_3850_in_year_one(real_con):
    ind = Indikator.load(real_con)
    m = pr.masukan(ind)
    a = pr.acuan(db.run(real_con, "acuan"))
    g = a["graduasi_per_pendamping"]
    assert (g.nilai, g.sumber_id) == (10, "S02")
    assert len(m.kode) == 13 and m.p0.sum() == 385
    assert (m.k0 >= g.nilai * m.p0).all()  # no unit is capped in year one
    lin = pr.proyeksi(m.k0, m.p0, 10, g.nilai, kode=m.kode)
    j = lin.jumlah()
    assert j.loc[1, "graduasi"] == 10 * 385 == 3850
    k = db.run(real_con, "kpm_per_wilayah")  # the latest PKH figures, straight from the query
    assert j.loc[0, "kpm"] == m.k0.sum() == k["kpm"].sum()
    assert j.loc[10, "kumulatif_graduasi"] == 38_500
    assert lin.tahun_target(0.0) is None  # everyone graduated: not within 10 years


def test_target_scenario_uses_solver_answer(real_con):
    m = pr.masukan(Indikator.load(real_con))
    h = pr.jalankan(m, pr.Skenario(p0="target"), H=10, target=1.0, dalam=5)
    assert h.p0_dipakai.tolist() == list(pr.butuh_pendamping(m.k0, 10, 1.0, 5).per_unit)
    assert (h.lintasan.kumulatif[5] >= m.k0 - pr.TOLERANSI).all()
    assert h.lintasan.tahun_target(0.0) == 5
