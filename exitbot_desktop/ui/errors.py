"""Turning failures into what a person reads, and bugs into reports.

Owns `known_failure` (a failure callback for `Op`) and `install_excepthook`. A known
failure (`ExitBotError`) shows its `user_message` where the person is looking; anything
else is a bug: it is logged with its traceback and the person sees one calm sentence
instead, never the traceback itself.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from exitbot_desktop.engine.errors import ExitBotError

_log = logging.getLogger("exitbot.ui")


def known_failure(show: Callable[[str], None]) -> Callable[[Exception], None]:
    """A failure callback: known failures go to `show`, bugs are re-raised to the hook."""

    def handle(error: Exception) -> None:
        if isinstance(error, ExitBotError):
            show(error.user_message)
            return
        raise error

    return handle


def install_excepthook() -> None:
    """Report bugs calmly: log the traceback, show a sentence, keep the app running."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        _log.error("Unexpected error", exc_info=(kind, error, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        QMessageBox.warning(
            None,
            QCoreApplication.translate("Errors", "Something went wrong"),
            QCoreApplication.translate(
                "Errors",
                "Something unexpected went wrong inside ExitBot. Everything saved so far is "
                "safe. If this keeps happening, please tell your IT team; the details are in "
                "the ExitBot log.",
            ),
        )

    sys.excepthook = hook
