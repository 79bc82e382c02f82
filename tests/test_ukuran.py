"""Measures are ratios of sums with the weakest status of what they use (fixture database)."""
import pytest

from pilar import ukuran
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
    got = ukuran.gabungan(ind, "kpm_per_pendamping", [6301, 6371])
    assert got["nilai"] == pytest.approx((2000 + 12000) / (8 + 50))  # 241.38, not (250 + 240) / 2
    assert got["nilai"] != pytest.approx((2000 / 8 + 12000 / 50) / 2)


def test_whole_province_uses_total_status(ind):
    got = ukuran.gabungan(ind, "tksk_per_kecamatan")
    assert got["nilai"] == pytest.approx(15 / 20)
    assert got["status"] == "berita"  # sums equal the published totals
    assert ukuran.gabungan(ind, "tksk_per_kecamatan", [6372])["status"] == "estimasi"


def test_scaled_measures(ind):
    got = ukuran.gabungan(ind, "tagana_per_10rb_penduduk", [6371])
    assert got["nilai"] == pytest.approx(100 / 600000 * 10000)
    got = ukuran.gabungan(ind, "lks_per_1rb_miskin")
    assert got["nilai"] == pytest.approx(35 / 45000 * 1000)
    got = ukuran.gabungan(ind, "psm_per_desa", [6301])
    assert got["nilai"] == pytest.approx(90 / 110)


def test_every_measure_has_labels_and_definitions():
    for u in ukuran.UKURAN.values():
        assert u.label("id") and u.label("en") and u.definisi("id") and u.definisi("en")
