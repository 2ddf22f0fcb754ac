"""Finding contact details and reference numbers in free text: e-mail addresses, postal
addresses, personnel and ticket numbers, and phone numbers (international and German).

Owns `scrub_contact_details`, which the anonymiser runs before it looks for names. Each
kind is a pattern written for how people type it in an exit interview ("+49 (0)30
1234567", "030 / 123 45 67", "Durchwahl 234", "Personalnummer 4711", "HR-1234",
"Hauptstraße 12, 10115 Berlin"). Dates, times, years, amounts and durations look like
numbers too and must stay, so each number pattern says what it is not. Never imports Qt.
"""

from __future__ import annotations

import re

EMAIL, PHONE, ID, ADDRESS = "[email]", "[phone]", "[id]", "[address]"

_UPPER = "".join(ch for ch in map(chr, range(0x1F00)) if ch.isupper() and ch.isalpha())
_CAP = f"[{re.escape(_UPPER)}]"

# "jo.doe+hr@mail.sub.firma-beispiel.de", also written "jo.doe (at) firma.de".
_EMAIL = re.compile(
    r"[\w.+'-]{1,64}(?:@|\s?[\[(]\s?(?:at|ät)\s?[\])]\s?)[\w-]{1,63}"
    r"(?:(?:\.|\s?[\[(]dot[\])]\s?)[\w-]{1,63}){1,8}",
    re.IGNORECASE,
)

_STREET_SUFFIX = (
    r"(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad"
    r"|markt|graben|kamp|wall|anger|hof|stieg|twiete|chaussee)"
)
_HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Z](?![\w]))?(?:\s?[-/]\s?\d{1,4})?"
_EN_STREET = (
    r"(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Close|Way|Court|Place|Crescent"
    r"|Terrace|Gardens|Boulevard|Blvd\.?|Square|Mews|Grove|Row|Walk|Parade|Hill)"
)
_ADDRESS = re.compile(
    # German: "Hauptstraße 12", "Berliner Allee 45a", "Am Goethe-Platz 7", "Musterstr. 5"
    rf"(?:\b(?:{_CAP}[\w.-]{{0,40}}\s+){{0,2}}(?:{_CAP}[\w-]{{0,40}}{_STREET_SUFFIX}"
    rf"|{_CAP}[\w-]{{0,40}}\s+{_CAP}\w{{0,40}}{_STREET_SUFFIX}|(?:Straße|Strasse|Str\.|Weg|Gasse|Allee"
    rf"|Platz|Ring|Damm|Ufer|Chaussee))\s+{_HOUSE_NUMBER}(?!\s*(?:%|€|Jahre|Euro|EUR))"
    # English: "221B Baker Street", "Flat 2, 31 Station Road"
    rf"|\b(?:(?:Flat|Apartment|Apt\.?|Unit|Suite)\s+\w+,?\s+)?\d{{1,5}}[A-Za-z]?,?\s+"
    rf"(?:{_CAP}[\w'-]{{0,40}}\s+){{1,3}}{_EN_STREET}(?!\w)"
    # a German postcode with its town where an address is written: "10115 Berlin"
    rf"|(?:(?<=,\s)|(?<=\bin\s)|(?<=\bnach\s)|(?<=\bPLZ\s)|(?<=\bPLZ:\s))(?:D-)?\d{{5}}\s+{_CAP}[\w-]{{1,40}}"
    # a UK postcode ("SW1A 1AA"), a US state and ZIP ("IL 62704")
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|\b(?<=,\s)[A-Z]{2}\s\d{5}(?:-\d{4})?\b)"
)
# "[address], Leeds [address]" is one address, and so is "Am Lindenhof 3, [address]".
_ADDRESS_RUN = re.compile(
    rf"(?:\b(?:Am|An\s+der|An\s+den|Im|In\s+der|Auf\s+der|Auf\s+dem|Zum|Zur|Unter\s+den)\s+"
    rf"{_CAP}[\w-]{{0,40}}\s+{_HOUSE_NUMBER}\s*,\s*)?\[address\]"
    rf"(?:,?\s*(?:{_CAP}[\w-]{{1,40}}\s+)?\[address\])*"
)

# A number after a word that says what it is: "Personalnummer 4711", "ticket #HR-2291".
_ID_CUE = (
    r"personal-?nummer|personal-?nr\.?|pers\.?-?nr\.?|p-?nr\.?|mitarbeiter-?(?:nummer|nr\.?|id)"
    r"|mitarbeiterausweis|ausweis-?nummer|employee\s+(?:id|number|no\.?|#)|staff\s+(?:id|number|no\.?)"
    r"|personnel\s+(?:id|number|no\.?)|payroll\s+(?:id|number|no\.?)|badge\s+(?:id|number|no\.?)"
    r"|ticket(?:-?nummer|-?nr\.?|\s+(?:number|no\.?|id))?|case\s+(?:number|no\.?|id)|case"
    r"|vorgang(?:s-?nummer|s-?nr\.?)?|fall-?nummer|aktenzeichen|az\.|reference|ref\.?"
    r"|referenz(?:nummer)?|request|incident|anfrage|kennung|user\s*id|login|id"
)
_ID_VALUE = r"#?[A-Za-z]{0,6}[-/]?\d[\w/-]{0,30}"
_CUED_ID = re.compile(
    rf"(?i:\b(?:{_ID_CUE})(?:\s+(?:is|was|lautet|ist|war))?)(?:\s*(?::|-|no\.?|nr\.?))?\s*"
    rf"(?={_ID_VALUE})"
    rf"(?P<value>{_ID_VALUE})"
)
# Numbers shaped like references even without a cue: "HR-1234", "INC0012345", "#4521".
_SHAPED_ID = re.compile(r"\b[A-Z]{2,6}-\d{3,20}\b|\b[A-Z]{1,4}\d{5,20}\b|(?<![\w&])#\d{3,20}\b")

# Extensions are short: "Durchwahl 234", "ext. 4711".
_EXTENSION = re.compile(
    r"(?P<cue>(?i:\b(?:durchwahl|dw\.|nebenstelle|ext\.|extension|tel\.?|telefon|phone|handy"
    r"|mobil|mobile|whatsapp)):?\s{0,3})(?:-\s?)?\d[\d\s/-]{1,24}\d"
)
# A run of digits with the separators phone numbers use.
# Bounded, like every repeat here: a long run of digits must not cost quadratic time.
_PHONE = re.compile(r"(?<![\w@])(?:\+|00)?\(?\d[\d\s()./–-]{5,30}\d(?![\w%€])")
_DATE = r"\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?|\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}/\d{1,2}/\d{2,4}"
_TIME = r"\d{1,2}[.:]\d{2}(?:\s?[ap]\.?m\.?)?"
_AMOUNT = r"[1-9]\d{0,2}(?:[.,\s]\d{3})+(?:,\d{2})?|[1-9]\d{0,5}|0"
_YEAR = r"(?:19|20)\d\d"
_YEAR_ONLY = re.compile(_YEAR)
_NOT_PHONE = re.compile(
    rf"(?:{_DATE}|{_TIME}|{_YEAR}|{_AMOUNT})(?:\s*(?:[-–/]|bis|to|and|und)\s*"
    rf"(?:{_DATE}|{_TIME}|{_YEAR}|{_AMOUNT}))*"
)


def scrub_contact_details(text: str) -> str:
    """`text` with e-mails, addresses, reference numbers and phone numbers replaced."""
    if "@" in text or "(at)" in text or "[at]" in text:
        text = _EMAIL.sub(EMAIL, text)
    if not any(ch.isdigit() for ch in text):
        return text
    text = _ADDRESS.sub(ADDRESS, text)
    text = _ADDRESS_RUN.sub(ADDRESS, text)
    text = _SHAPED_ID.sub(ID, text)
    text = _CUED_ID.sub(_id, text)
    text = _EXTENSION.sub(rf"\g<cue>{PHONE}", text)
    return _PHONE.sub(_phone, text)


def _id(match: re.Match[str]) -> str:
    value = match.group("value")
    if sum(ch.isdigit() for ch in value) < 3 or _YEAR_ONLY.fullmatch(value):
        return match.group(0)  # "case 2", "login 2019": a count or a year
    start = match.start("value") - match.start(0)
    return match.group(0)[:start] + ID


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = sum(ch.isdigit() for ch in found)
    if digits < 7 or _NOT_PHONE.fullmatch(found.strip()):
        return found
    return PHONE
