"""Column sealing: what a central server stores of the answers is unreadable without the
organisation's data key, and a value moved or changed there is refused, not shown.

The store tests marked `every_store` run the whole interview, report and export paths on
a sealing store as well; these check the seal itself and what lands in the tables.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from postgres_server import PostgresDatabase, tool
from sqlalchemy import select, update
from test_aggregates import conduct

from exitbot_desktop.engine.errors import SealedValueError
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import HrReview
from exitbot_desktop.engine.store.models import Answer
from exitbot_desktop.engine.store.sealing import SEALED, ColumnSealer
from exitbot_desktop.engine.store.vault import Store

KEY = bytes(range(32))


@pytest.mark.parametrize(
    "value", ["Meine Chefin hat mich nie gefragt.", "", 4, ["pay", "manager"], {"text": "ok"}]
)
def test_a_sealed_value_opens_for_its_row_and_column_only(value: object) -> None:
    sealer = ColumnSealer(KEY)
    token = sealer.seal("answers", "text", 7, value)
    assert isinstance(token, str)
    if isinstance(value, str) and value:
        assert value not in token
    assert sealer.unseal("answers", "text", 7, token) == value
    for table, column, row in (("answers", "text", 8), ("answers", "value", 7), ("x", "text", 7)):
        with pytest.raises(SealedValueError, match="cannot be opened: it was changed or moved"):
            sealer.unseal(table, column, row, token)


def test_the_same_words_seal_differently_each_time() -> None:
    sealer = ColumnSealer(KEY)
    assert sealer.seal("answers", "text", 1, "same") != sealer.seal("answers", "text", 1, "same")


def test_nothing_stays_nothing() -> None:
    sealer = ColumnSealer(KEY)
    assert sealer.seal("answers", "text", 1, None) is None
    assert sealer.unseal("answers", "text", 1, None) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda token: token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
        lambda token: token[:10],
        lambda token: "plain words typed in by someone with database access",
        lambda token: token.replace("s1:", "s2:"),
        lambda token: token + "!",
    ],
    ids=["bit-flipped", "cut short", "replaced by clear text", "unknown format", "not base64"],
)
def test_a_changed_value_is_a_sentence_never_wrong_words(damage: object) -> None:
    sealer = ColumnSealer(KEY)
    token = sealer.seal("interviews", "hr_note", 3, "Regrettable loss; counter-offer refused.")
    assert token is not None
    with pytest.raises(SealedValueError) as refused:
        sealer.unseal("interviews", "hr_note", 3, damage(token))  # type: ignore[operator]
    assert "hr note of interviews row 3" in refused.value.user_message
    assert "Restore that row from the server's backup" in refused.value.user_message


def test_another_organisations_key_opens_nothing() -> None:
    token = ColumnSealer(KEY).seal("answers", "text", 1, "words")
    with pytest.raises(SealedValueError, match="another organisation's key"):
        ColumnSealer(os.urandom(32)).unseal("answers", "text", 1, token)


@pytest.mark.parametrize("created", ["server"], indirect=True)
def test_the_server_and_its_dumps_hold_no_answer_names_or_notes_in_clear(
    store: Store, question_set: QuestionSet, postgres_database: PostgresDatabase
) -> None:
    secret_words = "quietlyunmistakable"
    meta = InterviewMeta(
        department="Sales",
        anonymous=False,
        employee_name="Henrietta Przybylski",
        manager="Octavian Quellmalz",
        location="Wuppertal-Elberfeld",
    )
    answers = {
        "main_reason": "manager",
        "main_reason_details": f"My manager was {secret_words} rude in every meeting.",
        "satisfaction_manager": 1,
    }
    interview_id = conduct(
        store,
        question_set,
        answers,
        meta=meta,
        followups={"main_reason_details": "Zwischenmenschlich eine Katastrophe"},
    )
    store.interviews.review(
        interview_id,
        HrReview("voluntary", True, "Counteroffer refused"),
        seen=HrReview(None, None, None),
    )
    store.analysis.replace_summary(interview_id, "Left over the manager's conduct.", "extractive")

    # What the database administrator sees: the tables, read over a plain connection, and
    # a pg_dump (the server's backup).
    with postgres_database.connect() as conn:
        tables = "\n".join(
            repr(row) for table in SEALED for row in conn.execute(f"SELECT * FROM {table}")
        )
    dump = subprocess.run(
        [
            str(tool("pg_dump")),
            "--host",
            postgres_database.host,
            "--port",
            str(postgres_database.port),
            "--username",
            postgres_database.user,
            postgres_database.dbname,
        ],
        env={**os.environ, "PGPASSWORD": postgres_database.password},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for stored in (tables, dump):
        for clear in (
            secret_words,
            "Przybylski",
            "Quellmalz",
            "Elberfeld",
            "Katastrophe",
            "Could you say more",
            "Counteroffer",
            "manager's conduct",
        ):
            assert clear not in stored
        assert "Sales" in stored  # filter columns stay in clear, as the README lists

    record = store.interviews.load(interview_id)
    assert record.meta.employee_name == "Henrietta Przybylski"
    assert record.meta.location == "Wuppertal-Elberfeld"
    assert record.hr_note == "Counteroffer refused"
    texts = {a.question_id: a.text for a in record.answers if not a.is_followup}
    assert secret_words in (texts["main_reason_details"] or "")
    followup = next(a for a in record.answers if a.is_followup)
    assert (followup.followup_question, followup.text) == (
        "Could you say more?",
        "Zwischenmenschlich eine Katastrophe",
    )


@pytest.mark.parametrize("created", ["server"], indirect=True)
def test_an_answer_moved_to_another_row_on_the_server_is_refused(
    store: Store, question_set: QuestionSet
) -> None:
    first = conduct(store, question_set, {"main_reason_details": "Nobody listened to me."})
    second = conduct(store, question_set, {"main_reason_details": "All good, moving abroad."})
    with store.database.transaction() as s:
        moved = s.scalar(
            select(Answer.text).where(
                Answer.interview_id == first, Answer.question_id == "main_reason_details"
            )
        )
        s.execute(
            update(Answer)
            .where(Answer.interview_id == second, Answer.question_id == "main_reason_details")
            .values(text=moved)
        )

    assert any("Nobody listened" in (a.text or "") for a in store.interviews.load(first).answers)
    with pytest.raises(SealedValueError, match=r"text of answers row \d+ cannot be opened"):
        store.interviews.load(second)
