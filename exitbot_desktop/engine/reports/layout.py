"""The look shared by every ExitBot PDF: styles, safe text, title page, page furniture.

Anything typed by an employee reaches reportlab only through `safe`: reportlab's
Paragraph is a markup language, so `<b>`, `<font>` or a bare `&` in an answer would
otherwise change the layout or abort the build. `safe` also drops control characters
and lone surrogates, replaces characters the font cannot draw, and caps length (the
report says when it did), so any answer renders. Pages carry "Page N of M" and a
confidentiality footer; an optional password encrypts the file with AES-256 through
pypdf (reportlab alone offers RC4-128, and its AES-256 output is unreadable to poppler
and pypdf, so it is not used).
Never imports Qt.
"""

from __future__ import annotations

import io
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from exitbot_desktop.engine.reports.fonts import report_font
from exitbot_desktop.engine.safe_text import show_bidi_controls
from exitbot_desktop.engine.settings import ReportLogo

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#2f5d8a")
RULE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#f0f4f8")
ALERT = colors.HexColor("#b42318")
ALERT_SHADE = colors.HexColor("#fdecea")
SERIES = ("#2f5d8a", "#e07a1f", "#3f8f5a", "#b42318", "#7b5ea7", "#8d99ae")

MAX_TEXT = 20_000  # characters of one answer printed; the export has the rest
CONFIDENTIAL = "Confidential: for authorised HR staff only. Do not forward."
PAGE = A4
MARGIN = 18 * mm


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    quote: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    alert: ParagraphStyle
    figure: ParagraphStyle


def styles() -> Styles:
    font = report_font()
    base = ParagraphStyle(
        "body", fontName=font.regular, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=derive("title", fontName=font.bold, fontSize=24, leading=30, spaceAfter=10),
        subtitle=derive("subtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=4),
        h1=derive(
            "h1",
            fontName=font.bold,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
        ),
        h2=derive("h2", fontName=font.bold, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2),
        body=base,
        small=derive("small", fontSize=8, leading=10.5, textColor=MUTED),
        quote=derive("quote", fontName=font.italic, leftIndent=10, borderPadding=0, spaceAfter=6),
        cell=derive("cell", fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=derive("cell_bold", fontName=font.bold, fontSize=8.5, leading=11, spaceAfter=0),
        alert=derive("alert", fontName=font.bold, textColor=ALERT),
        figure=derive("figure", fontName=font.bold, fontSize=18, leading=22, textColor=ACCENT),
    )


def safe(text: object, *, limit: int = MAX_TEXT) -> str:
    """Untrusted text as Paragraph markup that shows exactly those characters."""
    raw = str(text)
    raw = raw.encode("utf-8", "replace").decode("utf-8")  # lone surrogates → "?"
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = "".join(
        ch for ch in raw if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co")
    )
    shortened = len(raw) > limit
    if shortened:
        raw = raw[:limit]
    raw = report_font().printable(show_bidi_controls(raw))
    markup = escape(raw).replace("\t", " ").replace("\n", "<br/>")
    if shortened:
        markup += f" <i>[shortened here: {len(str(text)):,} characters in full]</i>"
    return markup


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(safe(text), style)


def table(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    header: bool = True,
    muted_rows: Sequence[int] = (),
) -> Table:
    """A ruled table; strings become wrapped paragraphs, flowables pass through."""
    st = styles()

    def style(r: int, c: int) -> ParagraphStyle:
        base = st.cell_bold if header and r == 0 else st.cell
        if c not in right:
            return base
        return ParagraphStyle(base.name + "_right", parent=base, alignment=TA_RIGHT)

    data = [
        [
            cell if isinstance(cell, Flowable) else para(cell, style(r, c))
            for c, cell in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    tbl = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    for r in muted_rows:
        commands.append(("TEXTCOLOR", (0, r), (-1, r), MUTED))
    tbl.setStyle(TableStyle(commands))
    return tbl


def title_page(
    title: str,
    subtitle_lines: Sequence[str],
    facts: Sequence[tuple[str, str]],
    *,
    notes: Sequence[str] = (),
) -> list[Flowable]:
    """Cover: title, what it covers, who made it when, and the handling notice."""
    st = styles()
    out: list[Flowable] = [Spacer(1, 45 * mm), para(title, st.title)]
    out += [para(line, st.subtitle) for line in subtitle_lines]
    out.append(Spacer(1, 12 * mm))
    rows = [[para(k, st.cell_bold), para(v, st.cell)] for k, v in facts]
    grid = Table(rows, colWidths=[45 * mm, 110 * mm])
    grid.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    out += [grid, Spacer(1, 20 * mm)]
    notice = ParagraphStyle("notice", parent=st.body, alignment=TA_CENTER, textColor=ALERT)
    out += [
        para(CONFIDENTIAL, notice),
        *(para(n, ParagraphStyle("note", parent=st.small, alignment=TA_CENTER)) for n in notes),
        PageBreak(),
    ]
    return out


def section(title: str, *flowables: Flowable) -> KeepTogether:
    """A heading kept on the same page as the start of what it introduces."""
    return KeepTogether([para(title, styles().h1), *flowables])


def render(
    story: list[Flowable],
    *,
    title: str,
    organisation: str,
    password: str | None = None,
    logo: ReportLogo | None = None,
) -> bytes:
    """Lay out `story` on A4 with header, footer and "Page N of M"; optionally encrypted.

    The organisation's `logo`, if any, sits in the top right corner of every page, above
    the header line, so that a printed page still says whose report it is."""
    buffer = io.BytesIO()
    image = _logo_image(logo)
    font = report_font()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6 * mm,
        bottomMargin=MARGIN + 4 * mm,
        title=title,
        author=organisation or "ExitBot",
        creator="ExitBot Desktop",
    )
    generated = datetime.now().strftime("%Y-%m-%d %H:%M")

    def furniture(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        width, height = PAGE
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        if canvas.getPageNumber() > 1:
            canvas.setFont(font.regular, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN, height - MARGIN, font.printable(title))
            canvas.drawRightString(width - MARGIN, height - MARGIN, font.printable(organisation))
            canvas.line(MARGIN, height - MARGIN - 3, width - MARGIN, height - MARGIN - 3)
        if image is not None:
            _draw_logo(canvas, image)
        canvas.line(MARGIN, MARGIN + 2, width - MARGIN, MARGIN + 2)
        canvas.setFont(font.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN - 8, f"{CONFIDENTIAL}  Generated {generated}.")
        canvas.restoreState()

    doc.build(story, onFirstPage=furniture, onLaterPages=furniture, canvasmaker=_NumberedCanvas)
    return _encrypted(buffer.getvalue(), password) if password else buffer.getvalue()


def _logo_image(logo: ReportLogo | None) -> ImageReader | None:
    """The logo decoded once per report; None when there is none."""
    return None if logo is None else ImageReader(io.BytesIO(logo.data))


def _draw_logo(canvas: Canvas, image: ImageReader) -> None:
    """Scaled into a box in the top margin (at most 40 × 9 mm), keeping its proportions."""
    box_w, box_h = 40 * mm, 9 * mm
    pixels_w, pixels_h = image.getSize()
    scale = min(box_w / pixels_w, box_h / pixels_h)
    w, h = pixels_w * scale, pixels_h * scale
    bottom = PAGE[1] - MARGIN + 4 * mm
    canvas.drawImage(image, PAGE[0] - MARGIN - w, bottom, w, h, mask="auto")


def _encrypted(pdf: bytes, password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    # Readers may print and copy quotes; changing the report needs the owner password,
    # which is random and never shown (HR re-exports rather than edits a report).
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(24),
        permissions_flag=UserAccessPermissions.PRINT | UserAccessPermissions.EXTRACT,
        algorithm="AES-256",
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Defers page output until the end, so each page can say "Page N of M"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        font = report_font()
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(font.regular, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(
                PAGE[0] - MARGIN, MARGIN - 8, f"Page {self.getPageNumber()} of {total}"
            )
            super().showPage()
        super().save()
