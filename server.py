"""The dashboard as served: Streamlit's app (dashboard.py and pages/) behind pilar.pintu.

Run: ``streamlit run server.py`` (scripts/app and scripts/serve-forum do). Streamlit finds ``app``
here and serves it with its own Starlette server; ``dashboard.py`` stays the home page script.
"""
import streamlit as st
from starlette.middleware import Middleware

from pilar.pintu import Pintu

app = st.App("dashboard.py", middleware=[Middleware(Pintu)])
