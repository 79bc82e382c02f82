"""The dialog bench's floor: the phone form answered by a handler that only appends the body to a file.

Same page (``pilar.dialog.ponsel.html_form``), same body parsing, same success page as the real route; no
store, no checks, no fsync. Run by bench/dialog.py with uvicorn behind the same nginx as the dashboard.
"""
from __future__ import annotations

import os
import secrets
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from pilar.dialog import ponsel

FORUM = {"id": 1, "nama": "Bench", "tanggal": "2025-09-23", "tempat": ""}
_fd = os.open(os.environ.get("PILAR_BENCH_LANTAI", "lantai.txt"), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)


async def form(request: Request):
    if request.method == "GET":
        return HTMLResponse(ponsel.html_form(FORUM, secrets.token_hex(16) + ".x", {"kab": "6371"}))
    body = await request.body()
    os.write(_fd, body.replace(b"\n", b" ") + b"\n")  # one write of one line: O_APPEND keeps lines whole
    v = {k: x[0] for k, x in parse_qs(body.decode("utf-8", "replace")).items()}
    return HTMLResponse(ponsel.html_terkirim(FORUM, 1, v))


async def sehat(request: Request):
    return PlainTextResponse("ok")


app = Starlette(routes=[Route("/forum/{fid:int}", form, methods=["GET", "POST"]),
                        Route("/_stcore/health", sehat)])
