"""Benchmark: lexicon themes and sentiment against the labelled dev answers.

Runs the same path as `exitbot-desktop analyze-text` (`analyse_rows`) and prints themes
micro-F1 with precision and recall, a per-theme table, sentiment accuracy with its
confusion table, and one PASS/FAIL line per target. Exit code 1 when a target fails.

    python bench/analysis.py [--data PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from exitbot_desktop.engine.analysis.textfile import analyse_rows  # noqa: E402
from exitbot_desktop.engine.analysis.themes import THEMES  # noqa: E402

DEFAULT_DATA = REPO / ".." / "shared" / "data" / "labelled_answers_dev.csv"
TARGET_F1 = 0.75
TARGET_ACCURACY = 0.80
LABELS = ("positive", "neutral", "negative")


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled CSV")
    parser.add_argument("--errors", action="store_true", help="list every wrong row")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"No labelled data at {args.data}; pass --data PATH.", file=sys.stderr)
        return 2

    with args.data.open(encoding="utf-8-sig", newline="") as handle:
        gold = list(csv.DictReader(handle))
    predicted = list(analyse_rows(gold))

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for want, got in zip(gold, predicted, strict=True):
        want_themes = {t for t in want["themes"].split(";") if t}
        got_themes = {t for t in got["themes"].split(";") if t}
        for theme in THEMES:
            tp[theme] += theme in want_themes and theme in got_themes
            fp[theme] += theme not in want_themes and theme in got_themes
            fn[theme] += theme in want_themes and theme not in got_themes
        confusion[want["sentiment"], got["sentiment"]] += 1
        wrong = want_themes != got_themes or want["sentiment"] != got["sentiment"]
        if args.errors and wrong:
            print(
                f"  {want['id']}: themes {sorted(got_themes)} want {sorted(want_themes)}; "
                f"sentiment {got['sentiment']} want {want['sentiment']} | {want['answer']}"
            )

    print(f"Analysis bench on {len(gold)} answers from {args.data}")
    print(f"\n{'theme':<24}{'support':>8}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for theme in THEMES:
        precision = _ratio(tp[theme], tp[theme] + fp[theme])
        recall = _ratio(tp[theme], tp[theme] + fn[theme])
        print(
            f"{theme:<24}{tp[theme] + fn[theme]:>8}{tp[theme]:>5}{fp[theme]:>5}{fn[theme]:>5}"
            f"{precision:>7.2f}{recall:>7.2f}{_f1(precision, recall):>7.2f}"
        )
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = _ratio(all_tp, all_tp + all_fp)
    recall = _ratio(all_tp, all_tp + all_fn)
    micro_f1 = _f1(precision, recall)

    print(f"\n{'gold/predicted':<18}" + "".join(f"{label:>10}" for label in LABELS))
    for want_label in LABELS:
        cells = "".join(f"{confusion[want_label, got_label]:>10}" for got_label in LABELS)
        print(f"{want_label:<18}{cells}")
    correct = sum(confusion[label, label] for label in LABELS)
    accuracy = _ratio(correct, len(gold))

    print(f"\nthemes micro-F1 {micro_f1:.3f} (precision {precision:.3f}, recall {recall:.3f})")
    print(f"sentiment accuracy {accuracy:.3f} ({correct}/{len(gold)})")
    f1_ok = micro_f1 >= TARGET_F1
    accuracy_ok = accuracy >= TARGET_ACCURACY
    print(f"{_verdict(f1_ok)} themes micro-F1 {micro_f1:.3f} >= {TARGET_F1}")
    print(f"{_verdict(accuracy_ok)} sentiment accuracy {accuracy:.3f} >= {TARGET_ACCURACY}")
    return 0 if f1_ok and accuracy_ok else 1


if __name__ == "__main__":
    sys.exit(main())
