"""The settings page's words for each setting: a short title, and the engine's meaning
and limits offered for translation.

Owns `title`, `meaning` and `limits`. What a setting means and accepts is written once, in
`engine/settings.py`; the engine never imports Qt, so its sentences are listed here with
`QT_TRANSLATE_NOOP` for `pyside6-lupdate` to find, and translated when shown (a test
checks that the list matches the engine). A setting added to the engine later shows
its key and the engine's English until it is added here, never nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from exitbot_desktop.engine.settings import SettingSpec

_CONTEXT = "SettingText"

_TITLES: dict[str, str] = {
    "organisation": str(QT_TRANSLATE_NOOP("SettingText", "Organisation name")),
    "report_logo": str(QT_TRANSLATE_NOOP("SettingText", "Logo for reports")),
    "anonymity": str(QT_TRANSLATE_NOOP("SettingText", "Anonymity")),
    "required_metadata": str(QT_TRANSLATE_NOOP("SettingText", "Required details")),
    "retention_months": str(QT_TRANSLATE_NOOP("SettingText", "Keep interviews for (months)")),
    "care_contacts": str(QT_TRANSLATE_NOOP("SettingText", "Care contacts")),
    "idle_disarm_minutes": str(QT_TRANSLATE_NOOP("SettingText", "Station idle time (minutes)")),
    "hr_idle_lock_minutes": str(QT_TRANSLATE_NOOP("SettingText", "HR idle time (minutes)")),
    "thank_you_seconds": str(QT_TRANSLATE_NOOP("SettingText", "Thank-you page (seconds)")),
    "question_set": str(QT_TRANSLATE_NOOP("SettingText", "Question set")),
    "followups_per_question": str(QT_TRANSLATE_NOOP("SettingText", "Follow-ups per question")),
    "followups_per_interview": str(QT_TRANSLATE_NOOP("SettingText", "Follow-ups per interview")),
    "llm_backend": str(QT_TRANSLATE_NOOP("SettingText", "Assistant")),
    "ollama_host": str(QT_TRANSLATE_NOOP("SettingText", "Ollama address")),
    "ollama_model": str(QT_TRANSLATE_NOOP("SettingText", "Ollama model")),
    "min_group_size": str(QT_TRANSLATE_NOOP("SettingText", "Minimum group size")),
    "auto_backup": str(QT_TRANSLATE_NOOP("SettingText", "Automatic backup")),
    "auto_backup_keep": str(QT_TRANSLATE_NOOP("SettingText", "Automatic backups kept")),
    "backup_folder": str(QT_TRANSLATE_NOOP("SettingText", "Backup folder")),
}

# The engine's sentences, exactly as `engine/settings.py` writes them.
ENGINE_TEXTS: tuple[str, ...] = (
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "the organisation's name, on the welcome page, the unlock page and every report",
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "a name of 1 to 120 characters")),
    str(QT_TRANSLATE_NOOP("SettingText", "an image printed at the top of every report")),
    str(QT_TRANSLATE_NOOP("SettingText", "a PNG or JPEG file of at most 512 KB")),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText", "whether interviews are anonymous, named, or HR decides per interview"
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", '"anonymous" (default), "named" or "choose"')),
    str(QT_TRANSLATE_NOOP("SettingText", "metadata HR must fill in when arming the station")),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "months interviews are kept, as the welcome page tells the employee; older ones are "
            "erased at each HR unlock and by 'exitbot-desktop purge'",
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "1 to 600 (default 24)")),
    str(QT_TRANSLATE_NOOP("SettingText", "support shown when an answer suggests distress")),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "idle minutes on an interview page (welcome, question, review) before the station "
            "keeps what was typed and locks itself",
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "1 to 1440 (default 30)")),
    str(QT_TRANSLATE_NOOP("SettingText", "idle minutes on an HR page before ExitBot locks itself")),
    str(QT_TRANSLATE_NOOP("SettingText", "1 to 240 (default 10)")),
    str(QT_TRANSLATE_NOOP("SettingText", "how long the thank-you page stays")),
    str(QT_TRANSLATE_NOOP("SettingText", "10 to 600 (default 60)")),
    str(QT_TRANSLATE_NOOP("SettingText", "id of the question set interviews use")),
    str(QT_TRANSLATE_NOOP("SettingText", 'a question set id (default "default")')),
    str(QT_TRANSLATE_NOOP("SettingText", "follow-up questions after one answer")),
    str(QT_TRANSLATE_NOOP("SettingText", "0 to 3 (default 1)")),
    str(QT_TRANSLATE_NOOP("SettingText", "follow-up questions in one interview")),
    str(QT_TRANSLATE_NOOP("SettingText", "0 to 50 (default 4)")),
    str(QT_TRANSLATE_NOOP("SettingText", "which assistant writes follow-ups")),
    str(QT_TRANSLATE_NOOP("SettingText", '"auto" (default), "ollama", "llama_cpp" or "rules"')),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText", "the Ollama server; answers are sent there when it is not this computer"
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            'host and port, e.g. "127.0.0.1:11434" (default: $OLLAMA_HOST, else this computer)',
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "the Ollama model")),
    str(QT_TRANSLATE_NOOP("SettingText", 'a model name, e.g. "llama3.2"')),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "smallest group a breakdown or anonymised export shows; smaller ones are hidden",
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "1 to 1000 (default 5)")),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText", "back up automatically whenever HR locks ExitBot or closes it"
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "true or false (default false)")),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "automatic backups kept; the oldest beyond this are deleted (backups made by hand are never deleted)",  # noqa: E501 (the engine's exact words)
        )
    ),
    str(QT_TRANSLATE_NOOP("SettingText", "1 to 100 (default 7)")),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "where automatic backups go and where 'Back up now' starts; best on another disk",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "SettingText", "a folder path (default: the backups folder inside the data folder)"
        )
    ),
)

# Settings whose field is not typed text: the engine's limits describe the command
# line's format, so the page says how to use its own field instead.
_FIELD_HINTS: dict[str, str] = {
    "auto_backup": str(QT_TRANSLATE_NOOP("SettingText", "Tick it to switch it on (default: off).")),
    "required_metadata": str(
        QT_TRANSLATE_NOOP(
            "SettingText", "Tick the details HR must fill in before an interview can start."
        )
    ),
    "care_contacts": str(
        QT_TRANSLATE_NOOP(
            "SettingText",
            "One contact per line: a name, a colon, then a phone number, e-mail or room, "
            "e.g. Employee assistance: 0800 123 456",
        )
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def title(spec: SettingSpec) -> str:
    """The field's caption; the key itself for a setting this page does not know yet."""
    known = _TITLES.get(spec.key)
    return _tr(known) if known else spec.key


def meaning(spec: SettingSpec) -> str:
    """What the setting does, as a sentence."""
    text = _tr(spec.meaning)
    return text[:1].upper() + text[1:] + "."


def limits(spec: SettingSpec) -> str:
    """What the field accepts, as the page shows it under the field."""
    hint = _FIELD_HINTS.get(spec.key)
    if hint:
        return _tr(hint)
    return QCoreApplication.translate("SettingText", "Accepted: {limits}.").format(
        limits=_tr(spec.limits)
    )


def refusal(spec: SettingSpec) -> str:
    """The sentence next to a field whose value the engine refused."""
    return QCoreApplication.translate(
        "SettingText", "This value is not accepted. {title} takes {limits}. Nothing was saved."
    ).format(title=title(spec), limits=_tr(spec.limits))
