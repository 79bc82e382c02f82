"""First load of every page: no error element, and every plotly chart drawn at a plausible size."""
import pytest

from browser.harness import page_url_path, wait_for_charts
from browser.helpers import goto, no_exception
from conftest import ROOT

PAGES = ["/"] + ["/" + page_url_path(p) for p in sorted((ROOT / "pages").glob("*.py"))]
MIN_CHARTS = {"/": 1, "/Peta": 1, "/Rasio": 1, "/Proyeksi": 1}  # pages whose point is a chart


@pytest.mark.parametrize("query", ["", "?kab=6371,6372&lang=en"], ids=["semua", "dua-wilayah-en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_error_and_draws_its_charts(page, path, query):
    goto(page, path + query)
    no_exception(page)
    n = page.locator('[data-testid="stPlotlyChart"]:visible').count()
    assert n >= MIN_CHARTS.get(path, 0)
    if n:
        for c in wait_for_charts(page, n):
            assert c["width"] > 200 and c["height"] > 150, c
