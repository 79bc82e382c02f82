"""Shared fixtures: the small hand-made fixture database and the real one, both built by the tests."""
import shutil
from pathlib import Path

import pytest

from pilar import build, db

# Synthetic boundaries (13 units and decoys) for every test that needs geometry; no ../shared.
pytest_plugins = ["geo_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SOURCES = ROOT / "tests" / "fixtures" / "sources"
REAL_SOURCES = ROOT / "data" / "sources"

# The province totals announced at the Kalsel social-pillar dialog, 23 Sept 2025.
FORUM_TOTALS = {"lks": 199, "tksk": 122, "psm": 1263, "karang_taruna": 1127,
                "pendamping_pkh": 385, "tagana": 1411, "pelopor_perdamaian": 56}


@pytest.fixture(autouse=True)
def admin_bersih(monkeypatch):
    """Every test starts with no login attempts counted and no admin session (pilar.admin keeps them per process)."""
    from collections import deque

    from pilar import admin
    monkeypatch.setattr(admin, "_percobaan", {})
    monkeypatch.setattr(admin, "_jaringan", deque())
    monkeypatch.setattr(admin, "_sesi", {})


@pytest.fixture(autouse=True)
def dialog_sendiri(tmp_path_factory, monkeypatch):
    """Every test has its own dialog store (PILAR_DIALOG), never the repository's data/dialog.sqlite."""
    monkeypatch.setenv("PILAR_DIALOG", str(tmp_path_factory.mktemp("dialog") / "dialog.sqlite"))


@pytest.fixture(scope="session")
def fixture_db_path(tmp_path_factory) -> Path:
    return build.build(FIXTURE_SOURCES, tmp_path_factory.mktemp("fixture") / "pilar.duckdb").path


@pytest.fixture()
def fixture_con(fixture_db_path):
    con = db.connect(fixture_db_path)
    yield con
    con.close()


@pytest.fixture(scope="session")
def real_db_path(tmp_path_factory) -> Path:
    return build.build(REAL_SOURCES, tmp_path_factory.mktemp("real") / "pilar.duckdb").path


@pytest.fixture()
def real_con(real_db_path):
    con = db.connect(real_db_path)
    yield con
    con.close()


@pytest.fixture()
def sources_copy(tmp_path) -> Path:
    """A writable copy of the real source tables."""
    dst = tmp_path / "sources"
    shutil.copytree(REAL_SOURCES, dst, ignore=shutil.ignore_patterns("*.md"))
    return dst


def buka_app(page: str = "dashboard.py", jalankan: bool = True, **params):
    """Open a page of the app on the database PILAR_DB points at, as a user following a link would:
    the home page first (it reads the URL), then ``page``. Fails on any exception.
    ``jalankan=False``: the page is opened directly and not yet run (the caller runs it)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for k, v in params.items():
        if v:
            at.query_params[k] = v
    if not jalankan:
        return at.switch_page(page)
    at.run()
    if page != "dashboard.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture()
def buka(fixture_db_path, monkeypatch):
    """``buka_app`` on the fixture database."""
    monkeypatch.setenv("PILAR_DB", str(fixture_db_path))
    monkeypatch.setenv("PILAR_SOURCES", str(FIXTURE_SOURCES))
    return buka_app
