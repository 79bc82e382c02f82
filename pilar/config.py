"""Where things live. Environment variables let tests point at fixtures."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
BATAS_BAWAAN = "batas"  # folder in the sources holding the shipped boundaries (pilar.batas.bawaan)


def db_path() -> Path:
    return Path(os.environ.get("PILAR_DB", ROOT / "data" / "pilar.duckdb"))


def sources_dir() -> Path:
    return Path(os.environ.get("PILAR_SOURCES", ROOT / "data" / "sources"))


def dialog_path() -> Path:
    """The dialog store (forums and what the room said): SQLite, beside but never inside the DuckDB file."""
    return Path(os.environ.get("PILAR_DIALOG", ROOT / "data" / "dialog.sqlite"))


ZONA_BAWAAN = "Asia/Makassar"  # Kalimantan Selatan: WITA, UTC+8
# Indonesia's own names of its time zones; any other zone is labelled with its abbreviation.
LABEL_ZONA = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def zona_waktu() -> str:
    """The office's time zone (IANA name), one setting: env PILAR_ZONA_WAKTU, default Asia/Makassar (WITA).
    A name the system does not know falls back to the default."""
    from zoneinfo import ZoneInfo

    nama = os.environ.get("PILAR_ZONA_WAKTU", "").strip() or ZONA_BAWAAN
    try:
        ZoneInfo(nama)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError; '../x' a ValueError
        return ZONA_BAWAAN
    return nama
