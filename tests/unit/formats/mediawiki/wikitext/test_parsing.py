"""The shortcut for mwparserfromhell's parse_anything gives the trees the library gives."""

from __future__ import annotations

import importlib

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Node, Text
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.formats.mediawiki.wikitext import parsing

_WIKITEXT = """{{Infobox person|name=Ada ''Lovelace''|birth_date={{birth date|1815|12|10}}}}
'''Ada''' was a [[mathematician|mathematician]]s and [https://example.org writer].<ref name="a">
{{cite book |last=Stein |title=Ada |year=1985}}</ref><ref name="a"/>
== Life ==
* Item with <span style="x">a span</span> and &nbsp; an entity
# {{{argument|default}}} <!-- a comment -->
{| class="wikitable"
|-
! Head || Other
|-
| cell || [[Link]]
|}
"""


def _shape(code: Wikicode) -> list[object]:
    """Every node's type and text, and the same of its parts, recursively."""
    shape: list[object] = []
    for node in code.nodes:
        parts = [_shape(part) for part in node.__children__()] if not isinstance(node, Text) else []
        shape.append((type(node).__name__, str(node), parts))
    return shape


def test_the_shortcut_is_in_place() -> None:
    assert parsing.INSTALLED
    for name in parsing._CALLERS:
        module = importlib.import_module(name)
        assert module.parse_anything is parsing._parse_anything


def test_trees_are_those_of_the_library_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parsing.parse(_WIKITEXT)
    for name in parsing._CALLERS:
        monkeypatch.setattr(importlib.import_module(name), "parse_anything", parsing._ORIGINAL)
    slow = mwparserfromhell.parse(_WIKITEXT)
    assert str(fast) == str(slow) == _WIKITEXT
    assert _shape(fast) == _shape(slow)


@pytest.mark.parametrize("value", ["a [[b]] c", 12, None, b"bytes", ["x", 3]])
def test_other_values_go_to_the_original(value: object) -> None:
    assert str(parsing._parse_anything(value)) == str(parsing._ORIGINAL(value))


def test_a_wikicode_is_returned_as_it_is() -> None:
    code = mwparserfromhell.parse("x")
    assert parsing._parse_anything(code) is code
    node: Node = code.nodes[0]
    assert str(parsing._parse_anything(node)) == "x"
