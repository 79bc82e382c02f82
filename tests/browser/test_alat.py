"""The test tools themselves, on tiny purpose-built apps: the network guard and the map checks."""
from playwright.sync_api import expect

from browser.harness import click_polygon, polygons, wait_for_charts
from browser.helpers import goto, sane_polygons as sane


def test_guard_blocks_and_reports_outside_request(page, serve_app, net_guard):
    goto(page, serve_app("eksternal.py"))
    expect(page.get_by_text("siap")).to_be_visible()
    page.wait_for_function("() => document.querySelector('img[alt=probe]')?.complete")
    assert net_guard.external == ["http://192.0.2.1/pilar-guard-probe.png"]
    assert any(r.startswith(serve_app("eksternal.py")) for r in net_guard.requests)
    net_guard.external.clear()  # seen and blocked: this test passes


def test_map_polygons_sane_when_rings_are_clockwise(page, serve_app):
    goto(page, serve_app("peta_klik.py"))
    wait_for_charts(page)
    polys = polygons(page)
    assert len(polys) == 13 and sane(polys), polys


def test_size_check_catches_counter_clockwise_rings(page, serve_app):
    goto(page, serve_app("peta_klik.py") + "/?ring=ccw")
    wait_for_charts(page)
    assert not sane(polygons(page))


def test_clicking_a_unit_selects_it(page, serve_app):
    goto(page, serve_app("peta_klik.py"))
    wait_for_charts(page)
    click_polygon(page, "6371")
    expect(page.get_by_text("terpilih: 6371")).to_be_visible()
