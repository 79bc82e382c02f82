"""The dialog store: forums, what the room said, votes and follow-up, in SQLite (standard library).

Why SQLite and not the DuckDB file: up to two dashboard processes write items at once while an import may
rebuild ``pilar.duckdb``; DuckDB allows one writing process per file. SQLite in WAL mode takes writers from
several processes (one at a time, each waiting up to ``TUNGGU_MS`` for the lock), and with
``synchronous=FULL`` a commit that returned is on disk: ``kill -9`` of the process (or a power cut) loses
no acknowledged item. Its cost is one fsync per item, a few milliseconds, far below a room's rate.
One connection per thread and store, kept open: closing the last connection to a WAL database checkpoints
and removes the WAL, a few milliseconds with fsyncs, on every request. A connection is never shared
between threads.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import sqlite3
import threading
import time
from pathlib import Path

from .. import config
from .aturan import TINDAK, Kiriman, Tolak

TUNGGU_MS = 15_000
SKEMA = """
CREATE TABLE IF NOT EXISTS forum (
  id INTEGER PRIMARY KEY, nama TEXT NOT NULL, tanggal TEXT NOT NULL, tempat TEXT NOT NULL DEFAULT '',
  hadir TEXT NOT NULL DEFAULT '', dibuka TEXT NOT NULL, ditutup TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS forum_satu_terbuka ON forum ((ditutup IS NULL)) WHERE ditutup IS NULL;
CREATE TABLE IF NOT EXISTS masukan (
  id INTEGER PRIMARY KEY, forum_id INTEGER NOT NULL REFERENCES forum(id), token TEXT NOT NULL UNIQUE,
  kode_bps INTEGER NOT NULL, pihak TEXT NOT NULL, jenis TEXT NOT NULL, teks TEXT NOT NULL, teks_asli TEXT,
  nama TEXT NOT NULL DEFAULT '', klien TEXT NOT NULL, waktu TEXT NOT NULL, waktu_ns INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'baru', gabung_ke INTEGER,
  pemilik TEXT, status_tindak TEXT, tanggapan TEXT, tindak_waktu TEXT);
CREATE INDEX IF NOT EXISTS masukan_klien ON masukan (klien, waktu_ns);
CREATE INDEX IF NOT EXISTS masukan_forum ON masukan (forum_id, status);
CREATE TABLE IF NOT EXISTS suara (
  masukan_id INTEGER NOT NULL REFERENCES masukan(id), ponsel TEXT NOT NULL, waktu TEXT NOT NULL,
  PRIMARY KEY (masukan_id, ponsel));
CREATE TABLE IF NOT EXISTS tindak (
  id INTEGER PRIMARY KEY, masukan_id INTEGER NOT NULL REFERENCES masukan(id), waktu TEXT NOT NULL,
  status TEXT NOT NULL, pemilik TEXT NOT NULL, tanggapan TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rahasia (id INTEGER PRIMARY KEY CHECK (id = 1), kunci TEXT NOT NULL);
"""
KOLOM = ("id", "forum_id", "kode_bps", "pihak", "jenis", "teks", "teks_asli", "nama", "waktu", "status",
         "gabung_ke", "suara", "pemilik", "status_tindak", "tanggapan", "tindak_waktu")


def _kini() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_ANTRE_TULIS = threading.Lock()
_UTAS = threading.local()  # this thread's open connections: path -> connection
MAKS_TERBUKA = 4             # stores per thread (tests make many; a server uses one)


def _buka(path: Path | None = None) -> sqlite3.Connection:
    path = Path(path or config.dialog_path())
    terbuka = _UTAS.__dict__.setdefault("con", {})
    con = terbuka.get(str(path))
    if con is not None and path.is_file():
        return con
    if con is not None:  # the file went away (a test's tmp folder, a restore): start again
        terbuka.pop(str(path)).close()
    con = _sambung(path)
    while len(terbuka) >= MAKS_TERBUKA:
        terbuka.pop(next(iter(terbuka))).close()
    terbuka[str(path)] = con
    return con


def _sambung(path: Path) -> sqlite3.Connection:
    baru = not path.exists()
    if baru:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=TUNGGU_MS / 1000, isolation_level=None)
    con.row_factory = sqlite3.Row
    con.execute(f"PRAGMA busy_timeout = {TUNGGU_MS}")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    if baru or con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        con.execute("PRAGMA journal_mode = WAL")  # persistent in the file; set once
        con.executescript(SKEMA)
        con.execute("INSERT OR IGNORE INTO rahasia VALUES (1, ?)", (secrets.token_hex(32),))
    return con


@contextlib.contextmanager
def koneksi(path: Path | None = None):
    """This thread's connection to the store (kept open; see the module's note)."""
    yield _buka(path)


@contextlib.contextmanager
def tulis(path: Path | None = None):
    """One write transaction, taken at once (BEGIN IMMEDIATE: no lock upgrade that could fail midway).
    Writers of this process queue on a lock first: SQLite's own wait for a busy file sleeps in steps of up
    to 100 ms, and forty threads polling it made the slowest phone of a crowd wait seconds."""
    with _ANTRE_TULIS, koneksi(path) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")


def siapkan(path: Path | None = None) -> Path:
    """Create the store (when missing) and return its path."""
    with koneksi(path):
        pass
    return Path(path or config.dialog_path())


def kunci(path: Path | None = None) -> bytes:
    """The store's own secret (made at creation, shared by every process): signs the phone form's tokens."""
    with koneksi(path) as con:
        return bytes.fromhex(con.execute("SELECT kunci FROM rahasia").fetchone()[0])


# ---------------------------------------------------------------- forums

def buka_forum(nama: str, tanggal: str, tempat: str = "", hadir=(), path=None) -> int:
    """Open a forum; ``Tolak`` when another one is still open or a field is bad."""
    nama, tempat = " ".join(str(nama).split()), " ".join(str(tempat or "").split())
    if not nama or len(nama) > 200:
        raise Tolak("Nama forum wajib diisi (paling banyak 200 karakter).")
    try:
        tanggal = dt.date.fromisoformat(str(tanggal)).isoformat()
    except ValueError:
        raise Tolak(f"Tanggal forum harus berbentuk YYYY-MM-DD, misalnya 2025-09-23; diberikan: {tanggal}.") from None
    with tulis(path) as con:
        terbuka = con.execute("SELECT id, nama FROM forum WHERE ditutup IS NULL").fetchone()
        if terbuka:
            raise Tolak(f"Forum {terbuka['id']} ({terbuka['nama']}) masih dibuka; tutup dulu.")
        return con.execute("INSERT INTO forum (nama, tanggal, tempat, hadir, dibuka) VALUES (?, ?, ?, ?, ?)",
                           (nama, tanggal, tempat, ",".join(map(str, sorted(set(hadir)))), _kini())).lastrowid


def tutup_forum(forum_id: int, path=None) -> None:
    with tulis(path) as con:
        f = con.execute("SELECT ditutup FROM forum WHERE id = ?", (forum_id,)).fetchone()
        if f is None:
            raise Tolak(f"Forum {forum_id} tidak ada.")
        if f["ditutup"]:
            raise Tolak(f"Forum {forum_id} sudah ditutup.")
        con.execute("UPDATE forum SET ditutup = ? WHERE id = ?", (_kini(), forum_id))


def ubah_hadir(forum_id: int, hadir, path=None) -> None:
    with tulis(path) as con:
        con.execute("UPDATE forum SET hadir = ? WHERE id = ?", (",".join(map(str, sorted(set(hadir)))), forum_id))


def forum(forum_id: int, path=None) -> dict:
    f = None
    if ada(path):
        with koneksi(path) as con:
            f = con.execute("SELECT * FROM forum WHERE id = ?", (forum_id,)).fetchone()
    if f is None:
        raise Tolak(f"Forum {forum_id} tidak ada.")
    return dict(f)


def ada(path=None) -> bool:
    """Does the store exist? Readers never create it (a page view is not a reason to make a file)."""
    return Path(path or config.dialog_path()).is_file()


def forum_terbuka(path=None) -> dict | None:
    if not ada(path):
        return None
    with koneksi(path) as con:
        f = con.execute("SELECT * FROM forum WHERE ditutup IS NULL").fetchone()
    return dict(f) if f else None


def daftar_forum(path=None) -> list[dict]:
    if not ada(path):
        return []
    with koneksi(path) as con:
        return [dict(r) for r in con.execute("SELECT * FROM forum ORDER BY tanggal DESC, id DESC")]


# ---------------------------------------------------------------- items from phones

def kirim(forum_id: int, token: str, k: Kiriman, klien: str, per_menit: int, path=None) -> tuple[int, bool]:
    """Store one item (``aturan.periksa`` checked it). Returns (id, new): the same token twice stores once
    and returns the first item's id. ``Tolak`` for a closed forum or too many items from ``klien``."""
    kini = time.time_ns()
    with tulis(path) as con:
        ada = con.execute("SELECT id FROM masukan WHERE token = ?", (token,)).fetchone()
        if ada:
            return ada["id"], False
        f = con.execute("SELECT ditutup FROM forum WHERE id = ?", (forum_id,)).fetchone()
        if f is None or f["ditutup"]:
            raise Tolak("Forum ini sudah ditutup; masukan tidak lagi diterima.")
        n = con.execute("SELECT count(*) FROM masukan WHERE klien = ? AND waktu_ns > ?",
                        (klien, kini - 60 * 10**9)).fetchone()[0]
        if n >= per_menit:
            raise Tolak(f"Terlalu banyak kiriman dari perangkat ini ({per_menit} per menit). Tunggu sebentar.")
        return con.execute(
            "INSERT INTO masukan (forum_id, token, kode_bps, pihak, jenis, teks, nama, klien, waktu, waktu_ns) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (forum_id, token, k.kode_bps, k.pihak, k.jenis, k.teks, k.nama, klien, _kini(), kini)).lastrowid, True


def pilih(forum_id: int | None = None, status=None, kode=None, masukan_id=None, path=None) -> list[dict]:
    """Items with their vote count, most voted first, then oldest first. Filters are optional."""
    syarat, arg = [], []
    for kolom, nilai in (("m.forum_id", forum_id), ("m.id", masukan_id)):
        if nilai is not None:
            syarat.append(f"{kolom} = ?")
            arg.append(nilai)
    for kolom, nilai in (("m.status", status), ("m.kode_bps", kode)):
        if nilai:
            nilai = [nilai] if isinstance(nilai, (str, int)) else list(nilai)
            syarat.append(f"{kolom} IN ({','.join('?' * len(nilai))})")
            arg.extend(nilai)
    where = ("WHERE " + " AND ".join(syarat)) if syarat else ""
    if not ada(path):
        return []
    sql = (f"SELECT m.*, (SELECT count(*) FROM suara s WHERE s.masukan_id = m.id) AS suara FROM masukan m {where} "
           "ORDER BY suara DESC, m.id")
    with koneksi(path) as con:
        return [dict(r) for r in con.execute(sql, arg)]


def satu(masukan_id: int, path=None) -> dict:
    r = pilih(masukan_id=masukan_id, path=path)
    if not r:
        raise Tolak(f"Masukan {masukan_id} tidak ada.")
    return r[0]


def suara(masukan_id: int, ponsel: str, path=None) -> bool:
    """One vote per phone per approved item; False when this phone had voted already."""
    with tulis(path) as con:
        m = con.execute("SELECT m.status, f.ditutup FROM masukan m JOIN forum f ON f.id = m.forum_id WHERE m.id = ?",
                        (masukan_id,)).fetchone()
        if m is None or m["status"] != "disetujui":
            raise Tolak("Masukan ini tidak dapat dipilih.")
        if m["ditutup"]:
            raise Tolak("Forum ini sudah ditutup; dukungan tidak lagi diterima.")
        return con.execute("INSERT OR IGNORE INTO suara VALUES (?, ?, ?)", (masukan_id, ponsel, _kini())).rowcount == 1


# ---------------------------------------------------------------- moderation (admin only: callers check)

def ubah_status(ids, status: str, path=None) -> int:
    """Approve or hide items (or bring a hidden one back as new); returns how many changed."""
    if status not in ("disetujui", "disembunyikan", "baru"):
        raise Tolak(f"Status tidak dikenal: {status}.")
    ids = [int(i) for i in ids]
    with tulis(path) as con:
        ada = {r[0] for r in con.execute(f"SELECT id FROM masukan WHERE id IN ({','.join('?' * len(ids))})", ids)}
        hilang = sorted(set(ids) - ada)
        if hilang:
            raise Tolak(f"Masukan tidak ada: {', '.join(map(str, hilang))}; tidak ada yang diubah.")
        return con.execute(f"UPDATE masukan SET status = ?, gabung_ke = NULL WHERE id IN ({','.join('?' * len(ids))})",
                           [status, *ids]).rowcount


def gabung(duplikat: int, ke: int, path=None) -> None:
    """Merge a duplicate into another item of the same forum: it leaves the lists, its votes move over."""
    if duplikat == ke:
        raise Tolak("Masukan tidak dapat digabung ke dirinya sendiri.")
    with tulis(path) as con:
        a = con.execute("SELECT forum_id FROM masukan WHERE id = ?", (duplikat,)).fetchone()
        b = con.execute("SELECT forum_id, status FROM masukan WHERE id = ?", (ke,)).fetchone()
        if a is None or b is None or a["forum_id"] != b["forum_id"]:
            raise Tolak("Kedua masukan harus ada dan berasal dari forum yang sama.")
        con.execute("INSERT OR IGNORE INTO suara SELECT ?, ponsel, waktu FROM suara WHERE masukan_id = ?", (ke, duplikat))
        con.execute("DELETE FROM suara WHERE masukan_id = ?", (duplikat,))
        con.execute("UPDATE masukan SET status = 'digabung', gabung_ke = ? WHERE id = ?", (ke, duplikat))


def sunting(masukan_id: int, teks: str, path=None) -> None:
    """Correct a typo; the participant's original text is kept (``teks_asli``, from the first edit)."""
    from .aturan import MAKS_TEKS, bersihkan, data_pribadi
    teks = bersihkan(teks)
    if not teks or len(teks) > MAKS_TEKS:
        raise Tolak(f"Teks harus berisi 1 sampai {MAKS_TEKS} karakter.")
    if data_pribadi(teks):
        raise Tolak(data_pribadi(teks))
    with tulis(path) as con:
        if con.execute("UPDATE masukan SET teks_asli = coalesce(teks_asli, teks), teks = ? WHERE id = ?",
                       (teks, masukan_id)).rowcount != 1:
            raise Tolak(f"Masukan {masukan_id} tidak ada.")


def tindak_lanjut(masukan_id: int, status: str, pemilik: str, tanggapan: str, path=None) -> None:
    """Record a follow-up step (owner, status, response); every step is kept with its date."""
    from .aturan import bersihkan
    if status not in TINDAK:
        raise Tolak(f"Status tindak lanjut tidak dikenal: {status}. Pilih: {', '.join(TINDAK)}.")
    pemilik, tanggapan = bersihkan(pemilik)[:200], bersihkan(tanggapan)[:2000]
    if not pemilik:
        raise Tolak("Sebutkan unit Dinas yang menangani masukan ini.")
    kini = _kini()
    with tulis(path) as con:
        if con.execute("UPDATE masukan SET pemilik = ?, status_tindak = ?, tanggapan = ?, tindak_waktu = ? "
                       "WHERE id = ? AND status = 'disetujui'", (pemilik, status, tanggapan, kini, masukan_id)).rowcount != 1:
            raise Tolak(f"Masukan {masukan_id} tidak ada atau belum disetujui.")
        con.execute("INSERT INTO tindak (masukan_id, waktu, status, pemilik, tanggapan) VALUES (?, ?, ?, ?, ?)",
                    (masukan_id, kini, status, pemilik, tanggapan))


def forum_sebelum(forum_id: int | None, path=None) -> dict | None:
    """The latest forum held before ``forum_id`` (None: before today's open forum, or the latest of all)."""
    if not ada(path):
        return None
    with koneksi(path) as con:
        if forum_id is None:
            f = con.execute("SELECT * FROM forum WHERE ditutup IS NOT NULL ORDER BY tanggal DESC, id DESC").fetchone()
        else:
            f = con.execute("SELECT * FROM forum WHERE id != ? AND (tanggal, id) < (SELECT tanggal, id FROM forum "
                            "WHERE id = ?) ORDER BY tanggal DESC, id DESC", (forum_id, forum_id)).fetchone()
    return dict(f) if f else None


def riwayat_tindak(masukan_id: int, path=None) -> list[dict]:
    with koneksi(path) as con:
        return [dict(r) for r in con.execute("SELECT * FROM tindak WHERE masukan_id = ? ORDER BY id", (masukan_id,))]


def cadangkan(tujuan: Path, path=None) -> None:
    """A consistent copy of the whole store (SQLite's online backup), safe while phones are writing."""
    tujuan = Path(tujuan)
    with koneksi(path) as con:
        dst = sqlite3.connect(tujuan)
        try:
            con.backup(dst)
        finally:
            dst.close()
