"""Coarsening the metadata of an anonymised export until no combination of it describes
fewer than `min_group_size` interviews (k-anonymity).

Owns `k_anonymise` and `Coarsening`. The fields that, together, could single a leaver
out are `QUASI_IDENTIFIERS`: department, role, location, tenure band, leaving type, the
months started and submitted, and the language. Interviews already in a group of at
least k keep every detail. The others climb a fixed ladder, one step at a time, and
leave it as soon as they form groups of k with others on the same step: role withheld,
months as quarters, location withheld, tenure withheld, months as years, language
withheld, leaving type withheld, department withheld, months withheld. Whoever is still
alone at the top is joined by a few interviews from a group that can spare them, or
else by the smallest groups, and they all show nothing but their answers. Only
interviews that need it lose detail (local recoding), so one lone `Sales` interview
does not blank the department of a thousand others. A withheld field reads the same
whether it was recorded or not, so "not recorded" cannot single anyone out either.
The order of the ladder keeps what HR reads most (department, month, leaving type)
longest and gives up first what points at one person most (a role, a site). Never
imports Qt.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

WITHHELD = "(withheld)"
QUASI_IDENTIFIERS = (
    "department",
    "role",
    "location",
    "tenure_band",
    "leaving_type",
    "started",
    "submitted",
    "language",
)
_MONTHS = ("started", "submitted")

Row = MutableMapping[str, Any]


def _withhold(*names: str) -> Callable[[Row], None]:
    def step(row: Row) -> None:
        for name in names:
            row[name] = WITHHELD

    return step


def _months_as(shape: Callable[[str], str]) -> Callable[[Row], None]:
    def step(row: Row) -> None:
        for name in _MONTHS:
            value = row.get(name)
            if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
                row[name] = shape(value)

    return step


def _quarter(month: str) -> str:
    if "Q" in month:
        return month
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


# (what a note says about the interviews that reached this step, the step)
_LADDER: tuple[tuple[str, Callable[[Row], None]], ...] = (
    ("role withheld", _withhold("role")),
    ("months shown as quarters", _months_as(_quarter)),
    ("location withheld", _withhold("location")),
    ("tenure withheld", _withhold("tenure_band")),
    ("months shown as years", _months_as(lambda month: month[:4])),
    ("language withheld", _withhold("language")),
    ("leaving type withheld", _withhold("leaving_type")),
    ("department withheld", _withhold("department")),
    ("months withheld", _withhold(*_MONTHS)),
)


@dataclass(frozen=True)
class Coarsening:
    """What `k_anonymise` did, for the note an export carries."""

    min_group_size: int
    interviews: int
    reached: tuple[int, ...]  # per ladder step: how many interviews it was applied to

    def note(self) -> str:
        """One sentence on what the export guarantees and what it coarsened."""
        k = self.min_group_size
        said = (
            f"Anonymised export: names, e-mail addresses, phone numbers, addresses and "
            f"reference numbers in the text are replaced; interview ids are random for this "
            f"file; no combination of department, role, location, tenure, leaving type, "
            f"month and language describes fewer than {k} interviews"
        )
        if self.interviews < k:
            return (
                f"{said}: this file holds only {self.interviews} interview(s), fewer than "
                f"{k}, so all of that is withheld."
            )
        changes = [
            f"{step}: {count}"
            for (step, _), count in zip(_LADDER, self.reached, strict=True)
            if count
        ]
        if not changes:
            return f"{said}; nothing had to be coarsened."
        return f"{said}; to keep it so, for how many interviews: " + "; ".join(changes) + "."


def k_anonymise(rows: list[Row], min_group_size: int) -> Coarsening:
    """Coarsen `rows` (changed in place) until every combination of their
    `QUASI_IDENTIFIERS` is shared by at least `min_group_size` rows."""
    k = max(1, min_group_size)
    level = [0] * len(rows)  # how many ladder steps each row has climbed
    pending = list(range(len(rows)))
    top = len(_LADDER)
    for step in range(top + 1):
        if step:
            for index in pending:
                _LADDER[step - 1][1](rows[index])
                level[index] = step
        groups = _groups(rows, pending)
        pending = [i for members in groups.values() if len(members) < k for i in members]
        if not pending:
            break
    if pending:  # alone even with everything withheld: join the smallest groups
        _fill_top(rows, level, pending, k)
    reached = tuple(sum(1 for lv in level if lv > step) for step in range(top))
    return Coarsening(k, len(rows), reached)


def _fill_top(rows: list[Row], level: list[int], pending: list[int], k: int) -> None:
    """Bring the group at the top of the ladder up to `k` with interviews from below:
    a few from a group large enough to spare them, else whole groups, smallest first."""
    top = len(_LADDER)
    below = _groups(rows, [i for i in range(len(rows)) if level[i] < top])
    needed = k - len(pending)
    groups = sorted(below.values(), key=len)
    spare = next((g for g in groups if len(g) - needed >= k), None)
    moved = spare[-needed:] if spare is not None else []
    for members in [] if spare is not None else groups:
        if len(moved) >= needed:
            break
        moved += members
    for index in moved:
        for _, step in _LADDER[level[index] :]:
            step(rows[index])
        level[index] = top


def _groups(rows: list[Row], indexes: list[int]) -> dict[tuple[Any, ...], list[int]]:
    groups: defaultdict[tuple[Any, ...], list[int]] = defaultdict(list)
    for index in indexes:
        row = rows[index]
        groups[tuple(row.get(name) for name in QUASI_IDENTIFIERS)].append(index)
    return groups


def group_sizes(rows: list[Row]) -> Counter[tuple[Any, ...]]:
    """How many rows share each combination of quasi-identifiers (for checks and tests)."""
    return Counter(tuple(row.get(name) for name in QUASI_IDENTIFIERS) for row in rows)
