"""Geometry guarantees: simplified together to the budget, repaired coverage, clockwise rings."""
import pytest

import geopandas as gpd
import shapely
from shapely.geometry import MultiPolygon, shape
from shapely.geometry.polygon import orient

import geo_fixtures as gf
from geo_fixtures import check_boundaries, geoms_of, loaded
from pilar import batas
from pilar.batas import geometri

pytestmark = pytest.mark.usefixtures("hanya_loopback")

UNITS = [batas.Wilayah(int(k), r["kode_kemendagri"], r["nama"], r["nama_pendek"], r["jenis"])
         for k, r in gf.WILAYAH.items()]


@pytest.fixture(scope="module")
def dense() -> gpd.GeoDataFrame:
    """The clean layout densified and warped: over 300 KB as GeoJSON, still a valid coverage."""
    g = gf.padat(gf.kalsel(rapi=True), step=0.001)
    assert shapely.coverage_is_valid(g.geometry.values)
    return g


def test_dense_input_is_simplified_to_budget_keeping_shared_borders(dense, db, tmp_path):
    lap = batas.install(gf.tulis_geojson(dense, tmp_path / "padat.geojson"), db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)
    assert lap.ukuran_sebelum > 600_000 and 300_000 >= lap.ukuran_sesudah > 200_000
    assert lap.simpul_sesudah < lap.simpul_sebelum / 2 and lap.toleransi > 0
    assert lap.perbaikan == []  # the input was a valid coverage: nothing to repair
    for a, b in zip(geoms_of(fc), dense.geometry):
        assert a.symmetric_difference(b).area < 0.02 * b.area
    assert any(r.startswith("Disederhanakan bersama") for r in lap.ringkasan().splitlines())


def test_overlaps_and_gaps_between_units_are_repaired(dense, db, tmp_path):
    # Each unit simplified on its own, as upstream sets often are: neighbours overlap and leave slivers.
    broken = dense.copy()
    broken["geometry"] = [shapely.simplify(g, 0.004) for g in dense.geometry]
    assert not shapely.coverage_is_valid(broken.geometry.values)
    assert gf.celah_terbesar(broken.geometry.values) > 0
    lap = batas.install(gf.tulis_geojson(broken, tmp_path / "rusak_topologi.geojson"), db_path=db)
    check_boundaries(loaded(db)[0])
    assert any("tumpang tindih" in p for p in lap.perbaikan) and any("celah" in p for p in lap.perbaikan)


@pytest.mark.parametrize("arah", [1.0, -1.0])
def test_exterior_rings_come_out_clockwise_whatever_the_input(arah, db, tmp_path):
    k = gf.kalsel(rapi=True)
    k["geometry"] = [MultiPolygon([orient(p, sign=arah) for p in g.geoms]) for g in k.geometry]
    batas.install(gf.tulis_geojson(k, tmp_path / "arah.geojson", crs=4326), db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)  # clockwise exteriors, counter-clockwise holes


def test_invalid_rows_are_repaired(db, tmp_path):
    # A spike (out to a point and back) makes Tapin's ring self-intersecting: repaired, not refused.
    k = gf.kalsel(rapi=True)
    i = int(k.index[k.kode_bps == 6305][0])
    c = list(k.geometry[i].geoms[0].exterior.coords)
    spike = (c[5][0] + 0.05, c[5][1] + 0.05)
    k.loc[i, "geometry"] = shapely.Polygon(c[:6] + [spike] + c[5:])
    assert not k.geometry[i].is_valid
    batas.install(gf.tulis_geojson(k, tmp_path / "tidak_sah.geojson", crs=4326), db_path=db)
    fc, _ = loaded(db)
    check_boundaries(fc)
    assert shapely.hausdorff_distance(geoms_of(fc)[4], gf.cakupan()[6305]) < 1e-5


# ---------------------------------------------------------------- the last guard before storing

def _gj(geoms: dict) -> dict:
    return {k: geometri.geom_json(g) for k, g in geoms.items()}


def test_final_check_rejects_what_must_not_be_stored():
    rapi = {int(k): g for k, g in zip(gf.KODE, gf.cakupan().values())}
    geometri.periksa(UNITS, _gj(rapi), 0)  # the clean layout passes

    ccw = _gj(rapi)
    ccw[6305] = shapely.geometry.mapping(MultiPolygon([orient(p, 1.0) for p in rapi[6305].geoms]))
    tumpang = {**rapi, 6305: rapi[6305].union(rapi[6303].buffer(-0.1))}
    celah = {**rapi, 6307: rapi[6307].buffer(-0.01)}
    for gj, kata in ((ccw, "searah jarum jam"), (_gj(tumpang), "bertumpuk"), (_gj(celah), "celah baru")):
        with pytest.raises(batas.BatasError) as e:
            geometri.periksa(UNITS, gj, 0)
        gf.assert_message(e, "tidak lolos pemeriksaan", kata)


def test_budget_that_cannot_be_met():
    rapi = {int(k): g for k, g in zip(gf.KODE, gf.cakupan().values())}
    with pytest.raises(batas.BatasError) as e:
        geometri.sederhanakan(UNITS, rapi, 1_000)
    gf.assert_message(e, "tetap lebih besar dari 1,0 KB")


def test_units_overlapping_too_much_are_refused():
    rapi = {int(k): g for k, g in zip(gf.KODE, gf.cakupan().values())}
    rapi[6372] = rapi[6372].union(rapi[6371].buffer(-0.05))  # Banjarbaru over most of Banjarmasin
    with pytest.raises(batas.BatasError) as e:
        geometri.rapikan(rapi, {u.kode_bps: u.nama for u in UNITS})
    gf.assert_message(e, "Kota Banjarmasin dan Kota Banjarbaru saling bertumpuk terlalu luas")


def test_stored_geometry_round_trips(reference):
    fc = reference[0]
    for f in fc["features"]:
        g = shape(f["geometry"])
        assert geometri.geom_json(g) == f["geometry"]  # already normalised: nothing moves on a second pass
