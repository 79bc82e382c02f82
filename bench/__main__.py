"""Benchmark: every page against its floor app, payload, memory, concurrency, data size.

Run: .venv/bin/python -m bench [--runs 41] [--reps 2] [--crowd 30,100,300] [--out docs/PERFORMANCE.md]
Prints a table and writes docs/PERFORMANCE.md. Reports figures; asserts nothing.
``--only ruangan`` runs only the room sections (crowds, nginx, static page) and prints them;
``--only dialog`` only section 9 (300 phones send the dialog form through nginx + 2 processes).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the browser harness lives with the browser tests

from browser import harness  # noqa: E402

from bench import dialog, floor, generate, proksi, ramai, wsclient  # noqa: E402

FLOOR_APP = ROOT / "bench" / "floor_app.py"
FILTERS = [[], [6371]]  # a filter change alternates between these two


def app_args() -> list[str]:
    """The --server.* flags of scripts/app's default run (its `exec` line, not the --jaringan
    option's extra flags): measure the dashboard as it is deployed."""
    text = (ROOT / "scripts" / "app").read_text()
    run = next(line for line in text.splitlines() if line.startswith("exec "))
    return [x for flag, val in re.findall(r"(--server\.\w+)[ =](\S+)", run) for x in (flag, val)]


APP_ARGS = app_args()
GEO_TEST = ROOT.parent / "shared" / "geo" / "kalsel_kabkota.geojson"  # test boundaries, never in the repo
BUDGET_RERUN, BUDGET_MAP_KB, BUDGET_RSS_MB, CROWD = 1.5, 500, 800, 30


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- machine ------------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    try:
        chromium = subprocess.run([harness.CHROMIUM, "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip().splitlines()[-1]
    except Exception:
        chromium = "?"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit,
            "nproc": os.cpu_count(), "mem_gb": mem / 1024 / 1024, "cpu": cpu,
            "os": platform.platform(), "python": platform.python_version(), "chromium": chromium,
            "versions": {p: version(p) for p in ("streamlit", "duckdb", "pandas", "plotly", "playwright")},
            "load_start": os.getloadavg()}


# --- pages --------------------------------------------------------------------------------

def pages() -> list[dict]:
    out = [{"name": "Ringkasan", "file": "", "url": "/"}]
    for p in sorted((ROOT / "pages").glob("*.py")):
        out.append({"name": harness.page_url_path(p), "file": f"pages/{p.name}",
                    "url": "/" + harness.page_url_path(p)})
    return out


# --- 1. rerun time, server side (AppTest, in process) -------------------------------------

def rerun_ms(variants: dict[str, tuple[Path, str, dict]], runs: int) -> dict[str, float]:
    """Median rerun time of each variant (script, page, env), runs interleaved so all share the same load."""
    from streamlit.testing.v1 import AppTest
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    apps, times = {}, {k: [] for k in variants}
    for k, (script, page, env) in variants.items():
        os.environ.update(env)
        at = AppTest.from_file(str(script), default_timeout=120)
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        apps[k] = at
    for i in range(runs + 2):  # two warm-up rounds fill the caches of both filters
        for k, at in apps.items():
            os.environ.update(variants[k][2])  # the app reads PILAR_DB on every run
            floor.ganti_filter(at, FILTERS[(i + 1) % 2])
            t = time.perf_counter()
            at.run()
            if i >= 2:
                times[k].append(time.perf_counter() - t)
            if at.exception:
                raise RuntimeError(f"{variants[k][0].name} {variants[k][1]}: {at.exception[0].value}")
    out = {k: statistics.median(v) * 1000 for k, v in times.items()}
    # Ratios from the pairs of one round (same moment, same load), then the median of those.
    for k in variants:
        if k != "floor" and "floor" in times:
            out[f"{k}_ratio"] = statistics.median(a / b for a, b in zip(times[k], times["floor"]))
    return out


# --- 2./3. browser: cold start to first chart, bytes per page view ------------------------

def page_view(browser, url: str) -> dict:
    """A fresh browser context opens ``url``: time to first chart drawn, bytes received."""
    guard = harness.NetGuard()
    ctx = browser.new_context()
    guard.attach(ctx)
    page = ctx.new_page()
    ws_bytes, responses = [0], []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: ws_bytes.__setitem__(0, ws_bytes[0] + len(p))))
    page.on("response", lambda resp: responses.append(resp))
    t = time.perf_counter()
    page.goto(url)
    drawn = harness.wait_for_first_chart(page, timeout=60_000)
    first = time.perf_counter() - t if drawn else None  # None: a page without charts
    harness.wait_for_app(page, timeout=60_000)
    complete = time.perf_counter() - t
    page.wait_for_timeout(300)  # late frames (e.g. page_info) after the run
    http = 0
    for r in responses:
        try:
            http += r.request.sizes()["responseBodySize"]
        except Exception:
            pass
    n_charts = len(harness.charts(page))
    ctx.close()
    return {"first_chart_s": first, "complete_s": complete, "ws_bytes": ws_bytes[0], "http_bytes": http, "charts": n_charts,
            "external": guard.external}


def cold_start(browser, script: Path, env: dict, url_path: str, args=()) -> dict:
    t = time.perf_counter()
    server = harness.Server(script, env=env, args=list(args)).wait_healthy()
    start = time.perf_counter() - t
    try:
        view = page_view(browser, server.url + url_path)
    finally:
        server.stop()
    return {"server_start_s": start, **view}


# --- 4./5. memory and concurrency (light websocket client) ---------------------------------

def crowd_figures(env: dict, script: Path = ROOT / "server.py", args=APP_ARGS, sizes=(1, 10, CROWD)) -> dict:
    server = harness.Server(script, env=env, args=list(args)).wait_healthy()
    try:
        out = {"rss_idle_mb": server.rss_bytes() / 1e6}
        if sizes[0] != 1:
            wsclient.crowd(server.url, 1)  # warm: the first session fills the caches
        for n in sizes:
            res, rss = wsclient.crowd(server.url, n, server.rss_bytes)
            out[n] = {**ramai.ringkas(res), "rss_mb": rss / 1e6}
        return out
    finally:
        server.stop()


def geojson_kb(snapshot_file: Path) -> float | None:
    """Size of the GeoJSON inside the map page's figure(s)."""
    snap = json.loads(snapshot_file.read_text())[""]
    sizes = []

    def walk(items):
        for it in items:
            for k in ("cols", "body"):
                for sub in (it.get(k) or []):
                    walk(sub if k == "cols" else [sub])
            if it["t"] == "plotly":
                for tr in json.loads(it["spec"]).get("data", []):
                    if "geojson" in tr:
                        sizes.append(len(json.dumps(tr["geojson"], separators=(",", ":"))))
    walk(snap)
    return sum(sizes) / 1024 if sizes else None


# --- report -------------------------------------------------------------------------------

def fmt(x, nd=0, unit=""):
    return "–" if x is None else f"{x:,.{nd}f}{unit}"


def ratio(a, b):
    return None if a is None or not b else a / b


def report(m: dict, r: dict) -> tuple[str, list[str]]:
    L = []
    L += ["# Kinerja / Performance", "",
          f"Ditulis oleh `.venv/bin/python -m bench` pada {m['date']} (commit `{m['commit']}`); "
          "jangan disunting tangan: jalankan ulang. / Written by the benchmark; re-run, do not edit.", "",
          "## Mesin / machine", "",
          "| | |", "|---|---|",
          f"| CPU | {m['cpu']}, nproc {m['nproc']} |",
          f"| memori | {m['mem_gb']:.1f} GB |",
          f"| OS | {m['os']} |",
          f"| Python | {m['python']} |",
          "| paket | " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + " |",
          f"| peramban | {m['chromium']} (headless) |",
          f"| load average (1/5/15 min) awal → akhir | {' / '.join(f'{x:.1f}' for x in m['load_start'])} → "
          f"{' / '.join(f'{x:.1f}' for x in m['load_end'])} |",
          f"| durasi benchmark | {m['duration_s']:.0f} s |",
          f"| flag server aplikasi (dari `scripts/app`) | `{' '.join(APP_ARGS) or '-'}` |", ""]
    L += ["Angka waktu pada mesin 2 inti bersama ini bising; rasio app/floor diukur berdampingan pada saat yang "
          "sama, jadi lebih stabil daripada angka mutlaknya. / Timings on this shared 2-core machine are noisy; "
          "the app/floor ratios are measured side by side and are steadier than the absolute figures.", ""]
    L += ["## 1. Rerun setelah filter berubah (sisi server) / rerun after a filter change (server side)", "",
          f"Median dari {r['runs']} rerun AppTest dalam satu proses, filter bergantian seluruh provinsi ↔ "
          "Banjarmasin, cache sudah hangat; rerun app dan floor bergiliran (lalu app 40 periode dan floor), "
          "jadi keduanya mengalami beban mesin yang sama; rasio = median dari rasio tiap giliran. Floor = `bench/floor_app.py`: elemen yang sama (metrik, teks, "
          "figur plotly, tabel, kolom) dibaca dari JSON yang dihitung sebelumnya, tanpa kueri atau pandas. "
          f"\"40 periode\" = basis data yang ditumbuhkan `bench/generate.py` ({r['big_rows']}).", "",
          "| halaman | app ms | floor ms | rasio | app 40 periode ms | rasio 40 periode | angka sama di 40 periode |",
          "|---|---:|---:|---:|---:|---:|---|"]
    for p in r["pages"]:
        x = r["rerun"][p["name"]]
        L.append(f"| {p['name']} | {fmt(x['app'], 1)} | {fmt(x['floor'], 1)} | {fmt(x['app_ratio'], 2)}× "
                 f"| {fmt(x['big'], 1)} | {fmt(x['big_ratio'], 2)}× | {x['same_on_big']} |")
    L += ["", "## 2. Cold start sampai grafik pertama di peramban / cold start to first chart", "",
          f"Server baru tiap kali (`streamlit run`), konteks peramban baru; median dari {r['reps']} kali. "
          "Waktu = dari navigasi sampai grafik plotly pertama tergambar (SVG berisi); halaman lengkap = run "
          "selesai dan semua elemen tergambar. Server start = proses "
          "sampai `/_stcore/health` menjawab.", "",
          "| halaman | app s | floor s | rasio | halaman lengkap app s | floor s | server start app s | floor s |",
          "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for p in r["pages"]:
        a, f = r["cold"][p["name"]]["app"], r["cold"][p["name"]]["floor"]
        L.append(f"| {p['name']} | {fmt(a['first_chart_s'], 2)} | {fmt(f['first_chart_s'], 2)} | "
                 f"{fmt(ratio(a['first_chart_s'], f['first_chart_s']), 2)}× | {fmt(a['complete_s'], 2)} | "
                 f"{fmt(f['complete_s'], 2)} | {fmt(a['server_start_s'], 2)} | "
                 f"{fmt(f['server_start_s'], 2)} |")
    L += ["", "## 3. Muatan per tampilan halaman / payload per page view", "",
          "Byte websocket = semua frame yang diterima peramban untuk satu tampilan halaman (elemen, figur JSON, "
          "tabel). HTTP = aset statis (JS, CSS, font) pada konteks peramban baru, sama untuk semua halaman dan "
          "di-cache setelah kunjungan pertama.", "",
          "| halaman | websocket app KB | websocket floor KB | HTTP (aset) KB | grafik |", "|---|---:|---:|---:|---:|"]
    for p in r["pages"]:
        a, f = r["cold"][p["name"]]["app"], r["cold"][p["name"]]["floor"]
        L.append(f"| {p['name']} | {fmt(a['ws_bytes'] / 1024, 1)} | {fmt(f['ws_bytes'] / 1024, 1)} | "
                 f"{fmt(a['http_bytes'] / 1024, 0)} | {a['charts']} |")
    if r.get("map_big"):
        L += ["", f"Halaman peta pada basis data 40 periode: {fmt(r['map_big']['ws_bytes'] / 1024, 1)} KB websocket."]
    if r.get("map_geo"):
        L += ["", f"Halaman peta dengan batas geografis terpasang (berkas uji `../shared/geo`, 900 simpul): "
              f"{fmt(r['map_geo']['ws_bytes'] / 1024, 1)} KB websocket; GeoJSON di figur {fmt(r['geojson_geo_kb'], 1)} KB."]
    L += ["", f"GeoJSON di dalam figur peta ubin (tanpa batas terpasang): {fmt(r['geojson_kb'], 1)} KB.", ""]
    L += ["## 4. Memori server / server memory (RSS)", "",
          "Sesi = klien websocket ringan (`bench/wsclient.py`) yang mengirim pesan pertama yang sama dengan "
          "peramban dan menerima seluruh halaman Ringkasan; semua sesi tetap terhubung saat RSS dibaca.", "",
          "| sesi serentak | RSS MB | RSS MB (40 periode) |", "|---:|---:|---:|",
          f"| 0 (idle) | {fmt(r['crowd']['rss_idle_mb'])} | {fmt(r['crowd_big']['rss_idle_mb'])} |"]
    for n in (1, 10, CROWD):
        L.append(f"| {n} | {fmt(r['crowd'][n]['rss_mb'])} | {fmt(r['crowd_big'][n]['rss_mb'])} |")
    L += ["", f"## 5. Serentak / concurrency: {CROWD} sesi membuka beranda sekaligus", "",
          "Waktu sampai delta grafik plotly pertama diterima dari server (klien ringan, tanpa menggambar); "
          "server sudah hangat (satu sesi sebelumnya). Baris \"flag bawaan Streamlit\" menjalankan server tanpa "
          "flag dari `scripts/app` (dengan pengawas berkas); baris floor memakai floor app halaman beranda.", "",
          "| basis data | berhasil | median grafik pertama s | terburuk s | run selesai terburuk s |",
          "|---|---:|---:|---:|---:|"]
    for label, c in (("asli", r["crowd"][CROWD]), ("40 periode", r["crowd_big"][CROWD]),
                     ("asli, flag bawaan Streamlit", r["crowd_default"][CROWD]),
                     ("floor beranda", r["crowd_floor"][CROWD])):
        L.append(f"| {label} | {c['ok']}/{c['n']} | {fmt(c['first_median_s'], 2)} | {fmt(c['first_worst_s'], 2)} | "
                 f"{fmt(c['done_worst_s'], 2)} |")
    # budgets
    B = []
    for p in r["pages"]:
        x = r["rerun"][p["name"]]
        q = x["app_ratio"]
        B.append(f"{'PASS' if q is not None and q <= BUDGET_RERUN else 'FAIL'}  rerun {p['name']}: "
                 f"{fmt(q, 2)}× floor (batas ≤ {BUDGET_RERUN}×)")
    peta = next((p for p in r["pages"] if p["name"] == "Peta"), None)
    if peta:
        views = [("ubin", r["cold"]["Peta"]["app"])] + ([("geografis", r["map_geo"])] if r.get("map_geo") else [])
        for view, v in views:
            kb = v["ws_bytes"] / 1024
            B.append(f"{'PASS' if kb <= BUDGET_MAP_KB else 'FAIL'}  muatan halaman peta ({view}): {kb:.1f} KB "
                     f"(batas ≤ {BUDGET_MAP_KB} KB)")
    else:
        B.append("SKIP  muatan halaman peta: pages/*Peta.py belum ada")
    for label, c in (("", r["crowd"]), (" (40 periode)", r["crowd_big"])):
        rss = c[CROWD]["rss_mb"]
        B.append(f"{'PASS' if rss <= BUDGET_RSS_MB else 'FAIL'}  RSS dengan {CROWD} sesi{label}: {rss:.0f} MB "
                 f"(batas ≤ {BUDGET_RSS_MB} MB)")
        ok = c[CROWD]["ok"]
        B.append(f"{'PASS' if ok == CROWD else 'FAIL'}  {CROWD} sesi serentak mendapat grafik pertama{label}: "
                 f"{ok}/{CROWD}" + (f" ({'; '.join(c[CROWD]['errors'])})" if c[CROWD]["errors"] else ""))
    L += ["", *ramai.laporan(r["ruangan"], r.get("proksi")), *dialog.laporan(r.get("dialog"))]
    B += ramai.budgets(r["ruangan"])
    L += ["## Anggaran / budgets", "", "```", *B, "```", ""]
    notes = ROOT / "bench" / "temuan.md"
    if notes.exists():
        L += [notes.read_text().strip(), ""]
    return "\n".join(L), B


def room_only(env: dict, work: Path, sizes) -> int:
    """``--only ruangan``: sections 6-8 and their budget lines, printed."""
    os.environ.update(env)
    snap = floor.snapshot("", FILTERS, work / "floor_Ringkasan.json")
    crowd = ramai.ruangan(env, snap, sizes, APP_ARGS, FLOOR_APP, log=log)
    lines = ramai.laporan(crowd, proksi.tahap(env, work, page_view, APP_ARGS, n=max(sizes), log=log))
    print("\n".join(lines + ramai.budgets(crowd)))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=41, help="reruns per page and app (median)")
    ap.add_argument("--reps", type=int, default=2, help="cold starts per page and app (median)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "PERFORMANCE.md")
    ap.add_argument("--crowd", default=",".join(map(str, ramai.SIZES)), help="room sizes (sessions at once)")
    ap.add_argument("--only", choices=["ruangan", "dialog"],
                    help="only the room sections (6-8) or the dialog section (9), printed, nothing written")
    a = ap.parse_args(argv)
    sizes = tuple(int(x) for x in a.crowd.split(",") if x.strip())
    t_start = time.perf_counter()
    m = machine()
    from pilar import build
    work = Path(tempfile.mkdtemp(prefix="pilar-bench-"))
    sources = ROOT / "data" / "sources"
    db = build.build(sources, work / "pilar.duckdb").path
    env = {"PILAR_DB": str(db), "PILAR_SOURCES": str(sources)}
    if a.only == "ruangan":
        return room_only(env, work, sizes)
    if a.only == "dialog":
        print("\n".join(dialog.laporan(dialog.tahap(env, work / "dialog", APP_ARGS, log=log))))
        return 0
    big = work / "pilar_40.duckdb"
    rows = generate.grow(db, big, 40)
    env_big = {"PILAR_DB": str(big), "PILAR_SOURCES": str(sources)}
    r = {"runs": a.runs, "reps": a.reps, "pages": pages(), "rerun": {}, "cold": {},
         "big_rows": f"{rows['pilar']:,} baris pilar, {rows['kpm']:,} baris KPM, 40 periode triwulanan × 13 wilayah"}
    log(f"pages: {', '.join(p['name'] for p in r['pages'])}; work dir {work}")

    # Floor snapshots, and whether the grown database shows the same figures.
    snaps = {}
    for p in r["pages"]:
        os.environ.update(env)
        snaps[p["name"]] = floor.snapshot(p["file"], FILTERS, work / f"floor_{p['name']}.json")
        os.environ.update(env_big)
        same = floor.capture(p["file"], []) == json.loads(snaps[p["name"]].read_text())[""]
        r["rerun"][p["name"]] = {"same_on_big": "ya" if same else "TIDAK"}
    log("floor snapshots written")

    # The map with geographic boundaries: the test boundaries of ../shared/geo, when present.
    env_geo = None
    if "Peta" in snaps and GEO_TEST.exists():
        geo_db = work / "pilar_geo.duckdb"
        geo_db.write_bytes(db.read_bytes())
        env_geo = {**env, "PILAR_DB": str(geo_db)}
        subprocess.run([sys.executable, "-m", "pilar", "boundaries", "install", str(GEO_TEST), "--licence",
                        "CC BY 3.0 IGO", "--attribution", "geoBoundaries"], cwd=ROOT, check=True,
                       env={**os.environ, **env_geo}, capture_output=True)
        os.environ.update(env_geo)
        r["geojson_geo_kb"] = geojson_kb(floor.snapshot("pages/1_Peta.py", [[]], work / "floor_peta_geo.json"))

    for p in r["pages"]:
        x = r["rerun"][p["name"]]
        # One database per phase: a server serves one file, and the app's process-wide store follows it.
        fl = (FLOOR_APP, "", {"PILAR_FLOOR": str(snaps[p["name"]])})
        x.update(rerun_ms({"app": (ROOT / "dashboard.py", p["file"], env), "floor": fl}, a.runs))
        big = rerun_ms({"big": (ROOT / "dashboard.py", p["file"], env_big), "floor": fl}, a.runs)
        x.update(big=big["big"], big_ratio=big["big_ratio"])
        log(f"rerun {p['name']}: app {x['app']:.1f} ms, floor {x['floor']:.1f} ms, 40 periods {x['big']:.1f} ms")

    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = harness.launch(pw)
        for p in r["pages"]:
            runs = {"app": [], "floor": []}
            for _ in range(a.reps):
                runs["app"].append(cold_start(browser, ROOT / "server.py", env, p["url"], APP_ARGS))
                runs["floor"].append(cold_start(browser, FLOOR_APP, {"PILAR_FLOOR": str(snaps[p["name"]])}, "/",
                                                ["--server.enableStaticServing", "true", *APP_ARGS]))
            r["cold"][p["name"]] = {}
            for k, vs in runs.items():
                firsts = [v["first_chart_s"] for v in vs if v["first_chart_s"] is not None]
                r["cold"][p["name"]][k] = {**vs[0], "first_chart_s": statistics.median(firsts) if firsts else None,
                                           "complete_s": statistics.median(v["complete_s"] for v in vs),
                                           "server_start_s": statistics.median(v["server_start_s"] for v in vs)}
                ext = sorted({u for v in vs for u in v["external"]})
                if ext:
                    log(f"WARNING {p['name']} {k}: requests left 127.0.0.1: {ext}")
            c = r["cold"][p["name"]]
            log(f"cold {p['name']}: app {fmt(c['app']['first_chart_s'], 2)} s, floor {fmt(c['floor']['first_chart_s'], 2)} s; "
                f"websocket {c['app']['ws_bytes'] / 1024:.1f} KB (floor {c['floor']['ws_bytes'] / 1024:.1f} KB)")
        if "Peta" in r["cold"]:
            r["map_big"] = cold_start(browser, ROOT / "server.py", env_big, "/Peta", APP_ARGS)
        if env_geo:
            r["map_geo"] = cold_start(browser, ROOT / "server.py", env_geo, "/Peta", APP_ARGS)
            log(f"map with boundaries: {r['map_geo']['ws_bytes'] / 1024:.1f} KB websocket")
        browser.close()
    r["geojson_kb"] = geojson_kb(snaps["Peta"]) if "Peta" in snaps else None

    r["crowd"] = crowd_figures(env)
    log(f"crowd: {json.dumps({k: v for k, v in r['crowd'].items()}, default=str)}")
    r["crowd_big"] = crowd_figures(env_big)
    log(f"crowd 40 periods: {json.dumps({k: v for k, v in r['crowd_big'].items()}, default=str)}")
    # The same crowd with Streamlit's default server flags, and against the home page's floor app.
    r["crowd_default"] = crowd_figures(env, args=(), sizes=(CROWD,))
    r["crowd_floor"] = crowd_figures({"PILAR_FLOOR": str(snaps["Ringkasan"])}, FLOOR_APP,
                                     ["--server.enableStaticServing", "true", *APP_ARGS], sizes=(CROWD,))
    log("crowd variants: " + json.dumps({k: r[k][CROWD] for k in ("crowd_default", "crowd_floor")}, default=str))

    r["ruangan"] = ramai.ruangan(env, snaps["Ringkasan"], sizes, APP_ARGS, FLOOR_APP, log=log)
    r["proksi"] = proksi.tahap(env, work, page_view, APP_ARGS, n=max(sizes), log=log)
    r["dialog"] = dialog.tahap(env, work / "dialog", APP_ARGS, log=log)
    m["load_end"] = os.getloadavg()
    m["duration_s"] = time.perf_counter() - t_start
    text, budgets = report(m, r)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text)
    print()
    print(text)
    log(f"written {a.out} in {m['duration_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
