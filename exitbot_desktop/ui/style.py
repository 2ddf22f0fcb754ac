"""The app's look: Fusion, a calm palette and stylesheet, sizes taken from the system font.

Owns `apply_style`. Font sizes in the stylesheet are multiples of the system font, so a
user who set a larger font gets a larger app. When the system asks for high contrast
our own colours are left out entirely and only sizes and focus frames remain: the
user's palette wins.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from exitbot_desktop.paths import resources_dir

_SCALES = {
    "small_pt": 0.95,
    "base_pt": 1.0,
    "large_pt": 1.25,
    "question_pt": 1.55,
    "title_pt": 1.8,
    "code_pt": 1.7,
}
# The offscreen and some X11 setups report a 9 pt default, small for an anxious reader
# at an office PC; never go below this, but follow anything larger.
_MIN_BASE_PT = 10.5


def high_contrast_requested(app: QApplication) -> bool:
    # Keep the style hints referenced: PySide drops the accessibility object with them.
    style_hints = app.styleHints()
    accessibility = style_hints.accessibility()
    return accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast


def apply_style(app: QApplication) -> None:
    """Fusion plus our stylesheet, or the user's palette untouched in high contrast."""
    app.setStyle("Fusion")
    font = app.font()
    base = max(font.pointSizeF(), _MIN_BASE_PT)
    if base != font.pointSizeF():
        font.setPointSizeF(base)
        app.setFont(font)
    high_contrast = high_contrast_requested(app)
    if not high_contrast:
        app.setPalette(_calm_palette())
    name = "high_contrast.qss" if high_contrast else "exitbot.qss"
    template = Template((resources_dir() / "style" / name).read_text(encoding="utf-8"))
    values = {key: f"{base * scale:.1f}" for key, scale in _SCALES.items()}
    # Check marks and radio dots grow with the font; 1 pt is 4/3 px at 96 dpi.
    indicator = round(base * 4 / 3 * 1.15)
    values["indicator_px"] = str(indicator)
    values["indicator_radius_px"] = str(indicator // 2 + 1)
    values["icons"] = (resources_dir() / "icons").as_posix()
    app.setStyleSheet(template.substitute(values))


def _calm_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#f4f6f8",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef2f5",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.Highlight: "#2f6f8f",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2933",
        QPalette.ColorRole.PlaceholderText: "#7b8794",
        QPalette.ColorRole.Link: "#1f5f9f",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(disabled, role, QColor("#9aa5b1"))
    return palette
