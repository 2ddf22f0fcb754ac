"""Support for someone whose answer suggests distress or danger: contacts and a pause.

Owns `CarePanel` and `PausePage`. The words are fixed and calm, the contacts are the ones
HR configured (`care_contacts`), and nothing here is generated: the assistant is never
asked to counsel. The interview is flagged for HR by the controller, not here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from exitbot_desktop.engine.settings import CareContact
from exitbot_desktop.ui.widgets import Box, Page, button, label


class CarePanel(Box):
    pause_requested = Signal()
    continue_requested = Signal()

    def __init__(self) -> None:
        super().__init__("care")
        self._heading = label("subtitle")
        self._text = label()
        self._contacts = label(selectable=True)
        self._emergency = label("muted")
        self.pause_button = button()
        self.continue_button = button(primary=True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pause_button)
        row.addWidget(self.continue_button)
        for widget in (self._heading, self._text, self._contacts, self._emergency):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.pause_button.clicked.connect(self.pause_requested)
        self.continue_button.clicked.connect(self.continue_requested)
        self.hide()

    def offer(self, contacts: tuple[CareContact, ...]) -> None:
        self._heading.setText(self.tr("Thank you for telling us"))
        self._text.setText(
            self.tr(
                "What you wrote sounds hard. Your answer is saved, and you don't have to go "
                "on right now. If you would like to talk to someone, you can reach:"
            )
        )
        lines = [
            f"{c.name}: {c.details}" if c.name and c.details else c.name or c.details
            for c in contacts
        ]
        if not lines:
            lines = [self.tr("The HR team, who can put you in touch with support.")]
        self._contacts.setText("\n".join(lines))
        self._contacts.setAccessibleName(
            self.tr("Support contacts: {contacts}").format(contacts="; ".join(lines))
        )
        self._emergency.setText(
            self.tr("If you are in danger right now, please call your local emergency number.")
        )
        self.pause_button.setText(self.tr("&Take a break"))
        self.pause_button.setAccessibleName(self.tr("Take a break"))
        self.continue_button.setText(self.tr("C&ontinue the interview"))
        self.continue_button.setAccessibleName(self.tr("Continue the interview"))
        self.show()


class PausePage(Page):
    """A quiet screen while the person takes a break; the interview waits where it was."""

    resume_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._title = label("title")
        self._text = label("subtitle")
        self.resume_button = button(primary=True)
        self.column.addStretch(1)
        self.column.addWidget(self._title)
        self.column.addWidget(self._text)
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addStretch(2)
        self.resume_button.clicked.connect(self.resume_requested)
        self.retranslate()

    def first_focus(self) -> QWidget:
        return self.resume_button

    def retranslate(self) -> None:
        self._title.setText(self.tr("Take all the time you need"))
        self._text.setText(
            self.tr(
                "Everything you have answered is saved. When you are ready, you can carry on "
                "where you left off, or let the HR person know you would like to stop."
            )
        )
        self.resume_button.setText(self.tr("&I'm ready to continue"))
        self.resume_button.setAccessibleName(self.tr("I'm ready to continue"))
