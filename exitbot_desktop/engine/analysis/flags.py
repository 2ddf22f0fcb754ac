"""Urgent issues in an answer that HR must see at once, and signs the person needs support.

Owns the flag taxonomy `FLAGS`, the English and German flag word lists with their
false-friend guards ("Lärmbelästigung" is noise, "fraud prevention" is a job), and the
distress and illness lists behind `needs_care`. Both languages are always scanned for
flags: an answer typed in English during a German interview must not hide a report of
harassment.
Standard library only; never imports Qt.
"""

from __future__ import annotations

from typing import Final

from exitbot_desktop.engine.analysis._lexicon import (
    compile_lexicon,
    is_negated,
    normalize,
    split_entries,
)

FLAGS: Final = ("harassment", "discrimination", "safety", "fraud_misconduct", "wellbeing_crisis")

_ENTRIES = {
    "harassment": """harass* bully* bullied mobbing gemobbt mobb* belaestig* schikan*
        groped grope* "touched me" "touching me" "inappropriate touching" "inappropriate
        comments" "sexual comments" "sexual advances" "unwanted advances" "unwanted attention"
        intimidation "intimidated me" "intimidating behaviour" "intimidating behavior"
        "threatened me" "threatening me" "threatened to" "verbal abuse" "verbally abused"
        abusive "abused me" "shouted at me" "yelled at me" "screamed at me" "swore at me"
        stalk* "sexually assaulted" "sexual assault" angeschrien angebruellt anschreien
        "sexuell belaestigt" "mich ~ bedroht" "bedrohte mich" "wurde ~ bedroht" "mich beleidigt"
        "beleidigte mich" beleidigungen "hat mich angefasst" "begrapscht"
        "unangemessene kommentare" "anzuegliche*\"""",
    "discrimination": """discriminat* diskriminier* racis* racial* rassis* sexis* homophob*
        transphob* ageis* "because of my age" "because of my gender" "because of my race"
        "because of my religion" "because of my disability" "because of my skin" "because of
        my accent" "because of my pregnancy" "because i was pregnant" "because i'm a woman"
        "because i am a woman" "because i'm black" "because i am black" "because i'm gay"
        "because i am gay" "because i'm muslim" "because of my sexual orientation" slur*
        "paid less than ~ male" "wegen meines alters" "wegen meines geschlechts" "wegen meiner
        herkunft" "wegen meiner hautfarbe" "wegen meiner religion" "wegen meiner behinderung"
        "wegen meiner schwangerschaft" "weil ich eine frau bin" "weil ich schwanger" "weil ich
        schwul" auslaenderfeindlich* benachteiligt""",
    "safety": """unsafe "not safe" "didn't feel safe" "never felt safe" "safety hazard*" hazard*
        injur* accident* "near miss" dangerous "blocked fire exit*" "fire exit* ~ blocked" "no
        protective equipment" "without protective equipment" "safety rules ~ ignored" "safety
        violation*" "safety issue*" "safety concern*" asbestos "toxic fumes" "faulty wiring"
        "electric shock" "physically attacked" "hit me" assaulted "punched me"
        arbeitsunfall* unfall* gefahr gefaehrlich* lebensgefahr* sicherheitsmaengel
        "sicherheitsvorschriften ~ ignoriert" "sicherheitsvorschriften ~ missachtet"
        schutzausruestung "notausgang ~ versperrt" "notausgang ~ blockiert" "hat mich
        geschlagen" "mich ~ angegriffen" "wurde ~ angegriffen" "nicht sicher gefuehlt\"""",
    "fraud_misconduct": """fraud* embezzl* theft stole stealing bribe* bribery kickback* "cooked the
        books" falsif* "fake invoices" forged forgery "money laundering"
        corruption corrupt "insider trading" misconduct "fudged the numbers" "manipulated the
        numbers" backdated illegal* "against the law" "broke the law" "breaking the law"
        unethical "covered up" "cover up" "abuse of power" "abuse of ~ expense*" betrug
        betrueg* unterschlag* bestech* korrupt* gefaelscht* faelschung* diebstahl gestohlen
        schwarzgeld schwarzarbeit rechtswidrig* unethisch* vertuscht vertuschen
        machtmissbrauch""",
    "wellbeing_crisis": """suicid* "kill myself" "killing myself" "end my life" "ending my life"
        "take my own life" "self harm" "selfharm" "hurt myself" "hurting myself" "harm myself"
        "want to die" "wanted to die" "don't want to live" "do not want to live" "no reason to
        live" "better off dead" "wish i was dead" "wish i were dead" "can't go on"
        "cannot go on" "nervous breakdown" "panic attacks" hopeless suizid* selbstmord*
        "mich umbringen" "mir das leben nehmen" "nicht mehr leben" selbstverletz* "mir etwas
        antun" "mir was antun" "keinen ausweg" hoffnungslos nervenzusammenbruch
        panikattacke*""",
}
# Phrases that contain a flag word but report nothing urgent.
_GUARDS = """"fraud prevention" "fraud detection" "fraud team" "fraud department" "fraud analyst*"
    "anti fraud" "anti harassment" "harassment training" "harassment policy" "anti
    discrimination" "discrimination policy" "discriminate between" "discriminating between"
    "price discrimination" "by accident" accidentally "insult to injury" "stole the show"
    "stole ~ credit" "stole ~ idea*" "stealing ~ credit" "stealing ~ idea*" "steal ~ credit"
    "safety officer" "health and safety training" laermbelaestigung geruchsbelaestigung
    "no accidents" "illegal parking" "corrupted file*" "corrupt file*" "corrupted data"
    "threatened to quit" "threatened to leave" "gefahr laufen" "gefahr lief" "accident
    insurance" unfallversicherung unfallfrei "accident free" "racial diversity" "it hit me"
    "that hit me" "reality hit me\""""
# Distress and danger to the person themself: the interview then shows support contacts.
_CARE = """"threatened me" "threatening me" "threatened to hurt" "threatened to kill" "afraid for
    my safety" "scared for my life" "fear for my safety" "hit me" "punched me" "physically
    attacked" assaulted "sexual assault" "sexually assaulted" raped rape abusive "abused me"
    "verbal abuse" "verbally abused" "domestic violence" stalking stalked "following me home"
    "followed me home" "mich ~ bedroht" "bedrohte mich" "wurde ~ bedroht" "hat mich geschlagen"
    "mich ~ angegriffen" "wurde ~ angegriffen" vergewaltig* "sexuell
    belaestigt" missbraucht "angst um mein leben" "haeusliche gewalt" "verfolgt mich\""""
# Serious illness, the person's own or a family member's: asking them to say more about it
# would be intrusive, so the interview shows support instead of a follow-up.
_HEALTH = """diagnosed diagnosis cancer tumour tumor dementia alzheimer* "terminally ill" "seriously
    ill" "fell ill" "chronic illness" "chronically ill" "long illness" "serious illness"
    chemotherapy "heart attack" stroke "is ill" "was ill" "became ill" "ill health" "health
    reasons" "health issues" "health problems" "gesundheitliche gruende" "gesundheitlichen
    gruenden" depression depressed "on sick leave" miscarriage
    "passed away" bereavement diagnose diagnostiziert krebs tumor demenz "schwer krank"
    "schwer erkrankt" erkrankt erkrankung krankheit chemotherapie herzinfarkt schlaganfall
    depression depressionen depressiv "psychisch krank" pflegefall verstorben fehlgeburt
    krankgeschrieben"""
# Reports of harassment or discrimination named as such: the person is heard and HR sees
# the flag; no probing questions. (A single incident, "shouted at me", is flagged but may
# still be followed up.)
_MISTREATMENT = """harass* bully* bullied mobbing gemobbt mobb* belaestig* schikan* discriminat*
    diskriminier* racis* rassis* sexis* "sexual comments" "sexual advances" "unwanted
    advances" groped grope* begrapscht "sexuell belaestigt\""""


_FLAG_LEXICON = compile_lexicon(
    [(entry, flag, 1.0) for flag, text in _ENTRIES.items() for entry in split_entries(text)]
    + [(entry, "", 0.0) for entry in split_entries(_GUARDS)]
)
_CARE_LEXICON = compile_lexicon(
    [(entry, "care", 1.0) for entry in split_entries(_CARE)]
    + [(entry, "health", 1.0) for entry in split_entries(_HEALTH)]
    + [(entry, "", 0.0) for entry in split_entries(_GUARDS)]
)
_MISTREATMENT_LEXICON = compile_lexicon(
    [(entry, "mistreatment", 1.0) for entry in split_entries(_MISTREATMENT)]
    + [(entry, "", 0.0) for entry in split_entries(_GUARDS)]
)


def detect_flags(text: str, language: str = "en") -> tuple[str, ...]:
    """The urgent issues an answer reports, in `FLAGS` order; denials do not count.

    "No harassment at all" and "I was never bullied" raise nothing; "nobody stopped the
    bullying" does. `language` is accepted for symmetry with the other classifiers; both
    languages' lists are applied regardless (see the module docstring).
    """
    norm = normalize(text)
    found = {hit.label for hit in _FLAG_LEXICON.hits(norm) if not is_negated(norm, hit)}
    return tuple(flag for flag in FLAGS if flag in found)


def needs_care(text: str, language: str = "en") -> bool:
    """Whether the answer calls for support rather than a follow-up question: the person
    is in distress or danger, reports harassment or discrimination, or writes of serious
    illness (their own or a relative's).

    Negation is deliberately ignored for distress: showing support contacts to someone who
    wrote "I'm not suicidal" costs nothing, missing someone who needs them can cost a life.
    A denied report of mistreatment ("no harassment at all") is no report.
    """
    norm = normalize(text)
    flagged = _FLAG_LEXICON.hits(norm)
    return (
        any(hit.label == "wellbeing_crisis" for hit in flagged)
        or bool(_CARE_LEXICON.hits(norm))
        or any(hit.label and not is_negated(norm, hit) for hit in _MISTREATMENT_LEXICON.hits(norm))
    )
