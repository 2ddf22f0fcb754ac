"""Where things live: the data directory, bundled resources and model files.

Decisions: the data directory is `EXITBOT_DATA_DIR` when set (IT can point it at a
backed-up volume), else the platform's per-user data dir. Resources are found under
the PyInstaller bundle root when frozen, inside the package when installed from the
wheel (`exitbot_desktop/resources/`, see pyproject.toml), and at the top of a source
checkout otherwise.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ExitBot"
DB_FILE = "exitbot.db"
KEY_FILE = "exitbot.keys.json"
LOCK_FILE = "exitbot.lock"
ATTEMPTS_FILE = "exitbot.attempts.json"
LOG_FILE = "exitbot.log"
SERVER_FILE = "server.json"  # a station of a central store: where the server is
QUEUE_FILE = "station-queue.db"  # ... and the interviews it has not yet delivered there


def data_dir() -> Path:
    """The folder holding the encrypted database, its key file and the assembled model."""
    override = os.environ.get("EXITBOT_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Question sets, translations, icons and the stylesheet."""
    installed = Path(__file__).resolve().parent / "resources"
    if not getattr(sys, "_MEIPASS", None) and installed.is_dir():
        return installed
    return _root() / "resources"


def models_dir() -> Path:
    """Where IT drops GGUF files (`models/` beside the app, never in git)."""
    return _root() / "models"
