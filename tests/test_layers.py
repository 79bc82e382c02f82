"""The core package stays free of Streamlit; only pilar.ui imports it."""
import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "pilar"


def imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_modules_do_not_import_streamlit():
    for path in CORE.rglob("*.py"):
        if path.name.startswith("ui"):  # ui.py, ui_admin.py and ui_impor.py are the Streamlit layer
            continue
        assert not any(m.split(".")[0] == "streamlit" for m in imports(path)), path.name
