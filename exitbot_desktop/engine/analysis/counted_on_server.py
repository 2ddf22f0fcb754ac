"""HR's figures as a database server counted them: its grouped rows read into `Counted`.

Owns `count_on_server`. The server does the counting (`store/figure_queries.py`, two
statements at once, a few thousand rows back); this reads those rows into the same
`Counted` the embedded file's Python counting fills, so `aggregates.py` makes the same
figures of either. Never imports Qt.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from itertools import repeat
from typing import TYPE_CHECKING

from exitbot_desktop.engine.analysis.counted import Counted, Group, mean, median_of
from exitbot_desktop.engine.filters import Selection

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.figure_queries import FigureRow
    from exitbot_desktop.engine.store.vault import Store


def count_on_server(
    store: Store,
    selection: Selection,
    *,
    ratings: Collection[str],
    scales: Collection[str],
    texts: Collection[str],
    fields: Sequence[str],
    size: int,
    missing: str,
) -> Counted:
    """Everything `aggregates` counts, counted by the server for `selection`."""
    rows = store.figures.rows(
        selection,
        ratings=sorted(ratings),
        scales=sorted(scales),
        texts=sorted(texts),
        fields=fields,
        missing=missing,
    )
    counted = Counted()
    lengths: defaultdict[str, Counter[float]] = defaultdict(Counter)
    groups = _Groups(size)
    for row in rows:
        kind = row.kind
        if kind == "i":
            _interviews(counted, row)
        elif kind == "c":
            _fact(counted, lengths, texts, str(row.k1), row.n)
        elif kind == "m" and row.x is not None and row.y is not None:
            counted.answers[str(row.k1)]["answered"] += row.n
            counted.median_seconds[str(row.k1)] = (row.x + row.y) / 2
        elif kind == "o":
            counted.answers[str(row.k1)][str(row.k2)] += row.n
        elif kind == "x":  # not in `text_answers`, the base of completed interviews' rates
            lengths[str(row.k1)][row.n] += 1
        else:
            groups.add(row)
    for qid, found in lengths.items():
        median = median_of(found)
        if median is not None:
            counted.median_lengths[qid] = median
    counted.groups = groups.figures(fields)
    return counted


def _interviews(counted: Counted, row: FigureRow) -> None:
    status, month, completed_in, reached = row.k1, row.k2, row.k3, row.k4
    counted.statuses[str(status)] += row.n
    if status in ("in_progress", "completed", "discarded"):
        counted.started[str(month)] += row.n
    if status == "completed":
        counted.completed[str(completed_in or month)] += row.n
    elif status in ("in_progress", "discarded") and reached:
        counted.dropped[reached] += row.n


def _fact(
    counted: Counted,
    lengths: defaultdict[str, Counter[float]],
    texts: Collection[str],
    fact: str,
    n: int,
) -> None:
    """One digest fact (`figure_queries`' tagged strings) found in `n` interviews."""
    tag, rest = fact.split("\t", 1)
    if tag == "l":
        qid, length = rest.split("\t")
        if qid in texts:
            lengths[qid][int(length)] += n
            counted.text_answers += n
    elif tag == "o":
        qid, status = rest.split("\t", 1)
        counted.answers[qid][status] += n
    elif tag == "v":
        qid, key = rest.split("\t", 1)
        counted.closed[qid][key] += n
    elif tag == "t":
        counted.themes[rest] += n
    elif tag == "f":
        counted.flags[rest] += n
    elif tag == "z":
        sentiment, sources, followups = (json.loads(part) for part in rest.split("\t"))
        for name, answers in sentiment.items():
            counted.sentiment[name] += answers * n
        for name, rows in sources.items():
            counted.provenance[name] += rows * n
        asked, answered, with_followup = followups
        counted.followups_asked += asked * n
        counted.followups_answered += answered * n
        counted.answers_with_followup += with_followup * n


class _Groups:
    """Breakdown groups as the server counted them: sizes and eNPS, people by their
    rating sum and count, themes."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.sizes: dict[tuple[str, str], tuple[int, int, int, int]] = {}
        self.ratings: defaultdict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(
            list
        )
        self.themes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)

    def add(self, row: FigureRow) -> None:
        key = (str(row.k1), str(row.k2))
        if row.kind == "g":
            self.sizes[key] = (row.n, row.n2 or 0, row.n3 or 0, row.n4 or 0)
        elif row.kind == "r" and row.x is not None and row.y:
            self.ratings[key].append((row.x, row.y, row.n))
        elif row.kind == "t":
            self.themes[key][str(row.k3)] += row.n

    def figures(self, fields: Sequence[str]) -> dict[str, dict[str, Group]]:
        out: dict[str, dict[str, Group]] = {name: {} for name in fields}
        for (name, label), (people, promoters, passives, detractors) in self.sizes.items():
            if people < self.size:
                out[name][label] = Group(people)
                continue
            key = (name, label)
            rated = (
                mean_rating
                for total, count, n in self.ratings[key]
                for mean_rating in repeat(total / count, n)
            )
            scored = promoters + passives + detractors
            top = sorted(self.themes[key].items(), key=lambda kv: (-kv[1], kv[0]))
            out[name][label] = Group(
                people,
                average_rating=mean(rated),
                enps=100.0 * (promoters - detractors) / scored if scored else None,
                top_theme=top[0][0] if top else None,
            )
        return out
