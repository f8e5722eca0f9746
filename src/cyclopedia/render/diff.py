"""Differences between two texts, line by line and word by word within changed lines.

The result is data, not HTML: templates lay it out side by side or inline and escape every
piece, so hostile text in a diff is as inert as anywhere else. Unchanged stretches longer than
twice the context are folded, so a one-word change in a long article shows a few lines.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

# Lines around each change that stay visible.
CONTEXT = 3
# Word-level comparison is quadratic at worst: longer lines are compared whole.
MAX_WORD_DIFF_CHARS = 5_000

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

RowKind = Literal["equal", "delete", "insert", "change", "fold"]


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    changed: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a side-by-side diff. ``left``/``right`` are None where that side has no line.

    A "fold" row stands for ``folded`` unchanged lines that are not shown."""

    kind: RowKind
    left_number: int | None = None
    right_number: int | None = None
    left: tuple[Segment, ...] | None = None
    right: tuple[Segment, ...] | None = None
    folded: int = 0


@dataclass(frozen=True, slots=True)
class Diff:
    rows: tuple[Row, ...]
    added_lines: int = 0
    removed_lines: int = 0
    size_change: int = 0  # characters, new minus old
    hunks: tuple[int, ...] = ()  # row index where each change starts

    @property
    def identical(self) -> bool:
        return self.added_lines == 0 and self.removed_lines == 0


def diff_texts(old: str, new: str, *, context: int = CONTEXT) -> Diff:
    """Compare two texts; ``context`` unchanged lines are kept around each change."""
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    rows: list[Row] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(
                Row("equal", i + 1, j + 1, (Segment(a[i]),), (Segment(b[j]),))
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        removed += i2 - i1
        added += j2 - j1
        if tag == "delete":
            rows.extend(Row("delete", i + 1, None, (Segment(a[i], True),)) for i in range(i1, i2))
        elif tag == "insert":
            rows.extend(
                Row("insert", None, j + 1, None, (Segment(b[j], True),)) for j in range(j1, j2)
            )
        else:
            rows.extend(_paired(a, b, i1, i2, j1, j2))
    folded = _fold(rows, context)
    hunks = tuple(
        index
        for index, row in enumerate(folded)
        if row.kind not in ("equal", "fold")
        and (index == 0 or folded[index - 1].kind in ("equal", "fold"))
    )
    return Diff(tuple(folded), added, removed, len(new) - len(old), hunks)


def _paired(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int) -> list[Row]:
    """Replaced lines side by side, the words that differ marked; extra lines alone."""
    rows = []
    for offset in range(max(i2 - i1, j2 - j1)):
        i, j = i1 + offset, j1 + offset
        if i < i2 and j < j2:
            left, right = words_diff(a[i], b[j])
            rows.append(Row("change", i + 1, j + 1, left, right))
        elif i < i2:
            rows.append(Row("delete", i + 1, None, (Segment(a[i], True),)))
        else:
            rows.append(Row("insert", None, j + 1, None, (Segment(b[j], True),)))
    return rows


def words_diff(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Two lines as segments, the words that changed marked on each side."""
    if len(old) + len(new) > MAX_WORD_DIFF_CHARS:
        return (Segment(old, True),), (Segment(new, True),)
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            _append(left, "".join(a[i1:i2]), changed)
        if j2 > j1:
            _append(right, "".join(b[j1:j2]), changed)
    return tuple(left), tuple(right)


def _append(segments: list[Segment], text: str, changed: bool) -> None:
    """Add a segment, joining it to the previous one when both are alike."""
    if segments and segments[-1].changed == changed:
        segments[-1] = Segment(segments[-1].text + text, changed)
    else:
        segments.append(Segment(text, changed))


def _fold(rows: list[Row], context: int) -> list[Row]:
    """Replace runs of unchanged rows far from any change by one "fold" row."""
    near = [False] * len(rows)
    for index, row in enumerate(rows):
        if row.kind != "equal":
            for k in range(max(0, index - context), min(len(rows), index + context + 1)):
                near[k] = True
    folded: list[Row] = []
    run = 0
    for index, row in enumerate(rows):
        if row.kind == "equal" and not near[index]:
            run += 1
            continue
        if run:
            folded.append(Row("fold", folded=run))
            run = 0
        folded.append(row)
    if run:
        folded.append(Row("fold", folded=run))
    return folded
