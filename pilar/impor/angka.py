"""A count from a cell: a number, or text as people type it (``1.263`` is a thousand two hundred and
sixty-three, as in Indonesian; ``12,0`` is 12; ``1,5`` and ``12.5`` are fractions and refused; ``-`` is
nil, 0, as in BPS tables)."""
from __future__ import annotations

import datetime as dt
import math
import re

from .. import sumber

_BULAT = re.compile(r"[+-]?[0-9]+")
_TITIK_RIBUAN = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+(,0+)?")
_SPASI_RIBUAN = re.compile(r"[+-]?[0-9]{1,3}( [0-9]{3})+")
_NOL_DESIMAL = re.compile(r"[+-]?[0-9]+,0+")
_PECAHAN = re.compile(r"[+-]?[0-9]*[.,][0-9]+")
STRIP = {"-", "–", "—"}


def kosong(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _dari_teks(v: str) -> tuple[int | None, str | None]:
    s = v.replace("\u00a0", " ").replace("\u202f", " ").strip().lstrip("'").strip()
    if s in STRIP:
        return 0, None
    if _BULAT.fullmatch(s):
        return int(s), None
    if _TITIK_RIBUAN.fullmatch(s) or _SPASI_RIBUAN.fullmatch(s):
        return int(re.sub(r",0+$", "", s).replace(".", "").replace(" ", "")), None
    if _NOL_DESIMAL.fullmatch(s):
        return int(s.split(",")[0]), None
    if _PECAHAN.fullmatch(s):
        return None, (f"'{s}' bukan bilangan bulat (koma adalah tanda desimal, titik pemisah ribuan: "
                      "seribu dua ratus enam puluh tiga ditulis 1263 atau 1.263)")
    return None, f"{_kutip(s)} bukan angka"


def _kutip(s: str) -> str:
    s = " ".join(s.split())
    return repr(s if len(s) <= 40 else s[:39] + "…")


def _angka(v) -> tuple[int | None, str | None]:
    if isinstance(v, bool):
        return None, "berisi nilai benar/salah, bukan jumlah"
    if isinstance(v, (dt.date, dt.time, dt.timedelta)):
        return None, f"berisi tanggal/waktu ({v}), bukan jumlah"
    if isinstance(v, int):
        return v, None
    if isinstance(v, float):
        if not math.isfinite(v):
            return None, "bukan angka"
        if v != int(v):
            return None, f"{str(v).replace('.', ',')} bukan bilangan bulat; jumlah orang atau lembaga tidak berpecahan"
        return int(v), None
    if isinstance(v, str):
        return _dari_teks(v)
    return None, f"{_kutip(str(v))} bukan angka"


def strip(v) -> bool:
    """A dash ('-', '–', '—'): nil, read as 0 (as in BPS tables); the preview names these cells."""
    return isinstance(v, str) and v.replace("\u00a0", " ").strip().lstrip("'").strip() in STRIP


def mirip_angka(v) -> bool:
    """The cell holds a number, well or badly written (1263, '1.263', '12,5', '-3'): a row with one is a
    data row. Text with letters (a note, 'NIP. 1968...', a place and date) is not."""
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return True
    if not isinstance(v, str):
        return False
    s = v.replace("\u00a0", " ").replace("\u202f", " ").strip().lstrip("'").strip()
    return bool(_BULAT.fullmatch(s) or _TITIK_RIBUAN.fullmatch(s) or _SPASI_RIBUAN.fullmatch(s)
                or _NOL_DESIMAL.fullmatch(s) or _PECAHAN.fullmatch(s))


def cacah(v) -> tuple[int | None, str | None]:
    """(count, None) or (None, why the cell is no count). Call only for a non-empty cell."""
    n, salah = _angka(v)
    if salah:
        return None, salah
    if n < 0:
        return None, f"nilai negatif ({n}) tidak boleh"
    if n > sumber.INT_MAKS:
        return None, f"{n} terlalu besar"
    return n, None
