"""The shortcuts for mwparserfromhell's parse_anything and text nodes give the trees the library
gives."""

from __future__ import annotations

import importlib
from pathlib import Path

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Node, Text
from mwparserfromhell.parser import builder, tokens
from mwparserfromhell.wikicode import Wikicode

from cyclopedia.formats.mediawiki.wikitext import parsing

CORPUS = Path(__file__).resolve().parents[5].parent / "shared" / "corpus" / "mediawiki"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is not here")

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


def test_the_text_shortcut_is_in_place() -> None:
    assert parsing.TEXT_INSTALLED
    assert builder._HANDLERS[tokens.Text] is parsing._text
    assert parsing._ORIGINAL_TEXT is not parsing._text


def _library_parse(text: str, monkeypatch: pytest.MonkeyPatch) -> Wikicode:
    """The tree mwparserfromhell itself builds, with neither shortcut."""
    with monkeypatch.context() as patch:
        for name in parsing._CALLERS:
            patch.setattr(importlib.import_module(name), "parse_anything", parsing._ORIGINAL)
        patch.setitem(builder._HANDLERS, tokens.Text, parsing._ORIGINAL_TEXT)
        return mwparserfromhell.parse(text)


def test_trees_are_those_of_the_library_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parsing.parse(_WIKITEXT)
    slow = _library_parse(_WIKITEXT, monkeypatch)
    assert str(fast) == str(slow) == _WIKITEXT
    assert _shape(fast) == _shape(slow)


def _nodes(code: Wikicode) -> list[tuple[type, dict[str, object]]]:
    """Every text node's type and attributes, in order, at any depth."""
    return [(type(node), vars(node)) for node in code.filter_text(recursive=True)]


@needs_corpus
def test_real_articles_parse_to_the_library_s_trees(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((CORPUS / "wtf_wikipedia_cache").glob("*.txt"))
    assert len(files) >= 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, slow = parsing.parse(text), _library_parse(text, monkeypatch)
        assert str(fast) == str(slow) == text, path.name
        assert _shape(fast) == _shape(slow), path.name
        assert _nodes(fast) == _nodes(slow), path.name


def test_the_text_shortcut_stays_out_when_nodes_would_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Marked(Text):
        def __init__(self, value: object) -> None:
            super().__init__(value)
            self.marked = True

    monkeypatch.setitem(builder._HANDLERS, tokens.Text, parsing._ORIGINAL_TEXT)
    monkeypatch.setattr(parsing, "_ORIGINAL_TEXT", lambda _builder, token: Marked(token.text))
    assert not parsing.install_text()
    assert builder._HANDLERS[tokens.Text] is not parsing._text


@pytest.mark.parametrize("text", [12, None, b"bytes"])
def test_a_token_that_is_not_text_takes_the_library_s_way(text: object) -> None:
    token = tokens.Text(text=text)
    assert vars(parsing._text(None, token)) == vars(parsing._ORIGINAL_TEXT(None, token))


@pytest.mark.parametrize("value", ["a [[b]] c", 12, None, b"bytes", ["x", 3]])
def test_other_values_go_to_the_original(value: object) -> None:
    assert str(parsing._parse_anything(value)) == str(parsing._ORIGINAL(value))


def test_a_wikicode_is_returned_as_it_is() -> None:
    code = mwparserfromhell.parse("x")
    assert parsing._parse_anything(code) is code
    node: Node = code.nodes[0]
    assert str(parsing._parse_anything(node)) == "x"
