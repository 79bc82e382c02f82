"""CSV download: the rows of the filter, with period, filter and sources as header lines."""
import csv
import io

from playwright.sync_api import expect

from browser.expected import PILAR_LABEL_ID, estimated, totals
from browser.harness import TIMEOUT_MS, wait_for_app
from browser.helpers import goto


def test_home_ranking_csv_has_context_and_only_the_filtered_unit(page, app_db):
    goto(page, "/?kab=6371")
    with page.expect_download() as dl:
        page.locator(".st-key-unduh_peringkat_wilayah").get_by_role("button", name="Unduh CSV").click()
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any(h.startswith("# Periode:") for h in head), head
    assert any(h.startswith("# Wilayah:") and "Banjarmasin" in h for h in head), head
    assert any(h.startswith("# Sumber:") for h in head), head
    rows = list(csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#")))))
    assert [r["Kabupaten/kota"] for r in rows] == ["Kota Banjarmasin"]  # labels, not internal codes
    assert float(rows[0]["Pendamping PKH"]) == totals(app_db, [6371])["pendamping_pkh"]


def test_about_these_figures_downloads_as_csv_with_one_row_per_card(page, app_db):
    goto(page, "/?kab=6371")
    page.get_by_text("Tentang angka ini", exact=True).click()
    # Click only once the expander shows its table and the app is idle, with the button enabled: a click
    # that lands while a busy machine is still rendering is a click on a button that is not there yet.
    tombol = page.locator(".st-key-unduh_tentang_angka").get_by_role("button", name="Unduh CSV")
    expect(page.get_by_test_id("stExpander").get_by_test_id("stDataFrame")).to_be_visible()
    wait_for_app(page)
    expect(tombol).to_be_enabled()
    with page.expect_download(timeout=2 * TIMEOUT_MS) as dl:  # the file is made on the server at the click
        tombol.click()
    assert dl.value.suggested_filename == "tentang_angka.csv"
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any(h.startswith("# Wilayah:") and "Banjarmasin" in h for h in head), head
    rows = list(csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#")))))
    labels = {**PILAR_LABEL_ID, "kpm_pkh": "KPM PKH"}
    by_label = {r["Angka"]: r for r in rows}
    assert len(rows) == 8 and set(by_label) == set(labels.values())
    for k, est in estimated(app_db, [6371]).items():
        assert (by_label[labels[k]]["Status"] == "estimasi") == est, k
    assert all(r["Periode"] and r["Sumber"] for r in rows)
