"""The dashboard as served: Streamlit's app (dashboard.py and pages/) behind pilar.pintu, and the dialog's
phone page (``/forum``, pilar/dialog/ponsel.py) beside it.

Run: ``streamlit run server.py`` (scripts/app and scripts/serve-forum do). Streamlit finds ``app``
here and serves it with its own Starlette server; ``dashboard.py`` stays the home page script.
"""
import streamlit as st
from starlette.middleware import Middleware

from pilar.dialog.ponsel import RUTE
from pilar.pintu import Pintu

app = st.App("dashboard.py", routes=RUTE, middleware=[Middleware(Pintu)])
