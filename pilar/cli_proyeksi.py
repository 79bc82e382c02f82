"""python -m pilar proyeksi: the yearly graduation trajectory of a selection (docs/PROYEKSI.md).

Every number flag is read as text and checked here against the ranges of
``pilar.proyeksi.BATAS`` (the page's inputs use the same), so each message is one line
in Bahasa Indonesia; ``cli.main`` prints it and exits with status 2.
"""
from __future__ import annotations

import re

import pandas as pd

from . import ekspor
from . import format as fmt
from . import proyeksi as pr
from .data import Indikator, muat_pilihan
from .status import weakest

# Per year; the flows keluar (other exits) and masuk (entrants) as docs/PROYEKSI.md lists them.
KOLOM = ["tahun", "kpm", "graduasi", "kumulatif_graduasi", "pendamping", "kpm_per_pendamping", "keluar", "masuk"]
# Added to every json/csv row: status and periods of the starting figures (see _asal).
KOLOM_ASAL = ["status", "periode"]

_ANGKA = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")
# 1.000 or 1,500 could be a thousands separator or a decimal mark: refused rather than guessed
_RIBUAN = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:[.,][0-9]{3})+")
_BULAT = re.compile(r"[+-]?[0-9]{1,9}")
CONTOH = {"g": "10", "dp": "20", "masuk": "500", "keluar": "0.02"}  # a valid value, for messages


def register(subparsers) -> None:
    b = pr.BATAS
    p = subparsers.add_parser(
        "proyeksi", help="proyeksi graduasi KPM PKH per tahun (lihat docs/PROYEKSI.md)",
        description="Proyeksi graduasi KPM PKH untuk wilayah terpilih: jumlah per tahun dari proyeksi "
                    "tiap kabupaten/kota. Angka model tidak dibulatkan; json/csv dibulatkan 2 desimal dan "
                    "tiap barisnya membawa status dan periode angka awal (KPM dan pendamping). Batas tiap "
                    "angka sama dengan masukan di halaman Proyeksi.")
    p.add_argument("--kab", default="", metavar="KODE", help="kode BPS dipisah koma; kosong = seluruh provinsi")
    p.add_argument("--tahun", default="10", metavar="H",
                   help=f"jangka proyeksi, bilangan bulat {pr.TAHUN_MIN} sampai {pr.TAHUN_MAX} tahun (bawaan 10)")
    p.add_argument("--g", default="10",
                   help=f"graduasi per pendamping per tahun, {b['g'].teks()} (bawaan 10, asumsi Menteri Sosial)")
    p.add_argument("--delta-pendamping", default="0", metavar="DP",
                   help=f"perubahan jumlah pendamping per tahun untuk seluruh pilihan, {b['dp'].teks()} "
                        "(bawaan 0; pengurangan: --delta-pendamping -20)")
    p.add_argument("--masuk", default="0", metavar="N",
                   help=f"KPM baru per tahun untuk seluruh pilihan, {b['masuk'].teks()} (bawaan 0)")
    p.add_argument("--ganti", action="store_true",
                   help="kuota tetap: setiap lulusan diganti KPM baru pada tahun yang sama")
    p.add_argument("--keluar", default="0", metavar="E",
                   help=f"laju keluar lain per tahun, proporsi {b['keluar'].teks()} (bawaan 0; 0.02 = 2%%)")
    p.add_argument("--format", default="tabel", help="tabel, csv atau json (bawaan tabel)")
    p.set_defaults(fn=cmd_proyeksi)


def baca_angka(teks: str, opsi: str, nama: str) -> tuple[float | None, str | None]:
    """(value, None) or (None, message) for flag ``opsi`` of input ``nama`` (a key of
    ``pr.BATAS``); a decimal comma is accepted."""
    t, batas = teks.strip(), pr.BATAS[nama]
    if _RIBUAN.fullmatch(t):
        return None, f"{opsi}: '{t}' ambigu; tulis tanpa pemisah ribuan, misalnya 1000 atau 0.5."
    if not _ANGKA.fullmatch(t):  # also 'inf', 'nan', '1_000', '0x10': not numbers a person types here
        return None, f"{opsi}: '{t}' bukan angka; tulis misalnya {opsi} {CONTOH[nama]}."
    x = float(t.replace(",", "."))  # 1e999 becomes inf, refused by the range below
    if not batas.memuat(x):
        return None, f"{opsi}: {batas.pesan(t)}"
    return x, None


def baca_tahun(teks: str, opsi: str = "--tahun") -> tuple[int | None, str | None]:
    t = teks.strip()
    rentang = f"{pr.TAHUN_MIN} sampai {pr.TAHUN_MAX} tahun"
    if not _BULAT.fullmatch(t):
        return None, f"{opsi}: '{t}' bukan bilangan bulat ({rentang})."
    if not pr.TAHUN_MIN <= int(t) <= pr.TAHUN_MAX:
        return None, f"{opsi}: jangka proyeksi harus bilangan bulat {rentang} (diberikan: {t})."
    return int(t), None


def baca_argumen(args) -> tuple[str, int, pr.Skenario]:
    """Format, H and scenario from the flags; one ProyeksiError naming every bad flag."""
    salah = []
    fmt_ = args.format.strip().lower()
    if fmt_ not in ekspor.FORMAT_CLI:
        salah.append(f"--format: '{args.format}' tidak dikenal; pilih tabel, csv atau json.")
    H, e = baca_tahun(args.tahun)
    salah += [e] if e else []
    nilai = {}
    for nama, opsi, teks in (("g", "--g", args.g), ("dp", "--delta-pendamping", args.delta_pendamping),
                             ("masuk", "--masuk", args.masuk), ("keluar", "--keluar", args.keluar)):
        nilai[nama], e = baca_angka(teks, opsi, nama)
        salah += [e] if e else []
    if salah:
        raise pr.ProyeksiError(" ".join(salah))
    return fmt_, H, pr.Skenario(**nilai)


def _asal(ind: Indikator, m: pr.Masukan) -> dict[str, str]:
    """Status and periods of the starting figures of the units projected.

    The status is the weakest of every unit's K(0) and P(0): the selection is a sum of unit
    projections, each capped by its own figures, so a province sum that equals a published
    total does not make the projection better than its unit estimates.
    """
    pilih = ind.pick(list(m.kode))
    per_k, per_p = pilih.info("kpm_pkh")["periode"], pilih.info("pendamping_pkh")["periode"]
    return {"status": weakest(m.status_k + m.status_p) or "",
            "periode": f"KPM PKH {', '.join(per_k)}; pendamping PKH {', '.join(per_p)}"}


def _teks(x: float) -> str:
    """A scenario value as typed: no more decimals than it has (up to 4), through pilar.format."""
    d = next((d for d in range(5) if round(x, d) == x), 4)
    return fmt.angka(x, "id", d)


def _tabel(df: pd.DataFrame, m: pr.Masukan, s: pr.Skenario, kode: list[int], asal: dict) -> None:
    nama = ", ".join(m.nama) if kode else "seluruh Kalimantan Selatan"
    print(f"Proyeksi graduasi KPM PKH: {nama} ({len(m.kode)} wilayah)")
    print(f"g = {_teks(s.g)} graduasi/pendamping/tahun; perubahan pendamping {'+' if s.dp >= 0 else ''}"
          f"{_teks(s.dp)}/tahun; KPM baru {_teks(s.masuk)}/tahun; keluar lain {_teks(s.keluar)}/tahun")
    print(f"Angka awal: {asal['periode']}; status {asal['status'] or '-'}.")
    if "estimasi" in m.status_k + m.status_p:
        print("Catatan: sebagian KPM awal atau pendamping per wilayah adalah estimasi (lihat docs/PROYEKSI.md).")
    out = pd.DataFrame({"tahun": df["tahun"]})
    for c in KOLOM[1:]:  # counts as whole numbers, the ratio with one decimal, as on the page
        out[c] = [fmt.angka(v, "id", 1 if c == "kpm_per_pendamping" else 0) for v in df[c]]
    ekspor.tulis_frame(out, "tabel")


def cmd_proyeksi(args) -> int:
    bentuk, H, s = baca_argumen(args)
    ind, kode = muat_pilihan(args.kab)
    m = pr.masukan(ind.pick(kode))
    if not m.kode:
        raise pr.ProyeksiError("Tidak ada wilayah terpilih yang punya data KPM PKH dan pendamping PKH.")
    lin = pr.proyeksi(m.k0, m.p0, H, s.g, s.dp, s.masuk, s.keluar, kode=m.kode, ganti=args.ganti)
    df, asal = lin.jumlah()[KOLOM], _asal(ind, m)
    if bentuk == "tabel":
        _tabel(df, m, s, kode, asal)
        return 0
    out = df.copy()
    for c in KOLOM[1:]:
        out[c] = out[c].round(2)
    for c in KOLOM_ASAL:
        out[c] = asal[c]
    ekspor.tulis_frame(out, bentuk)
    return 0
