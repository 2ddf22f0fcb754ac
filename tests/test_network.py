"""Nothing leaves the machine except requests to the configured Ollama host.

A Python audit hook (`sys.addaudithook`, events `socket.connect` and
`socket.getaddrinfo`) records every connection and name lookup the process makes while
a whole interview runs, with its follow-ups, and HR exports it as CSV, JSON and PDF.
The test fails on any address but the configured Ollama host on 127.0.0.1. It runs with
the rules, the embedded llama-cpp model and a (protocol-compatible) Ollama server, each
with `HTTP_PROXY` and `ALL_PROXY` pointing at a listening "proxy" that must stay silent.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.interview_driver import TEXT_ANSWER, drive_interview
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend
from exitbot_desktop.engine.llm.selection import select_backend
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store.vault import Store
from tests.conftest import export_every_format
from tests.ollama_fake import FakeOllama


class _Watch:
    """What the process asked the network for while `active`."""

    def __init__(self) -> None:
        self.active = False
        self.connections: list[object] = []
        self.lookups: list[object] = []

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event == "socket.connect":
            self.connections.append(args[1])
        elif event == "socket.getaddrinfo":
            self.lookups.append(args[0])


_WATCH = _Watch()
sys.addaudithook(_WATCH.hook)  # hooks cannot be removed, so one for the whole session


@pytest.fixture
def watch() -> Iterator[_Watch]:
    _WATCH.connections.clear()
    _WATCH.lookups.clear()
    _WATCH.active = True
    try:
        yield _WATCH
    finally:
        _WATCH.active = False


@pytest.fixture
def silent_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """A listening socket named as every kind of proxy; yields the peers it accepted."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[object] = []

    def accept() -> None:
        while True:
            try:
                conn, peer = listener.accept()
            except OSError:
                return
            accepted.append(peer)
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    address = f"http://127.0.0.1:{listener.getsockname()[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, address)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    yield accepted
    listener.close()


def _foreign(addresses: list[object], allowed: set[tuple[str, int]]) -> list[object]:
    return [a for a in addresses if not (isinstance(a, tuple) and tuple(a[:2]) in allowed)]


def test_with_the_rules_nothing_connects_anywhere(
    store: Store,
    question_set: QuestionSet,
    tmp_path: Path,
    silent_proxy: list[object],
    watch: _Watch,
) -> None:
    generator = FollowupGenerator(select_backend(setting="rules"))
    asked = drive_interview(
        store, question_set, generator, meta=InterviewMeta(department="Sales")
    ).followups
    export_every_format(store, tmp_path)

    assert asked, "the interview asked no follow-up, so nothing was tried"
    assert watch.connections == [] and watch.lookups == []
    assert silent_proxy == []


def test_the_embedded_model_in_auto_mode_only_probes_the_local_ollama_port(
    store: Store,
    question_set: QuestionSet,
    tmp_path: Path,
    refused_host: str,
    gemma_gguf: Path,
    silent_proxy: list[object],
    watch: _Watch,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EXITBOT_MODEL", str(gemma_gguf))
    backend = select_backend(setting="auto", ollama_host=refused_host)
    assert isinstance(backend, LlamaCppBackend)
    generator = FollowupGenerator(backend)
    asked = drive_interview(
        store, question_set, generator, meta=InterviewMeta(department="Sales")
    ).followups
    export_every_format(store, tmp_path)

    host, port = refused_host.rsplit(":", 1)
    assert asked
    assert _foreign(watch.connections, {(host, int(port))}) == []
    assert silent_proxy == []


def test_answers_go_to_the_configured_ollama_and_never_to_a_proxy(
    store: Store,
    question_set: QuestionSet,
    tmp_path: Path,
    fake_ollama: FakeOllama,
    silent_proxy: list[object],
    watch: _Watch,
) -> None:
    backend = select_backend(setting="ollama", ollama_host=fake_ollama.host)
    generator = FollowupGenerator(backend)
    asked = drive_interview(
        store, question_set, generator, meta=InterviewMeta(department="Sales")
    ).followups
    export_every_format(store, tmp_path)

    host, port = fake_ollama.host.removeprefix("http://").rsplit(":", 1)
    assert host == "127.0.0.1"
    assert TEXT_ANSWER in json.dumps(fake_ollama.chats), "the configured Ollama never saw it"
    assert _foreign(watch.connections, {(host, int(port))}) == []
    assert len(watch.connections) >= len(asked) > 0
    assert silent_proxy == []
