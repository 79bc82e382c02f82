"""A room of people: crowds of 30, 100 and 300 sessions opening the home page at the same moment.

Used by ``python -m bench`` (sections 6-8). Quick look while developing:
    .venv/bin/python -m bench.ramai [--crowd 30,100] [--target app,floor]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser import harness  # noqa: E402

from bench import wsclient  # noqa: E402

SIZES = (30, 100, 300)
BUDGET_CROWD = 1.3  # app's worst first chart ≤ 1.3 × the floor's, at every size
COOKIE = "pilar_hulu=bench{i}"  # one browser each, as the proxy's cookie would make them (scripts/serve-forum)


def ringkas(res: list[wsclient.Hasil]) -> dict:
    """Median and worst first chart, share within 5 s and 15 s (of all sessions, a failed one counts as late)."""
    firsts = sorted(r.first_chart_s for r in res if r.first_chart_s is not None)
    n = len(res)
    return {"n": n, "ok": sum(r.ok for r in res),
            "first_median_s": statistics.median(firsts) if firsts else None,
            "first_worst_s": firsts[-1] if firsts else None,
            "within5": sum(f <= 5 for f in firsts) / n, "within15": sum(f <= 15 for f in firsts) / n,
            "done_worst_s": max((r.done_s or 0) for r in res),
            "errors": sorted({r.error for r in res if r.error})[:3]}


def crowds(targets: dict[str, str], sizes=SIZES, cookie: str = "", log=print) -> dict:
    """Each size against each target in turn (same minute, same load): {target: {n: ringkas}}.
    Every target is warmed first by one session, which fills the caches."""
    out = {k: {} for k in targets}
    for url in targets.values():
        wsclient.crowd(url, 1, cookie=cookie)
    for n in sizes:
        for name, url in targets.items():
            time.sleep(2)  # the previous crowd's sessions leave the server
            load = os.getloadavg()[0]
            res, _ = wsclient.crowd(url, n, cookie=cookie)
            out[name][n] = {**ringkas(res), "load": load}
            c = out[name][n]
            log(f"crowd {n} {name}: {c['ok']}/{n}, first chart median {fmt_s(c['first_median_s'])} "
                f"worst {fmt_s(c['first_worst_s'])}, ≤5 s {c['within5']:.0%}, ≤15 s {c['within15']:.0%} (load {load:.1f})")
    return out


def fetches(targets: dict[str, str], n: int, log=print) -> dict:
    """``n`` clients fetch each URL at the same moment: time to last byte, bytes per client."""
    out = {}
    for name, url in targets.items():
        wsclient.fetch_crowd(url, 1)
        time.sleep(1)
        res = wsclient.fetch_crowd(url, n)
        t = sorted(r.last_byte_s for r in res if r.ok)
        out[name] = {"n": n, "ok": len(t), "median_s": statistics.median(t) if t else None,
                     "worst_s": t[-1] if t else None, "bytes": statistics.median(r.bytes for r in res),
                     "errors": sorted({r.error for r in res if r.error})[:3]}
        log(f"fetch {n} {name}: {len(t)}/{n}, last byte median {fmt_s(out[name]['median_s'])} "
            f"worst {fmt_s(out[name]['worst_s'])}, {out[name]['bytes'] / 1024:.1f} KB each")
    return out


def fmt_s(x) -> str:
    return "–" if x is None else f"{x:.2f} s"


def budgets(c: dict, floor_key: str = "floor", app_key: str = "app") -> list[str]:
    """One line per size: app's worst first chart against the floor's, with the margin."""
    B = []
    for n in c[app_key]:
        a, f = c[app_key][n]["first_worst_s"], c[floor_key][n]["first_worst_s"]
        q = a / f if a and f else None
        ok = q is not None and q <= BUDGET_CROWD and c[app_key][n]["ok"] == n
        margin = f"marjin {BUDGET_CROWD - q:+.2f}×" if q is not None else "tanpa angka"
        B.append(f"{'PASS' if ok else 'FAIL'}  {n} sesi serentak, grafik pertama terburuk: app {fmt_s(a)} = "
                 f"{'–' if q is None else f'{q:.2f}'}× floor {fmt_s(f)} (batas ≤ {BUDGET_CROWD}×; {margin}; "
                 f"berhasil {c[app_key][n]['ok']}/{n})")
    return B


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ramai")
    ap.add_argument("--crowd", default="30,100", help="sizes, comma-separated")
    ap.add_argument("--target", default="app,floor")
    a = ap.parse_args(argv)
    from bench import floor
    from bench.__main__ import APP_ARGS, FILTERS, FLOOR_APP
    from pilar import build
    work = Path(tempfile.mkdtemp(prefix="pilar-ramai-"))
    db = build.build(ROOT / "data" / "sources", work / "pilar.duckdb").path
    env = {"PILAR_DB": str(db), "PILAR_SOURCES": str(ROOT / "data" / "sources")}
    servers = {}
    names = a.target.split(",")
    if "app" in names:
        servers["app"] = harness.Server(ROOT / "dashboard.py", env=env, args=APP_ARGS)
    if "floor" in names:
        os.environ.update(env)
        snap = floor.snapshot("", FILTERS, work / "floor.json")
        servers["floor"] = harness.Server(FLOOR_APP, env={"PILAR_FLOOR": str(snap)},
                                          args=["--server.enableStaticServing", "true", *APP_ARGS])
    try:
        for s in servers.values():
            s.wait_healthy()
        print("pids:", {k: s.proc.pid for k, s in servers.items()}, flush=True)
        c = crowds({k: s.url for k, s in servers.items()}, tuple(int(x) for x in a.crowd.split(",")))
        if "app" in c and "floor" in c:
            print("\n".join(budgets(c)))
    finally:
        for s in servers.values():
            s.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
