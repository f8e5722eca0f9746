"""The editable source of a revision: YAML front matter, then the Markdown body.

Contributors, reviewers and diffs all see this one text (DESIGN.md)::

    ---
    title: Qais al-Khazali
    aliases: [Qayis Khazali]
    infobox:
      fields:
      - Born: "1974[^1]\\nSadr City, Baghdad, Iraq"
    categories: []
    ---
    Qais al-Khazali (born 1974) is ...[^1]

    [^1]: Reference text <https://example.org/cited-page>

References are the footnote definitions at the end of the body; a reference's URL is written as a
trailing autolink and its DOI as a trailing ``doi:`` word, so they read naturally and parse back.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from typing import Any

import yaml

from cyclopedia.document.markup import REFERENCE_DEFINITION_RE
from cyclopedia.document.model import Document, DocumentError, Infobox, InfoboxField, Reference

_FENCE = "---"
_TRAILING_URL = re.compile(r"\s*<(https?://[^<>\s]+)>$")
_TRAILING_DOI = re.compile(r"\s*doi:(10\.\d{4,9}/\S+)$")


class _SourceDumper(yaml.SafeDumper):
    """Multi-line values (infobox rows with line breaks) as readable ``|`` blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_SourceDumper.add_representer(str, _represent_str)


class SourceError(DocumentError):
    """Editable source text that cannot be read back into a Document."""


def to_source(document: Document) -> str:
    """The editable source text of a document."""
    front: dict[str, Any] = {"title": document.title}
    if document.language != "en":
        front["language"] = document.language
    if document.aliases:
        front["aliases"] = list(document.aliases)
    if document.infobox:
        box: dict[str, Any] = {}
        if document.infobox.title:
            box["title"] = document.infobox.title
        if document.infobox.caption:
            box["caption"] = document.infobox.caption
        box["fields"] = [{f.label: f.value} for f in document.infobox.fields]
        front["infobox"] = box
    if document.categories:
        front["categories"] = list(document.categories)
    if document.notices:
        front["notices"] = list(document.notices)
    header = yaml.dump(front, Dumper=_SourceDumper, allow_unicode=True, sort_keys=False, width=100)
    parts = [f"{_FENCE}\n{header}{_FENCE}\n", document.body.strip("\n"), "\n"]
    if document.references:
        parts.append("\n")
        parts.extend(_definition(ref) + "\n" for ref in document.references)
    return "".join(parts)


def _definition(ref: Reference) -> str:
    line = f"[^{ref.label}]: {ref.text}"
    if ref.url:
        line += f" <{ref.url}>"
    if ref.doi:
        line += f" doi:{ref.doi}"
    return line


def from_source(text: str, *, template: Document) -> Document:
    """Read editable source text back into a Document.

    What the source does not carry (attribution, licence, source keys) is taken from ``template``,
    normally the document of the revision the text was edited from.
    """
    front, body = _split(text)
    title = front.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SourceError("the front matter needs a title")
    references, body = _take_references(body)
    fields = []
    box = front.get("infobox") or {}
    if not isinstance(box, dict):
        raise SourceError("infobox must be a mapping with a list of fields")
    for item in box.get("fields") or []:
        if not isinstance(item, dict) or len(item) != 1:
            raise SourceError(f"each infobox field is one 'Label: value' pair, not {item!r}")
        ((label, value),) = item.items()
        fields.append(InfoboxField(label=str(label), value=str(value)))
    infobox = (
        Infobox(tuple(fields), title=box.get("title"), caption=box.get("caption"))
        if fields
        else None
    )
    return replace(
        template,
        title=title,
        language=str(front.get("language", "en")),
        aliases=tuple(str(a) for a in _list(front, "aliases")),
        categories=tuple(str(c) for c in _list(front, "categories")),
        notices=tuple(str(n) for n in _list(front, "notices")),
        infobox=infobox,
        body=body,
        references=tuple(references),
    )


def source_title(text: str) -> str | None:
    """The title an editable source's front matter gives, or None when it cannot be read."""
    try:
        front, _body = _split(text)
    except SourceError:
        return None
    title = front.get("title")
    return (title.strip() or None) if isinstance(title, str) else None


def _list(front: dict[str, Any], key: str) -> list[Any]:
    value = front.get(key) or []
    if not isinstance(value, list):
        raise SourceError(f"{key} must be a list")
    return value


def _split(text: str) -> tuple[dict[str, Any], str]:
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != _FENCE:
        raise SourceError("the source must start with a '---' front matter block")
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == _FENCE)
    except StopIteration:
        raise SourceError("the front matter block is not closed with '---'") from None
    try:
        # BaseLoader: every scalar is a string, as every value here is text. YAML 1.1 typing
        # would turn "Born:" into "None", "12:30" into "750", "yes" into "True", a title 1984 into
        # a number. BaseLoader builds only strings, lists and mappings, so it is as safe as
        # safe_load.
        front = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader) or {}  # noqa: S506
    except yaml.YAMLError as error:
        raise SourceError(f"the front matter is not valid YAML: {error}") from error
    if not isinstance(front, dict):
        raise SourceError("the front matter must be a mapping of keys to values")
    return front, "\n".join(lines[end + 1 :])


def _take_references(body: str) -> tuple[list[Reference], str]:
    references: list[Reference] = []
    kept: list[str] = []
    for line in body.split("\n"):
        match = REFERENCE_DEFINITION_RE.match(line)
        if not match:
            kept.append(line)
            continue
        text, url, doi = match.group(2).strip(), None, None
        if found := _TRAILING_DOI.search(text):
            doi, text = found.group(1), text[: found.start()]
        # A reference that is only a link ("[^1]: <https://…>") keeps it as its text: the URL
        # is taken apart only from text that stays behind.
        if (found := _TRAILING_URL.search(text)) and text[: found.start()].strip():
            url, text = found.group(1), text[: found.start()]
        references.append(Reference(label=match.group(1), text=text.strip(), url=url, doi=doi))
    return references, "\n".join(kept).strip("\n") + "\n"


def content_hash(document: Document, source_text: str) -> str:
    """Identity of a revision's content: its source text, licence and attribution."""
    a = document.attribution
    meta = [
        document.license.spdx,
        a.source_title,
        a.source_url,
        a.revision_url,
        a.history_url,
        list(a.authors),
        a.source_revision_id,
        a.source_timestamp.isoformat() if a.source_timestamp else None,
        a.copyright_notice,
        list(a.upstream_notices),
    ]
    payload = source_text + "\x00" + json.dumps(meta, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
