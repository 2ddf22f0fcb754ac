"""Which language the window speaks: Qt translators for our strings and Qt's own.

Owns `Translations`. English is the source language (no translator needed); other
languages load `resources/translations/exitbot_<code>.qm` and Qt's `qtbase_<code>.qm`
(standard dialogs). Switching installs the new translators, and Qt then sends every
widget a LanguageChange event, which each page answers by retranslating itself. Question
texts are not here: they come from the question set's own translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from exitbot_desktop.paths import resources_dir

# The languages the employee can pick, with their own names (never translated).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}


def system_language() -> str:
    """The UI language the system asks for, if we have it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


class Translations:
    """Installs and swaps the translators of one application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"
        QLocale.setDefault(_formats_for("en"))

    def set_language(self, code: str) -> None:
        if code not in LANGUAGES:
            code = "en"
        if code == self.language and (self._installed or code == "en"):
            return
        self.clear()
        self.language = code
        QLocale.setDefault(_formats_for(code))
        if code == "en":
            return
        ours = QTranslator(self._app)
        if ours.load(f"exitbot_{code}", str(resources_dir() / "translations")):
            self._install(ours)
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{code}", qt_dir):
            self._install(qt)

    def clear(self) -> None:
        """Back to the English source strings (also used when the app shuts down)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"
        QLocale.setDefault(_formats_for("en"))

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)


def _formats_for(code: str) -> QLocale:
    """Dates and numbers as the system writes them when it speaks this language."""
    system = QLocale.system()
    if system.name().split("_")[0] == code:
        return system
    if code == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(code)
