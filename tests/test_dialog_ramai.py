"""A room writing at once (not timed): two dashboard processes on one dialog store, and one killed with
SIGKILL mid-stream. What was acknowledged is stored, once."""
import os
import re
import signal
import sqlite3
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser import harness
from conftest import FIXTURE_SOURCES, ROOT
from pilar.dialog import simpan



def _server(store, db, log):
    env = {"PILAR_DIALOG": str(store), "PILAR_DB": str(db), "PILAR_SOURCES": str(FIXTURE_SOURCES),
           "PILAR_DIALOG_PER_MENIT": "100000"}
    return harness.Server(ROOT / "server.py", env=env, log=log)


def kirim(url: str, fid: int, i: int, ulang: int = 1) -> list[str]:
    """One phone: open the form, send it ``ulang`` times (a double tap); the tokens acknowledged."""
    with urllib.request.urlopen(f"{url}/forum/{fid}?kab=6371", timeout=60) as r:
        token = re.search(r'name="token" value="([^"]+)"', r.read().decode()).group(1)
    data = urllib.parse.urlencode({"token": token, "kab": "6371", "pihak": "psm", "jenis": "usulan",
                                   "teks": f"masukan nomor {i}"}).encode()
    ack = []
    for _ in range(ulang):
        try:
            with urllib.request.urlopen(url + f"/forum/{fid}", data=data, timeout=60) as r:
                if r.status == 200 and "Terkirim" in r.read().decode():
                    ack.append(token)
        except OSError:  # refused or cut off: not acknowledged
            pass
    return ack


def stored(store) -> list[str]:
    con = sqlite3.connect(store)
    try:
        return [t for (t,) in con.execute("SELECT token FROM masukan")]
    finally:
        con.close()


def test_hundred_at_once_through_two_processes(tmp_path, fixture_db_path, monkeypatch):
    store = tmp_path / "dialog.sqlite"
    monkeypatch.setenv("PILAR_DIALOG", str(store))
    fid = simpan.buka_forum("Ramai", "2025-09-23")
    a = _server(store, fixture_db_path, tmp_path / "a.log")
    b = _server(store, fixture_db_path, tmp_path / "b.log")
    try:
        urls = [a.wait_healthy().url, b.wait_healthy().url]
        with ThreadPoolExecutor(50) as pool:  # every fifth phone taps Kirim twice
            hasil = list(pool.map(lambda i: kirim(urls[i % 2], fid, i, 2 if i % 5 == 0 else 1), range(100)))
    finally:
        a.stop()
        b.stop()
    diakui = [t for ack in hasil for t in ack]
    simpanan = stored(store)
    assert len(simpanan) == len(set(simpanan))  # none twice
    assert set(simpanan) == set(diakui)  # none lost, nothing stored that was not acknowledged
    assert len(set(diakui)) == 100  # (a loaded machine may refuse some; here every phone got through)


def test_acknowledged_items_survive_kill_9(tmp_path, fixture_db_path, monkeypatch):
    store = tmp_path / "dialog.sqlite"
    monkeypatch.setenv("PILAR_DIALOG", str(store))
    fid = simpan.buka_forum("Dibunuh", "2025-09-23")
    s = _server(store, fixture_db_path, tmp_path / "k.log")
    url = s.wait_healthy().url
    diakui, kunci, henti = [], threading.Lock(), threading.Event()

    def terus(j):
        i = 0
        while not henti.is_set():
            try:
                ack = kirim(url, fid, j * 10_000 + i)
            except OSError:  # the server is gone
                return
            with kunci:
                diakui.extend(ack)
            i += 1

    threads = [threading.Thread(target=terus, args=(j,)) for j in range(8)]
    for th in threads:
        th.start()
    try:
        while True:
            with kunci:
                if len(diakui) >= 60:
                    break
            if s.proc.poll() is not None:
                pytest.fail("the server stopped by itself")
            threading.Event().wait(0.05)
        os.kill(s.proc.pid, signal.SIGKILL)  # mid-stream: requests are in flight
        s.proc.wait()
    finally:
        henti.set()
        for th in threads:
            th.join(120)
        s.stop()
    simpanan = set(stored(store))
    assert len(diakui) >= 60 and set(diakui) <= simpanan
    with sqlite3.connect(store) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
