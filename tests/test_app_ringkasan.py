"""AppTest of the home page (Ringkasan) on the fixture database."""
import json
import shutil

import pytest

from conftest import FIXTURE_SOURCES, buka_app
from pilar import build


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


@pytest.fixture()
def sumber_rusak(tmp_path):
    """Fixture sources whose kpm.csv holds a header only (refused by the build)."""
    bad = tmp_path / "sources"
    shutil.copytree(FIXTURE_SOURCES, bad)
    (bad / "kpm.csv").write_text("kode_bps,program,periode,jumlah,sumber_id,status,catatan\n")
    return bad


def test_no_usable_database_gives_one_paragraph_not_a_traceback(tmp_path, sumber_rusak, monkeypatch):
    bad = sumber_rusak
    monkeypatch.setenv("PILAR_DB", str(tmp_path / "pilar.duckdb"))  # nothing built yet
    monkeypatch.setenv("PILAR_SOURCES", str(bad))
    at = buka_app()
    assert len(at.error) == 1 and "kpm.csv" in at.error[0].value.replace("\\", "")
    assert not (tmp_path / "pilar.duckdb").exists()


def test_invalid_sources_serve_the_last_good_database_and_tell_only_admins(tmp_path, sumber_rusak, monkeypatch):
    target = build.build(FIXTURE_SOURCES, tmp_path / "pilar.duckdb").path
    monkeypatch.setenv("PILAR_DB", str(target))
    monkeypatch.setenv("PILAR_SOURCES", str(sumber_rusak))
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "uji")
    at = buka_app()
    assert metrics(at)["LKS"] == "35"  # the last good figures
    assert not at.error  # visitors are not told
    at.text_input(key="admin_sandi_input").input("uji")
    at.button[0].click().run()
    assert any("kpm.csv" in e.value.replace("\\", "") for e in at.error)


def test_period_from_url_shows_that_periods_figures(app):
    # fixture: LKS 1, 2, 3 reported for 2024-01-01; the other pillars only for 2025-09-23
    at = app(periode="2024-Q1")
    m = metrics(at)
    assert m["LKS"].rstrip("*") == "6" and m["TKSK"] == "–"
    assert at.query_params["periode"] == "2024-Q1"
    assert at.selectbox(key="_kuartal").value == "2024-Q1"


def test_latest_by_default_and_every_period_selectable(app):
    at = app()
    box = at.selectbox(key="_kuartal")
    assert box.value is None and box.options[0].startswith("Terbaru (triwulan 3 2025)")
    assert [o for o in box.options[1:]] == ["triwulan 3 2025", "triwulan 1 2024", "triwulan 2 2022",
                                            "triwulan 4 2021"]
    assert "periode" not in at.query_params


def test_unknown_period_in_url_is_a_notice_and_the_latest_is_shown(app):
    at = app(periode="2099-Q1")
    assert any("2099-Q1" in w.value for w in at.warning)
    assert metrics(at)["LKS"] == "35"



def test_trend_shows_each_period_as_of_that_period(app):
    at = app()
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    tren = charts[-1]
    titles = [a["text"] for a in tren["layout"]["annotations"]]
    lks, kpm = tren["data"][titles.index("LKS")], tren["data"][titles.index("KPM PKH")]
    assert lks["x"] == ["triwulan 4 2021", "triwulan 2 2022", "triwulan 1 2024", "triwulan 3 2025"]
    # fixture: LKS 1+2+3 in 2024-01-01 and 35 in 2025-09-23; KPM 1 per unit in 2021-Q4, 18.000 in 2022-Q2
    assert lks["y"] == [None, None, 6, 35]
    assert kpm["y"] == [3, 18000, 18000, 18000]


def test_every_page_says_when_the_data_were_updated(buka, fixture_db_path):
    import datetime as dt

    from pilar import format as fmt
    when = fmt.waktu(dt.datetime.fromtimestamp(fixture_db_path.stat().st_mtime, dt.timezone.utc))
    for page in ("dashboard.py", "pages/1_Peta.py", "pages/5_Sumber.py"):
        at = buka(page)
        assert f"Data diperbarui: {when}" in [c.value for c in at.sidebar.caption]


def test_cards_carry_their_unit(app):
    at = app(kab="6372")
    lines = [m.value for m in at.markdown]
    assert "orang :orange-badge[estimasi]" in lines  # Pendamping PKH of Banjarbaru: unit, then status
    assert any(x.startswith("keluarga") for x in lines)  # KPM PKH
