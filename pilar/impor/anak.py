"""Read a workbook's cells with python-calamine in a child process with a memory and a CPU limit.

calamine builds each sheet's whole grid before Python sees a cell. ``pindai`` counts what a sheet
declares first, and whatever still slips through (a sheet that is large in a way the counts miss)
ends this child, not the dashboard or the CLI that started it.

Parent: ``baca(data, lembar, memori, detik)``. Child: ``python -m pilar.impor.anak MEMORI DETIK``,
a pickle of ``(data, lembar)`` on stdin and a pickle of the answer on stdout. A fresh interpreter
(not fork: the Streamlit server has threads) that imports only the standard library and calamine.
"""
from __future__ import annotations

import io
import os
import pickle
import resource
import signal
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]  # the folder holding the pilar package
KELUAR_MEMORI = 3  # the child's exit status after a MemoryError


def baca(data: bytes, lembar: dict[str, bool], memori: int, detik: int) -> tuple[str, object]:
    """Read the sheets named in ``lembar`` (name -> has cells) of the workbook ``data``.

    ('ok', [(name, cells, merged ranges)]) | ('sandi', None) | ('gagal', why) |
    ('memori', None) | ('waktu', None): the child went past its limits and was stopped |
    ('mulai', why): no child could be started."""
    cmd = [sys.executable, "-E", "-s", "-m", "pilar.impor.anak", str(memori), str(detik)]
    try:
        jadi = subprocess.run(cmd, input=pickle.dumps((data, lembar)), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, cwd=AKAR, timeout=2 * detik + 5, check=False)
    except subprocess.TimeoutExpired:  # waiting for a CPU on a busy machine: run() has killed it
        return "waktu", None
    except OSError as e:  # fork refused, interpreter gone
        return "mulai", f"{type(e).__name__}: {e}"
    if jadi.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return "waktu", None
    if jadi.returncode != 0:  # a Rust allocation failure aborts; a MemoryError exits KELUAR_MEMORI
        return "memori", None
    try:
        return pickle.loads(jadi.stdout)  # written by _utama below, not by the file
    except Exception:  # noqa: BLE001 - cut short: the same as a child that died
        return "memori", None


# ---------------------------------------------------------------- the child

def _batasi(memori: int, detik: int) -> None:
    """Lower (never raise) the address space and CPU time this process may use."""
    for jenis, lunak, keras in ((resource.RLIMIT_AS, memori, memori), (resource.RLIMIT_CPU, detik, detik + 1)):
        _, sekarang = resource.getrlimit(jenis)
        if sekarang != resource.RLIM_INFINITY:
            lunak, keras = min(lunak, sekarang), min(keras, sekarang)
        resource.setrlimit(jenis, (lunak, keras))


def _baca(data: bytes, lembar: dict[str, bool]) -> tuple[str, object]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        out = []
        for meta in wb.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet or meta.name not in lembar:
                continue  # charts, macros; a sheet the scan did not see is not read unchecked
            sh = wb.get_sheet_by_name(meta.name)
            sel = sh.to_python(skip_empty_area=False) if lembar[meta.name] else []
            out.append((meta.name, sel, list(sh.merged_cell_ranges or [])))
        return "ok", out
    except pc.PasswordError:
        return "sandi", None
    except pc.CalamineError as e:
        return "gagal", f"{type(e).__name__}: {e}"
    except (MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # noqa: BLE001 - a Rust panic (pyo3's PanicException derives from BaseException)
        if _kehabisan(e):
            raise MemoryError from None
        return "gagal", f"{type(e).__name__}: {e}"


def _kehabisan(e: BaseException) -> bool:
    """A panic that is an allocation refused at the limit: building a Python object failed ('PyObject
    pointer is null'), or this process came within half of its limit."""
    if "pointer is null" in str(e):
        return True
    try:
        with open("/proc/self/status") as f:
            puncak = next(int(b.split()[1]) * 1024 for b in f if b.startswith("VmPeak:"))
    except (OSError, StopIteration, ValueError):
        return False
    batas = resource.getrlimit(resource.RLIMIT_AS)[0]
    return batas != resource.RLIM_INFINITY and puncak >= batas // 2


def _utama(argv: list[str]) -> None:
    _batasi(int(argv[1]), int(argv[2]))
    try:
        data, lembar = pickle.load(sys.stdin.buffer)
        keluar = pickle.dumps(_baca(data, lembar), protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        os._exit(KELUAR_MEMORI)  # no clean-up that could need memory again
    sys.stdout.buffer.write(keluar)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _utama(sys.argv)
