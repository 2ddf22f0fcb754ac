"""What a follow-up and an answer have in common: their content words.

Owns `content_stems`: the first five letters of every word of four letters or more,
function words aside, in English and German. The guard uses it to refuse a follow-up
that ignores the answer, and `bench/followups.py` uses it to count how specific the
follow-ups are. Both use this one definition. `key_words` picks the words the prompt asks the
model to take up, `content_words` those its sampling favours. Never imports Qt.
"""

from __future__ import annotations

import re

from exitbot_desktop.engine.analysis.private_life import names_private_matter

STEM_LETTERS = 5
_MIN_LETTERS = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Function words of four letters or more, and words every question and answer here uses.
_STOPWORDS = frozenset(
    """
    about above after again against also although always among another anything around
    because been before being below between both cannot could did does doing down during
    each either else even ever every from further have having here into just least less
    like made make many more most much must never none only other ought over really same
    should since some such than that their them then there these they thing things this
    those though through under until upon very want wanted well were what when where
    whether which while whom whose with within without would your yours yourself
    able bit company feel felt good great lot lots think thought time work worked working
    aber alle allem allen aller alles also andere anderen auch auf aus bei beim bereits
    bisher bitte dabei dafür damit dann darauf darüber dass dein deine dem den denn der
    des dessen dich die dies diese diesem diesen dieser dieses doch dort durch eine einem
    einen einer eines einfach etwa etwas euch euer für gegen gewesen habe haben hatte
    hätte hier hinter ihre ihrem ihren ihrer immer indem jede jedem jeden jeder jedes
    jetzt kann keine keinen können könnte machen mehr mein meine meinem meinen meiner
    mich mir mit muss musste nach nicht nichts noch nur oder ohne schon sehr sein seine
    seit selbst sich sie sind sodass sollte sondern über viel viele vielleicht vom von
    vor war waren warum was weil welche welchem welchen welcher wenn wer werden wie
    wieder will wir wird wirklich wurde wurden zum zur zwar zwischen arbeit firma gut
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def content_stems(text: str) -> set[str]:
    """The content-word stems of `text`, lower-cased."""
    return {
        word[:STEM_LETTERS]
        for word in (w.lower() for w in _WORD.findall(text))
        if len(word) >= _MIN_LETTERS and word not in _STOPWORDS
    }


def content_words(text: str) -> tuple[str, ...]:
    """The content words of `text` as written, the first of each stem, in order: what
    the model is nudged to take up (`GenerationOptions.favour`). Words naming a private
    matter ("partner", "pregnant") are left out: a follow-up must not ask about them."""
    words: dict[str, str] = {}
    for word in _WORD.findall(text):
        lower = word.lower()
        if len(lower) >= _MIN_LETTERS and lower not in _STOPWORDS:
            words.setdefault(lower[:STEM_LETTERS], word)
    return tuple(word for word in words.values() if not names_private_matter(word))


def key_words(text: str, count: int = 3) -> tuple[str, ...]:
    """The `count` longest content words of `text` (one per stem), in the order written:
    what the answer is most likely about, for the model to take up."""
    words = content_words(text)
    longest = set(sorted(words, key=len, reverse=True)[:count])
    return tuple(word for word in words if word in longest)
