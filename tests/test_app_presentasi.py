"""Presentation mode (AppTest on the fixture database), its pure parts (pilar/slide.py) and the chart
layout fixes in pilar/grafik.py (hatched bars keep their fill, reference lines in a legend, automargin)."""
import json

import pandas as pd
import pytest

from browser.expected import estimated, shown
from browser.helpers import id_number
from pilar import db, grafik, slide, status

N = len(slide.SLIDE)


@pytest.fixture()
def app(buka):
    return lambda **q: buka("pages/7_Presentasi.py", **q)


def footer(at) -> str:
    return at.text[-1].value  # the bottom bar's line is the page's last text


def test_deep_link_opens_the_slide_with_the_filter(app):
    at = app(kab="6372", slide="2")
    assert at.header[0].value.startswith("Peta")
    assert dict(at.query_params) == {"kab": "6372", "slide": "2"}
    assert "Banjarbaru" in footer(at) and f"2/{N}" in footer(at)


def test_key_figures_are_the_catalogs(app, fixture_db_path):
    at = app(kab="6372")
    assert {m.label: m.value for m in at.metric} == shown(fixture_db_path, [6372], id_number)
    assert status.kata(status.ESTIMASI) in footer(at)  # the status legend on every slide


def test_buttons_step_and_stop_at_both_ends(app):
    at = app(kab="6371", slide="1")
    assert at.button(key="slide_mundur").disabled
    for i in range(2, N + 1):
        at.button(key="slide_maju").click().run()
        assert at.query_params["slide"] == str(i) and at.query_params["kab"] == "6371"
        assert f"{i}/{N}" in footer(at) and not at.exception
    assert at.button(key="slide_maju").disabled
    at.button(key="slide_mundur").click().run()
    assert at.query_params["slide"] == str(N - 1)


@pytest.mark.parametrize("given,shown", [("99", N), ("0", 1), ("abc", 1), ("", 1)])
def test_slide_number_out_of_range_is_clamped(app, given, shown):
    at = app(slide=given)
    assert at.query_params["slide"] == str(shown)


def test_sources_slide_names_the_figures_sources_and_the_audience_page(app, fixture_db_path):
    at = app(kab="6372", slide=str(N))
    con = db.connect(fixture_db_path)
    try:
        ids = set(db.run(con, "sumber")["sumber_id"])
    finally:
        con.close()
    lines = [t.value for t in at.text]
    shown_ids = {line[2:].split(":")[0] for line in lines if line.startswith("• ")}
    assert shown_ids and shown_ids <= ids
    # AppTest has no browser address: the relative link is shown instead of a QR code
    assert any("app/static/lembar/6372.html" in line for line in lines)


def test_several_units_sum_and_link_the_province_page(app, fixture_db_path):
    at = app(kab="6371,6372")
    assert {m.label: m.value for m in at.metric} == shown(fixture_db_path, [6371, 6372], id_number)
    assert "Banjarmasin" in footer(at) and "Banjarbaru" in footer(at)
    at = app(kab="6371,6372", slide=str(N))
    assert any("app/static/lembar/kalsel.html" in x.value for x in at.text)


@pytest.mark.parametrize("kab", ["6371", "6372"])
def test_projection_figures_are_marked_when_they_rest_on_an_estimate(app, fixture_db_path, kab):
    est = estimated(fixture_db_path, [int(kab)])
    dasar_estimasi = est["kpm_pkh"] or est["pendamping_pkh"]
    at = app(kab=kab, slide=str(slide.SLIDE.index("proyeksi") + 1))
    nilai = [m.value for m in at.metric[:2]]  # years at this pace, graduations per year
    assert len(nilai) == 2 and all(any(ch.isdigit() for ch in v) for v in nilai)
    assert all(("*" in v) == dasar_estimasi for v in nilai), (est, nilai)


def test_english(app):
    at = app(lang="en", slide="4")
    assert at.header[0].value.startswith("Projected")
    assert "slide 4/5" in footer(at)


# ---------------------------------------------------------------- pilar/slide.py

def test_number_and_step():
    assert [slide.nomor(x) for x in ("3", " 2 ", None, "x", "-4", "12")] == [3, 2, 1, 1, 1, N]
    assert slide.geser(1, -1) == 1 and slide.geser(N, 1) == N and slide.geser(2, 1) == 3 and slide.geser(3, -1) == 2


@pytest.mark.parametrize("url,expected", [
    ("http://10.0.0.5:8501/Presentasi", "http://10.0.0.5:8501/app/static/lembar/6371.html"),
    ("https://forum.example/pilar/Presentasi/", "https://forum.example/pilar/app/static/lembar/6371.html"),
    ("http://10.0.0.5:8501/", "http://10.0.0.5:8501/app/static/lembar/6371.html"),
    (None, None), ("javascript:alert(1)", None),
])
def test_audience_address_from_the_browsers_address(url, expected):
    assert slide.alamat_audiens(url, "app/static/lembar/6371.html") == expected


def test_local_addresses_are_named():
    assert slide.hanya_lokal("http://127.0.0.1:8501/x") and slide.hanya_lokal("http://localhost/x")
    assert not slide.hanya_lokal("http://192.168.1.20:8501/x")


def test_qr_png_grows_with_the_text_and_scale():
    kecil, besar = slide.qr_png("http://a/", 4), slide.qr_png("http://a/", 8)
    assert kecil.startswith(b"\x89PNG") and besar.startswith(b"\x89PNG")
    lebar = lambda png: int.from_bytes(png[16:20], "big")  # IHDR width
    assert lebar(besar) == 2 * lebar(kecil)


# ---------------------------------------------------------------- pilar/grafik.py

def bars(status_):
    return pd.DataFrame({"kode_bps": [6371, 6372, 6301], "nama": ["Banjarmasin", "Banjarbaru", "Tanah <b>Laut</b>"],
                         "nilai": [3.0, 2.0, 1.0], "status": status_, "artefak": [False, False, False]})


def test_hatched_bars_keep_their_colour_under_the_hatching():
    fig = grafik.batang_wilayah(bars([status.ESTIMASI, status.RESMI, status.ESTIMASI]), "Judul", 1, "id",
                                terpilih=(6371,))
    pola = fig.data[0].marker.pattern
    assert list(pola.shape) == ["/", "", "/"]  # sorted smallest first: Tanah Laut, Banjarbaru, Banjarmasin
    assert pola.fillmode == "overlay"  # marker colour is the background; "replace" made it transparent
    assert all(c not in ("white", "#ffffff") for c in fig.data[0].marker.color)


def test_reference_lines_in_a_legend_not_over_the_values():
    fig = grafik.batang_wilayah(bars([status.RESMI] * 3), "Judul " * 12, 1, "id", nilai_provinsi=2.0,
                                label_provinsi="Provinsi", rentang=(1.0, 2.5, "Rentang " * 8), norma=(1.5, "Norma"))
    spec = json.loads(fig.to_json())["layout"]
    assert not spec.get("annotations")
    named = [s for s in spec["shapes"] if s.get("showlegend")]
    assert len(named) == 3 and all(s["layer"] == "below" for s in named)
    assert all(len(line) <= grafik.LEBAR_LABEL for s in named for line in s["name"].split("<br>"))
    assert "<br>" in spec["title"]["text"]  # a long title wraps instead of being cut
    assert spec["xaxis"]["automargin"] and spec["yaxis"]["automargin"]
    assert "Tanah &lt;b&gt;Laut&lt;/b&gt;" in fig.data[0].y  # names are text


def test_composition_axes_make_room_for_their_labels():
    df = pd.DataFrame({"label": ["Pendamping PKH", "Pelopor Perdamaian"], "jumlah": [5, 9],
                       "status": [status.ESTIMASI, status.RESMI]})
    fig = grafik.komposisi_pilar(df, "id")
    assert fig.layout.yaxis.automargin and fig.data[0].marker.pattern.fillmode == "overlay"
