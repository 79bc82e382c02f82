"""AppTest of the home page (Ringkasan) on the fixture database."""
import pytest


@pytest.fixture()
def app(buka):
    return buka


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_whole_province(app):
    at = app()
    m = metrics(at)
    assert m["LKS"] == "35" and m["PSM"] == "135" and m["KPM PKH"] == "18.000"
    assert "23 September 2025" in at.markdown[0].value


def test_one_unit_from_url_shows_its_figures_and_marks_estimates(app):
    at = app(kab="6372")
    m = metrics(at)
    assert m["Pendamping PKH"] == "15*" and m["KPM PKH"] == "4.000*"  # both estimated in the fixture
    assert any("estimasi" in w.value for w in at.warning)
    assert at.query_params["kab"] == "6372"


def test_several_units_and_unknown_code(app):
    at = app(kab="6371,6301,9999")
    assert metrics(at)["Tagana"] == "140"
    assert any("9999" in w.value for w in at.warning)
    assert at.query_params["kab"] == "6301,6371"


def test_english_switch(app):
    at = app(lang="en")
    assert metrics(at)["PKH families"] == "18,000"
