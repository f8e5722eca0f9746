"""Mathematics as text: MathML read into inline Markdown, TeX kept as a code span.

Formulas are shown as text (no images, no MathJax): identifiers, numbers and operators in order,
superscripts and subscripts as ``<sup>``/``<sub>``, fractions as ``a/b`` (parenthesised when
either side is more than one token), roots as ``√(x)``, accents as combining characters, tables
as rows separated by line breaks. Every character of the formula is escaped like other text.
"""

from __future__ import annotations

import re

from lxml import etree

from cyclopedia.formats.jats.markup import code_span, collapse, escape
from cyclopedia.formats.jats.parsing import all_text

_SPACED = set("=<>≤≥≈≠≡∼∝→←↔⇒⇐⇔∈∉⊂⊃⊆⊇+±∓×÷·−") | {"-", "/", ":="}
_ACCENTS = {
    "¯": "\u0304", "‾": "\u0305", "―": "\u0305", "_": "\u0332", "^": "\u0302", "ˆ": "\u0302",
    "~": "\u0303", "˜": "\u0303", "˙": "\u0307", ".": "\u0307", "¨": "\u0308", "→": "\u20d7",
    "⃗": "\u20d7", "´": "\u0301", "`": "\u0300", "ˇ": "\u030c",
}  # fmt: skip
_SKIPPED = {"annotation", "annotation-xml", "mphantom", "none", "mprescripts", "malignmark"}
_TEX_BODY = re.compile(r"\\begin\{document\}(.*?)\\end\{document\}", re.DOTALL)


def math_markdown(element: etree._Element) -> str:
    """Inline Markdown for an ``mml:math`` element."""
    return collapse(_node(element)).strip()


def tex_markdown(element: etree._Element) -> str:
    """A TeX formula as a code span, without the LaTeX document around it (PLOS wraps each
    formula in a whole ``\\documentclass`` document)."""
    source = all_text(element)
    body = _TEX_BODY.search(source)
    if body:
        source = body.group(1)
    source = source.strip().strip("$").strip()
    return code_span(source)


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str) and child.tag not in _SKIPPED]


def _token(element: etree._Element) -> str:
    return collapse(all_text(element)).strip()


def _is_simple(markdown: str) -> bool:
    plain = re.sub(r"</?su[bp]>", "", markdown)
    return bool(re.fullmatch(r"[\w.\\]+|\S", plain))


def _group(markdown: str) -> str:
    markdown = markdown.strip()
    return markdown if _is_simple(markdown) else f"({markdown})"


def _script(tag: str, markdown: str) -> str:
    markdown = markdown.strip()
    return f"<{tag}>{markdown}</{tag}>" if markdown else ""


def _node(element: etree._Element) -> str:
    tag = element.tag
    kids = _children(element)
    if tag in ("mi", "mn", "mtext", "ms"):
        return escape(_token(element))
    if tag == "mo":
        op = _token(element)
        if op in _SPACED:
            return f" {escape(op)} "
        if op in (",", ";"):
            return f"{escape(op)} "
        return escape(op)
    if tag == "mspace":
        return " "
    if tag == "semantics":
        return _node(kids[0]) if kids else ""
    if tag == "maction":
        return _node(kids[0]) if kids else ""
    if tag == "mfenced":
        opening = element.get("open", "(")
        closing = element.get("close", ")")
        separator = (element.get("separators", ",").strip() or ",")[0]
        inner = f"{escape(separator)} ".join(_node(kid).strip() for kid in kids)
        return f"{escape(opening)}{inner}{escape(closing)}"
    if tag == "mfrac" and len(kids) == 2:
        return f"{_group(_node(kids[0]))}/{_group(_node(kids[1]))}"
    if tag == "msqrt":
        return f"√{_group(''.join(_node(kid) for kid in kids))}"
    if tag == "mroot" and len(kids) == 2:
        return f"{_script('sup', _node(kids[1]))}√{_group(_node(kids[0]))}"
    if tag == "msup" and len(kids) == 2:
        return _node(kids[0]).rstrip() + _script("sup", _node(kids[1]))
    if tag == "msub" and len(kids) == 2:
        return _node(kids[0]).rstrip() + _script("sub", _node(kids[1]))
    if tag == "msubsup" and len(kids) == 3:
        base = _node(kids[0]).rstrip()
        return base + _script("sub", _node(kids[1])) + _script("sup", _node(kids[2]))
    if tag in ("mover", "munder", "munderover") and len(kids) >= 2:
        return _under_over(tag, kids)
    if tag == "mtable":
        rows = [
            " ".join(_node(cell).strip() for cell in _children(row))
            for row in kids
            if row.tag in ("mtr", "mlabeledtr")
        ]
        return "<br>".join(row for row in rows if row)
    return "".join(_node(kid) for kid in kids) if kids else escape(element.text)


def _under_over(tag: str, kids: list[etree._Element]) -> str:
    base = _node(kids[0]).strip()
    if tag == "mover":
        over = _token(kids[1])
        if over in _ACCENTS and _is_simple(base):
            return base + _ACCENTS[over]
        return base + _script("sup", _node(kids[1]))
    if tag == "munder":
        return base + _script("sub", _node(kids[1]))
    under = _script("sub", _node(kids[1]))
    over_markdown = _script("sup", _node(kids[2])) if len(kids) > 2 else ""
    return base + under + over_markdown
