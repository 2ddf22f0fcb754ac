"""Rules follow-ups that name what the answer is about: "You mentioned the commute. …".

Owns `named_followups`. A fixed line that fits any answer tells the employee nobody
read theirs; naming the thing they wrote about, in their own word, and asking in the
answer's tone (after praise what made it good, after a complaint what would have
helped) is what an interviewer does. English and German. Never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# word start in the answer -> (topic, English phrase, German phrase in the accusative)
_THINGS: tuple[tuple[str, str, str, str], ...] = (
    ("commut", "move", "the commute", "den Arbeitsweg"),
    ("arbeitsweg", "move", "the commute", "den Arbeitsweg"),
    ("pendel", "move", "the commute", "das Pendeln"),
    ("relocat", "move", "the move", "den Umzug"),
    ("moving", "move", "the move", "den Umzug"),
    ("umzug", "move", "the move", "den Umzug"),
    ("umzieh", "move", "the move", "den Umzug"),
    ("manager", "person", "your manager", "Ihre Führungskraft"),
    ("boss", "person", "your boss", "Ihren Chef"),
    ("supervisor", "person", "your supervisor", "Ihre Vorgesetzten"),
    ("team lead", "person", "your team lead", "Ihre Teamleitung"),
    ("vorgesetzt", "person", "your supervisor", "Ihre Vorgesetzten"),
    ("chefin", "person", "your boss", "Ihre Chefin"),
    ("chef", "person", "your boss", "Ihren Chef"),
    ("führungskraft", "person", "your manager", "Ihre Führungskraft"),
    ("teamleit", "person", "your team lead", "Ihre Teamleitung"),
    ("colleague", "person", "your colleagues", "Ihre Kollegen"),
    ("kolleg", "person", "your colleagues", "Ihre Kollegen"),
    ("salary", "money", "your salary", "Ihr Gehalt"),
    ("gehalt", "money", "your salary", "Ihr Gehalt"),
    ("pay", "money", "the pay", "die Bezahlung"),
    ("bezahl", "money", "the pay", "die Bezahlung"),
    ("lohn", "money", "the pay", "den Lohn"),
    ("money", "money", "the money", "das Geld"),
    ("geld", "money", "the money", "das Geld"),
    ("bonus", "money", "the bonus", "den Bonus"),
    ("pension", "money", "the pension", "die Altersvorsorge"),
    ("benefit", "money", "the benefits", "die Zusatzleistungen"),
    ("overtime", "load", "the overtime", "die Überstunden"),
    ("überstunden", "load", "the overtime", "die Überstunden"),
    ("workload", "load", "the workload", "die Arbeitsbelastung"),
    ("belastung", "load", "the workload", "die Arbeitsbelastung"),
    ("arbeitsbelastung", "load", "the workload", "die Arbeitsbelastung"),
    ("stress", "load", "the stress", "den Stress"),
    ("burnout", "load", "the burnout", "den Burnout"),
    ("burn-out", "load", "the burnout", "den Burnout"),
    ("deadline", "load", "the deadlines", "die Fristen"),
    ("shift", "load", "the shifts", "die Schichten"),
    ("schicht", "load", "the shifts", "die Schichten"),
    ("hours", "load", "the hours", "die Arbeitszeiten"),
    ("arbeitszeit", "load", "the hours", "die Arbeitszeiten"),
    ("remote", "flex", "remote work", "das mobile Arbeiten"),
    ("homeoffice", "flex", "working from home", "das Homeoffice"),
    ("home office", "flex", "working from home", "das Homeoffice"),
    ("flexib", "flex", "the flexibility", "die Flexibilität"),
    ("promot", "growth", "promotion", "die Beförderung"),
    ("beförder", "growth", "promotion", "die Beförderung"),
    ("career", "growth", "your career", "Ihre Karriere"),
    ("karriere", "growth", "your career", "Ihre Karriere"),
    ("training", "growth", "training", "die Weiterbildung"),
    ("weiterbild", "growth", "training", "die Weiterbildung"),
    ("opportunit", "growth", "the opportunity", "die Chance"),
    ("chance", "growth", "the opportunity", "die Chance"),
    ("team", "person", "your team", "Ihr Team"),
    ("culture", "place", "the culture", "die Kultur"),
    ("kultur", "place", "the culture", "die Kultur"),
    ("atmosph", "place", "the atmosphere", "die Atmosphäre"),
    ("stimmung", "place", "the atmosphere", "die Stimmung"),
    ("betriebsklima", "place", "the atmosphere", "das Betriebsklima"),
    ("office", "place", "the office", "das Büro"),
    ("büro", "place", "the office", "das Büro"),
    ("customer", "work", "the customers", "die Kunden"),
    ("client", "work", "the clients", "die Kunden"),
    ("kunde", "work", "the customers", "die Kunden"),
    ("project", "work", "the projects", "die Projekte"),
    ("projekt", "work", "the projects", "die Projekte"),
    ("tool", "work", "the tools", "die Werkzeuge"),
    ("software", "work", "the software", "die Software"),
    ("meeting", "work", "the meetings", "die Meetings"),
    ("besprechung", "work", "the meetings", "die Besprechungen"),
    ("feedback", "person", "feedback", "Rückmeldungen"),
    ("rückmeldung", "person", "feedback", "Rückmeldungen"),
    ("communicat", "person", "communication", "die Kommunikation"),
    ("kommunikation", "person", "communication", "die Kommunikation"),
    ("retire", "retire", "retirement", "den Ruhestand"),
    ("ruhestand", "retire", "retirement", "den Ruhestand"),
    ("rente", "retire", "retirement", "die Rente"),
    ("contract", "contract", "your contract", "Ihren Vertrag"),
    ("vertrag", "contract", "your contract", "Ihren Vertrag"),
    ("restructur", "contract", "the restructuring", "die Umstrukturierung"),
    ("umstruktur", "contract", "the restructuring", "die Umstrukturierung"),
)

_MENTIONED = {"en": "You mentioned {thing}.", "de": "Sie haben {thing} erwähnt."}

# topic -> (after a complaint or a plain statement, after praise), per language
_ASK: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "move": ("What would have made it workable for you?", "What made it work for you?"),
        "person": (
            "What would you have needed from them?",
            "What did they do that helped you most?",
        ),
        "money": (
            "How much did that weigh in your decision to leave?",
            "What difference did that make for you?",
        ),
        "load": ("What made it hard to manage?", "What made it manageable for you?"),
        "flex": ("How would it have changed your week?", "What made it work so well for you?"),
        "growth": (
            "What kind of next step were you hoping for?",
            "What did that mean for your next steps?",
        ),
        "place": ("How did it show in your daily work?", "What made it so good for you?"),
        "work": ("What would have helped you most there?", "What did you enjoy most about it?"),
        "retire": (
            "What would you like to pass on before you go?",
            "What would you like to pass on before you go?",
        ),
        "contract": ("How was that explained to you?", "How was that explained to you?"),
    },
    "de": {
        "move": ("Was hätte es für Sie machbar gemacht?", "Was hat es für Sie gut gemacht?"),
        "person": (
            "Was hätten Sie dabei gebraucht?",
            "Was hat Ihnen dabei am meisten geholfen?",
        ),
        "money": (
            "Wie sehr hat das Ihre Entscheidung zu gehen beeinflusst?",
            "Welchen Unterschied hat das für Sie gemacht?",
        ),
        "load": ("Was hat es schwer gemacht?", "Was hat es für Sie gut machbar gemacht?"),
        "flex": ("Wie hätte das Ihre Woche verändert?", "Was hat daran so gut funktioniert?"),
        "growth": (
            "Welchen nächsten Schritt hatten Sie sich erhofft?",
            "Was hat das für Ihre nächsten Schritte bedeutet?",
        ),
        "place": ("Wie hat sich das im Alltag gezeigt?", "Was hat das für Sie so gut gemacht?"),
        "work": (
            "Was hätte Ihnen dabei am meisten geholfen?",
            "Was hat Ihnen daran am meisten Freude gemacht?",
        ),
        "retire": (
            "Was möchten Sie weitergeben, bevor Sie gehen?",
            "Was möchten Sie weitergeben, bevor Sie gehen?",
        ),
        "contract": ("Wie wurde Ihnen das erklärt?", "Wie wurde Ihnen das erklärt?"),
    },
}

# A short answer is named in its own words, in quotes.
_QUOTE_WORDS = 4
_QUOTED = {
    "en": (
        'When you say "{answer}", what does that look like for you?',
        'When you say "{answer}", what made it so good?',
    ),
    "de": (
        "Wenn Sie „{answer}“ schreiben: Wie sah das für Sie aus?",
        "Wenn Sie „{answer}“ schreiben: Was hat das so gut gemacht?",
    ),
}


def named_followups(answer: str, language: str, *, praise: bool) -> Iterator[str]:
    """Follow-ups that name what `answer` is about, best first (none if it names nothing
    they know); `praise` picks the question for an answer labelled positive."""
    lang = language if language in _ASK else "en"
    lower = answer.lower()
    found: dict[str, tuple[int, str]] = {}  # phrase -> (where the answer says it, topic)
    for cue, topic, english, german in _THINGS:
        thing = english if lang == "en" else german
        match = re.search(r"\b" + re.escape(cue), lower)
        if match and thing not in found:
            found[thing] = (match.start(), topic)
    # What the answer names first is usually what it is about.
    for thing, (_, topic) in sorted(found.items(), key=lambda item: item[1][0]):
        opening = _MENTIONED[lang].format(thing=thing)
        yield f"{opening} {_ASK[lang][topic][praise]}"
    words = answer.strip().rstrip(".!").split()
    if words and len(words) <= _QUOTE_WORDS and '"' not in answer and "“" not in answer:
        yield _QUOTED[lang][praise].format(answer=" ".join(words))
