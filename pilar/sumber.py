"""Source tables in ``data/sources/``: their columns, reading and validation.

Every problem is reported with file, row (line number in the file) and column,
in Bahasa Indonesia, because the people who fix a source CSV are officials.
"""
from __future__ import annotations

import csv
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

STATUS = ("resmi", "berita", "estimasi")
JENIS_WILAYAH = ("kabupaten", "kota")


class SumberError(Exception):
    """The source tables are not valid; ``pesan`` lists every problem found."""

    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("\n".join(pesan))


@dataclass(frozen=True)
class Kolom:
    nama: str
    tipe: str  # teks | bulat | angka | status | kode | sumber | jenis_pilar | jenis_wilayah
    wajib: bool = True


def _k(spec: str) -> list[Kolom]:
    """'nama:tipe nama2:tipe? ...' -> columns; a trailing ? marks optional."""
    out = []
    for item in spec.split():
        nama, tipe = item.split(":")
        out.append(Kolom(nama, tipe.rstrip("?"), not tipe.endswith("?")))
    return out


# File name -> (columns, key columns). Order matters: later tables refer to earlier ones.
TABEL: dict[str, tuple[list[Kolom], tuple[str, ...]]] = {
    "sumber": (_k("sumber_id:teks judul:teks penerbit:teks media:teks? tanggal:teks url:teks? catatan:teks?"),
               ("sumber_id",)),
    "wilayah": (_k("kode_bps:bulat kode_kemendagri:teks nama:teks nama_pendek:teks jenis:jenis_wilayah"),
                ("kode_bps",)),
    "pilar_jenis": (_k("jenis_pilar:teks nama:teks satuan:teks urutan:bulat basis_alokasi:teks definisi:teks"),
                    ("jenis_pilar",)),
    "fakta_wilayah": (_k("kode_bps:kode indikator:teks nilai:angka satuan:teks periode:teks "
                         "sumber_id:sumber status:status catatan:teks?"),
                      ("kode_bps", "indikator", "periode")),
    "fakta_provinsi": (_k("indikator:teks nilai:angka satuan:teks periode:teks sumber_id:sumber "
                          "status:status catatan:teks?"),
                       ("indikator", "periode")),
    "acuan": (_k("indikator:teks nilai:angka satuan:teks periode:teks sumber_id:sumber status:status catatan:teks?"),
              ("indikator", "periode")),
    "kpm": (_k("kode_bps:kode program:teks periode:teks jumlah:bulat sumber_id:sumber status:status catatan:teks?"),
            ("kode_bps", "program", "periode")),
    "pilar": (_k("kode_bps:kode jenis_pilar:jenis_pilar periode:teks jumlah:bulat sumber_id:sumber "
                 "status:status catatan:teks?"),
              ("kode_bps", "jenis_pilar", "periode")),
}


def file_names() -> list[str]:
    return [f"{t}.csv" for t in TABEL]


def sources_hash(folder: Path) -> str:
    """Fingerprint of every source file, so the app can tell a stale database."""
    h = hashlib.sha256()
    for name in file_names():
        p = folder / name
        h.update(name.encode())
        h.update(p.read_bytes() if p.exists() else b"<tidak ada>")
    return h.hexdigest()


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)


def _convert(kolom: Kolom, raw: str, refs: dict[str, set]) -> tuple[object, str | None]:
    """Return (value, error message or None)."""
    v = raw.strip() if raw is not None else ""
    if v == "":
        return None, ("wajib diisi tetapi kosong" if kolom.wajib else None)
    t = kolom.tipe
    if t == "teks":
        return v, None
    if t in ("bulat", "kode"):
        try:
            n = int(v)
        except ValueError:
            return None, f"'{v}' bukan bilangan bulat"
        if n < 0:
            return None, f"nilai negatif ({n}) tidak boleh"
        if t == "kode" and n not in refs["kode"]:
            return None, f"kode wilayah {n} tidak ada di wilayah.csv"
        return n, None
    if t == "angka":
        try:
            x = float(v)
        except ValueError:
            return None, f"'{v}' bukan angka (pakai titik sebagai pemisah desimal)"
        if not math.isfinite(x):
            return None, f"'{v}' bukan angka terhingga"
        if x < 0:
            return None, f"nilai negatif ({v}) tidak boleh"
        return x, None
    if t == "status":
        if v not in STATUS:
            return None, f"status '{v}' tidak dikenal; pilih salah satu: {', '.join(STATUS)}"
        return v, None
    if t == "jenis_wilayah":
        if v not in JENIS_WILAYAH:
            return None, f"jenis '{v}' tidak dikenal; pilih kabupaten atau kota"
        return v, None
    if t == "sumber":
        if v not in refs["sumber"]:
            return None, f"sumber '{v}' tidak ada di sumber.csv"
        return v, None
    if t == "jenis_pilar":
        if v not in refs["jenis_pilar"]:
            return None, f"jenis pilar '{v}' tidak ada di pilar_jenis.csv"
        return v, None
    raise ValueError(t)


def read_sources(folder: Path, totals: bool = True) -> dict[str, list[dict]]:
    """Read and validate every source table. Raises SumberError listing all problems.

    ``totals=False`` skips the unit-sum checks (used while estimates are recomputed).
    """
    errors: list[str] = []
    data: dict[str, list[dict]] = {}
    refs: dict[str, set] = {"kode": set(), "sumber": set(), "jenis_pilar": set()}
    for table, (columns, key) in TABEL.items():
        path = folder / f"{table}.csv"
        if not path.exists():
            errors.append(f"{path.name}: berkas tidak ditemukan di {folder}")
            data[table] = []
            continue
        try:
            header, raw_rows = read_csv(path)
        except (UnicodeDecodeError, csv.Error) as e:
            errors.append(f"{path.name}: tidak bisa dibaca sebagai CSV UTF-8 ({e})")
            data[table] = []
            continue
        expected = [k.nama for k in columns]
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        if missing or extra:
            parts = []
            if missing:
                parts.append("kolom hilang: " + ", ".join(missing))
            if extra:
                parts.append("kolom tak dikenal: " + ", ".join(extra))
            errors.append(f"{path.name} baris 1 (judul kolom): " + "; ".join(parts))
            data[table] = []
            continue
        rows, seen = [], {}
        for i, raw in enumerate(raw_rows, start=2):
            if None in raw:  # more cells than header columns
                errors.append(f"{path.name} baris {i}: jumlah sel lebih banyak dari jumlah kolom")
                continue
            row, ok = {}, True
            for kolom in columns:
                value, err = _convert(kolom, raw.get(kolom.nama), refs)
                if err:
                    errors.append(f"{path.name} baris {i}, kolom {kolom.nama}: {err}")
                    ok = False
                row[kolom.nama] = value
            if not ok:
                continue
            k = tuple(row[c] for c in key)
            if k in seen:
                errors.append(f"{path.name} baris {i}, kolom {', '.join(key)}: "
                              f"duplikat dari baris {seen[k]} ({', '.join(map(str, k))})")
                continue
            seen[k] = i
            rows.append(row)
        data[table] = rows
        if table == "sumber":
            refs["sumber"] = {r["sumber_id"] for r in rows}
        elif table == "wilayah":
            refs["kode"] = {r["kode_bps"] for r in rows}
        elif table == "pilar_jenis":
            refs["jenis_pilar"] = {r["jenis_pilar"] for r in rows}
    if totals and not errors:
        errors.extend(check_totals(data))
    if errors:
        raise SumberError(errors)
    return data


def check_totals(data: dict[str, list[dict]]) -> list[str]:
    """Unit figures must add up to the province totals published for the same period."""
    errors = []
    totals = {(r["indikator"], r["periode"]): r["nilai"] for r in data["fakta_provinsi"]}
    kode_all = {r["kode_bps"] for r in data["wilayah"]}

    def compare(indikator, periode, rows, label):
        if (indikator, periode) not in totals:
            return
        kodes = {r["kode_bps"] for r in rows}
        total = totals[(indikator, periode)]
        s = sum(r["nilai"] for r in rows)
        if kodes == kode_all and not math.isclose(s, total, abs_tol=1e-9):
            errors.append(f"{label}: jumlah 13 kabupaten/kota {s:g} tidak sama dengan total provinsi "
                          f"{total:g} di fakta_provinsi.csv ({indikator}, periode {periode})")

    groups: dict[tuple, list] = {}
    for r in data["pilar"]:
        groups.setdefault((f"pilar_{r['jenis_pilar']}", r["periode"]), []).append(
            {"kode_bps": r["kode_bps"], "nilai": r["jumlah"]})
    for r in data["kpm"]:
        groups.setdefault((f"kpm_{r['program']}", r["periode"]), []).append(
            {"kode_bps": r["kode_bps"], "nilai": r["jumlah"]})
    for r in data["fakta_wilayah"]:
        groups.setdefault((r["indikator"], r["periode"]), []).append(r)
    for (indikator, periode), rows in sorted(groups.items()):
        if indikator == "p0_persen":  # a rate, not additive
            continue
        compare(indikator, periode, rows, indikator)
    # Every pillar type announced for a period must be present for all 13 units.
    for (indikator, periode) in totals:
        if indikator.startswith("pilar_"):
            rows = groups.get((indikator, periode), [])
            kodes = {r["kode_bps"] for r in rows}
            if kodes != kode_all:
                hilang = sorted(kode_all - kodes)
                errors.append(f"pilar.csv: {indikator[6:]} periode {periode} belum ada untuk kode "
                              + ", ".join(map(str, hilang)))
    return errors
