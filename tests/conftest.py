"""Shared fixtures: real encrypted databases in tmp_path, the default question set (and,
through `postgres_server`, a real PostgreSQL server).

Qt runs offscreen so the suite needs no display. Fixtures build real things; the only
concession to speed is the fast Argon2 setting for key wrapping (one test checks the
production parameters).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from exitbot_desktop.engine.interview import Answered, InterviewSession, Outcome
from exitbot_desktop.engine.questions import QuestionSet, load_builtin
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

pytest_plugins = ["llm_fixtures", "postgres_server", "ui_fixtures"]

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real per-user data folder or a real Ollama."""
    monkeypatch.setenv("EXITBOT_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))
    for name in (
        "EXITBOT_HR_PASSWORD",
        "EXITBOT_HR_USER",
        "EXITBOT_SERVER_PASSWORD",
        "EXITBOT_NEW_PASSWORD",
        "EXITBOT_RECOVERY_KEY",
        "OLLAMA_HOST",
        "EXITBOT_LLM",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


# Where a test marked `every_store` runs, once each: the embedded SQLCipher file as it
# ships, and a real PostgreSQL server (tests/postgres_server.py), which holds the answers
# sealed (`engine/store/sealing.py`).
STORE_KINDS = ("embedded", "server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "created" in metafunc.fixturenames and metafunc.definition.get_closest_marker("every_store"):
        metafunc.parametrize("created", STORE_KINDS, indirect=True)


@pytest.fixture
def created(
    folder: DataFolder, request: pytest.FixtureRequest
) -> Iterator[tuple[vault.Store, str]]:
    """A fresh encrypted database with HR account 'alice'; yields (store, recovery key)."""
    if getattr(request, "param", "embedded") == "server":
        store, recovery_key = request.getfixturevalue("store_on_server")(
            folder, organisation="Acme GmbH", user="alice", password=PASSWORD
        )
    else:
        store, recovery_key = vault.create(
            folder, organisation="Acme GmbH", user="alice", password=PASSWORD, kdf=FAST_KDF
        )
    yield store, recovery_key
    store.close()


@pytest.fixture
def store(created: tuple[vault.Store, str]) -> vault.Store:
    return created[0]


@pytest.fixture(scope="session")
def question_set() -> QuestionSet:
    return load_builtin()


def answer_and_go_on(session: InterviewSession, value: object) -> Outcome:
    """Answer the current question and move on, past any follow-up or support message
    (the employee pressing Next twice); returns the outcome of the answer itself."""
    question = session.current().question
    outcome = session.respond(Answered(value))
    if outcome.step.question == question:
        session.go_on()
    return outcome


def forge_key_file(folder: DataFolder, edit: Callable[[dict[str, Any]], None]) -> None:
    """Edit the key file as an attacker would: change it, then recompute its checksum."""
    document = json.loads(folder.key_path.read_text())
    document.pop("checksum")
    edit(document)
    body = json.dumps(document, sort_keys=True, separators=(",", ":"))
    document["checksum"] = hashlib.sha256(body.encode()).hexdigest()
    folder.key_path.write_text(json.dumps(document))


def model_wrote_two_followups_and_the_guard_stood_in_once(store: vault.Store) -> None:
    """Of the follow-ups `bench.synthetic.populate` made (all by the rules), mark two as
    written by the embedded model and one of the rest as the guard's stand-in."""
    with store.database.connection() as conn:
        conn.exec_driver_sql(
            "UPDATE answers SET followup_source = 'llama_cpp' WHERE id IN "
            "(SELECT id FROM answers WHERE is_followup LIMIT 2)"
        )
        conn.exec_driver_sql(
            "UPDATE answers SET guard_reason = 'repeats_question' WHERE id IN "
            "(SELECT id FROM answers WHERE is_followup AND followup_source = 'rules' LIMIT 1)"
        )


def export_every_format(store: vault.Store, folder: Path) -> None:
    """Every interview as HR exports them: all.csv, all.json and all.pdf in `folder`."""
    from exitbot_desktop.engine.filters import Filters, Selection
    from exitbot_desktop.engine.reports.export_csv_json import ExportOptions
    from exitbot_desktop.engine.reports.exports import ExportRequest, export

    for fmt in ("csv", "json", "pdf"):
        request = ExportRequest(
            format=fmt,
            path=folder / f"all.{fmt}",
            selection=Selection(Filters()),
            options=ExportOptions(),
            pdf_password=None,
        )
        export(store, request)
