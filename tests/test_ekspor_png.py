"""Every chart's modebar saves a projector-sized PNG named after the chart, the units chosen and the period."""
import json

import pytest

from browser.expected import slug
from conftest import buka_app
from pilar import db, ukuran


@pytest.fixture()
def real_env(real_db_path, monkeypatch):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))


def configs(at) -> list[dict]:
    return [json.loads(c.proto.config) for c in at.get("plotly_chart")]


def test_map_chart_saves_1920x1080_png_named_after_measure_units_and_period(real_env, real_con):
    at = buka_app("pages/1_Peta.py", kab="6371,6372")
    latest = db.run(real_con, "kuartal_data")["kuartal"].max()
    (cfg,) = configs(at)
    assert cfg["displayModeBar"] is True and "toImage" not in cfg["modeBarButtonsToRemove"]
    assert cfg["topojsonURL"] == "app/static/" and cfg["displaylogo"] is False  # the offline settings stay
    label = ukuran.UKURAN[ukuran.BAWAAN_PETA].label("id")
    png = cfg["toImageButtonOptions"]
    assert (png["width"] * png["scale"], png["height"] * png["scale"]) == (1920, 1080)  # full HD pixels
    assert png["format"] == "png" and png["scale"] >= 1.5  # laid out smaller than drawn: larger text
    assert png["filename"] == f"{slug(label)}_banjarmasin_banjarbaru_{slug(latest)}"


def test_every_chart_of_the_ratio_page_has_its_own_name_for_the_whole_province(real_env, real_con):
    at = buka_app("pages/2_Rasio.py", periode="2023-Q4")
    names = [c["toImageButtonOptions"]["filename"] for c in configs(at)]
    assert len(names) >= 2 and len(set(names)) == len(names)
    assert all(n.endswith("_kalsel_2023-q4") and n.isascii() for n in names), names
    assert any(n.startswith(slug(ukuran.UKURAN["kpm_per_pendamping"].label("id"))) for n in names), names
