"""The dialog in the app (AppTest, fixture database): the admin page and the two slides of Presentasi."""
import datetime as dt

import pytest

from conftest import buka_app
from pilar import slide
from pilar.dialog import aturan, simpan
from test_dialog_ponsel import BAHAYA

PAGE = "pages/8_Dialog.py"
SLIDES = "pages/7_Presentasi.py"


@pytest.fixture()
def app(buka, monkeypatch):
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "uji")
    return buka


def masuk(at):
    at.text_input(key="admin_sandi_input").input("uji")
    at.button[0].click().run()
    assert not at.exception
    return at


def isi(fid, teks, kode=6371, jenis="usulan", status="disetujui", token=None):
    mid, _ = simpan.kirim(fid, token or teks, aturan.periksa(str(kode), "psm", jenis, teks, ""), "10.0.0.1", 1000)
    if status != "baru":
        simpan.ubah_status([mid], status)
    return mid


def markdown_teks(at) -> str:
    """Everything the page rendered as Markdown (where a phone's text must never go raw)."""
    els = [*at.markdown, *at.caption, *at.info, *at.error, *at.success, *at.header, *at.subheader, *at.title]
    return "\n".join(e.value for e in els)


def test_page_needs_the_admin_and_is_not_linked_for_others(app):
    at = app(PAGE)
    assert any("Masuk sebagai admin" in i.value for i in at.info)
    assert not [w for w in at.text_input if w.key == "dl_nama"] and not at.get("download_button")
    assert not any("Dialog forum" in link.proto.label for link in at.get("page_link"))


def test_admin_opens_a_forum_from_the_page(app):
    at = masuk(app(PAGE))
    assert any("Dialog forum" in link.proto.label for link in at.get("page_link"))
    at.text_input(key="dl_nama").input("Dialog Pilar Sosial")
    at.date_input(key="dl_tanggal").set_value(dt.date(2025, 9, 23))
    at.multiselect(key="dl_hadir").set_value([6371, 6372])
    at.button(key="dl_buka").click().run()
    assert not at.exception
    f = simpan.forum_terbuka()
    assert (f["nama"], f["tanggal"], f["hadir"]) == ("Dialog Pilar Sosial", "2025-09-23", "6371,6372")


def test_queue_approve_and_hide_and_hostile_text_stays_text(app):
    fid = simpan.buka_forum("Dialog", "2025-09-23")
    ids = [isi(fid, teks, status="baru", token=f"b{i}") for i, teks in enumerate(BAHAYA)]
    at = masuk(app(PAGE))
    teks = "\n".join(x.value for x in at.text)
    for s in BAHAYA:
        assert aturan.tampil(s) in teks  # shown whole, as text
    md = markdown_teks(at)
    assert not any(s in md for s in BAHAYA) and "evil.example" not in md
    at.button(key=f"dl_ok_{ids[0]}").click().run()
    at.button(key=f"dl_hide_{ids[1]}").click().run()
    assert not at.exception
    assert [simpan.satu(i)["status"] for i in ids[:3]] == ["disetujui", "disembunyikan", "baru"]


def test_a_write_needs_the_admin_at_that_moment(app, monkeypatch):
    from pilar import ui_admin
    fid = simpan.buka_forum("Dialog", "2025-09-23")
    mid = isi(fid, "antre", status="baru")
    at = masuk(app(PAGE))
    monkeypatch.setattr(ui_admin, "aktif", lambda: False)  # the login lapsed after the page was drawn
    at.button(key=f"dl_ok_{mid}").click().run()
    assert simpan.satu(mid)["status"] == "baru"


def test_the_rooms_slide_most_voted_first_filtered_and_pinned(app):
    fid = simpan.buka_forum("Dialog", "2025-09-23")
    a = isi(fid, "Sedikit dukungan")
    b = isi(fid, "Banyak dukungan")
    isi(fid, "Dari Banjarbaru", kode=6372)
    isi(fid, "Belum disetujui", status="baru")
    for hp in ("h1", "h2"):
        simpan.suara(b, hp)
    simpan.suara(a, "h1")
    n = len(slide.SLIDE) + 1
    at = app(SLIDES, kab="6371", slide=str(n))
    assert f"{n}/{n}" in at.text[-1].value and at.header[0].value.startswith("Suara forum")
    isi_slide = [x.value for x in at.text if "▲" in x.value]
    assert [s.split("\n")[1] for s in isi_slide] == ["Banyak dukungan", "Sedikit dukungan"]
    at.button(key=f"dl_pin_{a}").click().run()
    assert not at.exception
    pinned = [x.value for x in at.text if "▲" in x.value]
    assert pinned[0].endswith("Sedikit dukungan") and at.button(key="dl_lepas")


def test_next_forum_opens_with_last_forums_items_and_their_status(app):
    lalu = simpan.buka_forum("Forum Maret", "2025-03-10")
    a = isi(lalu, "Minta pelatihan PSM")
    isi(lalu, "Soal Banjarbaru", kode=6372)
    simpan.tindak_lanjut(a, "selesai", "Bidang Dayasos", "Pelatihan digelar Juni")
    simpan.tutup_forum(lalu)
    simpan.buka_forum("Forum September", "2025-09-23")
    at = app(SLIDES, kab="6371", slide="1")
    n = len(slide.SLIDE) + 2
    assert at.header[0].value.startswith("Forum lalu") and f"1/{n}" in at.text[-1].value
    teks = "\n".join(x.value for x in at.text)
    assert "Selesai" in teks and "Minta pelatihan PSM" in teks and "Pelatihan digelar Juni" in teks
    assert "Soal Banjarbaru" not in teks  # another unit's item
    at = app(SLIDES, kab="6371", slide="2")
    assert at.header[0].value.startswith("Angka kunci")
