"""Text templates that make rows, cells and lists, and a few marks in running text: squad and
twin-town rows, bar charts, legends, {{based on}}, {{incise}}, an album's track listing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cyclopedia.formats.mediawiki.wikitext.template_handlers import stripped


def lines(positional: Sequence[str], named: dict[str, str]) -> str:
    return "<br>".join(value for value in stripped(positional) if value)


def based_on(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{based on|''Work''|Author}} → "*Work* by Author" on two lines."""
    args = [value for value in stripped(positional) if value]
    if not args:
        return ""
    authors = args[1:]
    by = (
        " and ".join(authors)
        if len(authors) <= 2
        else ", ".join(authors[:-1]) + " and " + authors[-1]
    )
    return f"{args[0]}<br>by {by}" if authors else args[0]


def twin_town(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{Jumelage|Alger|Algérie|année=1991|mois=septembre|jour=12}}: a row of a list of
    twin towns, "Alger (Algérie), 12 septembre 1991"."""
    args = [value for value in stripped(positional) if value]
    if not args:
        return ""
    place = f"{args[0]} ({args[1]})" if len(args) > 1 else args[0]
    date = " ".join(named.get(key, "").strip() for key in ("jour", "mois", "année")).strip()
    return f"{place}, {' '.join(date.split())}" if date else place


def anime_licensee(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{English anime licensee|NA=Viz Media|UK=...}} → "NA: Viz Media; UK: ..."."""
    parts = [f"{region.upper()}: {value.strip()}" for region, value in named.items()
             if value.strip() and region.isalpha() and len(region) <= 3]  # fmt: skip
    return "<br>".join(parts)


def dash_aside(positional: Sequence[str], named: dict[str, str]) -> str:
    """French {{incise|text}}: the text between dashes."""
    text = positional[0].strip() if positional else ""
    return f"–\u00a0{text}\u00a0–" if text else ""


def bar_value(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{bartable|87.5|%|2|...}}: the number and its suffix (the bar is drawing)."""
    args = [*stripped(positional), "", ""]
    return f"{args[0]}{args[1]}" if args[0] else ""


def bar_percent(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{bar percent|label|width|percent|colour|text}}: the label and the figure."""
    args = stripped(positional) + [""] * 5
    label, percent, text = args[0], args[2], args[4]
    figure = text or (f"{percent}%" if percent else "")
    return f"{label}: {figure}" if label and figure else label or figure


def last(positional: Sequence[str], named: dict[str, str]) -> str:
    args = [value for value in stripped(positional) if value]
    return args[-1] if args else ""


def sortname(positional: Sequence[str], named: dict[str, str]) -> str:
    args = stripped(positional)
    return " ".join(args[:2]).strip()


def football_player(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{Fs player|no=1|nat=Scotland|name=[[Kevin Cuthbert]]|pos=GK}} as a line of a squad:
    "1 – GK – [[Kevin Cuthbert]] (Scotland)", with "other" (captain, on loan) after it."""
    number, position = named.get("no", "").strip(), named.get("pos", "").strip()
    name, nation = named.get("name", "").strip(), named.get("nat", "").strip()
    other = named.get("other", "").strip()
    line = " – ".join(part for part in (number, position, name) if part)
    if nation:
        line += f" ({nation})"
    return f"{line}, {other}" if other else line


TRACK_LISTS = {"tracklist", "track listing", "track list"}
_TRACK_TITLE = re.compile(r"title(\d{1,3})")
_TRACK_CREDITS = ("writer", "lyrics", "music", "extra")


def track_list(named: dict[str, str]) -> str:
    """{{Track listing}} as Markdown: its headline in bold, a numbered list of the tracks
    ("Title" (note) – credits – length), the total length."""
    # Track number -> how its parameters are numbered ("1", or "01" in some articles).
    suffixes: dict[int, str] = {}
    for key in named:
        if match := _TRACK_TITLE.fullmatch(key):
            suffixes.setdefault(int(match.group(1)), match.group(1))
    tracks = []
    for number, suffix in sorted(suffixes.items()):
        title = named[f"title{suffix}"].strip()
        if not title:
            continue
        line = f'"{title}"'
        note = named.get(f"note{suffix}", "").strip()
        if note:
            line += f" ({note})"
        credits = [named.get(f"{kind}{suffix}", "").strip() for kind in _TRACK_CREDITS]
        parts = [line, *(credit for credit in credits if credit)]
        length = named.get(f"length{suffix}", "").strip()
        if length:
            parts.append(length)
        tracks.append(f"{number}. " + " – ".join(parts))
    if not tracks:
        return ""
    headline = named.get("headline", "").strip()
    total = named.get("total_length", "").strip()
    blocks = [f"**{headline}**"] if headline else []
    blocks.append("\n".join(tracks))
    if total:
        blocks.append(f"Total length: {total}")
    return "\n\n".join(blocks)
