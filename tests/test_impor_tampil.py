"""How the import page shows things: the preview (codes as codes, '–' for none, Indonesian numbers), times in
the office's zone with Indonesian month names, one upload limit in the label, the widget and the config."""
from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from conftest import ROOT
from pilar import config, ui_impor
from pilar import format as fmt
from pilar.impor import dasar
from pilar.impor.rencana import Perubahan, Rencana
from pilar.teks import t


def rencana() -> Rencana:
    ps = [Perubahan(6301, "Kabupaten Tanah Laut", "lks", 1200, 1263, 7, "sumber S01 (estimasi)"),
          Perubahan(6301, "Kabupaten Tanah Laut", "tksk", None, 9, 7, None),
          Perubahan(6372, "Kota Banjarbaru", "psm", 2500, 40, 8, "impor #3")]
    return Rencana("pilar", "2025-12-31", "a.xlsx", "ab", "Rekap", 5, ps, {})


def test_pratinjau_kode_sebagai_kode_kosong_sebagai_strip_angka_indonesia():
    df = ui_impor.tabel_pratinjau(rencana(), "id")
    assert list(df.columns) == ["Kode BPS", "Kabupaten/kota", "Angka", "Sekarang", "Baru", "Selisih",
                                "Asal angka sekarang", "Baris di berkas"]
    assert df["Kode BPS"].tolist() == ["6301", "6301", "6372"]
    assert df["Sekarang"].tolist() == ["1.200", "–", "2.500"]
    assert df["Baru"].tolist() == ["1.263", "9", "40"]
    assert df["Selisih"].tolist() == ["+63", "–", "-2.460"]
    assert df["Asal angka sekarang"].tolist() == ["sumber S01 (estimasi)", "–", "impor #3"]
    assert df["Baris di berkas"].tolist() == ["7", "7", "8"]
    assert "None" not in df.to_string() and "nan" not in df.to_string().lower()
    en = ui_impor.tabel_pratinjau(rencana(), "en")
    assert en["New"].tolist() == ["1,263", "9", "40"] and en["BPS code"].tolist()[0] == "6301"


@pytest.mark.parametrize("stored, zona, harapan", [
    ("2026-12-04T08:54:51+00:00", None, "4 Desember 2026 16.54 WITA"),
    ("2026-12-04T16:54:51+08:00", None, "4 Desember 2026 16.54 WITA"),
    ("2026-01-31T23:30:00+00:00", None, "1 Februari 2026 07.30 WITA"),  # the next day in Banjarmasin
    ("2026-12-04T08:54:51+00:00", "Asia/Jakarta", "4 Desember 2026 15.54 WIB"),
    ("2026-12-04T08:54:51+00:00", "Asia/Jayapura", "4 Desember 2026 17.54 WIT"),
    ("2026-12-04T08:54:51", None, "4 Desember 2026 16.54 WITA"),  # naive: UTC
    (None, None, "–"), ("", None, "–")])
def test_waktu_di_zona_kantor(stored, zona, harapan, monkeypatch):
    if zona:
        monkeypatch.setenv("PILAR_ZONA_WAKTU", zona)
    else:
        monkeypatch.delenv("PILAR_ZONA_WAKTU", raising=False)
    assert fmt.waktu_zona(stored) == harapan


def test_zona_waktu_satu_setelan_dengan_bawaan(monkeypatch):
    monkeypatch.delenv("PILAR_ZONA_WAKTU", raising=False)
    assert config.zona_waktu() == "Asia/Makassar"
    for salah in ("Mars/Olympus", "../etc/passwd", "   "):
        monkeypatch.setenv("PILAR_ZONA_WAKTU", salah)
        assert config.zona_waktu() == "Asia/Makassar"
    monkeypatch.setenv("PILAR_ZONA_WAKTU", "Asia/Jakarta")
    assert fmt.waktu_zona(dt.datetime(2026, 12, 4, 8, 54, tzinfo=dt.timezone.utc), "en") == "December 4, 2026, 15:54 WIB"


def test_satu_batas_unggah_di_label_widget_dan_konfigurasi():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["maxUploadSize"] * 2**20 == dasar.MAKS_BYTE
    assert dasar.ukuran_mb(dasar.MAKS_BYTE) == "20 MB"
    assert t("impor_berkas", "id").format(mb=dasar.ukuran_mb(dasar.MAKS_BYTE)) == (
        "Berkas (xlsx, xls, ods, csv; paling besar 20 MB)")
    kode = (ROOT / "pilar" / "ui_impor.py").read_text()
    assert "max_upload_size=dasar.MAKS_BYTE // 2**20" in kode  # the widget's own limit, the same number
