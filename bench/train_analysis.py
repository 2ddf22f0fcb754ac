"""Build the learned analysis model (`resources/analysis/model.json`) from labelled answers.

The one place the model is trained: the shipped file (trained on every labelled file
given) and the cross-file figures of `bench/analysis.py` (trained on one file, scored on
the other) come from the same `train` function, so what is measured is what ships.

Training is plain logistic regression (one yes/no classifier per theme, one three-way
classifier for sentiment) by full-batch gradient descent from zero with L2 weight decay:
no randomness, so the same files give the same model. The vocabulary keeps only n-grams
seen in at least two training answers, so no single answer is stored and the file stays
small.

    python bench/train_analysis.py [--data CSV ...] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from exitbot_desktop.engine.analysis.learned import (  # noqa: E402
    MODEL_FILE,
    AnalysisModel,
    LinearModel,
    features,
    is_ngram,
)
from exitbot_desktop.engine.analysis.sentiment import LABELS, sentiment_hints  # noqa: E402
from exitbot_desktop.engine.analysis.themes import THEMES, theme_hints  # noqa: E402
from exitbot_desktop.engine.language import guess_language  # noqa: E402

DATA = REPO / ".." / "shared" / "data"
DEFAULT_FILES = (DATA / "labelled_answers_dev.csv", DATA / "labelled_answers_dev2.csv")
DEFAULT_OUT = REPO / "resources" / MODEL_FILE
MIN_ANSWERS = 3  # an n-gram must occur in this many training answers to be learned
L2 = 0.001
TIED = ("lex:", "topic:")  # "the word lists found this theme", "the question is about it"
STEPS = 1500
RATE = 2.0
Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Labelled:
    """One labelled answer: what was asked and said, and the labels a person gave it."""

    id: str
    language: str
    question: str
    answer: str
    themes: frozenset[str]
    sentiment: str


def read_labelled(path: Path) -> list[Labelled]:
    """The rows of a labelled CSV (id,[language,]question,answer,themes,sentiment).

    A file without a language column gets each row's language guessed from its words,
    as `exitbot-desktop analyze-text` does.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Labelled(
            id=row["id"],
            language=row.get("language")
            or guess_language(f"{row['question']} {row['answer']}")
            or "en",
            question=row["question"],
            answer=row["answer"],
            themes=frozenset(t for t in row["themes"].split(";") if t),
            sentiment=row["sentiment"],
        )
        for row in rows
    ]


def theme_features(row: Labelled) -> dict[str, float]:
    """The themes model's input for a row, exactly as `classify_themes` builds it."""
    hints = theme_hints(row.answer, row.language, None, row.question)
    return features(row.answer, row.language, hints)


def sentiment_features(row: Labelled) -> dict[str, float]:
    """The sentiment model's input for a row, exactly as `sentiment_of_text` builds it."""
    return features(
        row.answer, row.language, sentiment_hints(row.answer, row.language, row.question)
    )


def _vocabulary(samples: Sequence[dict[str, float]]) -> list[str]:
    seen = Counter(name for sample in samples for name in sample)
    return sorted(
        name for name, count in seen.items() if count >= MIN_ANSWERS or not is_ngram(name)
    )


def _matrix(samples: Sequence[dict[str, float]], vocabulary: Sequence[str]) -> Matrix:
    index = {name: i for i, name in enumerate(vocabulary)}
    x = np.zeros((len(samples), len(vocabulary)))
    for row, sample in enumerate(samples):
        for name, value in sample.items():
            if name in index:
                x[row, index[name]] = value
    return x


def _fit(x: Matrix, tied: Matrix, y: Matrix, *, softmax: bool) -> tuple[Matrix, Matrix, Matrix]:
    """Weights, tied weights and biases minimising mean log-loss + L2/2·|w|², by gradient
    descent from zero. `tied[n, label, p]` holds the features whose weight all labels share
    (left unpenalised: a handful of numbers learned from every answer)."""
    weights = np.zeros((x.shape[1], y.shape[1]))
    shared = np.zeros(tied.shape[2])
    bias = np.zeros(y.shape[1])
    for _ in range(STEPS):
        logits = x @ weights + tied @ shared + bias
        if softmax:
            exps = np.exp(logits - logits.max(axis=1, keepdims=True))
            predicted = exps / exps.sum(axis=1, keepdims=True)
        else:
            predicted = 1 / (1 + np.exp(-np.clip(logits, -30, 30)))
        error = (predicted - y) / len(x)
        weights -= RATE * (x.T @ error + L2 * weights)
        shared -= RATE * np.einsum("nk,nkp->p", error, tied)
        bias -= RATE * error.sum(axis=0)
    return weights, shared, bias


def _linear(
    samples: Sequence[dict[str, float]],
    y: Matrix,
    labels: Sequence[str],
    *,
    softmax: bool,
    tied: Sequence[str] = (),
) -> LinearModel:
    vocabulary = _vocabulary(samples)
    tied_x = np.array(
        [
            [[sample.get(prefix + label, 0.0) for prefix in tied] for label in labels]
            for sample in samples
        ]
    ).reshape(len(samples), len(labels), len(tied))
    weights, shared, bias = _fit(_matrix(samples, vocabulary), tied_x, y, softmax=softmax)
    rows = {
        name: tuple(float(w) for w in weights[i])
        for i, name in enumerate(vocabulary)
        if np.abs(weights[i]).max() >= 1e-3
    }
    return LinearModel(
        tuple(labels),
        tuple(float(b) for b in bias),
        rows,
        {prefix: float(w) for prefix, w in zip(tied, shared, strict=True)},
    )


def train(rows: Iterable[Labelled]) -> AnalysisModel:
    """The themes and sentiment models learned from `rows`."""
    rows = list(rows)
    theme_y = np.array([[float(t in row.themes) for t in THEMES] for row in rows])
    sentiment_y = np.array([[float(row.sentiment == s) for s in LABELS] for row in rows])
    return AnalysisModel(
        themes=_linear(
            [theme_features(r) for r in rows], theme_y, THEMES, softmax=False, tied=TIED
        ),
        sentiment=_linear([sentiment_features(r) for r in rows], sentiment_y, LABELS, softmax=True),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_FILES))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.data if not path.is_file()]
    if missing:
        print(f"No labelled data at {', '.join(missing)}; pass --data CSV ...", file=sys.stderr)
        return 2
    rows = [row for path in args.data for row in read_labelled(path)]
    model = train(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    size = args.out.stat().st_size
    print(f"Trained on {len(rows)} answers; wrote {args.out} ({size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
