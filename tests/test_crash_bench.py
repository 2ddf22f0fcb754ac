"""The fast part of `bench/crash.py` in CI: one kill in each kind of moment, rules only."""

from __future__ import annotations

import pytest

from bench.crash import main


def test_three_interviews_killed_at_random_moments_lose_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--runs", "3", "--backend", "rules", "--seed", "3"])

    report = capsys.readouterr().out
    assert "killed during a commit / stream / analysis       1/1/1" in report
    assert "answers lost                                         0  target 0  PASS" in report
    assert report.rstrip().endswith("PASS") and code == 0, report
