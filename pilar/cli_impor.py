"""python -m pilar import | riwayat | batal | ekspor-impor | templat (messages in Bahasa Indonesia).

A refused import ends with one paragraph on stderr and exit status 1; nothing is written then.
"""
from __future__ import annotations

import sys

import pandas as pd

from . import ekspor
from . import format as fmt
from . import impor
from .impor.templat_xlsx import tulis_berkas

FORMAT_RIWAYAT = ("table", "tabel", "json", "csv")


def register(sub) -> None:
    i = sub.add_parser("import", help="impor lembar kerja kabupaten/kota (xlsx, xls, ods, csv) ke basis data")
    i.add_argument("berkas", metavar="FILE", help="berkas .xlsx, .xls, .ods atau .csv")
    i.add_argument("--jenis", required=True, choices=impor.JENIS, help="pilar atau kpm")
    i.add_argument("--periode", required=True, metavar="P",
                   help="periode data: YYYY-MM-DD untuk pilar (2025-09-23), YYYY-Qn untuk kpm (2025-Q3)")
    i.add_argument("--sumber", metavar="TEKS", help="penerbit angka ini (bawaan: Dinas Sosial (impor))")
    i.add_argument("--sheet", metavar="NAMA", help="nama lembar yang dibaca (bila ada beberapa lembar data)")
    i.add_argument("--dry-run", action="store_true", help="periksa dan tampilkan perubahan tanpa menyimpan")
    i.add_argument("--ganti", action="store_true",
                   help="ganti angka periode yang sudah ada (versi lama tetap di riwayat)")
    i.add_argument("--cocokkan", action="append", default=[], metavar="'NAMA=KODE'",
                   help="terima saran nama wilayah: --cocokkan \"Kab. Tabalung=6309\" (boleh berulang)")
    i.add_argument("--yakin", action="store_true",
                   help="simpan walau ada peringatan yang perlu dipastikan (periode di judul lembar berbeda, angka "
                        "jauh dari periode sebelumnya)")
    i.set_defaults(fn=cmd_import)

    r = sub.add_parser("riwayat", help="daftar semua impor")
    r.add_argument("--format", choices=FORMAT_RIWAYAT, default="table", help="table, json atau csv (bawaan table)")
    r.set_defaults(fn=cmd_riwayat)

    b = sub.add_parser("batal", help="batalkan satu impor; yang digantinya aktif lagi")
    b.add_argument("id", type=int, metavar="ID", help="nomor impor (lihat: python -m pilar riwayat)")
    b.set_defaults(fn=cmd_batal)

    e = sub.add_parser("ekspor-impor", help="tulis setiap impor sebagai berkas XLSX berbentuk templat (cadangan)")
    e.add_argument("folder", metavar="DIR")
    e.set_defaults(fn=cmd_ekspor)

    t = sub.add_parser("templat", help="tulis templat XLSX untuk diisi kabupaten/kota")
    t.add_argument("--jenis", required=True, choices=impor.JENIS, help="pilar atau kpm")
    t.add_argument("--out", required=True, metavar="FILE.xlsx", help="berkas yang ditulis")
    t.set_defaults(fn=cmd_templat)


def _tolak(awal: str, e: "impor.ImporError") -> int:
    print(f"{awal} {e.paragraf()}", file=sys.stderr)
    return 1


def _angka(x) -> str:
    return "-" if x is None or pd.isna(x) else fmt.angka(int(x), "id")


def _beda(x) -> str:
    return "-" if x is None or pd.isna(x) else ("+" if x > 0 else "") + fmt.angka(int(x), "id")


def cetak_rencana(r, out=None) -> None:
    out = out or sys.stdout
    print(r.ringkasan(), file=out)
    df = r.tabel()
    tampil = pd.DataFrame({"kode": df["kode_bps"], "wilayah": df["wilayah"], "ukuran": df["ukuran"],
                           "lama": df["lama"].map(_angka), "baru": df["baru"].map(_angka),
                           "selisih": df["selisih"].map(_beda), "asal lama": df["asal_lama"].fillna("-")})
    ekspor.tulis_frame(tampil, "tabel", out)
    for judul, daftar in (("Kolom diabaikan", r.kolom_diabaikan), ("Baris dilewati", r.baris_diabaikan),
                          ("Sel '-' dibaca 0 (nihil, seperti tabel BPS)", r.nihil),
                          ("Nama wilayah dicocokkan sesuai pilihan", [f"{n} = {k}" for n, k in r.cocokkan.items()]),
                          ("Peringatan", r.peringatan), ("Perlu dipastikan (--yakin)", r.konfirmasi)):
        if daftar:
            print(f"{judul}:", file=out)
            for d in daftar:
                print(f"  - {fmt.teks_bersih(d)}", file=out)


def _cocokkan(daftar: list[str]) -> dict[str, int] | None:
    """'Kab. Tabalung=6309' -> {'Kab. Tabalung': 6309}; None when one is malformed (said on stderr)."""
    out = {}
    for d in daftar:
        nama, _, kode = d.rpartition("=")
        if not nama.strip() or not kode.strip().isdigit():
            print(f"--cocokkan {fmt.teks_bersih(d)!r}: tulis NAMA=KODE, misalnya --cocokkan \"Kab. Tabalung=6309\"",
                  file=sys.stderr)
            return None
        out[nama.strip()] = int(kode)
    return out


def cmd_import(args) -> int:
    cocok = _cocokkan(args.cocokkan)
    if cocok is None:
        return 2
    try:
        r = impor.baca(args.berkas, args.jenis, args.periode, args.sheet, cocokkan=cocok)
    except impor.ImporError as e:
        return _tolak("Impor ditolak; basis data tidak diubah.", e)  # a suggestion names its --cocokkan
    cetak_rencana(r)
    if r.bentrok and not args.ganti:
        print(f"Impor ditolak; basis data tidak diubah. Periode {r.periode} sudah ada untuk {len(r.bentrok)} angka "
              f"{r.jenis} ({'; '.join(r.bentrok[:5])}{'; ...' if len(r.bentrok) > 5 else ''}). Ulangi dengan --ganti "
              "untuk menggantinya; versi lama tetap tersimpan di riwayat.", file=sys.stderr)
        return 1
    if args.dry_run:
        print("Uji coba (--dry-run): tidak ada yang disimpan.")
        return 0
    if r.konfirmasi and not args.yakin :
        print(f"Impor ditolak; basis data tidak diubah. {len(r.konfirmasi)} peringatan perlu dipastikan (lihat "
              "'Perlu dipastikan' di atas). Periksa angkanya, lalu ulangi dengan --yakin untuk tetap menyimpan.",
              file=sys.stderr)
        return 1
    try:
        nomor = impor.terapkan(r, ganti=args.ganti, sumber=args.sumber)
    except impor.ImporError as e:
        return _tolak("Impor ditolak; basis data tidak diubah.", e)
    print(f"Impor #{nomor} disimpan: {len(r.perubahan)} angka {r.jenis} periode {r.periode}"
          f"{' (menggantikan angka yang ada)' if r.bentrok else ''}. Batalkan dengan: python -m pilar batal {nomor}")
    return 0


def _aman(fn):
    """An ImporError (e.g. no usable database) ends as one paragraph, never a traceback."""
    def jalan(args) -> int:
        try:
            return fn(args)
        except impor.ImporError as e:
            return _tolak("Perintah tidak bisa dijalankan.", e)
    jalan.__name__ = fn.__name__
    return jalan


@_aman
def cmd_riwayat(args) -> int:
    df = impor.riwayat()
    if args.format in ("table", "tabel") and df.empty:
        print("Belum ada impor.")
        return 0
    ekspor.tulis_frame(df, "tabel" if args.format == "table" else args.format)
    return 0


def cmd_batal(args) -> int:
    try:
        aktif_lagi = impor.batal(args.id)
    except impor.ImporError as e:
        return _tolak("Pembatalan ditolak; basis data tidak diubah.", e)
    lagi = f" Impor yang aktif lagi: {', '.join(f'#{i}' for i in aktif_lagi)}." if aktif_lagi else ""
    print(f"Impor #{args.id} dibatalkan; angka yang digantinya berlaku lagi.{lagi}")
    return 0


@_aman
def cmd_ekspor(args) -> int:
    paths = impor.ekspor(args.folder)
    if not paths:
        print("Belum ada impor; tidak ada berkas yang ditulis.")
    for p in paths:
        print(p)
    return 0


@_aman
def cmd_templat(args) -> int:
    tulis_berkas(args.out, impor.templat(args.jenis))
    print(f"Templat {args.jenis} ditulis: {args.out}")
    return 0
