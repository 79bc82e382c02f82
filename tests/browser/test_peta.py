"""Peta: polygons drawn at a sane size (tiles and real boundaries), a click changes the filter."""
import re

import pytest
from playwright.sync_api import expect

from browser import harness
from browser.helpers import chips, goto, sane_polygons
from conftest import REAL_SOURCES, ROOT


def drawn_map(page):
    harness.wait_for_charts(page, 1)
    page.wait_for_function("() => document.querySelectorAll('g.choroplethlayer path').length >= 13")
    return harness.polygons(page)


def test_tile_map_draws_13_sane_tiles(page):
    goto(page, "/Peta")
    page.get_by_text("Peta ubin (13 kotak sama besar)").click()
    harness.wait_for_app(page)
    polys = drawn_map(page)
    assert {p["loc"] for p in polys} >= {"6301", "6371", "6372"} and sane_polygons(polys), polys


def test_geographic_map_draws_sane_polygons_and_credits_source(page, geo_server):
    goto(page, geo_server.url + "/Peta")
    polys = drawn_map(page)
    assert len({p["loc"] for p in polys}) == 13 and sane_polygons(polys), polys
    expect(page.get_by_text("geoBoundaries (uji)")).to_be_visible()


@pytest.fixture(scope="session")
def fresh_server(tmp_path_factory):
    """The dashboard as a fresh clone starts it: no database yet, the repository's sources."""
    work = tmp_path_factory.mktemp("baru")
    server = harness.Server(ROOT / "server.py", log=work / "baru.log",
                            env={"PILAR_DB": str(work / "pilar.duckdb"), "PILAR_SOURCES": str(REAL_SOURCES)})
    try:
        yield server.wait_healthy()
    finally:
        server.stop()


def test_first_start_of_a_fresh_clone_draws_the_geographic_map_with_its_licence(page, fresh_server):
    from pilar.batas import bawaan
    meta = bawaan.baca(bawaan.folder(REAL_SOURCES))[1]  # the shipped boundaries' own record
    goto(page, fresh_server.url + "/Peta")
    polys = drawn_map(page)
    assert len({p["loc"] for p in polys}) == 13 and sane_polygons(polys), polys
    expect(page.get_by_role("radio", name="Peta geografis")).to_be_checked()
    expect(page.get_by_text(meta["attribution"], exact=False)).to_be_visible()
    assert meta["licence"] in meta["attribution"]


def click_unit(page, kode: str):
    drawn_map(page)
    harness.click_polygon(page, kode)


def test_map_click_adds_then_removes_unit(page):
    goto(page, "/Peta")
    click_unit(page, "6371")
    expect(page).to_have_url(re.compile(r"kab=6371(&|$)"))
    harness.wait_for_app(page)
    assert [c.split()[-1] for c in chips(page)] == ["Banjarmasin"]
    click_unit(page, "6371")
    expect(page).not_to_have_url(re.compile(r"kab="))
