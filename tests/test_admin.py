"""The admin secret: configured or absent, compared in constant time, wrong attempts slowed."""
import pytest

from pilar import admin


@pytest.fixture(autouse=True)
def bersih(monkeypatch):
    monkeypatch.setattr(admin, "_gagal", 0)
    monkeypatch.delenv(admin.ENV, raising=False)


def test_no_password_configured_means_no_admin():
    assert admin.sandi_terpasang() is None
    assert admin.sandi_terpasang("") is None


def test_environment_wins_over_the_apps_secrets(monkeypatch):
    assert admin.sandi_terpasang("dari-secrets") == "dari-secrets"
    monkeypatch.setenv(admin.ENV, "dari-env")
    assert admin.sandi_terpasang("dari-secrets") == "dari-env"


def test_wrong_attempts_wait_longer_each_time_up_to_a_cap():
    waits = []
    for _ in range(6):
        assert not admin.cocok("tebakan", "rahasia", tidur=waits.append)
    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert admin.cocok("rahasia", "rahasia", tidur=waits.append)
    assert len(waits) == 6  # the right password does not wait, and resets the count
    admin.cocok("x", "rahasia", tidur=waits.append)
    assert waits[-1] == 1.0


def test_prefix_or_empty_is_not_the_password():
    for attempt in ("", "rahasi", "rahasia ", "RAHASIA"):
        assert not admin.cocok(attempt, "rahasia", tidur=lambda s: None)
