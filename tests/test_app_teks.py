"""Text from a file or the database reaches the page as text: a unit named like a Markdown link,
an image or HTML is shown, never rendered (AppTest on fixture sources with a hostile name)."""
import json
import re
import shutil

import pytest
from conftest import FIXTURE_SOURCES, buka_app
from pilar import build

JAHAT = "Kota [Banjar](http://evil.example/x) ![i](http://evil.example/i.png) <b>tebal</b>"
PAGES = ["dashboard.py", "pages/1_Peta.py", "pages/2_Rasio.py", "pages/4_Proyeksi.py", "pages/5_Sumber.py"]


@pytest.fixture(scope="module")
def db_jahat(tmp_path_factory):
    src = tmp_path_factory.mktemp("jahat") / "sources"
    shutil.copytree(FIXTURE_SOURCES, src)
    csv = src / "wilayah.csv"
    csv.write_text(csv.read_text().replace("Kota Banjarbaru,Banjarbaru", f'"{JAHAT}","{JAHAT}"'))
    return src, build.build(src, src.parent / "pilar.duckdb").path


def unsafe(markdown: str) -> list[str]:
    """Links, images or HTML tags that Markdown would act on, outside inline code spans."""
    outside = re.sub(r"(`+).*?\1", "", markdown)
    return re.findall(r"\]\(http|<b>|<img", outside)


@pytest.mark.parametrize("halaman", PAGES)
def test_a_hostile_unit_name_stays_text(db_jahat, halaman, monkeypatch):
    src, db = db_jahat
    monkeypatch.setenv("PILAR_DB", str(db))
    monkeypatch.setenv("PILAR_SOURCES", str(src))
    at = buka_app(halaman, kab="6372")
    texts = [e.value for kind in ("markdown", "caption", "warning", "info", "error")
             for e in getattr(at, kind)]
    assert any(JAHAT in x for x in texts) or halaman == "pages/5_Sumber.py"  # shown, as text
    assert [x for x in texts if unsafe(x)] == []
    for chart in at.get("plotly_chart"):
        spec = json.dumps(json.loads(chart.proto.spec)["data"])
        assert "<b>tebal" not in spec  # plotly would render it: escaped to &lt;b&gt;
