"""The admin secret: who may change data from the app, from where, and how often they may guess.

The password is configured by the operator, never in the repository: the environment variable
``PILAR_ADMIN_SANDI`` or ``admin_sandi`` in ``.streamlit/secrets.toml`` (the UI passes the latter
in). Without one, no admin action exists.

- **From where.** Admin is offered only to a client on the server itself (127.0.0.1 or ::1), unless
  ``PILAR_ADMIN_JARINGAN`` names networks (``192.168.10.0/24,10.1.2.3``) that may log in too; then
  serve the room over HTTPS (``scripts/serve-forum --tls-sendiri``), or the password crosses the wifi.
  The client's address is the TCP peer, or, when the peer is this machine, the address our nginx
  writes into ``X-Pilar-Klien`` (it overwrites whatever a client sent).
- **How often.** Every attempt is counted before the password is compared, so parallel sessions cannot
  race past the limit. A client address may make ``MAKS_PER_KLIEN`` attempts in ``JENDELA_NS``; all
  network clients together ``MAKS_JARINGAN``. The server's own loopback client has its own bucket, so
  no one on the network can lock the real admin out. Integer nanoseconds, bounded lists: nothing grows
  or overflows however long an attack lasts.
- **Bound and expiring.** A login belongs to the client address that made it and lapses after
  ``SESI_NS`` without use; a session id carried to another machine carries no admin rights.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import threading
import time
from collections import deque
from dataclasses import dataclass

ENV = "PILAR_ADMIN_SANDI"
ENV_JARINGAN = "PILAR_ADMIN_JARINGAN"
HEADER_KLIEN = "x-pilar-klien"  # set by scripts/nginx-forum.conf.tmpl from $remote_addr
LOKAL = "lokal"                  # a script run with no connection at all (AppTest, a bare script)
MENIT_NS = 60 * 10**9
JENDELA_NS = 15 * MENIT_NS
MAKS_PER_KLIEN = 5
MAKS_JARINGAN = 20
SESI_NS = 30 * MENIT_NS

_lock = threading.Lock()
_percobaan: dict[str, deque] = {}      # client -> times of its attempts in the window
_jaringan: deque = deque()              # times of every network client's attempts in the window
_sesi: dict[str, "Masuk"] = {}          # Streamlit session id -> its admin login


@dataclass
class Masuk:
    klien: str
    sampai_ns: int


class Ditolak(Exception):
    """An attempt not even compared: too many recent attempts, or a client admin is not offered to."""

    def __init__(self, pesan: str, tunggu_detik: int = 0):
        super().__init__(pesan)
        self.pesan, self.tunggu_detik = pesan, tunggu_detik


def sandi_terpasang(rahasia: str | None = None) -> str | None:
    """The configured password (environment first, then the app's secrets), or None."""
    return os.environ.get(ENV) or rahasia or None


# ---------------------------------------------------------------- where from

def alamat_klien(peer: str | None, headers) -> str:
    """The client's address: the TCP peer, or nginx's ``X-Pilar-Klien`` when the peer is this machine.

    A client that connects straight to the dashboard cannot choose its address this way: the header
    is believed only from a loopback peer (nginx, or someone already on the server)."""
    if peer is None:
        return LOKAL
    if _loopback(peer):
        lewat = (headers or {}).get(HEADER_KLIEN) or (headers or {}).get(HEADER_KLIEN.title())
        if lewat:
            return lewat.strip()
    return peer


def _loopback(alamat: str) -> bool:
    return alamat in ("127.0.0.1", "::1", "::ffff:127.0.0.1")


def jaringan_admin() -> list:
    """The networks of ``PILAR_ADMIN_JARINGAN`` (a bad entry is ignored: it opens nothing)."""
    out = []
    for bagian in os.environ.get(ENV_JARINGAN, "").replace(";", ",").split(","):
        try:
            out.append(ipaddress.ip_network(bagian.strip(), strict=False))
        except ValueError:
            continue
    return out


def boleh_dari(klien: str) -> bool:
    """May ``klien`` log in as admin at all? The server itself always; others only from named networks."""
    if klien == LOKAL or _loopback(klien):
        return True
    try:
        ip = ipaddress.ip_address(klien)
    except ValueError:
        return False
    return any(ip in net for net in jaringan_admin())


# ---------------------------------------------------------------- how often

def _buang_lama(q: deque, kini: int) -> None:
    while q and kini - q[0] >= JENDELA_NS:
        q.popleft()


def _tunggu_detik(q: deque, kini: int) -> int:
    return max(1, -(-(q[0] + JENDELA_NS - kini) // 10**9))  # ceiling, in whole seconds


def coba(masukan: str, sandi: str, klien: str, jam=time.monotonic_ns) -> bool:
    """Compare one attempt from ``klien``; ``Ditolak`` when it may not be compared at all.

    The attempt is counted first (under the lock), then compared in constant time; a right password
    clears that client's own count (never the network's)."""
    if not boleh_dari(klien):
        raise Ditolak("admin_hanya_server")
    kini = jam()
    lokal = klien == LOKAL or _loopback(klien)
    with _lock:
        q = _percobaan.setdefault(klien, deque())
        _buang_lama(q, kini)
        if len(q) >= MAKS_PER_KLIEN:
            raise Ditolak("admin_tunggu", _tunggu_detik(q, kini))
        if not lokal:
            _buang_lama(_jaringan, kini)
            if len(_jaringan) >= MAKS_JARINGAN:
                raise Ditolak("admin_tunggu", _tunggu_detik(_jaringan, kini))
            _jaringan.append(kini)
        q.append(kini)
        if len(_percobaan) > 10_000:  # an address sweep: forget clients with nothing in the window
            for k in [k for k, v in _percobaan.items() if not v or kini - v[-1] >= JENDELA_NS]:
                del _percobaan[k]
    ok = hmac.compare_digest(hashlib.sha256(masukan.encode("utf-8", "replace")).digest(),
                             hashlib.sha256(sandi.encode("utf-8", "replace")).digest())
    if ok:
        with _lock:
            _percobaan.pop(klien, None)
    return ok


# ---------------------------------------------------------------- bound, expiring logins

def catat_masuk(sesi: str, klien: str, jam=time.monotonic_ns) -> None:
    with _lock:
        _sesi[sesi] = Masuk(klien, jam() + SESI_NS)


def keluar(sesi: str) -> None:
    with _lock:
        _sesi.pop(sesi, None)


def sesi_admin(sesi: str | None, klien: str, jam=time.monotonic_ns, perpanjang: bool = True) -> bool:
    """True when session ``sesi`` logged in from this very ``klien`` and has not lapsed (a use extends it)."""
    if not sesi:
        return False
    kini = jam()
    with _lock:
        m = _sesi.get(sesi)
        if m is None:
            return False
        if kini >= m.sampai_ns:
            del _sesi[sesi]
            return False
        if m.klien != klien or not boleh_dari(klien):
            return False  # the same session id from another machine: not admin there (and not logged out)
        if perpanjang:
            m.sampai_ns = kini + SESI_NS
        return True
