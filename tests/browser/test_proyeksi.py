"""Proyeksi: changing a projection input redraws the chart with new figures."""
import re

from playwright.sync_api import expect

from browser.harness import TIMEOUT_MS, wait_for_app, wait_for_charts
from browser.helpers import goto

# Last y value of the first trace of the active-families chart, as drawn by plotly in the page.
LAST_KPM = """() => { const gd = document.querySelector('.st-key-pr_c_kpm .js-plotly-plot');
                       return gd && gd.data ? gd.data[0].y[gd.data[0].y.length - 1] : null; }"""


def test_more_graduations_per_facilitator_lowers_projected_families(page):
    goto(page, "/Proyeksi")
    wait_for_charts(page, 3)
    before = page.evaluate(LAST_KPM)
    assert before is not None
    box = page.get_by_test_id("stTextInput").filter(has_text="(g)").first.locator("input")  # typed as written
    box.fill("30")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]g=30(&|$)"))
    wait_for_app(page)
    page.wait_for_function(f"() => ({LAST_KPM})() !== {before}", timeout=TIMEOUT_MS)
    assert page.evaluate(LAST_KPM) < before
