"""Numbers in tables follow the interface language, never the browser's locale, and still sort as numbers.

The table is drawn on a canvas, so the test compares what two browsers with different locales draw:
the pixels must be the same. What is drawn is checked in tests/test_app_halaman.py (display values
formatted by Babel for the interface language).
"""
import io

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import expect

from browser.harness import wait_for_app, wait_for_charts


def table_png(new_context, base_url, path, locale):
    ctx = new_context(locale=locale, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(base_url + path)
    wait_for_app(page)
    wait_for_charts(page, 1)  # the map above the table is drawn: the layout has settled
    page.evaluate("document.fonts.ready.then(() => true)")  # the grid measures its columns in the page font
    table = page.get_by_test_id("stDataFrame").last
    table.scroll_into_view_if_needed()
    expect(table).to_be_visible()
    page.mouse.move(0, 0)  # no hover highlight in the picture
    png, sebelum = table.screenshot(), None
    for _ in range(20):  # the canvas draws after layout settles: wait for two identical pictures
        if png == sebelum:
            break
        page.wait_for_timeout(300)
        png, sebelum = table.screenshot(), png
    ctx.close()
    return png


@pytest.mark.parametrize("path", ["/Peta", "/Peta?lang=en"])
def test_table_numbers_do_not_depend_on_the_browser_locale(new_context, base_url, path):
    en, id_ = (Image.open(io.BytesIO(table_png(new_context, base_url, path, loc))).convert("RGB")
               for loc in ("en-US", "id-ID"))
    assert en.size == id_.size
    # Chromium's rasteriser now and then shades a pixel a few levels differently between two identical
    # pages (seen: one pixel, 3 levels). A number drawn differently changes glyph pixels by far more.
    beda = ImageChops.difference(en, id_).convert("L").point(lambda v: 255 if v > 32 else 0)
    assert beda.getbbox() is None, f"pixels differ in {beda.getbbox()}"


def test_numbers_still_sort_as_numbers(page):
    page.goto("/Peta")
    wait_for_app(page)
    table = page.get_by_test_id("stDataFrame").last
    table.scroll_into_view_if_needed()
    cells = lambda: table.locator("td, [role=gridcell]").all_inner_texts()  # noqa: E731 - the grid's a11y copy
    expect(table.locator("td, [role=gridcell]").first).to_be_attached()  # the copy holds the visible rows
    before = [float(c) for c in cells()[1::4]]
    assert len(before) >= 10 and before == sorted(before, reverse=True)  # the page sorts largest first
    box = table.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.4, box["y"] + 20)  # the header of the measure's column
    page.wait_for_timeout(500)
    after = [float(c) for c in cells()[1::4]]
    # ascending by value: the smallest first, below everything the page showed at the top before
    assert len(after) >= 10 and after == sorted(after) and after[0] <= min(before)
