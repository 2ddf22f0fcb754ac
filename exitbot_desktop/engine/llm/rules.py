"""Deterministic follow-ups from templates: the provider that always works.

Owns `RulesBackend` and `rules_followup`. First come questions that name what the
answer is about, in its tone (`naming.py`); then templates chosen by the answer's tone
(after praise: what made it good), then by cues in the answer (and themes already
detected), then by the topic the question id names, then from a generic pool; a
template is never used twice for the same question and always passes the guard.
English and German. Never imports Qt.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Iterator, Sequence

from exitbot_desktop.engine.analysis.sentiment import sentiment_of_text
from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.language import guess_language
from exitbot_desktop.engine.llm.backend import GenerationOptions, Message
from exitbot_desktop.engine.llm.guard import check_followup
from exitbot_desktop.engine.llm.naming import named_followups
from exitbot_desktop.engine.llm.stock_lines import AFTER_PRAISE, GENERIC

# topic -> (answer cues, English templates, German templates); cues are word prefixes.
_TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "manager": (
        (
            "manager",
            "boss",
            "supervisor",
            "team lead",
            "vorgesetzt",
            "chef",
            "führungskraft",
            "teamleit",
        ),
        (
            "What could your manager have done differently?",
            "How did your manager support you in your work?",
        ),
        (
            "Was hätte Ihre Führungskraft anders machen können?",
            "Wie hat Ihre Führungskraft Sie bei Ihrer Arbeit unterstützt?",
        ),
    ),
    "compensation_benefits": (
        (
            "pay",
            "paid",
            "salary",
            "money",
            "bonus",
            "benefit",
            "raise",
            "wage",
            "gehalt",
            "lohn",
            "bezahl",
            "geld",
            "zulage",
            "vergütung",
        ),
        (
            "How did your pay compare with what you expected for your role?",
            "Which benefits mattered most to you?",
        ),
        (
            "Wie passte Ihr Gehalt zu dem, was Sie für Ihre Rolle erwartet hatten?",
            "Welche Zusatzleistungen waren Ihnen am wichtigsten?",
        ),
    ),
    "career_development": (
        (
            "career",
            "promot",
            "growth",
            "grow",
            "develop",
            "training",
            "learn",
            "progress",
            "karriere",
            "beförder",
            "entwickl",
            "weiterbild",
            "aufstieg",
            "lernen",
            "perspektive",
        ),
        (
            "What kind of growth were you hoping for here?",
            "What would have helped you develop further in your role?",
        ),
        (
            "Welche Entwicklung hatten Sie sich hier erhofft?",
            "Was hätte Ihnen geholfen, sich in Ihrer Rolle weiterzuentwickeln?",
        ),
    ),
    "work_life_balance": (
        (
            "hours",
            "overtime",
            "workload",
            "stress",
            "burnout",
            "burn out",
            "balance",
            "weekend",
            "flexib",
            "remote",
            "überstunden",
            "arbeitszeit",
            "belastung",
            "ausgebrannt",
            "vereinbarkeit",
            "homeoffice",
            "wochenende",
        ),
        (
            "What made the workload hard to manage for you?",
            "What would a better balance between work and life have looked like for you?",
        ),
        (
            "Was hat die Arbeitsbelastung für Sie schwer zu bewältigen gemacht?",
            "Wie hätte eine bessere Vereinbarkeit von Arbeit und Privatleben für Sie ausgesehen?",
        ),
    ),
    "work_environment": (
        (
            "team",
            "colleague",
            "coworker",
            "co-worker",
            "culture",
            "atmosphere",
            "kolleg",
            "kultur",
            "klima",
            "atmosphäre",
            "stimmung",
        ),
        (
            "How would you describe the atmosphere in your team?",
            "What would have improved working with your colleagues?",
        ),
        (
            "Wie würden Sie die Stimmung in Ihrem Team beschreiben?",
            "Was hätte die Zusammenarbeit mit Ihren Kollegen verbessert?",
        ),
    ),
    "job_characteristics": (
        (
            "task",
            "role",
            "boring",
            "meaningful",
            "responsibilit",
            "aufgabe",
            "tätigkeit",
            "rolle",
            "langweilig",
            "sinnvoll",
            "verantwortung",
        ),
        (
            "Which parts of your role did you enjoy, and which did you not?",
            "What would have made your day-to-day work more meaningful?",
        ),
        (
            "Welche Teile Ihrer Rolle mochten Sie, und welche nicht?",
            "Was hätte Ihre tägliche Arbeit sinnvoller gemacht?",
        ),
    ),
    "relocation": (
        ("move", "moving", "relocat", "commute", "umzug", "umzieh", "pendeln", "arbeitsweg"),
        ("Was there anything that could have made the move or the commute easier for you?",),
        ("Hätte irgendetwas den Umzug oder den Arbeitsweg für Sie leichter gemacht?",),
    ),
    "leaving": (
        (),
        (
            "When did you first start thinking about leaving?",
            "Was there a particular moment when you decided to leave?",
        ),
        (
            "Wann haben Sie zum ersten Mal daran gedacht zu gehen?",
            "Gab es einen bestimmten Moment, in dem Sie sich entschieden haben zu gehen?",
        ),
    ),
    "stay": (
        (),
        ("Which of those changes would have mattered most to you?",),
        ("Welche dieser Änderungen wäre Ihnen am wichtigsten gewesen?",),
    ),
    "return": (
        (),
        ("What would need to be different for you to come back one day?",),
        ("Was müsste anders sein, damit Sie eines Tages zurückkommen?",),
    ),
    "recommend": (
        (),
        ("What would you tell a friend who was thinking of applying here?",),
        ("Was würden Sie einem Freund sagen, der sich hier bewerben möchte?",),
    ),
}

# Substrings of question ids that name a topic, checked in order.
_QUESTION_TOPICS = (
    ("manager", "manager"),
    ("team", "work_environment"),
    ("career", "career_development"),
    ("growth", "career_development"),
    ("pay", "compensation_benefits"),
    ("benefit", "compensation_benefits"),
    ("balance", "work_life_balance"),
    ("life", "work_life_balance"),
    ("role", "job_characteristics"),
    ("stay", "stay"),
    ("return", "return"),
    ("recommend", "recommend"),
    ("enps", "recommend"),
    ("reason", "leaving"),
    ("leav", "leaving"),
)


def rules_followup(request: FollowupRequest) -> str:
    """The first template that fits the answer and passes the guard for this question.

    With seven generic templates per language and at most three follow-ups per
    question, a fresh one always exists; the last generic line is the final resort.
    """
    language = request.language if request.language in GENERIC else "en"
    for candidate in _candidates(request, language):
        if candidate not in request.previous_followups and check_followup(candidate, request).ok:
            return candidate
    return GENERIC[language][-1]


def _candidates(request: FollowupRequest, language: str) -> Iterator[str]:
    column = 1 if language == "en" else 2
    answer = request.answer_text.lower()
    praise = (
        sentiment_of_text(request.answer_text, language, question=request.question_text).label
        == "positive"
    )
    yield from named_followups(request.answer_text, language, praise=praise)
    if praise:
        yield from AFTER_PRAISE[language]
    for topic, entry in _TOPICS.items():
        if topic in request.themes or any(_mentions(answer, cue) for cue in entry[0]):
            yield from entry[column]
    question_id = request.question_id.lower()
    for fragment, topic in _QUESTION_TOPICS:
        if fragment in question_id:
            yield from _TOPICS[topic][column]
            break
    generic = GENERIC[language]
    # Start the generic pool at a place fixed per question, so neighbouring questions
    # do not all get the same "tell me more".
    start = zlib.crc32(request.question_id.encode()) % len(generic)
    yield from generic[start:] + generic[:start]


def _mentions(text: str, cue: str) -> bool:
    """A word in `text` starts with `cue`: "promoted" matches "promot", "repay" not "pay"."""
    return re.search(r"\b" + re.escape(cue), text) is not None


class RulesBackend:
    """The always-available backend; as a `Backend` it reads the last question and answer."""

    name = "rules"
    model = ""
    display_name = "Built-in questions (no AI model)"

    def is_available(self) -> bool:
        return True

    def warm_up(self) -> None:
        """Nothing to load."""

    def followup(self, request: FollowupRequest) -> str:
        return rules_followup(request)

    def stream_chat(
        self,
        messages: Sequence[Message],
        *,
        options: GenerationOptions,
        cancel: threading.Event,
    ) -> Iterator[str]:
        if cancel.is_set():
            return
        yield rules_followup(_request_from(messages))


def _request_from(messages: Sequence[Message]) -> FollowupRequest:
    """Rebuild the request from a chat: the last answer and the question before it."""
    answer, question, seen_answer = "", "", False
    for message in reversed(messages):
        if message.role == "user" and not seen_answer:
            answer, seen_answer = message.content, True
        elif message.role == "assistant" and seen_answer:
            question = message.content
            break
    language = guess_language(answer) or guess_language(question) or "en"
    return FollowupRequest(
        question_id="", question_text=question, answer_text=answer, language=language
    )
