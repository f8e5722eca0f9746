"""Three-way merge of editable source texts (merge3, the diff3 algorithm of Bazaar/Breezy).

A proposed edit was written against a base revision; when the article has moved on since, the
edit is replayed on the current text. Changes to different lines merge cleanly; changes to the
same or adjacent lines are a conflict, written out with the usual markers for a person to resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import merge3

START_MARKER = "<<<<<<< proposed"
MIDDLE_MARKER = "======="
END_MARKER = ">>>>>>> published"

# A start line and, later, an end line ("=======" alone is a Markdown heading underline).
_CONFLICT = re.compile(r"^<{7}(?: |$).*?^>{7}(?: |$)", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class MergeResult:
    text: str
    conflicts: int  # regions both sides changed differently; 0 means a clean merge

    @property
    def clean(self) -> bool:
        return self.conflicts == 0


def merge_texts(*, base: str, proposed: str, published: str) -> MergeResult:
    """Replay the change from ``base`` to ``proposed`` on ``published``.

    Conflicting regions show the proposed lines first, then the published ones.
    """
    merger = merge3.Merge3(_lines(base), _lines(proposed), _lines(published))
    conflicts = sum(1 for region in merger.merge_regions() if region[0] == "conflict")
    merged = merger.merge_lines(
        start_marker=START_MARKER,
        mid_marker=MIDDLE_MARKER,
        end_marker=END_MARKER,
    )
    text = "".join(merged)
    if not proposed.endswith("\n") and not published.endswith("\n") and text.endswith("\n"):
        text = text[:-1]
    return MergeResult(text=text, conflicts=conflicts)


def has_conflict_markers(text: str) -> bool:
    """Whether a text still holds a merge conflict (a line starting <<<<<<< and a later one
    starting >>>>>>>), which must be resolved before it is submitted or published."""
    return _CONFLICT.search(text) is not None


def _lines(text: str) -> list[str]:
    """Lines with their endings; the last one gets one, so an edit at the end merges too."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    return lines
