"""Switching pages keeps the filter, the language and the URL."""
import re

import pytest
from playwright.sync_api import expect

from browser.expected import shown
from browser.harness import page_url_path, wait_for_app
from browser.helpers import chips, goto, id_number, metric
from conftest import ROOT
from pilar import ui

# Every page a visitor is linked to (the admin's import page is linked only after login).
OTHER_PAGES = [page_url_path(ROOT / p) for p, _, _ in ui.HALAMAN if p.startswith("pages/")]


def nav_link(page, url_path: str):
    """The sidebar link to a page (Streamlit's page nav or st.page_link), by its address."""
    return page.get_by_test_id("stSidebar").locator(f'a[href$="{url_path}"]').first


@pytest.mark.parametrize("name", OTHER_PAGES)
def test_page_switch_keeps_filter_and_url(page, app_db, name):
    goto(page, "/?kab=6371")
    nav_link(page, name).click()
    expect(page).to_have_url(re.compile(rf"/{name}\?(.*&)?kab=6371(&|$)"))
    wait_for_app(page)
    if name == "Presentasi":  # no sidebar on the slides: the filter is named in the bottom bar
        expect(page.locator(".st-key-kaki_slide")).to_contain_text("Kota Banjarmasin")
    else:
        assert [c.split()[-1] for c in chips(page)] == ["Banjarmasin"]
    # ... and back home (the sidebar link, or the slides' own exit link): still Banjarmasin's figures.
    side = page.get_by_test_id("stSidebar")
    home = page.locator(".st-key-kaki_slide a") if name == "Presentasi" else side.get_by_role("link", name="Ringkasan")
    home.click()
    expect(metric(page, "Pendamping PKH")).to_have_text(shown(app_db, [6371], id_number)["Pendamping PKH"])
    expect(page).to_have_url(re.compile(r"\?(.*&)?kab=6371(&|$)"))


def test_page_switch_keeps_english(page):
    goto(page, "/?lang=en")
    nav_link(page, OTHER_PAGES[0]).click()
    expect(page).to_have_url(re.compile(r"lang=en"))
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar").get_by_text("Regency/city", exact=False).first).to_be_visible()


def test_period_select_names_the_latest_period_instead_of_an_empty_choice(page, app_db):
    import duckdb
    from pilar import format as fmt
    con = duckdb.connect(str(app_db), read_only=True)
    try:  # the newest quarter of pillar or KPM data, read from the database
        q = con.execute("SELECT max(kuartal(periode)) FROM (SELECT periode FROM pilar UNION ALL "
                        "SELECT periode FROM kpm)").fetchone()[0]
    finally:
        con.close()
    goto(page, "/")
    box = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").locator("input").first
    expect(box).to_have_attribute("placeholder", f"Terbaru ({fmt.periode(q, 'id')})")
