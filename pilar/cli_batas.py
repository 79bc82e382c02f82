"""python -m pilar boundaries install|download|status (messages in Bahasa Indonesia)."""
from __future__ import annotations

import sys

from . import batas, config
from .batas import bawaan
from . import format as fmt


def register(subparsers) -> None:
    p = subparsers.add_parser("boundaries", help="pasang dan periksa batas wilayah geografis (peta)")
    sub = p.add_subparsers(dest="batas_perintah", required=True)

    i = sub.add_parser("install", help="pasang batas dari berkas (GeoJSON, Shapefile .zip/.shp, GeoPackage) atau URL")
    i.add_argument("sumber", metavar="PATH_OR_URL")
    i.add_argument("--source", help="nama sumber data, misalnya 'BIG, RBI 1:50.000 (2023)'")
    i.add_argument("--licence", "--license", dest="licence", help="lisensi data, misalnya 'CC BY 4.0'")
    i.add_argument("--attribution", help="teks atribusi yang ditampilkan di bawah peta")
    i.add_argument("--bawaan", action="store_true",
                   help="simpan juga hasilnya sebagai batas bawaan di folder sumber (data/sources/batas/), "
                        "yang dimuat setiap build baru; hanya untuk data berlisensi terbuka")
    _waktu(i)
    i.set_defaults(fn=cmd_install)

    d = sub.add_parser("download", help="unduh batas geoBoundaries (gbOpen IDN ADM2) lalu pasang")
    d.add_argument("--api-url", default=batas.GEOBOUNDARIES_API, help="alamat API geoBoundaries")
    _waktu(d)
    d.set_defaults(fn=cmd_download)

    s = sub.add_parser("status", help="tampilkan batas wilayah yang terpasang")
    s.set_defaults(fn=cmd_status)


def _waktu(p) -> None:
    p.add_argument("--timeout", type=float, default=10,
                   help="batas waktu menunggu server pada tiap sambungan atau bacaan, detik (bawaan 10)")
    p.add_argument("--deadline", type=float, default=60,
                   help="batas waktu seluruh unduhan, detik (bawaan 60)")


def _gagal(e: batas.BatasError) -> int:
    print(f"Gagal memasang batas wilayah: {e.pesan}", file=sys.stderr)
    return 3


def _ribuan(n: int) -> str:
    return fmt.angka(n, "id")


def cmd_install(args) -> int:
    if args.bawaan and not (args.licence and args.attribution):
        print("Dengan --bawaan, sebutkan --licence dan --attribution: batas yang dibagikan bersama aplikasi harus "
              "membawa lisensi dan atribusinya. Tidak ada yang diubah.", file=sys.stderr)
        return 2
    try:
        lap = batas.install(args.sumber, source=args.source, licence=args.licence, attribution=args.attribution,
                            timeout=args.timeout, deadline=args.deadline)
    except batas.BatasError as e:
        return _gagal(e)
    print(lap.ringkasan())
    if not args.licence or not args.attribution:
        print("Peringatan: lisensi dan/atau atribusi tidak disebutkan. Bila data ini mewajibkan atribusi, pasang "
              "ulang dengan --licence dan --attribution agar teksnya tampil di bawah peta.", file=sys.stderr)
    return _simpan_bawaan() if args.bawaan else 0


def _simpan_bawaan() -> int:
    try:
        paths = bawaan.simpan_dari(config.db_path(), bawaan.folder())
    except OSError as e:
        print(f"Batas bawaan tidak bisa ditulis ({e.strerror or e}); batas di basis data tetap terpasang.",
              file=sys.stderr)
        return 3
    print("Batas bawaan disimpan: " + ", ".join(str(p) for p in paths))
    return 0


def cmd_download(args) -> int:
    try:
        lap = batas.download(args.api_url, timeout=args.timeout, deadline=args.deadline)
    except batas.BatasError as e:
        return _gagal(e)
    print(lap.ringkasan())
    return 0


def cmd_status(args) -> int:
    st = batas.status()
    if st is None:
        print("Belum ada batas wilayah terpasang; dasbor memakai peta ubin. " + batas.CARA_PASANG)
        return 0
    print(f"Batas wilayah terpasang: {len(st['units'])} kabupaten/kota ({', '.join(st['units'])}).")
    print(f"Sumber: {st['source']}")
    print(f"Lisensi: {st['licence'] or '(tidak disebutkan)'}")
    print(f"Atribusi: {st['attribution']}")
    print(f"Dipasang: {st['installed_at']} dari {st['input_name']}")
    print(f"Ukuran: {_ribuan(st['vertices'])} simpul, {_ribuan(st['bytes'])} byte GeoJSON")
    return 0
