"""Bold and italic closed at the end of each line, as MediaWiki closes them.

MediaWiki reads ``''`` and ``'''`` one line at a time (``Parser::doQuotes``): a run left open is
closed at the end of its line, a run of four apostrophes is an apostrophe and a bold marker, and
when a line has an odd number of both bold and italic markers one bold marker after a one-letter
word ("l'''amour''") is read as an apostrophe and an italic marker. mwparserfromhell lets bold
and italics run across lines instead, so one unbalanced ``'''`` in a table cell swallows the
table and everything after it. :func:`balance_quotes` rewrites the wikitext so that each line is
balanced the way MediaWiki reads it: apostrophes that are text become ``&#39;`` and the markers
left open get their closing markers at the end of the line. Lines that are already balanced are
left alone.

Comments, ``<nowiki>``, ``<pre>``, ``<math>`` and other tags whose content is not wikitext are
left out of the count, as MediaWiki strips them before it reads quotes; a ``<ref>``'s content is
balanced on its own, as MediaWiki parses it apart from the text around it.
"""

from __future__ import annotations

import re

_RAW_TAGS = (
    "nowiki|pre|math|syntaxhighlight|source|score|timeline|graph|templatedata|chem|ce|hiero|"
    "mapframe|maplink|imagemap"
)
_OPAQUE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(?P<raw>{_RAW_TAGS})\b[^>]*?(?:/>|>.*?</(?P=raw)\s*>)"
    r"|<ref\b[^>]*?/>"
    r"|(?P<ref_open><ref\b[^>]*>)(?P<ref_body>.*?)(?P<ref_close></ref\s*>)",
    re.IGNORECASE | re.DOTALL,
)
# Private-use characters stand for the opaque parts while the lines are read.
_MARK_START, _MARK_END = "\ue000", "\ue001"
_MARK = re.compile(f"{_MARK_START}(\\d+){_MARK_END}")
_RUN = re.compile(r"'{2,}")
_APOSTROPHE = "&#39;"


def balance_quotes(wikitext: str) -> str:
    """The wikitext with every line's bold and italics balanced as MediaWiki reads them."""
    if "''" not in wikitext:
        return wikitext
    if _MARK_START in wikitext or _MARK_END in wikitext:
        return wikitext  # the characters that stand for hidden parts are in the text itself
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        if match.group("ref_open") is not None:
            body = balance_quotes(match.group("ref_body"))
            kept.append(match.group("ref_open") + body + match.group("ref_close"))
        else:
            kept.append(match.group(0))
        return f"{_MARK_START}{len(kept) - 1}{_MARK_END}"

    hidden = _OPAQUE.sub(hide, wikitext) if "<" in wikitext else wikitext
    lines = [_balance_line(line) if "''" in line else line for line in hidden.split("\n")]
    balanced = "\n".join(lines)
    if not kept:
        return balanced
    return _MARK.sub(lambda match: kept[int(match.group(1))], balanced)


def _balance_line(line: str) -> str:
    parts = _RUN.split(line)
    runs = _RUN.findall(line)
    texts = list(parts)  # texts[i] precedes runs[i]
    markers: list[str] = []
    changed = False
    for index, run in enumerate(runs):
        if len(run) == 4:
            texts[index] += _APOSTROPHE
            run, changed = "'''", True
        elif len(run) > 5:
            texts[index] += _APOSTROPHE * (len(run) - 5)
            run, changed = "'''''", True
        markers.append(run)
    italics = sum(1 for m in markers if len(m) in (2, 5))
    bolds = sum(1 for m in markers if len(m) in (3, 5))
    if italics % 2 and bolds % 2:
        bold = _bold_read_as_apostrophe(texts, markers)
        if bold is not None:
            texts[bold] += _APOSTROPHE
            markers[bold] = "''"
            changed = True
    actions, closing, simple = _actions(markers)
    if not changed and simple:
        return line
    out = [texts[0]]
    for index, steps in enumerate(actions):
        out.append(_runs(steps))
        out.append(texts[index + 1])
    if closing:
        if not texts[-1] and actions:
            out.append("<nowiki/>")  # the closers would lengthen the run that ends the line
        out.append(_runs(closing))
    return "".join(out)


def _runs(steps: list[str]) -> str:
    """Markers for some openings and closings ("i" or "b" each), kept apart so that no two
    make one longer run that would read otherwise."""
    return "<nowiki/>".join("''" if step == "i" else "'''" for step in steps)


def _actions(markers: list[str]) -> tuple[list[list[str]], list[str], bool]:
    """What each marker opens and closes, read as MediaWiki reads them (``Parser::doQuotes``):
    a marker closes its style (and reopens the styles opened inside it), five apostrophes
    toggle both, opening them in the order they will close. Returns the steps of each marker,
    those closing what is open at the end of the line, and whether the line is simple (every
    marker one step and nothing left open), which needs no rewriting."""
    stack: list[str] = []  # open styles, outermost first
    actions: list[list[str]] = []
    simple = True
    for index, marker in enumerate(markers):
        steps: list[str] = []
        if len(marker) == 5:
            simple = False
            if not stack:
                following = next((m for m in markers[index + 1 :]), "")
                order = ["i", "b"] if len(following) == 3 else ["b", "i"]
                stack.extend(order)
                steps.extend(order)
            else:
                opened = [style for style in ("b", "i") if style not in stack]
                while stack:
                    steps.append(stack.pop())
                stack.extend(opened)
                steps.extend(opened)
        else:
            style = "i" if len(marker) == 2 else "b"
            if style in stack:
                inner = stack[stack.index(style) + 1 :]
                for _inner_style in reversed(inner):
                    steps.append(stack.pop())
                steps.append(stack.pop())
                stack.extend(inner)
                steps.extend(inner)
                simple = simple and not inner
            else:
                stack.append(style)
                steps.append(style)
        actions.append(steps)
    closing = list(reversed(stack))
    return actions, closing, simple and not closing


def _bold_read_as_apostrophe(texts: list[str], markers: list[str]) -> int | None:
    """Which bold marker MediaWiki reads as an apostrophe and an italic marker: the first after
    a one-letter word, else the first after a longer word, else the first after a space."""
    single = multi = space = None
    for index, marker in enumerate(markers):
        if len(marker) != 3:
            continue
        before = texts[index]
        last = before[-1:] or " "
        second = before[-2:-1] or " "
        if last == " ":
            space = index if space is None else space
        elif second == " ":
            single = index
            break
        else:
            multi = index if multi is None else multi
    if single is not None:
        return single
    return multi if multi is not None else space
