"""The dialog end to end: a phone (390x844, JavaScript off) scans the slide's QR address and sends one item of
each kind; the admin sees them in the queue and approves them; the room's slide shows them."""
import re

import pytest
from playwright.sync_api import expect

from browser import harness
from browser.helpers import goto, no_exception
from conftest import REAL_SOURCES, ROOT
from pilar import slide
from pilar.dialog import simpan

SANDI = "sandi-dialog"
JENIS = {"pertanyaan": "Pertanyaan", "usulan": "Usulan", "pengalaman": "Pengalaman lapangan"}


@pytest.fixture(scope="module")
def dialog_url(app_db, tmp_path_factory):
    work = tmp_path_factory.mktemp("dialog")
    store = work / "dialog.sqlite"
    fid = simpan.buka_forum("Dialog Pilar Sosial", "2025-09-23", "Banjarmasin", [6304], path=store)
    server = harness.Server(ROOT / "server.py", log=work / "dialog.log", env={
        "PILAR_DB": str(app_db), "PILAR_SOURCES": str(REAL_SOURCES), "PILAR_ADMIN_SANDI": SANDI,
        "PILAR_DIALOG": str(store), "PILAR_AUDIENS": str(work / "audiens")})
    try:
        yield server.wait_healthy().url, fid, store
    finally:
        server.stop()


def test_phone_sends_admin_approves_slide_shows(new_context, dialog_url):
    url, fid, store = dialog_url
    n = len(slide.SLIDE) + 1  # the room's slide closes the talk while a forum is open
    presenter = new_context(viewport={"width": 1280, "height": 720}).new_page()
    goto(presenter, f"{url}/Presentasi?kab=6304&slide={n}")
    alamat_el = presenter.locator(".st-key-slide [data-testid='stText']").filter(has_text=re.compile(r"/forum/\d+"))
    expect(alamat_el).to_have_count(1)
    alamat = alamat_el.inner_text().strip()
    assert alamat == f"{url}/forum/{fid}?kab=6304"
    expect(presenter.locator(".st-key-slide [data-testid='stImage'] img")).to_be_visible()  # the QR code

    hp = new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False, is_mobile=True).new_page()
    for jenis, label in JENIS.items():
        hp.goto(alamat)
        expect(hp.locator("select[name=kab]")).to_have_value("6304")  # prefilled from the QR
        hp.select_option("select[name=pihak]", "tagana")
        hp.get_by_label(label).check()
        hp.fill("textarea[name=teks]", f"Dari ponsel: {label} tentang Tagana Batola")
        hp.get_by_role("button", name="Kirim").click()
        expect(hp.get_by_role("status")).to_contain_text("Terkirim")
        box = hp.get_by_role("status").bounding_box()
        assert box and box["width"] <= 390  # fits the phone's width
    assert sorted(m["jenis"] for m in simpan.pilih(fid, path=store)) == sorted(JENIS)

    admin = new_context(viewport={"width": 1280, "height": 900}).new_page()
    goto(admin, f"{url}/Dialog")
    side = admin.get_by_test_id("stSidebar")
    side.get_by_text("Admin", exact=True).click()
    side.get_by_label("Kata sandi admin").fill(SANDI)
    side.get_by_role("button", name="Masuk").click()
    for label in JENIS.values():
        expect(admin.get_by_text(f"Dari ponsel: {label} tentang Tagana Batola")).to_be_visible()
    setujui = admin.get_by_role("button", name="Setujui")
    for sisa in range(len(JENIS), 0, -1):  # one approval at a time: the queue shrinks by one each
        expect(setujui).to_have_count(sisa)
        setujui.first.click()
    expect(setujui).to_have_count(0)
    assert {m["status"] for m in simpan.pilih(fid, path=store)} == {"disetujui"}
    no_exception(admin)

    for label in JENIS.values():  # the slide refreshes itself while the room writes
        expect(presenter.locator(".st-key-slide").get_by_text(f"Dari ponsel: {label} tentang Tagana Batola")
               ).to_be_visible()
    no_exception(presenter)
