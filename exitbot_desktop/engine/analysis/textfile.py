"""`analyze-text`: themes and sentiment for a CSV of answers, with no database.

Owns the contract of answer files (`answer_csv`, which `followups` reads too) — in:
id,question,answer (more columns are ignored); out: id,themes (";"-joined, `THEMES`
order),sentiment — and the sentences that explain a bad input file. Rows carry no
language, so each row's language is guessed from its words. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from exitbot_desktop.engine.analysis.sentiment import sentiment_of_text
from exitbot_desktop.engine.analysis.themes import classify_themes
from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.language import guess_language
from exitbot_desktop.engine.safe_text import neutralise

REQUIRED_COLUMNS = ("id", "question", "answer")
OUTPUT_COLUMNS = ("id", "themes", "sentiment")


def analyse_rows(rows: Iterable[Mapping[str, str]]) -> Iterator[dict[str, str]]:
    """One output row per input row, lazily, so a large file never sits in memory."""
    for row in rows:
        question = row.get("question") or ""
        answer = row.get("answer") or ""
        language = guess_language(f"{question} {answer}") or "en"
        yield {
            "id": row.get("id") or "",
            "themes": ";".join(classify_themes(answer, language, question=question)),
            "sentiment": sentiment_of_text(answer, language, question=question).label,
        }


def analyse_csv(in_path: Path, out_path: Path) -> int:
    """Analyse `in_path` into `out_path` and return the number of rows written.

    The output is written to a temporary file and moved into place, so a failure never
    leaves a half-written result that looks complete.
    """
    with answer_csv(in_path) as rows:
        return write_csv(analyse_rows(rows), OUTPUT_COLUMNS, out_path)


@contextlib.contextmanager
def answer_csv(in_path: Path) -> Iterator[Iterator[dict[str, str]]]:
    """The rows of a CSV of answers (`REQUIRED_COLUMNS`, more are ignored), read lazily.

    Whatever goes wrong inside the block, reading this file or writing the result,
    leaves as a sentence that says what to do.
    """
    try:
        with in_path.open(encoding="utf-8-sig", newline="") as source:
            reader = csv.DictReader(source)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise ExitBotError(
                    f"{in_path} is missing the column(s) {', '.join(missing)}; its first line "
                    f"must name the columns {', '.join(REQUIRED_COLUMNS)}."
                )
            yield reader
    except FileNotFoundError as error:
        raise ExitBotError(f"{error.filename} does not exist; check the path.") from error
    except UnicodeDecodeError as error:
        raise ExitBotError(
            f'{in_path} is not UTF-8 text; save it as "CSV UTF-8" and try again.'
        ) from error
    except csv.Error as error:
        raise ExitBotError(
            f"{in_path} is not a readable CSV file: {csv_problem(error)}. Open it in a "
            'spreadsheet and save it again as "CSV UTF-8".'
        ) from error
    except OSError as error:
        raise ExitBotError(
            f"Cannot use {error.filename}: {error.strerror}; check the path and permissions."
        ) from error


def write_csv(rows: Iterable[dict[str, str]], columns: Sequence[str], out_path: Path) -> int:
    """Write `rows` to `out_path` all at once (a temporary file moved into place), every
    cell neutralised: the `id` column is copied from a file anyone may have written."""
    count = 0
    with atomic_text(out_path) as target:
        writer = csv.DictWriter(target, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: neutralise(value) for key, value in row.items()})
            count += 1
    return count


def csv_problem(error: csv.Error) -> str:
    """What the csv module found, in words: its field-limit message names no size unit."""
    if "field larger than field limit" in str(error):
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    return str(error)
