"""A live hint on how strong a new HR password is, shown while it is typed.

Owns `password_hint`. A password the engine would refuse (`engine.passwords`, the one rule
for every place a password is set) is level 0 with the engine's sentence; above that,
long passphrases beat short complex passwords, so length counts most here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from exitbot_desktop.engine.passwords import MIN_PASSWORD_LENGTH, password_problem

_COMMON = ("password", "passwort", "123456", "qwertz", "qwerty", "exitbot", "letmein", "admin")


def password_hint(password: str) -> tuple[int, str]:
    """(level 0–3, one sentence) for the password typed so far; level 0 is not acceptable."""

    if not password:
        return 0, QCoreApplication.translate(
            "PasswordHint",
            "Use at least {n} characters. A short sentence you can remember works well.",
        ).format(n=MIN_PASSWORD_LENGTH)
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0, QCoreApplication.translate(
            "PasswordHint", "Too short: use at least {n} characters."
        ).format(n=MIN_PASSWORD_LENGTH)
    problem = password_problem(password)
    if problem is not None:
        return 0, problem
    lowered = password.lower()
    if any(word in lowered for word in _COMMON) or len(set(password)) < 5:
        return 1, QCoreApplication.translate(
            "PasswordHint", "Weak: this is easy to guess. Try a few unrelated words."
        )
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if len(password) >= 16 or (len(password) >= 12 and classes >= 3):
        return 3, QCoreApplication.translate("PasswordHint", "Strong.")
    return 2, QCoreApplication.translate(
        "PasswordHint", "Fair: a few more characters or words would make it stronger."
    )
