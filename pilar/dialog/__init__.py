"""The dialog: what a forum's room says (questions, proposals, field experience), moderated, shown on the
slides, followed up until the next forum. Store: SQLite (``simpan``), rules (``aturan``), the phone page
(``ponsel``), minutes (``notulen``). Pure: no Streamlit. docs/DIALOG.md.
"""
