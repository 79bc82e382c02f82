"""Source tables in ``data/sources/``: their columns, reading and validation.

Every problem is reported in Bahasa Indonesia (the people who fix a source CSV are
officials) with file, row and column, and all problems are listed at once. Rows are
numbered as a spreadsheet shows the file: the header is row 1.

Accepted: UTF-8 with or without the BOM of Excel's "CSV UTF-8"; commas; at most ``MAKS_BYTE``
per file; at least one data row per table; numbers with a dot for decimals and no thousands
separator (``1.263`` is refused in integer columns and where ``satuan`` is a count); periods
that exist in the calendar, one format per table and indicator so the latest is the largest
text: pilar.csv ``YYYY-MM-DD``; kpm.csv ``YYYY-Qn``; fakta_wilayah.csv, acuan.csv and
fakta_provinsi.csv ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, except totals ``pilar_*`` (dates)
and ``kpm_*`` (quarters); sumber.csv ``tanggal`` ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
The figures the pages read without a fallback (``WAJIB_*``) must be there for every unit.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import status as _status

STATUS = _status.STATUS
JENIS_WILAYAH = ("kabupaten", "kota")
# Bases of the allocation rule (pilar/alokasi.py BASIS_LABEL has one label for each).
BASIS_ALOKASI = ("kecamatan", "desa_kelurahan", "penduduk", "kpm_pkh", "penduduk_x_p0")
MAKS_BYTE = 20 * 1024 * 1024  # a source table is a few kB; more is a wrong file
INT_MAKS = 2**31 - 1  # the database's INTEGER
# Units whose figures are counts: a fraction there is a typing error, '1.263' a thousands separator.
SATUAN_CACAH = frozenset({"kecamatan", "desa", "kelurahan", "jiwa", "orang", "kpm", "keluarga",
                          "lembaga", "organisasi"})
# Figures the pages read without a fallback: without them a page fails, so the build refuses.
WAJIB_FAKTA = ("kecamatan", "desa", "kelurahan", "penduduk", "penduduk_miskin")
WAJIB_ACUAN = ("beban_pendamping_min", "beban_pendamping_max")
WAJIB_PROGRAM = "pkh"

FORMAT_PERIODE = {"tahun": ("YYYY", "2025"), "bulan": ("YYYY-MM", "2024-03"),
                  "tanggal": ("YYYY-MM-DD", "2025-09-23"), "triwulan": ("YYYY-Qn", "2022-Q2")}
_UMUM = ("tahun", "bulan", "tanggal")
PERIODE_TABEL = {"pilar": ("tanggal",), "kpm": ("triwulan",), "fakta_wilayah": _UMUM,
                 "fakta_provinsi": _UMUM, "acuan": _UMUM}
# fakta_provinsi rows that total pilar.csv or kpm.csv use that table's format.
PERIODE_AWALAN = {"pilar_": ("tanggal",), "kpm_": ("triwulan",)}


class SumberError(Exception):
    """The source tables are not valid; ``pesan`` lists every problem found."""

    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("\n".join(pesan))


@dataclass(frozen=True)
class Kolom:
    nama: str
    tipe: str  # see _convert
    wajib: bool = True


def _k(spec: str) -> list[Kolom]:
    """'nama:tipe nama2:tipe? ...' -> columns; a trailing ? marks optional."""
    out = []
    for item in spec.split():
        nama, tipe = item.split(":")
        out.append(Kolom(nama, tipe.rstrip("?"), not tipe.endswith("?")))
    return out


# File name -> (columns, key columns). Order matters: later tables refer to earlier ones.
_FIGUR = "sumber_id:sumber status:status catatan:teks?"  # source, status and note of every figure
TABEL: dict[str, tuple[list[Kolom], tuple[str, ...]]] = {
    "sumber": (_k("sumber_id:id_sumber judul:teks penerbit:teks media:teks? tanggal:tanggal_terbit url:url? "
                  "catatan:teks?"), ("sumber_id",)),
    "wilayah": (_k("kode_bps:kode_bps kode_kemendagri:kode_kemendagri nama:teks nama_pendek:teks "
                   "jenis:jenis_wilayah"), ("kode_bps",)),
    "pilar_jenis": (_k("jenis_pilar:id satuan:teks urutan:bulat basis_alokasi:basis"),
                    ("jenis_pilar",)),
    "fakta_wilayah": (_k("kode_bps:kode indikator:id nilai:angka satuan:teks periode:periode " + _FIGUR),
                      ("kode_bps", "indikator", "periode")),
    "fakta_provinsi": (_k("indikator:id nilai:angka satuan:teks periode:periode " + _FIGUR), ("indikator", "periode")),
    "acuan": (_k("indikator:id nilai:angka satuan:teks periode:periode " + _FIGUR), ("indikator", "periode")),
    "kpm": (_k("kode_bps:kode program:id periode:periode jumlah:bulat " + _FIGUR), ("kode_bps", "program", "periode")),
    "pilar": (_k("kode_bps:kode jenis_pilar:jenis_pilar periode:periode jumlah:bulat " + _FIGUR),
              ("kode_bps", "jenis_pilar", "periode")),
}
# Tables other tables refer to: table -> (key column, name of the reference set).
_REF = {"sumber": ("sumber_id", "sumber"), "wilayah": ("kode_bps", "kode"), "pilar_jenis": ("jenis_pilar", "jenis_pilar")}


def file_names() -> list[str]:
    return [f"{t}.csv" for t in TABEL]


# ---------------------------------------------------------------- files and fingerprint

def _muat(folder: Path) -> dict[str, bytes | int | None]:
    """Bytes of each source file; its size when over the limit (not read); None when missing."""
    sizes = {n: (folder / n).stat().st_size if (folder / n).is_file() else None for n in file_names()}
    return {n: (folder / n).read_bytes() if s is not None and s <= MAKS_BYTE else s for n, s in sizes.items()}


def _sidik(isi: dict[str, bytes | int | None]) -> str:
    h = hashlib.sha256()
    for name, data in isi.items():
        h.update(name.encode() + (data if isinstance(data, bytes) else f"<{data}>".encode()))
    return h.hexdigest()


def sources_hash(folder: Path) -> str:
    """Fingerprint of every source file, so the app can tell a stale database."""
    return _sidik(_muat(folder))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)


def _pecah(name: str, data: bytes | int | None, folder: Path) -> tuple[list[list[str]] | None, str | None]:
    """The file's records (header first), or an error about the file as a whole."""
    if data is None:
        return None, f"{name}: berkas tidak ditemukan di {folder}"
    if isinstance(data, int):
        return None, (f"{name}: berkas {data / 2**20:.1f} MB melebihi batas {MAKS_BYTE // 1024 // 1024} MB "
                      "per berkas sumber; periksa apakah ini berkas yang benar")
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as e:
        return None, (f"{name}: bukan teks UTF-8 (bait ke-{e.start + 1}); simpan ulang sebagai "
                      "\"CSV UTF-8\"")
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:
        return None, f"{name}: tidak bisa dibaca sebagai CSV ({e})"
    if not records or not any(c.strip() for c in records[0]):
        return None, f"{name} baris 1: berkas kosong, judul kolom tidak ada"
    return records, None


def _periksa_judul(name: str, header: list[str], columns: list[Kolom]) -> str | None:
    if len(header) == 1 and ";" in header[0]:  # what Excel in the Indonesian locale writes
        return (f"{name} baris 1 (judul kolom): kolom dipisah titik koma (;); simpan ulang dengan "
                "koma sebagai pemisah kolom (Excel: \"CSV UTF-8 (Comma delimited)\")")
    expected = [k.nama for k in columns]
    parts = [f"{apa}: {', '.join(cols)}" for apa, cols in (
        ("kolom hilang", [c for c in expected if c not in header]),
        ("kolom tak dikenal", [c if c.isprintable() else repr(c) for c in header if c not in expected]),
        ("kolom ganda", sorted({c for c in header if header.count(c) > 1}))) if cols]
    return f"{name} baris 1 (judul kolom): " + "; ".join(parts) if parts else None


# ---------------------------------------------------------------- cells

_BULAT = re.compile(r"-?[0-9]+", re.ASCII)
_ANGKA = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)
_RIBUAN = re.compile(r"-?[0-9]{1,3}([.,][0-9]{3})+", re.ASCII)
_PERIODE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?|-Q([0-9]))?", re.ASCII)


def _ribuan(v: str) -> str:
    return (f"'{v}' tampak seperti angka dengan pemisah ribuan; tulis {re.sub('[.,]', '', v)} "
            "tanpa titik atau koma")


def _bulat(v: str) -> tuple[int | None, str | None]:
    if _BULAT.fullmatch(v):
        n = int(v)
        if n < 0:
            return None, f"nilai negatif ({n}) tidak boleh"
        if n > INT_MAKS:
            return None, f"{n} terlalu besar (paling besar {INT_MAKS})"
        return n, None
    if _RIBUAN.fullmatch(v):
        return None, _ribuan(v)
    return None, f"'{v}' bukan bilangan bulat"


def _angka(v: str) -> tuple[float | None, str | None]:
    if _ANGKA.fullmatch(v):
        x = float(v)
        if not math.isfinite(x):
            return None, f"'{v}' bukan angka terhingga"
        if x < 0:
            return None, f"nilai negatif ({v}) tidak boleh"
        return x, None
    if _RIBUAN.fullmatch(v) and (v.count(".") > 1 or "," in v):
        return None, _ribuan(v)
    if re.fullmatch(r"-?[0-9]+,[0-9]+", v, re.ASCII):
        return None, f"'{v}' memakai koma; pakai titik sebagai pemisah desimal ({v.replace(',', '.')})"
    return None, f"'{v}' bukan angka (pakai titik sebagai pemisah desimal, tanpa pemisah ribuan)"


def format_periode(v: str) -> tuple[str | None, str | None]:
    """('tahun' | 'bulan' | 'tanggal' | 'triwulan', None) or (None, why the text is no period)."""
    m = _PERIODE.fullmatch(v)
    if not m:
        return None, "tidak dikenali"
    y, mo, d, q = m.groups()
    if not 1900 <= int(y) <= 2100:
        return None, f"tahun {y} di luar 1900 sampai 2100"
    if q is not None:
        return ("triwulan", None) if 1 <= int(q) <= 4 else (None, "triwulan hanya Q1 sampai Q4")
    if mo is None:
        return "tahun", None
    if not 1 <= int(mo) <= 12:
        return None, f"bulan {mo} tidak ada"
    if d is None:
        return "bulan", None
    try:
        dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None, "bukan tanggal yang ada di kalender"
    return "tanggal", None


def _nama_format(boleh: tuple[str, ...]) -> str:
    return " atau ".join(f"{fmt} {FORMAT_PERIODE[fmt][0]} (misalnya {FORMAT_PERIODE[fmt][1]})" for fmt in boleh)


# Text cell types checked by a pattern: type -> (pattern, what the text must be).
_POLA = {
    "id": (re.compile(r"[a-z][a-z0-9_]*", re.ASCII), "pengenal (huruf kecil, angka dan _, diawali huruf)"),
    "id_sumber": (re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*", re.ASCII),
                  "kode sumber (huruf, angka, titik, - dan _, tanpa spasi)"),
    "kode_kemendagri": (re.compile(r"[0-9]{2}\.[0-9]{2}", re.ASCII), "kode Kemendagri kabupaten/kota (bentuk 63.01)"),
    "url": (re.compile(r"https?://\S+"), "alamat web (diawali http:// atau https://, tanpa spasi)"),
}
# Cell types that must be one of a fixed list: type -> (choices, what the cell is).
_PILIHAN = {"status": (STATUS, "status"), "jenis_wilayah": (JENIS_WILAYAH, "jenis"),
            "basis": (BASIS_ALOKASI, "basis alokasi")}
# Cell types that refer to another table: type -> (reference set, file, what the cell is).
_RUJUKAN = {"sumber": ("sumber", "sumber.csv", "sumber"), "jenis_pilar": ("jenis_pilar", "pilar_jenis.csv", "jenis pilar")}


def _teks_khusus(t: str, v: str, refs: dict[str, set]) -> tuple[object, str | None]:
    """Typed text cells: identifiers, codes, choices, references."""
    if t in _POLA:
        pola, apa = _POLA[t]
        return (v, None) if pola.fullmatch(v) else (None, f"'{v}' bukan {apa}")
    if t in _PILIHAN:
        sah, apa = _PILIHAN[t]
        return (v, None) if v in sah else (None, f"{apa} '{v}' tidak dikenal; pilih salah satu: {', '.join(sah)}")
    if t in _RUJUKAN:
        nama, berkas, apa = _RUJUKAN[t]
        return (v, None) if v in refs[nama] else (None, f"{apa} '{v}' tidak ada di {berkas}")
    if t == "tanggal_terbit":
        fmt, why = format_periode(v)
        return (v, None) if fmt in _UMUM else (
            None, f"tanggal '{v}' tidak sah ({why or 'triwulan bukan tanggal'}); pakai {_nama_format(_UMUM)}")
    raise ValueError(t)


def _convert(kolom: Kolom, raw: str | None, refs: dict[str, set]) -> tuple[object, str | None]:
    """Return (value, error message or None)."""
    v = raw.strip() if raw is not None else ""
    if v == "":
        return None, ("wajib diisi tetapi kosong" if kolom.wajib else None)
    t = kolom.tipe
    if t in ("teks", "periode"):  # periods are checked per row: the format depends on table and indicator
        return v, None
    if t in ("bulat", "kode", "kode_bps"):
        n, err = _bulat(v)
        if err:
            return None, err
        if t == "kode" and n not in refs["kode"]:
            return None, f"kode wilayah {n} tidak ada di wilayah.csv"
        if t == "kode_bps" and not 1100 <= n <= 9999:
            return None, f"{n} bukan kode BPS kabupaten/kota (empat angka, misalnya 6371)"
        return n, None
    if t == "angka":
        return _angka(v)
    return _teks_khusus(t, v, refs)


# ---------------------------------------------------------------- rows

def periode_boleh(table: str, indikator: str | None = None) -> tuple[str, ...]:
    """The period formats a row of ``table`` may use."""
    if table == "fakta_provinsi" and indikator:
        for awalan, boleh in PERIODE_AWALAN.items():
            if indikator.startswith(awalan):
                return boleh
    return PERIODE_TABEL[table]


def _periksa_baris(table: str, row: dict, raw: dict, refs: dict[str, set]) -> list[tuple[str, str]]:
    """Checks of one row that need several of its cells: (column, message) per problem."""
    out = []
    if table == "wilayah" and row["kode_bps"] is not None:
        kode = row["kode_bps"]
        if row["kode_kemendagri"] is not None and row["kode_kemendagri"] != f"{kode // 100:02d}.{kode % 100:02d}":
            out.append(("kode_kemendagri", f"'{row['kode_kemendagri']}' tidak cocok dengan kode_bps {kode} "
                                           f"(seharusnya {kode // 100:02d}.{kode % 100:02d})"))
        jenis = "kota" if kode % 100 >= 71 else "kabupaten"  # BPS: 71 and above are cities
        if row["jenis"] is not None and row["jenis"] != jenis:
            out.append(("jenis", f"kode BPS {kode} adalah {jenis}, bukan {row['jenis']}"))
    if row.get("periode") is not None:
        boleh = periode_boleh(table, row.get("indikator"))
        fmt, why = format_periode(row["periode"])
        if fmt not in boleh:
            sebab = why or f"berformat {fmt} {FORMAT_PERIODE[fmt][0]}"
            out.append(("periode", f"periode '{row['periode']}' tidak sah ({sebab}); "
                                   f"di {table}.csv pakai {_nama_format(boleh)}"))
    if row.get("nilai") is not None and row.get("satuan"):
        out += _periksa_nilai(row, raw.get("nilai", "").strip())
    if table == "fakta_provinsi" and (row.get("indikator") or "").startswith("pilar_"):
        jenis_pilar = row["indikator"][len("pilar_"):]
        if jenis_pilar not in refs["jenis_pilar"]:
            out.append(("indikator", f"jenis pilar '{jenis_pilar}' (dari {row['indikator']}) tidak ada di "
                                     "pilar_jenis.csv"))
    return out


def _periksa_nilai(row: dict, teks: str) -> list[tuple[str, str]]:
    satuan = row["satuan"].lower()
    if satuan in SATUAN_CACAH and not _BULAT.fullmatch(teks):  # '100.000' is 100 as a number, 100000 as meant
        if _RIBUAN.fullmatch(teks):
            return [("nilai", _ribuan(teks) + f" (satuan '{row['satuan']}' adalah cacah, bilangan bulat)")]
        return [("nilai", f"'{teks}' bukan bilangan bulat, padahal satuan '{row['satuan']}' adalah cacah")]
    if satuan == "persen" and row["nilai"] > 100:
        return [("nilai", f"{teks} persen lebih dari 100")]
    return []


def _baca_tabel(table: str, records: list[list[str]], refs: dict[str, set],
                errors: list[str]) -> list[tuple[int, dict]]:
    """Typed rows of one table with their spreadsheet row numbers; problems go to ``errors``."""
    columns, key = TABEL[table]
    name = f"{table}.csv"
    header = [c.strip() for c in records[0]]
    salah = _periksa_judul(name, header, columns)
    if salah:
        errors.append(salah)
        return []
    rows, seen = [], {}
    ref_col, ref_set = _REF.get(table, (None, None))
    for i, cells in enumerate(records[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # an empty line; counted, so the numbers stay those of a spreadsheet
        if len(cells) > len(header):
            errors.append(f"{name} baris {i}: {len(cells)} sel, lebih banyak dari {len(header)} kolom "
                          "(ada koma di dalam teks tanpa tanda kutip?)")
            continue
        raw = dict(zip(header, cells))
        row, problems = {}, []
        for kolom in columns:
            value, err = _convert(kolom, raw.get(kolom.nama), refs)
            if err:
                problems.append((kolom.nama, err))
            row[kolom.nama] = value
        if ref_col and row[ref_col] is not None:
            refs[ref_set].add(row[ref_col])  # so that one bad cell does not cascade into other files
        problems += _periksa_baris(table, row, raw, refs)
        errors.extend(f"{name} baris {i}, kolom {k}: {m}" for k, m in problems)
        if problems:
            continue
        k = tuple(row[c] for c in key)
        if k in seen:
            errors.append(f"{name} baris {i}, kolom {', '.join(key)}: "
                          f"duplikat dari baris {seen[k]} ({', '.join(map(str, k))})")
            continue
        seen[k] = i
        rows.append((i, row))
    return rows


# ---------------------------------------------------------------- tables together

def _unik(name: str, rows: list[tuple[int, dict]], kolom: str) -> list[str]:
    errors, seen = [], {}
    for i, r in rows:
        if r[kolom] in seen:
            errors.append(f"{name} baris {i}, kolom {kolom}: '{r[kolom]}' sudah dipakai di baris {seen[r[kolom]]}")
        seen.setdefault(r[kolom], i)
    return errors


def _satu_format(tables: dict[str, list[tuple[int, dict]]], names: tuple[str, ...]) -> list[str]:
    """One period format and one unit per indicator, so the latest period is the largest text."""
    errors, first = [], {}
    for table in names:
        for i, r in tables.get(table, []):
            fmt = format_periode(r["periode"])[0]
            here = (fmt, r["satuan"], f"{table}.csv baris {i}")
            got = first.setdefault(r["indikator"], here)
            if got[0] != fmt:
                errors.append(f"{table}.csv baris {i}, kolom periode: '{r['periode']}' berformat {fmt} "
                              f"{FORMAT_PERIODE[fmt][0]}, padahal indikator {r['indikator']} di {got[2]} "
                              f"berformat {got[0]} {FORMAT_PERIODE[got[0]][0]}; satu indikator satu format")
            if got[1] != r["satuan"]:
                errors.append(f"{table}.csv baris {i}, kolom satuan: '{r['satuan']}' berbeda dengan "
                              f"'{got[1]}' untuk indikator {r['indikator']} di {got[2]}")
    return errors


def _kurang(kodes: set[int], ada: set[int]) -> str:
    return ", ".join(map(str, sorted(kodes - ada)))


def _periksa_wajib(data: dict[str, list[dict]]) -> list[str]:
    """The figures the pages read without a fallback, for every unit (latest period of kpm and pilar)."""
    kodes = {r["kode_bps"] for r in data["wilayah"]}
    kpm = [r for r in data["kpm"] if r["program"] == WAJIB_PROGRAM]
    akhir_kpm = max((r["periode"] for r in kpm), default=None)
    akhir_pilar = max(r["periode"] for r in data["pilar"])
    perlu = [(f"fakta_wilayah.csv, kolom indikator: '{ind}'",
              {r["kode_bps"] for r in data["fakta_wilayah"] if r["indikator"] == ind}) for ind in WAJIB_FAKTA]
    perlu.append((f"kpm.csv, kolom program: '{WAJIB_PROGRAM}' periode terbaru {akhir_kpm or '-'}",
                  {r["kode_bps"] for r in kpm if r["periode"] == akhir_kpm}))
    perlu += [(f"pilar.csv, kolom jenis_pilar: '{j}' periode terbaru {akhir_pilar}",
               {r["kode_bps"] for r in data["pilar"] if r["periode"] == akhir_pilar and r["jenis_pilar"] == j})
              for j in (r["jenis_pilar"] for r in data["pilar_jenis"])]
    errors = [f"{apa} belum ada untuk kode wilayah {_kurang(kodes, ada)}" for apa, ada in perlu if ada != kodes]
    errors += [f"acuan.csv, kolom indikator: '{ind}' belum ada" for ind in WAJIB_ACUAN
               if not any(r["indikator"] == ind for r in data["acuan"])]
    return errors


def _validate(isi: dict[str, bytes | int | None], folder: Path, totals: bool) -> dict[str, list[dict]]:
    errors: list[str] = []
    tables: dict[str, list[tuple[int, dict]]] = {}
    refs: dict[str, set] = {"kode": set(), "sumber": set(), "jenis_pilar": set()}
    for table in TABEL:
        name = f"{table}.csv"
        records, salah = _pecah(name, isi[name], folder)
        if salah:
            errors.append(salah)
            continue
        before = len(errors)
        tables[table] = _baca_tabel(table, records, refs, errors)
        if not tables[table] and len(errors) == before:
            errors.append(f"{name}: tidak ada baris data (hanya judul kolom); tabel ini wajib berisi "
                          "minimal satu baris")
    errors += _unik("wilayah.csv", tables.get("wilayah", []), "kode_kemendagri")
    errors += _unik("pilar_jenis.csv", tables.get("pilar_jenis", []), "urutan")
    errors += _satu_format(tables, ("fakta_wilayah", "fakta_provinsi"))
    errors += _satu_format(tables, ("acuan",))
    data = {t: [r for _, r in tables.get(t, [])] for t in TABEL}
    if not errors:  # on partial tables these would report rows that are merely invalid
        errors += _periksa_wajib(data)
    if totals and not errors:
        errors += check_totals(data)
    if errors:
        raise SumberError(errors)
    return data


def read_sources(folder: Path, totals: bool = True) -> dict[str, list[dict]]:
    """Read and validate every source table. Raises SumberError listing all problems.

    ``totals=False`` skips the unit-sum checks (used while estimates are recomputed).
    """
    return _validate(_muat(Path(folder)), Path(folder), totals)


def read_sources_hashed(folder: Path) -> tuple[dict[str, list[dict]], str]:
    """Validated tables and the fingerprint of the very bytes they were read from."""
    isi = _muat(Path(folder))
    return _validate(isi, Path(folder), True), _sidik(isi)


def check_totals(data: dict[str, list[dict]]) -> list[str]:
    """Unit figures must add up to the province totals published for the same period."""
    errors = []
    totals = {(r["indikator"], r["periode"]): r["nilai"] for r in data["fakta_provinsi"]}
    kode_all = {r["kode_bps"] for r in data["wilayah"]}
    groups: dict[tuple, dict[int, float]] = {}
    for r in data["pilar"]:
        groups.setdefault((f"pilar_{r['jenis_pilar']}", r["periode"]), {})[r["kode_bps"]] = r["jumlah"]
    for r in data["kpm"]:
        groups.setdefault((f"kpm_{r['program']}", r["periode"]), {})[r["kode_bps"]] = r["jumlah"]
    for r in data["fakta_wilayah"]:
        groups.setdefault((r["indikator"], r["periode"]), {})[r["kode_bps"]] = r["nilai"]
    for (indikator, periode), nilai in sorted(groups.items()):
        if indikator == "p0_persen" or (indikator, periode) not in totals:  # p0: a rate, not additive
            continue
        total, s = totals[(indikator, periode)], sum(nilai.values())
        if set(nilai) == kode_all and not math.isclose(s, total, abs_tol=1e-9):
            errors.append(f"{indikator}: jumlah 13 kabupaten/kota {s:g} tidak sama dengan total provinsi "
                          f"{total:g} di fakta_provinsi.csv ({indikator}, periode {periode})")
    # Every pillar type announced for a period must be present for all 13 units.
    for (indikator, periode) in totals:
        if indikator.startswith("pilar_"):
            kodes = set(groups.get((indikator, periode), {}))
            if kodes != kode_all:
                errors.append(f"pilar.csv: {indikator[6:]} periode {periode} belum ada untuk kode "
                              + _kurang(kode_all, kodes))
    return errors
