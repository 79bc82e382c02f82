"""On a phone (below 640 px) the sidebar closes itself once a page is chosen in it.

Streamlit leaves it open after a page switch, and open it covers 280 of 390 px. A few lines of
JavaScript (a Streamlit v2 component, no iframe, no network) click the sidebar's own collapse button
after a click on one of its page links; nothing else is touched, and wider screens are left alone.
"""
from __future__ import annotations

import streamlit as st
import streamlit.components.v2 as components

LEBAR_PONSEL = 640  # px: below this the open sidebar covers the page

JS = """
export default function (component) {
  const tutup = (e) => {
    if (window.innerWidth >= %d) return;
    const el = e.target;
    if (!el || !el.closest || !el.closest('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]')) return;
    // After Streamlit has handled the click (the page switch), close the sidebar as its own button does.
    setTimeout(() => {
      const sisi = document.querySelector('[data-testid="stSidebar"]');
      const tombol = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (sisi && sisi.getAttribute('data-collapsed') === 'false' && tombol) tombol.click();
    }, 0);
  };
  if (window.__pilarPonsel) document.removeEventListener("click", window.__pilarPonsel, true);
  window.__pilarPonsel = tutup;
  document.addEventListener("click", tutup, true);
  return () => {
    document.removeEventListener("click", tutup, true);
    if (window.__pilarPonsel === tutup) window.__pilarPonsel = null;
  };
}
""" % LEBAR_PONSEL
_TUTUP = components.component("pilar_sidebar_ponsel", js=JS)


def tutup_sidebar_setelah_navigasi() -> None:
    """Mount the listener (in a hidden container: it draws nothing)."""
    with st.container(key="pilar_ponsel"):
        _TUTUP(key="sidebar_ponsel")
