"""The station's policy: the HR settings that shape an interview, read once per arming.

Owns `StationPolicy`, `CareContact`, `load_policy` and `Arming` (what HR hands over).
Settings live in the encrypted store (the HR settings screen writes them); every one
has a default here, so a fresh installation behaves sensibly, and a malformed value
falls back to its default rather than stopping an interview. Setting keys:

- `anonymity`: "anonymous" (default), "named" or "choose" (HR decides per interview)
- `required_metadata`: metadata fields HR must fill in when arming (default none)
- `retention_months`: how long answers are kept, told to the employee (default 24)
- `care_contacts`: support contacts shown when an answer suggests distress; a mapping
  {"Employee assistance": "0800 123 456"} or a list of strings or of
  {"name", "phone", "email", "note"} objects
- `idle_disarm_minutes`: idle minutes on the welcome screen before the station locks
  itself (default 30)
- `thank_you_seconds`: how long the thank-you page stays (default 60)
- `question_set`: id of the question set to use (default "default")
- `followups_per_question` / `followups_per_interview`: follow-up caps (default 1 / 4)
- `llm_backend`, `ollama_host`, `ollama_model`: the assistant (default "auto")
"""

from __future__ import annotations

from dataclasses import dataclass

from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store.interviews import InterviewMeta
from exitbot_desktop.engine.store.vault import Store

META_FIELDS = (
    "department",
    "role",
    "tenure_band",
    "location",
    "manager",
    "leaving_date",
    "leaving_type",
)


@dataclass(frozen=True)
class CareContact:
    name: str
    details: str


@dataclass(frozen=True)
class StationPolicy:
    anonymity: str = "anonymous"
    required_metadata: tuple[str, ...] = ()
    retention_months: int = 24
    care_contacts: tuple[CareContact, ...] = ()
    idle_disarm_minutes: float = 30.0
    thank_you_seconds: int = 60
    question_set: str = "default"
    followups_per_question: int = 1
    followups_per_interview: int = 4
    llm_backend: str = "auto"
    ollama_host: str | None = None
    ollama_model: str | None = None


def load_policy(store: Store) -> StationPolicy:
    """The policy from the store's settings (one read per key; run on the store lane)."""
    default = StationPolicy()

    def number(key: str, fallback: float, low: float, high: float) -> float:
        value = store.get_setting(key, fallback)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return fallback
        return min(max(float(value), low), high)

    def text(key: str, fallback: str | None) -> str | None:
        value = store.get_setting(key, fallback)
        return value.strip() or fallback if isinstance(value, str) else fallback

    anonymity = text("anonymity", default.anonymity)
    required = store.get_setting("required_metadata", [])
    return StationPolicy(
        anonymity=anonymity if anonymity in ("anonymous", "named", "choose") else "anonymous",
        required_metadata=tuple(
            f for f in (required if isinstance(required, list) else []) if f in META_FIELDS
        ),
        retention_months=int(number("retention_months", default.retention_months, 1, 600)),
        care_contacts=_care_contacts(store.get_setting("care_contacts")),
        idle_disarm_minutes=number("idle_disarm_minutes", default.idle_disarm_minutes, 1, 24 * 60),
        thank_you_seconds=int(number("thank_you_seconds", default.thank_you_seconds, 10, 600)),
        question_set=text("question_set", default.question_set) or default.question_set,
        followups_per_question=int(number("followups_per_question", 1, 0, 3)),
        followups_per_interview=int(number("followups_per_interview", 4, 0, 50)),
        llm_backend=text("llm_backend", default.llm_backend) or default.llm_backend,
        ollama_host=text("ollama_host", None),
        ollama_model=text("ollama_model", None),
    )


def _care_contacts(value: object) -> tuple[CareContact, ...]:
    """Accept the shapes HR is likely to write; ignore anything unreadable."""
    contacts: list[CareContact] = []
    if isinstance(value, dict):
        contacts = [CareContact(str(k), str(v)) for k, v in value.items() if str(v).strip()]
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str) and item.strip():
                contacts.append(CareContact("", item.strip()))
            elif isinstance(item, dict):
                details = " · ".join(
                    str(item[k]) for k in ("phone", "email", "note") if str(item.get(k, "")).strip()
                )
                contacts.append(CareContact(str(item.get("name", "")), details))
    return tuple(c for c in contacts if c.name or c.details)


@dataclass(frozen=True)
class Arming:
    """What HR hands over to the station: this person's metadata, language and set."""

    meta: InterviewMeta
    language: str
    question_set: QuestionSet
    policy: StationPolicy
