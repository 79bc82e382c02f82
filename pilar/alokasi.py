"""Estimated figures: province totals shared out to units by a documented rule.

Only the rows with status ``estimasi`` are (re)computed here; published rows
(``resmi``/``berita``) are kept as they are and the estimate covers what the
published rows leave of the province total. The rule is the largest-remainder
(Hamilton) method on a stated base, computed with exact fractions, ties going
to the lower BPS code, so the result is deterministic and the unit figures add
up to the province total exactly. See data/sources/README.md.
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from . import format as fmt
from . import sumber
from .status import ESTIMASI


def sisa_terbesar(total: int, basis: dict[int, float]) -> dict[int, int]:
    """Split the integer ``total`` over the keys of ``basis`` in proportion to it."""
    if total < 0:
        raise ValueError("total negatif")
    if not basis:
        if total:
            raise ValueError("tidak ada wilayah untuk menampung sisa")
        return {}
    b = {k: Fraction(str(v)) for k, v in basis.items()}
    jumlah = sum(b.values())
    if jumlah <= 0:
        raise ValueError("basis alokasi berjumlah nol")
    kuota = {k: total * v / jumlah for k, v in b.items()}
    hasil = {k: int(q) for k, q in kuota.items()}  # floor: quotas are non-negative
    sisa = total - sum(hasil.values())
    urutan = sorted(kuota, key=lambda k: (-(kuota[k] - hasil[k]), k))
    for k in urutan[:sisa]:
        hasil[k] += 1
    return hasil


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
              make_row) -> list[dict]:
    """Keep published rows, replace estimated rows by the allocation of the rest."""
    kept = [r for r in rows if r["status"] != ESTIMASI]
    known = {r["kode_bps"]: r[value_col] for r in kept}
    sisa = int(round(total - sum(known.values())))
    missing = {k: v for k, v in basis.items() if k not in known}
    alloc = sisa_terbesar(sisa, missing)
    return kept + [make_row(k, n, sisa, len(known)) for k, n in alloc.items()]


def _catatan_sisa(nk: int, sisa: int, satuan: str) -> str:
    return (f"Estimasi: sisa total provinsi setelah {nk} kabupaten/kota yang terbit ({_fmt(sisa)} {satuan}) "
            f"dibagi menurut {BASIS_LABEL['penduduk_x_p0']}, metode sisa terbesar")


def _miskin(data: dict, prov: dict) -> list[dict]:
    """Poor population where BPS figures were not found; other fakta rows as they are."""
    fakta, out = data["fakta_wilayah"], []
    for (ind, per), tot in sorted(prov.items()):
        if ind != "penduduk_miskin":
            continue
        rows = [r for r in fakta if r["indikator"] == ind and r["periode"] == per]
        out += _estimate(rows, tot["nilai"], _basis(data, "penduduk_x_p0", {}), "nilai",
                         lambda k, n, sisa, nk, tot=tot, ind=ind, per=per: {
                             "kode_bps": k, "indikator": ind, "nilai": n, "satuan": "jiwa", "periode": per,
                             "sumber_id": tot["sumber_id"], "status": ESTIMASI,
                             "catatan": _catatan_sisa(nk, sisa, "jiwa")})
    done = {(r["indikator"], r["periode"]) for r in out}
    out += [r for r in fakta if (r["indikator"], r["periode"]) not in done]
    out.sort(key=lambda r: (r["kode_bps"], _IND_ORDER.get(r["indikator"], 99), r["indikator"], r["periode"]))
    return out


def _kpm(data: dict, prov: dict) -> list[dict]:
    """KPM of units whose figure was cut off in the published copy."""
    out = []
    for (ind, per), tot in sorted(prov.items()):
        if not ind.startswith("kpm_"):
            continue
        program = ind[4:]
        rows = [r for r in data["kpm"] if r["program"] == program and r["periode"] == per]
        out += _estimate(rows, tot["nilai"], _basis(data, "penduduk_x_p0", {}), "jumlah",
                         lambda k, n, sisa, nk, tot=tot, program=program, per=per: {
                             "kode_bps": k, "program": program, "periode": per, "jumlah": n,
                             "sumber_id": tot["sumber_id"], "status": ESTIMASI,
                             "catatan": _catatan_sisa(nk, sisa, "KPM")})
    out.sort(key=lambda r: (r["program"], r["periode"], r["kode_bps"]))
    return out


def _pilar(data: dict, prov: dict, kpm: dict[int, int], latest_kpm: str | None) -> list[dict]:
    """Pillar counts per unit from the announced province totals."""
    out = []
    jenis = {r["jenis_pilar"]: r for r in data["pilar_jenis"]}
    for (ind, per), tot in sorted(prov.items()):
        if not ind.startswith("pilar_"):
            continue
        j = ind[6:]
        base_name = jenis[j]["basis_alokasi"]
        rows = [r for r in data["pilar"] if r["jenis_pilar"] == j and r["periode"] == per]
        out += _estimate(rows, tot["nilai"], _basis(data, base_name, kpm), "jumlah",
                         lambda k, n, sisa, nk, tot=tot, j=j, b=base_name, per=per: {
                             "kode_bps": k, "jenis_pilar": j, "periode": per, "jumlah": n,
                             "sumber_id": tot["sumber_id"], "status": ESTIMASI,
                             "catatan": (f"Estimasi: total provinsi {_fmt(tot['nilai'])} dibagi menurut "
                                         f"{BASIS_LABEL[b]}"
                                         + (f" (KPM periode {latest_kpm})" if b == "kpm_pkh" else "")
                                         + ", metode sisa terbesar")})
    order = {j: r["urutan"] for j, r in jenis.items()}
    out.sort(key=lambda r: (r["periode"], r["kode_bps"], order[r["jenis_pilar"]]))
    return out


def update_estimates(folder: Path) -> dict[str, int]:
    """Recompute every ``estimasi`` row in the source CSVs; returns rows written per file."""
    data = sumber.read_sources(folder, totals=False)
    prov = {(r["indikator"], r["periode"]): r for r in data["fakta_provinsi"]}
    data["fakta_wilayah"] = out_fakta = _miskin(data, prov)  # the pillar bases read the new figures
    data["kpm"] = out_kpm = _kpm(data, prov)
    latest_kpm = max((r["periode"] for r in out_kpm if r["program"] == "pkh"), default=None)
    kpm = {r["kode_bps"]: r["jumlah"] for r in out_kpm if r["program"] == "pkh" and r["periode"] == latest_kpm}
    out_pilar = _pilar(data, prov, kpm, latest_kpm)
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
