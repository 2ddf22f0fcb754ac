"""Whether a new HR password is strong enough: one rule for every place a password is set.

Owns `password_problem` (the sentence to show, or None) and `require_strong_password`
(the same, raised). Creating the database, adding an account, changing a password and
resetting one with the recovery key all call it, and so can a GUI hint while typing.
Strength is zxcvbn's estimate of guesses (dictionaries, keyboard walks, repeats, dates),
because length alone lets `aaaaaaaaaa` through. The password never leaves this process.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from exitbot_desktop.engine.errors import WeakPasswordError

MIN_PASSWORD_LENGTH = 10
# zxcvbn's scale 0-4; 3 is "safely unguessable: moderate protection from offline attacks
# (< 10^10 guesses)", which with Argon2id's cost per guess is years of work.
MIN_SCORE = 3
_ADVICE = "Use a short sentence of four or five unrelated words that you can remember."


def password_problem(password: str, *, context: Iterable[str] = ()) -> str | None:
    """Why `password` is refused, as a sentence with what to do next; None when it is fine.

    `context` are names an attacker would try first (the account, the organisation). Only
    the first 100 characters are scored: zxcvbn slows down sharply on longer input.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must have at least {MIN_PASSWORD_LENGTH} characters. {_ADVICE}"
    from zxcvbn import zxcvbn  # 40 ms of word lists: only when a password is set

    words = [word.lower() for text in context for word in text.split()]
    result = zxcvbn(password[:100], user_inputs=words)
    if result["score"] >= MIN_SCORE:
        return None
    warning = str(result["feedback"].get("warning") or "").strip()
    reason = warning or "This password would be easy to guess."
    if not reason.endswith("."):
        reason += "."
    return f"This password is too weak: {reason} {_ADVICE}"


def require_strong_password(password: str, *, context: Iterable[str] = ()) -> None:
    """Raise `WeakPasswordError` with the sentence of `password_problem`, if there is one."""
    problem = password_problem(password, context=context)
    if problem is not None:
        raise WeakPasswordError(problem)
