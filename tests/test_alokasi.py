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


# ---------------------------------------------------------------- pins and bounds on the real sources

def _pilar(folder, jenis, periode="2025-09-23"):
    import csv
    with open(folder / "pilar.csv", encoding="utf-8") as f:
        return {int(r["kode_bps"]): (int(r["jumlah"]), r["status"], r["catatan"]) for r in csv.DictReader(f)
                if r["jenis_pilar"] == jenis and r["periode"] == periode}


def _set_bound(folder, kode, nilai, periode="2025-02-17", jenis="tagana"):
    path = folder / "fakta_wilayah.csv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if not ln.startswith(f"{kode},batas_bawah_{jenis},")]
    lines.append(f"{kode},batas_bawah_{jenis},{nilai},orang,{periode},S21,berita,uji")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_binding_bound_lifts_the_unit_and_the_others_share_the_rest(sources_copy):
    before = _pilar(sources_copy, "tagana")
    _set_bound(sources_copy, 6371, 300)  # above Banjarmasin's population share (223)
    alokasi.update_estimates(sources_copy)
    got = _pilar(sources_copy, "tagana")
    assert got[6371][:2] == (300, "estimasi") and "dinaikkan ke batas bawah terbit 300" in got[6371][2]
    assert sum(n for n, _, _ in got.values()) == 1411
    assert all(got[k][0] <= before[k][0] for k in got if k != 6371)
    assert all(got[k][0] >= b for k, b in ((6303, 46), (6305, 43), (6372, 21)))


def test_bounds_hold_only_for_pillar_periods_up_to_a_year_after_them(sources_copy):
    before = _pilar(sources_copy, "tagana")
    _set_bound(sources_copy, 6371, 300, periode="2024-09-01")  # 387 days before the forum: too old
    _set_bound(sources_copy, 6372, 300, periode="2025-10-01")  # after the forum: not yet
    alokasi.update_estimates(sources_copy)
    got = _pilar(sources_copy, "tagana")
    assert {k: v[0] for k, v in got.items()} == {k: v[0] for k, v in before.items()}
    assert "batas bawah" not in got[6371][2] + got[6372][2]  # the replaced bounds of 2025-02-17 are gone


def test_a_pin_below_its_own_published_bound_is_refused(sources_copy):
    _set_bound(sources_copy, 6371, 200, jenis="psm")  # pinned PSM of Banjarmasin is 175
    with pytest.raises(ValueError, match="di bawah batas bawah terbitnya"):
        alokasi.update_estimates(sources_copy)


def test_a_bound_of_an_unknown_pillar_is_refused(sources_copy):
    _set_bound(sources_copy, 6371, 5, jenis="tagan")
    with pytest.raises(ValueError, match="batas bawah untuk jenis pilar yang tidak ada di pilar_jenis.csv: "
                                         "batas_bawah_tagan"):
        alokasi.update_estimates(sources_copy)


def test_dropping_a_pin_gives_the_plain_share_back(sources_copy):
    path = sources_copy / "pilar.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(ln.replace(",175,S70,berita,", ",0,S01,estimasi,") for ln in lines) + "\n",
                    encoding="utf-8")
    alokasi.update_estimates(sources_copy)
    got = _pilar(sources_copy, "psm")
    assert got[6371][:2] == (33, "estimasi")  # 52 kelurahan of 2.016 desa + kelurahan
    assert sum(n for n, _, _ in got.values()) == 1263
    assert _pilar(sources_copy, "psm") != _pilar(REAL_SOURCES, "psm")
