"""AppTest of the home page (Ringkasan) on the fixture database."""
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT


@pytest.fixture()
def app(fixture_db_path, monkeypatch):
    monkeypatch.setenv("PILAR_DB", str(fixture_db_path))
    monkeypatch.setenv("PILAR_SOURCES", str(ROOT / "tests" / "fixtures" / "sources"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_whole_province(app):
    at = app.run()
    assert not at.exception
    m = metrics(at)
    assert m["LKS"] == "35" and m["PSM"] == "135" and m["KPM PKH"] == "18.000"
    assert "23 September 2025" in at.markdown[0].value


def test_one_unit_from_url_shows_its_figures_and_marks_estimates(app):
    app.query_params["kab"] = "6372"
    at = app.run()
    assert not at.exception
    m = metrics(at)
    assert m["Pendamping PKH"] == "15" and m["KPM PKH"] == "4.000"
    assert any("estimasi" in w.value for w in at.warning)
    assert at.query_params["kab"] == "6372"


def test_several_units_and_unknown_code(app):
    app.query_params["kab"] = "6371,6301,9999"
    at = app.run()
    assert not at.exception
    assert metrics(at)["Tagana"] == "140"
    assert any("9999" in w.value for w in at.warning)
    assert at.query_params["kab"] == "6301,6371"


def test_english_switch(app):
    app.query_params["lang"] = "en"
    at = app.run()
    assert not at.exception
    assert metrics(at)["PKH families"] == "18,000"
