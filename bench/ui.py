"""GUI responsiveness and start-up: the figures behind "the window never freezes".

Usage: QT_QPA_PLATFORM=offscreen python bench/ui.py [--runs 5]

Prints, each with PASS/FAIL against its target:
- launch to an interactive window of the real app (`exitbot-desktop` in a fresh
  process), against a bare PySide6 window process (QApplication and one shown label)
  measured in the same run as the anchor, alternating the two: medians of each and their
  ratio, target ≤ 2×. The model is chosen and loaded in the background; when it became
  ready is shown for information
- the longest GUI event-loop stall while follow-ups stream from the local llama-cpp
  model (ms), target ≤ 50 ms
- the longest stall while every answer of an interview is saved (ms), target ≤ 50 ms
Exit code 1 when any figure fails. Everything runs on a fresh encrypted database in a
temporary folder; the GGUF comes from the usual search (EXITBOT_MODEL, models/, the
bundled package, assembled once into the data folder).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from exitbot_desktop.engine.llm.backend import Backend
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF
from exitbot_desktop.ui.app import create_app
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.main_window import MainWindow
from exitbot_desktop.ui.stall import StallMeter

LAUNCH_RATIO_LIMIT = 2.0
STALL_LIMIT_MS = 50.0
PASSWORD = "correct horse battery staple"

# The real entry point (`exitbot-desktop --data-dir DIR`). The window class is wrapped
# only to say when its first event-loop turn after `show()` came, and when the model
# was ready; the app then quits as if the window were closed.
_APP = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from exitbot_desktop import cli
    from exitbot_desktop.ui import app as gui

    class TimedWindow(gui.MainWindow):
        def show(self):
            super().show()
            shown = time.monotonic()
            QTimer.singleShot(0, lambda: print("INTERACTIVE", flush=True))

            def ready():
                status = self.assistant.status
                print(f"READY {time.monotonic() - shown:.2f} {status}", flush=True)
                QApplication.quit()

            self.assistant.ready.connect(ready)
            QTimer.singleShot(120_000, QApplication.quit)

    gui.MainWindow = TimedWindow
    sys.exit(cli.main(["--data-dir", sys.argv[1]]))
    """
)

# The anchor: the least any PySide6 window process takes on this machine.
_BARE = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("ExitBot")
    label.show()

    def interactive():
        print("INTERACTIVE", flush=True)
        app.quit()

    QTimer.singleShot(0, interactive)
    app.exec()
    """
)


# An installed app runs from compiled bytecode (pip and PyInstaller write it); a source
# checkout gets it on the first, unmeasured launch, unless this is switched off.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Launches:
    """Seconds from starting Python to the first event-loop turn with the window shown."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.ready: list[tuple[float, str]] = []  # (s after the window, status line)
        self.errors = ""

    def launch(self, script: str) -> None:
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile("w+") as stderr:
            started = time.monotonic()
            interactive = False
            with subprocess.Popen(
                [sys.executable, "-c", script, str(Path(tmp) / "data")],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env=_ENV,
            ) as child:
                assert child.stdout is not None
                for line in child.stdout:
                    if line.startswith("INTERACTIVE"):
                        self.times.append(time.monotonic() - started)
                        interactive = True
                    elif line.startswith("READY"):
                        _, seconds, status = line.rstrip("\n").split(" ", 2)
                        self.ready.append((float(seconds), status))
                child.wait(150)
            if not interactive:
                stderr.seek(0)
                self.errors += stderr.read() or f"(exit status {child.returncode}, no output)\n"


def launch_figures(runs: int) -> tuple[Launches, Launches]:
    """The app and the bare window, alternating, so both see the same machine load.

    One launch of each comes first and is not counted: it writes the bytecode and brings
    the files into the page cache, as any earlier start of the app would have.
    """
    Launches().launch(_APP)
    Launches().launch(_BARE)
    app, bare = Launches(), Launches()
    for _ in range(runs):
        app.launch(_APP)
        bare.launch(_BARE)
    return app, bare


def _seconds(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def _wait(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.002)


class Interview:
    """Drives one whole interview and times the event loop while it works."""

    def __init__(self, backend: Backend) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        folder = DataFolder(Path(self.tmp.name) / "data")
        store, _key = vault.create(
            folder, organisation="Bench", user="hr", password=PASSWORD, kdf=FAST_KDF
        )
        store.close()
        _app, translations = create_app([])
        self.assistant = Assistant(backend)
        self.window = MainWindow(folder, translations, assistant=self.assistant, kdf=FAST_KDF)
        self.window.resize(1280, 800)
        self.window.show()
        self.model_ready = False
        self.assistant.ready.connect(self._ready)
        self.assistant.start()
        self.streaming = StallMeter()
        self.saving = StallMeter()
        self.streaming_worst = 0.0
        self.saving_worst = 0.0
        self.followups: list[tuple[float, float]] = []  # (first token s, total s)

    def _ready(self) -> None:
        self.model_ready = True

    def run(self) -> None:
        w = self.window
        w.unlock_page.password.setText(PASSWORD)
        w.unlock_page.unlock_button.click()
        _wait(lambda: w.stack.currentWidget() is w.home_page)
        w.workspace.start_button.click()
        _wait(lambda: w.stack.currentWidget() is w.arm_page)
        w.arm_page.leaving_type.setCurrentIndex(1)  # voluntary: one more free-text question
        w.arm_page.hand_over_button.click()
        employee = w.employee
        _wait(lambda: employee.stack.currentWidget() is employee.welcome)
        employee.welcome.start_button.click()
        page = employee.question
        _wait(lambda: page._step is not None and not employee.controller.busy)
        answers = iter(
            (
                "My manager never had time for one-to-ones and the workload kept growing.",
                "There was no clear path to a senior role, so I stopped learning.",
                "Plan projects earlier and stop changing priorities every week.",
                "The team was great, but meetings took most of the day.",
                "Thank you for the years here; I learned a lot from my colleagues.",
            )
        )
        while employee.stack.currentWidget() is page:
            step = page._step
            assert step is not None and step.question is not None and page.input is not None
            if step.question.type == "text":
                page.input.set_value(next(answers, "Nothing to add."))
                self._stream_followup()
                continue
            if step.question.choices:
                first = step.question.choices[0].id
                multiple = step.question.type == "multiple_choice"
                page.input.set_value([first] if multiple else first)
            else:
                page.input.set_value(True if step.question.type == "yes_no" else 4)
            self._save()
        self.saving.start()
        employee.review.submit_button.click()
        _wait(lambda: employee.stack.currentWidget() is employee.thanks)
        self.saving_worst = max(self.saving_worst, self.saving.stop())

    def _save(self) -> None:
        employee = self.window.employee
        page = employee.question
        before = page._step
        self.saving.start()
        page.next_button.click()
        _wait(
            lambda: (
                not employee.controller.busy
                and (page._step is not before or employee.stack.currentWidget() is not page)
            )
        )
        self.saving_worst = max(self.saving_worst, self.saving.stop())

    def _stream_followup(self) -> None:
        employee = self.window.employee
        page = employee.question
        before = page._step
        first_token: list[float] = []
        started = time.monotonic()

        def token(_text: str) -> None:
            if not first_token:
                first_token.append(time.monotonic() - started)

        employee.controller.followup_token.connect(token)
        self.streaming.start()
        page.next_button.click()
        _wait(
            lambda: (
                not employee.controller.busy
                and (page._step is not before or employee.stack.currentWidget() is not page)
                and not (page.followups.active and page.followups.followup_id is None)
            )
        )
        self.streaming_worst = max(self.streaming_worst, self.streaming.stop())
        employee.controller.followup_token.disconnect(token)
        if page.followups.followup_id is not None:
            self.followups.append(
                (first_token[0] if first_token else float("nan"), time.monotonic() - started)
            )
            page.followups.reply.set_value("Yes, that is a fair summary.")
            self._save()

    def sources(self) -> list[str]:
        session = self.window.employee.controller.session
        assert session is not None and self.window.store is not None
        record = self.window.store.interviews.load(session.id)
        return [a.followup_source or "" for a in record.answers if a.is_followup]

    def close(self) -> None:
        self.window.shutdown()
        self.assistant.release()
        self.tmp.cleanup()


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each to measure")
    args = parser.parse_args()
    failures = 0

    app, bare = launch_figures(args.runs)
    if len(app.times) < args.runs or len(bare.times) < args.runs:
        failures += 1
        print(
            f"launch to interactive window: app {len(app.times)} and bare window "
            f"{len(bare.times)} of {args.runs} runs got there  FAIL"
        )
        print(textwrap.indent((app.errors + bare.errors).rstrip(), "  "))
    else:
        app_s, bare_s = statistics.median(app.times), statistics.median(bare.times)
        ratio = app_s / bare_s
        ok = ratio <= LAUNCH_RATIO_LIMIT
        failures += not ok
        print(
            f"launch to interactive window: app {app_s:.2f} s, bare PySide6 window "
            f"{bare_s:.2f} s (medians), ratio {ratio:.2f} target <= {LAUNCH_RATIO_LIMIT:.0f}  "
            f"{_verdict(ok)}"
        )
        print(f"  app runs: {_seconds(app.times)} s; bare window runs: {_seconds(bare.times)} s")
        if app.ready:
            seconds = statistics.median(s for s, _status in app.ready)
            print(
                f"  model ready in the background: {seconds:.2f} s after the window "
                f"(median of {len(app.ready)}; {app.ready[-1][1]})"
            )
        else:
            print("  model ready in the background: not within 2 minutes")

    from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend
    from exitbot_desktop.engine.llm.model_files import locate_model

    model = locate_model()
    if model is None:
        print("stall while streaming from llama-cpp: no GGUF model found  FAIL")
        failures += 1
    else:
        bench = Interview(LlamaCppBackend(model))
        try:
            _wait(lambda: bench.model_ready, timeout=600)
            bench.run()
            ok = bench.streaming_worst <= STALL_LIMIT_MS
            failures += not ok
            print(
                f"longest stall while follow-ups stream from llama-cpp: "
                f"{bench.streaming_worst:.1f} ms target <= {STALL_LIMIT_MS:.0f} ms  {_verdict(ok)}"
            )
            for first, total in bench.followups:
                print(f"  follow-up: first token {first:.2f} s, recorded after {total:.2f} s")
            print(f"  follow-up sources: {', '.join(bench.sources()) or 'none'}")
        finally:
            bench.close()

    bench = Interview(RulesBackend())
    try:
        bench.run()
        ok = bench.saving_worst <= STALL_LIMIT_MS
        failures += not ok
        print(
            f"longest stall while answers save: {bench.saving_worst:.1f} ms "
            f"target <= {STALL_LIMIT_MS:.0f} ms  {_verdict(ok)}"
        )
    finally:
        bench.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
