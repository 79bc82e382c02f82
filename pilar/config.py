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
