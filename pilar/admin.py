"""The admin secret: who may change data from the app (boundary install, later imports).

The password is configured by the operator, never in the repository: the environment
variable ``PILAR_ADMIN_SANDI`` or ``admin_sandi`` in ``.streamlit/secrets.toml`` (the UI
passes the latter in). Without one, no admin action exists. Comparison is constant-time;
every wrong attempt in this process waits longer than the one before (capped), so
guessing over the network is slow.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time

ENV = "PILAR_ADMIN_SANDI"
JEDA_AWAL = 1.0   # seconds after the first wrong attempt
JEDA_MAKS = 8.0   # doubling up to this

_lock = threading.Lock()
_gagal = 0  # wrong attempts since the last right one, process-wide


def sandi_terpasang(rahasia: str | None = None) -> str | None:
    """The configured password (environment first, then the app's secrets), or None."""
    return os.environ.get(ENV) or rahasia or None


def cocok(masukan: str, sandi: str, tidur=time.sleep) -> bool:
    """True when ``masukan`` is the password; a wrong one waits before answering."""
    global _gagal
    ok = hmac.compare_digest(hashlib.sha256(masukan.encode()).digest(), hashlib.sha256(sandi.encode()).digest())
    with _lock:
        _gagal = 0 if ok else _gagal + 1
        jeda = 0.0 if ok else min(JEDA_AWAL * 2 ** (_gagal - 1), JEDA_MAKS)
    if jeda:
        tidur(jeda)
    return ok
