"""Home page (Ringkasan): filter from the sidebar and the URL, language switch."""
import re

from playwright.sync_api import expect

from browser.expected import shown
from browser.helpers import chips, en_number, expect_metrics, goto, id_number, metric, sidebar_select


def expected_id(app_db, kode):
    return shown(app_db, kode, id_number)


def test_whole_province_shows_forum_totals(page, app_db):
    goto(page, "/")
    expect_metrics(page, expected_id(app_db, []))
    expect(metric(page, "PSM")).to_have_text("1.263")


def test_deep_link_shows_only_banjarmasin(page, app_db):
    goto(page, "/?kab=6371")
    expect_metrics(page, expected_id(app_db, [6371]))
    assert [c.split()[-1] for c in chips(page)] == ["Banjarmasin"]


def test_sidebar_filter_changes_figures_and_url(page, app_db):
    goto(page, "/")
    sidebar_select(page, "Banjarmasin", "Banjarbaru")
    expect_metrics(page, expected_id(app_db, [6371, 6372]))
    expect(page).to_have_url(re.compile(r"\?kab=6371(,|%2C)6372$"))


def test_unknown_code_in_url_gives_notice_not_crash(page, app_db):
    goto(page, "/?kab=6371,9999")
    expect(page.get_by_test_id("stAlert").filter(has_text="9999")).to_be_visible()
    expect_metrics(page, expected_id(app_db, [6371]))


def test_english_from_url(page):
    goto(page, "/?lang=en")
    expect(metric(page, "PSM")).to_have_text(en_number(1263))


def test_language_radio_switches_labels_and_number_format(page):
    goto(page, "/")
    expect(metric(page, "PSM")).to_have_text("1.263")
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(metric(page, "PSM")).to_have_text("1,263")
    expect(page).to_have_url(re.compile(r"lang=en"))
