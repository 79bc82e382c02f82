"""The phone page (pilar/dialog/ponsel.py) through its ASGI routes: light, no script, escaped, idempotent, refusing."""
import html
import re

import pytest

from dialog_asgi import Ponsel, kirim, token
from pilar.dialog import ponsel, simpan

# Texts a participant could type that mean something to Markdown, HTML, Typst, a spreadsheet or the terminal.
BAHAYA = [
    "**tebal** [tautan](http://evil.example/x) ![gambar](http://evil.example/i.png)",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    '#set page(fill: red) $x^2$ [#emph[y]] #import "a.typ"',
    '=HYPERLINK("http://evil.example","klik")',
    "+SUM(1,2)",
    "@SUM(A1)",
    "abc\u202edcba.exe",
    ":red[merah] `kode` </textarea><b>tebal</b>",
]


@pytest.fixture()
def fid(monkeypatch):
    monkeypatch.setenv(ponsel.ENV_PER_MENIT, "1000")
    return simpan.buka_forum("Dialog <b>Pilar</b>", "2025-09-23", "Aula #1")


def test_form_is_light_prefilled_from_the_qr_and_strict(fid):
    r = Ponsel().get("/forum?kab=6304")
    assert r.status == 200 and len(r.teks.encode()) < 50_000
    assert '<option value="6304" selected>Kabupaten Barito Kuala</option>' in r.teks
    assert r.teks.count('type="radio" name="jenis"') == 3 and 'method="post"' in r.teks
    assert "<script" not in r.teks.lower() and not re.search(r'(src|href)="https?:', r.teks)
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "form-action 'self'" in csp
    assert "Dialog &lt;b&gt;Pilar&lt;/b&gt;" in r.teks  # the forum's own name is text too


def test_one_item_of_each_kind_says_terkirim_and_is_stored_once(fid):
    hp = Ponsel()
    for jenis in ("pertanyaan", "usulan", "pengalaman"):
        r = kirim(hp, fid, f"Teks {jenis}", jenis=jenis)
        assert r.status == 200 and "Terkirim" in r.teks
    t = token(hp.get(f"/forum/{fid}").teks)
    data = {"token": t, "kab": "6371", "pihak": "pemda", "jenis": "usulan", "teks": "dua kali"}
    a, b = hp.post(f"/forum/{fid}", data), hp.post(f"/forum/{fid}", data)  # the same form sent twice
    assert "Terkirim" in a.teks and "Terkirim" in b.teks
    assert sorted(m["jenis"] for m in simpan.pilih(fid)) == ["pengalaman", "pertanyaan", "usulan", "usulan"]
    assert sum(m["teks"] == "dua kali" for m in simpan.pilih(fid)) == 1


@pytest.mark.parametrize("ubah,pesan", [
    ({"teks": "NIK 6371012345678901"}, "NIK"), ({"teks": "telp 081234567890"}, "telepon"),
    ({"teks": ""}, "kosong"), ({"teks": "y" * 1001}, "terlalu panjang"), ({"kab": "9999"}, "kabupaten/kota"),
    ({"kab": "6371' OR 1=1"}, "kabupaten/kota"), ({"token": "0" * 32 + ".abc"}, "tidak dikenal")])
def test_refusals_are_one_line_keep_the_text_and_store_nothing(fid, ubah, pesan):
    hp = Ponsel()
    data = {"token": token(hp.get(f"/forum/{fid}").teks), "kab": "6304", "pihak": "psm", "jenis": "usulan",
            "teks": "isi", **ubah}
    r = hp.post(f"/forum/{fid}", data)
    assert r.status == 400 and pesan in re.search(r'role="alert">([^<]*)<', r.teks).group(1)
    assert "Terkirim" not in r.teks and simpan.pilih(fid) == []


def test_a_closed_forum_and_a_missing_one(fid):
    hp = Ponsel()
    t = token(hp.get(f"/forum/{fid}").teks)
    simpan.tutup_forum(fid)
    assert hp.get(f"/forum/{fid}").status == 410 and hp.get("/forum").status == 404
    r = hp.post(f"/forum/{fid}", {"token": t, "kab": "6304", "pihak": "psm", "jenis": "usulan", "teks": "terlambat"})
    assert r.status == 400 and "ditutup" in r.teks and simpan.pilih(fid) == []
    assert hp.get("/forum/999").status == 404


def test_fifty_a_minute_from_one_phone_are_held_at_the_limit(fid, monkeypatch):
    monkeypatch.setenv(ponsel.ENV_PER_MENIT, "10")
    hp = Ponsel(alamat="10.9.9.9")
    hasil = [kirim(hp, fid, f"pesan {i}") for i in range(50)]
    assert [r.status for r in hasil] == [200] * 10 + [429] * 40
    assert "Terlalu banyak" in hasil[-1].teks and len(simpan.pilih(fid)) == 10
    assert kirim(Ponsel(alamat="10.9.9.10"), fid, "tetangga").status == 200


def test_nginx_address_counts_only_from_loopback(fid, monkeypatch):
    """Behind nginx every phone arrives from 127.0.0.1 with X-Pilar-Klien; a phone cannot pick its own."""
    monkeypatch.setenv(ponsel.ENV_PER_MENIT, "2")
    lewat = Ponsel(alamat="127.0.0.1")
    for i in range(2):
        assert kirim(lewat, fid, f"a{i}").status == 200  # kirim sends no header: the peer 127.0.0.1 counts
    for ip in ("10.0.0.1", "10.0.0.2"):
        t = token(lewat.get(f"/forum/{fid}").teks)
        r = lewat.post(f"/forum/{fid}", {"token": t, "kab": "6304", "pihak": "psm", "jenis": "usulan", "teks": ip},
                       headers={"X-Pilar-Klien": ip})
        assert r.status == 200
    hp = Ponsel(alamat="10.5.5.5")
    for i in range(2):
        kirim(hp, fid, f"b{i}")
    t = token(hp.get(f"/forum/{fid}").teks)
    r = hp.post(f"/forum/{fid}", {"token": t, "kab": "6304", "pihak": "psm", "jenis": "usulan", "teks": "c"},
                headers={"X-Pilar-Klien": "10.7.7.7"})  # ignored from a non-loopback peer
    assert r.status == 429


def test_a_post_from_another_site_is_refused(fid):
    hp = Ponsel()
    t = token(hp.get(f"/forum/{fid}").teks)
    r = hp.post(f"/forum/{fid}", {"token": t, "kab": "6304", "pihak": "psm", "jenis": "usulan", "teks": "x"},
                headers={"Origin": "http://evil.example"})
    assert r.status == 403 and simpan.pilih(fid) == []


def test_votes_one_per_phone_cookie_and_only_approved(fid):
    hp = Ponsel()
    kirim(hp, fid, "setujui aku")
    kirim(hp, fid, "masih antre")
    a, b = (m["id"] for m in sorted(simpan.pilih(fid), key=lambda m: m["id"]))
    simpan.ubah_status([a], "disetujui")
    halaman = hp.get(f"/forum/{fid}/pilih").teks
    assert "setujui aku" in halaman and "masih antre" not in halaman
    assert "Dukungan tercatat" in hp.post(f"/forum/{fid}/pilih", {"id": str(a)}).teks
    assert "sudah mendukung" in hp.post(f"/forum/{fid}/pilih", {"id": str(a)}).teks
    assert hp.post(f"/forum/{fid}/pilih", {"id": str(b)}).status == 400
    tanpa_kue = Ponsel(alamat="10.3.3.3")
    r = tanpa_kue.minta("POST", f"/forum/{fid}/pilih", {"id": str(a)})
    assert r.status == 400 and "cookie" in r.teks
    assert simpan.satu(a)["suara"] == 1


@pytest.mark.parametrize("teks", BAHAYA)
def test_hostile_text_is_escaped_on_every_phone_page(fid, teks):
    hp = Ponsel()
    assert "Terkirim" in kirim(hp, fid, teks, nama=teks[:80]).teks
    mid = simpan.pilih(fid)[0]["id"]
    assert simpan.satu(mid)["teks"] == teks  # stored as written
    simpan.ubah_status([mid], "disetujui")
    pilih = hp.get(f"/forum/{fid}/pilih").teks  # what every phone sees
    assert "\u202e" not in pilih and ("\u202e" not in teks or "&lt;U+202E&gt;" in pilih)
    ulang = hp.post(f"/forum/{fid}", {"token": "x", "teks": teks}).teks  # refused: the sender's own text back
    assert re.search(r"<textarea[^>]*>([^<]*)</textarea>", ulang).group(1) == html.escape(teks)
    for halaman in (pilih, ulang):
        assert "<script" not in halaman and "<img" not in halaman and "<b>tebal" not in halaman
        assert "</textarea><b>" not in halaman and 'href="http' not in halaman


def test_oversized_body_is_refused_before_parsing(fid):
    r = Ponsel().post(f"/forum/{fid}", {"teks": "z" * 20_000})
    assert r.status == 413 and simpan.pilih(fid) == []
