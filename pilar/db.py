"""Named queries in queries/*.sql, run with parameters through one loader.

A query file starts with comment lines:

    -- One line that says what the query returns.
    -- @param kode kode_list  BPS codes of the units; empty = whole province
    -- @param periode teks     data period; empty = latest
    -- @periode pilar           (optional) the table whose periods ``periode`` may take

Parameter types: ``kode_list`` (list of BPS codes), ``teks`` (text or NULL),
``bulat`` (integer or NULL). Values are bound as DuckDB parameters, never
formatted into the SQL text.

``run`` checks values against the database before running, so the app and the CLI
get the same ``QueryError``: every code of a ``kode_list`` must be a unit of the
``wilayah`` table, and a ``periode`` must be one of the periods of the query's table.
That table is the one named by ``@periode``, or else the one the query takes its
default period from (``max(periode) FROM tabel``): a query that defaults to the latest
period of a table accepts exactly that table's periods. Without the check an unknown
period returns a row of nulls per unit, which reads like "not published".
"""
from __future__ import annotations

import numbers
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from . import config
from .wilayah import pesan_tak_dikenal, urai_kode

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
    periode_dari: str | None = None  # table whose periods the ``periode`` parameter may take


_MAX_PERIODE = re.compile(r"max\(\s*periode\s*\)\s+FROM\s+(\w+)", re.IGNORECASE)


def _tabel_periode(path: Path, text: str, declared: str | None, params: list[Param]) -> str | None:
    if not any(p.nama == "periode" for p in params):
        return None
    if declared:
        return declared
    found = set(_MAX_PERIODE.findall(text))
    if len(found) != 1:
        raise ValueError(f"{path.name}: cannot tell which table holds the periods of $periode "
                         f"(found {sorted(found)}); add a line '-- @periode TABLE'")
    return found.pop()


def parse_query(path: Path) -> Query:
    text = path.read_text(encoding="utf-8")
    keterangan, params, periode = "", [], None
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        body = line[2:].strip()
        m = re.match(r"@param\s+(\w+)\s+(\w+)\s*(.*)", body)
        if m:
            if m.group(2) not in PARAM_TYPES:
                raise ValueError(f"{path.name}: unknown parameter type {m.group(2)}")
            params.append(Param(m.group(1), m.group(2), m.group(3).strip()))
        elif re.fullmatch(r"@periode\s+(\w+)", body):
            periode = body.split()[1]
        elif not keterangan:
            keterangan = body
    used = set(re.findall(r"\$(\w+)", text))
    declared = {p.nama for p in params}
    if used != declared:
        raise ValueError(f"{path.name}: parameters used {sorted(used)} but declared {sorted(declared)}")
    return Query(path.stem, keterangan, text, tuple(params), _tabel_periode(path, text, periode, params))


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
    """Turn a command-line value into the parameter's type.

    A ``kode_list`` stays text here: ``run`` splits it and checks every code against the
    database (``wilayah.urai_kode``), so the CLI and Python callers share one check.
    """
    text = text.strip()
    if param.tipe == "kode_list":
        return text
    if param.tipe == "bulat":
        if not text:
            return None
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", text):
            raise QueryError(f"Parameter {param.nama}: '{text}' bukan bilangan bulat.")
        return int(text)
    return text or None


def kode_wilayah(cur) -> tuple[int, ...]:
    """Every unit's BPS code in the database."""
    return tuple(r[0] for r in cur.execute("SELECT kode_bps FROM wilayah ORDER BY kode_bps").fetchall())


def periode_ada(cur, query: Query) -> list[str]:
    """The periods the query's ``periode`` parameter may take (empty if it has none)."""
    if query.periode_dari is None:
        return []
    # the table name comes from the query file (a \w+ identifier), never from the user
    sql = f"SELECT DISTINCT periode FROM {query.periode_dari} ORDER BY periode"
    return [str(r[0]) for r in cur.execute(sql).fetchall()]


def _bind(query: Query, values: dict, cur) -> dict:
    unknown = set(values) - {p.nama for p in query.params}
    if unknown:
        raise QueryError(f"Kueri {query.nama} tidak mengenal parameter {', '.join(sorted(unknown))}. "
                         f"Parameternya: {', '.join(p.nama for p in query.params) or '(tidak ada)'}.")
    bound = {}
    for p in query.params:
        v = values.get(p.nama)
        if p.tipe == "kode_list":
            v = _kode(v, cur)
        elif p.tipe == "teks":
            v = None if v is None or str(v).strip() == "" else str(v).strip()
            if v is not None and p.nama == "periode" and query.periode_dari:
                ada = periode_ada(cur, query)
                if v not in ada:
                    raise QueryError(f"Periode '{v}' tidak ada untuk kueri {query.nama}. "
                                     f"Periode yang ada: {', '.join(ada) or '(tidak ada)'}.")
        bound[p.nama] = v
    return bound


def _kode(v, cur) -> list[int]:
    """A kode_list value (list of codes, comma-separated text, one code, or None) as known codes."""
    if v is None:
        return []
    if isinstance(v, numbers.Integral):
        v = [v]
    elif not isinstance(v, str):
        v = list(v)
    if not (v.strip() if isinstance(v, str) else v):
        return []  # empty = every unit; no need to ask the database
    dikenal = kode_wilayah(cur)
    kode, asing = urai_kode(v, dikenal)
    if asing:
        raise QueryError(pesan_tak_dikenal(asing, dikenal))
    return kode


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; callers take a cursor per query (connections are not thread-safe)."""
    return duckdb.connect(str(path or config.db_path()), read_only=True)


def run(con: duckdb.DuckDBPyConnection, name: str, **values) -> pd.DataFrame:
    """Run the named query with parameters on a fresh cursor of ``con``.

    ``kode`` may be a list of codes or comma-separated text. Unknown codes or periods raise
    ``QueryError`` with a message naming the valid ones (see the module docstring).
    """
    query = get_query(name)
    cur = con.cursor()
    try:
        return cur.execute(query.sql, _bind(query, values, cur)).df()
    finally:
        cur.close()
