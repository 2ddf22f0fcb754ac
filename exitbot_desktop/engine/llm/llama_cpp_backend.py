"""Follow-ups from a GGUF model run inside this process by llama-cpp-python.

Owns `LlamaCppBackend`. One `Llama` is loaded lazily (off the GUI thread, by whoever
calls first) and kept for the life of the app, so consecutive prompts that share a
prefix reuse its KV cache; each language's prompt opening is read once (English at
warm-up, another the first time a prompt needs it) and a copy of that cache kept
(`kv_snapshots.py`), so a change of language costs no re-reading.
A model whose GGUF carries a chat template gets chat turns rendered with that template;
a base model without one gets the few-shot completion prompt, the only form that
yields usable questions from the default gemma-3-270m. llama.cpp's own log lines go to
Python logging, never to the terminal. Never imports Qt.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import llama_cpp

from exitbot_desktop.engine.llm.backend import BackendError, GenerationOptions, Message
from exitbot_desktop.engine.llm.chat_template import chat_prompt
from exitbot_desktop.engine.llm.kv_snapshots import KvSnapshots, common_prefix
from exitbot_desktop.engine.llm.model_files import ModelFile, ensure_model
from exitbot_desktop.engine.llm.prompts import LANGUAGES, completion_prompt, opening

N_CTX = 4096
# How much a favoured word's first token is raised, in logits: on the bundled gemma
# 270M base model +3 took the share of answers with a usable sample that takes up the
# answer's words from 54% to 83% (labelled_answers_dev.csv, three samples each); more
# makes it parrot the answer.
FAVOUR_BIAS = 3.0
_MIN_FAVOURED_TOKEN = 3  # letters: a word split into fragments gets no bias on them
_MAX_THREADS = 4
_OPENING_TAIL_TOKENS = 8  # of an opening rendered alone, the "Follow-up:" that asks
_QUANT_SUFFIX = re.compile(r"[-_.](q\d\w*|iq\d\w*|f16|f32|bf16)$", re.IGNORECASE)
_llama_log = logging.getLogger("exitbot.llama_cpp")


class LlamaCppBackend:
    """The embedded model; safe to share between threads (one generation at a time)."""

    name = "llama_cpp"

    def __init__(self, model_file: ModelFile, *, n_threads: int | None = None) -> None:
        self.model_file = model_file
        self._n_threads = n_threads or physical_cores()
        self._lock = threading.Lock()
        self._llama: llama_cpp.Llama | None = None
        self._template = ""
        self._openings = KvSnapshots()
        # Prompt tokens the model had to read, all generations together: what a follow-up
        # costs beyond the cached opening (`bench/followups.py` prints it per follow-up).
        self.prompt_tokens_read = 0

    @property
    def model(self) -> str:
        return self.model_file.path.stem

    @property
    def display_name(self) -> str:
        return f"Local model: {_QUANT_SUFFIX.sub('', self.model)} (on this computer)"

    def is_available(self) -> bool:
        return self.model_file.is_present()

    def warm_up(self) -> None:
        """Load the model and read the English prompt opening, keeping its cache
        (`KvSnapshots`): a follow-up then only costs reading the answer's own part. The
        other languages' openings are kept the first time a prompt reads one."""
        with self._lock:
            llama = self._load()
            self._keep_opening(llama, self._tokens(llama, opening(LANGUAGES[0])))

    def render_prompt(self, messages: Sequence[Message]) -> str:
        """The exact text the model reads for these messages (loads the model)."""
        with self._lock:
            llama = self._load()
        return self._render(llama, messages)

    def stream_chat(
        self,
        messages: Sequence[Message],
        *,
        options: GenerationOptions,
        cancel: threading.Event,
    ) -> Iterator[str]:
        deadline = time.monotonic() + options.total_timeout_s
        # Waits while an abandoned generation finishes its current token.
        with self._lock:
            if cancel.is_set():
                return
            llama = self._load()
            tokens = self._fit(llama, messages, options.max_tokens)
            held = self._openings.restore_for(llama, tokens)
            if held < len(tokens) - 1:
                self._keep_opening(llama, tokens)  # the first prompt in this language
            self.prompt_tokens_read += max(1, len(tokens) - held)
            pieces = cast(
                "Generator[Any, None, None]",
                llama.create_completion(
                    tokens,
                    max_tokens=options.max_tokens,
                    temperature=options.temperature,
                    stop=list(options.stop),
                    seed=options.seed,
                    logit_bias=favouring(llama, options.favour) or None,
                    stream=True,
                ),
            )
            try:
                for chunk in pieces:
                    if cancel.is_set() or time.monotonic() > deadline:
                        return
                    text = chunk["choices"][0]["text"]
                    if text:
                        yield text
            finally:
                pieces.close()

    def _load(self) -> llama_cpp.Llama:
        """The loaded model; the first call unpacks and loads it (call with the lock)."""
        if self._llama is None:
            path = ensure_model(self.model_file)
            _route_llama_log()
            try:
                self._llama = llama_cpp.Llama(
                    model_path=str(path),
                    n_ctx=N_CTX,
                    n_threads=self._n_threads,
                    n_threads_batch=self._n_threads,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as error:
                raise BackendError(
                    f"The model file {path} could not be loaded; it may be damaged or not a "
                    "GGUF model. Replace it or remove it from the models folder."
                ) from error
            self._template = str(self._llama.metadata.get("tokenizer.chat_template", ""))
        return self._llama

    def _keep_opening(self, llama: llama_cpp.Llama, prompt: Sequence[int]) -> None:
        """Read the language opening `prompt` starts with and keep its cache, unless it
        is kept already."""
        for language in LANGUAGES:
            start = self._tokens(llama, opening(language))
            shared = common_prefix(start, prompt)
            # The opening ends asking for a follow-up; a prompt goes on to a question.
            if shared >= len(start) - _OPENING_TAIL_TOKENS:
                self._openings.save(llama, prompt[:shared])
                return

    def _render(self, llama: llama_cpp.Llama, messages: Sequence[Message]) -> str:
        if not self._template:
            return completion_prompt(messages)
        return chat_prompt(
            messages,
            self._template,
            bos_token=_token_text(llama, llama.token_bos()),
            eos_token=_token_text(llama, llama.token_eos()),
        )

    def _tokens(self, llama: llama_cpp.Llama, messages: Sequence[Message]) -> list[int]:
        prompt = self._render(llama, messages)
        bos = _token_text(llama, llama.token_bos())
        # A chat template writes its own BOS; role markers in it must be read as the
        # special tokens they are, while plain completion text never contains any.
        return llama.tokenize(
            prompt.encode("utf-8"),
            add_bos=not (bos and prompt.startswith(bos)),
            special=bool(self._template),
        )

    def _fit(
        self, llama: llama_cpp.Llama, messages: Sequence[Message], max_tokens: int
    ) -> list[int]:
        """Prompt tokens that leave room for the reply, dropping the oldest exchanges.

        Dropping changes the prefix once, so that turn is slower; it only happens in
        interviews far longer than the default caps allow.
        """
        kept = list(messages)
        tokens = self._tokens(llama, kept)
        while len(tokens) + max_tokens > N_CTX and len(kept) > 3:
            del kept[1]
            tokens = self._tokens(llama, kept)
        if len(tokens) + max_tokens > N_CTX:
            raise BackendError("The answer is too long for the local model to read.")
        return tokens


def favouring(llama: llama_cpp.Llama, words: Sequence[str]) -> dict[int, float]:
    """Logit biases that make the model likelier to start writing one of `words`, as
    they appear mid-sentence (after a space), in their written, lower and capitalised
    form. A first token shorter than a few letters would raise every word sharing it,
    so such a word is left alone."""
    bias: dict[int, float] = {}
    for word in words:
        for form in {word, word.lower(), word.capitalize()}:
            tokens = llama.tokenize(f" {form}".encode(), add_bos=False, special=False)
            if tokens and len(_token_text(llama, tokens[0]).strip()) >= _MIN_FAVOURED_TOKEN:
                bias[tokens[0]] = FAVOUR_BIAS
    return bias


def physical_cores() -> int:
    """Physical cores available to us, at most 4: hyper-threads only slow llama.cpp."""
    logical = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    logical = logical or os.cpu_count() or 1
    cores = _linux_physical_cores() or max(1, logical // 2)
    return max(1, min(cores, logical, _MAX_THREADS))


def _linux_physical_cores() -> int:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return 0
    pairs = set(re.findall(r"physical id\s*:\s*(\d+)[^\n]*\n(?:.*\n)*?core id\s*:\s*(\d+)", text))
    return len(pairs)


def _token_text(llama: llama_cpp.Llama, token: int) -> str:
    if token < 0:
        return ""
    return llama.detokenize([token], special=True).decode("utf-8", errors="ignore")


def _forward_log(level: int, text: bytes, user_data: Any) -> None:
    _llama_log.debug(text.decode("utf-8", errors="replace").rstrip())


# Module-level so the C callback is never garbage-collected while llama.cpp holds it.
_log_callback = llama_cpp.llama_log_callback(_forward_log)


def _route_llama_log() -> None:
    """Send llama.cpp's messages (it prints some even with verbose=False) to logging."""
    llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))
