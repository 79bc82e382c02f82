"""Installing boundaries from files: formats, CRS, national files, storage, report, read-back.

All geometry is synthetic (tests/geo_fixtures.py), written in EPSG:32750; one optional test uses
the real extract in ../shared/geo when it is there.
"""
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import shape

import geo_fixtures as gf
from conftest import REAL_SOURCES
from geo_fixtures import KODE, check_boundaries, loaded, same_geometry
from pilar import batas, build

pytestmark = pytest.mark.usefixtures("hanya_loopback")

REAL_GEO = Path(__file__).parents[2] / "shared/geo/kalsel_kabkota.geojson"


def test_install_synthetic_geojson(reference, kalsel_gdf):
    fc, meta, lap, path, _ = reference
    check_boundaries(fc)
    assert (meta["source"], meta["licence"], meta["attribution"]) == ("uji sintetis", "CC0", gf.ATRIBUSI)
    assert meta["installed_at"] and meta["input_name"] == "kalsel_kabkota.geojson"
    assert lap.cocok == {k: f"kode di kolom kode_bps: {k}" for k in KODE} and lap.hilang == []
    assert "32750" in lap.crs_asal and lap.baris == 13
    assert lap.toleransi == 0.0 and lap.ukuran_sesudah <= 300_000  # small already: not simplified
    assert lap.bagian_sebelum == lap.bagian_sesudah == 15  # Kotabaru has two islands
    assert [f["properties"]["nama"] for f in fc["features"]][-2:] == ["Kota Banjarmasin", "Kota Banjarbaru"]
    # The overlap went to the smaller unit (Banjar) and the sliver to Hulu Sungai Tengah or Selatan.
    assert any(p.startswith("tumpang tindih antarwilayah") for p in lap.perbaikan)
    assert any(re.match(r"\d+ celah tertutup", p) for p in lap.perbaikan)
    # Shapes kept: every unit within 0.5% of its clean layout (the repairs are a few km²).
    bersih = gf.cakupan()
    for f in fc["features"]:
        a, b = shape(f["geometry"]), bersih[int(f["id"])]
        assert a.symmetric_difference(b).area < 5e-3 * b.area, f["id"]
    st = batas.status(path)
    assert st["units"] == KODE and st["attribution"] == gf.ATRIBUSI and st["bytes"] == lap.ukuran_sesudah
    assert st["vertices"] == lap.simpul_sesudah


def test_clean_coverage_is_kept_as_it_is(db):
    src = gf.tulis_geojson(gf.kalsel(rapi=True), db.parent / "rapi.geojson", crs=4326)
    lap = batas.install(src, db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)
    assert lap.perbaikan == []
    bersih = gf.cakupan()
    for f in fc["features"]:  # only rounded to 5 decimals
        assert shapely.hausdorff_distance(shape(f["geometry"]), bersih[int(f["id"])]) < 1e-5


def test_stored_tables_and_rebuild_keeps_them(reference, tmp_path):
    path = tmp_path / "pilar.duckdb"
    shutil.copyfile(reference[3], path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT kode_bps, nama, geojson, vertices, parts FROM batas_wilayah ORDER BY 1").fetchall()
        meta = con.execute("SELECT source, licence, attribution, installed_at, input_name, input_sha256, report "
                           "FROM batas_meta").fetchall()
    finally:
        con.close()
    assert [str(r[0]) for r in rows] == KODE
    assert json.loads(rows[0][2])["type"] == "MultiPolygon"
    assert [r[4] for r in rows] == [1, 3] + [1] * 11
    assert len(meta) == 1 and json.loads(meta[0][6])["cocok"]["6371"]
    assert meta[0][5] == gf.sha(reference[4])
    build.build(REAL_SOURCES, path)  # a rebuild carries the batas tables over
    fc, m = loaded(path)
    assert fc == reference[0] and m["attribution"] == gf.ATRIBUSI


def test_load_without_boundaries(db, tmp_path):
    assert loaded(db) is None
    assert batas.status(db) is None
    assert batas.status(tmp_path / "tidak_ada.duckdb") is None


# ---------------------------------------------------------------- other formats and CRS

def test_shapefile_zip_unzipped_folder_and_geopackage_give_the_same_result(kalsel_gdf, reference, db, tmp_path):
    z = gf.tulis_shp_zip(kalsel_gdf, tmp_path / "shp", tmp_path / "kalsel_shp.zip")
    gpkg = gf.tulis_gpkg(kalsel_gdf, tmp_path / "kalsel_utm50s.gpkg")
    unduhan = tmp_path / "unduhan_tanpa_nama"  # kind told from the bytes, not the name
    shutil.copyfile(gpkg, unduhan)
    for src in (z, tmp_path / "shp" / "kalsel_kabkota.shp", tmp_path / "shp", gpkg, unduhan):
        lap = batas.install(src, source=src.name, db_path=db)
        fc, _ = loaded(db)
        check_boundaries(fc)
        same_geometry(fc, reference[0])
        assert sorted(lap.cocok) == KODE and "32750" in lap.crs_asal, src


def test_archives_with_several_layers_pick_the_kabupaten_layer(kalsel_gdf, reference, db, tmp_path):
    gpkg = tmp_path / "batas.gpkg"
    prov = gpd.GeoDataFrame({"nama": ["Kalimantan Selatan"]}, geometry=[kalsel_gdf.union_all()], crs=4326)
    gf.tulis_gpkg(prov, gpkg, layer="provinsi")
    gf.tulis_gpkg(kalsel_gdf, gpkg, layer="kabupaten_kota")
    geojson = gf.tulis_geojson(kalsel_gdf, tmp_path / "kalsel.geojson")
    z = tmp_path / "geoBoundaries-like.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("geoBoundaries-IDN-ADM2-metaData.json", json.dumps({"boundaryID": "IDN-ADM2-22746128"}))
        f.writestr("CITATION-AND-USE-geoBoundaries.txt", "cite us")
        f.writestr("__MACOSX/._geoBoundaries-IDN-ADM2_simplified.geojson", b"\x00\x05\x16\x07")
        f.write(geojson, "geoBoundaries-IDN-ADM2_simplified.geojson")
    for src in (gpkg, z):
        lap = batas.install(src, db_path=db)
        assert sorted(lap.cocok) == KODE
        same_geometry(loaded(db)[0], reference[0])
    assert lap.lapisan == "geoBoundaries-IDN-ADM2_simplified.geojson"


def test_file_without_crs_in_degrees(kalsel_gdf, reference, db, tmp_path):
    shp = gf.tulis_shp(kalsel_gdf, tmp_path / "shp", crs=4326)
    shp.with_suffix(".prj").unlink()
    lap = batas.install(shp, db_path=db)
    assert lap.crs_asal == "tanpa CRS, dianggap EPSG:4326"
    same_geometry(loaded(db)[0], reference[0])


def test_multi_part_rows_and_duplicates_are_dissolved(kalsel_gdf, reference, db, tmp_path):
    rows = [{"kode_bps": r.kode_bps, "nama": r.nama, "geometry": p}
            for r in kalsel_gdf.itertuples() for p in r.geometry.geoms]
    rows.append(dict(rows[0]))  # the same row twice
    parts = gpd.GeoDataFrame(rows, crs=4326)
    assert len(parts) == 16
    lap = batas.install(gf.tulis_geojson(parts, tmp_path / "bagian.geojson"), db_path=db)
    same_geometry(loaded(db)[0], reference[0])
    assert lap.baris == 16 and sorted(lap.cocok) == KODE
    assert "1 baris ganda yang identik diabaikan" in lap.perbaikan


@pytest.mark.parametrize("style", ["geoboundaries", "codab", "gadm"])
def test_national_file_picks_the_right_13(kalsel_gdf, reference, db, tmp_path, style):
    gdf = gf.nasional(kalsel_gdf, style)
    assert len(gdf) > 500
    lap = batas.install(gf.tulis_geojson(gdf, tmp_path / f"nasional_{style}.geojson", crs=4326), db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)
    same_geometry(fc, reference[0])
    assert sorted(lap.cocok) == KODE
    if style == "geoboundaries":
        assert lap.cocok["6302"] == "nama di kolom shapeName: 'Kota Baru'"
        assert lap.cocok["6372"] == "nama di kolom shapeName: 'Kota Banjar Baru'"
        assert lap.cocok["6303"] == "nama di kolom shapeName: 'Banjar'"
        assert any("Kota Baru" in d and "luar Kalimantan Selatan" in d for d in lap.diabaikan)
    if style == "codab":
        assert lap.cocok["6303"] == "kode di kolom ADM2_PCODE: ID6303"
    if style == "gadm":
        assert lap.cocok["6303"] == "nama di kolom NAME_2: 'Banjar'"


def test_a_wide_gap_is_kept_as_a_hole(db, tmp_path):
    # A lake 0.05 degrees wide where four units meet: not a sliver, so nobody is given it.
    k = gf.kalsel(rapi=True)
    danau = shapely.Point(gf._lengkung(np.array([gf._titik(2, 2)]), 0.03, 8.0)[0]).buffer(0.025)
    k["geometry"] = [g.difference(danau) for g in k.geometry]
    lap = batas.install(gf.tulis_geojson(k, tmp_path / "danau.geojson"), db_path=db)
    assert "1 lubang besar di dalam provinsi dibiarkan (mungkin danau)" in lap.perbaikan
    geoms = gf.geoms_of(loaded(db)[0])
    assert shapely.coverage_is_valid(geoms)
    assert gf.celah_terbesar(geoms) == pytest.approx(danau.area, rel=0.01)


# ---------------------------------------------------------------- the report

def test_report_numbers_are_indonesian(reference, db, tmp_path):
    lap = reference[2]
    teks = lap.ringkasan()
    assert teks.startswith("Batas wilayah dipasang dari kalsel_kabkota.geojson (lapisan kalsel_kabkota.geojson, EPSG:32750).")
    assert "Wilayah cocok: 13 dari 13." in teks and "  6372: kode di kolom kode_bps: 6372" in teks
    m = re.search(r"Simpul: (\S+) -> (\S+); bagian poligon: 15 -> 15; ukuran GeoJSON: (\S+) KB -> (\S+) KB "
                  r"\(anggaran 300,0 KB; berkas masukan (\S+) KB\)\.", teks)
    assert m, teks
    assert lap.simpul_sebelum > 1000 and m.group(1) == str(lap.simpul_sebelum)[:-3] + "." + str(lap.simpul_sebelum)[-3:]
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*,\d", m.group(i)) for i in (3, 4, 5)), m.groups()
    assert "Perbaikan: tumpang tindih antarwilayah" in teks and re.search(r"Waktu: \d+,\d detik\.$", teks)
    d = lap.to_dict()
    assert d["cocok"] == lap.cocok and d["ukuran_sesudah"] == lap.ukuran_sesudah
    # the report is stored with the boundaries
    assert loaded(reference[3])[1]["report"]["perbaikan"] == lap.perbaikan


def test_report_of_a_simplified_install():
    lap = batas.Laporan(berkas="x.geojson", cocok={"6371": "kode"}, hilang=["Kota Banjarbaru"], simpul_sebelum=1234567,
                        simpul_sesudah=12345, ukuran_sebelum=1_234_567, toleransi=0.00019, detik=12.25)
    teks = lap.ringkasan()
    assert "Wilayah cocok: 1 dari 2; tidak ada: Kota Banjarbaru." in teks
    assert "Simpul: 1.234.567 -> 12.345;" in teks and "1.234,6 KB -> 0,0 KB" in teks
    assert "toleransi 0,000190 derajat" in teks and "Waktu: 12,2 detik." in teks


# ---------------------------------------------------------------- the database around it

def test_missing_database_is_explained_and_not_created(kalsel_gdf, tmp_path):
    src = gf.tulis_geojson(kalsel_gdf, tmp_path / "kalsel.geojson")
    path = tmp_path / "baru" / "pilar.duckdb"
    with pytest.raises(batas.BatasError) as e:
        batas.install(src, db_path=path)
    gf.assert_message(e, "belum ada", "python -m pilar build")
    assert not path.parent.exists()


def test_install_while_another_process_reads_the_database(reference, installed_db):
    # The dashboard holds read-only connections; DuckDB would refuse a writer on the same file.
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys\n"
         f"con = duckdb.connect({str(installed_db)!r}, read_only=True)\n"
         "print(con.execute('SELECT count(*) FROM batas_wilayah').fetchone()[0], flush=True)\n"
         "sys.stdin.readline()\n"
         "print(con.execute('SELECT source FROM batas_meta').fetchone()[0], flush=True)\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "13"
        lap = batas.install(reference[4], source="baru", attribution="atribusi baru", db_path=installed_db)
        assert len(lap.cocok) == 13
        out, _ = reader.communicate("\n", timeout=30)
        assert out.strip() == "uji sintetis"  # the old reader keeps its (old) file
    finally:
        if reader.poll() is None:
            reader.kill()
    assert batas.status(installed_db)["attribution"] == "atribusi baru"
    assert sorted(p.name for p in installed_db.parent.iterdir()) == ["pilar.duckdb", "pilar.duckdb.lock"]


def test_real_extract_when_present(db):
    """The one test on real geometry: the geoBoundaries extract kept next to the repository."""
    if not REAL_GEO.exists():
        print(f"skipped: {REAL_GEO} not found (real boundaries are never copied into the repository)")
        pytest.skip(f"{REAL_GEO} not found")
    lap = batas.install(REAL_GEO, source="geoBoundaries IDN ADM2 (uji)", licence="CC BY 3.0 IGO", db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)
    assert sorted(lap.cocok) == KODE and lap.simpul_sebelum == 900 and lap.toleransi == 0.0
    src = {int(r.kode_bps): r.geometry for r in gpd.read_file(REAL_GEO).itertuples()}
    for f in fc["features"]:
        a, b = shape(f["geometry"]), src[int(f["id"])]
        assert a.symmetric_difference(b).area < 1e-3 * b.area
