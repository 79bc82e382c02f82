"""Command line: python -m pilar COMMAND. Messages are in Bahasa Indonesia."""
from __future__ import annotations

import argparse
import importlib
import json
import sys

import pandas as pd

from . import alokasi, build, config, db, sumber


def _print_frame(df: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif fmt == "json":
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            print(df.to_string(index=False))


def cmd_build(args) -> int:
    res = build.build()
    print(f"Basis data ditulis: {res.path}")
    for t, n in res.rows.items():
        print(f"  {t}: {n} baris")
    return 0


def cmd_alokasi(args) -> int:
    written = alokasi.update_estimates(config.sources_dir())
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
    q = db.get_query(args.nama)
    by_name = {p.nama: p for p in q.params}
    values = {}
    for item in args.param or []:
        if "=" not in item:
            raise db.QueryError(f"Parameter '{item}' harus berbentuk nama=nilai, misalnya kode=6371,6372.")
        key, text = item.split("=", 1)
        if key not in by_name:
            raise db.QueryError(f"Kueri {q.nama} tidak mengenal parameter '{key}'. "
                                f"Parameternya: {', '.join(by_name) or '(tidak ada)'}.")
        values[key] = db.parse_param(by_name[key], text)
    con = db.connect(build.ensure_built())
    try:
        _print_frame(db.run(con, q.nama, **values), args.format)
    finally:
        con.close()
    return 0


# Modules that add their own subcommands: each has register(subparsers).
COMMAND_MODULES: list[str] = ["pilar.cli_proyeksi", "pilar.cli_batas"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pilar", description="Pilar Kalsel: data pilar sosial dan KPM.")
    sub = p.add_subparsers(dest="perintah", required=True)
    sub.add_parser("build", help="bangun data/pilar.duckdb dari data/sources/").set_defaults(fn=cmd_build)
    sub.add_parser("alokasi", help="hitung ulang baris estimasi di data/sources/").set_defaults(fn=cmd_alokasi)
    sub.add_parser("queries", help="daftar kueri bernama").set_defaults(fn=cmd_queries)
    q = sub.add_parser("query", help="jalankan satu kueri bernama")
    q.add_argument("nama")
    q.add_argument("--param", action="append", metavar="NAMA=NILAI")
    q.add_argument("--format", choices=["tabel", "csv", "json"], default="tabel")
    q.set_defaults(fn=cmd_query)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.fn(args)
    except sumber.SumberError as e:
        print("Data sumber tidak sah; basis data tidak diubah.", file=sys.stderr)
        for line in e.pesan:
            print(f"  - {line}", file=sys.stderr)
        return 1
    except db.QueryError as e:
        print(str(e), file=sys.stderr)
        return 2
