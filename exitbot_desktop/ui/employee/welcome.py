"""Welcome and consent: what the interview is for, who reads it, and the choice to take part.

Owns `WelcomePage`. It says plainly whether the interview is anonymous or named and how
long answers are kept, lets the person switch language (the whole window and the
questions follow), and makes declining as easy as starting: one more click confirms, and
then nothing but the declined status is recorded.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget

from exitbot_desktop.engine.settings import DEFAULTS
from exitbot_desktop.ui.i18n import LANGUAGES
from exitbot_desktop.ui.station import Arming
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, label, tab_order


class WelcomePage(Page):
    start_requested = Signal()
    decline_confirmed = Signal()
    language_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._arming: Arming | None = None
        self._organisation = ""
        self._title = label("title")
        self._lead = label("subtitle")
        self._captions = [label("caption") for _ in range(5)]
        self._paragraphs = [label() for _ in range(5)]
        self._language_label = label(wrap=False)
        self._language_group = QButtonGroup(self)
        self._language_buttons: dict[str, QRadioButton] = {}
        self._language_radios = QHBoxLayout()
        self.language_row = QHBoxLayout()
        self.language_row.addWidget(self._language_label)
        self.language_row.addLayout(self._language_radios)
        self.language_row.addStretch(1)
        self.start_button = button(primary=True)
        self.decline_button = button()
        self.error = ErrorLine()

        self._confirm = Box("notice")
        self._confirm_text = label()
        self.confirm_decline_button = button()
        self.cancel_decline_button = button()
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.cancel_decline_button)
        confirm_row.addWidget(self.confirm_decline_button)
        self._confirm.body.addWidget(self._confirm_text)
        self._confirm.body.addLayout(confirm_row)
        self._confirm.hide()

        card = Box()
        for caption, paragraph in zip(self._captions, self._paragraphs, strict=True):
            pair = QVBoxLayout()
            pair.setSpacing(2)
            pair.addWidget(caption)
            pair.addWidget(paragraph)
            card.body.addLayout(pair)
        card.body.addSpacing(6)
        card.body.addLayout(self.language_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        self.column.addWidget(self._title)
        self.column.addWidget(self._lead)
        self.column.addWidget(card)
        self.column.addWidget(self._confirm)
        self.column.addWidget(self.error)
        self.column.addStretch(1)
        self.footer.addLayout(buttons)

        self.start_button.clicked.connect(self.start_requested)
        self.decline_button.clicked.connect(self._ask_decline)
        self.cancel_decline_button.clicked.connect(self._cancel_decline)
        self.confirm_decline_button.clicked.connect(self.decline_confirmed)
        self._language_group.idClicked.connect(self._language_clicked)
        self.retranslate()

    def show_for(self, arming: Arming, organisation: str, *, language_fixed: bool = False) -> None:
        """Fill the page; `language_fixed` when the interview already exists in a language."""
        self._arming = arming
        self._organisation = organisation
        for code in list(self._language_buttons):
            radio = self._language_buttons.pop(code)
            self._language_group.removeButton(radio)
            radio.deleteLater()
        for index, code in enumerate(arming.question_set.languages):
            radio = QRadioButton(LANGUAGES.get(code, code))
            radio.setAccessibleName(LANGUAGES.get(code, code))
            radio.setChecked(code == arming.language)
            radio.setEnabled(not language_fixed)
            self._language_group.addButton(radio, index)
            self._language_buttons[code] = radio
            self._language_radios.addWidget(radio)
        self._confirm.hide()
        self.error.clear_message()
        self.retranslate()
        order: list[QWidget] = [*self._language_buttons.values(), self.decline_button]
        order += [self.start_button, self.cancel_decline_button, self.confirm_decline_button]
        tab_order(*order)

    def set_language(self, arming: Arming) -> None:
        """The language changed: re-read the question set's title in it."""
        self._arming = arming
        self.retranslate()

    def first_focus(self) -> QWidget:
        return self.start_button

    def retranslate(self) -> None:
        arming = self._arming
        org = self._organisation or self.tr("your organisation")
        title = arming.question_set.title if arming else {}
        language = arming.language if arming else "en"
        self._title.setText(
            title.get(language) or next(iter(title.values()), self.tr("Exit interview"))
        )
        self._lead.setText(
            self.tr("{organisation} would like to hear about your time with us.").format(
                organisation=org
            )
        )
        anonymous = arming is None or arming.meta.anonymous
        months = (arming.settings if arming else DEFAULTS).retention_months
        texts = [
            (
                self.tr("Why we ask"),
                self.tr(
                    "What you tell us helps us understand why people leave and what we could "
                    "do better. It usually takes 10 to 15 minutes."
                ),
            ),
            (
                self.tr("Who reads it"),
                self.tr(
                    "The HR team. Managers only ever see summaries of several people, never "
                    "your individual answers."
                ),
            ),
            (
                self.tr("Anonymous") if anonymous else self.tr("Not anonymous"),
                self._anonymity_text(),
            ),
            (
                self.tr("How long it is kept"),
                self.tr("{months} months; then your answers are deleted.").format(months=months),
            ),
            (
                self.tr("Your choices"),
                self.tr(
                    "You can skip any question, go back and change answers until you submit, "
                    "and stop at any time. After some answers an automated assistant may ask "
                    "one short follow-up question; you can always skip it."
                ),
            ),
        ]
        for (caption, paragraph), (head, text) in zip(
            zip(self._captions, self._paragraphs, strict=True), texts, strict=True
        ):
            caption.setText(head)
            paragraph.setText(text)
        self._language_label.setText(self.tr("Language:"))
        self.start_button.setText(self.tr("&Start the interview"))
        self.start_button.setAccessibleName(self.tr("Start the interview"))
        self.decline_button.setText(self.tr("No thank you, I'd rather &not take part"))
        self.decline_button.setAccessibleName(self.tr("I'd rather not take part"))
        self._confirm_text.setText(
            self.tr(
                "That's completely fine. If you end here, nothing you say is recorded, only "
                "that you chose not to take part."
            )
        )
        self.confirm_decline_button.setText(self.tr("&Yes, end here"))
        self.confirm_decline_button.setAccessibleName(self.tr("Yes, end here"))
        self.cancel_decline_button.setText(self.tr("&Go back"))
        self.cancel_decline_button.setAccessibleName(self.tr("Go back"))

    def _anonymity_text(self) -> str:
        meta = self._arming.meta if self._arming else None
        if meta is None or meta.anonymous:
            return self.tr(
                "Your name is not stored with your answers. Nobody can tell from this "
                "interview who you are, unless you write it yourself."
            )
        return self.tr(
            "Your name ({name}) is stored with your answers, as HR agreed with you."
        ).format(name=meta.employee_name or "")

    def _language_clicked(self, index: int) -> None:
        codes = list(self._language_buttons)
        if 0 <= index < len(codes):
            self.language_chosen.emit(codes[index])

    def _ask_decline(self) -> None:
        self._confirm.show()
        self.confirm_decline_button.setFocus()

    def _cancel_decline(self) -> None:
        self._confirm.hide()
        self.start_button.setFocus()
