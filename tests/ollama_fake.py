"""A local server speaking enough of Ollama's HTTP API for the real `ollama` client.

Serves /api/tags, /api/version, /api/ps and streamed NDJSON on /api/chat from a
threaded `http.server` on 127.0.0.1 (port 0), and can misbehave on purpose in the
ways a real server does: hang (on every request, so before the first token), drop
mid-stream, answer HTTP 500, stream junk, stream very slowly, or lack the model (404).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULTS = (
    "none",
    "hang_before_first_token",
    "drop_mid_stream",
    "http_500",
    "junk",
    "slow_tokens",
)
JUNK = "<b>Thank</b> you!! As an AI model I am happy to help **always**"


@dataclass
class FakeOllama:
    """Start with `start()` (or as a context manager); `host` is what clients use."""

    models: tuple[str, ...] = ("llama3.2:latest",)
    reply: str = "What would have helped you most in that situation?"
    replies: tuple[str, ...] = ()  # when set, the reply to a chat with options.seed n is [n]
    fault: str = "none"
    token_delay_s: float = 0.0
    chats: list[dict[str, Any]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = field(default=None, init=False)
    _release: threading.Event = field(default_factory=threading.Event, init=False)

    @property
    def host(self) -> str:
        assert self._server is not None, "start() the server first"
        return f"127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeOllama:
        fake = self

        class Handler(_Handler):
            server_state = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self._release.set()  # frees handlers that hang on purpose
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeOllama:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def has_model(self, name: str) -> bool:
        return name in self.models or f"{name}:latest" in self.models


def free_port() -> int:
    """A port nothing listens on (connection refused), for the "no server" case."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: FakeOllama

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: test output stays readable."""

    def do_GET(self) -> None:
        fake = self.server_state
        if fake.fault == "hang_before_first_token":
            fake._release.wait(30)
            return
        if self.path == "/api/tags":
            models = [_model_entry(name) for name in fake.models]
            self._json(200, {"models": models})
        elif self.path == "/api/version":
            self._json(200, {"version": "0.6.0"})
        elif self.path == "/api/ps":
            self._json(200, {"models": [_model_entry(name) for name in fake.models[:1]]})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        fake = self.server_state
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if self.path != "/api/chat":
            self._json(404, {"error": "not found"})
            return
        fake.chats.append(body)
        model = body.get("model", "")
        if not fake.has_model(model):
            self._json(404, {"error": f'model "{model}" not found, try pulling it first'})
            return
        if fake.fault == "http_500":
            self._json(500, {"error": "llama runner process has terminated: exit status 2"})
            return
        if fake.fault == "hang_before_first_token":
            fake._release.wait(30)
            return
        if not body.get("messages"):  # Ollama loads the model and answers at once
            self._json(200, _chunk(model, "", done=True))
            return
        seed = int(body.get("options", {}).get("seed") or 0)
        self._stream(model, fake, fake.replies[seed % len(fake.replies)] if fake.replies else "")

    def _stream(self, model: str, fake: FakeOllama, reply: str) -> None:
        text = JUNK if fake.fault == "junk" else reply or fake.reply
        words = text.split(" ")
        pieces = [words[0]] + [" " + word for word in words[1:]]
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for index, piece in enumerate(pieces):
            if fake.fault == "drop_mid_stream" and index == 2:
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            delay = fake.token_delay_s or (0.5 if fake.fault == "slow_tokens" else 0.0)
            if delay and fake._release.wait(delay):
                return
            self._write_chunk(_chunk(model, piece, done=False))
        self._write_chunk(_chunk(model, "", done=True))
        self.wfile.write(b"0\r\n\r\n")

    def _write_chunk(self, payload: dict[str, Any]) -> None:
        line = json.dumps(payload).encode() + b"\n"
        self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
        self.wfile.flush()

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _chunk(model: str, content: str, *, done: bool) -> dict[str, Any]:
    chunk: dict[str, Any] = {
        "model": model,
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "message": {"role": "assistant", "content": content},
        "done": done,
    }
    if done:
        chunk["done_reason"] = "stop"
    return chunk


def _model_entry(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "model": name,
        "modified_at": "2025-01-01T00:00:00Z",
        "size": 2_019_393_189,
        "digest": "a80c4f17acd5" + "0" * 52,
        "details": {"format": "gguf", "family": "llama", "parameter_size": "3.2B"},
    }
