"""The measure catalog: ratios of sums, weakest status, periods and sources (fixture database)."""
import pytest

from pilar import status, ukuran
from pilar.data import Indikator


@pytest.fixture()
def ind(fixture_con):
    return Indikator.load(fixture_con)


def test_kpm_per_pendamping_per_unit(ind):
    df = ukuran.per_wilayah(ind, "kpm_per_pendamping").set_index("kode_bps")
    assert df.at[6301, "nilai"] == pytest.approx(2000 / 8)
    assert df.at[6371, "nilai"] == pytest.approx(12000 / 50)
    assert df.at[6372, "status"] == "estimasi"
    assert df.at[6371, "status"] == "berita"


def test_selection_is_ratio_of_sums_not_mean_of_ratios(ind):
    got = ukuran.hitung(ind, "kpm_per_pendamping", (6301, 6371))
    assert got.nilai == pytest.approx((2000 + 12000) / (8 + 50))  # 241.38, not (250 + 240) / 2
    assert got.nilai != pytest.approx((2000 / 8 + 12000 / 50) / 2)
    assert (got.pembilang, got.penyebut) == (14000, 58)


def test_whole_province_uses_total_status_and_cites_the_total(ind):
    got = ukuran.hitung(ind, "tksk_per_kecamatan")
    assert got.nilai == pytest.approx(15 / 20)
    assert got.status == "berita"  # the sum equals the published total
    tot = ind.provinsi[ind.provinsi["indikator"] == "tksk"]["sumber_id"].iloc[0]
    assert tot in got.sumber
    assert ukuran.hitung(ind, "tksk_per_kecamatan", (6372,)).status == "estimasi"


def test_periods_and_sources_are_those_of_both_figures(ind):
    got = ukuran.hitung(ind, "kpm_per_pendamping", (6371,))
    rows = ind.long[(ind.long["kode_bps"] == 6371) & ind.long["indikator"].isin(["kpm_pkh", "pendamping_pkh"])]
    assert set(got.periode) == set(rows["periode"])
    assert set(got.sumber) >= set(rows["sumber_id"])


def test_scaled_measures(ind):
    assert ukuran.hitung(ind, "tagana_per_10rb_penduduk", (6371,)).nilai == pytest.approx(100 / 600000 * 10000)
    assert ukuran.hitung(ind, "lks_per_1rb_miskin").nilai == pytest.approx(35 / 45000 * 1000)
    assert ukuran.hitung(ind, "psm_per_desa", (6301,)).nilai == pytest.approx(90 / 110)


def test_tksk_shortfall_is_never_negative(ind):
    nilai = ind.nilai()
    for kode in [(), (6301,), (6371,), (6372,), (6301, 6372)]:
        sel = nilai.loc[list(kode)] if kode else nilai
        expected = max(sel["kecamatan"].sum() - sel["tksk"].sum(), 0)
        assert ukuran.hitung(ind, "kekurangan_tksk", kode).nilai == expected
    per = ukuran.per_wilayah(ind, "kekurangan_tksk")
    assert (per["nilai"] >= 0).all()


def test_estimates_are_marked_in_the_formatted_value():
    u = ukuran.UKURAN["kpm_per_pendamping"]
    assert u.teks(241.4, "id", status.ESTIMASI) == "241" + status.TANDA_ESTIMASI
    assert u.teks(241.4, "id", status.BERITA) == "241"
    assert ukuran.UKURAN["psm_per_desa"].teks(0.818, "en") == "0.82"


def test_every_measure_has_labels_units_and_definitions_in_both_languages():
    for u in ukuran.UKURAN.values():
        for lang in ("id", "en"):
            assert u.label(lang) and u.definisi(lang) and u.satuan(lang), (u.kode, lang)
        assert set(u.dasar) <= set(ukuran.DASAR)


def test_artefacts_are_found_from_the_allocation_basis_not_a_list(ind, fixture_con):
    basis = dict(fixture_con.execute("SELECT jenis_pilar, basis_alokasi FROM pilar_jenis").fetchall())
    est = ind.long[ind.long["status"] == "estimasi"]
    for kode, u in ukuran.UKURAN.items():
        flags = ukuran.artefak_per_wilayah(ind, kode)
        for unit, flag in flags.items():
            mine = est[est["kode_bps"] == unit]
            echo = any(u.penyebut and ((r.indikator == u.pembilang and basis.get(r.indikator) == u.penyebut)
                                       or (r.indikator == u.penyebut and basis.get(r.indikator) == u.pembilang))
                       for r in mine.itertuples())
            assert flag == echo, (kode, unit)
    # the fixture allocates 6372's pendamping by KPM: KPM per pendamping echoes the rule there only
    per = ukuran.per_wilayah(ind, "kpm_per_pendamping").set_index("kode_bps")["artefak"]
    assert per.to_dict() == {6301: False, 6371: False, 6372: True}
    assert ukuran.hitung(ind, "kpm_per_pendamping", (6372,)).artefak
    assert not ukuran.hitung(ind, "kpm_per_pendamping").artefak  # sums equal the published totals
    assert not ukuran.hitung(ind, "kpm_per_1rb_penduduk", (6372,)).artefak


def test_a_ratio_of_reported_figures_from_different_periods_is_marked(ind):
    # fixture: KPM of 2022-Q2 over pendamping of 2025-09-23
    assert ukuran.hitung(ind, "kpm_per_pendamping").campur
    assert not ukuran.hitung(ind, "kpm_per_1rb_penduduk").campur  # population is a slow fact, not a report
    assert not ukuran.hitung(ind, "tksk_per_kecamatan").campur
