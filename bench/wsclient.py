"""A light Streamlit client: opens a session over the app's websocket, as the browser does.

It sends the same first message as the browser (BackMsg.rerun_script with the URL's query)
and reads ForwardMsgs until the script finishes. Thirty of these cost the server what
thirty browsers cost it, without thirty Chromium renderers swamping two cores.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Hasil:
    ok: bool = False
    first_chart_s: float | None = None  # first plotly chart delta received
    done_s: float | None = None  # script_finished received
    bytes: int = 0
    charts: int = 0
    error: str = ""


async def open_session(base_url: str, query: str = "", hold: asyncio.Event | None = None,
                       ready: asyncio.Event | None = None, timeout: float = 180, cookie: str = "") -> Hasil:
    """One session of the home page. Sets ``ready`` after its first run, then stays
    connected until ``hold`` is set (so memory can be measured with it open). ``cookie``:
    a Cookie header, as a browser that got one from a proxy sends it."""
    h = Hasil()
    url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    t0 = time.perf_counter()
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout,
                                      ping_interval=None, additional_headers={"Cookie": cookie} if cookie else None) as ws:
            msg = BackMsg()
            msg.rerun_script.query_string = query
            msg.rerun_script.context_info.url = base_url + "/"
            await ws.send(msg.SerializeToString())
            exception = False
            while True:
                data = await asyncio.wait_for(ws.recv(), timeout)
                h.bytes += len(data)
                fm = ForwardMsg.FromString(data)
                kind = fm.WhichOneof("type")
                if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                    el = fm.delta.new_element.WhichOneof("type")
                    if el == "plotly_chart":
                        h.charts += 1
                        if h.first_chart_s is None:
                            h.first_chart_s = time.perf_counter() - t0
                    exception |= el == "exception"
                elif kind == "script_finished":
                    h.done_s = time.perf_counter() - t0
                    h.ok = (fm.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                            and not exception and h.charts > 0)
                    if exception:
                        h.error = "exception element"
                    break
            if ready is not None:
                ready.set()
            if hold is not None:
                await hold.wait()
    except Exception as e:  # reported, not raised: a failed session is a result
        h.error = f"{type(e).__name__}: {e}"
    finally:
        if ready is not None:
            ready.set()
    return h


async def _crowd(base_url: str, n: int, measure, query: str, cookie: str):
    hold = asyncio.Event()
    readies = [asyncio.Event() for _ in range(n)]
    tasks = [asyncio.create_task(open_session(base_url, query, hold, r, cookie=cookie.format(i=i) if cookie else ""))
             for i, r in enumerate(readies)]
    await asyncio.gather(*(r.wait() for r in readies))
    extra = measure() if measure else None  # every session has run once and is still connected
    hold.set()
    return await asyncio.gather(*tasks), extra


def crowd(base_url: str, n: int, measure=None, query: str = "", cookie: str = "") -> tuple[list[Hasil], object]:
    """``n`` sessions opened at once; ``measure()`` runs while all of them are connected.
    ``cookie`` may name the session number, e.g. "pilar_hulu=s{i}": one browser each."""
    return asyncio.run(_crowd(base_url, n, measure, query, cookie))


# --- plain HTTP: a crowd fetching one file (a static page) ----------------------------------

@dataclass
class Unduhan:
    ok: bool = False
    last_byte_s: float | None = None
    bytes: int = 0  # as sent over the wire (headers and body, compressed if the server compressed)
    error: str = ""


async def fetch(url: str, gzip: bool = True, timeout: float = 180) -> Unduhan:
    """One GET with its own connection (``Connection: close``), read to the last byte."""
    u, h, t0 = urlsplit(url), Unduhan(), time.perf_counter()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(u.hostname, u.port or 80), timeout)
        path = u.path + (f"?{u.query}" if u.query else "")
        enc = "Accept-Encoding: gzip, deflate\r\n" if gzip else ""
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {u.netloc}\r\n{enc}Connection: close\r\n\r\n".encode())
        data = await asyncio.wait_for(reader.read(), timeout)  # to EOF: the server closes after the body
        h.last_byte_s, h.bytes = time.perf_counter() - t0, len(data)
        h.ok = data.startswith(b"HTTP/1.1 200")
        if not h.ok:
            h.error = data.split(b"\r\n", 1)[0].decode(errors="replace")
        writer.close()
    except Exception as e:
        h.error = f"{type(e).__name__}: {e}"
    return h


def fetch_crowd(url: str, n: int, gzip: bool = True) -> list[Unduhan]:
    """``n`` clients fetch ``url`` at the same moment."""
    async def run():
        return await asyncio.gather(*(fetch(url, gzip) for _ in range(n)))
    return asyncio.run(run())


if __name__ == "__main__":  # warm processes: python -m bench.wsclient URL... (scripts/serve-forum uses it)
    import sys
    for base in sys.argv[1:]:
        h = asyncio.run(open_session(base, timeout=120))
        print(f"{base}: {'siap' if h.ok else h.error or 'tanpa grafik'}", flush=True)
