"""Tiny app that asks for an outside image: proves the network guard sees and blocks it."""
import streamlit as st

st.markdown('<img src="http://192.0.2.1/pilar-guard-probe.png" alt="probe">', unsafe_allow_html=True)
st.write("siap")
