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
    if nginx is None:  # no nginx on this machine: the text checks above are what can be checked
        assert "events {" in conf.read_text() and "http {" in conf.read_text()
        return
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
