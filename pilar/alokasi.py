"""Estimated figures: province totals shared out to units by a documented rule.

Only the rows with status ``estimasi`` are (re)computed here. Published rows
(``resmi``/``berita``) are *pinned*: kept as they are, and the estimate covers what
they leave of the province total. Published *lower bounds* (fakta_wilayah rows
``batas_bawah_<jenis_pilar>``, e.g. the Tagana proposed for an incentive) constrain
the estimate of that pillar: no estimated unit falls below its bound.

The rule is the largest-remainder (Hamilton) method on a stated base, with lower
bounds by floored apportionment (each bounded unit gets max(bound, its share),
repeated until consistent), computed with exact fractions, ties going to the lower
BPS code, so the result is deterministic and the unit figures add up to the province
total exactly. See data/sources/README.md.
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

from . import format as fmt
from . import sumber
from .status import ESTIMASI

# fakta_wilayah indicator batas_bawah_<jenis_pilar>: a published count of part of that pillar in a unit.
BATAS_AWALAN = "batas_bawah_"
# A bound constrains the pillar periods from its own date up to this many days after it.
BATAS_BERLAKU_HARI = 366


def _kuota(total: int, basis: dict[int, Fraction]) -> dict[int, Fraction]:
    jumlah = sum(basis.values())
    if jumlah <= 0:
        return {k: Fraction(0) for k in basis}
    return {k: total * v / jumlah for k, v in basis.items()}


def sisa_terbesar(total: int, basis: dict[int, float]) -> dict[int, int]:
    """Split the integer ``total`` over the keys of ``basis`` in proportion to it."""
    if total < 0:
        raise ValueError("total negatif")
    if not basis:
        if total:
            raise ValueError("tidak ada wilayah untuk menampung sisa")
        return {}
    b = {k: Fraction(str(v)) for k, v in basis.items()}
    if sum(b.values()) <= 0:
        raise ValueError("basis alokasi berjumlah nol")
    kuota = _kuota(total, b)
    hasil = {k: int(q) for k, q in kuota.items()}  # floor: quotas are non-negative
    sisa = total - sum(hasil.values())
    urutan = sorted(kuota, key=lambda k: (-(kuota[k] - hasil[k]), k))
    for k in urutan[:sisa]:
        hasil[k] += 1
    return hasil


def sisa_terbesar_berbatas(total: int, basis: dict[int, float], batas: dict[int, int]) -> dict[int, int]:
    """Largest remainder with lower bounds (floored apportionment).

    Units whose proportional quota falls below their bound are fixed at the bound and the rest
    of the total is shared again among the others, until no quota falls below its bound. As
    the others' rate only falls, a fixed unit never comes free again. A free unit's quota is at
    or above its (integer) bound, so is its floor: the rounding keeps every bound, and free units
    keep the order of their bases. Bounds of keys outside ``basis`` are ignored.
    """
    batas = {k: int(v) for k, v in batas.items() if k in basis and v > 0}
    if sum(batas.values()) > total:
        raise ValueError(f"batas bawah berjumlah {sum(batas.values())}, lebih dari total {total}")
    b = {k: Fraction(str(v)) for k, v in basis.items()}
    tetap: dict[int, int] = {}
    while True:
        bebas = {k: v for k, v in b.items() if k not in tetap}
        sisa = total - sum(tetap.values())
        kuota = _kuota(sisa, bebas)
        kurang = [k for k in bebas if k in batas and kuota[k] < batas[k]]
        if not kurang:
            break
        tetap.update({k: batas[k] for k in kurang})
    hasil = {**tetap, **sisa_terbesar(sisa, bebas)}
    return {k: hasil[k] for k in basis}


def _fmt(n: float) -> str:
    return fmt.angka(n, "id")


BASIS_LABEL = {
    "kecamatan": "jumlah kecamatan",
    "desa_kelurahan": "jumlah desa + kelurahan",
    "penduduk": "jumlah penduduk",
    "kpm_pkh": "jumlah KPM PKH",
    "penduduk_x_p0": "penduduk × P0 (perkiraan penduduk miskin)",
}


def _basis(data: dict, nama: str, kpm: dict[int, int]) -> dict[int, float]:
    fakta: dict[tuple[int, str], float] = {}
    for r in data["fakta_wilayah"]:
        # latest period of each indicator wins (periods sort as text: 2024-03 < 2025)
        key = (r["kode_bps"], r["indikator"])
        if key not in fakta or r["periode"] >= fakta[key][0]:
            fakta[key] = (r["periode"], r["nilai"])
    f = {k: v[1] for k, v in fakta.items()}
    kodes = [r["kode_bps"] for r in data["wilayah"]]
    if nama == "kecamatan":
        return {k: f[(k, "kecamatan")] for k in kodes}
    if nama == "desa_kelurahan":
        return {k: f[(k, "desa")] + f[(k, "kelurahan")] for k in kodes}
    if nama == "penduduk":
        return {k: f[(k, "penduduk")] for k in kodes}
    if nama == "penduduk_x_p0":
        return {k: f[(k, "penduduk")] * f[(k, "p0_persen")] for k in kodes}
    if nama == "kpm_pkh":
        return {k: kpm[k] for k in kodes}
    raise ValueError(f"basis alokasi '{nama}' tidak dikenal")


def _estimate(rows: list[dict], total: float, basis: dict[int, float], value_col: str,
              make_row, batas: dict[int, dict] | None = None) -> list[dict]:
    """Keep published rows (pins), replace estimated rows by the allocation of the rest.

    ``make_row(kode, n, terbit, sisa)`` builds an estimated row; ``terbit`` maps the pinned
    units to their published figures, ``sisa`` is what they leave of the total.
    """
    batas = batas or {}
    kept = [r for r in rows if r["status"] != ESTIMASI]
    known = {r["kode_bps"]: r[value_col] for r in kept}
    for k, v in known.items():
        if k in batas and v < batas[k]["nilai"]:
            raise ValueError(f"angka terbit kode {k} ({_fmt(v)}) di bawah batas bawah terbitnya "
                             f"({_fmt(batas[k]['nilai'])}, {batas[k]['sumber_id']})")
    sisa = int(round(total - sum(known.values())))
    missing = {k: v for k, v in basis.items() if k not in known}
    alloc = sisa_terbesar_berbatas(sisa, missing, {k: int(b["nilai"]) for k, b in batas.items()})
    return kept + [make_row(k, n, known, sisa) for k, n in alloc.items()]


def _catatan_sisa(nk: int, sisa: int, satuan: str, total: float, label: str) -> str:
    if nk == 0:
        return f"Estimasi: total provinsi {_fmt(total)} dibagi menurut {label}, metode sisa terbesar"
    return (f"Estimasi: sisa total provinsi setelah {nk} kabupaten/kota yang terbit ({_fmt(sisa)} {satuan}) "
            f"dibagi menurut {label}, metode sisa terbesar")


def _miskin(data: dict, prov: dict) -> list[dict]:
    """Poor population where BPS figures were not found; other fakta rows as they are."""
    fakta, out = data["fakta_wilayah"], []
    for (ind, per), tot in sorted(prov.items()):
        if ind != "penduduk_miskin":
            continue
        rows = [r for r in fakta if r["indikator"] == ind and r["periode"] == per]
        out += _estimate(rows, tot["nilai"], _basis(data, "penduduk_x_p0", {}), "nilai",
                         lambda k, n, terbit, sisa, tot=tot, ind=ind, per=per: {
                             "kode_bps": k, "indikator": ind, "nilai": n, "satuan": "jiwa", "periode": per,
                             "sumber_id": tot["sumber_id"], "status": ESTIMASI,
                             "catatan": _catatan_sisa(len(terbit), sisa, "jiwa", tot["nilai"],
                                                      BASIS_LABEL["penduduk_x_p0"])})
    done = {(r["indikator"], r["periode"]) for r in out}
    out += [r for r in fakta if (r["indikator"], r["periode"]) not in done]
    out.sort(key=lambda r: (r["kode_bps"], _IND_ORDER.get(r["indikator"], 99), r["indikator"], r["periode"]))
    return out


def _dasar_kpm(data: dict, program: str, selesai: dict[str, list[dict]]) -> tuple[dict[int, float], str]:
    """Basis of a KPM estimate: the unit figures of the latest earlier period with all units
    (published or already estimated), else population × P0."""
    kodes = {r["kode_bps"] for r in data["wilayah"]}
    for per in sorted(selesai, reverse=True):
        rows = selesai[per]
        if {r["kode_bps"] for r in rows} == kodes:
            nt = sum(1 for r in rows if r["status"] != ESTIMASI)
            isi = f"{nt} wilayah terbit" + (f", {len(rows) - nt} estimasi" if nt < len(rows) else "")
            return ({r["kode_bps"]: r["jumlah"] for r in rows},
                    f"sebaran KPM {program.upper()} periode {per} ({isi})")
    return _basis(data, "penduduk_x_p0", {}), BASIS_LABEL["penduduk_x_p0"]


def _kpm(data: dict, prov: dict) -> list[dict]:
    """KPM of units without a published figure, period by period, oldest first."""
    out = []
    programs = {r["program"] for r in data["kpm"]} | {i[4:] for i, _ in prov if i.startswith("kpm_")}
    for program in sorted(programs):
        rows = [r for r in data["kpm"] if r["program"] == program]
        periods = {r["periode"] for r in rows} | {p for i, p in prov if i == f"kpm_{program}"}
        selesai: dict[str, list[dict]] = {}
        for per in sorted(periods):
            here = [r for r in rows if r["periode"] == per]
            tot = prov.get((f"kpm_{program}", per))
            if tot is not None:
                basis, label = _dasar_kpm(data, program, selesai)
                here = _estimate(here, tot["nilai"], basis, "jumlah",
                                 lambda k, n, terbit, sisa, tot=tot, program=program, per=per, label=label: {
                                     "kode_bps": k, "program": program, "periode": per, "jumlah": n,
                                     "sumber_id": tot["sumber_id"], "status": ESTIMASI,
                                     "catatan": _catatan_sisa(len(terbit), sisa, "KPM", tot["nilai"], label)})
            selesai[per] = here
            out += here
    out.sort(key=lambda r: (r["program"], r["periode"], r["kode_bps"]))
    return out


def _tanggal(p: str) -> dt.date:
    """First day of a period as stored: 2025, 2025-02, 2025-02-17, 2025-Q1."""
    if "Q" in p:
        return dt.date(int(p[:4]), 3 * int(p[-1]) - 2, 1)
    parts = [int(x) for x in p.split("-")] + [1, 1]
    return dt.date(*parts[:3])


def _kuartal(p: str) -> str:
    d = _tanggal(p)
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def _kpm_sampai(kpm_rows: list[dict], per: str) -> tuple[str, dict[int, int]]:
    """The PKH figures of the latest quarter not after the pillar period ``per``."""
    periods = [r["periode"] for r in kpm_rows if r["program"] == "pkh" and r["periode"] <= _kuartal(per)]
    if not periods:
        raise ValueError(f"tidak ada KPM PKH sampai periode {per} untuk membagi pendamping")
    akhir = max(periods)
    return akhir, {r["kode_bps"]: r["jumlah"] for r in kpm_rows if r["program"] == "pkh" and r["periode"] == akhir}


def batas_bawah(data: dict, jenis: str, per: str) -> dict[int, dict]:
    """Published lower bounds of pillar ``jenis`` that hold for pillar period ``per``: per unit, the largest."""
    out: dict[int, dict] = {}
    for r in data["fakta_wilayah"]:
        umur = (_tanggal(per) - _tanggal(r["periode"])).days
        if r["indikator"] == BATAS_AWALAN + jenis and 0 <= umur <= BATAS_BERLAKU_HARI:
            if r["kode_bps"] not in out or r["nilai"] > out[r["kode_bps"]]["nilai"]:
                out[r["kode_bps"]] = r
    return out


def _catatan_pilar(tot: dict, label: str, terbit: dict[int, int], sisa: int, nama: dict[int, str],
                   batas: dict | None, n: int) -> str:
    if terbit:
        pins = ", ".join(f"{nama[k]} {_fmt(v)}" for k, v in sorted(terbit.items()))
        teks = (f"Estimasi: total provinsi {_fmt(tot['nilai'])} dikurangi angka terbit ({pins}), "
                f"sisanya {_fmt(sisa)} dibagi menurut {label}, metode sisa terbesar")
    else:
        teks = f"Estimasi: total provinsi {_fmt(tot['nilai'])} dibagi menurut {label}, metode sisa terbesar"
    if batas:
        b = f"batas bawah terbit {_fmt(batas['nilai'])} ({batas['sumber_id']}, {batas['periode']})"
        teks += f"; dinaikkan ke {b}" if n <= batas["nilai"] else f"; di atas {b}"
    return teks


def _pilar(data: dict, prov: dict, kpm_rows: list[dict]) -> list[dict]:
    """Pillar counts per unit from the announced province totals, published counts pinned."""
    out = []
    jenis = {r["jenis_pilar"]: r for r in data["pilar_jenis"]}
    nama = {r["kode_bps"]: r["nama_pendek"] for r in data["wilayah"]}
    salah = sorted({r["indikator"] for r in data["fakta_wilayah"] if r["indikator"].startswith(BATAS_AWALAN)}
                   - {BATAS_AWALAN + j for j in jenis})
    if salah:  # a misspelt bound would otherwise bind nothing, silently
        raise ValueError(f"batas bawah untuk jenis pilar yang tidak ada di pilar_jenis.csv: {', '.join(salah)}")
    for (ind, per), tot in sorted(prov.items()):
        if not ind.startswith("pilar_"):
            continue
        j = ind[6:]
        base_name = jenis[j]["basis_alokasi"]
        label = BASIS_LABEL[base_name]
        kpm: dict[int, int] = {}
        if base_name == "kpm_pkh":
            kpm_per, kpm = _kpm_sampai(kpm_rows, per)
            label += f" (KPM periode {kpm_per})"
        batas = batas_bawah(data, j, per)
        rows = [r for r in data["pilar"] if r["jenis_pilar"] == j and r["periode"] == per]
        out += _estimate(rows, tot["nilai"], _basis(data, base_name, kpm), "jumlah",
                         lambda k, n, terbit, sisa, tot=tot, j=j, per=per, label=label, batas=batas: {
                             "kode_bps": k, "jenis_pilar": j, "periode": per, "jumlah": n,
                             "sumber_id": tot["sumber_id"], "status": ESTIMASI,
                             "catatan": _catatan_pilar(tot, label, terbit, sisa, nama, batas.get(k), n)},
                         batas)
    order = {j: r["urutan"] for j, r in jenis.items()}
    out.sort(key=lambda r: (r["periode"], r["kode_bps"], order[r["jenis_pilar"]]))
    return out


def update_estimates(folder: Path) -> dict[str, int]:
    """Recompute every ``estimasi`` row in the source CSVs; returns rows written per file."""
    data = sumber.read_sources(folder, totals=False)
    prov = {(r["indikator"], r["periode"]): r for r in data["fakta_provinsi"]}
    data["fakta_wilayah"] = out_fakta = _miskin(data, prov)  # the pillar bases read the new figures
    data["kpm"] = out_kpm = _kpm(data, prov)
    out_pilar = _pilar(data, prov, out_kpm)
    written = {}
    for table, rows in (("fakta_wilayah", out_fakta), ("kpm", out_kpm), ("pilar", out_pilar)):
        cols = [k.nama for k in sumber.TABEL[table][0]]
        sumber.write_csv(folder / f"{table}.csv", cols, [_plain(r) for r in rows])
        written[table] = sum(1 for r in rows if r["status"] == ESTIMASI)
    sumber.read_sources(folder)  # the result must pass every check
    return written


_IND_ORDER = {n: i for i, n in enumerate(
    ["kecamatan", "desa", "kelurahan", "luas_km2", "penduduk", "penduduk_miskin", "p0_persen"])}


def _plain(row: dict) -> dict:
    """CSV cell text: integers without a trailing .0, nothing for None."""
    out = {}
    for k, v in row.items():
        if v is None:
            out[k] = ""
        elif isinstance(v, float) and v.is_integer():
            out[k] = str(int(v))
        else:
            out[k] = str(v)
    return out
