"""Scrubbing quotes and exports: people's names, e-mails and phone numbers go; the words
HR needs (departments, cities, numbers of years, percentages) stay."""

from __future__ import annotations

import pytest

from exitbot_desktop.engine.reports.anonymise import scrub, scrubber


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Mail me at jo.doe+hr@firma-beispiel.de please", "Mail me at [email] please"),
        ("Call +44 20 7946 0958 or 0171/2345678", "Call [phone] or [phone]"),
        ("My manager Petra Vogel ignored me", "My manager [name] ignored me"),
        ("our team lead, Dr. Anna Maier, was fair", "our team lead, Dr. [name], was fair"),
        ("Herr Müller hat mich angeschrien", "Herr [name] hat mich angeschrien"),
        ("Mein Chef, Herr Dr. Schulz, war unfair", "Mein Chef, Herr Dr. [name], war unfair"),
        ("a colleague called Sam Brown helped", "a colleague called [name] helped"),
        ("Ask Sarah in Finance", "Ask [name] in Finance"),
        (
            "12 years in Sales in London since 2012, pay rose 5% in 3 months",
            "12 years in Sales in London since 2012, pay rose 5% in 3 months",
        ),
        ("The Operations Director changed the rota", "The Operations Director changed the rota"),
    ],
)
def test_identifying_details_are_replaced_and_the_rest_is_kept(said: str, kept: str) -> None:
    assert scrub(said) == kept


def test_names_known_from_the_database_go_in_any_case_and_in_part() -> None:
    known = scrubber(["Zebulon Quartermaine", None, "  Ms.  Ottilie   Brandt "])

    assert known.scrub("zebulon was rude; Quartermaine too; ottilie brandt left") == (
        "[name] was rude; [name] too; [name] left"
    )
    assert known.scrub("Nothing to hide here.") == "Nothing to hide here."
