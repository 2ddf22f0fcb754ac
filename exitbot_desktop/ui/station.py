"""What HR hands over to the interview station when arming it.

Owns `Arming`: this person's metadata, the language, the question set and the settings
read at arming (the settings' meaning and defaults are the engine's, `engine.settings`).
"""

from __future__ import annotations

from dataclasses import dataclass

from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.settings import Settings


@dataclass(frozen=True)
class Arming:
    meta: InterviewMeta
    language: str
    question_set: QuestionSet
    settings: Settings
