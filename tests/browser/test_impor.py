"""The admin imports the office's template through the page; the new period shows, the old one stays.
A sheet that would expand to gigabytes is refused in one line and the server never holds it; a file
with 2,000 problems shows 50 of them and counts the rest."""
import datetime as dt
import io
import shutil
from zoneinfo import ZoneInfo
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from browser import harness
import impor_korpus as K
from browser.helpers import goto, no_exception, open_select
from conftest import REAL_SOURCES, ROOT
from pilar import impor
from test_impor_bom_sel import ods, sel_ods

SANDI = "sandi-impor"


@pytest.fixture(scope="module")
def impor_url(app_db, tmp_path_factory):
    """The dashboard with its own copy of the database (this test writes to it) and a password."""
    work = tmp_path_factory.mktemp("impor")
    db = work / "pilar.duckdb"
    shutil.copyfile(app_db, db)
    server = harness.Server(ROOT / "server.py", log=work / "impor.log", env={
        "PILAR_DB": str(db), "PILAR_SOURCES": str(REAL_SOURCES), "PILAR_ADMIN_SANDI": SANDI})
    try:
        yield server.wait_healthy().url, db, server
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


def masuk(page, url: str):
    goto(page, url + "/Impor")
    side = page.get_by_test_id("stSidebar")
    side.get_by_text("Admin", exact=True).click()
    side.get_by_label("Kata sandi admin").fill(SANDI)
    side.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("1. Templat")).to_be_visible()
    return side


def periksa(page, path, periode: str = "2025-12-31") -> None:
    page.locator("input[type=file]").set_input_files(str(path))
    expect(page.get_by_text(path.name)).to_be_visible()  # uploaded before the form is sent
    page.get_by_label("Periode (pilar: YYYY-MM-DD, KPM: YYYY-Qn)").fill(periode)
    page.get_by_role("button", name="Periksa berkas").click()


def konfirmasi(page) -> None:
    """Tick 'Sudah saya periksa' (shown when figures are far from the last period); saving waits for it."""
    expect(page.get_by_role("button", name="Simpan impor")).to_be_disabled()
    page.get_by_test_id("stCheckbox").filter(has_text="Sudah saya periksa").click()
    expect(page.get_by_role("button", name="Simpan impor")).to_be_enabled()


def test_admin_imports_a_template_and_the_new_period_is_selectable(page, impor_url, tmp_path):
    url, db, _ = impor_url
    side = masuk(page, url)
    periksa(page, template_filled(db, tmp_path))
    expect(page.get_by_text("Pratinjau", exact=False).first).to_be_visible()
    # The importer's sentence (naming the file and its columns) is text, not green monospace code,
    # and the file's name in it is shown as typed.
    ringkasan = page.get_by_test_id("stMarkdownContainer").filter(has_text="kabupaten/kota,").first
    expect(ringkasan).to_contain_text("rekap_pilar.xlsx")
    assert ringkasan.locator("code").count() == 0, ringkasan.inner_html()
    konfirmasi(page)  # the filled-in figures are far from the sources' last period
    page.get_by_role("button", name="Simpan impor").click()
    expect(page.get_by_text("tersimpan; periode 2025-12-31")).to_be_visible()
    no_exception(page)

    goto(page, url + "/")
    open_select(page, side.get_by_test_id("stSelectbox"))
    options = page.get_by_role("option")
    expect(options.filter(has_text="triwulan 4 2025").first).to_be_visible()
    expect(options.filter(has_text="triwulan 3 2025").first).to_be_visible()  # the forum period is still there


def puncak_rss_mb(server) -> float:
    """The server process's peak resident memory so far (VmHWM)."""
    status = Path(f"/proc/{server.proc.pid}/status").read_text()
    return next(int(b.split()[1]) for b in status.splitlines() if b.startswith("VmHWM:")) / 1024


def test_a_sheet_that_would_expand_is_refused_in_one_line_and_never_held(page, impor_url, tmp_path):
    url, db, server = impor_url
    masuk(page, url)
    bom = tmp_path / "bom.ods"  # one 10 KB cell repeated over 4,999 rows and 199 columns: 10 GB expanded
    bom.write_bytes(ods(f'<table:table table:name="S">{sel_ods("x" * 10_000, 199, 4999)}</table:table>'))
    sebelum = puncak_rss_mb(server)
    periksa(page, bom)
    galat = page.get_by_test_id("stAlertContentError")
    expect(galat).to_contain_text("bom.ods, lembar 'S': menyatakan 4.999 baris × 199 kolom")
    assert galat.locator("li").count() == 1
    assert puncak_rss_mb(server) - sebelum < 100 and server.proc.poll() is None
    no_exception(page)


def test_two_thousand_problems_show_fifty_and_count_the_rest(page, impor_url, tmp_path):
    url, db, _ = impor_url
    masuk(page, url)
    rows = K.rows_pilar() + [[None, f"Kota Khayalan {i}", *range(7)] for i in range(2000)]
    periksa(page, K.xlsx(tmp_path / "banyak.xlsx", {"Data": rows}))
    galat = page.get_by_test_id("stAlertContentError")
    expect(galat).to_contain_text("... dan 1.950 masalah lain")
    assert galat.locator("li").count() == 51
    assert "'Kota Khayalan 49'" in galat.inner_text() and "'Kota Khayalan 50'" not in galat.inner_text()
    no_exception(page)


def test_office_sheet_with_signature_and_misspelt_name_goes_in_after_accepting(page, impor_url, tmp_path):
    """The issue's sheet: title rows, two-row header under 'Pilar Sosial', column numbers, '-' and '1.263',
    footnotes and the signature block in column H, and 'Kab. Tabalung'. One message, one click, saved."""
    url, db, _ = impor_url
    masuk(page, url)
    expect(page.get_by_test_id("stFileUploaderDropzoneInstructions")).to_contain_text("20MB")
    expect(page.get_by_text("paling besar 20 MB")).to_be_visible()
    sel = ["1.263", "20", "-", "5", "7", "9", "3"]
    rows, gabung = K.rows_kantor([("Kab. Tabalung", sel)], judul="TRIWULAN II TAHUN 2026")
    path = K.xlsx(tmp_path / "tabalong_tw2.xlsx", {"Rekap": rows}, {"Rekap": gabung})
    periksa(page, path, "2026-06-30")
    galat = page.get_by_test_id("stAlertContentError")
    expect(galat).to_contain_text("baris 7, kolom B (Kabupaten/Kota): 'Kab. Tabalung': maksudnya Kabupaten Tabalong?")
    assert galat.locator("li").count() == 1  # nothing about the signature, footnotes or column numbers
    page.get_by_role("button", name="Terima saran ini").click()
    expect(page.get_by_text("Pratinjau", exact=False).first).to_be_visible()
    expect(page.get_by_text("Kab. Tabalung = 6309", exact=False)).to_be_visible()
    expect(page.get_by_text("Sel berisi '-' dibaca 0", exact=False)).to_be_visible()
    # 1.263 LKS against Tabalong's last dozen or so: a warning to confirm first
    expect(page.get_by_test_id("stAlertContentWarning").first).to_contain_text("Kabupaten Tabalong LKS 1.263")
    konfirmasi(page)
    page.get_by_role("button", name="Simpan impor").click()
    expect(page.get_by_text("tersimpan; periode 2026-06-30")).to_be_visible()
    no_exception(page)
    riwayat = impor.riwayat(db_path=db, sources=REAL_SOURCES)
    nomor = int(riwayat["id"].iloc[-1])
    assert riwayat["berkas"].iloc[-1] == "tabalong_tw2.xlsx" and riwayat["status"].iloc[-1] == "aktif"
    isi = impor.isi_impor(nomor, db_path=db, sources=REAL_SOURCES)
    assert dict(zip(isi["ukuran"], isi["jumlah"])) == dict(zip(K.PILAR, [1263, 20, 0, 5, 7, 9, 3]))
    assert set(isi["kode_bps"]) == {6309}
    # the history's time in the office's zone, computed here from the stored ISO time
    lokal = dt.datetime.fromisoformat(riwayat["waktu"].iloc[-1]).astimezone(ZoneInfo("Asia/Makassar"))
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"][lokal.month - 1]
    waktu = f"{lokal.day} {bulan} {lokal.year} {lokal:%H}.{lokal:%M} WITA"
    expect(page.locator("[role=gridcell]").filter(has_text=waktu).first).to_be_attached()
