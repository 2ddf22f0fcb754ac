"""Known failures, each carrying a sentence a person can act on.

Anything that is not an `ExitBotError` is a bug and is reported as one; the CLI and
the UI show `user_message` for these and never a traceback.
"""

from __future__ import annotations


class ExitBotError(Exception):
    """A failure we expected could happen, with advice for the person who sees it."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class QuestionSetError(ExitBotError):
    """A question file cannot be used; the message names the file and the place."""


class InvalidAnswerError(ExitBotError):
    """An answer does not fit its question (out of range, unknown choice, too long)."""


class InterviewStateError(ExitBotError):
    """An action that the interview's current step does not allow."""
