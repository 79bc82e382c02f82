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
    server = harness.Server(ROOT / "server.py", log=log, env={
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


# ---------------------------------------------------------------- admin only on the server itself

def sesi_id(page, path: str) -> str:
    """The Streamlit session id of ``page``, from the NewSession message its websocket receives."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    seen: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: seen.append(f) if isinstance(f, bytes) else None))
    goto(page, path)
    for f in seen:
        msg = ForwardMsg()
        msg.ParseFromString(f)
        if msg.WhichOneof("type") == "new_session":
            return msg.new_session.initialize.session_id
    raise AssertionError("no NewSession message seen on the websocket")


def put_unggah(page, base: str, sesi: str) -> dict:
    """PUT a file to Streamlit's upload endpoint from inside the page, with the page's own XSRF token, as
    Streamlit's uploader does: only pilar.pintu stands between it and the server's memory."""
    return page.evaluate("""async ([url]) => {
        const xsrf = (document.cookie.match(/_streamlit_xsrf=([^;]+)/) || [])[1] || "";
        const body = new FormData();
        body.append("file", new Blob(["x".repeat(100000)]), "besar.csv");
        const r = await fetch(url, {method: "PUT", body, credentials: "include", headers: {"X-Xsrftoken": xsrf}});
        return {status: r.status, text: await r.text()};
    }""", [f"{base}/_stcore/upload_file/{sesi}/berkas-uji"])


def test_a_visitors_upload_is_refused(page, admin_url):
    sesi = sesi_id(page, admin_url + "/Peta")
    r = put_unggah(page, admin_url, sesi)
    assert r["status"] == 403 and "hanya untuk admin" in r["text"]


def test_an_admins_upload_is_taken_and_the_same_session_elsewhere_is_refused(page, admin_url, new_context):
    sesi = sesi_id(page, admin_url + "/Peta")
    login(page, SANDI)
    expect(page.get_by_text("Admin: pasang batas wilayah")).to_be_visible()
    r = put_unggah(page, admin_url, sesi)
    assert r["status"] == 204, (r, sesi)  # the gate lets the admin's own session through
    # the session id seen on the wifi, used by another client (nginx names it in X-Pilar-Klien)
    lain = new_context(extra_http_headers={"X-Pilar-Klien": "192.0.2.7"}).new_page()
    goto(lain, admin_url + "/Peta")
    r = put_unggah(lain, admin_url, sesi)
    assert r["status"] == 403 and "hanya untuk admin" in r["text"]


def test_admin_is_not_offered_to_a_client_on_the_network(new_context, admin_url):
    """A phone on the venue's wifi, as nginx passes it on: no password field, a sentence that says why."""
    page = new_context(extra_http_headers={"X-Pilar-Klien": "192.0.2.7"}).new_page()
    goto(page, admin_url + "/Peta")
    side = page.get_by_test_id("stSidebar")
    side.get_by_text("Admin", exact=True).click()
    expect(side.get_by_text("Admin hanya bisa masuk dari komputer server ini", exact=False)).to_be_visible()
    assert page.get_by_label("Kata sandi admin").count() == 0
    no_exception(page)


def test_internal_files_of_the_audience_folder_are_not_served(admin_url):
    import urllib.error
    import urllib.request
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(admin_url + "/app/static/lembar/.versi", timeout=10)
    assert e.value.code == 404
    with urllib.request.urlopen(admin_url + "/app/static/world_110m.json", timeout=10) as r:
        assert r.status == 200  # the app's own static files still are
