"""Benchmark: themes and sentiment against labelled answers, per file and cross-file.

For each labelled file, English and German apart, it prints themes micro-F1 (with
precision and recall) and sentiment accuracy for:

- the word lists alone (`lexicon_themes`, `lexicon_sentiment`);
- cross-file: the model `bench/train_analysis.py` trains on the *other* file only, with
  the word lists, scoring answers it never saw — the honest figure, and the one judged;
- the shipped model (`resources/analysis/model.json`, trained on every file), which has
  seen these answers: shown for reference, never judged.

One PASS/FAIL line per target and cross-file direction; exit code 1 when one fails.

    python bench/analysis.py [--data A.csv B.csv] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from train_analysis import DEFAULT_FILES, Labelled, read_labelled, train  # noqa: E402

from exitbot_desktop.engine.analysis.learned import AnalysisModel, shipped_model  # noqa: E402
from exitbot_desktop.engine.analysis.sentiment import (  # noqa: E402
    lexicon_sentiment,
    sentiment_of_text,
)
from exitbot_desktop.engine.analysis.themes import (  # noqa: E402
    THEMES,
    classify_themes,
    lexicon_themes,
)

TARGET_F1 = 0.80
TARGET_ACCURACY = 0.80
Predict = Callable[[Labelled], tuple[frozenset[str], str]]


@dataclass(frozen=True)
class Score:
    """Themes micro-F1 and sentiment accuracy over some answers."""

    answers: int
    precision: float
    recall: float
    f1: float
    accuracy: float

    def cells(self) -> str:
        if not self.answers:
            return f"{'-':>5}{'':>20}{'':>7}"
        return (
            f"{self.answers:>5}{self.f1:>7.3f} ({self.precision:.2f}/{self.recall:.2f})"
            f"{self.accuracy:>7.3f}"
        )


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def score(rows: Sequence[Labelled], predicted: Sequence[tuple[frozenset[str], str]]) -> Score:
    """Micro-averaged themes figures and sentiment accuracy of `predicted` against `rows`."""
    counts: Counter[str] = Counter()
    for row, (themes, sentiment) in zip(rows, predicted, strict=True):
        counts["tp"] += len(themes & row.themes)
        counts["fp"] += len(themes - row.themes)
        counts["fn"] += len(row.themes - themes)
        counts["right"] += sentiment == row.sentiment
    precision = _ratio(counts["tp"], counts["tp"] + counts["fp"])
    recall = _ratio(counts["tp"], counts["tp"] + counts["fn"])
    f1 = _ratio(2 * precision * recall, precision + recall)
    return Score(len(rows), precision, recall, f1, _ratio(counts["right"], len(rows)))


def lexicon_only(row: Labelled) -> tuple[frozenset[str], str]:
    """What the word lists alone say about a row."""
    themes = lexicon_themes(row.answer, row.language, None, row.question)
    return frozenset(themes), lexicon_sentiment(row.answer, row.language, row.question).label


def with_model(model: AnalysisModel) -> Predict:
    """What the analysis says about a row with `model` (and the word lists) deciding."""

    def predict(row: Labelled) -> tuple[frozenset[str], str]:
        themes = classify_themes(row.answer, row.language, None, row.question, model=model)
        label = sentiment_of_text(row.answer, row.language, row.question, model=model).label
        return frozenset(themes), label

    return predict


def _by_language(rows: Sequence[Labelled], predict: Predict) -> dict[str, Score]:
    predicted = [predict(row) for row in rows]
    result = {"all": score(rows, predicted)}
    for language in ("en", "de"):
        pairs = [(r, p) for r, p in zip(rows, predicted, strict=True) if r.language == language]
        result[language] = score([r for r, _ in pairs], [p for _, p in pairs])
    return result


def _print_errors(name: str, rows: Sequence[Labelled], predict: Predict) -> None:
    print(f"\nWrong rows, {name}:")
    for row in rows:
        themes, sentiment = predict(row)
        if themes != row.themes or sentiment != row.sentiment:
            print(
                f"  {row.id}: themes {sorted(themes)} want {sorted(row.themes)}; "
                f"sentiment {sentiment} want {row.sentiment} | {row.answer}"
            )


def per_theme(rows: Sequence[Labelled], predict: Predict) -> None:
    """Precision, recall and F1 per theme: where the errors are."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for row in rows:
        themes, _ = predict(row)
        for theme in THEMES:
            tp[theme] += theme in themes and theme in row.themes
            fp[theme] += theme in themes and theme not in row.themes
            fn[theme] += theme not in themes and theme in row.themes
    print(f"  {'theme':<24}{'support':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    for theme in THEMES:
        support = tp[theme] + fn[theme]
        print(f"  {theme:<24}{support:>8}{tp[theme]:>5}{fp[theme]:>5}{fn[theme]:>5}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs=2, default=list(DEFAULT_FILES))
    parser.add_argument("--errors", action="store_true", help="list every wrong cross-file row")
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.data if not path.is_file()]
    if missing:
        print(f"No labelled data at {', '.join(missing)}; pass --data A.csv B.csv", file=sys.stderr)
        return 2

    files = {path.stem: read_labelled(path) for path in args.data}
    names = list(files)
    shipped = shipped_model()
    verdicts: list[tuple[bool, str]] = []
    header = f"{'':<58}{'n':>5}{'themes F1 (P/R)':>27}{'sent.':>7}"
    for target, source in ((names[1], names[0]), (names[0], names[1])):
        rows = files[target]
        cross = with_model(train(files[source]))
        runs: list[tuple[str, Predict]] = [
            ("word lists alone", lexicon_only),
            (f"cross-file: model trained on {source} only", cross),
        ]
        if shipped is not None:
            runs.append(("shipped model (has seen these answers)", with_model(shipped)))
        print(f"\n{target}: {len(rows)} answers\n{header}")
        for name, predict in runs:
            for language, figures in _by_language(rows, predict).items():
                label = name if language == "all" else f"  {language.upper()}"
                print(f"{label:<58}{figures.cells()}")
        print(f"per theme, cross-file (trained on {source}):")
        per_theme(rows, cross)
        if args.errors:
            _print_errors(f"{target}, model trained on {source}", rows, cross)
        overall = _by_language(rows, cross)["all"]
        direction = f"trained on {source}, scored on {target}"
        verdicts.append(
            (overall.f1 >= TARGET_F1, f"themes micro-F1 {overall.f1:.3f} >= {TARGET_F1}")
        )
        verdicts[-1] = (verdicts[-1][0], f"{verdicts[-1][1]} ({direction})")
        verdicts.append(
            (
                overall.accuracy >= TARGET_ACCURACY,
                f"sentiment accuracy {overall.accuracy:.3f} >= {TARGET_ACCURACY} ({direction})",
            )
        )
    print()
    for ok, line in verdicts:
        print(f"{'PASS' if ok else 'FAIL'} {line}")
    return 0 if all(ok for ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
