"""What a text-template handler is, and what every handler uses.

A handler gets a template's arguments already converted to inline Markdown (positional ones
in order, named ones by lower-case name) and returns what a reader of the page sees in its
place (:mod:`.template_text` maps template names to handlers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Handler = Callable[[Sequence[str], dict[str, str]], str]

SUPERSCRIPT_DIGITS = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def stripped(positional: Sequence[str]) -> list[str]:
    """The positional arguments without their surrounding spaces."""
    return [value.strip() for value in positional]
