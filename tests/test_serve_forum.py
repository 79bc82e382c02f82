"""scripts/serve-forum: the nginx config it writes from scripts/nginx-forum.conf.tmpl (no server started here)."""
import gzip
import re
from pathlib import Path

import pytest

from bench.proksi import serve_forum

ROOT = Path(__file__).resolve().parent.parent
sf = serve_forum()  # the script, loaded as a module (it has no .py suffix)


@pytest.fixture()
def frontend(tmp_path) -> Path:
    """A stand-in for Streamlit's built frontend: an index, a large script, a font."""
    src = tmp_path / "frontend"
    (src / "static" / "js").mkdir(parents=True)
    (src / "index.html").write_text("<html></html>")
    (src / "static" / "js" / "index.abc.js").write_text("console.log('pilar');\n" * 500)
    (src / "static" / "media" / "font.woff2").parent.mkdir(parents=True)
    (src / "static" / "media" / "font.woff2").write_bytes(b"\x00" * 4096)
    return src


def test_config_names_every_backend_sticky_websocket_and_static_paths(tmp_path, frontend):
    text = sf.konfigurasi(tmp_path / "prefix", [8611, 8612, 8613], "127.0.0.1:8600", frontend, brotli=False)
    assert "{{" not in text
    servers = re.findall(r"server 127\.0\.0\.1:(\d+)", text)
    assert servers == ["8611", "8612", "8613"]
    # sticky on a cookie nginx sets itself, consistent hashing (a process added moves few browsers)
    assert f"hash $pilar_hulu consistent;" in text
    assert f"$cookie_{sf.COOKIE}" in text and "add_header Set-Cookie $pilar_kue_baru;" in text
    ws = text.split("location /_stcore/stream", 1)[1].split("}", 1)[0]
    assert "proxy_set_header Upgrade $http_upgrade;" in ws and "proxy_http_version 1.1;" in ws
    assert f"root {frontend};" in text and "gzip_static on;" in text
    assert f"alias {ROOT / 'static'}/;" in text
    assert "listen 127.0.0.1:8600;" in text
    assert "brotli" not in text
    assert f"pid {tmp_path / 'prefix'}/nginx.pid;" in text


def test_brotli_lines_only_with_the_module(tmp_path, frontend):
    text = sf.konfigurasi(tmp_path, [8611], "0.0.0.0:8600", frontend, brotli=True)
    assert text.startswith("#") and f"load_module {sf.BROTLI_MODULE};" in text
    assert "brotli on;" in text and "brotli off;" in text  # on the fly for pages, precompressed gzip for assets


def test_render_refuses_a_missing_value():
    with pytest.raises(KeyError, match="listen"):
        sf.render("listen {{listen}};", {})
    assert sf.render("a {{x}} $host", {"x": "1"}) == "a 1 $host"


def test_frontend_copy_has_gzip_beside_text_files_only(tmp_path, frontend):
    dst = sf.siapkan_statis(frontend, tmp_path / "copy")
    js = dst / "static" / "js" / "index.abc.js"
    assert gzip.decompress((Path(str(js) + ".gz")).read_bytes()) == (frontend / "static/js/index.abc.js").read_bytes()
    assert not (dst / "static" / "media" / "font.woff2.gz").exists()  # already compressed
    assert not (dst / "index.html.gz").exists()  # under 1 KB: not worth it
    dibuat = Path(str(js) + ".gz").stat().st_mtime_ns
    (dst / "penanda").write_text("")  # gone if the copy were made again
    sf.siapkan_statis(frontend, dst)  # same frontend: kept as it is
    assert (dst / "penanda").exists() and Path(str(js) + ".gz").stat().st_mtime_ns == dibuat
    (frontend / "static" / "js" / "index.abc.js").write_text("x" * 2000)  # a new Streamlit: made again
    sf.siapkan_statis(frontend, dst)
    assert gzip.decompress(Path(str(js) + ".gz").read_bytes()) == b"x" * 2000


def test_nginx_accepts_the_config(tmp_path, frontend):
    conf = tmp_path / "nginx.conf"
    sf.siapkan_prefix(tmp_path)
    conf.write_text(sf.konfigurasi(tmp_path, [8611, 8612], "127.0.0.1:8600", frontend))
    nginx = sf.nginx_bin()
    assert nginx, "scripts/test installs Debian's nginx"
    res = sf.uji_konfigurasi(nginx, tmp_path, conf)
    assert res.returncode == 0, res.stderr


def test_websocket_keeps_the_host_with_its_port(tmp_path, frontend):
    """Streamlit accepts a websocket whose Origin equals its Host, port included: nginx's $host drops
    the port, so a phone's connection would fall through to Streamlit's list of allowed origins."""
    text = sf.konfigurasi(tmp_path, [8611], "0.0.0.0:8600", frontend, brotli=False)
    hosts = re.findall(r"proxy_set_header Host (\S+);", text)
    assert hosts and set(hosts) == {"$http_host"}


@pytest.mark.parametrize("argv,pesan", [
    (["--port", "70000"], "port harus bilangan 1-65535"),
    (["--port-hulu", "x"], "port harus bilangan 1-65535"),
    (["--proses", "0"], "jumlah proses harus 1-64"),
])
def test_bad_arguments_are_one_indonesian_line(argv, pesan, capsys):
    with pytest.raises(SystemExit) as e:
        sf.main(argv)
    assert e.value.code == 2 and pesan in capsys.readouterr().err


def test_a_port_inside_the_process_range_is_refused_before_anything_runs(capsys, monkeypatch):
    ran = []
    monkeypatch.setattr(sf.subprocess, "run", lambda *a, **k: ran.append(a))
    assert sf.main(["--port", "8612", "--port-hulu", "8611", "--proses", "2"]) == 1
    err = capsys.readouterr().err
    assert "--port 8612 jatuh di antara port proses (8611-8612)" in err and "Traceback" not in err
    assert ran == []  # no setup, no apt, no build


def test_workers_never_run_as_root(tmp_path, frontend, monkeypatch):
    monkeypatch.setattr(sf.os, "geteuid", lambda: 0)
    text = sf.konfigurasi(tmp_path, [8611], "127.0.0.1:8600", frontend, brotli=False)
    assert re.search(r"^user (\S+);", text, re.M).group(1) in ("www-data", "nobody")
    assert "user root;" not in text


def test_every_proxied_request_names_the_real_client_and_the_body_limit_is_the_apps(tmp_path, frontend):
    import tomllib
    text = sf.konfigurasi(tmp_path, [8611], "0.0.0.0:8600", frontend, brotli=False)
    proxied = text.count("proxy_pass http://dasbor;")
    assert proxied == 2 and text.count("proxy_set_header X-Pilar-Klien $remote_addr;") == proxied
    app_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert f"client_max_body_size {app_mb}m;" in text and app_mb <= 20
    assert re.search(r"location ~ /\\\. \{\s*return 404;", text)  # dot files: never served


def test_https_with_a_self_signed_certificate_and_its_fingerprint(tmp_path, frontend):
    cert, key = sf.sertifikat_sendiri(tmp_path / "tls", "192.0.2.10")
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    out = sf.subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", str(cert)],
                            capture_output=True, text=True, check=True).stdout
    assert sf.sidik_jari(cert) == out.strip().split("=", 1)[1]
    san = sf.subprocess.run(["openssl", "x509", "-noout", "-ext", "subjectAltName", "-in", str(cert)],
                            capture_output=True, text=True, check=True).stdout
    assert "192.0.2.10" in san
    assert sf.sertifikat_sendiri(tmp_path / "tls", "192.0.2.10") == (cert, key)  # made once, then kept
    sf.siapkan_prefix(tmp_path)
    conf = tmp_path / "nginx.conf"
    conf.write_text(sf.konfigurasi(tmp_path, [8611], "127.0.0.1:8600", frontend, brotli=False, tls=(cert, key)))
    assert "listen 127.0.0.1:8600 ssl;" in conf.read_text() and f"ssl_certificate {cert};" in conf.read_text()
    res = sf.uji_konfigurasi(sf.nginx_bin(), tmp_path, conf)
    assert res.returncode == 0, res.stderr


def test_half_a_certificate_pair_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sf, "langkah", lambda *a, **k: None)  # no setup, no apt, no build
    monkeypatch.setattr(sf, "pasang_nginx", lambda: "/usr/sbin/nginx")
    monkeypatch.setattr(sf, "port_bebas", lambda p: True)
    assert sf.main(["--tls-sertifikat", str(tmp_path / "a.crt")]) == 1
    err = capsys.readouterr().err
    assert "--tls-sertifikat dan --tls-kunci harus disebut berdua" in err and "Traceback" not in err


def _tb(pesan: str) -> str:
    return ("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    f()\n"
            f"ValueError: {pesan}\n")


def test_a_repeated_traceback_is_written_three_times_then_counted(tmp_path):
    import io
    teks = "awal\n" + _tb("pesan palsu") * 250 + _tb("lain") + "akhir\n"
    log = tmp_path / "dasbor.log"
    sf.Pompa(io.StringIO(teks), log).run()
    isi = log.read_text()
    assert isi.count("Traceback (most recent call last):") == 4  # 3 of the repeated one, 1 of the other
    assert isi.count("ValueError: pesan palsu") == 3 + 3  # in full 3 times, named in 3 count lines
    assert [int(n) for n in re.findall(r"terulang, (\d+) kali", isi)] == [4, 100, 200]
    assert isi.startswith("awal\n") and isi.endswith("akhir\n") and "ValueError: lain" in isi


def test_the_log_rotates_keeping_three_old_files(tmp_path, monkeypatch):
    import io
    monkeypatch.setattr(sf, "LOG_BAIT", 4096)
    log = tmp_path / "dasbor.log"
    sf.Pompa(io.StringIO("".join(f"baris {i:05d}\n" for i in range(5000))), log).run()
    names = sorted(p.name for p in tmp_path.glob("dasbor.log*"))
    assert names == ["dasbor.log", "dasbor.log.1", "dasbor.log.2", "dasbor.log.3"]
    assert all(p.stat().st_size <= 4096 for p in tmp_path.glob("dasbor.log*"))
    assert log.read_text().endswith("baris 04999\n")  # the newest lines are in the current file
