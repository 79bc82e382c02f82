"""AppTest of the Peta and Rasio pages on the fixture database: no exception for
every filter shape and every map measure, and the numbers shown match the queries."""
import json

import pytest

import geo_fixtures
from conftest import buka_app
from pilar import db, ukuran
from pilar import format as fmt

FILTERS = ["", "6371", "6301,6372"]


@pytest.fixture()
def app(buka):
    return lambda page, kab="", **params: buka(page, kab=kab, **params)


class Expected:
    """Figures for a selection computed straight from the query rows (ratio of sums)."""

    def __init__(self, long, ind):
        self.long, self.ind = long, ind

    def total(self, indikator, kode):
        rows = self.long[self.long["kode_bps"].isin(kode)] if kode else self.long
        return rows.loc[rows["indikator"] == indikator, "nilai"].sum()

    def estimasi(self, indikator, kode):
        """True when any figure summed for ``kode`` (not the whole province) is an estimate."""
        rows = self.long[self.long["kode_bps"].isin(kode)]
        return bool(kode) and (rows.loc[rows["indikator"] == indikator, "status"] == "estimasi").any()

    def __call__(self, kode_ukuran, kode):
        u = ukuran.UKURAN[kode_ukuran]
        num = self.total(u.pembilang, kode)
        return num / self.total(u.penyebut, kode) * u.skala if u.rasio else num


@pytest.fixture()
def expected(fixture_con):
    from pilar.data import Indikator
    return Expected(db.run(fixture_con, "indikator_wilayah"), Indikator.load(fixture_con))


def kode_of(kab):
    return [int(k) for k in kab.split(",")] if kab else []


@pytest.mark.parametrize("kab", FILTERS)
def test_rasio_page_numbers(app, expected, kab):
    at = app("pages/2_Rasio.py", kab)
    charts = at.get("plotly_chart")
    assert len(charts) == 6
    first = json.loads(charts[0].proto.spec)
    assert first["layout"]["separators"] == ",."
    # the bar chart shows every unit; the reference line is the province value
    assert sorted(first["data"][0]["y"]) == ["Banjarbaru", "Banjarmasin", "Tanah Laut"]
    shapes = first["layout"]["shapes"]
    assert any(s.get("x0") == pytest.approx(expected("kpm_per_pendamping", [])) for s in shapes)
    kode = kode_of(kab)
    # estimated TKSK were shared out by kecamatan: a selection's shortfall would only repeat that rule,
    # so the page shows the province's (whose sum is the published total, not an estimate)
    if expected.estimasi("tksk", kode):
        kode_tksk = []
        assert any("dibagi menurut jumlah kecamatan" in c.value for c in at.caption)
    else:
        kode_tksk = kode
    shortfall = expected.total("kecamatan", kode_tksk) - expected.total("tksk", kode_tksk)
    assert at.metric[0].value == fmt.angka(max(0, shortfall))
    if kode:
        mark = "*" if expected.estimasi("kpm_pkh", kode) or expected.estimasi("pendamping_pkh", kode) else ""
        assert f": {fmt.angka(expected('kpm_per_pendamping', kode))}{mark} " in at.markdown[0].value


@pytest.mark.parametrize("kab", FILTERS)
def test_peta_page_default_measure(app, expected, kab):
    at = app("pages/1_Peta.py", kab)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sorted(spec["data"][0]["locations"]) == ["6301", "6371", "6372"]
    kode = kode_of(kab)
    # the map opens on a measure backed by published per-unit figures, not on an allocation's echo
    assert ukuran.BAWAAN_PETA == "kpm_per_1rb_penduduk"
    u = ukuran.UKURAN[ukuran.BAWAAN_PETA]
    mark = "*" if expected.estimasi("kpm_pkh", kode) or expected.estimasi("penduduk", kode) else ""
    assert at.metric[0].value == fmt.angka(expected(u.kode, kode), "id", u.desimal) + mark
    coloured = spec["data"][1]
    assert coloured["zmin"] == 0  # the colour scale starts at zero: a small spread stays a small difference


@pytest.mark.parametrize("kode_ukuran", ukuran.PETA)
def test_peta_page_every_measure(app, expected, kode_ukuran):
    at = app("pages/1_Peta.py", "6371,6372", ukuran=kode_ukuran)
    u = ukuran.UKURAN[kode_ukuran]
    mark = "*" if any(expected.estimasi(d, [6371, 6372]) for d in u.dasar) else ""
    assert at.metric[0].value == fmt.angka(expected(kode_ukuran, [6371, 6372]), "id", u.desimal) + mark
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    z = dict(zip(spec["data"][1]["locations"], spec["data"][1]["z"]))
    assert z["6371"] == pytest.approx(expected(kode_ukuran, [6371]))
    # a unit whose value only repeats an allocation rule is grey, left out of the colour scale
    grey = ukuran.per_wilayah(expected.ind, kode_ukuran).set_index("kode_bps")["artefak"]
    assert {k for k, v in z.items() if v is None} == {str(k) for k, g in grey.items() if g}


def test_map_click_toggles_the_global_filter(app):
    at = app("pages/1_Peta.py", "6371")
    assert at.session_state["kab"] == [6371]
    at.session_state["peta_0"] = {"selection": {"points": [{"location": "6301"}], "point_indices": [0]}}
    at.run()
    assert at.session_state["kab"] == [6301, 6371]
    assert at.query_params["kab"] == "6301,6371"


def test_sumber_page_lists_every_source(app, fixture_con):
    at = app("pages/5_Sumber.py", "6371")
    shown = at.dataframe[1].value
    assert list(shown["ID"]) == list(db.run(fixture_con, "sumber")["sumber_id"])
    # readers' labels, no internal names or codes
    assert "sumber_id" not in shown.columns and "Angka terbitan" in shown.columns
    periods = at.dataframe[0].value
    assert list(periods.columns) == ["Data", "Periode", "resmi", "berita", "estimasi"]
    assert not {"kpm_pkh", "p0_persen", "pilar"} & set(periods["Data"])


def admin_expanders(at):
    return [e for e in at.expander if "Admin" in e.label]


def test_no_admin_without_a_configured_password(app, monkeypatch):
    monkeypatch.setenv("PILAR_ADMIN", "1")  # the old switch alone enables nothing
    monkeypatch.delenv("PILAR_ADMIN_SANDI", raising=False)
    at = app("pages/1_Peta.py")
    assert not admin_expanders(at) and not at.text_input
    assert any("PILAR_ADMIN_SANDI" in c.value for c in at.caption)  # says how to enable it
    assert any("python -m pilar boundaries install" in i.value for i in at.info)  # how to get boundaries


def test_admin_form_only_after_login_with_the_password(app, monkeypatch):
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "rahasia-uji")
    at = app("pages/1_Peta.py")
    assert [e.label for e in admin_expanders(at)] == ["Admin"]  # only the login
    at.text_input(key="admin_sandi_input").input("salah")
    at.button[0].click().run()
    assert any("salah" in e.value for e in at.error)
    assert [e.label for e in admin_expanders(at)] == ["Admin"]
    at.text_input(key="admin_sandi_input").input("rahasia-uji")
    at.button[0].click().run()
    assert not at.exception
    assert "Admin: pasang batas wilayah" in [e.label for e in admin_expanders(at)]


def test_boundaries_installed_while_the_app_runs_are_drawn_with_attribution(db, monkeypatch, tmp_path):
    from pilar import batas
    target = db  # data/sources without the shipped boundaries (tests/geo_fixtures.py)
    monkeypatch.setenv("PILAR_DB", str(target))

    def peta():
        return buka_app("pages/1_Peta.py")

    at = peta()
    assert at.radio(key="peta_tampilan").options == ["Peta ubin (13 kotak sama besar)"]
    src = geo_fixtures.tulis_geojson(geo_fixtures.kalsel(), tmp_path / "kalsel.geojson")
    batas.install(src, attribution="Atribusi uji", db_path=target)
    at = peta()  # same process: the swapped-in file must be read, not the old one
    assert at.radio(key="peta_tampilan").value == "geo"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(spec["data"][0]["geojson"]["features"]) == 13
    assert any("Atribusi uji" in c.value for c in at.caption)


@pytest.mark.parametrize("lang, expected_text", [("id", "5.788"), ("en", "5,788")])
def test_table_display_values_follow_the_interface_language(lang, expected_text):
    import pandas as pd

    from pilar import ui
    df = pd.DataFrame({"KPM": [5788.0], "Rasio": [246.444]})
    df.attrs["desimal"] = {"Rasio": 1}
    html = ui.gaya(df, lang).to_html()
    assert expected_text in html and ("246,4" if lang == "id" else "246.4") in html
    assert df["Rasio"].dtype.kind == "f"  # the data stay numbers (sorting), only the display is text
