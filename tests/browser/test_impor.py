"""The admin imports the office's template through the page; the new period shows, the old one stays."""
import io
import shutil

import openpyxl
import pytest
from playwright.sync_api import expect

from browser import harness
from browser.helpers import goto, no_exception, open_select
from conftest import REAL_SOURCES, ROOT
from pilar import impor

SANDI = "sandi-impor"


@pytest.fixture(scope="module")
def impor_url(app_db, tmp_path_factory):
    """The dashboard with its own copy of the database (this test writes to it) and a password."""
    work = tmp_path_factory.mktemp("impor")
    db = work / "pilar.duckdb"
    shutil.copyfile(app_db, db)
    server = harness.Server(ROOT / "dashboard.py", log=work / "impor.log", env={
        "PILAR_DB": str(db), "PILAR_SOURCES": str(REAL_SOURCES), "PILAR_ADMIN_SANDI": SANDI})
    try:
        yield server.wait_healthy().url, db
    finally:
        server.stop()


def template_filled(db, tmp_path):
    """The pillar template as the page offers it, filled in for every unit the way an office would."""
    wb = openpyxl.load_workbook(io.BytesIO(impor.templat("pilar", db_path=db, sources=REAL_SOURCES)))
    data = wb["Data"]
    for row in data.iter_rows(min_row=2, max_row=14):
        for j, cell in enumerate(row[2:], start=1):
            cell.value = 10 * j + row[0].row  # whole numbers, different per unit and pillar
    path = tmp_path / "rekap_pilar.xlsx"
    wb.save(path)
    return path


def test_admin_imports_a_template_and_the_new_period_is_selectable(page, impor_url, tmp_path):
    url, db = impor_url
    goto(page, url + "/Impor")
    side = page.get_by_test_id("stSidebar")
    side.get_by_text("Admin", exact=True).click()
    side.get_by_label("Kata sandi admin").fill(SANDI)
    side.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("1. Templat")).to_be_visible()

    page.locator("input[type=file]").set_input_files(str(template_filled(db, tmp_path)))
    expect(page.get_by_text("rekap_pilar.xlsx")).to_be_visible()  # uploaded before the form is sent
    page.get_by_label("Periode (pilar: YYYY-MM-DD, KPM: YYYY-Qn)").fill("2025-12-31")
    page.get_by_role("button", name="Periksa berkas").click()
    expect(page.get_by_text("Pratinjau", exact=False).first).to_be_visible()
    # The importer's sentence (naming the file and its columns) is text, not green monospace code,
    # and the file's name in it is shown as typed.
    ringkasan = page.get_by_test_id("stMarkdownContainer").filter(has_text="kabupaten/kota,").first
    expect(ringkasan).to_contain_text("rekap_pilar.xlsx")
    assert ringkasan.locator("code").count() == 0, ringkasan.inner_html()
    page.get_by_role("button", name="Simpan impor").click()
    expect(page.get_by_text("tersimpan; periode 2025-12-31")).to_be_visible()
    no_exception(page)

    goto(page, url + "/")
    open_select(page, side.get_by_test_id("stSelectbox"))
    options = page.get_by_role("option")
    expect(options.filter(has_text="triwulan 4 2025").first).to_be_visible()
    expect(options.filter(has_text="triwulan 3 2025").first).to_be_visible()  # the forum period is still there
