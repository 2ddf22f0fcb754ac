"""The small learned part of the analysis: linear classifiers over word and character n-grams.

The word lists know general language; a linear model trained on labelled answers learns
how people actually phrase a complaint or a topic ("I found out on LinkedIn…") and how
far to trust each word list. It reads the same answer text plus what the word lists found
(the `hints`), so with little training data it leans on the lexicon and with more it
corrects it. Owns the features and the model file's format; training lives in
`scripts/train_analysis_model.py`, which writes `resources/analysis/model.json`.

Inference is a sparse dot product in pure Python, deterministic on every machine. No
answer text is stored in the model: only n-gram strings seen in at least two training
answers. Standard library only; never imports Qt.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exitbot_desktop.engine.analysis._lexicon import normalize, words
from exitbot_desktop.paths import resources_dir

FORMAT = 1
MODEL_FILE = Path("analysis") / "model.json"
# Character n-grams cover typos ("priorites"), inflections and German compounds
# ("Aufstiegschancen"); past this many characters an answer's n-grams add nothing but time.
_CHAR_SIZES = (4,)
_MAX_CHARS = 3000
_NGRAM_PREFIXES = ("w:", "b:", "c:")


def is_ngram(name: str) -> bool:
    """Whether a feature name is one of the answer's n-grams rather than a hint."""
    return name[:2] in _NGRAM_PREFIXES


def features(text: str, language: str, hints: Mapping[str, float]) -> dict[str, float]:
    """The model's input for one answer: its n-grams plus the lexicon's `hints`.

    Each n-gram family is scaled to unit length, so a long answer does not outvote the
    hints by its number of words; hints ("lex:manager", "sent:score") pass unchanged.
    """
    tokens = words(normalize(text[:_MAX_CHARS]))
    families = {
        "w": set(tokens),
        "b": {f"{a} {b}" for a, b in itertools.pairwise(tokens)},
        "c": {
            padded[i : i + size]
            for token in tokens
            for padded in (f" {token} ",)
            for size in _CHAR_SIZES
            for i in range(len(padded) - size + 1)
        },
    }
    found: dict[str, float] = {f"lang:{language}": 1.0, **hints}
    for family, grams in families.items():
        if grams:
            scale = 1 / math.sqrt(len(grams))
            found.update((f"{family}:{gram}", scale) for gram in grams)
    return found


@dataclass(frozen=True)
class LinearModel:
    """One linear scorer per label over a shared vocabulary of feature names.

    `tied` weights are shared by every label: the feature named prefix + label counts for
    that label with the prefix's weight. "The word lists found this theme" means the same
    for every theme, so it is learned once from all of them, not ten times from a few
    answers each.
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]  # feature -> one weight per label
    tied: Mapping[str, float]  # prefix -> weight of the feature prefix + label

    def logits(self, found: Mapping[str, float]) -> dict[str, float]:
        """Each label's raw score for the features `found`; unknown features count zero."""
        totals = list(self.bias)
        for name, value in found.items():
            row = self.weights.get(name)
            if row is not None:
                for i, weight in enumerate(row):
                    totals[i] += weight * value
        for i, label in enumerate(self.labels):
            for prefix, weight in self.tied.items():
                totals[i] += weight * found.get(prefix + label, 0.0)
        return dict(zip(self.labels, totals, strict=True))

    def to_json(self) -> dict[str, Any]:
        """The model as plain data, weights rounded so the file stays small and stable."""
        return {
            "labels": list(self.labels),
            "bias": [round(b, 3) for b in self.bias],
            "tied": {prefix: round(w, 3) for prefix, w in sorted(self.tied.items())},
            "weights": {
                name: [round(w, 3) for w in row] for name, row in sorted(self.weights.items())
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        """Read what `to_json` wrote."""
        labels = tuple(str(label) for label in data["labels"])
        weights = {str(name): tuple(float(w) for w in row) for name, row in data["weights"].items()}
        if any(len(row) != len(labels) for row in weights.values()):
            raise ValueError("a weight row does not match the labels")
        tied = {str(prefix): float(w) for prefix, w in data["tied"].items()}
        return cls(labels, tuple(float(b) for b in data["bias"]), weights, tied)


@dataclass(frozen=True)
class AnalysisModel:
    """The two learned classifiers: themes (one yes/no score each) and sentiment (one of three)."""

    themes: LinearModel
    sentiment: LinearModel

    def theme_probabilities(self, found: Mapping[str, float]) -> dict[str, float]:
        """How likely each theme is, independently of the others."""
        return {
            label: 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))
            for label, logit in self.themes.logits(found).items()
        }

    def sentiment_probabilities(self, found: Mapping[str, float]) -> dict[str, float]:
        """How likely each sentiment label is; the three sum to one."""
        logits = self.sentiment.logits(found)
        top = max(logits.values())
        exps = {label: math.exp(logit - top) for label, logit in logits.items()}
        total = sum(exps.values())
        return {label: value / total for label, value in exps.items()}

    def to_json(self) -> dict[str, Any]:
        """The model file's content."""
        return {
            "format": FORMAT,
            "themes": self.themes.to_json(),
            "sentiment": self.sentiment.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AnalysisModel:
        """Read a model file's content; a file of another format is refused."""
        if data.get("format") != FORMAT:
            raise ValueError(f"model format {data.get('format')!r}, expected {FORMAT}")
        return cls(LinearModel.from_json(data["themes"]), LinearModel.from_json(data["sentiment"]))


@functools.cache
def shipped_model() -> AnalysisModel | None:
    """The model bundled with the app, read once; None when it is missing or unreadable,
    and then the word lists alone decide (the analysis never fails for want of a model)."""
    try:
        text = (resources_dir() / MODEL_FILE).read_text(encoding="utf-8")
        return AnalysisModel.from_json(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
