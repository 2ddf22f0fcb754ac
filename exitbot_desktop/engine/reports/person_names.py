"""Finding people's names in free text, English and German.

Owns `scrub_names`. A word is taken for a name when
- a cue stands before it: a title ("Dr. med.", "Prof.", "Herr", "Frau", "mr"), a role
  ("Kollegin", "my colleague", "Teamleiter", "my wife") or "called"/"namens"; the name
  then runs on over particles ("von", "van der", "de") and further capitalised words,
  and after a lower-case title ("mr smith") it may be lower-case too;
- or it is in `name_lists` (see there for the three tiers), capitalised, or lower-case
  from four letters; possessives ("Jürgen's", "Jürgens") and hyphenated names
  ("Müller-Lüdenscheidt", "Anne-Marie") are looked up by their parts;
- or it is a capitalised word right after a name found so (a surname), unless it is one
  of the nouns German puts after a name ("Sarah Bescheid sagen").
Titles and role words stay: they say nothing about who. What it cannot know is a name
it has no list entry and no cue for, or a misspelt one; small groups are suppressed for
that reason too. Never imports Qt.
"""

from __future__ import annotations

import re
import unicodedata

from exitbot_desktop.engine.reports.contact_details import _CAP
from exitbot_desktop.engine.reports.name_lists import NAMES, NOUN_NAMES, SENTENCE_WORDS

NAME = "[name]"

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARTICLES_TEXT = (
    "von van vom zu zum de der den del della da di du dos das le la ten ter bin ibn al el af av"
)
_PARTICLES = frozenset(_PARTICLES_TEXT.split())
# Function words (EN, DE) that never start or continue a name, whatever their case, and
# nouns German puts right after a person ("Sarah Bescheid sagen", "Jens Druck machen").
_NEVER_TEXT = """
    i a an the and or but so if in on at to of for with from by as is was are were be been
    he she it we they you me him her us them my our your his their this that these those
    not no yes very too also just then than there here what who when where why how all any
    some one two has have had do does did will would can could should may might must
    said says told asked says about after before over under again
    der die das den dem des ein eine einen einem einer und oder aber doch ich du er sie es
    wir ihr mich mir dich dir ihn ihm uns euch sich mein meine meinen meinem meiner dein
    sein seine ihre unser unsere ist war sind waren hat hatte haben hatten wird wurde
    werden kann konnte muss musste soll sollte im am an auf aus bei mit nach von vor zu
    zum zur für über unter um durch gegen ohne seit bis als wie wenn weil dass ob nicht
    kein keine nie noch schon auch nur sehr so dann denn hier dort da was wer wo warum
    bescheid feedback zeit druck ärger stress recht urlaub geld mut angst hilfe dank
    danke mails e-mails termine aufgaben arbeit projekte schuld vorwürfe unterstützung
    rückendeckung lob kritik tipps infos zugang bonus gehalt sachen dinge probleme
    überstunden homeoffice team teams chef chefin hr it manager director sales finance
    marketing operations logistics support engineering store employee vertrieb einkauf
    buchhaltung personalabteilung lager produktion abteilung leitung betriebsrat
    betriebsrätin teamleiter teamleiterin abteilungsleiter abteilungsleiterin gruppenleiter
    gruppenleiterin schichtleiter schichtleiterin bereichsleiter bereichsleiterin leiter
    leiterin geschäftsführer geschäftsführerin kollege kollegin mitarbeiter mitarbeiterin
    vorgesetzter vorgesetzte azubi praktikant praktikantin mentor mentorin meister
    meisterin lead supervisor colleague boss projekt projekte monday tuesday wednesday thursday
    friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag
    january february march july september october november december januar februar märz
    juli oktober dezember christmas weihnachten ostern easter
"""
_NEVER = frozenset(_NEVER_TEXT.split())
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)$|n['’]t$")


def _folded(word: str) -> str:
    """`word` without accents ("Lucía" → "Lucia"): people and forms drop them."""
    if word.isascii():
        return word
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


_LOWER_NAMES = frozenset(n.casefold() for n in NAMES if len(n) >= 4) - _NEVER
_FOLDED_NAMES = frozenset(_folded(n) for n in NAMES)

_TITLE_CASE_TITLES = r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Hr|Fr"
_LOWER_TITLES = r"mr|mrs|dr|prof|herr|herrn|frau"  # not "miss": "I'll miss working here"
_DEGREES = r"(?:Dr|Prof|Dipl|Ing|med|dent|vet|rer|nat|pol|oec|phil|jur|habil|h\.\s?c|PhD|MBA)"
# "Frau" or "Herr" after an article is the noun ("als Frau", "die Frau an der Kasse").
_NOT_AN_ARTICLE = (
    r"(?<!\b[Dd]ie\s)(?<!\b[Dd]er\s)(?<!\b[Ee]ine\s)(?<!\b[Ee]in\s)(?<!\b[Aa]ls\s)"
    r"(?<!\b[Jj]ede\s)(?<!\b[Kk]eine\s)(?<!\b[Ee]iner\s)(?<!\b[Dd]iese\s)(?<!\b[Jj]eder\s)"
)
_TITLE = re.compile(
    rf"(?:\b(?:{_TITLE_CASE_TITLES})\b\.?|{_NOT_AN_ARTICLE}\b(?:Herrn?|Frau)\b"
    rf"|(?P<lower>\b(?:{_LOWER_TITLES})\b\.?))"
    rf"(?:[\s.-]{{0,3}}\b{_DEGREES}\b\.?){{0,4}}\s{{0,3}}"
)
_ROLE = re.compile(
    r"(?i:\b(?:(?:line\s|team\s|store\s|shift\s|area\s|general\s|hr\s|project\s)?manager"
    r"|boss|supervisor|team\s?lead(?:er)?|tech\s?lead|director|head\s+of\s+\w+|colleague"
    r"|co-?worker|teammate|mentor|trainer|recruiter|(?:hr\s)?(?:business\s)?partner|deputy"
    r"|assistant|foreman|ceo|cfo|cto|coo|founder|owner|wife|husband|son|daughter|mother"
    r"|father|mum|mom|dad|sister|brother|friend|"
    r"chef(?:in)?|vorgesetzte[rn]?|(?:team|gruppen|abteilungs|bereichs|schicht|filial"
    r"|standort|projekt|niederlassungs|werks|betriebs)leiter(?:in)?|teamleitung"
    r"|geschäftsführer(?:in)?|kolleg(?:e|in|en|innen)|ausbilder(?:in)?"
    r"|mentor(?:in)?|meister(?:in)?|vorarbeiter(?:in)?|personaler(?:in)?"
    r"|sachbearbeiter(?:in)?|praktikant(?:in)?|azubi|partner(?:in)?|freund(?:in)?|mann"
    r"|ehemann|ehefrau|sohn|tochter|mutter|vater|schwester|bruder"
    r"|named|(?<!so-)(?<!so\s)called|namens|genannt|heißt|hieß))\b[,:]?\s{1,3}"
    rf"(?:(?:{_TITLE_CASE_TITLES}|Herrn?|Frau)\b\.?(?:[\s.-]{{0,3}}\b{_DEGREES}\b\.?){{0,4}}"
    r"\s{0,3})?"
    rf"(?={_CAP}|(?:von|van|de|del|da|di|du|le|la|al|el|ten|ter)\s)"
)
# The words `_TITLE` and `_ROLE` can start with (casefolded), to try them only there.
_TITLE_STARTS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "hr",
        "fr",
        "herr",
        "herrn",
        "frau",
    ]
)
_ROLE_STARTS_TEXT = """
    line team store shift area general hr project manager boss supervisor teamlead
    teamleader tech techlead director head colleague coworker co-worker teammate mentor
    trainer recruiter business partner deputy assistant foreman ceo cfo cto coo founder owner
    wife husband son daughter mother father mum mom dad sister brother friend chef chefin
    vorgesetzte vorgesetzter vorgesetzten teamleitung kollege kollegin kollegen kolleginnen
    ausbilder ausbilderin mentorin meister meisterin vorarbeiter vorarbeiterin personaler
    personalerin sachbearbeiter sachbearbeiterin praktikant praktikantin azubi partnerin
    freund freundin mann ehemann ehefrau sohn tochter mutter vater schwester bruder named
    called namens genannt heißt hieß
"""
_ROLE_STARTS = frozenset(_ROLE_STARTS_TEXT.split())
_ROLE_ENDINGS = ("leiter", "leiterin", "führer", "führerin")


def scrub_names(text: str, known: re.Pattern[str] | None = None) -> str:
    """`text` with every name it finds (cued, listed, or `known`) replaced by [name]."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return text
    named: dict[int, int] = {}  # index of a first word → index after its last word
    for start, end in words:
        # Cheaper than searching the text with each cue: try them only where one may start.
        key = text[start:end].casefold()
        if key in _TITLE_STARTS and (match := _TITLE.match(text, start)):
            _take_cued(text, words, match.end(), match.group("lower") is not None, named)
        elif (key in _ROLE_STARTS or key.endswith(_ROLE_ENDINGS)) and (
            match := _ROLE.match(text, start)
        ):
            _take_cued(text, words, match.end(), False, named)
    if known is not None:
        for match in known.finditer(text):
            first = _index_at(words, match.start())
            if first is not None:
                last = _index_at(words, match.end() - 1)
                named[first] = max(named.get(first, 0), (last if last is not None else first) + 1)
    _take_listed(text, words, named)
    return _replace(text, words, named)


def _take_cued(
    text: str, words: list[tuple[int, int]], at: int, lower: bool, named: dict[int, int]
) -> None:
    """After a cue ending at `at`: the name that starts there, if one does."""
    first = _index_at(words, at)
    if first is None or text[at : words[first][0]].strip():
        return
    index = first
    while index < len(words) and _word(text, words, index).casefold() in _PARTICLES:
        if not _only_space(text, words, index):
            return
        index += 1
    if index >= len(words):
        return
    word = _word(text, words, index)
    if _function_word(word) or not (word[0].isupper() or lower):
        return
    end = _surnames(text, words, index + 1, lower)
    named[first] = max(named.get(first, 0), end)


def _take_listed(text: str, words: list[tuple[int, int]], named: dict[int, int]) -> None:
    """Words in the name lists, with the surnames that follow them."""
    covered = {i for first, end in named.items() for i in range(first, end)}
    for index in range(len(words)):
        if index in covered:
            continue
        word = _word(text, words, index)
        if not _listed(text, words, index, word):
            continue
        first = index
        # A noun-like or sentence-start name directly before counts as its first name.
        while first > 0 and first - 1 not in covered and _only_space(text, words, first - 1):
            before = _stem(_word(text, words, first - 1))
            if before in NOUN_NAMES or before in SENTENCE_WORDS or before in NAMES:
                first -= 1
            else:
                break
        possessive = _suffix(word) or _genitive(_stem(word))
        end = index + 1 if possessive else _surnames(text, words, index + 1, lower=False)
        named[first] = max(named.get(first, 0), end)
        covered.update(range(first, end))


def _listed(text: str, words: list[tuple[int, int]], index: int, word: str) -> bool:
    stem = _stem(word)
    parts = (stem, *stem.split("-")) if "-" in stem else (stem,)
    if word[0].isupper():
        if any(_folded(part) in _FOLDED_NAMES for part in parts):
            return True
        if _genitive(stem):
            return True
        following = _word(text, words, index + 1) if index + 1 < len(words) else ""
        if stem in SENTENCE_WORDS and not _sentence_start(text, words[index][0]):
            return not following[:1].isdigit()
        if stem in NOUN_NAMES or stem in SENTENCE_WORDS:  # only before a listed surname
            return _only_space(text, words, index) and _stem(following) in NAMES
        return False
    return stem.casefold() in _LOWER_NAMES


def _surnames(text: str, words: list[tuple[int, int]], index: int, lower: bool) -> int:
    """The index after the surname words that follow a name ending before `index`."""
    taken = 0
    while index < len(words) and taken < 3 and _only_space(text, words, index - 1):
        if _suffix(_word(text, words, index - 1)):
            return index  # "Jürgen's team": the name ended with the possessive
        look = index
        while look < len(words) and _word(text, words, look) in _PARTICLES:
            if not _only_space(text, words, look):
                return index
            look += 1
        if look >= len(words):
            return index
        word = _stem(_word(text, words, look))
        if _function_word(word):
            return index
        if not word[0].isupper() and not (lower and word.casefold() in _LOWER_NAMES):
            return index
        index, taken = look + 1, taken + 1
    return index


def _replace(text: str, words: list[tuple[int, int]], named: dict[int, int]) -> str:
    if not named:
        return text
    out: list[str] = []
    done = 0
    for first in sorted(named):
        start = words[first][0]
        if start < done:
            continue
        last_start, last_end = words[named[first] - 1]
        suffix = _suffix(text[last_start:last_end])
        out += [text[done:start], NAME, suffix]
        done = last_end
    out.append(text[done:])
    return re.sub(r"\[name\](?:\s+\[name\])+", NAME, "".join(out))


def _function_word(word: str) -> bool:
    """Whether `word` is one of `_NEVER` or a contraction ("I've", "don't")."""
    folded = _stem(word).casefold()
    return folded in _NEVER or _CONTRACTION.search(folded) is not None


def _genitive(stem: str) -> bool:
    """Whether `stem` is a listed name with a German genitive s ("Jürgens Team")."""
    return stem.endswith("s") and stem[:1].isupper() and _folded(stem[:-1]) in _FOLDED_NAMES


def _suffix(word: str) -> str:
    """What a possessive leaves after the name: "'s" of "Jürgen's"."""
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending):
            return ending
    return ""


def _stem(word: str) -> str:
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def _word(text: str, words: list[tuple[int, int]], index: int) -> str:
    start, end = words[index]
    return text[start:end]


def _only_space(text: str, words: list[tuple[int, int]], index: int) -> bool:
    """Whether only blanks stand between word `index` and the next one."""
    if index + 1 >= len(words):
        return False
    between = text[words[index][1] : words[index + 1][0]]
    return not between.strip() and "\n" not in between


def _index_at(words: list[tuple[int, int]], position: int) -> int | None:
    """The index of the first word that ends after `position`."""
    low, high = 0, len(words)
    while low < high:
        middle = (low + high) // 2
        if words[middle][1] <= position:
            low = middle + 1
        else:
            high = middle
    return low if low < len(words) else None


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 12) : position].rstrip(" \t\"'„“‚‘([")
    return not before or before[-1] in ".!?:;\n"
