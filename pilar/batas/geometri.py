"""Geometry of the 13 units: repair, merge rows, clean the coverage, simplify together, check.

The shared borders are the point: plotly draws each unit on its own, so a border that differs by a
vertex between two neighbours shows as a sliver. Hence GEOS's coverage operations (Shapely 2.2):
``coverage_clean`` nodes the borders, gives overlaps to one unit and fills narrow gaps;
``coverage_simplify`` simplifies each shared edge once, for both neighbours.
"""
from __future__ import annotations

import json
import math

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from .cocok import BBOX_KALSEL, Wilayah
from .dasar import DESIMAL, GRID, BatasError, kb, luas, persen

# Overlap between rows of one unit, or between two units, above this share of the smaller = conflict.
BATAS_TUMPANG_BARIS = 0.05
BATAS_TUMPANG_WILAYAH = 0.10
# Gaps between units narrower than this (degrees, ~1.1 km) are filled; wider ones (lakes) are kept.
LEBAR_CELAH = 0.01


def poligon(g) -> list[Polygon]:
    """The polygons in g (of any type; points and lines give none)."""
    if g is None or g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if hasattr(g, "geoms"):
        return [p for part in g.geoms for p in poligon(part)]
    return []


def multi(g) -> MultiPolygon:
    return MultiPolygon([p for p in poligon(g) if not p.is_empty])


def rapikan_satu(g) -> MultiPolygon | None:
    """A valid 2D MultiPolygon of the polygonal parts of g, or None."""
    if g is None or g.is_empty:
        return None
    g = shapely.force_2d(g)
    if not g.is_valid:
        g = shapely.make_valid(g)
    parts = [p for p in poligon(g) if not p.is_empty and p.area > 0]
    return MultiPolygon(parts) if parts else None


def simpul(geoms) -> int:
    return int(sum(shapely.get_num_coordinates(g) for g in geoms))


def bagian(geoms) -> int:
    return int(sum(len(poligon(g)) for g in geoms))


def dalam_kotak(g) -> bool:
    """Whether a row's representative point lies in Kalsel's rough box (empty: judged later)."""
    if g is None or g.is_empty:
        return True
    try:
        p = shapely.point_on_surface(g if g.is_valid else shapely.make_valid(g))
    except shapely.errors.GEOSException:
        p = g.centroid
    if p.is_empty:
        return True
    x0, y0, x1, y1 = BBOX_KALSEL
    return x0 <= p.x <= x1 and y0 <= p.y <= y1


def km2(derajat2: float) -> float:
    # At about 3 degrees south: 111.32 km per degree of latitude and ~111.17 of longitude.
    return derajat2 * 111.32 * 111.32 * math.cos(math.radians(3.0))


# ---------------------------------------------------------------- one unit from its rows

def gabung_baris(raws: list, rows: list[int], unit: Wilayah, cara: str) -> tuple[MultiPolygon, int]:
    """One geometry per unit from its rows: identical duplicates dropped, overlapping rows an error.

    Returns the geometry and the number of duplicates dropped.
    """
    geoms = []
    for raw, i in zip(raws, rows):
        if raw is None or raw.is_empty:
            raise BatasError(
                f"Geometri {unit.nama} (baris {i + 1}) kosong. Basis data tidak diubah. Berkas ini punya baris untuk "
                f"{unit.nama} tanpa bentuk poligon; perbaiki atau hapus baris itu di berkas sumber (misalnya dengan "
                "QGIS), atau pakai berkas batas lain.")
        g = rapikan_satu(raw)
        if g is None:
            raise BatasError(
                f"Geometri {unit.nama} (baris {i + 1}) bukan poligon ({raw.geom_type}). Basis data tidak diubah. "
                "Batas wilayah harus berupa poligon; pakai lapisan batas kabupaten/kota, bukan titik atau garis.")
        geoms.append(g)
    unik: list = []
    for g in geoms:
        if not any(g.equals(h) for h in unik):
            unik.append(g)
    for a in range(len(unik)):
        for b in range(a + 1, len(unik)):
            ga, gb = unik[a], unik[b]
            kecil = min(ga.area, gb.area)
            tumpang = ga.intersection(gb).area if ga.intersects(gb) else 0.0
            if tumpang > BATAS_TUMPANG_BARIS * kecil:
                raise BatasError(
                    f"Ada {len(rows)} baris untuk {unit.nama} ({cara}) yang geometrinya saling bertumpuk "
                    f"(sekitar {persen(tumpang, kecil)} dari yang lebih kecil), jadi tidak jelas mana yang benar. "
                    "Basis data tidak diubah. Sisakan satu baris per kabupaten/kota di berkas sumber (atau "
                    "gabungkan bagian-bagiannya tanpa tumpang tindih), lalu pasang lagi.")
    return multi(shapely.union_all(unik)) if len(unik) > 1 else unik[0], len(geoms) - len(unik)


# ---------------------------------------------------------------- the 13 together

def _lubang(union) -> list[Polygon]:
    """Holes of the union, leaving out noise below the output grid (a cell of 5 decimals)."""
    holes = [Polygon(r) for p in poligon(union) for r in p.interiors]
    return [h for h in holes if h.area > GRID * GRID]


def _tumpang_tindih(arr, nama: list[str]) -> float:
    """Total overlap area between units; an error when two overlap by more than a sliver."""
    a_idx, b_idx = shapely.STRtree(arr).query(arr, predicate="intersects")
    total = 0.0
    for a, b in zip(a_idx, b_idx):
        if a >= b:
            continue
        tumpang = arr[a].intersection(arr[b]).area
        kecil = min(arr[a].area, arr[b].area)
        if tumpang > BATAS_TUMPANG_WILAYAH * kecil:
            raise BatasError(
                f"Geometri {nama[a]} dan {nama[b]} saling bertumpuk terlalu luas (sekitar {persen(tumpang, kecil)} "
                "dari yang lebih kecil). Basis data tidak diubah. Kemungkinan salah satu baris bukan batas "
                "kabupaten/kota yang dimaksud atau berkasnya mencampur versi batas; periksa berkas sumber lalu "
                "pasang lagi.")
        total += tumpang
    return total


def _ke_grid(arr, nama: list[str]) -> np.ndarray:
    """Each unit snapped to the output grid (5 decimals) and repaired."""
    out = []
    for g, n in zip(shapely.set_precision(np.asarray(arr, dtype=object), GRID), nama):
        g = rapikan_satu(g)
        if g is None:
            raise BatasError(
                f"Geometri {n} terlalu kecil (hilang setelah dibulatkan ke {DESIMAL} desimal). Basis data tidak "
                "diubah. Periksa sistem koordinat berkas (.prj) dan bahwa poligonnya benar.")
        out.append(g)
    return np.array(out, dtype=object)


def rapikan(per_unit: dict[int, object], nama: dict[int, str]) -> tuple[dict[int, MultiPolygon], list[str], int]:
    """The units as a valid coverage on the 5-decimal grid: no overlaps, narrow gaps filled.

    Overlaps go to the smaller unit (a city keeps its ground); each gap goes to the neighbour with
    the longest shared border. Returns the units, notes on repairs, and the number of (wide)
    holes left in the union (lakes, or gaps too wide to be slivers).
    """
    kodes = list(per_unit)
    names = [nama[k] for k in kodes]
    arr = _ke_grid([per_unit[k] for k in kodes], names)
    sah = bool(shapely.coverage_is_valid(arr))
    if sah and not _lubang(shapely.coverage_union_all(arr)):
        return {k: g for k, g in zip(kodes, arr)}, [], 0
    tumpang = _tumpang_tindih(arr, names)
    lubang_awal = _lubang(shapely.union_all(arr))
    bersih = shapely.coverage_clean(arr, gap_width=LEBAR_CELAH, merge_strategy="min_area")
    # Noding adds vertices off the grid; rounding moves shared vertices alike, so borders stay shared.
    bersih = shapely.transform(bersih, lambda xy: np.round(xy, DESIMAL))
    out = {}
    for k, n, g in zip(kodes, names, bersih):
        out[k] = multi(g)
        if out[k].is_empty:
            raise BatasError(
                f"Geometri {n} habis tertutup wilayah lain. Basis data tidak diubah. Periksa berkas sumber: "
                "kemungkinan baris untuk wilayah ini salah atau tertimpa.")
    lubang = _lubang(shapely.coverage_union_all(list(out.values())))
    notes = []
    if tumpang > 0:
        notes.append(f"tumpang tindih antarwilayah ({luas(km2(tumpang))}) diberikan ke wilayah yang lebih kecil")
    diisi = len(lubang_awal) - len(lubang)
    if diisi > 0:
        terisi = sum(p.area for p in lubang_awal) - sum(p.area for p in lubang)
        notes.append(f"{diisi} celah tertutup di antara/di dalam wilayah ({luas(km2(terisi))}) diisi, "
                     "masing-masing oleh wilayah dengan batas bersama terpanjang")
    if not notes and not sah:
        notes.append("simpul batas bersama diselaraskan (noding) agar tepat berimpit")
    return out, notes, len(lubang)


# ---------------------------------------------------------------- GeoJSON and its size

def json_ringkas(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def geom_json(g) -> dict:
    """GeoJSON geometry for plotly's SVG geo trace: MultiPolygon, exterior rings clockwise, 5 decimals."""
    g = shapely.transform(multi(g), lambda xy: np.round(xy, DESIMAL))
    g = shapely.orient_polygons(g, exterior_cw=True)
    return json.loads(shapely.to_geojson(g))  # GEOS writes the shortest round-trip decimals


def fitur(units: list[Wilayah], geoms: dict[int, dict]) -> dict:
    """The FeatureCollection plotly gets: feature id = BPS code as text."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": str(u.kode_bps),
         "properties": {"kode_bps": u.kode_bps, "kode": u.kode_kemendagri, "nama": u.nama},
         "geometry": geoms[u.kode_bps]} for u in units if u.kode_bps in geoms]}


def ukuran(units: list[Wilayah], geoms: dict[int, object]) -> tuple[int, dict[int, dict]]:
    """(bytes of the FeatureCollection, GeoJSON geometry per unit)."""
    gj = {k: geom_json(g) for k, g in geoms.items()}
    return len(json_ringkas(fitur(units, gj)).encode()), gj


def sederhanakan(units: list[Wilayah], geoms: dict[int, MultiPolygon], anggaran: int):
    """Coverage-simplify with about the smallest tolerance that fits the budget.

    Returns (geometries, GeoJSON per unit, tolerance in degrees or 0.0, bytes).
    """
    kodes = list(geoms)
    size, gj = ukuran(units, geoms)
    if size <= anggaran:
        return geoms, gj, 0.0, size

    def coba(base: dict, t: float):
        out = shapely.coverage_simplify([base[k] for k in kodes], t, simplify_boundary=True)
        g = {k: multi(out[i]) for i, k in enumerate(kodes)}
        return (g, *ukuran(units, g))

    # Double the tolerance until it fits, then bisect (log space) to within 10% of the budget.
    # Each try starts from the last result still over budget (a valid coverage too): on large
    # inputs the later tries are much cheaper than simplifying the original again.
    base, lo, hi = geoms, 0.0, 2 * GRID
    hasil = coba(base, hi)
    while hasil[1] > anggaran:
        base, lo, hi = hasil[0], hi, hi * 2
        if hi > 0.5:
            raise BatasError(
                f"Batas wilayah tetap lebih besar dari {kb(anggaran)} walau sudah disederhanakan sekuat mungkin "
                "(kemungkinan berisi ribuan pulau kecil). Basis data tidak diubah. Pakai berkas batas yang "
                "lebih sederhana atau buang pulau-pulau kecil dulu.")
        hasil = coba(base, hi)
    for _ in range(12):
        if lo == 0.0 or hasil[1] >= 0.9 * anggaran:
            break
        mid = math.sqrt(lo * hi)
        cand = coba(base, mid)
        if cand[1] <= anggaran:
            hi, hasil = mid, cand
        else:
            base, lo = cand[0], mid
    return hasil[0], hasil[2], hi, hasil[1]


def periksa(units: list[Wilayah], gj: dict[int, dict], lubang_boleh: int) -> None:
    """Verify what will be stored: valid coverage, no new gaps, clockwise exteriors."""
    geoms = [shapely.from_geojson(json_ringkas(gj[u.kode_bps])) for u in units]
    masalah = []
    if not all(shapely.is_valid(geoms)) or any(g.is_empty for g in geoms):
        masalah.append("poligon tidak sah")
    elif not shapely.coverage_is_valid(geoms):
        masalah.append("wilayah bertetangga bertumpuk atau batas bersamanya tidak berimpit")
    elif len(_lubang(shapely.coverage_union_all(geoms))) > lubang_boleh:
        masalah.append("ada celah baru di antara wilayah")
    if any(shapely.is_ccw(p.exterior) for g in geoms for p in poligon(g)):
        masalah.append("arah cincin luar bukan searah jarum jam")
    if masalah:
        raise BatasError(
            f"Batas wilayah tidak lolos pemeriksaan setelah dirapikan ({'; '.join(sorted(set(masalah)))}). "
            "Basis data tidak diubah. Coba berkas batas lain, atau rapikan topologinya dulu (misalnya dengan "
            "QGIS: Fix geometries, lalu Check validity).")
