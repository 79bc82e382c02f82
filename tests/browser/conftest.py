"""Browser fixtures: the dashboard on a free 127.0.0.1 port, Debian's Chromium, and a network guard."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

import geo_fixtures
from browser import harness
from conftest import REAL_SOURCES, ROOT

APPS = Path(__file__).with_name("apps")
expect.set_options(timeout=harness.TIMEOUT_MS)  # generous waits (a loaded 2-core CI); no timing asserted


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives the app in Chromium (select with -m browser)")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_db(tmp_path_factory) -> Path:
    """A database built from the real sources, for the app under test and for expected values."""
    from pilar import build
    return build.build(REAL_SOURCES, tmp_path_factory.mktemp("browser") / "pilar.duckdb").path


@pytest.fixture(scope="session")
def app_server(app_db, tmp_path_factory):
    log = tmp_path_factory.mktemp("logs") / "dashboard.log"
    server = harness.Server(ROOT / "server.py", log=log,
                            env={"PILAR_DB": str(app_db), "PILAR_SOURCES": str(REAL_SOURCES),
                                 "PILAR_DIALOG": str(tmp_path_factory.mktemp("dialog") / "dialog.sqlite")})
    try:
        yield server.wait_healthy()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def geo_server(tmp_path_factory):
    """The dashboard on a database with synthetic boundaries installed by the CLI."""
    from pilar import build
    work = tmp_path_factory.mktemp("geo")
    db = build.build(REAL_SOURCES, work / "pilar.duckdb").path
    GEOJSON = geo_fixtures.tulis_geojson(geo_fixtures.kalsel(), work / "kalsel.geojson")
    env = {"PILAR_DB": str(db), "PILAR_SOURCES": str(REAL_SOURCES)}
    subprocess.run([sys.executable, "-m", "pilar", "boundaries", "install", str(GEOJSON),
                    "--licence", "CC BY 3.0 IGO", "--attribution", "geoBoundaries (uji)"],
                   cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True)
    server = harness.Server(ROOT / "server.py", env=env, log=tmp_path_factory.mktemp("logs") / "geo.log")
    try:
        yield server.wait_healthy()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def base_url(app_server) -> str:
    # pytest-playwright passes this to every context: page.goto("/?kab=6371").
    return app_server.url


@pytest.fixture(scope="session")
def serve_app(tmp_path_factory):
    """Start one of the tiny apps in tests/browser/apps/ (once per session); returns its URL."""
    servers: dict[str, harness.Server] = {}

    def _serve(name: str) -> str:
        if name not in servers:
            log = tmp_path_factory.mktemp("logs") / f"{name}.log"
            servers[name] = harness.Server(APPS / name, log=log,
                                           args=["--server.enableStaticServing", "true"]).wait_healthy()
        return servers[name].url

    yield _serve
    for s in servers.values():
        s.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": harness.CHROMIUM, "args": harness.CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def net_guard(request):
    """Records every request of the test's browser contexts; a non-local one is blocked and fails the test."""
    return harness.NetGuard()


@pytest.fixture
def new_context(new_context, net_guard):
    def _new_context(**kwargs):
        ctx = new_context(**kwargs)
        net_guard.attach(ctx)
        return ctx
    return _new_context


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    guard = getattr(item, "funcargs", {}).get("net_guard")
    if guard is not None and guard.external:
        pytest.fail(f"request(s) left 127.0.0.1: {guard.external}", pytrace=False)
    return result
