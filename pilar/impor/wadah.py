"""What a file really is, and whether it is safe to unpack: before any reader touches it.

``jenis_isi`` tells a file's kind from its bytes (not its name); ``periksa_zip`` checks a zip
container (xlsx, ods) against a zip bomb: the sizes its directory declares, the number of parts,
the packing ratio of each part, and then the real unpacked size, read in chunks up to the limit.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from . import dasar
from .dasar import ImporError

ZIP = b"PK\x03\x04"
ZIP_KOSONG = b"PK\x05\x06"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MIMETYPE_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
# File name ending -> the kind of content it must hold.
AKHIRAN = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods", ".csv": "csv", ".txt": "csv"}
NAMA_ISI = {"xlsx": "buku kerja Excel (xlsx)", "xls": "buku kerja Excel lama (xls)", "ods": "lembar kerja "
            "OpenDocument (ods)", "csv": "teks (CSV)", "zip": "arsip zip yang rusak atau bukan lembar kerja",
            "ole": "dokumen Office lama yang bukan lembar kerja (mis. Word .doc)",
            "terkunci": "buku kerja Excel yang dilindungi kata sandi", "pdf": "dokumen PDF",
            "html": "halaman web (HTML)", "biner": "berkas biner yang bukan lembar kerja"}


def _jenis_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names and z.getinfo("mimetype").file_size < 200 and \
                    z.read("mimetype").strip() == MIMETYPE_ODS:
                return "ods"
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        return "zip"
    return "zip"


def _jenis_ole(data: bytes) -> str:
    import xlrd.compdoc  # the compound-file reader only

    try:
        cd = xlrd.compdoc.CompDoc(data, logfile=io.StringIO())
        names = {e.name for e in cd.dirlist}
    except Exception:  # xlrd raises CompDocError and others on a damaged file
        return "ole"
    if "EncryptedPackage" in names:
        return "terkunci"
    return "xls" if {"Workbook", "Book"} & names else "ole"


def jenis_isi(data: bytes) -> str:
    """'xlsx', 'ods', 'xls', 'csv' or what else the bytes are (a key of NAMA_ISI)."""
    if data.startswith((ZIP, ZIP_KOSONG)):
        return _jenis_zip(data)
    if data.startswith(OLE):
        return _jenis_ole(data)
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"  # UTF-16 text (Excel's "Unicode text")
    awal = data[:65536]
    if b"\x00" in awal:
        return "biner"
    kepala = awal[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kepala.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in kepala[:300]:
        return "html"
    return "csv"


def periksa_jenis(nama: str, akhiran: str, data: bytes) -> str:
    """The file's kind, when its name ending and its content agree; else ImporError."""
    if akhiran not in AKHIRAN:
        raise ImporError(f"{nama}: jenis berkas '{akhiran or '(tanpa akhiran)'}' tidak didukung; "
                         "pakai .xlsx, .xls, .ods atau .csv")
    isi = jenis_isi(data)
    if isi != AKHIRAN[akhiran]:
        saran = ("simpan ulang tanpa kata sandi" if isi == "terkunci"
                 else "buka di Excel atau LibreOffice lalu simpan sebagai .xlsx")
        raise ImporError(f"{nama}: berakhiran {akhiran} tetapi isinya {NAMA_ISI.get(isi, isi)}; "
                         f"berkas tidak dibaca. {saran[0].upper() + saran[1:]}.")
    return isi


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def periksa_zip(nama: str, data: bytes) -> None:
    """Refuse a container that unpacks past the limits (declared sizes first, then the real ones)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > dasar.MAKS_BAGIAN:
                raise ImporError(f"{nama}: berisi {len(infos)} bagian (paling banyak {dasar.MAKS_BAGIAN}); "
                                 "bukan lembar kerja biasa, tidak dibuka")
            _periksa_ukuran(nama, infos)
            _hitung_terurai(nama, z, infos)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as e:
        raise ImporError(f"{nama}: berkas rusak, tidak bisa dibuka sebagai zip ({e}); simpan ulang dari "
                         "Excel atau LibreOffice") from None


def _bom(nama: str, apa: str) -> ImporError:
    return ImporError(f"{nama}: {apa}; berkas seperti ini (bom zip) tidak dibuka. Lembar kerja rekap "
                      "13 kabupaten/kota hanya beberapa kB")


def _periksa_ukuran(nama: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > dasar.MAKS_TERURAI:
        raise _bom(nama, f"bila dibuka isinya {_mb(total)}, melebihi batas {_mb(dasar.MAKS_TERURAI)}")
    for i in infos:
        if i.file_size > dasar.RASIO_MULAI and i.file_size > dasar.MAKS_RASIO * max(i.compress_size, 1):
            raise _bom(nama, f"bagian {i.filename} memadat {i.file_size // max(i.compress_size, 1)} kali "
                             f"({_mb(i.file_size)} dari {i.compress_size} bait)")


def _hitung_terurai(nama: str, z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Unpack every part in chunks, counting: a directory that lies about sizes is caught here."""
    sisa = dasar.MAKS_TERURAI
    for i in infos:
        with z.open(i) as f:
            while True:
                potong = f.read(1 << 20)
                if not potong:
                    break
                sisa -= len(potong)
                if sisa < 0:
                    raise _bom(nama, f"isinya melebihi {_mb(dasar.MAKS_TERURAI)} bila dibuka")
