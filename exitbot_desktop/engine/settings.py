"""The HR settings: each one's default, limits and meaning, and the typed values the app reads.

Owns `SETTINGS` (the specs), `Settings` (the typed values), `read_settings`,
`check_value`, `parse_value` and `describe`. The rules a spec reads with (`NumberRule`,
`ChoiceRule`, `TextRule`, `FlagRule`) are data as well as checks, so the settings page builds its
fields from them. Values live in the encrypted store as JSON; the
station, the welcome text, the reports, the CLI and the settings screens all read them
through here, so a default or a limit is written once. Reading is forgiving (a value
out of range is clamped, an unreadable one falls back to its default, so a bad setting
never stops an interview); setting is strict (a bad value is refused with a sentence
that names the limits, so a typo never silently does nothing). Never imports Qt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.metadata import META_FIELD_NAMES

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class SettingError(ExitBotError):
    """A value that a setting does not accept; the message names the limits."""


@dataclass(frozen=True)
class CareContact:
    name: str
    details: str


@dataclass(frozen=True)
class ReportLogo:
    """An image printed at the top of every report."""

    media_type: str  # image/png or image/jpeg
    data: bytes


@dataclass(frozen=True)
class Settings:
    """Every HR setting, typed, with its default."""

    organisation: str = ""
    report_logo: ReportLogo | None = None
    anonymity: str = "anonymous"
    required_metadata: tuple[str, ...] = ()
    retention_months: int = 24
    care_contacts: tuple[CareContact, ...] = ()
    idle_disarm_minutes: float = 30.0
    hr_idle_lock_minutes: float = 10.0
    thank_you_seconds: int = 60
    question_set: str = "default"
    followups_per_question: int = 1
    followups_per_interview: int = 4
    llm_backend: str = "auto"
    ollama_host: str | None = None
    ollama_model: str | None = None
    min_group_size: int = 5
    auto_backup: bool = False
    auto_backup_keep: int = 7
    backup_folder: str | None = None


DEFAULTS = Settings()
ANONYMITY = ("anonymous", "named", "choose")
LLM_BACKENDS = ("auto", "ollama", "llama_cpp", "rules")
MAX_LOGO_BYTES = 512 * 1024  # a logo is a few KB; this keeps reports and backups small
_IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}

# A reader turns a stored JSON value into the typed one; `strict` (when setting) refuses
# what reading would clamp or ignore.
_Reader = Callable[[object, bool], object]


@dataclass(frozen=True)
class SettingSpec:
    key: str
    meaning: str
    limits: str  # what is accepted, in words
    read: _Reader
    # The organisation's name lives in the key file, not the database: the unlock page
    # and the recovery key sheet show it before the database can be opened.
    in_key_file: bool = False
    # How a value typed on the command line becomes a stored one, when not JSON or text
    # (a logo is given as the path of its file).
    from_text: Callable[[str], object] | None = None

    @property
    def default(self) -> object:
        return getattr(DEFAULTS, self.key)


@dataclass(frozen=True)
class NumberRule:
    """A number between `low` and `high`; whole when `integer`."""

    low: float
    high: float
    integer: bool

    def __call__(self, value: object, strict: bool) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SettingError("a number")
        if self.integer and strict and value != int(value):
            raise SettingError("a whole number")
        if strict and not self.low <= value <= self.high:
            raise SettingError("out of range")
        clamped = min(max(float(value), self.low), self.high)
        return int(clamped) if self.integer else clamped


@dataclass(frozen=True)
class ChoiceRule:
    """One of `options`."""

    options: tuple[str, ...]

    def __call__(self, value: object, _strict: bool) -> object:
        if not isinstance(value, str) or value.strip() not in self.options:
            raise SettingError("not one of the options")
        return value.strip()


@dataclass(frozen=True)
class TextRule:
    """Text that is not blank (nor longer than `longest`); `optional` text may be unset."""

    optional: bool
    longest: int | None = None

    def __call__(self, value: object, strict: bool) -> object:
        if not isinstance(value, str) or not value.strip():
            if self.optional and value is None:
                return None
            raise SettingError("not text")
        if strict and self.longest is not None and len(value.strip()) > self.longest:
            raise SettingError("too long")
        return value.strip()


def _number(low: float, high: float, *, integer: bool) -> _Reader:
    return NumberRule(low, high, integer)


def _choice(options: tuple[str, ...]) -> _Reader:
    return ChoiceRule(options)


def _text(*, optional: bool) -> _Reader:
    return TextRule(optional)


@dataclass(frozen=True)
class FlagRule:
    """True or false (never a word such as "yes": a stored word is a mistake to refuse)."""

    def __call__(self, value: object, _strict: bool) -> object:
        if not isinstance(value, bool):
            raise SettingError("not true or false")
        return value


def _fields(value: object, strict: bool) -> object:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingError("not a list of field names")
    unknown = [v for v in value if v not in META_FIELD_NAMES]
    if strict and unknown:
        raise SettingError("unknown fields")
    return tuple(v for v in value if v in META_FIELD_NAMES)


def _contacts(value: object, strict: bool) -> object:
    """Accept the shapes HR is likely to write; ignore anything unreadable when reading."""
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
            elif strict:
                raise SettingError("unreadable entry")
    else:
        raise SettingError("not contacts")
    return tuple(c for c in contacts if c.name or c.details)


def read_logo(value: object, _strict: bool) -> object:
    """A stored logo: {"media_type", "base64"} holding a PNG or JPEG of at most 512 KB."""
    if not isinstance(value, dict) or not isinstance(value.get("base64"), str):
        raise SettingError("not an image")
    try:
        data = base64.b64decode(value["base64"], validate=True)
    except (binascii.Error, ValueError):
        raise SettingError("not an image") from None
    media_type = next((t for magic, t in _IMAGE_TYPES.items() if data.startswith(magic)), None)
    if media_type is None or len(data) > MAX_LOGO_BYTES:
        raise SettingError("not an image")
    return ReportLogo(media_type, data)


def logo_value(path: Path) -> dict[str, str]:
    """The stored form of the image file at `path`, or a `SettingError` saying what to do."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SettingError(
            f"ExitBot cannot read {path} ({exc.strerror or exc}). Choose another file."
        ) from None
    media_type = next((t for magic, t in _IMAGE_TYPES.items() if data.startswith(magic)), None)
    if media_type is None:
        raise SettingError(f"{path.name} is not a PNG or JPEG image. Choose a PNG or JPEG file.")
    if len(data) > MAX_LOGO_BYTES:
        raise SettingError(
            f"{path.name} is {len(data) // 1024} KB; a logo may be at most "
            f"{MAX_LOGO_BYTES // 1024} KB. Save a smaller copy and choose that."
        )
    return {"media_type": media_type, "base64": base64.b64encode(data).decode("ascii")}


def _logo_from_path(text: str) -> object:
    return logo_value(Path(text).expanduser())


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "organisation",
        "the organisation's name, on the welcome page, the unlock page and every report",
        "a name of 1 to 120 characters",
        TextRule(optional=False, longest=120),
        in_key_file=True,
    ),
    SettingSpec(
        "report_logo",
        "an image printed at the top of every report",
        f"a PNG or JPEG file of at most {MAX_LOGO_BYTES // 1024} KB",
        read_logo,
        from_text=_logo_from_path,
    ),
    SettingSpec(
        "anonymity",
        "whether interviews are anonymous, named, or HR decides per interview",
        '"anonymous" (default), "named" or "choose"',
        _choice(ANONYMITY),
    ),
    SettingSpec(
        "required_metadata",
        "metadata HR must fill in when arming the station",
        f'a list of {", ".join(META_FIELD_NAMES)}, e.g. ["department", "role"]',
        _fields,
    ),
    SettingSpec(
        "retention_months",
        "months interviews are kept, as the welcome page tells the employee; older ones are "
        "erased at each HR unlock and by 'exitbot-desktop purge'",
        "1 to 600 (default 24)",
        _number(1, 600, integer=True),
    ),
    SettingSpec(
        "care_contacts",
        "support shown when an answer suggests distress",
        'e.g. {"Employee assistance": "0800 123 456"}, or a list of texts or of '
        '{"name", "phone", "email", "note"} objects',
        _contacts,
    ),
    SettingSpec(
        "idle_disarm_minutes",
        "idle minutes on an interview page (welcome, question, review) before the station "
        "keeps what was typed and locks itself",
        "1 to 1440 (default 30)",
        _number(1, 24 * 60, integer=False),
    ),
    SettingSpec(
        "hr_idle_lock_minutes",
        "idle minutes on an HR page before ExitBot locks itself",
        "1 to 240 (default 10)",
        _number(1, 240, integer=False),
    ),
    SettingSpec(
        "thank_you_seconds",
        "how long the thank-you page stays",
        "10 to 600 (default 60)",
        _number(10, 600, integer=True),
    ),
    SettingSpec(
        "question_set",
        "id of the question set interviews use",
        'a question set id (default "default")',
        _text(optional=False),
    ),
    SettingSpec(
        "followups_per_question",
        "follow-up questions after one answer",
        "0 to 3 (default 1)",
        _number(0, 3, integer=True),
    ),
    SettingSpec(
        "followups_per_interview",
        "follow-up questions in one interview",
        "0 to 50 (default 4)",
        _number(0, 50, integer=True),
    ),
    SettingSpec(
        "llm_backend",
        "which assistant writes follow-ups",
        '"auto" (default), "ollama", "llama_cpp" or "rules"',
        _choice(LLM_BACKENDS),
    ),
    SettingSpec(
        "ollama_host",
        "the Ollama server; answers are sent there when it is not this computer",
        'host and port, e.g. "127.0.0.1:11434" (default: $OLLAMA_HOST, else this computer)',
        _text(optional=True),
    ),
    SettingSpec(
        "ollama_model",
        "the Ollama model",
        'a model name, e.g. "llama3.2"',
        _text(optional=True),
    ),
    SettingSpec(
        "min_group_size",
        "smallest group a breakdown or anonymised export shows; smaller ones are hidden",
        "1 to 1000 (default 5)",
        _number(1, 1000, integer=True),
    ),
    SettingSpec(
        "auto_backup",
        "back up automatically whenever HR locks ExitBot or closes it",
        "true or false (default false)",
        FlagRule(),
    ),
    SettingSpec(
        "auto_backup_keep",
        "automatic backups kept; the oldest beyond this are deleted (backups made by hand "
        "are never deleted)",
        "1 to 100 (default 7)",
        _number(1, 100, integer=True),
    ),
    SettingSpec(
        "backup_folder",
        "where automatic backups go and where 'Back up now' starts; best on another disk",
        "a folder path (default: the backups folder inside the data folder)",
        _text(optional=True),
    ),
)
_BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SETTINGS}
assert set(_BY_KEY) == {f.name for f in fields(Settings)}, "every setting needs a spec"


def spec(key: str) -> SettingSpec:
    found = _BY_KEY.get(key)
    if found is None:
        raise SettingError(
            f"'{key}' is not a setting ExitBot knows. Known settings: "
            + ", ".join(sorted(_BY_KEY))
            + "."
        )
    return found


def settings_from(stored: Mapping[str, object]) -> Settings:
    """Typed settings from stored values: unset or unreadable ones take their default."""
    values: dict[str, Any] = {}
    for item in SETTINGS:
        if item.key not in stored:
            continue
        try:
            values[item.key] = item.read(stored[item.key], False)
        except SettingError:
            continue
    return Settings(**values)


def read_settings(store: Store) -> Settings:
    """The settings in force (one read of the database, and the key file's name)."""
    return settings_from(stored_values(store))


def stored_values(store: Store) -> dict[str, object]:
    """Every value HR set, as stored (unset keys are absent), wherever it is kept."""
    stored = store.settings.all()
    if store.organisation:
        stored["organisation"] = store.organisation
    return stored


def describe(key: str, value: object) -> object:
    """`value` as the audit log and the setting list show it: an image by its type, size
    and checksum (its bytes would swamp both), anything else as it is."""
    if key != "report_logo" or value is None:
        return value
    try:
        logo = read_logo(value, False)
    except SettingError:
        return "an unreadable image"
    assert isinstance(logo, ReportLogo)
    digest = hashlib.sha256(logo.data).hexdigest()[:12]
    kind = logo.media_type.removeprefix("image/").upper()
    return f"{kind} image, {max(1, len(logo.data) // 1024)} KB, sha256 {digest}"


def check_value(key: str, value: object) -> object:
    """`value` as it will be stored, or a `SettingError` naming what the setting accepts.

    None means "back to the default" and is always accepted.
    """
    item = spec(key)
    if value is None:
        return None
    try:
        item.read(value, True)
    except SettingError:
        raise SettingError(
            f"{json.dumps(value, ensure_ascii=False)} is not a value {key} accepts; it takes "
            f"{item.limits}. Nothing was changed."
        ) from None
    return value


def parse_value(key: str, text: str) -> object:
    """The value for `key` as typed: JSON when it parses (numbers, lists, objects), else
    text; checked against the setting's limits."""
    item = spec(key)
    if item.from_text is not None and text != "null":
        return check_value(key, item.from_text(text))
    try:
        value: object = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        value = text  # checked as text below, and refused with the setting's own sentence
    return check_value(key, value)
