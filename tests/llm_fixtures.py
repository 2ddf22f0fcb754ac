"""Fixtures for the LLM tests: a fake Ollama server and the real gemma model.

A pytest plugin module (register it in tests/conftest.py with
`pytest_plugins = ["llm_fixtures"]`). The GGUF is assembled once into pytest's cache
directory, so later runs reuse it; the model is loaded once per session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ollama_fake import FakeOllama, free_port

from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend
from exitbot_desktop.engine.llm.model_files import (
    FROM_ENV,
    ModelFile,
    assemble_packaged_model,
)


@pytest.fixture
def fake_ollama() -> Iterator[FakeOllama]:
    """A running Ollama-protocol server offering llama3.2; set `.fault` to misbehave."""
    with FakeOllama() as server:
        yield server


@pytest.fixture
def refused_host() -> str:
    """An Ollama host where nothing listens, so connecting is refused."""
    return f"127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def gemma_gguf(request: pytest.FixtureRequest) -> Path:
    """The bundled gemma-3-270m GGUF, assembled into the pytest cache once."""
    return assemble_packaged_model(request.config.cache.mkdir("exitbot-gguf"))


@pytest.fixture(scope="session")
def llama_backend(gemma_gguf: Path) -> LlamaCppBackend:
    """The real embedded backend on the gemma model, loaded and warmed up once."""
    backend = LlamaCppBackend(ModelFile(gemma_gguf, FROM_ENV))
    backend.warm_up()
    return backend
