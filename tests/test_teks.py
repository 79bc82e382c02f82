"""The interface text catalog (pilar/teks/) is complete and has no dead entries."""
import ast
import re
import string

from conftest import ROOT
from pilar import status
from pilar import teks
from pilar.teks import TEKS, t

CODE = [p for p in [*(ROOT / "pilar").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]
        if "teks" not in p.relative_to(ROOT).parts[:2]]


def constants_and_calls():
    consts, calls = set(), set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                consts.add(node.value)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                calls.add(node.args[0].value)
    return consts, calls


def placeholders(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_each_key_lives_in_one_part_of_the_catalog():
    keys = [k for bagian in teks._BAGIAN for k in bagian]
    assert len(keys) == len(set(keys)) == len(TEKS)


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, (idn, en) in TEKS.items():
        assert idn.strip() and en.strip(), key
        assert placeholders(idn) == placeholders(en), key


def test_every_text_the_code_asks_for_exists():
    _, calls = constants_and_calls()
    assert sorted(calls - set(TEKS)) == []


def test_no_text_is_unused():
    consts, _ = constants_and_calls()
    assert sorted(set(TEKS) - consts) == []


def test_status_words_and_mark_come_from_pilar_status():
    assert "{estimasi}" in TEKS["tanda_estimasi"][0] and "{tanda}" in TEKS["tanda_estimasi"][0]
    assert t("tanda_estimasi", "en") == f"{status.TANDA_ESTIMASI} and hatching = {status.kata('estimasi', 'en')} figure."
    # no catalog entry spells a status word itself where the legend could drift from pilar.status
    legend = TEKS["keterangan_status"]
    assert not re.search(r"\*\*(resmi|berita|estimasi|official|press|estimate)\*\*", " ".join(legend))
