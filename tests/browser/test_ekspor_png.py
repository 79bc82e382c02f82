"""Exports in the browser, offline: a chart's modebar camera saves a 1920x1080 PNG with a meaningful
name (the map, tiles and real boundaries, and the pillar chart), and a table's XLSX button gives a
workbook that opens. The network guard fails any request that leaves 127.0.0.1."""
import io
import struct

import openpyxl
from playwright.sync_api import Error as PlaywrightError, expect

from browser import harness
from browser.expected import latest_quarter, slug, totals
from browser.helpers import goto, no_exception
from pilar import ukuran

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk (the first chunk, right after the signature)."""
    assert data[:8] == PNG_MAGIC, data[:16]
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    return struct.unpack(">II", data[16:24])


def save_png(page, chart_index: int = 0):
    """Click the modebar's 'Download plot as a PNG' of one chart, as a user does; the download."""
    chart = page.get_by_test_id("stPlotlyChart").nth(chart_index)
    for _ in range(3):  # a rerun may still swap the chart for a new one: find it again
        try:
            chart.scroll_into_view_if_needed()
            break
        except PlaywrightError:
            harness.wait_for_app(page)
    chart.hover()
    button = chart.locator(".modebar-btn[data-title='Download plot as a PNG']")
    expect(button).to_be_visible()
    with page.expect_download() as dl:
        button.click()
    return dl.value


def check_png(download, name: str) -> None:
    assert download.suggested_filename == name
    data = open(download.path(), "rb").read()
    assert png_size(data) == (1920, 1080)


def test_tile_map_png_is_projector_sized_and_named(page, app_db):
    goto(page, "/Peta?kab=6371")
    page.get_by_text("Peta ubin (13 kotak sama besar)").click()
    expect(page.get_by_role("radio", name="Peta ubin (13 kotak sama besar)")).to_be_checked()
    harness.wait_for_app(page)  # the rerun has replaced the geographic map with the tiles
    harness.wait_for_charts(page, 1)
    label = ukuran.UKURAN[ukuran.BAWAAN_PETA].label("id")
    check_png(save_png(page), f"{slug(label)}_banjarmasin_{slug(latest_quarter(app_db))}.png")
    no_exception(page)


def test_geographic_map_png_works_offline(page, geo_server, app_db):
    goto(page, geo_server.url + "/Peta")
    harness.wait_for_charts(page, 1)
    page.wait_for_function("() => document.querySelectorAll('g.choroplethlayer path').length >= 13")
    label = ukuran.UKURAN[ukuran.BAWAAN_PETA].label("id")
    download = save_png(page)
    check_png(download, f"{slug(label)}_kalsel_{slug(latest_quarter(app_db))}.png")  # same sources as geo_server


def test_pillar_chart_png_and_ranking_xlsx(page, app_db):
    goto(page, "/?kab=6371")
    harness.wait_for_charts(page, 1)
    check_png(save_png(page), f"komposisi_banjarmasin_{slug(latest_quarter(app_db))}.png")
    button = page.locator(".st-key-unduh_xlsx_peringkat_wilayah")
    with page.expect_download() as dl:
        button.get_by_role("button").click()
    assert dl.value.suggested_filename == "peringkat_wilayah.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(open(dl.value.path(), "rb").read()))
    assert wb.sheetnames == ["Keterangan", "Data"]
    about = {a: b for a, b in wb["Keterangan"].iter_rows(max_col=2, values_only=True) if a}
    assert about["Judul"] == "Peringkat kabupaten/kota" and about["Wilayah"] == "Kota Banjarmasin"
    assert about["Sumber"] and about["Periode"] and about["Dicetak pada"].endswith("UTC")
    rows = list(wb["Data"].iter_rows(values_only=True))
    head = rows[0]
    assert [r[head.index("Kabupaten/kota")] for r in rows[1:]] == ["Kota Banjarmasin"]
    assert rows[1][head.index("Pendamping PKH")] == totals(app_db, [6371])["pendamping_pkh"]
