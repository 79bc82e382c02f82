"""Shipped boundaries (pilar.batas.bawaan): written by `boundaries install --bawaan`, loaded by a fresh build.

Synthetic geometry (tests/geo_fixtures.py) on a copy of data/sources without its shipped folder;
the last tests read the repository's own shipped files.
"""
import json
import logging
import os
import shutil
import subprocess
import sys

import pytest

import geo_fixtures as gf
from conftest import REAL_SOURCES, ROOT
from pilar import batas, build, config
from pilar.batas import bawaan


@pytest.fixture()
def sumber_tanpa_batas(tmp_path):
    dst = tmp_path / "sources"
    shutil.copytree(REAL_SOURCES, dst, ignore=shutil.ignore_patterns(config.BATAS_BAWAAN))
    return dst


def cli(*args, db_path, sources):
    env = dict(os.environ, PILAR_DB=str(db_path), PILAR_SOURCES=str(sources))
    return subprocess.run([sys.executable, "-m", "pilar", "boundaries", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_install_bawaan_writes_the_installed_boundaries_and_a_fresh_build_loads_them(
        db, sumber_tanpa_batas, kalsel_gdf, tmp_path):
    src = gf.tulis_geojson(kalsel_gdf, tmp_path / "kalsel.geojson")
    r = cli("install", str(src), "--source", "uji sintetis", "--licence", "CC0", "--attribution", gf.ATRIBUSI,
            "--bawaan", db_path=db, sources=sumber_tanpa_batas)
    assert r.returncode == 0, r.stderr
    folder = sumber_tanpa_batas / config.BATAS_BAWAAN
    assert sorted(p.name for p in folder.iterdir()) == sorted([bawaan.GEOJSON, bawaan.META, bawaan.LISENSI])
    assert "CC0" in (folder / bawaan.LISENSI).read_text() and gf.ATRIBUSI in (folder / bawaan.LISENSI).read_text()
    installed_fc, installed_meta = gf.loaded(db)

    baru = build.build(sumber_tanpa_batas, tmp_path / "baru" / "pilar.duckdb")
    assert baru.rows["batas_wilayah"] == 13
    fc, meta = gf.loaded(baru.path)
    gf.same_geometry(fc, installed_fc)
    keys = ("source", "licence", "attribution", "installed_at", "input_name", "report")
    assert {k: meta[k] for k in keys} == {k: installed_meta[k] for k in keys}


def test_bawaan_needs_licence_and_attribution_and_changes_nothing_without(db, sumber_tanpa_batas, kalsel_gdf,
                                                                           tmp_path):
    src = gf.tulis_geojson(kalsel_gdf, tmp_path / "kalsel.geojson")
    before = gf.sha(db)
    r = cli("install", str(src), "--licence", "CC0", "--bawaan", db_path=db, sources=sumber_tanpa_batas)
    assert r.returncode == 2 and "--attribution" in r.stderr and "Traceback" not in r.stderr
    assert gf.sha(db) == before and not (sumber_tanpa_batas / config.BATAS_BAWAAN).exists()


@pytest.fixture()
def sumber_dengan_batas(sumber_tanpa_batas, reference):
    """Sources whose shipped folder holds the synthetic reference boundaries."""
    con = __import__("duckdb").connect(str(reference[3]), read_only=True)
    try:
        bawaan.simpan(con, sumber_tanpa_batas / config.BATAS_BAWAAN)
    finally:
        con.close()
    return sumber_tanpa_batas


def test_installed_boundaries_win_over_the_shipped_ones_on_rebuild(sumber_dengan_batas, db, kalsel_gdf, tmp_path):
    lain = kalsel_gdf.copy()
    lain["geometry"] = lain.geometry.translate(0.01, 0.0)  # another set, to tell them apart
    batas.install(gf.tulis_geojson(lain, tmp_path / "lain.geojson"), attribution="yang lebih baik", db_path=db)
    build.build(sumber_dengan_batas, db)
    assert gf.loaded(db)[1]["attribution"] == "yang lebih baik"


def test_unreadable_shipped_boundaries_leave_a_tile_map_and_a_warning(sumber_dengan_batas, tmp_path, caplog):
    (sumber_dengan_batas / config.BATAS_BAWAAN / bawaan.GEOJSON).write_text("{bukan json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        hasil = build.build(sumber_dengan_batas, tmp_path / "pilar.duckdb")
    assert gf.loaded(hasil.path) is None and "batas_wilayah" not in hasil.rows
    assert any("tidak terbaca" in r.getMessage() and "peta memakai ubin" in r.getMessage() for r in caplog.records)


def test_shipped_boundaries_of_other_units_are_not_loaded(sumber_dengan_batas, tmp_path, caplog):
    path = sumber_dengan_batas / config.BATAS_BAWAAN / bawaan.GEOJSON
    fc = json.loads(path.read_text(encoding="utf-8"))
    fc["features"] = fc["features"][:12]
    path.write_text(json.dumps(fc), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        hasil = build.build(sumber_dengan_batas, tmp_path / "pilar.duckdb")
    assert gf.loaded(hasil.path) is None
    assert any("tidak cocok" in r.getMessage() for r in caplog.records)


def test_the_repository_ships_openly_licensed_boundaries_with_their_attribution(real_db_path):
    rows, meta = bawaan.baca(bawaan.folder(REAL_SOURCES))
    assert sorted(str(r[0]) for r in rows) == gf.KODE
    assert meta["licence"] == "CC BY 3.0 IGO" and "geoBoundaries" in meta["attribution"]
    assert meta["input_sha256"] and meta["report"]["cocok"]  # the install's own record, not hand-made
    lisensi = (bawaan.folder(REAL_SOURCES) / bawaan.LISENSI).read_text(encoding="utf-8")
    assert meta["licence"] in lisensi and meta["attribution"] in lisensi
    fc, got = gf.loaded(real_db_path)  # the build of data/sources draws them
    gf.check_boundaries(fc)
    assert got["attribution"] == meta["attribution"]
