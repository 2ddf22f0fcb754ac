"""The fast part of `bench/soak.py` in CI: eight interviews in one process, rules only."""

from __future__ import annotations

import re

import pytest

from bench.soak import main


def test_eight_interviews_in_one_process_leak_no_handles_threads_or_memory(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--interviews", "8", "--backend", "rules"])

    report = capsys.readouterr().out
    assert "8 interviews in one process" in report
    wrote = re.search(r"follow-ups the backend wrote itself +(\d+) of (\d+) +PASS", report)
    assert wrote and int(wrote[1]) == int(wrote[2]) > 0, report  # the rules write them all
    assert report.rstrip().endswith("PASS") and code == 0, report
