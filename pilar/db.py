"""Named queries in queries/*.sql, run with parameters through one loader.

A query file starts with comment lines:

    -- One line that says what the query returns.
    -- @param kode kode_list  BPS codes of the units; empty = whole province
    -- @param periode teks     data period; empty = latest

Parameter types: ``kode_list`` (list of BPS codes), ``teks`` (text or NULL),
``bulat`` (integer or NULL). Values are bound as DuckDB parameters, never
formatted into the SQL text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from . import config

PARAM_TYPES = ("kode_list", "teks", "bulat")


class QueryError(ValueError):
    """A query name or parameter the user gave is not valid (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class Param:
    nama: str
    tipe: str
    keterangan: str


@dataclass(frozen=True)
class Query:
    nama: str
    keterangan: str
    sql: str
    params: tuple[Param, ...] = field(default=())


def parse_query(path: Path) -> Query:
    text = path.read_text(encoding="utf-8")
    keterangan, params = "", []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        body = line[2:].strip()
        m = re.match(r"@param\s+(\w+)\s+(\w+)\s*(.*)", body)
        if m:
            if m.group(2) not in PARAM_TYPES:
                raise ValueError(f"{path.name}: unknown parameter type {m.group(2)}")
            params.append(Param(m.group(1), m.group(2), m.group(3).strip()))
        elif not keterangan:
            keterangan = body
    used = set(re.findall(r"\$(\w+)", text))
    declared = {p.nama for p in params}
    if used != declared:
        raise ValueError(f"{path.name}: parameters used {sorted(used)} but declared {sorted(declared)}")
    return Query(path.stem, keterangan, text, tuple(params))


@lru_cache(maxsize=None)
def _queries(folder: Path) -> dict[str, Query]:
    return {p.stem: parse_query(p) for p in sorted(folder.glob("*.sql"))}


def queries(folder: Path | None = None) -> dict[str, Query]:
    return _queries(Path(folder or config.QUERIES_DIR))


def get_query(name: str) -> Query:
    qs = queries()
    if name not in qs:
        raise QueryError(f"Kueri '{name}' tidak ada. Kueri yang tersedia: {', '.join(qs)}.")
    return qs[name]


def parse_param(param: Param, text: str):
    """Turn a command-line value into the parameter's type."""
    text = text.strip()
    if param.tipe == "kode_list":
        if not text:
            return []
        try:
            return [int(x) for x in text.split(",") if x.strip()]
        except ValueError:
            raise QueryError(f"Parameter {param.nama}: '{text}' harus daftar kode BPS dipisah koma, "
                             "misalnya 6371,6372.") from None
    if param.tipe == "bulat":
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise QueryError(f"Parameter {param.nama}: '{text}' bukan bilangan bulat.") from None
    return text or None


def _bind(query: Query, values: dict) -> dict:
    unknown = set(values) - {p.nama for p in query.params}
    if unknown:
        raise QueryError(f"Kueri {query.nama} tidak mengenal parameter {', '.join(sorted(unknown))}. "
                         f"Parameternya: {', '.join(p.nama for p in query.params) or '(tidak ada)'}.")
    bound = {}
    for p in query.params:
        v = values.get(p.nama)
        if p.tipe == "kode_list":
            v = [int(x) for x in (v or [])]
        bound[p.nama] = v
    return bound


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; callers take a cursor per query (connections are not thread-safe)."""
    return duckdb.connect(str(path or config.db_path()), read_only=True)


def run(con: duckdb.DuckDBPyConnection, name: str, **values) -> pd.DataFrame:
    """Run the named query with parameters on a fresh cursor of ``con``."""
    query = get_query(name)
    cur = con.cursor()
    try:
        return cur.execute(query.sql, _bind(query, values)).df()
    finally:
        cur.close()
