"""A central server counts HR's figures in SQL; they are exactly the figures the Python
counting (what the embedded file uses) gives for the same interviews, under every kind
of filter.

A real PostgreSQL server gets varied interviews: the bulk generator's, and real ones
walked through the engine (finished, left unfinished, with a follow-up, an urgent one).
Then each filter's figures are counted both ways on that server and compared field by
field. The server holds the location sealed, so neither way breaks figures down by it.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from alembic import command
from conftest import PASSWORD
from sqlalchemy import inspect, text
from test_aggregates import HAPPY, UNHAPPY, conduct

from bench.synthetic import populate
from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import db, migrations, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.report_rows import ReportReader

FILTERS = [
    Filters(),
    Filters(department="Sales"),
    Filters(department="Legal"),  # three interviews: withheld
    Filters(date_from=date(2024, 3, 1), date_to=date(2024, 6, 30)),
    Filters(status="completed"),
    Filters(status="unfinished"),
    Filters(theme="manager"),
    Filters(tone="negative"),
    Filters(urgent_only=True),
    Filters(role="Team Lead", leaving_type="voluntary"),
    Filters(words="manager"),
    Filters(department="Nowhere"),  # nothing at all
    Filters(location="Ulm"),  # sealed on the server: opened on the station to compare
]


def _fill(store: vault.Store, question_set: QuestionSet) -> None:
    populate(store, 240, start=datetime(2024, 1, 1), months=12, department_sizes={"Legal": 3})
    meta = InterviewMeta(department="Sales", role="Team Lead", leaving_type="voluntary")
    conduct(store, question_set, UNHAPPY, meta=meta, followups={"main_reason_details": "Daily."})
    conduct(store, question_set, HAPPY, meta=InterviewMeta(department="Sales", location="Ulm"))
    conduct(store, question_set, UNHAPPY, meta=meta, stop_at="satisfaction_team")
    conduct(
        store,
        question_set,
        {**UNHAPPY, "anything_else": "A colleague threatened me with violence at work."},
        meta=InterviewMeta(department="Support"),
    )


@pytest.fixture
def server(
    folder: DataFolder, store_on_server: Any, question_set: QuestionSet
) -> Iterator[vault.Store]:
    """A store on the server holding the varied interviews."""
    store, _ = store_on_server(folder, organisation="Acme GmbH", user="alice", password=PASSWORD)
    with store:
        _fill(store, question_set)
        yield store


@pytest.mark.parametrize("group_size", [5, 1])
def test_the_server_counts_the_same_figures_as_python_under_every_filter(
    server: vault.Store, group_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert server.reports.counts_in_sql
    in_sql = [aggregates.compute(server, f, group_size=group_size) for f in FILTERS]
    monkeypatch.setattr(ReportReader, "counts_in_sql", False)  # the embedded file's way
    for filters, got in zip(FILTERS, in_sql, strict=True):
        expected = aggregates.compute(server, filters, group_size=group_size)
        for field in dataclasses.fields(got):
            assert getattr(got, field.name) == getattr(expected, field.name), (
                f"{field.name} differs for {filters}"
            )
        assert got == expected
    everything = in_sql[0]
    assert everything.completed > 200 and everything.started > everything.completed
    assert dict(everything.flags) and everything.followups_asked
    assert any(q.median_length for q in everything.questions)
    assert [b.dimension for b in everything.breakdowns] == [
        "department",
        "role",
        "tenure_band",
        "leaving_type",
    ]
    assert in_sql[2].created == 3 and in_sql[-2].created == 0
    assert in_sql[-1].created == 1 and in_sql[-1].completed == 1  # the one taken in Ulm


def test_the_server_never_names_a_sealed_location_as_a_group(server: vault.Store) -> None:
    """Every sealed value differs from every other, so grouping by it would show each
    interview as a group of one, labelled with its ciphertext."""
    agg = aggregates.compute(server, group_size=1)
    labels = {row.label for b in agg.breakdowns for row in b.rows}
    assert not any(label.startswith("s1:") for label in labels)
    assert "Ulm" not in labels


def test_the_interview_list_filters_by_a_sealed_location(server: vault.Store) -> None:
    """The list and the figures take one selection: HR filtering by location at a server
    station sees the interviews taken there, not none (the server holds only ciphertext)."""
    found = server.reports.interviews(Selection(Filters(location="Ulm")))
    berlin = server.reports.interviews(Selection(Filters(location="Berlin")))

    assert len(found) == 1 and found[0].status == "completed"
    assert berlin and all(server.interviews.load(r.id).meta.location == "Berlin" for r in berlin)


def test_a_server_upgraded_from_schema_6_counts_the_same_figures(
    server: vault.Store, question_set: QuestionSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 7 keeps a digest's counted facts as ids of strings in `digest_facts`; the
    digests already on a schema-6 server get theirs in the upgrade, and the new ones
    from the trigger, so every figure is still the Python counting's."""
    engine = server.database.engine
    with engine.begin() as conn:  # the server as schema 6 left it: counted as strings
        command.downgrade(migrations._config(conn), "0006")
    assert "digest_facts" not in inspect(engine).get_table_names()
    db.prepare_server_schema(engine)
    assert db.schema_version(engine) == 7
    with engine.connect() as conn:
        counted = conn.execute(text("SELECT counted FROM interview_digests")).scalars().all()
        facts = conn.execute(text("SELECT fact FROM digest_facts")).scalars().all()
    assert counted and all(ids and all(isinstance(i, int) for i in ids) for ids in counted)
    assert len(facts) == len(set(facts)) > 100
    # A digest written after the upgrade: the trigger gives its facts their ids.
    conduct(server, question_set, HAPPY, meta=InterviewMeta(department="Sales"))
    in_sql = aggregates.compute(server, group_size=1)
    monkeypatch.setattr(ReportReader, "counts_in_sql", False)
    assert in_sql == aggregates.compute(server, group_size=1)
    assert in_sql.completed > 200


def test_two_stations_writing_the_same_new_fact_at_once_share_its_number(
    server: vault.Store,
) -> None:
    """The second writer of a fact the dictionary lacks waits for the first one's commit
    and then uses its number, rather than failing on the unique fact or counting it
    under a second number."""
    engine = server.database.engine
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT interview_id, facts FROM interview_digests ORDER BY 1 LIMIT 2")
        ).all()
    changed = []
    for interview_id, facts in rows:
        digest = json.loads(facts)
        digest["flags"] = ["not_a_flag_yet"]  # a fact no digest has had
        changed.append({"id": interview_id, "facts": json.dumps(digest)})
    rewrite = text("UPDATE interview_digests SET facts = :facts WHERE interview_id = :id")
    second_done = threading.Event()

    def second_station() -> None:
        with engine.begin() as conn:
            conn.execute(rewrite, changed[1])
        second_done.set()

    with engine.connect() as first:
        first.execute(rewrite, changed[0])
        writer = threading.Thread(target=second_station)
        writer.start()
        assert not second_done.wait(1.0)  # waiting for the first station's commit
        first.commit()
    writer.join(10)
    assert second_done.is_set()
    with engine.connect() as conn:
        numbers = (
            conn.execute(
                text("SELECT id FROM digest_facts WHERE fact = :fact"),
                {"fact": "f\tnot_a_flag_yet"},
            )
            .scalars()
            .all()
        )
        counted = (
            conn.execute(
                text("SELECT counted FROM interview_digests WHERE interview_id IN (:a, :b)"),
                {"a": changed[0]["id"], "b": changed[1]["id"]},
            )
            .scalars()
            .all()
        )
    assert len(numbers) == 1
    assert [numbers[0] in ids for ids in counted] == [True, True]


def test_the_figures_two_statements_read_one_moment_while_a_station_writes(
    server: vault.Store,
) -> None:
    """The server counts the figures in two statements at once, on two connections
    (`Database.shared_snapshot`); a station's commit between the first statement and
    the second is seen by neither, so the figures still agree with each other."""
    engine = server.database.engine
    count = "SELECT count(*) FROM interview_digests"
    with engine.connect() as conn:
        before = conn.execute(text(count)).scalar_one()
    with server.database.shared_snapshot(2) as (first, second):
        first.execute(count)
        with engine.begin() as station:  # another station erases an interview meanwhile
            erased = "SELECT min(interview_id) FROM interview_digests"
            station.execute(text(f"DELETE FROM interviews WHERE id = ({erased})"))
        second.execute(count)
        assert first.fetchone()[0] == second.fetchone()[0] == before
    with engine.connect() as conn:
        assert conn.execute(text(count)).scalar_one() == before - 1
