"""Grow a copy of the database to many quarterly periods (pillars and KPM of all 13 units).

The latest period of each table is left as it is, so every page shows the same figures
on the grown copy: any slowdown is the cost of data a page does not show.
Run alone: python -m bench.generate SRC.duckdb DST.duckdb [PERIODS]
"""
from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import duckdb


def _quarter_ends_before(day: dt.date, n: int) -> list[str]:
    """The ``n`` quarter-end dates before ``day``, newest first."""
    out, y, q = [], day.year, (day.month - 1) // 3 + 1
    while len(out) < n:
        q -= 1
        if q == 0:
            y, q = y - 1, 4
        end = dt.date(y, 3 * q, 1) + dt.timedelta(days=31)
        out.append((end.replace(day=1) - dt.timedelta(days=1)).isoformat())
    return out


def _quarters_before(label: str, n: int) -> list[str]:
    """'2022-Q2' -> the ``n`` quarters before it, newest first."""
    y, q, out = int(label[:4]), int(label[6]), []
    while len(out) < n:
        q -= 1
        if q == 0:
            y, q = y - 1, 4
        out.append(f"{y}-Q{q}")
    return out


def grow(src: Path, dst: Path, periods: int = 40) -> dict[str, int]:
    """Copy ``src`` to ``dst`` and add older periods until each table has ``periods``. Returns row counts."""
    dst.unlink(missing_ok=True)
    shutil.copyfile(src, dst)  # keeps the sources fingerprint: the app will not rebuild it
    con = duckdb.connect(str(dst))
    try:
        latest = con.execute("SELECT max(periode) FROM pilar").fetchone()[0]
        ada = {r[0] for r in con.execute("SELECT DISTINCT periode FROM pilar").fetchall()}
        baru = [p for p in _quarter_ends_before(dt.date.fromisoformat(latest), periods) if p not in ada]
        for i, per in enumerate(baru[:periods - len(ada)], 1):
            con.execute("""INSERT INTO pilar SELECT kode_bps, jenis_pilar, ?, greatest(0, round(jumlah * (1 - ? * 0.006)
                               + (hash(kode_bps, jenis_pilar, ?) % 5) - 2))::INTEGER, sumber_id, status, 'bench: sintetis'
                           FROM pilar WHERE periode = ?""", [per, i, per, latest])
        for program, latest_k in con.execute("SELECT program, max(periode) FROM kpm GROUP BY program").fetchall():
            ada = {r[0] for r in con.execute("SELECT DISTINCT periode FROM kpm WHERE program = ?", [program]).fetchall()}
            baru = [p for p in _quarters_before(latest_k, periods) if p not in ada]
            for i, per in enumerate(baru[:periods - len(ada)], 1):
                con.execute("""INSERT INTO kpm SELECT kode_bps, program, ?, greatest(0, round(jumlah * (1 + ? * 0.01)
                                   + (hash(kode_bps, ?) % 41) - 20))::INTEGER, sumber_id, status, 'bench: sintetis'
                               FROM kpm WHERE program = ? AND periode = ?""", [per, i, per, program, latest_k])
        con.execute("CHECKPOINT")
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("pilar", "kpm")}
    finally:
        con.close()


if __name__ == "__main__":
    print(grow(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 40))
