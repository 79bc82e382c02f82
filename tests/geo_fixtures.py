"""Synthetic boundaries of the 13 units, made here so the boundary tests run on a fresh clone.

The layout is a jittered 4 x 4 lattice inside Kalsel's rough box (lon 114.4-116.4, lat -1.4 to
-4.1): each unit owns one or two cells, Kotabaru also an island (Pulau Laut) and an islet.
Lattice edges are densified and warped by one smooth function of position, so shared borders are
wiggly but still identical from both sides. ``kalsel()`` then adds what real files have: a small
overlap (Tapin pokes into Banjar) and a narrow gap (a sliver cut from Hulu Sungai Tengah).

Loaded by the test modules as a plugin (``pytest_plugins = ["geo_fixtures"]``), so the installs
below run once per session; the helpers are plain functions.
"""
from __future__ import annotations

import csv
import hashlib
import ipaddress
import json
import shutil
import socket
import zipfile
from pathlib import Path

import duckdb
import geopandas as gpd
import numpy as np
import pytest
import shapely
import shapely.ops
from shapely.geometry import MultiPolygon, Polygon, box, shape

from pilar import batas

ROOT = Path(__file__).resolve().parent.parent
with open(ROOT / "data" / "sources" / "wilayah.csv", newline="") as _f:
    WILAYAH = {int(r["kode_bps"]): r for r in csv.DictReader(_f)}
KODE = [str(k) for k in sorted(WILAYAH)]
# Names as the geoBoundaries/COD-AB set spells them (two traps: Kota Baru, Kota Banjar Baru).
NAMA_GB = {6301: "Tanah Laut", 6302: "Kota Baru", 6303: "Banjar", 6304: "Barito Kuala", 6305: "Tapin",
           6306: "Hulu Sungai Selatan", 6307: "Hulu Sungai Tengah", 6308: "Hulu Sungai Utara", 6309: "Tabalong",
           6310: "Tanah Bumbu", 6311: "Balangan", 6371: "Kota Banjarmasin", 6372: "Kota Banjar Baru"}
ATRIBUSI = "Batas kabupaten/kota: data uji sintetis (tests/geo_fixtures.py)."
UTM = 32750  # WGS 84 / UTM 50S: every fixture file is written in it, so each install reprojects

# Cells of the lattice, north row first, west column first.
_SEL = [[6309, 6309, 6311, 6302],
        [6308, 6307, 6306, 6302],
        [6304, 6305, 6303, 6310],
        [6371, 6372, 6301, 6301]]
_X = [114.4, 114.9, 115.4, 115.9, 116.4]
_Y = [-1.4, -2.1, -2.8, -3.5, -4.1]
_PULAU = [box(116.48, -3.75, 116.56, -3.05), box(116.47, -4.0, 116.5, -3.97)]  # Kotabaru's islands


def _titik(i: int, j: int) -> tuple[float, float]:
    """Lattice vertex (column i, row j); inner ones jittered so the cells are not rectangles."""
    x, y = _X[i], _Y[j]
    if 0 < i < 4 and 0 < j < 4:
        x += 0.08 * np.sin(3.0 * i + 5.0 * j)
        y += 0.08 * np.cos(2.0 * i + 7.0 * j)
    return float(x), float(y)


def _rapatkan(p, q, step: float) -> list[tuple[float, float]]:
    """Points from p to q (without q), computed from the sorted pair: the same from both sides."""
    a, b = sorted([p, q])
    n = max(1, int(np.ceil(np.hypot(b[0] - a[0], b[1] - a[1]) / step)))
    pts = [(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(n + 1)]
    if (a, b) != (p, q):
        pts = pts[::-1]
    return pts[:-1]


def _lengkung(xy: np.ndarray, amp: float, freq: float) -> np.ndarray:
    """A smooth one-to-one displacement (amp * freq < 1): shared vertices stay shared, nothing folds."""
    return xy + amp * np.column_stack([np.sin(xy[:, 1] * freq), np.cos(xy[:, 0] * freq)])


def _sel(i: int, j: int, step: float) -> Polygon:
    sudut = [_titik(i, j), _titik(i + 1, j), _titik(i + 1, j + 1), _titik(i, j + 1)]
    ring = [pt for a, b in zip(sudut, sudut[1:] + sudut[:1]) for pt in _rapatkan(a, b, step)]
    return Polygon(_lengkung(np.array(ring + ring[:1]), 0.03, 8.0))


def _pulau(step: float) -> list[Polygon]:
    out = []
    for p in _PULAU:
        c = list(p.exterior.coords)
        ring = [pt for a, b in zip(c[:-1], c[1:]) for pt in _rapatkan(a, b, step)]
        out.append(Polygon(_lengkung(np.array(ring + ring[:1]), 0.01, 8.0)))
    return out


def cakupan(step: float = 0.02) -> dict[int, MultiPolygon]:
    """A valid coverage of the 13 units (EPSG:4326): kode_bps -> MultiPolygon."""
    sel: dict[int, list] = {}
    for j, baris in enumerate(_SEL):
        for i, kode in enumerate(baris):
            sel.setdefault(kode, []).append(_sel(i, j, step))
    sel[6302] += _pulau(step)
    out = {k: shapely.coverage_union_all(v) for k, v in sorted(sel.items())}
    return {k: g if isinstance(g, MultiPolygon) else MultiPolygon([g]) for k, g in out.items()}


def _batas_bersama(a, b, dari: float, sampai: float):
    """A piece of the border shared by a and b, between two fractions of its length."""
    garis = shapely.line_merge(shapely.intersection(a.boundary, b.boundary))
    garis = max(getattr(garis, "geoms", [garis]), key=lambda g: g.length)
    return shapely.ops.substring(garis, dari, sampai, normalized=True)


def _tonjolan(c: dict) -> Polygon:
    """A round bump of Tapin across its border into Banjar (a small overlap, about 8 km²)."""
    tengah = _batas_bersama(c[6305], c[6303], 0.5, 0.5)
    return tengah.buffer(0.02)


def _celah(c: dict):
    """A sliver 0.003 degrees wide cut from Hulu Sungai Tengah along its border with Hulu Sungai
    Selatan: a narrow gap between the two."""
    return _batas_bersama(c[6307], c[6306], 0.3, 0.6).buffer(0.003)


def kalsel(rapi: bool = False, step: float = 0.02) -> gpd.GeoDataFrame:
    """The 13 units as a file would hold them (kode_bps, nama, jenis); with a small overlap and gap
    unless ``rapi``."""
    geoms = cakupan(step)
    if not rapi:
        tonjolan, celah = _tonjolan(geoms), _celah(geoms)
        geoms[6305] = MultiPolygon(_poligon(geoms[6305].union(tonjolan)))
        geoms[6307] = MultiPolygon(_poligon(geoms[6307].difference(celah)))
    rows = [{"kode_bps": k, "nama": WILAYAH[k]["nama_pendek"] if k < 6370 else WILAYAH[k]["nama"],
             "jenis": WILAYAH[k]["jenis"].capitalize(), "geometry": g} for k, g in geoms.items()]
    return gpd.GeoDataFrame(rows, crs=4326)


def _poligon(g) -> list[Polygon]:
    return [g] if isinstance(g, Polygon) else list(g.geoms)


def padat(gdf: gpd.GeoDataFrame, step: float = 0.0004) -> gpd.GeoDataFrame:
    """``gdf`` densified and warped again: well over 300 KB, still a valid coverage."""
    def ring(coords):
        pts = [pt for a, b in zip(coords[:-1], coords[1:]) for pt in _rapatkan(tuple(a), tuple(b), step)]
        return _lengkung(np.array(pts + pts[:1]), 0.002, 100.0)

    out = gdf.copy()
    out["geometry"] = [MultiPolygon([Polygon(ring(list(p.exterior.coords)), [ring(list(r.coords)) for r in p.interiors])
                                     for p in g.geoms]) for g in gdf.geometry]
    return out


# ---------------------------------------------------------------- decoys and national-style files

def decoys(n_filler: int = 510) -> list[dict]:
    """Units of other provinces: the traps plus fillers spread over Indonesia, outside Kalsel."""
    rng = np.random.default_rng(6)
    out = [
        {"nama": "Kota Banjar", "prov": "Jawa Barat", "kode": 3279, "geometry": box(108.50, -7.42, 108.62, -7.30)},
        {"nama": "Banjar", "prov": "Jawa Barat", "kode": 3279, "geometry": box(108.30, -7.42, 108.45, -7.30)},
        {"nama": "Kota Baru", "prov": "Jambi", "kode": 1571, "geometry": box(103.55, -1.70, 103.70, -1.55)},
        # inside Kalsel's rough box but in Kalimantan Timur: only the province/code fields tell
        {"nama": "Banjar", "prov": "Kalimantan Timur", "kode": 6409, "geometry": box(116.75, -1.30, 116.90, -1.15)},
    ]
    for i in range(n_filler):
        while True:
            x, y = rng.uniform(95, 140), rng.uniform(-10, 5)
            if not (113 < x < 118 and -6 < y < 0):
                break
        out.append({"nama": f"Kabupaten Contoh {i}", "prov": f"Provinsi {i % 30}", "kode": 1101 + i,
                    "geometry": box(x, y, x + 0.1, y + 0.1)})
    return out


def nasional(gdf: gpd.GeoDataFrame, style: str) -> gpd.GeoDataFrame:
    """A national-style file: Kalsel's 13 among 500+ units of other provinces, in one of three schemas."""
    kal = [{"nama": NAMA_GB[int(r.kode_bps)], "prov": "Kalimantan Selatan", "kode": int(r.kode_bps),
            "geometry": r.geometry} for r in gdf.itertuples()]
    dec = decoys()
    rows = dec[:2] + kal + dec[2:]
    if style == "geoboundaries":  # names only, no province: the map position decides
        rows = [{"shapeName": r["nama"], "shapeISO": "", "shapeID": f"22746128B{i:05d}", "shapeGroup": "IDN",
                 "shapeType": "ADM2", "geometry": r["geometry"]}
                for i, r in enumerate(rows) if not (r["nama"] == "Banjar" and r["prov"] != "Kalimantan Selatan")]
    elif style == "codab":  # P-codes and province fields
        rows = [{"ADM2_EN": r["nama"], "ADM2_PCODE": f"ID{r['kode']}", "ADM1_EN": r["prov"],
                 "ADM1_PCODE": f"ID{r['kode'] // 100}", "ADM0_EN": "Indonesia", "geometry": r["geometry"]}
                for r in rows]
    elif style == "gadm":  # names and province, kind in its own column, no codes
        kota = [r["nama"].startswith("Kota") and r["kode"] not in (6302, 1571) for r in rows]
        rows = [{"NAME_1": r["prov"].replace(" ", ""), "NAME_2": r["nama"].removeprefix("Kota ") if k else r["nama"],
                 "TYPE_2": "Kota" if k else "Kabupaten", "geometry": r["geometry"]} for r, k in zip(rows, kota)]
    return gpd.GeoDataFrame(rows, crs=4326)


# ---------------------------------------------------------------- writing files (EPSG:32750)

def tulis_geojson(gdf: gpd.GeoDataFrame, path: Path, crs=UTM) -> Path:
    gdf.to_crs(crs).to_file(path, driver="GeoJSON")
    return path


def tulis_gpkg(gdf: gpd.GeoDataFrame, path: Path, layer: str = "kabkota", crs=UTM) -> Path:
    gdf.to_crs(crs).to_file(path, layer=layer, driver="GPKG")
    return path


def tulis_shp(gdf: gpd.GeoDataFrame, folder: Path, crs=UTM) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    gdf.to_crs(crs).to_file(folder / "kalsel_kabkota.shp")
    return folder / "kalsel_kabkota.shp"


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.iterdir()):
            z.write(p, f"kabkota/{p.name}")
    return target


def tulis_shp_zip(gdf: gpd.GeoDataFrame, folder: Path, target: Path, crs=UTM) -> Path:
    tulis_shp(gdf, folder, crs)
    return zip_folder(folder, target)


# ---------------------------------------------------------------- checks

def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def loaded(db_path: Path):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return batas.load(con)
    finally:
        con.close()


def geoms_of(fc) -> list:
    return [shape(f["geometry"]) for f in fc["features"]]


def celah_terbesar(geoms) -> float:
    """Area of the largest hole in the union of ``geoms`` (0.0 when the union has none)."""
    union = shapely.union_all(geoms)
    return max((Polygon(r).area for p in _poligon(union) for r in p.interiors), default=0.0)


def check_boundaries(fc, celah_boleh: float = 1e-9) -> None:
    """13 units, valid coverage, no gap, size budget, clockwise exteriors, 5 decimals."""
    assert [f["id"] for f in fc["features"]] == KODE
    geoms = geoms_of(fc)
    assert all(g.geom_type == "MultiPolygon" and g.is_valid and not g.is_empty for g in geoms)
    assert shapely.coverage_is_valid(geoms), "shared borders must coincide, without overlaps"
    assert celah_terbesar(geoms) <= celah_boleh, "gap between units"
    union = shapely.coverage_union_all(geoms)
    assert sum(g.area for g in geoms) == pytest.approx(union.area, rel=1e-9)  # no overlaps: the areas add up
    assert len(json.dumps(fc, separators=(",", ":")).encode()) <= 300_000
    for g in geoms:
        for p in g.geoms:
            assert not shapely.is_ccw(p.exterior), "plotly's geo trace needs clockwise exterior rings"
            assert all(shapely.is_ccw(r) for r in p.interiors)
    coords = shapely.get_coordinates(geoms)
    assert np.all(np.round(coords, 5) == coords)


def same_geometry(fc_a, fc_b, rel=1e-6) -> None:
    for a, b in zip(geoms_of(fc_a), geoms_of(fc_b), strict=True):
        assert a.symmetric_difference(b).area <= rel * a.area


def assert_message(e, *words: str) -> None:
    pesan = e.value.pesan
    assert "\n" not in pesan and "Basis data tidak diubah" in pesan, pesan
    for w in words:
        assert w in pesan, pesan


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def kalsel_gdf() -> gpd.GeoDataFrame:
    return kalsel()


@pytest.fixture(scope="session")
def db_tanpa_batas(tmp_path_factory) -> Path:
    """The database built from data/sources without the shipped boundaries (pilar.batas.bawaan)."""
    from conftest import REAL_SOURCES
    from pilar import build, config
    tmp = tmp_path_factory.mktemp("tanpa-batas")
    shutil.copytree(REAL_SOURCES, tmp / "sources", ignore=shutil.ignore_patterns(config.BATAS_BAWAAN))
    return build.build(tmp / "sources", tmp / "pilar.duckdb").path


@pytest.fixture()
def db(db_tanpa_batas, tmp_path) -> Path:
    """A copy of the database built from data/sources (13 units), without boundaries."""
    path = tmp_path / "db" / "pilar.duckdb"
    path.parent.mkdir()
    shutil.copyfile(db_tanpa_batas, path)
    return path


@pytest.fixture(scope="session")
def reference(db_tanpa_batas, kalsel_gdf, tmp_path_factory):
    """The synthetic GeoJSON (EPSG:32750) installed once: (FeatureCollection, metadata, Laporan, db path)."""
    tmp = tmp_path_factory.mktemp("ref")
    src = tulis_geojson(kalsel_gdf, tmp / "kalsel_kabkota.geojson")
    path = tmp / "pilar.duckdb"
    shutil.copyfile(db_tanpa_batas, path)
    lap = batas.install(src, source="uji sintetis", licence="CC0", attribution=ATRIBUSI, db_path=path)
    fc, meta = loaded(path)
    return fc, meta, lap, path, src


@pytest.fixture()
def installed_db(reference, tmp_path) -> Path:
    """A database that already holds boundaries (to show a failed install keeps them)."""
    path = tmp_path / "db" / "pilar.duckdb"
    path.parent.mkdir()
    shutil.copyfile(reference[3], path)
    return path


@pytest.fixture()
def hanya_loopback(monkeypatch):
    """Fail the test if it tries to resolve or reach anything but this machine (127.0.0.1, ::1).

    The attempt is refused with an OSError (so the code under test takes its offline path) and
    recorded, and the test fails at teardown.
    """
    upaya: list = []
    connect, getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def lokal(host) -> bool:
        if host in ("localhost", b"localhost"):
            return True
        try:
            return ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host).is_loopback
        except ValueError:
            return False

    def guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not lokal(address[0]):
            upaya.append(address)
            raise OSError(f"test: no network beyond loopback ({address[0]})")
        return connect(self, address)

    def guarded_getaddrinfo(host, *a, **k):
        if host is not None and not lokal(host):
            upaya.append(host)
            raise socket.gaierror(socket.EAI_NONAME, f"test: no DNS ({host})")
        return getaddrinfo(host, *a, **k)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield upaya
    assert not upaya, f"the test tried to reach {upaya}"
