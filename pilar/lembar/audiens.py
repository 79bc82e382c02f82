"""The audience page: the fact sheet as one light, self-contained HTML page for phones.

Inline CSS and inline SVG only, no script, no font, image or link that loads anything from
anywhere: three hundred phones opening it cost the server one small static file each.
Every text is escaped (html.escape); numbers are the same formatted strings as in the PDF.
"""
from __future__ import annotations

from html import escape

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1b1b1b;
background:#fff;line-height:1.4}
main{max-width:860px;margin:0 auto;padding:12px 14px 28px}
h1{color:#1f4e79;font-size:1.55em;margin:.2em 0 .2em}
h2{color:#1f4e79;font-size:1.1em;margin:1.2em 0 .4em;border-bottom:2px solid #1f4e79}
.kecil{font-size:.85em;color:#444}
.est{color:#a04000;font-weight:bold}
.atas{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
.atas>div{flex:1 1 260px}
.gulir{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{padding:4px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{border-bottom:2px solid #1f4e79}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.n b{font-weight:bold}
ul{padding-left:1.2em;margin:.3em 0}
svg{max-width:100%;height:auto}
@media (max-width:560px){
.gulir table,.gulir tbody,.gulir tr,.gulir td{display:block;width:auto}
.gulir thead{display:none}
.gulir tr{border-bottom:2px solid #1f4e79;padding:4px 0}
.gulir td,.gulir td.n{border:0;padding:1px 6px;text-align:left;white-space:normal}
.gulir td::before{content:attr(data-label) ": ";color:#555;font-size:.85em}
.gulir td:first-child{font-weight:bold}
.gulir td:first-child::before{content:none}
}
"""
# Below 560 px (a phone) each table row is a small card of "column: value" lines: seven columns side
# by side had the period, province and rank off to the right, behind a sideways scroll.


def _sel(teks: str, label: str, angka: bool = False, tebal: bool = False, est: bool = False) -> str:
    """A cell; ``label`` (its column's name) heads it when a phone shows the row as a card."""
    isi = escape(teks)
    if est:
        isi = f'<span class="est">{isi}</span>'
    elif tebal:
        isi = f"<b>{isi}</b>"
    kelas = ' class="n"' if angka else ""
    return f'<td{kelas} data-label="{escape(label)}">{isi}</td>'


def _tabel(d: dict, rows: list[dict]) -> str:
    k = d["kolom"]
    kepala = "".join(f"<th>{escape(k[c])}</th>" for c in ("angka", "nilai", "satuan", "status", "periode",
                                                            "provinsi", "peringkat"))
    isi = "".join(
        "<tr>" + _sel(r["label"], k["angka"]) + _sel(r["nilai"], k["nilai"], True, True, r["estimasi"])
        + _sel(r["satuan"], k["satuan"]) + _sel(r["status"], k["status"]) + _sel(r["periode"], k["periode"])
        + _sel(r["provinsi"], k["provinsi"], True) + _sel(r["peringkat"], k["peringkat"], True) + "</tr>"
        for r in rows)
    return f'<div class="gulir"><table><thead><tr>{kepala}</tr></thead><tbody>{isi}</tbody></table></div>'


def _daftar(items: list[str], kelas: str = "") -> str:
    if not items:
        return ""
    c = f' class="{kelas}"' if kelas else ""
    return f"<ul{c}>" + "".join(f"<li>{escape(s)}</li>" for s in items) + "</ul>"


def _p(teks: str, kelas: str = "kecil") -> str:
    return f'<p class="{kelas}">{escape(teks)}</p>' if teks else ""


def _batang(rows: list[dict]) -> str:
    """The seven pillar counts as horizontal bars (the same formatted numbers as the table)."""
    rows = [r for r in rows if r["kode"] != "kpm_pkh" and r["angka"] is not None]
    if not rows:
        return ""
    maks = max(r["angka"] for r in rows) or 1
    tinggi, kiri, lebar = 22, 150, 250
    isi = []
    for i, r in enumerate(rows):
        y = i * tinggi
        w = max(1.0, lebar * r["angka"] / maks)
        warna = "#e6a06b" if r["estimasi"] else "#1f4e79"
        isi.append(f'<text x="{kiri - 6}" y="{y + 15}" text-anchor="end">{escape(r["label"])}</text>'
                   f'<rect x="{kiri}" y="{y + 4}" width="{w:.1f}" height="{tinggi - 8}" fill="{warna}"/>'
                   f'<text x="{kiri + w + 5:.1f}" y="{y + 15}">{escape(r["nilai"])}</text>')
    h = len(rows) * tinggi
    return (f'<svg viewBox="0 0 {kiri + lebar + 70} {h}" width="{kiri + lebar + 70}" height="{h}" role="img" '
            f'font-size="12" font-family="sans-serif">{"".join(isi)}</svg>')


def _dialog(d: dict) -> str:
    """The unit's forum items and what became of them, and the link to the forum's phone form."""
    isi = "".join(f"<h3>{escape(d[h])}</h3>{_daftar(d[k], 'kecil')}"
                  for h, k in (("h_terbuka", "dialog_terbuka"), ("h_selesai", "dialog_selesai")) if d[k])
    return (f'<h2>{escape(d["h_dialog"])}</h2>{isi}'
            f'<p><a href="{escape(d["alamat_ponsel"])}">{escape(d["kirim_ponsel"])}</a></p>')


def susun_html(d: dict) -> str:
    """The page for the content of pilar.lembar.isi.konten (the map SVG is built there, escaped)."""
    peta = d["peta"].replace(' xmlns="http://www.w3.org/2000/svg"', "")  # inline SVG needs no namespace
    tren = f"<h2>{escape(d['h_tren'])}</h2>{_daftar(d['tren'], 'kecil')}" if d["tren"] else ""
    return (
        f'<!DOCTYPE html><html lang="{escape(d["lang"])}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
        'img-src data:">'
        f'<title>{escape(d["judul"])}: {escape(d["nama"])}</title><style>{CSS}</style></head><body><main>'
        f'<p class="kecil">{escape(d["judul"])}</p><h1>{escape(d["nama"])}</h1>{_p(d["periode"], "")}'
        f'{_p(d["estimasi_ada"], "est")}'
        f'<div class="atas"><div><h2>{escape(d["h_proyeksi"])}</h2>{_daftar(d["proyeksi"])}'
        f'{_p(d["proyeksi_model"])}</div><div><h2>{escape(d["h_peta"])}</h2>{peta}{_p(d["peta_ket"])}'
        '</div></div>'
        f'<h2>{escape(d["h_pilar"])}</h2>{_batang(d["pilar"])}{_tabel(d, d["pilar"])}'
        f'<h2>{escape(d["h_rasio"])}</h2>{_tabel(d, d["rasio"])}{_daftar(d["tak_diperingkat"], "kecil")}'
        f'{tren}{_p(d["legenda"])}{_dialog(d)}<h2>{escape(d["h_sumber"])}</h2>{_daftar(d["sumber"], "kecil")}'
        f'{_p(d["dicetak"])}</main></body></html>')
