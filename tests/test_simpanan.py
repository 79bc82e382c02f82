"""The shared store: the cache keys itself, hands out read-only values, follows the file,
and never closes a connection under a reader (threads through the same code path as pages)."""
import os
import shutil
import threading

import duckdb
import pandas as pd
import pytest

from conftest import FIXTURE_SOURCES
from pilar import build, simpanan, tampilan


def tanda(path):
    s = path.stat()
    return (str(path), s.st_ino, s.st_mtime_ns, s.st_size)


@pytest.fixture()
def toko(monkeypatch, fixture_db_path):
    """A fresh process-wide store following the fixture database."""
    baru = simpanan.Simpanan()
    monkeypatch.setattr(simpanan, "SIMPANAN", baru)
    monkeypatch.setattr(tampilan, "SIMPANAN", baru)
    baru.ikuti(fixture_db_path, tanda(fixture_db_path))
    return baru


def test_cache_key_is_the_call_itself(toko):
    calls = []

    @simpanan.tersimpan
    def kali(a, b=1):
        calls.append((a, b))
        return a * b

    assert kali(2, b=3) == 6 and kali(2, b=3) == 6
    assert kali(2, b=4) == 8 and kali(3, b=3) == 9
    assert calls == [(2, 3), (2, 4), (3, 3)]  # every argument is part of the key, none forgotten


def test_cached_values_cannot_be_changed_by_a_caller(toko):
    @simpanan.tersimpan
    def frame():
        return pd.DataFrame({"x": [1, 2]})

    @simpanan.tersimpan
    def kamus():
        return {"a": 1}

    got = frame()
    got["y"] = 0
    got.loc[0, "x"] = 99
    assert list(frame().columns) == ["x"] and frame()["x"].tolist() == [1, 2]
    with pytest.raises(TypeError):
        kamus()["a"] = 2


def _crowd(n, fn):
    """``n`` threads calling ``fn`` at once; their results in start order."""
    out = [None] * n

    def run(i):
        try:
            out[i] = fn()
        except Exception as e:  # noqa: BLE001 - the test looks at it
            out[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    return threads, out


@pytest.fixture()
def menunggu(monkeypatch):
    """How many callers are waiting for another's computation: each flight's event counts its waiters."""
    cond = threading.Condition()
    hitung = {"n": 0}

    class Tunggu(threading.Event):
        def wait(self, timeout=None):
            with cond:
                hitung["n"] += 1
                cond.notify_all()
            return super().wait(timeout)

    asli = simpanan._Penerbangan.__init__

    def init(self):
        asli(self)
        self.selesai = Tunggu()

    monkeypatch.setattr(simpanan._Penerbangan, "__init__", init)

    def sampai(n: int) -> bool:
        with cond:
            return cond.wait_for(lambda: hitung["n"] >= n, timeout=10)
    return sampai


def test_a_crowd_asking_for_one_value_computes_it_once(toko, menunggu):
    mulai, lepas, calls = threading.Event(), threading.Event(), []

    @simpanan.tersimpan
    def mahal():
        calls.append(1)
        mulai.set()
        assert lepas.wait(10)  # held until the crowd has asked too
        return pd.DataFrame({"x": [len(calls)]})

    first, _ = _crowd(1, mahal)
    assert mulai.wait(10)
    crowd, got = _crowd(20, mahal)
    assert menunggu(20) and len(calls) == 1  # all twenty wait for the one computing
    lepas.set()
    for th in first + crowd:
        th.join(10)
    assert len(calls) == 1
    assert all(g["x"].tolist() == [1] for g in got)


def test_a_failed_computation_is_not_handed_to_those_waiting(toko, menunggu):
    mulai, lepas, calls = threading.Event(), threading.Event(), []

    @simpanan.tersimpan
    def rapuh():
        calls.append(1)
        if len(calls) == 1:
            mulai.set()
            assert lepas.wait(10)
            raise RuntimeError("gagal sekali")
        return "jadi"

    first, failed = _crowd(1, rapuh)
    assert mulai.wait(10)
    crowd, got = _crowd(5, rapuh)
    assert menunggu(5)  # all five wait for the computation that will fail
    lepas.set()
    for th in first + crowd:
        th.join(10)
    assert isinstance(failed[0], RuntimeError)
    assert got == ["jadi"] * 5 and len(calls) == 2  # one waiter computed it again, the others waited for that


def test_a_value_asked_for_again_while_it_is_computed_does_not_hang(toko):
    def buat():
        return toko.ambil(("ulang",), lambda: "dalam")  # the same key, from inside its own computation

    threads, got = _crowd(1, lambda: toko.ambil(("ulang",), buat))
    threads[0].join(10)
    assert not threads[0].is_alive() and got == ["dalam"]


def test_indikator_views_are_not_shared_mutable(toko):
    ind = tampilan.indikator()
    mine = ind.nilai()
    mine["kpm_pkh"] = 0
    assert tampilan.indikator().nilai()["kpm_pkh"].sum() > 0


def test_new_file_version_clears_the_cache_and_is_read(toko, tmp_path):
    target = tmp_path / "pilar.duckdb"
    build.build(FIXTURE_SOURCES, target)
    toko.ikuti(target, tanda(target))
    before = tampilan.nilai("tksk_per_kecamatan").penyebut
    ubah = tmp_path / "sources"
    shutil.copytree(FIXTURE_SOURCES, ubah)
    csv = ubah / "fakta_wilayah.csv"
    rows = csv.read_text().splitlines()
    i = next(i for i, r in enumerate(rows) if r.startswith("6301,kecamatan,"))
    parts = rows[i].split(",")
    parts[2] = str(int(parts[2]) + 5)
    rows[i] = ",".join(parts)
    csv.write_text("\n".join(rows) + "\n")
    build.build(ubah, target)  # replaced on disk while the store holds the old version open
    toko.ikuti(target, tanda(target))
    assert tampilan.nilai("tksk_per_kecamatan").penyebut == before + 5


def test_retired_connection_is_closed_only_after_its_last_reader(toko, tmp_path):
    target = tmp_path / "pilar.duckdb"
    build.build(FIXTURE_SOURCES, target)
    toko.ikuti(target, tanda(target))
    with toko.koneksi() as lama:
        cur = lama.cursor()
        build.build(FIXTURE_SOURCES, target)
        toko.ikuti(target, tanda(target))
        assert cur.execute("SELECT count(*) FROM wilayah").fetchone()[0] == 3  # still usable
        cur.close()
    with pytest.raises(duckdb.Error):
        lama.cursor()  # closed once nobody used it


def test_readers_never_see_an_error_while_the_file_is_replaced(toko, tmp_path):
    """N reader threads query through the pages' path while the file is rebuilt M times."""
    target = tmp_path / "pilar.duckdb"
    build.build(FIXTURE_SOURCES, target)
    toko.ikuti(target, tanda(target))
    errors, reads, stop = [], [0], threading.Event()

    def reader():
        while not stop.is_set():
            try:
                toko.ikuti(target, tanda(target))  # what every page run does first
                assert simpanan.kueri("pilar_per_wilayah", kode=[])["lks"].sum() == 35
                tampilan.nilai("kpm_per_pendamping", (6371,))
                reads[0] += 1
            except Exception as e:  # noqa: BLE001 - any error is the failure we count
                errors.append(repr(e))

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    for _ in range(15):
        build.build(FIXTURE_SOURCES, target)
    stop.set()
    for t in threads:
        t.join()
    assert errors == []
    assert reads[0] > 15
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
