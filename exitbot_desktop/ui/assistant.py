"""The assistant that writes follow-up questions, chosen and loaded in the background.

Owns `Assistant`. At start-up it picks a backend (probing Ollama, finding a GGUF) and
loads the model on the model lane, so the window is usable at once; until a backend is
chosen, follow-ups come from the built-in rules. Generation runs on the model lane,
streams its tokens back as progress, and stops at once when the op is cancelled (the
employee skipped the follow-up). The status line says which backend is in use.

The follow-up machinery (generator, guard, prompts, rules) and the backends load on the
work lane with the first choice, not with this module: the window imports this module
before it first paints, and needs none of that to do so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.ui.operations import Lane, Op, OpContext

if TYPE_CHECKING:
    from exitbot_desktop.engine.followup_policy import Followup, FollowupRequest
    from exitbot_desktop.engine.llm.backend import Backend
    from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
    from exitbot_desktop.engine.llm.latency import LatencySummary


def _select(setting: str, host: str | None, model: str | None) -> Backend:
    # Imported here (see the module docstring): selection loads llama_cpp and the Ollama
    # client (httpx, pydantic).
    from exitbot_desktop.engine.llm.selection import select_backend

    return select_backend(setting=setting, ollama_host=host, ollama_model=model)


def _generator_for(backend: Backend | None) -> FollowupGenerator:
    """A generator writing with `backend`, or with the built-in rules when there is none."""
    from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
    from exitbot_desktop.engine.llm.rules import RulesBackend

    return FollowupGenerator(backend or RulesBackend())


class Assistant(QObject):
    """One follow-up generator for the whole app, shared by every interview."""

    status_changed = Signal(str)
    ready = Signal()  # the chosen backend is loaded and can write follow-ups

    def __init__(self, backend: Backend | None = None) -> None:
        super().__init__()
        self._fixed = backend
        self._built: FollowupGenerator | None = None  # see `_generator`
        self._choice: tuple[str, str | None, str | None] | None = None
        self._selection: Op[FollowupGenerator] | None = None  # the choice being made, if any
        self.status = self.tr("Loading the assistant…")

    @property
    def _generator(self) -> FollowupGenerator:
        """The chosen backend's generator; until one is chosen, built on first use."""
        if self._built is None:
            self._built = _generator_for(self._fixed)
        return self._built

    @property
    def backend(self) -> Backend:
        return self._generator.backend

    def start(
        self, setting: str = "auto", host: str | None = None, model: str | None = None
    ) -> None:
        """Choose the backend in the background (again only if the choice changed)."""
        choice = (setting, host, model)
        if choice == self._choice or (self._fixed is not None and self._choice is not None):
            return
        self._choice = choice
        if self._fixed is not None:
            self._selected(_generator_for(self._fixed))
            return
        # Only the latest choice may land: an earlier, slower probe must not win.
        if self._selection is not None:
            self._selection.cancel()
        self._selection = Op(
            lambda _ctx: _generator_for(_select(*choice)), lane=Lane.WORK, owner=self
        )
        self._selection.success(self._selected).failure(self._selection_failed)
        self._selection.run_in_background()

    def recent(self) -> tuple[str, LatencySummary | None]:
        """The backend in use and its recent timings, for the health panel (no timings
        before the first follow-up, and none for the built-in rules, which take no time)."""
        if self._built is None:
            return self.status, None
        return self._built.backend.display_name, self._built.latencies.summary()

    def begin_interview(self, language: str) -> None:
        """A new interview: the model forgets the previous person's transcript."""
        generator = self._generator
        Op(lambda _ctx: generator.begin_interview(language), lane=Lane.MODEL).run_in_background()

    def generate(self, request: FollowupRequest) -> Op[Followup | None]:
        """An op (not yet started) streaming tokens as progress and ending with the follow-up."""
        generator = self._generator

        def run(ctx: OpContext) -> Followup | None:
            return generator.generate(request, on_token=ctx.report, cancel=ctx.cancel)

        return Op(run, lane=Lane.MODEL, owner=self)

    def release(self) -> None:
        """Drop the backend (and a loaded model) when the app ends."""
        self._fixed, self._built = None, None

    def _selected(self, generator: FollowupGenerator) -> None:
        self._built = generator
        backend = generator.backend
        self._set_status(self.tr("{backend} · loading…").format(backend=backend.display_name))
        Op(lambda _ctx: backend.warm_up(), lane=Lane.MODEL, owner=self).success(
            lambda _none: self._warmed_up(backend)
        ).failure(lambda error: self._warm_up_failed(backend, error)).run_in_background()

    def _warmed_up(self, backend: Backend) -> None:
        if backend is not self.backend:
            return  # replaced by a later choice while it loaded
        self._set_status(backend.display_name)
        self.ready.emit()

    def _selection_failed(self, error: Exception) -> None:
        if not isinstance(error, ExitBotError):
            raise error
        self._built = None  # the rules, when next needed
        self._set_status(
            self.tr("Built-in questions (no AI model): {reason}").format(reason=error.user_message)
        )

    def _warm_up_failed(self, backend: Backend, error: Exception) -> None:
        if not isinstance(error, ExitBotError):
            raise error
        if backend is not self.backend:
            return  # replaced by a later choice while it loaded
        # Each follow-up falls back to the rules on its own; say so plainly.
        self._set_status(
            self.tr("{backend} is not available; using built-in questions").format(
                backend=backend.display_name
            )
        )

    def _set_status(self, text: str) -> None:
        self.status = text
        self.status_changed.emit(text)
