"""Section 9: three hundred phones send the dialog form at once through nginx + 2 processes
(``scripts/serve-forum``'s configuration), against a floor: the same form answered by a handler that only
appends to a file (bench/dialog_floor.py). Counts what was acknowledged, stored and stored twice.

``python -m bench --only dialog`` runs this section alone and prints it.
"""
from __future__ import annotations

import os
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from browser import harness

from bench import proksi

ROOT = Path(__file__).resolve().parent.parent
N = 300


def telepon(url: str, fid: int, i: int, mulai: threading.Barrier) -> dict:
    """One phone: open the form, then send it; times of both answers, and whether it said Terkirim."""
    mulai.wait()
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{url}/forum/{fid}?kab=6371", timeout=120) as r:
            token = re.search(r'name="token" value="([^"]+)"', r.read().decode()).group(1)
        t1 = time.perf_counter()
        data = urllib.parse.urlencode({"token": token, "kab": "6371", "pihak": "psm", "jenis": "usulan",
                                       "teks": f"Usulan nomor {i} dari ruangan"}).encode()
        with urllib.request.urlopen(f"{url}/forum/{fid}", data=data, timeout=120) as r:
            ok = r.status == 200 and "Terkirim" in r.read().decode()
        return {"ok": ok, "token": token, "form_s": t1 - t0, "kirim_s": time.perf_counter() - t1}
    except OSError as e:
        return {"ok": False, "token": None, "error": type(e).__name__}


def kerumunan(url: str, fid: int, n: int) -> dict:
    mulai = threading.Barrier(n)
    with ThreadPoolExecutor(n) as pool:
        hasil = list(pool.map(lambda i: telepon(url, fid, i, mulai), range(n)))
    kirim = sorted(h["kirim_s"] for h in hasil if "kirim_s" in h)
    return {"n": n, "ok": sum(h["ok"] for h in hasil), "tokens": [h["token"] for h in hasil if h["ok"]],
            "median_s": statistics.median(kirim) if kirim else None, "worst_s": kirim[-1] if kirim else None,
            "p95_s": kirim[int(0.95 * (len(kirim) - 1))] if kirim else None,
            "form_worst_s": max((h["form_s"] for h in hasil if "form_s" in h), default=None),
            "errors": sorted({h["error"] for h in hasil if "error" in h}), "load": os.getloadavg()[0]}


def _lantai(work: Path, n: int) -> dict:
    """The floor: two uvicorn processes of bench/dialog_floor.py behind the same nginx."""
    berkas = work / "lantai.txt"
    ports = [harness.free_port() for _ in range(2)]
    procs = [subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.dialog_floor:app", "--host", "127.0.0.1",
                               "--port", str(p), "--log-level", "warning"], cwd=ROOT,
                              env={**os.environ, "PILAR_BENCH_LANTAI": str(berkas)}) for p in ports]
    nginx = None
    try:
        sf = proksi.serve_forum()
        for p, proc in zip(ports, procs):
            sf.tunggu_sehat(f"http://127.0.0.1:{p}", proc, timeout=60, nama="lantai")
        nginx = proksi.Nginx(ports, work / "lantai")
        out = kerumunan(nginx.url, 1, n)
    finally:
        if nginx:
            nginx.stop()
        for proc in procs:
            harness.stop_process(proc)
    baris = berkas.read_bytes().splitlines() if berkas.exists() else []
    out.update(disimpan=len(baris), ganda=len(baris) - len(set(baris)))
    return out


def _app(work: Path, env: dict, app_args, n: int) -> dict:
    from pilar.dialog import simpan
    store = work / "dialog.sqlite"
    fid = simpan.buka_forum("Bench", "2025-09-23", path=store)
    env = {**env, "PILAR_DIALOG": str(store), "PILAR_DIALOG_PER_MENIT": "1000000"}  # all from nginx's 127.0.0.1
    backends = [harness.Server(ROOT / "server.py", env=env, args=list(app_args)) for _ in range(2)]
    nginx = None
    try:
        for b in backends:
            b.wait_healthy()
        nginx = proksi.Nginx([b.port for b in backends], work / "app")
        out = kerumunan(nginx.url, fid, n)
    finally:
        if nginx:
            nginx.stop()
        for b in backends:
            b.stop()
    con = sqlite3.connect(store)
    token = [t for (t,) in con.execute("SELECT token FROM masukan")]
    con.close()
    out.update(disimpan=len(token), ganda=len(token) - len(set(token)),
               hilang=len(set(out["tokens"]) - set(token)), tak_diakui=len(set(token) - set(out["tokens"])))
    return out


def tahap(env: dict, work: Path, app_args, n: int = N, log=print) -> dict:
    if proksi.serve_forum().nginx_bin() is None:
        return {"skip": "nginx tidak terpasang (scripts/serve-forum memasangnya dari paket Debian)"}
    work.mkdir(parents=True, exist_ok=True)
    out = {"n": n, "app": _app(work, env, app_args, n)}
    log(f"dialog app: {out['app']['ok']}/{n} terkirim, terburuk {out['app']['worst_s']:.2f} s")
    out["lantai"] = _lantai(work, n)
    log(f"dialog floor: {out['lantai']['ok']}/{n}, terburuk {out['lantai']['worst_s']:.2f} s")
    return out


def _s(x) -> str:
    return "–" if x is None else f"{x:.2f}".replace(".", ",")


def laporan(d: dict | None) -> list[str]:
    L = ["## 9. Dialog: 300 ponsel mengirim formulir sekaligus / 300 phones send the dialog form at once", ""]
    if not d or d.get("skip"):
        return L + [f"Tidak diukur: {(d or {}).get('skip', 'tahap dialog tidak dijalankan')}.", ""]
    L += [f"{d['n']} klien (`bench/dialog.py`) dilepas bersamaan lewat nginx dengan konfigurasi `scripts/serve-forum` "
          "di depan 2 proses: masing-masing membuka formulir lalu mengirimnya. Waktu = jawaban POST. Floor = "
          "formulir yang sama dijawab handler yang hanya menambahkan badan ke berkas (`bench/dialog_floor.py`, "
          "uvicorn, tanpa fsync); app = `server.py` yang menyimpan ke SQLite (WAL, `synchronous=FULL`: satu fsync "
          "per masukan). Batas per alamat dinaikkan untuk bench: semua klien datang dari 127.0.0.1.", "",
          "| | terkirim | tersimpan | ganda | hilang | median s | p95 s | terburuk s | formulir terburuk s | load |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for nama, k in (("app (nginx + 2 × server.py)", "app"), ("floor (nginx + 2 × tambah-ke-berkas)", "lantai")):
        x = d[k]
        L.append(f"| {nama} | {x['ok']}/{d['n']} | {x['disimpan']} | {x['ganda']} | {x.get('hilang', '–')} | "
                 f"{_s(x['median_s'])} | {_s(x['p95_s'])} | {_s(x['worst_s'])} | {_s(x['form_worst_s'])} | "
                 f"{x['load']:.1f} |")
    a, f = d["app"]["worst_s"], d["lantai"]["worst_s"]
    if a and f:
        L += ["", f"Terburuk app ÷ floor: {a / f:.2f}×.".replace(".", ",", 1)]
    return L + [""]
