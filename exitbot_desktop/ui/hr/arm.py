"""Arming the station: HR records what it knows about the leaving employee, then hands over.

Owns `ArmPage`. Every metadata field (the engine's `META_FIELDS`) is optional unless the
`required_metadata` setting says otherwise; whether the interview is anonymous or named
follows the `anonymity` setting (or HR's choice when it is "choose"), and the page says
plainly which it will be. Stored values are stable ids (tenure bands, leaving type) so reports and
question conditions can rely on them; the labels are translated.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from exitbot_desktop.engine.metadata import (
    LEAVING_TYPES,
    META_FIELD_NAMES,
    TENURE_BANDS,
    InterviewMeta,
)
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.settings import Settings
from exitbot_desktop.ui.i18n import LANGUAGES
from exitbot_desktop.ui.station import Arming
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, button_row, label


class ArmPage(Page):
    armed = Signal(object)  # Arming
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._settings = Settings()
        self._question_set: QuestionSet | None = None
        self._title = label("title")
        self._intro = label("muted")

        self.department = QLineEdit()
        self.role = QLineEdit()
        self.tenure = QComboBox()
        self.location = QLineEdit()
        self.manager = QLineEdit()
        self.date_known = QCheckBox()
        self.leaving_date = QDateEdit()
        self.leaving_date.setCalendarPopup(True)
        self.leaving_date.setEnabled(False)
        self.leaving_type = QComboBox()
        # One input per metadata field (the engine's list), by field name.
        self._inputs: dict[str, QWidget] = {
            "department": self.department,
            "role": self.role,
            "tenure_band": self.tenure,
            "location": self.location,
            "manager": self.manager,
            "leaving_date": self.leaving_date,
            "leaving_type": self.leaving_type,
        }
        assert tuple(self._inputs) == META_FIELD_NAMES, "the form must offer every field"
        self.anonymous = QRadioButton()
        self.named = QRadioButton()
        self._anonymity_group = QButtonGroup(self)
        self._anonymity_group.addButton(self.anonymous)
        self._anonymity_group.addButton(self.named)
        self.employee_name = QLineEdit()
        self._anonymity_note = label("muted")
        self.language = QComboBox()
        self.error = ErrorLine()
        self.cancel_button = button()
        self.hand_over_button = button(primary=True)

        date_row = QHBoxLayout()
        date_row.addWidget(self.date_known)
        date_row.addWidget(self.leaving_date, 1)
        anonymity_row = QHBoxLayout()
        anonymity_row.addWidget(self.anonymous)
        anonymity_row.addWidget(self.named)
        anonymity_row.addStretch(1)
        self._captions: dict[QWidget, QLabel] = {}
        about = QFormLayout()
        about.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in (self.department, self.role, self.tenure, self.location, self.manager):
            about.addRow(self._caption(field), field)
        about.addRow(self._caption(self.leaving_date), date_row)
        about.addRow(self._caption(self.leaving_type), self.leaving_type)
        about_card = Box()
        self._about_heading = label("subtitle")
        about_card.body.addWidget(self._about_heading)
        about_card.body.addLayout(about)

        interview = QFormLayout()
        interview.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        interview.addRow(self._caption(self.anonymous), anonymity_row)
        interview.addRow(self._caption(self.employee_name), self.employee_name)
        interview.addRow("", self._anonymity_note)
        interview.addRow(self._caption(self.language), self.language)
        interview_card = Box()
        self._interview_heading = label("subtitle")
        interview_card.body.addWidget(self._interview_heading)
        interview_card.body.addLayout(interview)
        self._interview_form = interview

        self.column.addWidget(self._title)
        self.column.addWidget(self._intro)
        self.column.addWidget(about_card)
        self.column.addWidget(interview_card)
        self.column.addWidget(self.error)
        self.column.addStretch(1)
        self.footer.addLayout(button_row(self.cancel_button, self.hand_over_button))

        self.date_known.toggled.connect(self.leaving_date.setEnabled)
        self.named.toggled.connect(self._update_anonymity)
        self.cancel_button.clicked.connect(self.cancelled)
        self.hand_over_button.clicked.connect(self._hand_over)
        for field in (self.department, self.role, self.location, self.manager, self.employee_name):
            field.returnPressed.connect(self._hand_over)
        self.retranslate()

    def _caption(self, field: QWidget) -> QLabel:
        caption = label(wrap=False)
        caption.setBuddy(field)
        self._captions[field] = caption
        return caption

    def prepare(self, question_set: QuestionSet, settings: Settings, language: str) -> None:
        """A blank form for the next person."""
        self._question_set = question_set
        self._settings = settings
        for field in (self.department, self.role, self.location, self.manager, self.employee_name):
            field.clear()
        self.tenure.setCurrentIndex(0)
        self.leaving_type.setCurrentIndex(0)
        self.date_known.setChecked(False)
        self.leaving_date.setDate(QDate.currentDate())
        self.anonymous.setChecked(settings.anonymity != "named")
        self.named.setChecked(settings.anonymity == "named")
        self.language.clear()
        for code in question_set.languages:
            self.language.addItem(LANGUAGES.get(code, code), code)
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(index, 0))
        self.error.clear_message()
        self.retranslate()

    def first_focus(self) -> QWidget:
        return self.department

    def retranslate(self) -> None:
        self._title.setText(self.tr("Start an interview"))
        self._intro.setText(
            self.tr(
                "Fill in what you know; every field is optional unless marked. The employee "
                "does not see these details. Then hand the computer over."
            )
        )
        self._about_heading.setText(self.tr("About the leaving employee"))
        self._interview_heading.setText(self.tr("The interview"))
        required = set(self._settings.required_metadata)
        captions = {
            "department": (self.tr("&Department:"), self.tr("Department")),
            "role": (self.tr("&Role:"), self.tr("Role")),
            "tenure_band": (self.tr("&Time with us:"), self.tr("Time with the organisation")),
            "location": (self.tr("&Location:"), self.tr("Location")),
            "manager": (self.tr("&Manager:"), self.tr("Manager")),
            "leaving_date": (self.tr("Leaving &date:"), self.tr("Leaving date")),
            "leaving_type": (self.tr("Leaving &type:"), self.tr("Leaving type")),
        }
        others = {
            self.anonymous: (self.tr("Answers are:"), self.tr("Anonymous interview")),
            self.employee_name: (self.tr("Employee &name:"), self.tr("Employee name")),
            self.language: (self.tr("&Language:"), self.tr("Interview language")),
        }
        for key, (caption, name) in captions.items():
            marker = " *" if key in required else ""
            self._captions[self._inputs[key]].setText(caption + marker)
            self._inputs[key].setAccessibleName(name + (self.tr(" (required)") if marker else ""))
        for field, (caption, name) in others.items():
            self._captions[field].setText(caption)
            field.setAccessibleName(name)
        self.named.setAccessibleName(self.tr("Named interview"))
        self.anonymous.setText(self.tr("&Anonymous"))
        self.named.setText(self.tr("Na&med"))
        self.date_known.setText(self.tr("Known:"))
        self.date_known.setAccessibleName(self.tr("Leaving date known"))
        self._fill_combo(
            self.tenure,
            [
                ("", self.tr("Not recorded")),
                *zip(
                    TENURE_BANDS,
                    (
                        self.tr("Less than 1 year"),
                        self.tr("1 to 2 years"),
                        self.tr("2 to 5 years"),
                        self.tr("5 to 10 years"),
                        self.tr("More than 10 years"),
                    ),
                    strict=True,
                ),
            ],
        )
        self._fill_combo(
            self.leaving_type,
            [
                ("", self.tr("Not recorded")),
                *zip(LEAVING_TYPES, (self.tr("Voluntary"), self.tr("Involuntary")), strict=True),
            ],
        )
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel and go back"))
        self.hand_over_button.setText(self.tr("&Hand over to the employee"))
        self.hand_over_button.setAccessibleName(self.tr("Hand over to the employee"))
        self._update_anonymity()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def _update_anonymity(self) -> None:
        choose = self._settings.anonymity == "choose"
        self.anonymous.setEnabled(choose)
        self.named.setEnabled(choose)
        named = self.named.isChecked()
        self.employee_name.setEnabled(named)
        self._interview_form.setRowVisible(self.employee_name, named)
        if named:
            note = self.tr("The employee's name is stored with the answers and they are told so.")
        else:
            note = self.tr("No name is stored; the employee is told the interview is anonymous.")
        if not choose:
            note += " " + self.tr("(Set by your organisation's policy.)")
        self._anonymity_note.setText(note)

    def _hand_over(self) -> None:
        if self._question_set is None:
            return
        named = self.named.isChecked()
        meta = InterviewMeta(
            **{name: self._value(name) for name in META_FIELD_NAMES},
            anonymous=not named,
            employee_name=self.employee_name.text().strip() or None if named else None,
        )
        missing = [f for f in self._settings.required_metadata if not getattr(meta, f)]
        if not meta.anonymous and not meta.employee_name:
            missing.append("employee_name")
        if missing:
            self.error.show_message(
                self.tr("Please fill in the fields marked with *: the policy requires them.")
                if any(f != "employee_name" for f in missing)
                else self.tr("Please enter the employee's name for a named interview.")
            )
            return
        self.error.clear_message()
        language = str(self.language.currentData() or "en")
        self.armed.emit(Arming(meta, language, self._question_set, self._settings))

    def _value(self, name: str) -> str | None:
        """What the form holds for one metadata field (None: not recorded)."""
        field = self._inputs[name]
        if isinstance(field, QLineEdit):
            return field.text().strip() or None
        if isinstance(field, QComboBox):
            return str(field.currentData() or "") or None
        if self.date_known.isChecked():
            return self.leaving_date.date().toString("yyyy-MM-dd")
        return None
