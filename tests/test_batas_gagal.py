"""Bad input: a one-paragraph message in Bahasa Indonesia, and the database file byte-identical."""
import zipfile
from pathlib import Path

import pytest

import geopandas as gpd
from shapely.geometry import MultiPolygon

import geo_fixtures as gf
from geo_fixtures import assert_message, loaded, sha
from pilar import batas
from pilar.batas import simpan

pytestmark = pytest.mark.usefixtures("hanya_loopback")


def _gj(tmp: Path, name: str, gdf) -> Path:
    return gf.tulis_geojson(gdf, tmp / name)


def _berkas_rusak(k, tmp: Path) -> dict:
    """Inputs that are not geo files at all, or broken archives."""
    (tmp / "catatan.txt").write_text("ini bukan peta\n")
    (tmp / "tabel.csv").write_text("kode,nama\n6371,Kota Banjarmasin\n")
    (tmp / "lain.json").write_text('{"kode": 6371, "nama": "Kota Banjarmasin"}')
    good = gf.tulis_shp_zip(k, tmp / "shp", tmp / "utuh.zip").read_bytes()
    (tmp / "terpotong.zip").write_bytes(good[: len(good) // 2])
    corrupt = bytearray(good)
    corrupt[200:260] = b"\x00" * 60  # damaged data inside the first member
    (tmp / "rusak.zip").write_bytes(bytes(corrupt))
    with zipfile.ZipFile(tmp / "dokumen.zip", "w") as z:
        z.writestr("baca.txt", "tidak ada peta di sini")
    shp = gf.tulis_shp(k, tmp / "tanpa_prj")
    shp.with_suffix(".prj").unlink()  # metres without a CRS: cannot be guessed
    return {
        "teks": (tmp / "catatan.txt", ["bukan berkas geo"]),
        "csv": (tmp / "tabel.csv", ["bukan berkas geo"]),
        "json_biasa": (tmp / "lain.json", ["bukan berkas geo"]),
        "zip_terpotong": (tmp / "terpotong.zip", ["rusak"]),
        "zip_rusak": (tmp / "rusak.zip", ["rusak"]),
        "zip_tanpa_geo": (tmp / "dokumen.zip", ["tidak berisi berkas geo"]),
        "tanpa_crs": (shp, ["tidak menyebut sistem koordinatnya", ".prj"]),
        "tidak_ada": (tmp / "tidak_ada.geojson", ["tidak ditemukan"]),
    }


def _isi_salah(k, tmp: Path) -> dict:
    """Geo files whose content is not the 13 units as polygons."""
    banjar = k[k.kode_bps == 6303].copy()
    banjar["geometry"] = banjar.geometry.translate(0.05, 0.02)
    salah = k.copy()
    salah.loc[salah.kode_bps == 6372, "geometry"] = k.loc[k.kode_bps == 6303, "geometry"].values
    kosong, kosong2, semua_kosong, titik, garis = k.copy(), k.copy(), k.copy(), k.copy(), k.copy()
    kosong.loc[kosong.kode_bps == 6305, "geometry"] = None
    kosong2.loc[kosong2.kode_bps == 6305, "geometry"] = MultiPolygon()
    semua_kosong["geometry"] = None
    titik["geometry"] = titik.geometry.representative_point()
    garis["geometry"] = garis.geometry.boundary
    return {
        "tanpa_kalsel": (_gj(tmp, "jabar.geojson", gpd.GeoDataFrame(gf.decoys(20), crs=4326)), ["Tidak ada satu pun"]),
        "kurang": (_gj(tmp, "kurang.geojson", k[~k.kode_bps.isin([6311, 6371])]),
                   ["2 dari 13", "Kabupaten Balangan", "Kota Banjarmasin"]),
        "baris_bertumpuk": (_gj(tmp, "ganda.geojson", gpd.GeoDataFrame(
            [*k.to_dict("records"), *banjar.to_dict("records")], crs=4326)), ["Kabupaten Banjar", "saling bertumpuk"]),
        "wilayah_bertumpuk": (_gj(tmp, "tertimpa.geojson", salah), ["Kota Banjarbaru", "bertumpuk terlalu luas"]),
        "geometri_null": (_gj(tmp, "null.geojson", kosong), ["Kabupaten Tapin", "kosong"]),
        "geometri_kosong": (_gj(tmp, "kosong.geojson", kosong2), ["Kabupaten Tapin", "kosong"]),
        "semua_kosong": (_gj(tmp, "semua_kosong.geojson", semua_kosong), ["kosong"]),
        "titik": (_gj(tmp, "ibukota.geojson", titik), ["titik", "poligon"]),
        "garis": (_gj(tmp, "garis.geojson", garis), ["garis", "poligon"]),
    }


BAD = ["teks", "csv", "json_biasa", "zip_terpotong", "zip_rusak", "zip_tanpa_geo", "tanpa_crs", "tidak_ada",
       "tanpa_kalsel", "kurang", "baris_bertumpuk", "wilayah_bertumpuk", "geometri_null", "geometri_kosong",
       "semua_kosong", "titik", "garis"]


def _tetap(installed_db: Path, before: str, reference) -> None:
    """The database is byte-identical, still serves the old boundaries, and no temp file is left."""
    assert sha(installed_db) == before
    assert loaded(installed_db)[0] == reference[0]
    assert {p.name for p in installed_db.parent.iterdir()} <= {"pilar.duckdb", "pilar.duckdb.lock"}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_explained_and_changes_nothing(case, kalsel_gdf, installed_db, reference, tmp_path):
    (tmp_path / "in").mkdir()
    semua = {**_berkas_rusak(kalsel_gdf, tmp_path / "in"), **_isi_salah(kalsel_gdf, tmp_path / "in")}
    assert sorted(semua) == sorted(BAD)
    path, words = semua[case]
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(path, source="uji", db_path=installed_db)
    assert_message(e, *words)
    _tetap(installed_db, before, reference)


def test_file_over_the_size_limit(installed_db, reference):
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(reference[4], db_path=installed_db, max_bytes=10_000)
    assert_message(e, "terlalu besar", "batasnya 0,0 MB")
    _tetap(installed_db, before, reference)


def test_zip_bomb_is_refused_before_unpacking(installed_db, reference, tmp_path):
    z = tmp_path / "bom.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
        f.writestr("kabkota.geojson", b" " * 3_000_000)  # 3 MB of spaces packs into a few KB
    assert z.stat().st_size < 100_000
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(z, db_path=installed_db, max_bytes=1_000_000)
    assert_message(e, "Isi zip bom.zip terlalu besar setelah dibuka (2,9 MB; batasnya 1,0 MB)")
    _tetap(installed_db, before, reference)


def test_failure_while_writing_leaves_the_file_byte_identical(installed_db, reference, monkeypatch):
    before = sha(installed_db)

    def boom(*a, **k):
        raise RuntimeError("disk penuh (simulasi)")

    monkeypatch.setattr(simpan, "periksa_salinan", boom)
    with pytest.raises(RuntimeError):
        batas.install(reference[4], db_path=installed_db)
    _tetap(installed_db, before, reference)


def test_units_changed_by_a_build_during_the_install(installed_db, reference, monkeypatch):
    baca = simpan.baca_wilayah
    monkeypatch.setattr(simpan, "baca_wilayah", lambda p: baca(p)[:-1])  # as read before another build
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(reference[4], db_path=installed_db)
    assert "berubah selama pemasangan" in e.value.pesan and "\n" not in e.value.pesan
    _tetap(installed_db, before, reference)
