"""Safe server defaults, read from the files the server actually uses."""
import subprocess
import sys
import tomllib

from conftest import ROOT


def test_server_listens_on_loopback_with_xsrf_and_an_upload_limit():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["address"] == "127.0.0.1"
    assert cfg["server"]["enableXsrfProtection"] is True
    assert 0 < cfg["server"]["maxUploadSize"] <= 200
    assert cfg["browser"]["gatherUsageStats"] is False


def test_streamlit_reads_these_defaults():
    # The interpreter running the tests, not a path into the project's own .venv: the suite must also
    # run from a packaged install or another CI runner's environment.
    out = subprocess.run([sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60).stdout
    assert 'address = "127.0.0.1"' in out
    assert "enableXsrfProtection = true" in out

