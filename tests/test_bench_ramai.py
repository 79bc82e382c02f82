"""The room sections of the benchmark: how crowd results are summed up and judged (no timing here)."""
from bench import ramai, wsclient


def _hasil(firsts, gagal=0):
    out = [wsclient.Hasil(ok=True, first_chart_s=f, done_s=f + 0.1) for f in firsts]
    return out + [wsclient.Hasil(error="TimeoutError: ") for _ in range(gagal)]


def test_summary_counts_a_failed_session_as_late():
    c = ramai.ringkas(_hasil([1.0, 4.0, 6.0, 20.0], gagal=1))
    assert (c["n"], c["ok"]) == (5, 4)
    assert c["first_median_s"] == 5.0 and c["first_worst_s"] == 20.0
    assert c["within5"] == 2 / 5 and c["within15"] == 3 / 5  # of all five sessions
    assert c["done_worst_s"] == 20.1 and c["errors"] == ["TimeoutError: "]


def _crowd(app_worst, floor_worst, n=30, ok=None):
    app = ramai.ringkas(_hasil([app_worst] * n))
    app["ok"] = n if ok is None else ok
    return {"app": {n: app}, "floor": {n: ramai.ringkas(_hasil([floor_worst] * n))}}


def test_budget_states_ratio_and_margin():
    (line,) = ramai.budgets(_crowd(2.4, 2.0))
    assert line.startswith("PASS") and "1.20× floor" in line and f"batas ≤ {ramai.BUDGET_CROWD}×" in line
    assert f"marjin {ramai.BUDGET_CROWD - 1.2:+.2f}×" in line


def test_budget_fails_over_the_ratio_or_when_a_session_failed():
    assert ramai.budgets(_crowd(3.0, 2.0))[0].startswith("FAIL")
    assert ramai.budgets(_crowd(2.0, 2.0, ok=29))[0].startswith("FAIL")  # fast, but one session saw nothing


def test_report_without_proxy_says_why():
    crowd = _crowd(2.4, 2.0)
    for side in crowd.values():
        side[30].update(load=1.0, rss_mb=280.0)
    text = "\n".join(ramai.laporan(crowd, {"skip": "nginx tidak terpasang"}))
    assert "| 30 | 2.40 | 2.40 | 100% | 100% | 2.00 | 2.00 | 100% | 100% | 1.20× | 280 | 1.0 |" in text
    assert "Tidak diukur: nginx tidak terpasang." in text


def test_proxy_stage_says_why_without_nginx(monkeypatch, tmp_path):
    from types import SimpleNamespace

    from bench import proksi
    monkeypatch.setattr(proksi, "serve_forum", lambda: SimpleNamespace(nginx_bin=lambda: None))
    said = []
    out = proksi.tahap({}, tmp_path, page_view=None, app_args=(), log=said.append)
    assert out == {"skip": "nginx tidak terpasang (scripts/serve-forum memasangnya dari paket Debian)"}
    assert said and "nginx" in said[0]


def test_report_states_the_cold_process_crowd():
    crowd = _crowd(2.4, 2.0)
    for side in crowd.values():
        side[30].update(load=1.0, rss_mb=280.0)
    crowd["dingin"] = {30: {**ramai.ringkas(_hasil([3.0] * 29 + [16.0])), "load": 1.5, "rss_mb": None}}
    text = "\n".join(ramai.laporan(crowd, {"skip": "-"}))
    assert "30 sesi sekaligus tanpa pemanasan: 30/30 berhasil" in text
    assert "median 3.00 s, terburuk 16.00 s, ≤ 5 s 97%, ≤ 15 s 97%" in text
    assert ramai.budgets(crowd) == ramai.budgets(_crowd(2.4, 2.0))  # reported, not a budget line
