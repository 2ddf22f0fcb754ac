"""The report font, found once: DejaVu Sans, so umlauts, Arabic and Hebrew letters print.

reportlab's built-in Helvetica covers Latin-1 only. DejaVu Sans covers Latin, Greek,
Cyrillic, Arabic and Hebrew and is on nearly every Linux desktop. The first complete
family found wins, in this order:

1. Debian/Ubuntu's `fonts-dejavu-core` (/usr/share/fonts/truetype/dejavu), or the same
   files in other common system folders (Fedora, Arch);
2. the DejaVu copy inside matplotlib (`mpl-data/fonts/ttf`), when it is installed;
3. Bitstream Vera, which reportlab itself ships (Latin only, but always there).

`printable` swaps characters the chosen font has no glyph for (CJK with DejaVu), and all
beyond U+FFFF (emoji), for U+FFFD: a PDF never carries glyph-less text that viewers
render unpredictably.
Never imports Qt.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "ExitBotSans"
_STYLES = ("", "-Bold", "-Oblique", "-BoldOblique")
_SYSTEM_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu-sans-fonts"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
)
_REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class ReportFont:
    regular: str
    bold: str
    italic: str
    source: Path
    codepoints: frozenset[int]

    def printable(self, text: str) -> str:
        """`text` with every character the font cannot draw replaced by U+FFFD."""
        cps = self.codepoints
        return "".join(ch if ord(ch) in cps or ch in "\n\t" else _REPLACEMENT for ch in text)


@functools.cache
def report_font() -> ReportFont:
    """Register the family with reportlab (once per process) and describe it."""
    files = _dejavu_files() or _vera_files()
    names = [FAMILY + style for style in _STYLES]
    for name, path in zip(names, files, strict=True):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # Lets <b> and <i> in paragraph markup pick the right face.
    for bold, italic, name in (
        (0, 0, names[0]),
        (1, 0, names[1]),
        (0, 1, names[2]),
        (1, 1, names[3]),
    ):
        addMapping(FAMILY, bold, italic, name)
    face = pdfmetrics.getFont(names[0]).face
    # Beyond the Basic Multilingual Plane reportlab writes a broken ToUnicode map
    # (odd-length hex), so emoji are replaced even when the font has a glyph.
    codepoints = frozenset(cp for cp in face.charToGlyph if cp <= 0xFFFF)
    return ReportFont(names[0], names[1], names[2], files[0], codepoints)


def _dejavu_files() -> list[Path] | None:
    folders = list(_SYSTEM_DIRS)
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf")
    for folder in folders:
        files = [folder / f"DejaVuSans{style}.ttf" for style in _STYLES]
        if all(f.is_file() for f in files):
            return files
    return None


def _vera_files() -> list[Path]:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    return [folder / name for name in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")]
