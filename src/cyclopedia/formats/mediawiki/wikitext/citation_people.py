"""The authors and editors of a citation: the name fields of a template (last1, first1,
author-link1, editor2-last...) as Citation Style 1 lists them.
"""

from __future__ import annotations

import re

from cyclopedia.formats.mediawiki.wikitext.citation_params import Params, link_target

_NAME_FIELDS = {
    "author": (
        (re.compile(r"^(?:author-last|author-surname|last|surname)(\d*)$"), "last"),
        (re.compile(r"^author(\d+)-(?:last|surname)$"), "last"),
        (re.compile(r"^(?:author-first|author-given|first|given)(\d*)$"), "first"),
        (re.compile(r"^author(\d+)-(?:first|given)$"), "first"),
        (re.compile(r"^(?:author|subject|inventor|host|people)(\d*)$"), "full"),
        (re.compile(r"^(?:author-?link|subject-?link)-?(\d*)$"), "link"),
        (re.compile(r"^(?:author|subject)(\d+)-?link$"), "link"),
    ),
    "editor": (
        (re.compile(r"^editor-(?:last|surname)(\d*)$"), "last"),
        (re.compile(r"^editor(\d+)-(?:last|surname)$"), "last"),
        (re.compile(r"^editor-(?:first|given)(\d*)$"), "first"),
        (re.compile(r"^editor(\d+)-(?:first|given)$"), "first"),
        (re.compile(r"^editor(\d*)$"), "full"),
        (re.compile(r"^editor-?link(\d*)$"), "link"),
        (re.compile(r"^editor(\d+)-?link$"), "link"),
    ),
}
# Whether a parameter is one of a role's name fields at all: any of its patterns, in one.
_NAME_KEYS = {
    role: re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in patterns))
    for role, patterns in _NAME_FIELDS.items()
}


def people(p: Params, role: str) -> list[str]:
    """The authors (or editors, by ``role``) as CS1 lists them: "Last, First" or the full
    name, linked to their article when a link parameter names one."""
    fields: dict[int, dict[str, str]] = {}
    is_name = _NAME_KEYS[role]
    for key, value in p.values.items():
        if not is_name.match(key):
            continue  # most parameters are no name: one match says so, not seven
        for pattern, field_name in _NAME_FIELDS[role]:
            match = pattern.match(key)
            if match:
                if len(match.group(1)) < 9:  # "last99999999999999999999" is no author
                    index = int(match.group(1) or 1)
                    fields.setdefault(index, {}).setdefault(field_name, value)
                break
    vancouver = p.get("name-list-style", "name-list-format").lower() == "vanc"
    names = []
    for index in sorted(fields):
        entry = fields[index]
        last, first = entry.get("last", ""), entry.get("first", "")
        if last and vancouver:
            initials = "".join(w[0] for w in re.split(r"[\s.-]+", first) if w).upper()
            name = f"{last} {initials}".strip()
        elif last:
            name = f"{last}, {first}" if first else last
        else:
            name = entry.get("full", "")
        if not name:
            continue
        target = link_target(entry["link"]) if "link" in entry else None
        if target and "[" not in name and "]" not in name and "](" not in name:
            name = f"[[{target}|{name}]]"
        names.append(name)
    return names


def name_list(p: Params, names: list[str], display: str, separator: str) -> str:
    """Names joined as CS1 joins them: "et al." after the first ``display`` ones, "&" before
    the last with name-list-style=amp."""
    etal = display.lower() in {"etal", "et al", "et al."}
    if display.isdigit() and int(display) < len(names):
        names, etal = names[: int(display)], True
    if not names:
        return ""
    amp = p.get("name-list-style").lower() == "amp" or bool(p.get("last-author-amp"))
    if amp and len(names) > 1 and not etal:
        text = separator.join(names[:-1]) + " & " + names[-1]
    else:
        text = separator.join(names)
    return f"{text}{separator}et al." if etal else text
