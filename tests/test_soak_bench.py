"""The fast part of `bench/soak.py` in CI: eight interviews in one process, rules only."""

from __future__ import annotations

import pytest

from bench.soak import main


def test_eight_interviews_in_one_process_leak_no_handles_threads_or_memory(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--interviews", "8", "--backend", "rules"])

    report = capsys.readouterr().out
    assert "8 interviews in one process" in report
    assert report.rstrip().endswith("PASS") and code == 0, report
