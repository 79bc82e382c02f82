"""Browser fixtures: the dashboard on a free 127.0.0.1 port, Debian's Chromium, and a network guard."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

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
    server = harness.Server(ROOT / "dashboard.py", log=log,
                            env={"PILAR_DB": str(app_db), "PILAR_SOURCES": str(REAL_SOURCES)})
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
