"""Follow-ups from a model served by a local Ollama, through the official client.

Owns `OllamaBackend`. Every request has an explicit timeout (the client's default is
to wait forever), the model is kept loaded between questions with `keep_alive`, and
the transport errors that `stream=True` lets through raw on the first iteration are
turned into `BackendError` sentences. Never imports Qt.

The client talks to the configured host and nowhere else: it ignores the environment's
proxy, certificate and netrc settings (`trust_env=False`), so an `HTTP_PROXY` set for
other programs never receives an employee's answers, and it follows no redirect to
another address.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

import httpx
import ollama

from exitbot_desktop.engine.llm.backend import BackendError, GenerationOptions, Message

DEFAULT_HOST = "127.0.0.1:11434"
DEFAULT_MODEL = "llama3.2"
_PROBE_TIMEOUT_S = 1.0


def _client(host: str, timeout: float | httpx.Timeout) -> ollama.Client:
    return ollama.Client(host, timeout=timeout, trust_env=False, follow_redirects=False)


class OllamaBackend:
    """One model on one Ollama server; host and model are fixed for the backend's life."""

    name = "ollama"

    def __init__(
        self, host: str | None = None, model: str | None = None, *, keep_alive: str = "30m"
    ) -> None:
        self.host = host or os.environ.get("OLLAMA_HOST") or DEFAULT_HOST
        try:
            _host_and_port(self.host)
        except ValueError:
            raise BackendError(
                f"The Ollama address '{self.host}' is not valid. Write it like "
                "127.0.0.1:11434 or http://ollama.example:11434."
            ) from None
        self._model = model or os.environ.get("EXITBOT_OLLAMA_MODEL") or DEFAULT_MODEL
        self._keep_alive = keep_alive

    @property
    def model(self) -> str:
        return self._model

    @property
    def display_name(self) -> str:
        return f"Ollama: {self._model} at {_host_and_port(self.host)}"

    def is_available(self) -> bool:
        """The server answers within a second and has the model pulled."""
        try:
            with _client(self.host, _PROBE_TIMEOUT_S) as client:
                names = [entry.model or "" for entry in client.list().models]
        except (httpx.HTTPError, ollama.ResponseError, ConnectionError, ValueError):
            return False
        return any(_same_model(name, self._model) for name in names)

    def warm_up(self) -> None:
        """An empty chat makes Ollama load the model and keep it for `keep_alive`."""
        try:
            with _client(self.host, httpx.Timeout(60.0, connect=1.0)) as client:
                client.chat(self._model, messages=[], keep_alive=self._keep_alive)
        except (httpx.HTTPError, ollama.ResponseError, ConnectionError) as error:
            raise _explain(error, self) from error

    def stream_chat(
        self,
        messages: Sequence[Message],
        *,
        options: GenerationOptions,
        cancel: threading.Event,
    ) -> Iterator[str]:
        # read= is the longest silence between two chunks: before the first token it is
        # the first-token timeout, later it catches a server that stops mid-stream.
        timeout = httpx.Timeout(
            options.first_token_timeout_s, connect=min(_PROBE_TIMEOUT_S * 2, 2.0)
        )
        deadline = time.monotonic() + options.total_timeout_s
        with _client(self.host, timeout) as client:
            try:
                stream = client.chat(
                    self._model,
                    messages=[{"role": m.role, "content": m.content} for m in messages],
                    stream=True,
                    keep_alive=self._keep_alive,
                    options={
                        "num_predict": options.max_tokens,
                        "temperature": options.temperature,
                        "stop": list(options.stop),
                        **({} if options.seed is None else {"seed": options.seed}),
                    },
                )
                for part in stream:
                    if cancel.is_set() or time.monotonic() > deadline:
                        return
                    text = part.message.content or ""
                    if text:
                        yield text
                    if part.done:
                        return
            except (httpx.HTTPError, ollama.ResponseError, ConnectionError, ValueError) as error:
                raise _explain(error, self) from error


def _explain(error: Exception, backend: OllamaBackend) -> BackendError:
    """A sentence for each way talking to Ollama fails."""
    where = _host_and_port(backend.host)
    if isinstance(error, ollama.ResponseError) and error.status_code == 404:
        return BackendError(
            f"Ollama at {where} does not have the model {backend.model}. "
            f"Run `ollama pull {backend.model}` on that computer."
        )
    if isinstance(error, ollama.ResponseError):
        return BackendError(f"Ollama at {where} reported an error: {error.error}")
    if isinstance(error, httpx.ConnectError | ConnectionError):
        return BackendError(f"Ollama is not running at {where}. Start Ollama and try again.")
    if isinstance(error, httpx.TimeoutException):
        return BackendError(f"Ollama at {where} took too long to answer.")
    if isinstance(error, ValueError):  # a line of the stream was not JSON
        return BackendError(f"Ollama at {where} sent a reply that could not be read.")
    return BackendError(f"The connection to Ollama at {where} broke off ({error}).")


def _same_model(listed: str, wanted: str) -> bool:
    """ "llama3.2" means "llama3.2:latest", as it does on Ollama's command line."""
    return listed == wanted or (":" not in wanted and listed == f"{wanted}:latest")


def _host_and_port(host: str) -> str:
    parts = urlsplit(host if "://" in host else f"http://{host}")
    port = parts.port or (11434 if "://" not in host else None)
    hostname = parts.hostname or "127.0.0.1"
    return f"{hostname}:{port}" if port else hostname
