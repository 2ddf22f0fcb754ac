"""Benchmark: how much personal data the anonymiser removes, and how many ordinary words.

Scrubs every sentence of a labelled set (`bench/data/pii_labelled.tsv`, EN and DE,
written for this bench and kept apart from the unit tests' sentences) the way quotes
and anonymised exports are scrubbed, and prints recall per kind (a marked span counts as
removed when none of its words is left), the share of ordinary words wrongly removed,
and one PASS/FAIL line per target. Exit code 1 when a target fails.

    python bench/anonymise.py [--data PATH] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from exitbot_desktop.engine.reports.anonymise import scrub  # noqa: E402

DEFAULT_DATA = REPO / "bench" / "data" / "pii_labelled.tsv"
KINDS = ("name", "email", "phone", "id", "address")
TARGETS = {"name": 0.95, "email": 1.0, "phone": 1.0}
MAX_ORDINARY_REMOVED = 0.02
_MARK = re.compile(r"\{(\w+):([^}]*)\}")
_TOKEN = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r"\[(?:name|email|phone|id|address)\]")


@dataclass(frozen=True)
class Sentence:
    language: str
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (kind, start, end) in `text`


def load(path: Path) -> list[Sentence]:
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, marked = line.split("\t", 1)
        text, spans, done = "", [], 0
        for match in _MARK.finditer(marked):
            text += marked[done : match.start()]
            spans.append((match.group(1), len(text), len(text) + len(match.group(2))))
            text += match.group(2)
            done = match.end()
        text += marked[done:]
        sentences.append(Sentence(language, text, tuple(spans)))
    return sentences


def kept_tokens(text: str, scrubbed: str) -> tuple[list[re.Match[str]], set[int]]:
    """The word tokens of `text`, and the indexes of those still in `scrubbed`."""
    before = list(_TOKEN.finditer(text))
    after = [m.group(0) for m in _TOKEN.finditer(_PLACEHOLDER.sub(" ", scrubbed))]
    matcher = SequenceMatcher(None, [m.group(0) for m in before], after, autojunk=False)
    kept = {
        block.a + offset for block in matcher.get_matching_blocks() for offset in range(block.size)
    }
    return before, kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled TSV")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong removal")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"No labelled data at {args.data}; pass --data PATH.", file=sys.stderr)
        return 2
    sentences = load(args.data)
    spans, caught = Counter[str](), Counter[str]()
    ordinary = removed = 0
    errors: list[str] = []
    for sentence in sentences:
        scrubbed = scrub(sentence.text)
        tokens, kept = kept_tokens(sentence.text, scrubbed)
        in_span: set[int] = set()
        for kind, start, end in sentence.spans:
            inside = {i for i, t in enumerate(tokens) if t.start() < end and t.end() > start}
            in_span |= inside
            spans[kind] += 1
            if inside & kept:
                errors.append(f"missed {kind} {sentence.text[start:end]!r}: {scrubbed}")
            else:
                caught[kind] += 1
        for index, token in enumerate(tokens):
            if index in in_span:
                continue
            ordinary += 1
            if index not in kept:
                removed += 1
                errors.append(f"removed {token.group(0)!r}: {scrubbed}")
    languages = Counter(s.language for s in sentences)
    print(
        f"{len(sentences)} sentences ({', '.join(f'{n} {lang}' for lang, n in languages.items())}),"
        f" {sum(spans.values())} marked spans, {ordinary} ordinary words"
    )
    print(f"\n{'kind':<10}{'spans':>7}{'removed':>9}{'recall':>8}")
    for kind in KINDS:
        recall = caught[kind] / spans[kind] if spans[kind] else 1.0
        print(f"{kind:<10}{spans[kind]:>7}{caught[kind]:>9}{recall:>8.3f}")
    share = removed / ordinary if ordinary else 0.0
    print(f"ordinary words wrongly removed: {removed}/{ordinary} = {share:.2%}")
    if args.errors:
        print("\n" + "\n".join(errors))
    passed = True
    print()
    for kind, target in TARGETS.items():
        recall = caught[kind] / spans[kind] if spans[kind] else 1.0
        ok = recall >= target
        passed &= ok
        print(f"{'PASS' if ok else 'FAIL'} {kind} recall {recall:.3f} >= {target}")
    ok = share <= MAX_ORDINARY_REMOVED
    passed &= ok
    print(f"{'PASS' if ok else 'FAIL'} ordinary words wrongly removed {share:.2%} <= 2%")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
