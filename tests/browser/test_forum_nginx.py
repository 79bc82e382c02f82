"""The forum setup as scripts/serve-forum writes it: nginx (Debian's, as the script installs it) in front of
the dashboard. What a laptop on the venue's wifi can do with an admin's session id: nothing.

A client with another address is played by a socket bound to 127.0.0.2: nginx sees that address, while
the browser (the admin on the server itself) connects from 127.0.0.1."""
import http.client
import socket

import pytest
from playwright.sync_api import expect

from bench.proksi import Nginx, serve_forum
from browser import harness
from browser.helpers import goto
from browser.test_keamanan import SANDI, login, put_unggah, sesi_id
from conftest import REAL_SOURCES, ROOT

LAIN = "127.0.0.2"  # not the server's own 127.0.0.1 for pilar.admin


@pytest.fixture(scope="module")
def lewat_nginx(app_db, tmp_path_factory):
    assert serve_forum().nginx_bin(), "nginx is installed by scripts/test (Debian's package)"
    work = tmp_path_factory.mktemp("nginx")
    server = harness.Server(ROOT / "server.py", log=work / "dasbor.log", env={
        "PILAR_DB": str(app_db), "PILAR_SOURCES": str(REAL_SOURCES), "PILAR_ADMIN_SANDI": SANDI})
    proxy = None
    try:
        server.wait_healthy()
        proxy = Nginx([server.port], work)
        yield proxy
    finally:
        if proxy:
            proxy.stop()
        server.stop()


class _Dari(http.client.HTTPConnection):
    """An HTTP connection whose source address is ``dari`` (another machine, as nginx sees it)."""

    def __init__(self, host, port, dari):
        super().__init__(host, port, timeout=20)
        self.dari = dari

    def connect(self):
        self.sock = socket.create_connection((self.host, self.port), self.timeout, (self.dari, 0))


def put_dari(url: str, path: str, dari: str, cookies: dict, xsrf: str) -> tuple[int, str]:
    host, port = url.split("//")[1].split(":")
    con = _Dari(host, int(port), dari)
    batas = "pilarbatas"
    body = (f"--{batas}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\nkode,lks\r\n--{batas}--\r\n").encode()
    con.request("PUT", path, body=body, headers={
        "Content-Type": f"multipart/form-data; boundary={batas}", "X-Xsrftoken": xsrf,
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "X-Pilar-Klien": "127.0.0.1",  # a forged claim to be the server: nginx overwrites it
        "X-Forwarded-For": "127.0.0.1"})
    r = con.getresponse()
    return r.status, r.read().decode("utf-8", "replace")


def test_an_admin_session_id_is_worthless_from_another_address_through_nginx(page, lewat_nginx):
    url = lewat_nginx.url
    sesi = sesi_id(page, url + "/Peta")
    login(page, SANDI)
    expect(page.get_by_text("Admin: pasang batas wilayah")).to_be_visible()
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    xsrf = page.evaluate("(document.cookie.match(/_streamlit_xsrf=([^;]+)/) || [])[1] || ''")
    path = f"/_stcore/upload_file/{sesi}/dari-lain"
    status, teks = put_dari(url, path, LAIN, cookies, xsrf)
    assert status == 403 and "hanya untuk admin" in teks
    # the same request from the server itself is taken: what differs is the address nginx passed on
    assert put_dari(url, path.replace("dari-lain", "dari-server"), "127.0.0.1", cookies, xsrf)[0] == 204
    assert put_unggah(page, url, sesi)["status"] == 204


def test_nginx_refuses_a_body_larger_than_the_apps_upload_limit(lewat_nginx):
    host, port = lewat_nginx.url.split("//")[1].split(":")
    con = http.client.HTTPConnection(host, int(port), timeout=20)
    mb = serve_forum().unggah_mb()
    con.putrequest("PUT", "/_stcore/upload_file/x/y")
    con.putheader("Content-Length", str((mb + 1) * 2**20))
    con.endheaders()
    assert con.getresponse().status == 413  # refused from the header, before a byte reaches the dashboard


def test_internal_files_are_not_served_by_nginx_either(lewat_nginx):
    d = serve_forum().direktori_audiens()  # where nginx serves the audience pages from
    d.mkdir(parents=True, exist_ok=True)
    (d / ".versi").write_text("rahasia")
    (d / "uji-terbuka.html").write_text("<p>terbuka</p>")
    try:
        def get(path):
            con = http.client.HTTPConnection(*lewat_nginx.url.split("//")[1].split(":"), timeout=20)
            con.request("GET", path)
            r = con.getresponse()
            return r.status, r.read()
        assert get("/app/static/lembar/uji-terbuka.html") == (200, b"<p>terbuka</p>")
        assert get("/app/static/lembar/.versi")[0] == 404
    finally:
        (d / "uji-terbuka.html").unlink()
