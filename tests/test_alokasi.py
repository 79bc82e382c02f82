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


# ---------------------------------------------------------------- lower bounds (floored apportionment)

def test_bound_hand_case():
    # quotas 1, 1, 8 of 10; unit 1 must have 3: fixed at 3, the other 7 are shared 1:8 -> 0.78, 6.22
    # -> floors 0, 6 and the one left goes to the larger remainder (unit 2)
    assert alokasi.sisa_terbesar_berbatas(10, {1: 1, 2: 1, 3: 8}, {1: 3}) == {1: 3, 2: 1, 3: 6}


def test_a_bound_below_the_share_changes_nothing():
    basis = {1: 1, 2: 2, 3: 3}
    assert alokasi.sisa_terbesar_berbatas(10, basis, {3: 5, 2: 1}) == alokasi.sisa_terbesar(10, basis)
    assert alokasi.sisa_terbesar_berbatas(10, basis, {}) == alokasi.sisa_terbesar(10, basis)


def test_fixing_one_unit_can_push_another_below_its_bound():
    # first pass: only unit 1 (quota 2.5) is under its bound 6; with 6 fixed the others share 4,
    # unit 2's quota falls from 2.5 to 1.33 < 2, so it is fixed too; unit 3 and 4 share the last 2
    got = alokasi.sisa_terbesar_berbatas(10, {1: 1, 2: 1, 3: 1, 4: 1}, {1: 6, 2: 2})
    assert got == {1: 6, 2: 2, 3: 1, 4: 1}


def test_bounds_equal_to_the_total_and_units_with_zero_basis():
    assert alokasi.sisa_terbesar_berbatas(5, {1: 1, 2: 1}, {1: 2, 2: 3}) == {1: 2, 2: 3}
    assert alokasi.sisa_terbesar_berbatas(5, {1: 0, 2: 1}, {1: 2}) == {1: 2, 2: 3}
    assert alokasi.sisa_terbesar_berbatas(5, {1: 1}, {9: 99}) == {1: 5}  # bound of no unit: ignored


def test_bounds_above_the_total_are_refused():
    with pytest.raises(ValueError, match="batas bawah berjumlah 11, lebih dari total 10"):
        alokasi.sisa_terbesar_berbatas(10, {1: 1, 2: 1}, {1: 6, 2: 5})


def test_bounded_allocation_properties():
    # plain random cases (no Hypothesis): exact sum, every bound held, free units in basis order,
    # nobody raised above their plain share unless bound, bounded units at max(bound, share)
    import random
    for seed in range(300):
        rnd = random.Random(seed)
        n = rnd.randint(1, 13)
        basis = {k: rnd.randint(0, 500) for k in range(n)}
        if not any(basis.values()):
            basis[0] = 1
        total = rnd.randint(0, 2000)
        batas = {k: rnd.randint(0, total // n + 40) for k in rnd.sample(range(n), rnd.randint(0, n))}
        if sum(batas.values()) > total:
            with pytest.raises(ValueError):
                alokasi.sisa_terbesar_berbatas(total, basis, batas)
            continue
        got = alokasi.sisa_terbesar_berbatas(total, basis, batas)
        assert sum(got.values()) == total, seed
        assert all(got[k] >= b for k, b in batas.items()), seed
        free = [k for k in basis if got[k] > batas.get(k, 0) or k not in batas]
        for a in free:
            for b in free:
                if basis[a] > basis[b]:
                    assert got[a] >= got[b], (seed, a, b)
