"""The employee's private life: what an exit interview never asks about.

Owns the English and German word list and `mentions_private_life`. A follow-up about a
partner or marriage, plans for children or a pregnancy, religion, sexuality, health,
age, origin or political views is intrusive however kindly it is put, and some of it
is unlawful to ask at work; even when the employee mentioned it ("we are moving for my
partner's job"), the interviewer asks about the work, never about the private matter.
The guard refuses such follow-ups, and the model is not nudged towards these words.
Standard library only; never imports Qt.
"""

from __future__ import annotations

from exitbot_desktop.engine.analysis._lexicon import compile_lexicon, normalize, split_entries

# Words that name a private matter wherever they stand, and phrases whose words alone are
# ordinary ("your health" but not "health insurance", "your son", "sexual orientation").
_PRIVATE = """
    "your partner*" spouse* husband* wife wives boyfriend* girlfriend*
    fianc* marriage* married divorc* wedding* romantic* "love life" dating "in a relationship"
    "relationship status" "personal relationship*" "private relationship*"
    "your son*" "your daughter*" "your kid*" "your child" "your children" "your baby"
    "your newborn" "your mother*" "your father*" "your mum*" "your mom*" "your dad*"
    "your parent*" "your sister*" "your brother*" "your family member*"
    pregnan* "expecting a baby" "family planning" "start a family" "starting a family"
    "have children" "having children" "have kids" "having kids" "more children" "more kids"
    "another baby" "have a baby" "having a baby" "birth control" fertility ivf
    religio* faith church* mosque* synagogue* pray* worship* "your god" "your beliefs"
    sexual* gay lesbian bisexual transgender "gender identity" "coming out"
    "your health" "health problem*" "health issue*" "health condition*" "medical*" illness*
    "are you ill" "were you ill" "been ill" "fall ill" "fell ill" sick* disease* symptom*
    disabilit* "are you disabled" depression* depressed anxiety "how old are you" "your age"
    ethnic* nationality "where are you from" "your origin*" "political view*"
    "political part*" "political belief*" "your debt*" "your mortgage"
    "ihr* partner" "ihr* partnerin" partnerschaft* ehe ehemann* ehefrau* ehepartner* ehepaar*
    verheiratet scheidung* geschieden hochzeit* lebensgefaehrt* liebes* beziehungsstatus
    "ihr* mann" "ihr* frau" "ihr* freund" "ihr* freundin" "ihr* sohn"
    "ihr* tochter" "ihr* kinder*" "ihr* kind" "ihr* baby" "ihr* mutter" "ihr* vater"
    "ihr* eltern" "ihr* geschwister" schwanger* kinderwunsch* familienplanung
    "familie gruenden" "kinder bekommen" "kinder haben" "kinder planen" "ein kind bekommen"
    "weitere kinder" verhuetung religio* "ihr* glaube*" glaubensrichtung* glaubensgemeinschaft*
    kirche* moschee* synagoge* beten gebet gebete konfession* sexuell* sexualitaet schwul*
    lesbisch* bisexuell* geschlechtsidentitaet "ihr* gesundheit" gesundheitlich*
    gesundheitszustand* krankheit* krank krankgeschrieben krankmeldung* krankenstand erkrank*
    psychisch* depression* depressiv* angststoerung* behinderung* "wie alt sind sie"
    "wie alt waren sie" "ihr* alter" herkunft ethnisch* nationalitaet staatsangehoerigkeit
    "politisch* einstellung*" "politisch* ansicht*" "ihr* schulden"
"""
# Ordinary workplace phrases that contain one of the words above.
_NOT_PRIVATE = """
    "sick of" "sick and tired" "sick leave policy" "good faith" "bad faith" "medical
    insurance" "medical benefit*" "church street" "sexual harassment policy"
"""

_LEXICON = compile_lexicon(
    [(entry, "private", 1.0) for entry in split_entries(_PRIVATE)]
    + [(entry, "", 0.0) for entry in split_entries(_NOT_PRIVATE)]
)


def mentions_private_life(text: str) -> bool:
    """Whether `text` names a private matter an interviewer must not probe: a partner,
    family planning, religion, sexuality, health, age, origin or political views."""
    return bool(_LEXICON.hits(normalize(text)))


def names_private_matter(word: str) -> bool:
    """Whether one word of an answer names a private matter once it is asked about
    ("partner" in "your partner", "Sohn" in "Ihr Sohn"): the model is not nudged to
    take such a word up."""
    return any(mentions_private_life(f"{lead}{word}") for lead in ("", "your ", "ihr ", "ihre "))
