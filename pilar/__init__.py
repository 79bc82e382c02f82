"""Pilar Kalsel: data, measures and models behind the dashboard.

The core modules never import Streamlit; only ``pilar.ui`` does.
"""
