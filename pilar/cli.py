"""Command line: python -m pilar COMMAND. Messages are in Bahasa Indonesia.

Imports go one way: this module builds the parser from the subcommand modules
(``cli_proyeksi``, ``cli_batas``), which never import it; what they share for output is
``ekspor.tulis_frame``. Errors a user can cause end as one paragraph on stderr and a
non-zero exit status, never a traceback: 2 for a bad argument, 1 for data or files that
cannot be used (``main``). Everything any command prints passes ``format.teks_bersih`` on its way
out (``AliranBersih``): stored text cannot send escape sequences to the terminal.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import sqlite3
import sys

import duckdb

from . import alokasi, build, cli_batas, cli_dialog, cli_impor, cli_proyeksi, cli_ukuran, config, db, ekspor, proyeksi, sumber
from .lembar import cli as cli_lembar
from . import ekspor_xlsx
from . import format as fmt

# argparse's own messages (Python 3.11), in Bahasa Indonesia; the first match wins.
_PESAN_ARGPARSE = [
    (r"the following arguments are required: (.*)", r"argumen wajib belum diberikan: \1."),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1."),
    (r"argument (\S+): expected one argument",
     r"opsi \1 butuh satu nilai; nilai yang diawali '-' ditulis dengan '=', misalnya \1=-5."),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
     r"\2 tidak dikenal sebagai \1; pilih salah satu dari \3."),
    (r"ambiguous option: (\S+) could match (.*)", r"opsi \1 ambigu: bisa berarti \2."),
    (r"argument (\S+): invalid \w+ value: (.*)", r"argumen \1: \2 bukan nilai yang sah."),
    (r"argument (\S+): ignored explicit argument (.*)", r"opsi \1 tidak menerima nilai (\2)."),
]


def terjemah_argparse(pesan: str) -> str:
    """argparse's English error message in Bahasa Indonesia (unknown ones are quoted as they are)."""
    for pola, ganti in _PESAN_ARGPARSE:
        m = re.fullmatch(pola, pesan, flags=re.DOTALL)
        if m:
            return m.expand(ganti)
    return f"argumen tidak sah ({pesan})."


class Parser(argparse.ArgumentParser):
    """argparse with messages and headings in Bahasa Indonesia; subcommand parsers inherit it."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="tampilkan bantuan ini lalu keluar")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "pemakaian: ", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", "pemakaian: ", 1)

    def _get_values(self, action, arg_strings):
        # Python 3.11 drops '--' given as an option's own value (--format=--) and stores [] instead
        # of text; it is the missing value it looks like.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            self.error(f"argument {'/'.join(action.option_strings)}: expected one argument")
        return super()._get_values(action, arg_strings)

    def error(self, message: str):
        pesan = f"{self.prog}: {terjemah_argparse(message)} Bantuan: {self.prog} --help"
        self.exit(2, satu_paragraf(pesan) + "\n")


def cmd_build(args) -> int:
    res = build.build()
    if res.disisihkan:
        print(f"Basis data lama rusak; disimpan sebagai {res.disisihkan} (tidak dihapus).")
    print(f"Basis data ditulis: {res.path}")
    for t, n in res.rows.items():
        print(f"  {t}: {n} baris")
    return 0


def cmd_alokasi(args) -> int:
    try:
        written = alokasi.update_estimates(config.sources_dir())
    except ValueError as e:  # a total or allocation basis in the sources that cannot be shared out
        print(f"Alokasi estimasi gagal: {e}. Periksa total provinsi dan basis alokasi di "
              f"{config.sources_dir()}.", file=sys.stderr)
        return 1
    for t, n in written.items():
        print(f"{t}.csv: {n} baris estimasi dihitung ulang")
    return 0


def cmd_queries(args) -> int:
    for q in db.queries().values():
        params = " ".join(f"[{p.nama}]" for p in q.params)
        print(f"{q.nama} {params}".rstrip())
        print(f"    {q.keterangan}")
    return 0


def cmd_query(args) -> int:
    masalah = ekspor.masalah_tujuan(args.out, args.format)  # before anything runs: a bad path writes nothing
    if masalah:
        _pesan(masalah)
        return 2
    q = db.get_query(args.nama)
    by_name = {p.nama: p for p in q.params}
    values = {}
    for item in args.param or []:
        if "=" not in item:
            raise db.QueryError(f"Parameter '{item}' harus berbentuk nama=nilai, misalnya kode=6371,6372.")
        key, text = item.split("=", 1)
        key = key.strip()
        if key not in by_name:
            raise db.QueryError(f"Kueri {q.nama} tidak mengenal parameter '{key}'. "
                                f"Parameternya: {', '.join(by_name) or '(tidak ada)'}.")
        values[key] = db.parse_param(by_name[key], text)
    con = db.connect(build.ensure_built())
    if build.masalah_sumber():  # serving the last good database: say so, on stderr
        _pesan(build.masalah_sumber())
    try:  # codes and periods are checked against the database by db.run
        df = db.run(con, q.nama, **values)
        if args.format == "xlsx":  # the workbook's first sheet names the result's sources and periods
            data = ekspor_xlsx.kueri_xlsx(con, q, values, df)
    finally:
        con.close()
    if args.format != "xlsx":
        if not args.out:
            ekspor.tulis_frame(df, args.format)
            return 0
        teks = io.StringIO()
        ekspor.tulis_frame(df, args.format, teks)
        data = teks.getvalue().encode("utf-8")
    ekspor.tulis_atomik(args.out, data)
    print(f"Ditulis: {args.out} ({len(df)} baris)")
    return 0


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m pilar", description="Pilar Kalsel: data pilar sosial dan KPM.")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", required=True)
    sub.add_parser("build", help="bangun data/pilar.duckdb dari data/sources/").set_defaults(fn=cmd_build)
    sub.add_parser("alokasi", help="hitung ulang baris estimasi di data/sources/").set_defaults(fn=cmd_alokasi)
    sub.add_parser("queries", help="daftar kueri bernama").set_defaults(fn=cmd_queries)
    q = sub.add_parser("query", help="jalankan satu kueri bernama")
    q.add_argument("nama", help="nama kueri (lihat: python -m pilar queries)")
    q.add_argument("--param", action="append", metavar="NAMA=NILAI",
                   help="parameter kueri, boleh berulang; misalnya kode=6371,6372 atau periode=2022-Q2")
    q.add_argument("--format", choices=ekspor.FORMAT_CLI + tuple(ekspor.FORMAT_BERKAS), default="tabel",
                   help="tabel, csv, json atau xlsx (bawaan tabel); xlsx butuh --out")
    q.add_argument("--out", metavar="BERKAS", help="tulis ke berkas ini (xlsx: lembar Keterangan lalu Data)")
    q.set_defaults(fn=cmd_query)
    cli_ukuran.register(sub)
    cli_proyeksi.register(sub)
    cli_batas.register(sub)
    cli_impor.register(sub)
    cli_lembar.register(sub)
    cli_dialog.register(sub)
    return p


def satu_paragraf(teks) -> str:
    """One line, printable whatever the text held: arguments that were not valid UTF-8 reach
    Python as lone surrogates, which a strict stream refuses; they are shown as \\udcff."""
    return " ".join(str(teks).split()).encode("utf-8", "backslashreplace").decode("utf-8")


def _pesan(teks: str) -> None:
    print(satu_paragraf(teks), file=sys.stderr)


class AliranBersih:
    """A text stream that shows control and invisible characters of everything written to it
    (``fmt.teks_bersih``, keeping tab and newline); the stream itself stays reachable as ``mentah``."""

    def __init__(self, mentah):
        self.mentah = mentah

    def write(self, teks: str) -> int:
        return self.mentah.write(fmt.teks_bersih(teks, tetap="\t\n"))

    def __getattr__(self, nama):  # flush, fileno, isatty, encoding...
        return getattr(self.mentah, nama)


def main(argv: list[str] | None = None) -> int:
    """Run one command; its stdout and stderr are cleaned at this one place (``AliranBersih``)."""
    asli = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = AliranBersih(asli[0]), AliranBersih(asli[1])
    try:
        return _jalankan(argv)
    finally:
        sys.stdout, sys.stderr = asli


def _jalankan(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)  # argument errors: Parser.error, exit status 2
    try:
        kode = args.fn(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return kode
    except sumber.SumberError as e:
        print("Data sumber tidak sah; basis data tidak diubah.", file=sys.stderr)
        for line in e.pesan:
            print(f"  - {line}", file=sys.stderr)
        return 1
    except (db.QueryError, proyeksi.ProyeksiError) as e:
        _pesan(str(e))
        return 2
    except BrokenPipeError:  # e.g. `... | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except duckdb.Error as e:
        _pesan(f"Basis data {config.db_path()} tidak dapat dipakai (sedang ditulis proses lain, rusak, atau "
               f"bukan berkas DuckDB). Rincian: {e}")
        return 1
    except sqlite3.Error as e:
        _pesan(f"Penyimpanan dialog {config.dialog_path()} tidak dapat dipakai (terkunci terlalu lama, rusak, atau "
               f"folder hanya-baca). Rincian: {e}")
        return 1
    except OSError as e:
        _pesan(f"Berkas tidak dapat dibaca atau ditulis: {e.filename or ''} ({e.strerror or e}).")
        return 1
    except KeyboardInterrupt:
        _pesan("Dibatalkan.")
        return 130
