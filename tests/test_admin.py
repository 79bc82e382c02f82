"""The admin secret: configured or absent, compared in constant time, guessing limited per client and
across the network, the server's own admin never locked out, a login bound to its client and expiring.

The limits are counted in a fake clock (``jam``): what is asserted is how many attempts are compared,
not how long anything takes. (tests/conftest.py resets the counters before every test.)"""
import threading

import pytest

from pilar import admin

SANDI = "rahasia"
MENIT = admin.MENIT_NS


class Jam:
    """A clock the test moves by hand (integer nanoseconds, like time.monotonic_ns)."""

    def __init__(self, t=10**12):
        self.t = t
        self.lock = threading.Lock()

    def __call__(self):
        with self.lock:
            return self.t

    def maju(self, ns):
        with self.lock:
            self.t += ns


@pytest.fixture(autouse=True)
def tanpa_env(monkeypatch):
    monkeypatch.delenv(admin.ENV, raising=False)
    monkeypatch.delenv(admin.ENV_JARINGAN, raising=False)


def tebak(klien, jam, sandi="tebakan"):
    """One attempt: True/False when compared, None when refused before comparing."""
    try:
        return admin.coba(sandi, SANDI, klien, jam=jam)
    except admin.Ditolak:
        return None


def test_no_password_configured_means_no_admin():
    assert admin.sandi_terpasang() is None
    assert admin.sandi_terpasang("") is None


def test_environment_wins_over_the_apps_secrets(monkeypatch):
    assert admin.sandi_terpasang("dari-secrets") == "dari-secrets"
    monkeypatch.setenv(admin.ENV, "dari-env")
    assert admin.sandi_terpasang("dari-secrets") == "dari-env"


def test_prefix_or_empty_or_odd_text_is_not_the_password():
    jam = Jam()
    for attempt in ("", "rahasi", "rahasia ", "RAHASIA"):
        assert admin.coba(attempt, SANDI, "127.0.0.1", jam=jam) is False
    jam.maju(admin.JENDELA_NS)
    assert admin.coba("\udcff\x00" * 3, SANDI, "127.0.0.1", jam=jam) is False  # lone surrogate: no traceback
    assert admin.coba(SANDI, SANDI, "127.0.0.1", jam=jam) is True


def test_one_client_gets_five_attempts_per_window_then_waits(monkeypatch):
    monkeypatch.setenv(admin.ENV_JARINGAN, "192.168.10.0/24")
    jam = Jam()
    hasil = [tebak("192.168.10.7", jam) for _ in range(8)]
    assert hasil == [False] * 5 + [None] * 3
    with pytest.raises(admin.Ditolak) as e:
        admin.coba(SANDI, SANDI, "192.168.10.7", jam=jam)  # even the right password is not compared now
    assert e.value.pesan == "admin_tunggu" and e.value.tunggu_detik == 15 * 60
    jam.maju(admin.JENDELA_NS)
    assert admin.coba(SANDI, SANDI, "192.168.10.7", jam=jam) is True


def test_ten_thousand_guesses_never_overflow_or_let_a_guess_through(monkeypatch):
    """The old back-off doubled a float per failure: OverflowError after 1,025 guesses, then no wait."""
    monkeypatch.setenv(admin.ENV_JARINGAN, "10.0.0.0/8")
    jam = Jam()
    dibandingkan = 0
    for i in range(10_000):
        jam.maju(MENIT // 100)  # 100 guesses a minute for 100 minutes
        dibandingkan += tebak("10.1.1.1", jam) is not None
    # 100 minutes = 6 2/3 windows of 15 minutes, each with at most 5 compared
    assert dibandingkan <= 5 * 7


def test_two_hundred_parallel_sessions_for_a_minute_get_at_most_the_network_limit(monkeypatch):
    """200 threads (sessions), each from its own address on the venue's network, guessing as fast as they
    can while the clock runs through one minute; then the real admin on the server logs in at once."""
    monkeypatch.setenv(admin.ENV_JARINGAN, "10.0.0.0/8")
    jam = Jam()
    akhir = jam() + MENIT
    dibandingkan, lock = [], threading.Lock()

    def sesi(i):
        klien = f"10.0.{i // 250}.{i % 250 + 1}"
        while jam() < akhir:
            r = tebak(klien, jam)
            if r is not None:
                with lock:
                    dibandingkan.append(klien)
            jam.maju(MENIT // 20_000)

    threads = [threading.Thread(target=sesi, args=(i,)) for i in range(200)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(dibandingkan) <= admin.MAKS_JARINGAN
    assert len(dibandingkan) == admin.MAKS_JARINGAN  # the limit is reached, not something below it
    assert admin.coba(SANDI, SANDI, "127.0.0.1", jam=jam) is True  # the server's own admin: not locked out
    assert tebak("10.9.9.9", jam) is None  # while the network is still waiting


def test_the_servers_own_admin_is_never_throttled_by_the_network(monkeypatch):
    monkeypatch.setenv(admin.ENV_JARINGAN, "0.0.0.0/0")
    jam = Jam()
    for i in range(100):
        tebak(f"192.0.2.{i + 1}", jam)
    assert tebak("198.51.100.1", jam) is None  # the network as a whole is waiting
    assert admin.coba(SANDI, SANDI, "127.0.0.1", jam=jam) is True
    assert admin.coba(SANDI, SANDI, "::1", jam=jam) is True


def test_admin_is_offered_only_on_the_server_unless_a_network_is_named(monkeypatch):
    assert admin.boleh_dari("127.0.0.1") and admin.boleh_dari("::1") and admin.boleh_dari(admin.LOKAL)
    for luar in ("192.168.1.20", "10.0.0.5", "127.0.0.2", "bukan-alamat"):
        assert not admin.boleh_dari(luar)
        with pytest.raises(admin.Ditolak) as e:
            admin.coba(SANDI, SANDI, luar)
        assert e.value.pesan == "admin_hanya_server"
    monkeypatch.setenv(admin.ENV_JARINGAN, "192.168.1.0/24, salah, 10.0.0.5")
    assert admin.boleh_dari("192.168.1.20") and admin.boleh_dari("10.0.0.5")
    assert not admin.boleh_dari("192.168.2.20")


def test_the_forwarded_address_is_believed_only_from_this_machine():
    kepala = {admin.HEADER_KLIEN: "127.0.0.1"}
    assert admin.alamat_klien("192.168.1.9", kepala) == "192.168.1.9"  # a phone straight to the dashboard
    assert admin.alamat_klien("127.0.0.1", {admin.HEADER_KLIEN: "192.168.1.9"}) == "192.168.1.9"  # via nginx
    assert admin.alamat_klien("127.0.0.1", {}) == "127.0.0.1"
    assert admin.alamat_klien(None, {}) == admin.LOKAL


def test_a_login_belongs_to_its_client_and_lapses_when_unused():
    jam = Jam()
    admin.catat_masuk("sesi-a", "127.0.0.1", jam=jam)
    assert admin.sesi_admin("sesi-a", "127.0.0.1", jam=jam)
    assert not admin.sesi_admin("sesi-a", "192.168.1.9", jam=jam)  # the sniffed session id, elsewhere
    assert not admin.sesi_admin("sesi-b", "127.0.0.1", jam=jam)
    assert not admin.sesi_admin(None, "127.0.0.1", jam=jam)
    jam.maju(admin.SESI_NS - 1)
    assert admin.sesi_admin("sesi-a", "127.0.0.1", jam=jam)  # used: extended
    jam.maju(admin.SESI_NS - 1)
    assert admin.sesi_admin("sesi-a", "127.0.0.1", jam=jam, perpanjang=False)
    jam.maju(admin.SESI_NS)
    assert not admin.sesi_admin("sesi-a", "127.0.0.1", jam=jam)
    admin.catat_masuk("sesi-a", "127.0.0.1", jam=jam)
    admin.keluar("sesi-a")
    assert not admin.sesi_admin("sesi-a", "127.0.0.1", jam=jam)
