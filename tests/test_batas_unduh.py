"""Downloads against a stand-in server on 127.0.0.1, and the command line.

Nothing here reaches beyond this machine: ``hanya_loopback`` refuses (and fails the test on) any
other address or DNS lookup.
"""
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import threading

import pytest

import geo_fixtures as gf
from conftest import REAL_SOURCES, ROOT
from geo_fixtures import KODE, assert_message, check_boundaries, loaded, same_geometry, sha
from pilar import batas
from pilar.batas.dasar import ATRIBUSI_GEOBOUNDARIES

pytestmark = pytest.mark.usefixtures("hanya_loopback")

GB = "geoBoundaries-IDN-ADM2_simplified.geojson"


class _Api(http.server.BaseHTTPRequestHandler):
    """A geoBoundaries-like API, its GeoJSON, and the ways a server can fail."""
    files: dict = {}
    berhenti = threading.Event()  # set at teardown: trickles and waits end

    def log_message(self, *args):
        pass

    def _send(self, code: int, body: bytes, ctype="application/json", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _tetes(self, data: bytes, jeda=0.5):
        """Send ``data`` one byte every ``jeda`` seconds until done or the client hangs up."""
        for i in range(len(data)):
            if self.berhenti.wait(jeda):
                return
            try:
                self.wfile.write(data[i:i + 1])
            except OSError:
                return

    def _meta(self, **ubah) -> bytes:
        base = f"http://127.0.0.1:{self.server.server_port}"
        meta = {"boundaryID": "IDN-ADM2-22746128", "boundaryName": "Indonesia", "boundaryISO": "IDN",
                "boundaryYearRepresented": "2020", "boundaryType": "ADM2",
                "boundarySource": "Badan Pusat Statistik, World Food Programme, OCHA ROAP",
                "boundaryLicense": "Creative Commons Attribution 3.0 Intergovernmental Organisations",
                "gjDownloadURL": f"{base}/full.geojson", "simplifiedGeometryGeoJSON": f"{base}/{GB}"}
        return json.dumps({**meta, **{k: v.replace("BASE", base) for k, v in ubah.items()}}).encode()

    def do_GET(self):
        route = self.path.rstrip("/")
        api = {
            "/api/current/gbOpen/IDN/ADM2": {},
            "/api/data-hilang": {"simplifiedGeometryGeoJSON": "BASE/hilang.geojson"},
            "/api/data-error": {"simplifiedGeometryGeoJSON": "BASE/error500"},
            "/api/data-tetes": {"simplifiedGeometryGeoJSON": "BASE/tetes.geojson"},
            "/api/lain": {"boundaryID": "IDN-ADM2-99", "boundaryLicense": "CC BY 4.0",
                          "boundarySource": "Contoh Sumber", "boundaryYearRepresented": "2023"},
        }
        if route in api:
            self._send(200, self._meta(**api[route]))
        elif route == "/api/relatif":
            self._send(200, b"[" + self._meta(simplifiedGeometryGeoJSON=f"/{GB}") + b"]")
        elif route == "/api/bukan-json":
            self._send(200, b"<html>maintenance</html>", "text/html")
        elif route in ("/api/500", "/error500"):
            self._send(500, b"internal error", "text/plain")
        elif route == "/api/diam":  # accepts, never answers
            self.berhenti.wait(3)
        elif route == "/api/putus":  # hangs up without an answer
            return
        elif route in ("/api/tetes", "/tetes.geojson"):  # headers at once, then a byte every 0.5 s
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self._tetes(b" " * 1000)
        elif route == "/api/tetes-kepala":  # even the status line trickles
            self._tetes(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}")
        elif route == "/terpotong.geojson":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(self.files[GB][:1000])
        elif route == "/besar.geojson":
            self.send_response(200)
            self.send_header("Content-Length", str(300 * 1024 * 1024))
            self.end_headers()
        elif route == "/pindah":
            self._send(302, b"", "text/plain", [("Location", f"/{GB}")])
        elif route.lstrip("/") in self.files:
            self._send(200, self.files[route.lstrip("/")], "application/geo+json")
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def api(kalsel_gdf, tmp_path_factory):
    path = gf.tulis_geojson(gf.nasional(kalsel_gdf, "geoboundaries"), tmp_path_factory.mktemp("api") / GB, crs=4326)
    _Api.files = {GB: path.read_bytes()}
    _Api.berhenti.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}"
    _Api.berhenti.set()
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_the_guard_refuses_other_addresses(hanya_loopback):
    with pytest.raises(OSError):
        socket.getaddrinfo("www.geoboundaries.org", 443)
    with socket.socket() as s, pytest.raises(OSError):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1, never routed
    assert hanya_loopback == ["www.geoboundaries.org", ("192.0.2.1", 80)]
    hanya_loopback.clear()  # expected here; any other test that does this fails


def test_download_installs_with_licence_and_attribution(api, db, reference):
    lap = batas.download(f"{api}/api/current/gbOpen/IDN/ADM2/", timeout=5, db_path=db)
    assert sorted(lap.cocok) == KODE
    fc, meta = loaded(db)
    check_boundaries(fc)
    same_geometry(fc, reference[0])
    assert meta["licence"] == "CC BY 3.0 IGO"
    assert meta["attribution"] == ATRIBUSI_GEOBOUNDARIES
    assert meta["source"].startswith("geoBoundaries gbOpen IDN-ADM2-22746128 (Badan Pusat Statistik")
    assert meta["input_name"] == f"{api}/{GB}"


def test_download_of_another_release_names_its_own_source(api, db):
    batas.download(f"{api}/api/lain", timeout=5, db_path=db)
    meta = loaded(db)[1]
    assert meta["licence"] == "CC BY 4.0"
    assert meta["attribution"].startswith("Batas kabupaten/kota: Contoh Sumber (2023) via geoBoundaries, CC BY 4.0.")


def test_relative_url_redirect_and_install_from_url(api, db):
    assert len(batas.download(f"{api}/api/relatif", timeout=5, db_path=db).cocok) == 13
    lap = batas.install(f"{api}/pindah", db_path=db, timeout=5)  # a 302 to the GeoJSON
    assert len(lap.cocok) == 13
    st = batas.status(db)
    assert st["source"] == f"{api}/pindah" and st["input_name"] == f"{api}/pindah"


FAILURES = {
    # case: (path on the stand-in, or a whole URL; timeout; deadline; words in the message)
    "port_tertutup": ("CLOSED/api/", 5, 60, ["Tidak dapat menghubungi"]),
    "404": ("/api/tidak-ada", 5, 60, ["404", "tidak ada di alamat itu"]),
    "500": ("/api/500", 5, 60, ["500", "Coba lagi nanti"]),
    "tidak_menjawab": ("/api/diam", 1, 60, ["tidak menjawab dalam 1 detik"]),
    "putus_tanpa_jawaban": ("/api/putus", 5, 60, ["Tidak dapat menghubungi", "without response"]),
    "bukan_json": ("/api/bukan-json", 5, 60, ["bukan metadata geoBoundaries"]),
    "data_404": ("/api/data-hilang", 5, 60, ["404", "hilang.geojson"]),
    "data_500": ("/api/data-error", 5, 60, ["500"]),
    # a byte every 0.5 s never trips the 5 s read timeout; the overall deadline ends it
    "tetes": ("/api/tetes", 5, 2, ["belum selesai setelah 2 detik", "batas waktu keseluruhan"]),
    "tetes_kepala": ("/api/tetes-kepala", 5, 2, ["belum selesai setelah 2 detik"]),
    "tetes_data": ("/api/data-tetes", 5, 2, ["tetes.geojson belum selesai setelah 2 detik"]),
    "url_rusak": ("http://[::1", 5, 60, ["Alamat http://[::1 tidak sah"]),
    "port_rusak": ("http://127.0.0.1:99999/api/", 5, 60, ["tidak sah"]),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_download_failures_are_clear(case, api, installed_db, reference):
    path, timeout, deadline, words = FAILURES[case]
    url = path.replace("CLOSED", f"http://127.0.0.1:{_closed_port()}") if not path.startswith("/") else api + path
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.download(url, timeout=timeout, deadline=deadline, db_path=installed_db)
    assert_message(e, *words)
    assert sha(installed_db) == before
    assert loaded(installed_db)[0] == reference[0]


def test_no_dns(monkeypatch, installed_db):
    def no_dns(host, *a, **k):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.download("https://geoboundaries.invalid/api/current/gbOpen/IDN/ADM2/", db_path=installed_db)
    assert_message(e, "Tidak dapat menghubungi geoboundaries.invalid", "nama server tidak bisa dicari")
    assert sha(installed_db) == before


@pytest.mark.parametrize("path, kwargs, words", [
    ("/terpotong.geojson", {}, ["terputus", "baru 1000 dari 100000 bait"]),
    ("/besar.geojson", {}, ["terlalu besar", "300,0 MB", "batasnya 200,0 MB"]),
    (f"/{GB}", {"max_bytes": 100_000}, ["terlalu besar", "batasnya 0,1 MB"]),
    ("/tetes.geojson", {"deadline": 1.5}, ["belum selesai setelah 1,5 detik"]),
])
def test_install_from_url_failures(api, installed_db, path, kwargs, words):
    before = sha(installed_db)
    with pytest.raises(batas.BatasError) as e:
        batas.install(api + path, db_path=installed_db, timeout=5, **kwargs)
    assert_message(e, *words)
    assert sha(installed_db) == before


# ---------------------------------------------------------------- command line

def cli(*args, db_path):
    env = dict(os.environ, PILAR_DB=str(db_path), PILAR_SOURCES=str(REAL_SOURCES))
    return subprocess.run([sys.executable, "-m", "pilar", "boundaries", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _gagal(r) -> str:
    """A failed command: exit code not zero, nothing on stdout, one paragraph on stderr."""
    assert r.returncode != 0 and r.stdout == "", (r.returncode, r.stdout)
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1, r.stderr
    return r.stderr


def test_cli_install_status_and_errors(db, reference, tmp_path):
    r = cli("status", db_path=db)
    assert r.returncode == 0 and "Belum ada batas wilayah" in r.stdout
    r = cli("install", str(reference[4]), "--source", "uji sintetis", "--licence", "CC0",
            "--attribution", gf.ATRIBUSI, db_path=db)
    assert r.returncode == 0, r.stderr
    assert "Wilayah cocok: 13 dari 13" in r.stdout and re.search(r"Simpul: \d\.\d{3} -> \d\.\d{3};", r.stdout)
    r = cli("status", db_path=db)
    assert r.returncode == 0 and gf.ATRIBUSI in r.stdout and "13 kabupaten/kota" in r.stdout
    assert re.search(r"Ukuran: \d\.\d{3} simpul, \d{2}\.\d{3} byte GeoJSON", r.stdout)  # thousands with a dot
    before = sha(db)
    (tmp_path / "x.txt").write_text("bukan peta")
    assert "bukan berkas geo" in _gagal(cli("install", str(tmp_path / "x.txt"), db_path=db))
    assert "Alamat http://[::1 tidak sah" in _gagal(cli("install", "http://[::1", db_path=db))
    assert "tidak sah" in _gagal(cli("download", "--api-url", "http://[::1", db_path=db))
    assert sha(db) == before


def test_cli_download_and_its_failures(api, db):
    err = _gagal(cli("download", "--api-url", f"http://127.0.0.1:{_closed_port()}/", "--timeout", "2", db_path=db))
    assert "Tidak dapat menghubungi" in err
    err = _gagal(cli("download", "--api-url", f"{api}/api/tetes", "--deadline", "2", db_path=db))
    assert "batas waktu keseluruhan" in err
    assert loaded(db) is None
    r = cli("download", "--api-url", f"{api}/api/current/gbOpen/IDN/ADM2/", db_path=db)
    assert r.returncode == 0, r.stderr
    assert "CC BY 3.0 IGO" in cli("status", db_path=db).stdout


def test_cli_without_a_database(tmp_path, reference):
    err = _gagal(cli("install", str(reference[4]), db_path=tmp_path / "tidak_ada" / "pilar.duckdb"))
    assert "belum ada" in err and "python -m pilar build" in err
    assert not (tmp_path / "tidak_ada").exists()
