"""The HR settings ExitBot knows, with what each one means.

Owns `KNOWN_SETTINGS` and `parse_value`. Settings live in the encrypted store; the
interview station (`ui/policy.py`) and the reports read them with defaults, so only
keys listed here may be set from the command line: a typo must not silently do
nothing. Never imports Qt.
"""

from __future__ import annotations

import json

from exitbot_desktop.engine.errors import ExitBotError

KNOWN_SETTINGS: dict[str, str] = {
    "anonymity": '"anonymous" (default), "named", or "choose" (HR decides per interview)',
    "required_metadata": 'metadata HR must fill in when arming, e.g. ["department", "role"]',
    "retention_months": "months interviews are kept, as told to the employee; "
    "'exitbot-desktop purge' erases older ones (default 24)",
    "care_contacts": "support shown when an answer suggests distress, e.g. "
    '{"Employee assistance": "0800 123 456"}',
    "idle_disarm_minutes": "idle minutes on the welcome screen before the station locks (30)",
    "thank_you_seconds": "how long the thank-you page stays (default 60)",
    "question_set": 'id of the question set to use (default "default")',
    "followups_per_question": "follow-up questions after one answer, 0 to 3 (default 1)",
    "followups_per_interview": "follow-up questions in one interview (default 4)",
    "llm_backend": '"auto" (default), "ollama", "llama_cpp" or "rules"',
    "ollama_host": 'the Ollama server, e.g. "127.0.0.1:11434"',
    "ollama_model": 'the Ollama model, e.g. "llama3.2"',
    "min_group_size": "smallest group shown in a breakdown; smaller ones are withheld (5)",
}


DEFAULT_RETENTION_MONTHS = 24


def parse_value(key: str, text: str) -> object:
    """The value for `key` as typed: JSON when it parses (numbers, lists, objects), else text."""
    if key not in KNOWN_SETTINGS:
        raise ExitBotError(
            f"'{key}' is not a setting ExitBot knows. Known settings: "
            + ", ".join(sorted(KNOWN_SETTINGS))
            + "."
        )
    try:
        value: object = json.loads(text)
    except json.JSONDecodeError:
        value = text
    return value
