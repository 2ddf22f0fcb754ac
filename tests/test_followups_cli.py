"""`followups`: what the station would ask after each answer of a file, with no database,
run as IT runs it to judge a model before switching to it."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest


def _run(tmp_path: Path, *args: str, llm: str = "rules") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "exitbot_desktop", "followups", *args],
        env={
            "PATH": "/usr/bin:/bin",
            "EXITBOT_DATA_DIR": str(tmp_path / "no-data"),
            "EXITBOT_LLM": llm,
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _answers(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("id", "question", "answer"))
        writer.writerows(rows)
    return path


def _read(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_each_row_gets_the_stations_decision_and_a_guarded_question(tmp_path: Path) -> None:
    question = "What is the main reason you are leaving?"
    source = _answers(
        tmp_path / "in.csv",
        [
            ("a", question, "The commute took two hours a day and remote work was refused."),
            ("b", question, ""),
            ("c", question, "I would rather not say."),
            ("d", question, "Some days I do not want to live any more."),
            ("=e", question, "There were no chances to grow in my role."),
        ],
    )
    out = tmp_path / "out.csv"

    done = _run(tmp_path, str(source), "--out", str(out))

    assert done.returncode == 0, done.stderr
    assert "Wrote 5 follow-up decisions" in done.stdout
    assert "Built-in questions" in done.stderr  # progress and backend go to stderr
    rows = _read(out)
    assert list(next(iter(rows.values()))) == ["id", "followup", "source", "guard_reason", "ms"]
    assert rows["a"]["source"] == "rules" and rows["a"]["followup"].endswith("?")
    assert [(rows[k]["source"], rows[k]["guard_reason"]) for k in "bcd"] == [
        ("none", "empty"),
        ("none", "refusal_or_enough"),
        ("none", "care"),
    ]
    assert "'=e" in rows  # a cell that a spreadsheet would run as a formula is neutralised
    assert all(int(row["ms"]) >= 0 for row in rows.values())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,answer\n1,Too much overtime.\n", "missing the column(s) question"),
        (None, "does not exist"),
    ],
)
def test_a_bad_input_file_is_a_sentence_and_writes_nothing(
    tmp_path: Path, content: str | None, message: str
) -> None:
    source = tmp_path / "in.csv"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"

    done = _run(tmp_path, str(source), "--out", str(out))

    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
