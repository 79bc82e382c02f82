"""Largest-remainder allocation and the committed estimates it produced."""
import filecmp

import pytest

from conftest import REAL_SOURCES
from pilar import alokasi


def test_sisa_terbesar_hand_case():
    # quotas 10*1/6=1.67, 10*2/6=3.33, 10*3/6=5 -> floors 1,3,5 (9); one left goes to the largest remainder (0.67)
    assert alokasi.sisa_terbesar(10, {1: 1, 2: 2, 3: 3}) == {1: 2, 2: 3, 3: 5}


def test_sisa_terbesar_tie_goes_to_lower_code():
    assert alokasi.sisa_terbesar(1, {7: 1, 5: 1}) == {5: 1, 7: 0}
    assert alokasi.sisa_terbesar(3, {2: 1, 1: 1}) == {1: 2, 2: 1}


def test_sisa_terbesar_exact_sum_and_bounds():
    basis = {k: (k * 37) % 101 + 1 for k in range(13)}
    for total in (0, 1, 56, 122, 1411):
        got = alokasi.sisa_terbesar(total, basis)
        assert sum(got.values()) == total
        s = sum(basis.values())
        for k, v in got.items():
            assert abs(v - total * basis[k] / s) < 1  # never more than one away from its quota


def test_sisa_terbesar_rejects_impossible():
    with pytest.raises(ValueError):
        alokasi.sisa_terbesar(5, {})
    with pytest.raises(ValueError):
        alokasi.sisa_terbesar(5, {1: 0})


def test_committed_estimates_are_what_the_rule_gives(sources_copy):
    alokasi.update_estimates(sources_copy)
    for name in ("pilar.csv", "kpm.csv", "fakta_wilayah.csv"):
        assert filecmp.cmp(sources_copy / name, REAL_SOURCES / name, shallow=False), name


def test_published_rows_are_kept_and_only_the_rest_allocated(sources_copy):
    # Pretend Banjarmasin's TKSK count were published: the other 12 share the rest.
    path = sources_copy / "pilar.csv"
    text = path.read_text().replace(
        "6371,tksk,2025-09-23,4,S01,estimasi", "6371,tksk,2025-09-23,7,S01,berita", 1)
    path.write_text(text)
    alokasi.update_estimates(sources_copy)
    import csv
    rows = [r for r in csv.DictReader(open(path)) if r["jenis_pilar"] == "tksk"]
    got = {int(r["kode_bps"]): (int(r["jumlah"]), r["status"]) for r in rows}
    assert got[6371] == (7, "berita")
    assert sum(v for v, _ in got.values()) == 122
    assert all(s == "estimasi" for k, (_, s) in got.items() if k != 6371)
