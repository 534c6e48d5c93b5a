"""The desktop window (PySide6). The only package besides ``gui_main.py`` that imports Qt.

Layout: ``app`` is the composition root; ``worker``/``controller`` run the sync engine on a
``QThread`` (all database writes happen there); ``reads`` and ``record_query`` are the GUI's
short reads; the views and dialogs live in their own small modules.
"""
