"""Small helpers shared by the browser tests: what the user reads on the page."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.harness import TIMEOUT_MS, wait_for_app


def goto(page: Page, path: str = "/") -> Page:
    page.goto(path)
    wait_for_app(page)
    return page


def metric(page: Page, label: str):
    """The value locator of the st.metric whose label is exactly ``label``."""
    lab = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=lab).get_by_test_id("stMetricValue")


def expect_metrics(page: Page, expected: dict[str, str]) -> None:
    for label, value in expected.items():
        expect(metric(page, label)).to_have_text(value, timeout=TIMEOUT_MS)


def no_exception(page: Page) -> None:
    errors = page.get_by_test_id("stException")
    assert errors.count() == 0, errors.all_inner_texts()


def sidebar_select(page: Page, *names: str) -> None:
    """Pick units in the sidebar multiselect, as a user does: type to filter, click the option.

    After each pick, wait until the server has applied it (it writes the filter into the URL at
    the end of the run): the next pick must not race the rerun of the previous one.
    """
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    n = len(chips(page))
    for name in names:
        box.locator("input").click()
        box.locator("input").fill(name)  # the option list is virtualised: filter first
        # Units may be labelled "Banjarmasin" or "Kota Banjarmasin": match the end of the name.
        page.get_by_role("option", name=re.compile(rf"(^|\s){re.escape(name)}$")).click()
        n += 1
        page.wait_for_function(
            "n => (new URL(location.href).searchParams.get('kab') || '').split(',').filter(Boolean).length === n",
            arg=n, timeout=TIMEOUT_MS)
        wait_for_app(page)
    if page.get_by_role("listbox").count():
        page.keyboard.press("Escape")


def open_select(page: Page, box) -> None:
    """Open a selectbox's option list, again if a rerun that was still arriving closed it."""
    for _ in range(3):
        wait_for_app(page)
        box.get_by_role("combobox").click()
        try:
            expect(page.get_by_role("listbox")).to_be_visible(timeout=5_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_be_visible()


def chips(page: Page) -> list[str]:
    """Units shown as selected in the sidebar multiselect."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect")
    return [t.get_attribute("aria-label") for t in box.locator("[data-tag]").all()]


def id_number(n: int) -> str:
    """1263 -> '1.263': the test's own Indonesian formatting, independent of the app's."""
    return f"{int(n):,}".replace(",", ".")


def en_number(n: int) -> str:
    return f"{int(n):,}"


def query_of(page: Page) -> str:
    return re.sub(r"^[^?]*", "", page.url)


def sane_polygons(polys: list[dict], fill: float = 0.4) -> bool:
    """Units drawn as units: each under a quarter of the plot, together filling a good part of it.

    Counter-clockwise rings make plotly draw every unit as 'the globe minus the unit', a box
    over most of the plot (seen: 0.89 x 0.62 of it each); a map that does not fit its plot
    leaves the units as specks (seen: 13 tiles in under a third of the plot's height).
    """
    if not polys:
        return False
    width = max(p["r"] for p in polys) - min(p["l"] for p in polys)
    height = max(p["b"] for p in polys) - min(p["t"] for p in polys)
    return max(width, height) >= fill and all(0 < p["fw"] * p["fh"] < 0.25 for p in polys)
