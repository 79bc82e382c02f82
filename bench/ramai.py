"""A room of people: crowds of 30, 100 and 300 sessions opening the home page at the same moment.

Used by ``python -m bench`` (sections 6-8); ``python -m bench --only ruangan --crowd 30,100`` runs just these.
"""
from __future__ import annotations

import os
import statistics
import sys
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


def crowds(targets: dict[str, tuple], sizes=SIZES, cookie: str = "", log=print) -> dict:
    """Each size against each target (url, rss function or None) in turn, so all share the same minute's
    load: {target: {n: ringkas}}. Every target is warmed first by one session, which fills the caches."""
    out = {k: {} for k in targets}
    for url, _ in targets.values():
        wsclient.crowd(url, 1, cookie=cookie)
    for n in sizes:
        for name, (url, rss) in targets.items():
            out[name][n] = satu(name, url, n, rss, cookie, log)
    return out


def satu(name: str, url: str, n: int, rss=None, cookie: str = "", log=print) -> dict:
    """One crowd of ``n`` sessions against ``url``, summed up with the load and RSS it met."""
    time.sleep(2)  # the previous crowd's sessions leave the server
    load = os.getloadavg()[0]
    res, mem = wsclient.crowd(url, n, rss, cookie=cookie)
    c = {**ringkas(res), "load": load, "rss_mb": mem / 1e6 if mem else None}
    log(f"crowd {n} {name}: {c['ok']}/{n}, first chart median {fmt_s(c['first_median_s'])} "
        f"worst {fmt_s(c['first_worst_s'])}, ≤5 s {c['within5']:.0%}, ≤15 s {c['within15']:.0%} (load {load:.1f})")
    return c


def ruangan(env: dict, floor_snap: Path, sizes, app_args, floor_app: Path, log=print) -> dict:
    """Section 6: the app and the home page's floor app, one server each, crowds of every size."""
    servers = {"app": harness.Server(ROOT / "server.py", env=env, args=list(app_args)),
               "floor": harness.Server(floor_app, env={"PILAR_FLOOR": str(floor_snap)},
                                       args=["--server.enableStaticServing", "true", *app_args])}
    try:
        for s in servers.values():
            s.wait_healthy()
        out = crowds({k: (s.url, s.rss_bytes) for k, s in servers.items()}, sizes, log=log)
    finally:
        for s in servers.values():
            s.stop()
    out["dingin"] = dingin(env, max(sizes), app_args, log=log)
    return out


def dingin(env: dict, n: int, app_args, log=print) -> dict:
    """A process that has served no one yet (just started, or its caches emptied by an import) meets the
    whole crowd: every value the home page needs is computed while the sessions wait for it."""
    server = harness.Server(ROOT / "server.py", env=env, args=list(app_args))
    try:
        server.wait_healthy()
        return {n: satu("app dingin", server.url, n, server.rss_bytes, log=log)}
    finally:
        server.stop()


def fetches(targets: dict[str, str], n: int, log=print) -> dict:
    """``n`` clients fetch each URL at the same moment: time to last byte, bytes per client."""
    out = {}
    for name, url in targets.items():
        wsclient.fetch_crowd(url, 1)
        time.sleep(1)
        res = wsclient.fetch_crowd(url, n)
        t = sorted(r.last_byte_s for r in res if r.ok)
        out[name] = {"n": n, "ok": len(t), "load": os.getloadavg()[0], "median_s": statistics.median(t) if t else None,
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


def _persen(x) -> str:
    return "–" if x is None else f"{x:.0%}"


def laporan(crowd: dict, proxy: dict | None) -> list[str]:
    """Sections 6-8 of docs/PERFORMANCE.md."""
    L = ["## 6. Satu ruangan / a room: 30, 100 dan 300 sesi membuka beranda sekaligus", "",
         "Klien ringan yang sama (`bench/wsclient.py`), semua sesi dibuka pada saat yang sama; waktu sampai delta "
         "grafik plotly pertama diterima. App dan floor bergantian per ukuran (menit yang sama, beban yang sama). "
         "≤ 5 s / ≤ 15 s = bagian sesi yang sudah menerima grafik pertamanya. RSS dibaca saat semua sesi "
         "terhubung. Keduanya berjalan dengan `.streamlit/config.toml` dan flag `scripts/app` yang sama. Sebelum "
         "perbaikan temuan 4 (isu 14, mesin ini): app 2,8 / 11,7 / 59,1 s terburuk untuk 30 / 100 / 300 sesi, "
         "floor 2,4 / 8,2 / 33,5 s.", "",
         "| sesi | app median s | app terburuk s | app ≤ 5 s | app ≤ 15 s | floor median s | floor terburuk s "
         "| floor ≤ 5 s | floor ≤ 15 s | app ÷ floor (terburuk) | RSS app MB | load 1 mnt |",
         "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, a in crowd["app"].items():
        f = crowd["floor"][n]
        q = a["first_worst_s"] / f["first_worst_s"] if a["first_worst_s"] and f["first_worst_s"] else None
        L.append(f"| {n} | {_s(a['first_median_s'])} | {_s(a['first_worst_s'])} | {_persen(a['within5'])} | "
                 f"{_persen(a['within15'])} | {_s(f['first_median_s'])} | {_s(f['first_worst_s'])} | "
                 f"{_persen(f['within5'])} | {_persen(f['within15'])} | {'–' if q is None else f'{q:.2f}×'} | "
                 f"{_s(a['rss_mb'], 0)} | {a['load']:.1f} |")
    for n, d in crowd.get("dingin", {}).items():
        L += ["", f"Proses dingin / a cold process: server baru yang belum melayani siapa pun, {n} sesi sekaligus "
              f"tanpa pemanasan: {d['ok']}/{n} berhasil, grafik pertama median {_s(d['first_median_s'])} s, "
              f"terburuk {_s(d['first_worst_s'])} s, ≤ 5 s {_persen(d['within5'])}, ≤ 15 s {_persen(d['within15'])} "
              f"(load {d['load']:.1f}). Tiap nilai tersimpan dihitung sekali sementara sesi lain menunggunya "
              "(temuan 5)."]
    L += ["", "## 7. Lewat nginx dengan 2 proses / through nginx with 2 processes (`scripts/serve-forum`)", ""]
    if not proxy or proxy.get("skip"):
        return L + [f"Tidak diukur: {(proxy or {}).get('skip', 'tahap proxy tidak dijalankan')}.", ""]
    L += ["Peramban baru (Chromium, konteks kosong) membuka beranda; HTTP = byte badan respons yang diterima "
          "(terkompresi bila dikompresi), websocket = frame yang diterima.", "",
          "| | HTTP (aset) KB | websocket KB |", "|---|---:|---:|"]
    for k, v in proxy["bytes"].items():
        L.append(f"| {k} | {v['http_bytes'] / 1024:,.0f} | {v['ws_bytes'] / 1024:,.1f} |")
    n = proxy["n"]
    L += ["", f"{n} sesi serentak (klien ringan; lewat nginx tiap sesi membawa cookie-nya sendiri, seperti "
          "peramban yang berbeda):", "",
          "| | berhasil | median s | terburuk s | ≤ 5 s | ≤ 15 s | RSS MB (semua proses) | load 1 mnt |",
          "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for k, v in proxy["crowd"].items():
        c = v[n]
        L.append(f"| {k} | {c['ok']}/{n} | {_s(c['first_median_s'])} | {_s(c['first_worst_s'])} | "
                 f"{_persen(c['within5'])} | {_persen(c['within15'])} | "
                 f"{_s(c['rss_mb'], 0)} | {c['load']:.1f} |")
    L += ["", f"## 8. Halaman audiens statis / the static audience page: {n} klien sekaligus", "",
          f"Berkas: {proxy['lembar_asal']}. Tiap klien membuka koneksi sendiri dan mengambil halaman itu "
          "(GET dengan `Accept-Encoding: gzip`); waktu sampai byte terakhir.", "",
          "| disajikan oleh | berhasil | median s | terburuk s | byte per klien KB | load 1 mnt |",
          "|---|---:|---:|---:|---:|---:|"]
    for k, v in proxy["lembar"].items():
        L.append(f"| {k} | {v['ok']}/{v['n']} | {_s(v['median_s'], 3)} | {_s(v['worst_s'], 3)} | "
                 f"{v['bytes'] / 1024:,.1f} | {v['load']:.1f} |")
    return L + [""]


def _s(x, nd: int = 2) -> str:
    return "–" if x is None else f"{x:.{nd}f}"
