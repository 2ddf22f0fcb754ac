"""Saved KV caches of the prompt openings, so a change of language costs no re-reading.

Owns `KvSnapshots`. llama.cpp keeps one cache per context, and llama-cpp-python reuses
it only for the longest prefix a new prompt shares with the previous one. Every
prompt in one language opens with the same instruction and standing examples
(`prompts.opening`), several hundred tokens that cost seconds to read on a busy
2-core machine; an English answer after a German one would read them again. This
keeps a copy of the cache after each opening and puts it back when a prompt starts
with that opening and the live cache shares less of it.

`Llama.save_state` is not used: it also copies one row of logits per token (a
megabyte each for gemma's 262k-word vocabulary, hundreds of megabytes for an opening)
and fails for more tokens than a batch holds. Only the context's own state (the KV
cache) and the token list are kept here. Never imports Qt.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass

import llama_cpp


@dataclass(frozen=True)
class _Snapshot:
    tokens: tuple[int, ...]
    state: bytes


class KvSnapshots:
    """Saved caches for a few prompt openings of one `Llama`; use under its lock."""

    def __init__(self) -> None:
        self._saved: list[_Snapshot] = []

    def save(self, llama: llama_cpp.Llama, tokens: Sequence[int]) -> None:
        """Read `tokens` into the cache (only what is not there yet) and keep a copy,
        unless one is kept already."""
        prefix = list(tokens)
        if any(snapshot.tokens == tuple(prefix) for snapshot in self._saved):
            return
        shared = common_prefix(_live(llama), prefix)
        if shared < len(prefix):
            llama.n_tokens = shared
            llama.eval(prefix[shared:])
        size = llama_cpp.llama_state_get_size(llama.ctx)
        buffer = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_get_data(llama.ctx, buffer, size)
        self._saved.append(_Snapshot(tuple(prefix), ctypes.string_at(buffer, written)))

    def restore_for(self, llama: llama_cpp.Llama, prompt: Sequence[int]) -> int:
        """Put back the saved cache that shares the most with `prompt` if the live cache
        shares less; the number of the prompt's leading tokens the cache then holds.
        llama-cpp-python reads only the rest (it drops what of the cache the prompt does
        not continue)."""
        live = common_prefix(_live(llama), prompt)
        best = max(self._saved, key=lambda s: common_prefix(s.tokens, prompt), default=None)
        if best is None or common_prefix(best.tokens, prompt) <= live:
            return live
        state = (ctypes.c_uint8 * len(best.state)).from_buffer_copy(best.state)
        llama_cpp.llama_state_set_data(llama.ctx, state, len(best.state))
        llama.input_ids[: len(best.tokens)] = best.tokens
        llama.n_tokens = len(best.tokens)
        return common_prefix(best.tokens, prompt)


def _live(llama: llama_cpp.Llama) -> list[int]:
    """The tokens the live cache holds."""
    return list(llama.input_ids[: llama.n_tokens].tolist())


def common_prefix(first: Sequence[int], second: Sequence[int]) -> int:
    """How many leading tokens the two sequences share."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count
