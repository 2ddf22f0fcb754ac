"""The PySide6 desktop UI: a thin layer of pages, Qt models and workers over the engine."""
