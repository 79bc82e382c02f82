"""Security as a visitor meets it: no admin without the password, URL text never becomes a link
or an image (the network guard also fails the test on any outside request)."""
import pytest
from playwright.sync_api import expect

from browser import harness
from browser.helpers import goto, no_exception
from conftest import REAL_SOURCES, ROOT

SANDI = "sandi-uji-forum"
JAHAT = "evil.example"


@pytest.fixture(scope="module")
def admin_url(app_db, tmp_path_factory):
    """The dashboard with an admin password configured (its own server process)."""
    log = tmp_path_factory.mktemp("logs") / "admin.log"
    server = harness.Server(ROOT / "dashboard.py", log=log, env={
        "PILAR_DB": str(app_db), "PILAR_SOURCES": str(REAL_SOURCES), "PILAR_ADMIN_SANDI": SANDI})
    try:
        yield server.wait_healthy().url
    finally:
        server.stop()


def login(page, sandi):
    side = page.get_by_test_id("stSidebar")
    side.get_by_text("Admin", exact=True).click()
    side.get_by_label("Kata sandi admin").fill(sandi)
    side.get_by_role("button", name="Masuk").click()


def test_admin_form_absent_without_a_password(page):
    goto(page, "/Peta")
    expect(page.get_by_text("PILAR_ADMIN_SANDI").first).to_be_visible()
    assert page.get_by_text("Admin: pasang batas wilayah").count() == 0
    assert page.get_by_label("Kata sandi admin").count() == 0


def test_wrong_password_shows_a_message_and_nothing_else(page, admin_url):
    goto(page, admin_url + "/Peta")
    login(page, "bukan-sandinya")
    expect(page.get_by_text("Kata sandi salah.")).to_be_visible()
    assert page.get_by_text("Admin: pasang batas wilayah").count() == 0
    no_exception(page)


def test_right_password_opens_the_admin_form(page, admin_url):
    goto(page, admin_url + "/Peta")
    assert page.get_by_text("Admin: pasang batas wilayah").count() == 0
    login(page, SANDI)
    expect(page.get_by_text("Admin: pasang batas wilayah")).to_be_visible()
    no_exception(page)


@pytest.mark.parametrize("path", [
    f"/?kab=[klik di sini](http://{JAHAT}/login)",
    f"/?kab=![x](http://{JAHAT}/b.png),<img src=http://{JAHAT}/c.png>",
    f"/Proyeksi?nama=[klik](http://{JAHAT}/p)&g=![y](http://{JAHAT}/g.png)&nama2=<b>x</b>&sk=2",
    f"/Peta?ukuran=[u](http://{JAHAT}/u)",
])
def test_url_text_is_shown_as_text(page, path):
    goto(page, path)
    no_exception(page)
    assert page.locator(f"a[href*='{JAHAT}']").count() == 0
    assert page.locator(f"img[src*='{JAHAT}']").count() == 0
    # the typed text itself is still readable to the user where the page quotes it
    if "kab=" in path:
        expect(page.get_by_text(JAHAT).first).to_be_visible()
