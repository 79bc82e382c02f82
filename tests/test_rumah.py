"""House rules a new maintainer can rely on: modules you can hold in your head."""
import ast

import pytest

from conftest import ROOT

FILES = sorted([*(ROOT / "pilar").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text()
    assert len(text.splitlines()) <= 500
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(ast.parse(text))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert long == []
