"""What every part of ``pilar.batas`` shares: the error type, limits, table names, number wording."""
from __future__ import annotations

from .. import format as fmt

GEOBOUNDARIES_API = "https://www.geoboundaries.org/api/current/gbOpen/IDN/ADM2/"
LISENSI_GEOBOUNDARIES = "CC BY 3.0 IGO"
ATRIBUSI_GEOBOUNDARIES = (
    "Batas kabupaten/kota: BPS, WFP & OCHA ROAP (COD-AB Indonesia 2020) via geoBoundaries, "
    "CC BY 3.0 IGO. Dimodifikasi (disederhanakan, dipotong untuk Kalimantan Selatan).")
# The geoBoundaries release whose provenance was checked (see ../shared/geo/SOURCE.md).
GB_ID_DIPERIKSA = "IDN-ADM2-22746128"

CARA_PASANG = (
    "Pasang batas dari berkas Anda (GeoJSON, Shapefile .zip/.shp, GeoPackage): "
    "`python -m pilar boundaries install BERKAS --source ... --licence ... --attribution ...`; "
    "atau unduh set terbuka geoBoundaries bila ada internet: `python -m pilar boundaries download`.")

MAX_BYTES = 200 * 1024 * 1024     # input file (or total unzipped size) limit
ANGGARAN_BYTES = 300_000          # GeoJSON of all 13 units, as sent to the browser
GRID = 1e-5                       # output precision in degrees (5 decimals)
DESIMAL = 5

TABEL_WILAYAH = "batas_wilayah"
TABEL_META = "batas_meta"

SARAN_OFFLINE = ("Sambungkan komputer ke internet lalu coba lagi, atau unduh berkas batas di komputer lain "
                 "dan pasang dengan `python -m pilar boundaries install BERKAS`.")


class BatasError(Exception):
    """Bad boundary input or a failed download; ``pesan`` is one paragraph in Bahasa Indonesia."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def angka(x: float, desimal: int = 0) -> str:
    """Indonesian number wording through pilar.format (Babel): 1234.5 -> '1.234,5'."""
    return fmt.angka(x, "id", desimal)


def kb(n: int) -> str:
    return f"{angka(n / 1000, 1)} KB"


def mb(n: int) -> str:
    return f"{angka(n / 1024 / 1024, 1)} MB"


def persen(bagian: float, total: float) -> str:
    return f"{angka(100 * bagian / total)}%"


def luas(km2: float) -> str:
    return "kurang dari 0,1 km²" if km2 < 0.05 else f"sekitar {angka(km2, 1)} km²"


def satu_baris(e: BaseException) -> str:
    """The first line of an error, short enough for a one-paragraph message."""
    s = str(e).strip().splitlines()
    return (s[0] if s else type(e).__name__)[:200]


def detik(x: float) -> str:
    """Seconds as an Indonesian reader writes them: 60 -> '60', 0.5 -> '0,5'."""
    return angka(x, 0 if float(x).is_integer() else 1)
