"""Boundaries: install from files and a (local) geoBoundaries-like API, keep them in DuckDB.

Test geometry is read from ../shared/geo at test time only; it is never copied into the repo.
Every other input (Shapefile, GeoPackage, national-style files, bad files) is made here.
"""
import hashlib
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import duckdb
import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, box, shape

from conftest import REAL_SOURCES, ROOT, SHARED_GEO
from pilar import batas, build

GEO = SHARED_GEO / "kalsel_kabkota.geojson"
ATRIBUSI = ("Batas kabupaten/kota: BPS, WFP & OCHA ROAP (COD-AB Indonesia 2020) via geoBoundaries, "
            "CC BY 3.0 IGO. Dimodifikasi (disederhanakan, dipotong untuk Kalimantan Selatan).")
KODE = ["6301", "6302", "6303", "6304", "6305", "6306", "6307", "6308", "6309", "6310", "6311", "6371", "6372"]
# Names as the geoBoundaries/COD-AB set spells them (two traps: Kota Baru, Kota Banjar Baru).
NAMA_GB = {6301: "Tanah Laut", 6302: "Kota Baru", 6303: "Banjar", 6304: "Barito Kuala", 6305: "Tapin",
           6306: "Hulu Sungai Selatan", 6307: "Hulu Sungai Tengah", 6308: "Hulu Sungai Utara", 6309: "Tabalong",
           6310: "Tanah Bumbu", 6311: "Balangan", 6371: "Kota Banjarmasin", 6372: "Kota Banjar Baru"}

pytestmark = pytest.mark.skipif(not GEO.exists(), reason=f"test data {GEO} not found (../shared/geo)")


# ---------------------------------------------------------------- helpers and fixtures

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


def check_boundaries(fc) -> None:
    """13 units, valid coverage without gaps, size budget, clockwise exteriors, 5 decimals."""
    assert [f["id"] for f in fc["features"]] == KODE
    geoms = geoms_of(fc)
    assert all(g.geom_type == "MultiPolygon" and g.is_valid and not g.is_empty for g in geoms)
    assert shapely.coverage_is_valid(geoms)
    assert len(shapely.coverage_invalid_edges(geoms)) == 13
    assert all(e is None or e.is_empty for e in shapely.coverage_invalid_edges(geoms))
    union = shapely.coverage_union_all(geoms)
    assert sum(len(p.interiors) for p in getattr(union, "geoms", [union])) == 0, "gaps between units"
    # no overlaps: the areas add up
    assert sum(g.area for g in geoms) == pytest.approx(union.area, rel=1e-9)
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


def assert_message(e: batas.BatasError, *words: str) -> None:
    pesan = e.value.pesan
    assert "\n" not in pesan and "Basis data tidak diubah" in pesan, pesan
    for w in words:
        assert w in pesan, pesan


@pytest.fixture(scope="module")
def base_db(tmp_path_factory) -> Path:
    return build.build(REAL_SOURCES, tmp_path_factory.mktemp("batas") / "pilar.duckdb").path


@pytest.fixture()
def db(base_db, tmp_path) -> Path:
    path = tmp_path / "db" / "pilar.duckdb"
    path.parent.mkdir()
    shutil.copyfile(base_db, path)
    return path


@pytest.fixture(scope="module")
def kalsel() -> gpd.GeoDataFrame:
    return gpd.read_file(GEO)


@pytest.fixture(scope="module")
def reference(base_db, tmp_path_factory):
    """The shared GeoJSON installed once: (FeatureCollection, metadata, Laporan, db path)."""
    path = tmp_path_factory.mktemp("ref") / "pilar.duckdb"
    shutil.copyfile(base_db, path)
    lap = batas.install(GEO, source="geoBoundaries IDN ADM2 (uji)", licence="CC BY 3.0 IGO",
                        attribution=ATRIBUSI, db_path=path)
    fc, meta = loaded(path)
    return fc, meta, lap, path


@pytest.fixture()
def installed_db(reference, tmp_path) -> Path:
    """A database that already holds boundaries (to show a failed install keeps them)."""
    path = tmp_path / "db" / "pilar.duckdb"
    path.parent.mkdir()
    shutil.copyfile(reference[3], path)
    return path


def densify(g, step=0.001):
    """Extra vertices on every segment, computed the same way from both sides of a shared edge."""
    def ring(coords):
        out = []
        for p, q in zip(coords[:-1], coords[1:]):
            a, b = sorted([tuple(p), tuple(q)])
            n = max(1, int(np.ceil(np.hypot(b[0] - a[0], b[1] - a[1]) / step)))
            pts = [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for i in range(n)] + [b]
            if (a, b) != (tuple(p), tuple(q)):
                pts = pts[::-1]
            out.extend(pts[:-1])
        return out + [out[0]]

    return MultiPolygon([shapely.Polygon(ring(list(p.exterior.coords)), [ring(list(r.coords)) for r in p.interiors])
                         for p in getattr(g, "geoms", [g])])


def warp(g, amp=0.002, freq=100.0):
    """A smooth, one-to-one displacement: shared vertices stay shared, nothing folds."""
    return shapely.transform(g, lambda xy: xy + amp * np.column_stack(
        [np.sin(xy[:, 1] * freq), np.cos(xy[:, 0] * freq)]))


# ---------------------------------------------------------------- the real extract

def test_install_shared_geojson(reference, kalsel):
    fc, meta, lap, path = reference
    check_boundaries(fc)
    assert meta["attribution"] == ATRIBUSI
    assert meta["licence"] == "CC BY 3.0 IGO"
    assert meta["source"] == "geoBoundaries IDN ADM2 (uji)"
    assert meta["installed_at"]
    assert sorted(lap.cocok) == KODE and lap.hilang == []
    assert lap.simpul_sebelum == 900 and 0 < lap.simpul_sesudah <= 900
    assert lap.ukuran_sesudah <= 300_000 and lap.toleransi == 0.0  # small already: not simplified
    assert [f["properties"]["nama"] for f in fc["features"]][-2:] == ["Kota Banjarmasin", "Kota Banjarbaru"]
    # Shapes kept: each unit differs from the source by far less than 0.1% of its area.
    src = {int(r.kode_bps): r.geometry for r in kalsel.itertuples()}
    for f in fc["features"]:
        a, b = shape(f["geometry"]), src[int(f["id"])]
        assert a.symmetric_difference(b).area < 1e-3 * b.area
    st = batas.status(path)
    assert st["units"] == KODE and st["attribution"] == ATRIBUSI and st["bytes"] == lap.ukuran_sesudah


def test_stored_tables_and_rebuild_keeps_them(reference, tmp_path):
    path = tmp_path / "pilar.duckdb"
    shutil.copyfile(reference[3], path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT kode_bps, nama, geojson, vertices, parts FROM batas_wilayah ORDER BY 1").fetchall()
        meta = con.execute("SELECT source, licence, attribution, installed_at, report FROM batas_meta").fetchall()
    finally:
        con.close()
    assert [str(r[0]) for r in rows] == KODE
    assert json.loads(rows[0][2])["type"] == "MultiPolygon"
    assert len(meta) == 1 and json.loads(meta[0][4])["cocok"]["6371"]
    build.build(REAL_SOURCES, path)  # a rebuild carries the batas tables over
    fc, m = loaded(path)
    assert fc == reference[0] and m["attribution"] == ATRIBUSI


def test_load_without_boundaries(db, tmp_path):
    assert loaded(db) is None
    assert batas.status(db) is None
    assert batas.status(tmp_path / "tidak_ada.duckdb") is None


def test_core_module_does_not_import_streamlit():
    r = subprocess.run([sys.executable, "-c", "import sys, pilar.batas; assert 'streamlit' not in sys.modules"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


# ---------------------------------------------------------------- other formats and CRS

def _zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.iterdir()):
            z.write(p, f"kabkota/{p.name}")
    return target


def test_shapefile_zip_unzipped_and_geopackage_32750_give_the_same_result(kalsel, reference, db, tmp_path):
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    kalsel.to_file(shp_dir / "kalsel_kabkota.shp")
    z = _zip_folder(shp_dir, tmp_path / "kalsel_shp.zip")
    gpkg = tmp_path / "kalsel_utm50s.gpkg"
    kalsel.to_crs(32750).to_file(gpkg, layer="kabkota", driver="GPKG")
    for src in (z, shp_dir / "kalsel_kabkota.shp", gpkg):
        lap = batas.install(src, source=src.name, licence="CC BY 3.0 IGO", attribution=ATRIBUSI, db_path=db)
        fc, _ = loaded(db)
        check_boundaries(fc)
        same_geometry(fc, reference[0])
        assert sorted(lap.cocok) == KODE
    assert "32750" in lap.crs_asal


def test_archives_with_several_layers_pick_the_kabupaten_layer(kalsel, reference, db, tmp_path):
    gpkg = tmp_path / "batas.gpkg"
    prov = gpd.GeoDataFrame({"nama": ["Kalimantan Selatan"]}, geometry=[kalsel.union_all()], crs=4326)
    prov.to_file(gpkg, layer="provinsi", driver="GPKG")
    kalsel.to_file(gpkg, layer="kabupaten_kota", driver="GPKG")
    z = tmp_path / "geoBoundaries-like.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("geoBoundaries-IDN-ADM2-metaData.json", json.dumps({"boundaryID": "IDN-ADM2-22746128"}))
        f.writestr("CITATION-AND-USE-geoBoundaries.txt", "cite us")
        f.write(GEO, "geoBoundaries-IDN-ADM2_simplified.geojson")
    for src in (gpkg, z):
        lap = batas.install(src, db_path=db)
        assert sorted(lap.cocok) == KODE
        same_geometry(loaded(db)[0], reference[0])


def test_multi_part_rows_are_dissolved(kalsel, reference, db, tmp_path):
    rows = [{"kode_bps": r.kode_bps, "nama": r.nama, "geometry": p}
            for r in kalsel.itertuples() for p in r.geometry.geoms]
    parts = gpd.GeoDataFrame(rows, crs=4326)
    assert len(parts) == 87
    parts.to_file(tmp_path / "bagian.geojson")
    lap = batas.install(tmp_path / "bagian.geojson", db_path=db)
    same_geometry(loaded(db)[0], reference[0])
    assert lap.baris == 87 and sorted(lap.cocok) == KODE


# ---------------------------------------------------------------- national-style files

def _decoys(n_filler: int = 510) -> list[dict]:
    """Units of other provinces: the traps plus fillers spread over Indonesia, outside Kalsel."""
    rng = np.random.default_rng(6)
    out = [
        {"nama": "Kota Banjar", "prov": "Jawa Barat", "kode": 3279, "geometry": box(108.50, -7.42, 108.62, -7.30)},
        {"nama": "Banjar", "prov": "Jawa Barat", "kode": 3279, "geometry": box(108.30, -7.42, 108.45, -7.30)},
        {"nama": "Kota Baru", "prov": "Jambi", "kode": 1571, "geometry": box(103.55, -1.70, 103.70, -1.55)},
        # inside Kalsel's rough box but in Kalimantan Timur: only the province/code fields tell
        {"nama": "Banjar", "prov": "Kalimantan Timur", "kode": 6409, "geometry": box(116.75, -1.60, 116.90, -1.45)},
    ]
    for i in range(n_filler):
        while True:
            x, y = rng.uniform(95, 140), rng.uniform(-10, 5)
            if not (113 < x < 118 and -6 < y < 0):
                break
        out.append({"nama": f"Kabupaten Contoh {i}", "prov": f"Provinsi {i % 30}", "kode": 1101 + i,
                    "geometry": box(x, y, x + 0.1, y + 0.1)})
    return out


def _national(kalsel, style: str) -> gpd.GeoDataFrame:
    kal = [{"nama": NAMA_GB[int(r.kode_bps)], "prov": "Kalimantan Selatan", "kode": int(r.kode_bps),
            "jenis": r.jenis, "geometry": r.geometry} for r in kalsel.itertuples()]
    dec = _decoys()
    for d in dec:
        d["jenis"] = "Kota" if d["nama"].startswith("Kota") else "Kabupaten"
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


@pytest.mark.parametrize("style", ["geoboundaries", "codab", "gadm"])
def test_national_file_picks_the_right_13(kalsel, reference, db, tmp_path, style):
    gdf = _national(kalsel, style)
    assert len(gdf) > 500
    path = tmp_path / f"nasional_{style}.geojson"
    gdf.to_file(path)
    lap = batas.install(path, db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)
    same_geometry(fc, reference[0])
    assert sorted(lap.cocok) == KODE
    if style == "geoboundaries":
        assert lap.cocok["6302"] == "nama di kolom shapeName: 'Kota Baru'"
        assert lap.cocok["6372"] == "nama di kolom shapeName: 'Kota Banjar Baru'"
        assert any("Kota Baru" in d and "luar Kalimantan Selatan" in d for d in lap.diabaikan)
    if style == "codab":
        assert lap.cocok["6303"] == "kode di kolom ADM2_PCODE: ID6303"


def test_name_and_code_rules():
    units = [batas._Unit(k, km, n, j, batas._alnum(s), batas._alnum(n)) for k, km, n, s, j in [
            (6302, "63.02", "Kabupaten Kotabaru", "Kotabaru", "kabupaten"),
            (6303, "63.03", "Kabupaten Banjar", "Banjar", "kabupaten"),
            (6301, "63.01", "Kabupaten Tanah Laut", "Tanah Laut", "kabupaten"),
            (6371, "63.71", "Kota Banjarmasin", "Banjarmasin", "kota"),
            (6372, "63.72", "Kota Banjarbaru", "Banjarbaru", "kota")]]

    def kode(nama, jenis=None):
        u = batas._cocok_nama(nama, units, jenis)
        return u.kode_bps if u else None

    assert kode("Kota Baru") == 6302 and kode("Kotabaru") == 6302 and kode("Kab. Kotabaru") == 6302
    assert kode("Kota Banjar Baru") == 6372 and kode("Banjarbaru") == 6372 and kode("KOTA BANJARBARU") == 6372
    assert kode("Banjar") == 6303 and kode("Kabupaten Banjar") == 6303 and kode("Banjar Regency") == 6303
    assert kode("Kota Banjar") is None and kode("Banjar", "kota") is None and kode("Banjar City") is None
    assert kode("KAB. TANAH LAUT") == 6301 and kode("Tanahlaut") == 6301 and kode("Banjarmasin City") == 6371
    assert [batas._kode(v) for v in (6371, "6371", "63.71", "ID6371", "ID63", "6371010", None, "x")] == \
        [6371, 6371, 6371, 6371, None, None, None, None]


# ---------------------------------------------------------------- simplification and repair

@pytest.fixture(scope="module")
def dense(reference) -> gpd.GeoDataFrame:
    """The installed extract densified and smoothly warped: over 300 KB, still a valid coverage."""
    g = gpd.GeoDataFrame.from_features(reference[0]["features"], crs=4326)
    g["geometry"] = [warp(densify(x)) for x in g.geometry]
    assert shapely.coverage_is_valid(g.geometry.values)
    return g


def test_dense_input_is_simplified_to_budget_keeping_shared_borders(dense, db, tmp_path):
    path = tmp_path / "padat.geojson"
    dense.to_file(path)
    t0 = time.monotonic()
    lap = batas.install(path, db_path=db)
    took = time.monotonic() - t0
    fc, _ = loaded(db)
    check_boundaries(fc)
    assert lap.ukuran_sebelum > 300_000 >= lap.ukuran_sesudah > 200_000
    assert lap.simpul_sesudah < lap.simpul_sebelum and lap.toleransi > 0
    for a, b in zip(geoms_of(fc), dense.geometry):
        assert a.symmetric_difference(b).area < 0.02 * b.area
    print(f"\ndense: {lap.simpul_sebelum} -> {lap.simpul_sesudah} vertices, {lap.ukuran_sebelum} -> "
          f"{lap.ukuran_sesudah} B, tolerance {lap.toleransi:.6f}, {took:.2f} s")


def test_overlaps_and_gaps_between_units_are_repaired(dense, db, tmp_path):
    # Each unit simplified on its own, as upstream did: neighbours overlap and leave slivers.
    broken = dense.copy()
    broken["geometry"] = [shapely.simplify(g, 0.004) for g in dense.geometry]
    assert not shapely.coverage_is_valid(broken.geometry.values)
    path = tmp_path / "rusak_topologi.geojson"
    broken.to_file(path)
    lap = batas.install(path, db_path=db)
    check_boundaries(loaded(db)[0])
    assert any("tumpang tindih" in p for p in lap.perbaikan) and any("celah" in p for p in lap.perbaikan)


# ---------------------------------------------------------------- bad input: clear message, nothing changed

def _bad_inputs(kalsel, tmp: Path) -> dict:
    def gj(name, gdf):
        gdf.to_file(tmp / name)
        return tmp / name

    k = kalsel.copy()
    cases = {}
    (tmp / "catatan.txt").write_text("ini bukan peta\n")
    cases["teks"] = (tmp / "catatan.txt", ["bukan berkas geo"])
    (tmp / "tabel.csv").write_text("kode,nama\n6371,Kota Banjarmasin\n")
    cases["csv"] = (tmp / "tabel.csv", ["bukan berkas geo"])
    (tmp / "lain.json").write_text('{"kode": 6371, "nama": "Kota Banjarmasin"}')
    cases["json_biasa"] = (tmp / "lain.json", ["bukan berkas geo"])
    cases["tanpa_kalsel"] = (gj("jabar.geojson", gpd.GeoDataFrame(_decoys(20), crs=4326)), ["Tidak ada satu pun"])
    cases["kurang"] = (gj("kurang.geojson", k[~k.kode_bps.isin([6311, 6371])]),
                       ["2 dari 13", "Kabupaten Balangan", "Kota Banjarmasin"])
    banjar = k[k.kode_bps == 6303].copy()
    banjar["geometry"] = banjar.geometry.translate(0.05, 0.02)
    cases["baris_bertumpuk"] = (gj("ganda.geojson", gpd.GeoDataFrame(
        [*k.to_dict("records"), *banjar.to_dict("records")], crs=4326)), ["Kabupaten Banjar", "saling bertumpuk"])
    salah = k.copy()
    salah.loc[salah.kode_bps == 6372, "geometry"] = k.loc[k.kode_bps == 6303, "geometry"].values
    cases["wilayah_bertumpuk"] = (gj("tertimpa.geojson", salah), ["Kota Banjarbaru", "bertumpuk"])
    kosong = k.copy()
    kosong.loc[kosong.kode_bps == 6305, "geometry"] = None
    cases["geometri_null"] = (gj("null.geojson", kosong), ["Kabupaten Tapin", "kosong"])
    kosong2 = k.copy()
    kosong2.loc[kosong2.kode_bps == 6305, "geometry"] = MultiPolygon()
    cases["geometri_kosong"] = (gj("kosong.geojson", kosong2), ["Kabupaten Tapin", "kosong"])
    semua_kosong = k.copy()
    semua_kosong["geometry"] = None
    cases["semua_kosong"] = (gj("semua_kosong.geojson", semua_kosong), ["kosong"])
    titik = k.copy()
    titik["geometry"] = titik.geometry.representative_point()
    cases["titik"] = (gj("ibukota.geojson", titik), ["titik", "poligon"])
    garis = k.copy()
    garis["geometry"] = garis.geometry.boundary
    cases["garis"] = (gj("garis.geojson", garis), ["garis", "poligon"])
    shp = tmp / "shp"
    shp.mkdir()
    k.to_file(shp / "kab.shp")
    good = _zip_folder(shp, tmp / "utuh.zip").read_bytes()
    (tmp / "terpotong.zip").write_bytes(good[: len(good) // 2])
    cases["zip_terpotong"] = (tmp / "terpotong.zip", ["rusak"])
    corrupt = bytearray(good)
    corrupt[200:260] = b"\x00" * 60  # damaged data inside the first member
    (tmp / "rusak.zip").write_bytes(bytes(corrupt))
    cases["zip_rusak"] = (tmp / "rusak.zip", ["rusak"])
    with zipfile.ZipFile(tmp / "dokumen.zip", "w") as z:
        z.writestr("baca.txt", "tidak ada peta di sini")
    cases["zip_tanpa_geo"] = (tmp / "dokumen.zip", ["tidak berisi berkas geo"])
    cases["tidak_ada"] = (tmp / "tidak_ada.geojson", ["tidak ditemukan"])
    return cases


BAD = ["teks", "csv", "json_biasa", "tanpa_kalsel", "kurang", "baris_bertumpuk", "wilayah_bertumpuk",
       "geometri_null", "geometri_kosong", "semua_kosong", "titik", "garis", "zip_terpotong", "zip_rusak",
       "zip_tanpa_geo", "tidak_ada"]


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_explained_and_changes_nothing(case, kalsel, installed_db, reference, tmp_path):
    (tmp_path / "in").mkdir()
    path, words = _bad_inputs(kalsel, tmp_path / "in")[case]
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(path, source="uji", db_path=installed_db)
    assert_message(e, *words)
    assert sha(installed_db) == before
    assert loaded(installed_db)[0] == reference[0]
    assert {p.name for p in installed_db.parent.iterdir()} <= {"pilar.duckdb", "pilar.duckdb.lock"}


def test_file_over_the_size_limit(installed_db):
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(GEO, db_path=installed_db, max_bytes=10_000)
    assert_message(e, "terlalu besar", "batasnya")
    assert sha(installed_db) == before


def test_failure_while_writing_leaves_the_file_byte_identical(installed_db, monkeypatch):
    before = sha(installed_db)

    def boom(*a, **k):
        raise RuntimeError("disk penuh (simulasi)")

    monkeypatch.setattr(batas, "_periksa_salinan", boom)
    with pytest.raises(RuntimeError):
        batas.install(GEO, db_path=installed_db)
    assert sha(installed_db) == before
    assert not [p for p in installed_db.parent.iterdir() if p.name.endswith((".tmp", ".wal"))]


def test_install_while_another_process_reads_the_database(reference, installed_db):
    # The dashboard holds read-only connections; DuckDB would refuse a writer on the same file.
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time\n"
         f"con = duckdb.connect({str(installed_db)!r}, read_only=True)\n"
         "print(con.execute('SELECT count(*) FROM batas_wilayah').fetchone()[0], flush=True)\n"
         "sys.stdin.readline()\n"
         "print(con.execute('SELECT count(*) FROM batas_wilayah').fetchone()[0], flush=True)\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "13"
        lap = batas.install(GEO, source="baru", attribution="atribusi baru", db_path=installed_db)
        assert len(lap.cocok) == 13
        out, _ = reader.communicate("\n", timeout=30)
        assert out.strip() == "13"  # the old reader keeps its (old) file
    finally:
        if reader.poll() is None:
            reader.kill()
    assert batas.status(installed_db)["attribution"] == "atribusi baru"


def test_missing_database_is_built_first(tmp_path, monkeypatch):
    monkeypatch.setenv("PILAR_SOURCES", str(REAL_SOURCES))
    path = tmp_path / "baru" / "pilar.duckdb"
    lap = batas.install(GEO, db_path=path)
    assert len(lap.cocok) == 13 and loaded(path) is not None


# ---------------------------------------------------------------- download (local server only)

class _Api(http.server.BaseHTTPRequestHandler):
    files: dict = {}

    def log_message(self, *args):
        pass

    def _send(self, code: int, body: bytes, ctype="application/json"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        route = self.path.rstrip("/")
        meta = {"boundaryID": "IDN-ADM2-22746128", "boundaryName": "Indonesia", "boundaryISO": "IDN",
                "boundaryYearRepresented": "2020", "boundaryType": "ADM2",
                "boundarySource": "Badan Pusat Statistik, World Food Programme, OCHA ROAP",
                "boundaryLicense": "Creative Commons Attribution 3.0 Intergovernmental Organisations",
                "gjDownloadURL": f"{base}/full.geojson",
                "simplifiedGeometryGeoJSON": f"{base}/geoBoundaries-IDN-ADM2_simplified.geojson"}
        if route == "/api/current/gbOpen/IDN/ADM2":
            self._send(200, json.dumps(meta).encode())
        elif route == "/api/relatif":
            self._send(200, json.dumps([{**meta, "simplifiedGeometryGeoJSON": "/geoBoundaries-IDN-ADM2_simplified.geojson"}]).encode())
        elif route == "/api/data-hilang":
            self._send(200, json.dumps({**meta, "simplifiedGeometryGeoJSON": f"{base}/hilang.geojson"}).encode())
        elif route == "/api/data-error":
            self._send(200, json.dumps({**meta, "simplifiedGeometryGeoJSON": f"{base}/error500"}).encode())
        elif route == "/api/bukan-json":
            self._send(200, b"<html>maintenance</html>", "text/html")
        elif route == "/api/500":
            self._send(500, b"internal error", "text/plain")
        elif route == "/api/lambat":
            time.sleep(4)
            self._send(200, json.dumps(meta).encode())
        elif route == "/error500":
            self._send(500, b"internal error", "text/plain")
        elif route.lstrip("/") in self.files:
            self._send(200, self.files[route.lstrip("/")], "application/geo+json")
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def api(kalsel, tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "nasional.geojson"
    _national(kalsel, "geoboundaries").to_file(path)
    _Api.files = {"geoBoundaries-IDN-ADM2_simplified.geojson": path.read_bytes()}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_download_installs_with_licence_and_attribution(api, db, reference):
    lap = batas.download(f"{api}/api/current/gbOpen/IDN/ADM2/", timeout=5, db_path=db)
    assert sorted(lap.cocok) == KODE
    fc, meta = loaded(db)
    check_boundaries(fc)
    same_geometry(fc, reference[0])
    assert meta["licence"] == "CC BY 3.0 IGO"
    assert meta["attribution"] == ATRIBUSI
    assert "geoBoundaries" in meta["source"] and "IDN-ADM2-22746128" in meta["source"]


def test_download_with_relative_url_and_install_from_url(api, db):
    assert len(batas.download(f"{api}/api/relatif", timeout=5, db_path=db).cocok) == 13
    lap = batas.install(f"{api}/geoBoundaries-IDN-ADM2_simplified.geojson", db_path=db, timeout=5)
    assert len(lap.cocok) == 13
    assert batas.status(db)["source"].startswith("http://127.0.0.1")


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize("case", ["port_tertutup", "tak_terjangkau", "tanpa_dns", "404", "500", "waktu_habis",
                                  "bukan_json", "data_404", "data_500"])
def test_download_failures_are_clear_and_quick(case, api, installed_db):
    url, timeout, words = {
        "port_tertutup": (f"http://127.0.0.1:{_closed_port()}/api/", 5, ["Tidak dapat menghubungi"]),
        # unroutable: times out, or is refused/answered by whatever network the machine has
        "tak_terjangkau": ("http://10.255.255.1:9/api/", 1, []),
        "tanpa_dns": ("https://geoboundaries.invalid/api/current/gbOpen/IDN/ADM2/", 2, ["Tidak dapat menghubungi"]),
        "404": (f"{api}/api/tidak-ada", 5, ["404"]),
        "500": (f"{api}/api/500", 5, ["500", "Coba lagi nanti"]),
        "waktu_habis": (f"{api}/api/lambat", 1, ["tidak menjawab dalam 1 detik"]),
        "bukan_json": (f"{api}/api/bukan-json", 5, ["bukan metadata geoBoundaries"]),
        "data_404": (f"{api}/api/data-hilang", 5, ["404", "hilang.geojson"]),
        "data_500": (f"{api}/api/data-error", 5, ["500"]),
    }[case]
    before = sha(installed_db)
    t0 = time.monotonic()
    with pytest.raises(batas.BatasError) as e:
        batas.download(url, timeout=timeout, db_path=installed_db)
    assert time.monotonic() - t0 < 6
    assert_message(e, *words)
    assert sha(installed_db) == before


# ---------------------------------------------------------------- command line

def cli(*args, db_path):
    env = dict(os.environ, PILAR_DB=str(db_path), PILAR_SOURCES=str(REAL_SOURCES))
    return subprocess.run([sys.executable, "-m", "pilar", "boundaries", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_install_status_and_errors(db, tmp_path, api):
    r = cli("status", db_path=db)
    assert r.returncode == 0 and "Belum ada batas wilayah" in r.stdout
    r = cli("install", str(GEO), "--source", "geoBoundaries IDN ADM2", "--licence", "CC BY 3.0 IGO",
            "--attribution", ATRIBUSI, db_path=db)
    assert r.returncode == 0, r.stderr
    assert "Wilayah cocok: 13 dari 13" in r.stdout and "Simpul: 900 ->" in r.stdout
    r = cli("status", db_path=db)
    assert r.returncode == 0 and ATRIBUSI in r.stdout and "13 kabupaten/kota" in r.stdout
    before = sha(db)
    (tmp_path / "x.txt").write_text("bukan peta")
    r = cli("install", str(tmp_path / "x.txt"), db_path=db)
    assert r.returncode != 0 and "bukan berkas geo" in r.stderr and r.stdout == ""
    r = cli("download", "--api-url", f"http://127.0.0.1:{_closed_port()}/", "--timeout", "2", db_path=db)
    assert r.returncode != 0 and "Tidak dapat menghubungi" in r.stderr
    assert sha(db) == before
    r = cli("download", "--api-url", f"{api}/api/current/gbOpen/IDN/ADM2/", db_path=db)
    assert r.returncode == 0, r.stderr
    assert "CC BY 3.0 IGO" in cli("status", db_path=db).stdout
