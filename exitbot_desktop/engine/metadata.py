"""What HR records about a leaving employee: the one list of fields and their stable values.

Owns `META_FIELDS` (every metadata field with its report title, in the order screens,
exports and reports show them), `InterviewMeta`, the tenure bands and the leaving types.
The arming page, the settings (`required_metadata`), the aggregates' breakdowns, the
CSV/JSON columns and the PDF facts all read this list, so a field is added in one place.
Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.safe_text import has_lone_surrogate


@dataclass(frozen=True)
class MetaField:
    name: str  # the `InterviewMeta` attribute, database column and export column
    title: str  # English title in reports and exports
    breakdown: bool  # reports break figures down by it (a manager's name never is)


META_FIELDS: tuple[MetaField, ...] = (
    MetaField("department", "Department", True),
    MetaField("role", "Role", True),
    MetaField("tenure_band", "Tenure", True),
    MetaField("location", "Location", True),
    MetaField("manager", "Manager", False),
    MetaField("leaving_date", "Leaving date", False),
    MetaField("leaving_type", "Voluntary / involuntary", True),
)
META_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in META_FIELDS)
BREAKDOWN_FIELDS: tuple[MetaField, ...] = tuple(f for f in META_FIELDS if f.breakdown)

# Stored ids → the words reports print. The station offers these, the import of paper
# interviews maps years onto them, so breakdowns and filters see one set of groups.
TENURE_BANDS: dict[str, str] = {
    "<1": "Less than 1 year",
    "1-2": "1 to 2 years",
    "2-5": "2 to 5 years",
    "5-10": "5 to 10 years",
    "10+": "More than 10 years",
}
LEAVING_TYPES = ("voluntary", "involuntary")


def tenure_band(years: float) -> str:
    """The tenure band id for a length of service in years."""
    for limit, band in ((1, "<1"), (2, "1-2"), (5, "2-5"), (10, "5-10")):
        if years < limit:
            return band
    return "10+"


def shown_value(field: str, value: str | None) -> str | None:
    """A stored metadata value as reports print it (tenure ids become words)."""
    if field == "tenure_band" and value:
        return TENURE_BANDS.get(value, value)
    return value


@dataclass(frozen=True)
class InterviewMeta:
    """What HR fills in when arming the station; every field is optional by policy.

    The first seven fields are `META_FIELDS`, in that order (a test holds them together).
    """

    department: str | None = None
    role: str | None = None
    tenure_band: str | None = None
    location: str | None = None
    manager: str | None = None
    leaving_date: str | None = None  # ISO date
    leaving_type: str | None = None  # one of LEAVING_TYPES
    anonymous: bool = True
    employee_name: str | None = None

    def check(self) -> None:
        """Raise a sentence for a field no database can store (a broken character)."""
        for name, value in self.values().items():
            if isinstance(value, str) and has_lone_surrogate(value):
                raise ExitBotError(
                    f"The {name.replace('_', ' ')} holds a broken character that cannot be "
                    "saved (it can come from copying an emoji or symbol). Retype it, then "
                    "start the interview again."
                )

    def as_conditions(self) -> dict[str, str]:
        """Metadata as question conditions see it (unset fields are absent)."""
        return {name: str(value) for name in META_FIELD_NAMES if (value := getattr(self, name))}

    def values(self) -> dict[str, object]:
        """Every field by name, as the store writes them."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
