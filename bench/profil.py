"""Where a page's rerun time goes: cProfile of the script thread over reruns after a filter change.

Run: .venv/bin/python -m bench.profil [pages/1_Peta.py] [--runs 10] [--top 25]
Shows the project's own functions (dashboard.py, pages/, pilar/) by cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILTERS = [[], [6371]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profil")
    ap.add_argument("page", nargs="?", default="", help="e.g. pages/1_Peta.py (empty = home)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--db", type=Path, help="database (default: built from data/sources in a temp dir)")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from pilar import build
    from bench import floor
    db = a.db or build.build(ROOT / "data" / "sources", Path(tempfile.mkdtemp()) / "pilar.duckdb").path
    os.environ["PILAR_DB"] = str(db)
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    if a.page:
        at.switch_page(a.page)
        at.run()
    for i in range(4):  # warm the caches of both filters
        floor.ganti_filter(at, FILTERS[i % 2])
        at.run()
    profiles = []

    def start(*_):  # first event of each new (script) thread: profile that thread
        sys.setprofile(None)
        p = cProfile.Profile()
        profiles.append(p)
        p.enable()

    threading.setprofile(start)
    try:
        for i in range(a.runs):
            floor.ganti_filter(at, FILTERS[(i + 1) % 2])
            at.run()
    finally:
        threading.setprofile(None)
    out = io.StringIO()
    stats = pstats.Stats(profiles[0], stream=out)
    for p in profiles[1:]:
        stats.add(p)
    stats.sort_stats("cumulative").print_stats(r"(dashboard\.py|/pages/|/pilar/)", a.top)
    print(f"{a.runs} reruns of {a.page or 'dashboard.py'} (times include the profiler's overhead)")
    print("\n".join(l for l in out.getvalue().splitlines() if l.strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
