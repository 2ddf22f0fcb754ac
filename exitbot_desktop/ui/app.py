"""Starting the GUI: the Qt application, its look and language, logging, the window.

Owns `run_gui`, which `exitbot-desktop` (no subcommand) calls. Everything slow (loading
the database layer, choosing and loading the model, unlocking) starts after the window
has painted (`MainWindow.start`).
"""

from __future__ import annotations

import gc
import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from exitbot_desktop.engine.errors import StoreError
from exitbot_desktop.engine.store.folder import DataFolder, create_private_file
from exitbot_desktop.paths import resources_dir
from exitbot_desktop.ui.errors import install_excepthook
from exitbot_desktop.ui.garbage import collect_on_gui_thread
from exitbot_desktop.ui.i18n import Translations, system_language
from exitbot_desktop.ui.main_window import MainWindow
from exitbot_desktop.ui.style import apply_style


def _log_to(folder: DataFolder) -> None:
    """Warnings and bug reports go to a private log file in the data folder, never to a dialog."""
    try:
        folder.make_private()
        create_private_file(folder.log_path)
        handler: logging.Handler = logging.FileHandler(folder.log_path, encoding="utf-8")
    except (OSError, StoreError):
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def create_app(argv: list[str] | None = None) -> tuple[QApplication, Translations]:
    """The application object with our look and the system's language installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("ExitBot")
    app.setApplicationDisplayName("ExitBot")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "exitbot.svg")))
    apply_style(app)
    collect_on_gui_thread(app)
    translations = Translations(app)
    translations.set_language(system_language())
    return app, translations


def run_gui(folder: DataFolder) -> int:
    """Open the main window and run until it closes; returns the process exit code."""
    _log_to(folder)
    install_excepthook()
    app, translations = create_app()
    window = MainWindow(folder, translations)
    window.start()
    code = app.exec()
    window.shutdown()
    # Free a loaded model now, while the modules its finaliser needs still exist.
    window.assistant.release()
    gc.collect()
    return code
