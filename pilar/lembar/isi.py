"""What a fact sheet says, as plain data: the same content for the PDF (Typst) and the audience HTML.

Everything here is text already formatted for the reader (numbers via pilar.format, the estimate
mark via pilar.status); the outputs only lay it out. Texts from the database are data, never markup:
Typst reads them from JSON as strings, the HTML escapes them. Control and invisible characters in
them (a U+202E in an imported source name would show it reversed) are shown as code points, here,
once for both outputs (``format.teks_bersih``).
"""
from __future__ import annotations

import html
import math

from .. import peta, profil
from ..format import teks_bersih
from .. import status as st
from .. import tampilan
from ..teks import t

WARNA_PILIH = "#1f4e79"
WARNA_LAIN = "#d9d9d9"
WARNA_PROVINSI = "#6b9bc8"


def _baris(b: profil.BarisProfil, lang: str) -> dict:
    return {"kode": b.kode_ukuran, "label": b.label, "nilai": b.teks, "angka": b.nilai, "satuan": b.satuan,
            "status": st.kata(b.status, lang), "periode": b.periode, "provinsi": b.provinsi_teks,
            "peringkat": b.peringkat_teks, "estimasi": b.status == st.ESTIMASI}


def _tak_diperingkat(p: profil.Profil) -> list[str]:
    """One line per reason a row of a unit has no rank, naming the rows."""
    if p.kode is None:
        return []
    alasan: dict[str, list[str]] = {}
    for b in p.baris:
        if b.alasan:
            alasan.setdefault(b.alasan, []).append(b.label)
    return [f"{', '.join(nama)}: {a}." for a, nama in alasan.items()]


def _tren(p: profil.Profil) -> list[str]:
    return [f"{s.label}: " + " → ".join(f"{x.teks} ({x.periode})" for x in s.titik) for s in p.tren]


def konten(p: profil.Profil) -> dict:
    """The fact sheet's content: labels in the profile's language, rows, map, projection, sources."""
    lang = p.lang
    kolom = {"angka": t("lb_k_angka", lang), "nilai": t("lb_k_nilai", lang), "satuan": t("lb_k_satuan", lang),
             "status": t("lb_k_status", lang), "periode": t("lb_k_periode", lang),
             "provinsi": t("lb_k_provinsi", lang), "peringkat": t("lb_k_peringkat", lang)}
    geo = tampilan.batas_terpasang()
    ket_peta = t("lb_peta_batas", lang).format(atribusi=_atribusi(geo[1])) if geo else t("lb_peta_ubin", lang)
    isi = {
        "lang": lang, "judul": t("lb_judul", lang), "nama": p.nama, "periode": p.periode,
        "dicetak": profil.dicetak_teks(p), "kolom": kolom,
        "h_pilar": t("lb_h_pilar", lang), "h_rasio": t("lb_h_rasio", lang), "h_peta": t("lb_h_peta", lang),
        "h_proyeksi": t("lb_h_proyeksi", lang), "h_tren": t("lb_h_tren", lang), "h_sumber": t("lb_h_sumber", lang),
        "pilar": [_baris(b, lang) for b in p.baris if b.pilar or b.kode_ukuran == "kpm_pkh"],
        "rasio": [_baris(b, lang) for b in p.baris if not (b.pilar or b.kode_ukuran == "kpm_pkh")],
        "tak_diperingkat": _tak_diperingkat(p), "tren": _tren(p),
        "proyeksi": list(p.proyeksi_teks), "proyeksi_model": t("lb_proyeksi_model", lang),
        "legenda": t("lb_legenda", lang), "estimasi_ada": t("lb_estimasi_ada", lang) if p.estimasi_ada else "",
        "sumber": list(p.sumber), "peta_ket": ket_peta,
        **_dialog(p.kode, lang),
    }
    return {**_bersih(isi), "peta": peta_svg(p.kode, teks_bersih(p.nama))}  # the SVG escapes its own text


def _bersih(x):
    """Every text in ``x`` (dicts and lists of texts and numbers) with invisible characters shown."""
    if isinstance(x, str):
        return teks_bersih(x, tetap="\n")
    if isinstance(x, dict):
        return {k: _bersih(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_bersih(v) for v in x]
    return x


def _dialog(kode: int | None, lang: str) -> dict:
    """The unit's forum items with a follow-up (pilar/dialog/tindak.py), and the phone form's address."""
    from ..dialog import tindak
    d = tindak.unit(kode)
    return {"h_dialog": t("dl_h_profil", lang), "dialog_terbuka": d["terbuka"], "dialog_selesai": d["selesai"],
            "h_terbuka": t("dl_terbuka", lang), "h_selesai": t("dl_selesai", lang),
            "kirim_ponsel": t("dl_kirim_ponsel", lang), "alamat_ponsel": "/forum" + (f"?kab={kode}" if kode else "")}


def _atribusi(meta: dict) -> str:
    teks = meta.get("attribution") or meta.get("source") or meta.get("input_name") or "-"
    lisensi = meta.get("licence")
    return f"{teks} ({lisensi})" if lisensi and lisensi not in teks else teks


# ---------------------------------------------------------------- the small map, drawn as SVG

def _bentuk() -> tuple[dict, bool]:
    """Unit code -> shapely geometry: installed boundaries when present, else the tile layout."""
    from shapely.geometry import shape  # geometry libraries load only when a sheet is drawn
    geo = tampilan.batas_terpasang()
    fc = geo[0] if geo else peta.tile_geojson()
    return {int(f["id"]): shape(f["geometry"]) for f in fc["features"]}, bool(geo)


def _jalur(g, ubah) -> str:
    """An SVG path for a (multi)polygon: every ring as M … Z (holes drawn with even-odd)."""
    polys = getattr(g, "geoms", [g])
    d = []
    for poly in polys:
        for ring in [poly.exterior, *poly.interiors]:
            pts = [ubah(x, y) for x, y in ring.coords]
            d.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + " Z")
    return " ".join(d)


def peta_svg(kode: int | None, nama: str, lebar: float = 220.0) -> str:
    """The province with unit ``kode`` highlighted (all units when None), self-contained SVG."""
    bentuk, geografis = _bentuk()
    if not bentuk:
        return ""
    from shapely.ops import unary_union
    semua = unary_union(list(bentuk.values()))
    x0, y0, x1, y1 = semua.bounds
    kx = math.cos(math.radians((y0 + y1) / 2)) if geografis else 1.0  # keep shapes' proportions
    w, h = (x1 - x0) * kx, (y1 - y0)
    skala = lebar / w if w else 1.0
    tinggi = h * skala

    def ubah(x, y):
        return (x - x0) * kx * skala, (y1 - y) * skala

    jalur = []
    for k, g in sorted(bentuk.items()):
        g = g.simplify(max(w, h) / 500) if geografis else g
        warna = WARNA_PROVINSI if kode is None else WARNA_PILIH if k == kode else WARNA_LAIN
        jalur.append(f'<path d="{_jalur(g, ubah)}" fill="{warna}" fill-rule="evenodd" stroke="#ffffff" '
                     f'stroke-width="0.8"/>')
    judul = html.escape(nama)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar:.0f} {tinggi:.0f}" width="{lebar:.0f}" '
            f'height="{tinggi:.0f}" role="img" aria-label="{judul}"><title>{judul}</title>{"".join(jalur)}</svg>')
