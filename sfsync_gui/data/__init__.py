"""Files the app reads at run time, found with ``importlib.resources.files("sfsync_gui.data")``:
icons/ (the app icon and the sync-state icons, SVG and PNG) and translations/ (compiled .qm,
made by ``packaging/translations.py compile``; not in git)."""
