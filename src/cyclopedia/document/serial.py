"""A Document as plain JSON data and back, losing nothing (the JSONL export and its reader).

Every field of the Document and its parts is kept: title, body, language, aliases, infobox
(title, caption, ordered fields), references (label, text, URL, DOI), categories, notices,
source key and revision, licence (SPDX id, with its name and URL for other programs) and
licence evidence, and the whole attribution. ``extra`` (converter notes) travels too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cyclopedia.document.license import get_license
from cyclopedia.document.model import (
    Attribution,
    Document,
    DocumentError,
    Infobox,
    InfoboxField,
    Reference,
)

FORMAT_NAME = "cyclopedia-jsonl"
FORMAT_VERSION = 1


def document_to_data(document: Document) -> dict[str, Any]:
    a = document.attribution
    data: dict[str, Any] = {
        "title": document.title,
        "language": document.language,
        "aliases": list(document.aliases),
        "categories": list(document.categories),
        "infobox": None,
        "body": document.body,
        "references": [
            {"label": r.label, "text": r.text, "url": r.url, "doi": r.doi}
            for r in document.references
        ],
        "notices": list(document.notices),
        "source_key": document.source_key,
        "source_revision": document.source_revision,
        "license": {
            "spdx": document.license.spdx,
            "name": document.license.name,
            "url": document.license.url,
        },
        "license_evidence": document.license_evidence,
        "attribution": {
            "source_title": a.source_title,
            "source_name": a.source_name,
            "source_url": a.source_url,
            "revision_url": a.revision_url,
            "history_url": a.history_url,
            "authors": list(a.authors),
            "source_revision_id": a.source_revision_id,
            "source_timestamp": a.source_timestamp.isoformat() if a.source_timestamp else None,
            "copyright_notice": a.copyright_notice,
            "upstream_notices": list(a.upstream_notices),
            "modified": a.modified,
        },
    }
    if document.infobox is not None:
        data["infobox"] = {
            "title": document.infobox.title,
            "caption": document.infobox.caption,
            "fields": [{"label": f.label, "value": f.value} for f in document.infobox.fields],
        }
    if document.extra:
        data["extra"] = dict(document.extra)
    return data


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DocumentError(f"{name} must be a list of strings")
    return tuple(value)


def _optional(value: Any, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise DocumentError(f"{name} must be a string or null")
    return value


def _text(data: dict[str, Any], name: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise DocumentError(f"{name} must be a string")
    return value


def _attribution(data: Any) -> Attribution:
    if not isinstance(data, dict):
        raise DocumentError("attribution must be an object")
    stamp = _optional(data.get("source_timestamp"), "source_timestamp")
    try:
        timestamp = dt.datetime.fromisoformat(stamp) if stamp else None
    except ValueError as error:
        raise DocumentError(f"source_timestamp is not an ISO date and time: {stamp!r}") from error
    return Attribution(
        source_title=_text(data, "source_title"),
        source_name=_text(data, "source_name", ""),
        source_url=_optional(data.get("source_url"), "source_url"),
        revision_url=_optional(data.get("revision_url"), "revision_url"),
        history_url=_optional(data.get("history_url"), "history_url"),
        authors=_strings(data.get("authors", []), "authors"),
        source_revision_id=_optional(data.get("source_revision_id"), "source_revision_id"),
        source_timestamp=timestamp,
        copyright_notice=_text(data, "copyright_notice", ""),
        upstream_notices=_strings(data.get("upstream_notices", []), "upstream_notices"),
        modified=bool(data.get("modified", False)),
    )


def _infobox(data: Any) -> Infobox | None:
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
        raise DocumentError("infobox must be an object with a list of fields")
    fields = []
    for field in data["fields"]:
        if not isinstance(field, dict):
            raise DocumentError("each infobox field is an object with a label and a value")
        fields.append(InfoboxField(label=_text(field, "label"), value=_text(field, "value")))
    return Infobox(
        tuple(fields),
        title=_optional(data.get("title"), "infobox title"),
        caption=_optional(data.get("caption"), "infobox caption"),
    )


def _references(data: Any) -> tuple[Reference, ...]:
    if not isinstance(data, list):
        raise DocumentError("references must be a list")
    references = []
    for item in data:
        if not isinstance(item, dict):
            raise DocumentError("each reference is an object")
        references.append(
            Reference(
                label=_text(item, "label"),
                text=_text(item, "text"),
                url=_optional(item.get("url"), "reference url"),
                doi=_optional(item.get("doi"), "reference doi"),
            )
        )
    return tuple(references)


def document_from_data(data: Any) -> Document:
    """The Document of :func:`document_to_data`'s output; DocumentError for anything else
    (unknown licences included: the importer quarantines by licence, it never guesses one)."""
    if not isinstance(data, dict):
        raise DocumentError("a document must be a JSON object")
    license = data.get("license")
    spdx = license.get("spdx") if isinstance(license, dict) else license
    if not isinstance(spdx, str):
        raise DocumentError("license must name an SPDX id")
    extra = data.get("extra") or {}
    if not isinstance(extra, dict) or not all(isinstance(v, str) for v in extra.values()):
        raise DocumentError("extra must map names to strings")
    return Document(
        title=_text(data, "title"),
        body=_text(data, "body", ""),
        attribution=_attribution(data.get("attribution")),
        license=get_license(spdx),
        license_evidence=_text(data, "license_evidence", ""),
        language=_text(data, "language", "en"),
        aliases=_strings(data.get("aliases", []), "aliases"),
        infobox=_infobox(data.get("infobox")),
        references=_references(data.get("references", [])),
        categories=_strings(data.get("categories", []), "categories"),
        notices=_strings(data.get("notices", []), "notices"),
        source_key=_text(data, "source_key", ""),
        source_revision=_text(data, "source_revision", ""),
        extra={str(k): v for k, v in extra.items()},
    )
