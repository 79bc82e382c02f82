"""CSV download: the rows of the filter, with period, filter and sources as header lines."""
import csv
import io

from browser.expected import totals
from browser.helpers import goto


def test_home_ranking_csv_has_context_and_only_the_filtered_unit(page, app_db):
    goto(page, "/?kab=6371")
    with page.expect_download() as dl:
        page.get_by_test_id("stDownloadButton").get_by_role("button", name="Unduh CSV").first.click()
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any(h.startswith("# Periode:") for h in head), head
    assert any(h.startswith("# Wilayah:") and "Banjarmasin" in h for h in head), head
    assert any(h.startswith("# Sumber:") for h in head), head
    rows = list(csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#")))))
    assert [r["Kabupaten/kota"] for r in rows] == ["Kota Banjarmasin"]  # labels, not internal codes
    assert float(rows[0]["Pendamping PKH"]) == totals(app_db, [6371])["pendamping_pkh"]
