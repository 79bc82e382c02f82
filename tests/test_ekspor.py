"""CSV downloads carry title, period, filter and sources, and still parse as data."""
import io

import pandas as pd

from pilar import ekspor


def test_csv_header_lines_and_body():
    df = pd.DataFrame({"kode_bps": [6371, 6372], "nama": ["Kota Banjarmasin", "Kota Banjarbaru"],
                       "nilai": [246.4, 250.9], "status": ["estimasi", "berita"]})
    data = ekspor.csv_bytes(df, judul="KPM per pendamping", periode="23 September 2025",
                            wilayah="Kota Banjarmasin, Kota Banjarbaru", sumber=["S01: Pemprov", "S19: Dinsos"])
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[:5] == ["# KPM per pendamping", "# Periode: 23 September 2025",
                         "# Wilayah: Kota Banjarmasin, Kota Banjarbaru", "# Sumber: S01: Pemprov",
                         "# Sumber: S19: Dinsos"]
    assert lines[5] == "# Status angka: resmi / berita / estimasi"
    back = pd.read_csv(io.StringIO(text), comment="#")
    assert back.to_dict("list") == df.to_dict("list")


def test_csv_english_labels():
    text = ekspor.csv_bytes(pd.DataFrame({"a": [1]}), judul="T", periode="P", wilayah="W", sumber=[],
                            lang="en").decode("utf-8-sig")
    assert text.splitlines()[:3] == ["# T", "# Period: P", "# Area: W"]
