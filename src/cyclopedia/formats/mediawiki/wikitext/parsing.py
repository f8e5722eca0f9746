"""Wikitext to a mwparserfromhell tree, without two needless costs of its tree builder.

mwparserfromhell's node classes pass every part they are built from (a template's name, each
parameter's name and value, a tag's contents and attributes...) through
``mwparserfromhell.utils.parse_anything``, which begins with four imports inside the function.
Python runs an import statement at every call, even of a module long loaded (about 3 µs here
for the four), and the builder makes some 2,500 such calls for an average Wikipedia article:
more than a quarter of the parser's time, 7 ms of an article's 80 ms.

For a part that is already a ``Wikicode`` (the builder's case), parse_anything returns it as
it is. :func:`install` puts a function that does the same at once in its place in the modules
that call it and hands every other value to the original, so parsing gives the very same
trees. It is installed once, when this module is imported, and only when the original
behaves as described (a later version that copies a ``Wikicode`` would be left alone).

The builder makes a ``Text`` node of each text token (some 3,000 an average article, the most
common node by far) through a handler that reads the token's text through its ``__getattr__``
and hands it to ``Text.__init__``, whose property setter converts it to ``str`` (what it is
already) and stores it: four Python calls. :func:`install_text` puts a handler in their place
that makes the same node in one: about 2.5 ms of the builder's 12.5 an article. It is installed
only when a node it makes equals the original's in type and every attribute.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

import mwparserfromhell
import mwparserfromhell.utils
from mwparserfromhell.nodes import Text
from mwparserfromhell.parser import builder, tokens
from mwparserfromhell.wikicode import Wikicode

_NAME = "parse_anything"
# The modules of mwparserfromhell 0.6-0.7 that call it by that name.
_CALLERS = (
    "mwparserfromhell.utils",
    "mwparserfromhell.wikicode",
    "mwparserfromhell.nodes.argument",
    "mwparserfromhell.nodes.external_link",
    "mwparserfromhell.nodes.heading",
    "mwparserfromhell.nodes.tag",
    "mwparserfromhell.nodes.template",
    "mwparserfromhell.nodes.wikilink",
    "mwparserfromhell.nodes.extras.attribute",
    "mwparserfromhell.nodes.extras.parameter",
)
# The library's own function, also when this module is loaded again (tests, reloads).
_ORIGINAL = getattr(
    mwparserfromhell.utils.parse_anything, "__wrapped__", mwparserfromhell.utils.parse_anything
)


@functools.wraps(_ORIGINAL)
def _parse_anything(value: Any, context: int = 0, *, skip_style_tags: bool = False) -> Wikicode:
    if type(value) is Wikicode:
        return value
    return _ORIGINAL(value, context, skip_style_tags=skip_style_tags)


def install() -> bool:
    """Put the shortcut in place (again: idempotent); False when the original does not return
    a ``Wikicode`` unchanged, and nothing was done."""
    probe = mwparserfromhell.parse("")
    if _ORIGINAL(probe) is not probe:
        return False
    for name in _CALLERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if getattr(module, _NAME, None) is _ORIGINAL:
            setattr(module, _NAME, _parse_anything)
    return True


INSTALLED = install()


def _handlers() -> dict[type, Any]:
    """The builder's handlers by token type (private to mwparserfromhell; read at each use, so a
    reloaded builder module is the one changed)."""
    handlers = getattr(builder, "_HANDLERS", None)
    return handlers if isinstance(handlers, dict) else {}


# The library's own handler of text tokens (also when this module is loaded again, and the
# handler in place is this module's shortcut, which keeps the original).
_installed_text = _handlers().get(tokens.Text)
_ORIGINAL_TEXT: Callable[[Any, Any], Text] | None = getattr(
    _installed_text, "original", _installed_text
)
_new_text = Text.__new__


def _text(builder_: object, token: tokens.Token) -> Text:
    text = token.get("text")
    if type(text) is str:
        node = _new_text(Text)
        node._value = text  # what Text's value setter stores (str() of a str is itself)
        return node
    # The tokenizers give str; anything else takes the library's way (installed beside it).
    assert _ORIGINAL_TEXT is not None
    return _ORIGINAL_TEXT(builder_, token)


_text.original = _ORIGINAL_TEXT  # type: ignore[attr-defined]


def install_text() -> bool:
    """Put the text shortcut in place (again: idempotent); False when the builder has no such
    handler or the nodes differ, and nothing was done."""
    handlers = _handlers()
    if _ORIGINAL_TEXT is None or tokens.Text not in handlers:
        return False
    probe = tokens.Text(text="a [[b]]")
    try:
        slow, fast = _ORIGINAL_TEXT(None, probe), _text(None, probe)
        same = type(slow) is type(fast) and vars(slow) == vars(fast) and str(slow) == str(fast)
    except (AttributeError, TypeError, KeyError):
        return False
    if not same:
        return False
    handlers[tokens.Text] = _text
    return True


TEXT_INSTALLED = install_text()


def parse(wikitext: str) -> Wikicode:
    """The mwparserfromhell tree of some wikitext."""
    return mwparserfromhell.parse(wikitext)
