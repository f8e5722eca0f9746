"""Infobox templates as (label, value) rows, labelled and grouped the way Wikipedia shows them.

The converter hands over an infobox's parameters in template order, values already converted to
inline Markdown. :func:`infobox_fields` returns the rows a reader sees: the labels Wikipedia's
infoboxes display ("birth_date" is shown as "Born"), rows merged like Wikipedia merges them
(birth name, date and place under "Born"; an office with its term), images, maps and layout
parameters dropped. For the infoboxes known here the rows come in the template's display order;
parameters no label map knows follow in their own order under a humanised name ("num_employees"
-> "Number of employees"). Unknown infoboxes are all shown that way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cyclopedia.document.markup import unescape_text

Row = tuple[str, str]

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)

# --- names and kinds ----------------------------------------------------------------------------

_GENERIC = frozenset({"infobox", "taxobox", "speciesbox", "automatic taxobox", "subspeciesbox",
                      "infraspeciesbox", "chembox", "drugbox"})  # fmt: skip
_KIND_ALIASES = {
    "officeholder": "officeholder", "office holder": "officeholder", "politician": "officeholder",
    "president": "officeholder", "prime minister": "officeholder", "governor": "officeholder",
    "senator": "officeholder", "congressman": "officeholder", "mp": "officeholder",
    "member of parliament": "officeholder", "state representative": "officeholder",
    "judge": "officeholder", "minister": "officeholder", "mayor": "officeholder",
    "nfl player": "nfl biography", "footballer": "football biography",
    "nba biography": "basketball biography", "basketball player": "basketball biography",
    "hockey player": "ice hockey player", "tennis player": "tennis biography",
    "sports person": "sportsperson", "athlete": "sportsperson", "musician": "musical artist",
    "band": "musical artist", "singer": "musical artist", "music artist": "musical artist",
    "organisation": "organization", "militant group": "militant organization",
    "city": "settlement", "town": "settlement", "village": "settlement",
    "lugar": "settlement", "ciudad": "settlement", "localidad": "settlement",
    "corporation": "company", "novel": "book", "actor": "person", "biography": "person",
    "adult biography": "person", "celebrity": "person", "military officer": "military person",
}  # fmt: skip
_PERSON_LIKE = frozenset({
    "person", "artist", "academic", "architect", "engineer", "economist", "journalist", "model",
    "comedian", "chef", "presenter", "astronaut", "royalty", "noble", "saint", "clergy",
    "religious biography", "youtube personality", "wot detainees", "criminal", "military person",
    "writer", "philosopher", "scientist", "officeholder",
})  # fmt: skip


def _template_name(name: str) -> str:
    name = _COMMENT.sub("", name).replace("_", " ")
    return " ".join(name.split()).lower().removeprefix("template:").strip()


# Infobox names of other Wikipedias: "Ficha de entidad subnacional", "صندوق معلومات تجمع سكاني",
# "Карточка", and the Russian settlement box {{НП}}.
_LOCAL_PREFIXES = ("ficha de ", "ficha ", "صندوق معلومات", "карточка", "infobox_")
_LOCAL_NAMES = frozenset({"нп", "нп+", "ficha", "карточка"})


def is_infobox(name: str) -> bool:
    key = _template_name(name)
    return (
        key in _GENERIC
        or key.startswith("infobox ")
        or key.startswith(_LOCAL_PREFIXES)
        or key in _LOCAL_NAMES
    )


def infobox_kind(name: str) -> str:
    """The normalised kind: "person", "officeholder"... ("" for a generic infobox or taxobox)."""
    key = _template_name(name)
    if key in _GENERIC or not key.startswith("infobox "):
        return ""
    kind = key.removeprefix("infobox ").strip()
    return _KIND_ALIASES.get(kind, kind)


def infobox_title(name: str, params: Sequence[tuple[str, str]]) -> str | None:
    """The box's title: its name parameter (or the settlement's or country's official name)."""
    values = {_key(key): value.strip() for key, value in params}
    for key in ("name", "official_name", "conventional_long_name", "common_name", "clubname",
                "nom", "nombre", "name_de", "название", "الاسم"):  # fmt: skip
        title = " ".join(_BREAK.sub(" ", values.get(key, "")).split())
        if title:
            return title
    return None


def infobox_fields(name: str, params: Sequence[tuple[str, str]]) -> list[Row]:
    """(label, value) rows in display order; values are the given Markdown, merged rows joined
    by newlines; empty, image, map and layout parameters give no row."""
    fields = _Fields(params)
    kind = infobox_kind(name)
    rows: list[Row] = []
    specs = _SPECS.get(kind) or (_SPECS["person"] if kind in _PERSON_LIKE else ())
    if _template_name(name) in _TAXON_BOXES:
        specs = _TAXOBOX
    for spec in specs:
        rows.extend(fields.rows(spec))
    for key in list(fields.values):
        if key in fields.used:
            continue
        claimant = next((s for s in _UNIVERSAL if s.claims(key)), None)
        if claimant is not None:
            rows.extend(fields.rows(claimant))
        if key not in fields.used:
            fields.used.add(key)
            rows.append((humanize(key), fields.values[key] + fields.notes.get(key, "")))
    return [(label, value) for label, value in rows if label.strip() and value.strip()]


# --- parameters -----------------------------------------------------------------------------------

_SKIPPED = frozenset({
    "image", "img", "image_size", "imagesize", "image_upright", "upright", "alt", "caption",
    "signature", "signature_alt", "signature_size", "signature_type", "embed", "child", "name",
    "honorific_prefix", "honorific_suffix", "native_name_lang", "logo", "logo_size", "map",
    "mapsize", "map_caption", "coordinates", "coor", "footnotes", "landscape", "background",
    "official_name", "conventional_long_name", "common_name", "resting_place_coordinates",
    "burial_coordinates", "qid", "fetchwikidata", "onlysourced", "suppressfields", "noicon",
    "italic_title", "bodyclass", "box_width", "width", "header_style", "label_style",
    "data_style", "title_style", "color", "colour", "nfl", "pfr", "espn", "cbs", "club_update",
    "nationalteam_update", "pcupdate", "ntupdate", "updated", "statleague", "cricinfo",
    "cricketarchive", "anthem_type", "symbol_type", "unit_pref", "cover", "clubname",
    "bild", "bildbeschreibung", "bildunterschrift", "screenshot", "karte",
    # The French, Spanish and Russian names of the title, images and layout switches.
    "nom", "charte", "légende", "taille_image", "imagen", "pie_de_imagen", "tamaño_imagen",
    "nombre", "название", "изображение", "подпись", "الاسم", "صورة", "تعليق",
})  # fmt: skip
# Kit colours of sports clubs, structure diagrams of legislatures, coordinates in parts.
_SKIPPED_PATTERN = re.compile(
    r"(?:pattern_(?:la|b|ra|sh|so)|leftarm|body|rightarm|shorts|socks|structure)\d+(?:_res)?"
    r"|(?:lat|long)(?:d|m|s|ns|ew)|coa_(?:pic|res|alt|caption)"
)
_SKIPPED_PREFIXES = ("image", "img", "logo", "map", "mapsize", "imagesize", "pushpin",
                     "mapframe", "signature", "coor", "coordinates", "caption", "flag", "seal",
                     "shield", "coat", "symbol", "module", "dot", "grid", "embed")  # fmt: skip
_IMAGE_WORDS = frozenset(_SKIPPED_PREFIXES) | {"emblem", "banner", "photo", "picture"}
_SKIPPED_SUFFIXES = ("_image", "_caption", "_alt", "_size", "_upright", "_coordinates", "_coords",
                     "_res")  # fmt: skip
_NOTE_SUFFIXES = ("_ref", "_footnotes", "_footnote")
_QUALIFIER_SUFFIXES = ("_year", "_as_of", "_type", "_title")


def _key(name: str) -> str:
    """A parameter name in one spelling: "Years-active " -> "years_active"."""
    return "_".join(name.strip().lower().replace("-", " ").replace("_", " ").split())


def _skipped(key: str) -> bool:
    """Images, maps, coordinates, layout switches and the title: nothing a reader reads."""
    if key in _SKIPPED or key.isdigit() or key.endswith(_SKIPPED_SUFFIXES):
        return True
    if _SKIPPED_PATTERN.fullmatch(key):
        return True
    if key.startswith("alt_") and key[4:].rstrip("0123456789") in _IMAGE_WORDS:
        return True
    return any(
        key == prefix
        or key.startswith(prefix + "_")
        or (key.startswith(prefix) and key[len(prefix) :].isdigit())
        for prefix in _SKIPPED_PREFIXES
    )


def _has_content(value: str) -> bool:
    return bool(_BREAK.sub("", value).strip())


def _number_order(number: str) -> int:
    return int(number) if number.isdigit() and len(number) < 9 else 0


class _Fields:
    """An infobox's displayable parameters by normalised name, with the ones already shown."""

    def __init__(self, params: Sequence[tuple[str, str]]) -> None:
        values: dict[str, str] = {}
        for raw, value in params:
            key = _key(raw)
            if key and not _skipped(key):
                values[key] = value.strip()  # a repeated parameter: the last wins, as in MediaWiki
        # "auto" asks the template to compute a value (a density, a percentage) from others.
        self.values = {
            key: value
            for key, value in values.items()
            if _has_content(value) and value.lower() != "auto"
        }
        self.used: set[str] = set()
        self.notes: dict[str, str] = {}
        self._attach_notes()

    def _attach_notes(self) -> None:
        """Notes ("area_footnotes", "population_ref": citations) go after the value they note."""
        for key in [k for k in self.values if k.endswith(_NOTE_SUFFIXES)]:
            base = key.rsplit("_", 1)[0]
            candidates = [
                k
                for k in self.values
                if (k == base or k.startswith(base + "_"))
                and not k.endswith(_NOTE_SUFFIXES + _QUALIFIER_SUFFIXES)
            ]
            target = base if base in candidates else next(iter(candidates), None)
            if target is not None:
                note = self.values.pop(key)
                self.notes[target] = ("" if note.startswith("[^") else " ") + note

    def take(self, *keys: str) -> str:
        """The first of these parameters with a value not shown yet; all of them count as shown."""
        found = ""
        for key in keys:
            if key in self.values and key not in self.used:
                self.used.add(key)
                found = found or self.values[key]
        return found

    def rows(self, spec: _Spec) -> list[Row]:
        """A spec's rows, the notes of the parameters it showed after its last row."""
        before = set(self.used)
        rows = spec.rows(self)
        notes = [self.notes[key] for key in self.values if key in self.notes and key not in before
                 and key in self.used]  # fmt: skip
        if rows and notes:
            label, value = rows[-1]
            rows[-1] = (label, value + "".join(notes))
        return rows

    def numbered(self, pattern: re.Pattern[str]) -> list[str]:
        """The numbers ("" first) of the parameters matching a pattern with one number group."""
        numbers = {m.group(1) for key in self.values if (m := pattern.fullmatch(key))}
        return sorted(numbers, key=_number_order)


# --- row specifications -----------------------------------------------------------------------


class _Spec:
    """Makes rows from some parameters; claims the parameters it would show."""

    keys: tuple[str, ...]
    pattern: re.Pattern[str] | None

    def claims(self, key: str) -> bool:
        return key in self.keys or bool(self.pattern and self.pattern.fullmatch(key))

    def rows(self, fields: _Fields) -> list[Row]:
        raise NotImplementedError


@dataclass(frozen=True)
class _Field(_Spec):
    """One row from the first parameter that has a value, with its "_year"/"_as_of" qualifier."""

    label: str
    keys: tuple[str, ...]
    unit: str = ""
    pattern: re.Pattern[str] | None = None

    def rows(self, fields: _Fields) -> list[Row]:
        unused = [key for key in self.keys if key in fields.values and key not in fields.used]
        chosen = unused[0] if unused else None
        value = fields.take(*self.keys)
        if chosen is None:
            return []
        stem = chosen.rsplit("_", 1)[0]
        qualifier = fields.take(f"{chosen}_year", f"{chosen}_as_of", f"{stem}_as_of")
        value += self.unit + (f" ({qualifier})" if qualifier else "")
        return [(self.label, value)]


@dataclass(frozen=True)
class _Group(_Spec):
    """One row joining several parameters, a line each: Born = birth name, date, place."""

    label: str
    keys: tuple[str, ...]
    pattern: re.Pattern[str] | None = None

    def rows(self, fields: _Fields) -> list[Row]:
        parts = [fields.take(key) for key in self.keys]
        value = "\n".join(part for part in parts if part)
        return [(self.label, value)] if value else []


@dataclass(frozen=True)
class _Measure(_Spec):
    """A metric value with its imperial one: "4.2 km² (1.6 sq mi)"."""

    label: str
    metric: str
    metric_unit: str
    imperial: str
    imperial_unit: str

    def rows(self, fields: _Fields) -> list[Row]:
        metric, imperial = fields.take(self.metric), fields.take(self.imperial)
        if metric.lower() == "auto":
            metric = ""
        if imperial.lower() == "auto":
            imperial = ""
        if metric and imperial:
            return [(self.label, f"{metric}{self.metric_unit} ({imperial}{self.imperial_unit})")]
        if metric or imperial:
            return [
                (self.label, f"{metric}{self.metric_unit}" or f"{imperial}{self.imperial_unit}")
            ]
        return []

    def claims(self, key: str) -> bool:
        return key in (self.metric, self.imperial)


def _number_pattern(name: str) -> re.Pattern[str]:
    """A parameter name with "{n}" (or none) as a pattern whose group is the number."""
    escaped = re.escape(name).replace(r"\{n\}", r"(\d*)")
    return re.compile(escaped if "{n}" in name else escaped + "()")


@dataclass(frozen=True)
class _Pairs(_Spec):
    """Rows labelled by another parameter: subdivision_type1 = State, subdivision_name1 = Ohio."""

    label_key: str  # with "{n}" where the number goes, if numbered
    value_key: str
    default: str

    def claims(self, key: str) -> bool:
        return any(_number_pattern(k).fullmatch(key) for k in (self.label_key, self.value_key))

    def rows(self, fields: _Fields) -> list[Row]:
        rows = []
        for n in fields.numbered(_number_pattern(self.value_key)):
            label = plain_text(fields.take(self.label_key.format(n=n))) or self.default
            value = fields.take(self.value_key.format(n=n))
            if value:
                rows.append((label, value))
        for n in fields.numbered(_number_pattern(self.label_key)):
            fields.take(self.label_key.format(n=n))  # a label without a value shows nothing
        return rows


@dataclass(frozen=True)
class _Career(_Spec):
    """A career table as one row of lines: "1996: [[San Jose Clash]] (14 apps, 0 goals)"."""

    label: str
    years: str  # parameter names with "{n}"
    team: str
    apps: str = ""
    goals: str = ""

    def claims(self, key: str) -> bool:
        names = (self.years, self.team, self.apps, self.goals)
        return any(_number_pattern(name).fullmatch(key) for name in names if name)

    def rows(self, fields: _Fields) -> list[Row]:
        numbers: set[str] = set()
        for name in (self.years, self.team, self.apps, self.goals):
            if name:
                numbers.update(fields.numbered(_number_pattern(name)))
        lines = []
        for n in sorted(numbers, key=_number_order):
            years, team = fields.take(self.years.format(n=n)), fields.take(self.team.format(n=n))
            apps = fields.take(self.apps.format(n=n)) if self.apps else ""
            goals = fields.take(self.goals.format(n=n)) if self.goals else ""
            if not team and not years:
                continue
            line = f"{years}: {team}" if years and team else years or team
            stats = [f"{apps} {'app' if apps == '1' else 'apps'}" if apps else "",
                     f"{goals} {'goal' if goals == '1' else 'goals'}" if goals else ""]  # fmt: skip
            stats = [s for s in stats if s]
            lines.append(line + (f" ({', '.join(stats)})" if stats else ""))
        return [(self.label, "\n".join(lines))] if lines else []


@dataclass(frozen=True)
class _Custom(_Spec):
    """A row built by a function from several parameters (an office, a draft, a height...)."""

    keys: tuple[str, ...]
    build: Callable[[_Fields], list[Row]]
    pattern: re.Pattern[str] | None = None

    def rows(self, fields: _Fields) -> list[Row]:
        return self.build(fields)


def _specs(*entries: str | _Spec) -> tuple[_Spec, ...]:
    """Row specs from "key|alias=Label" strings and spec objects, in display order."""
    specs: list[_Spec] = []
    for entry in entries:
        if isinstance(entry, str):
            keys, _, label = entry.partition("=")
            unit = ""
            if "+" in label:
                label, unit = label.split("+", 1)
            specs.append(_Field(label, tuple(keys.split("|")), unit))
        else:
            specs.append(entry)
    return tuple(specs)


# --- builders for rows that combine parameters ------------------------------------------------

_OFFICE_ROLES = (
    (("monarch",), "Monarch"), (("president",), "President"), (("premier",), "Premier"),
    (("primeminister", "prime_minister"), "Prime Minister"), (("chancellor",), "Chancellor"),
    (("governor_general",), "Governor-General"), (("governor",), "Governor"),
    (("vicepresident", "vice_president"), "Vice President"), (("deputy",), "Deputy"),
    (("lieutenant",), "Lieutenant"), (("alongside",), "Serving with"),
    (("nominator",), "Nominated by"), (("appointer",), "Appointed by"),
    (("constituency",), "Constituency"), (("majority",), "Majority"),
    (("predecessor",), "Preceded by"), (("successor",), "Succeeded by"),
)  # fmt: skip
_OFFICE_KEYS = ("office", "order", "term_start", "termstart", "term_end", "termend",
                "state", "district", "state_house", "state_senate", "state_assembly",
                "state_delegate", "jr/sr", "senator",
                *(key for keys, _label in _OFFICE_ROLES for key in keys))  # fmt: skip
_OFFICE_PATTERN = re.compile("(?:" + "|".join(_OFFICE_KEYS) + r")(\d*)")


def _offices(fields: _Fields) -> list[Row]:
    """Each office: "44th President of the United States" = "In office\\nstart – end", then the
    people who served alongside, and who came before and after."""
    rows: list[Row] = []
    for n in fields.numbered(_OFFICE_PATTERN):
        office, order = fields.take(f"office{n}"), fields.take(f"order{n}")
        office = _legislative_office(fields, n, office)
        start = fields.take(f"term_start{n}", f"termstart{n}")
        end = fields.take(f"term_end{n}", f"termend{n}")
        title = " ".join(part for part in (order, office) if part)
        term = (
            f"In office\n{start} – {end}" if start and end
            else f"Assumed office\n{start}" if start
            else f"In office\n– {end}" if end
            else ""
        )  # fmt: skip
        if title and term:
            rows.append((plain_text(title) or "Office", term))
        elif title:
            rows.append(("Office", title))
        elif term:
            rows.append(("Term", term))
        for keys, label in _OFFICE_ROLES:
            value = fields.take(*(key + n for key in keys))
            if value:
                rows.append((label, value))
    return rows


def _legislative_office(fields: _Fields, n: str, office: str) -> str:
    """The office {{Infobox officeholder}} writes itself from a state and a district: "Member
    of the U.S. House of Representatives from Illinois's 7th district", "United States Senator
    from Ohio", "Member of the Illinois House of Representatives"."""
    state, district = fields.take(f"state{n}"), fields.take(f"district{n}")
    house, senate = fields.take(f"state_house{n}"), fields.take(f"state_senate{n}")
    assembly, delegate = fields.take(f"state_assembly{n}"), fields.take(f"state_delegate{n}")
    fields.take(f"jr/sr{n}", f"senator{n}")
    if office:
        return office
    if district:
        where = f"{plain_text(state)}'s {plain_text(district)} district" if state else district
        return f"Member of the U.S. House of Representatives from {where}"
    if state:
        return f"United States Senator from {plain_text(state)}"
    if house:
        return f"Member of the {plain_text(house)} House of Representatives"
    if senate:
        return f"Member of the {plain_text(senate)} Senate"
    if assembly:
        return f"Member of the {plain_text(assembly)} State Assembly"
    if delegate:
        return f"Member of the {plain_text(delegate)} House of Delegates"
    return ""


def _height(fields: _Fields) -> list[Row]:
    height = fields.take("height")
    feet, inches = fields.take("height_ft"), fields.take("height_in")
    metres, centimetres = fields.take("height_m"), fields.take("height_cm")
    if not height and feet:
        height = f"{feet} ft {inches} in" if inches else f"{feet} ft"
    height = height or (f"{metres} m" if metres else f"{centimetres} cm" if centimetres else "")
    return [("Height", height)] if height else []


def _weight(fields: _Fields) -> list[Row]:
    weight = fields.take("weight")
    pounds, kilograms = fields.take("weight_lb", "weight_lbs"), fields.take("weight_kg")
    weight = weight or (f"{pounds} lb" if pounds else f"{kilograms} kg" if kilograms else "")
    return [("Weight", weight)] if weight else []


def _appearance(label: str, prefix: str) -> Callable[[_Fields], list[Row]]:
    """MLB debut / Last MLB appearance: "September 10, 1974, for the St. Louis Cardinals"."""

    def build(fields: _Fields) -> list[Row]:
        league = plain_text(fields.take(f"{prefix}league"))
        date, year = fields.take(f"{prefix}date"), fields.take(f"{prefix}year")
        team = fields.take(f"{prefix}team")
        when = f"{date}, {year}" if date and year else date or year
        if not when and not team:
            return []
        value = f"{when}, for the {team}" if when and team else when or f"for the {team}"
        return [(label.format(league=league or "").replace("  ", " ").strip(), value)]

    return build


def _batting(fields: _Fields) -> list[Row]:
    retired = bool(fields.values.get("finalyear") or fields.values.get("finalteam"))
    bats, throws = fields.take("bats"), fields.take("throws")
    rows = [("Batted" if retired else "Bats", bats), ("Threw" if retired else "Throws", throws)]
    return [row for row in rows if row[1]]


def _draft(league: str) -> Callable[[_Fields], list[Row]]:
    """NFL/NBA draft: "1960 / Round: 14 / Pick: 160", then "Selected by the ..."."""

    def build(fields: _Fields) -> list[Row]:
        name = plain_text(fields.take("draft_league")) or league
        year = fields.take("draftyear", "draft_year")
        round_, pick = (
            fields.take("draftround", "draft_round"),
            fields.take("draftpick", "draft_pick"),
        )
        team = fields.take("draft_team", "draftteam")
        draft = fields.take("draft")
        parts = [year, f"Round: {round_}" if round_ else "", f"Pick: {pick}" if pick else ""]
        value = " / ".join(part for part in parts if part)
        if draft:
            value = f"{draft}, {value}" if value else draft
        if team:
            value = f"{value}\nSelected by the {team}" if value else f"Selected by the {team}"
        rows = [(f"{name} draft", value)] if value else []
        undrafted = fields.take("undraftedyear", "undrafted_year")
        if undrafted:
            rows.append(("Undrafted", undrafted))
        return rows

    return build


def _span(label: str, start_key: str, end_key: str) -> Callable[[_Fields], list[Row]]:
    def build(fields: _Fields) -> list[Row]:
        start, end = fields.take(start_key), fields.take(end_key)
        value = f"{start}–{end}" if start and end else f"{start}–present" if start else end
        return [(label, value)] if value else []

    return build


_CRICKET_STATS = (
    ("matches", "Matches"), ("runs", "Runs scored"), ("bat_avg", "Batting average"),
    ("100s/50s", "100s/50s"), ("top_score", "Top score"), ("deliveries", "Balls bowled"),
    ("wickets", "Wickets"), ("bowl_avg", "Bowling average"), ("fivefor", "5 wickets in innings"),
    ("tenfor", "10 wickets in match"), ("best_bowling", "Best bowling"),
    ("catches/stumpings", "Catches/stumpings"),
)  # fmt: skip
_CRICKET_PATTERN = re.compile(
    "(?:column|" + "|".join(re.escape(key) for key, _label in _CRICKET_STATS) + r")(\d*)"
)


def _cricket_statistics(fields: _Fields) -> list[Row]:
    """The career statistics table: a row per statistic, a line per competition column."""
    numbers = fields.numbered(_CRICKET_PATTERN)
    columns = {n: plain_text(fields.take(f"column{n}")) for n in numbers}
    rows = []
    for key, label in _CRICKET_STATS:
        lines = []
        for n in numbers:
            value = fields.take(f"{key}{n}")
            if value:
                lines.append(f"{columns[n]}: {value}" if columns[n] else value)
        if lines:
            rows.append((label, "\n".join(lines)))
    return rows


def _debut(label: str, prefix: str, cap_key: str = "") -> Callable[[_Fields], list[Row]]:
    """Cricket debuts: "(cap 123) 12 March 2002 v [[Australia]]"."""

    def build(fields: _Fields) -> list[Row]:
        date, year = fields.take(f"{prefix}date"), fields.take(f"{prefix}year")
        against = fields.take(f"{prefix}against")
        cap = fields.take(cap_key) if cap_key else ""
        value = " ".join(part for part in (date, year) if part)
        value = (value + (f" v {against}" if against else "")).strip()
        if value and cap:
            value = f"(cap {cap}) {value}"
        return [(label, value)] if value else []

    return build


def _headquarters(fields: _Fields) -> list[Row]:
    place = fields.take("hq_location", "headquarters", "location")
    parts = [fields.take(k) for k in ("hq_location_city", "location_city", "hq_location_country",
                                      "location_country")]  # fmt: skip
    place = place or ", ".join(part for part in parts if part)
    return [("Headquarters", place)] if place else []


def _zone(label: str, zone_keys: tuple[str, ...], offset_keys: tuple[str, ...]) -> _Custom:
    def build(fields: _Fields) -> list[Row]:
        zone, offset = fields.take(*zone_keys), fields.take(*offset_keys)
        offset = f"UTC{offset}" if offset and offset[0] in "+-−±" else offset
        value = f"{zone} ({offset})" if zone and offset else zone or offset
        return [(label, value)] if value else []

    return _Custom(zone_keys + offset_keys, build)


def _currency(fields: _Fields) -> list[Row]:
    value, code = fields.take("currency"), fields.take("currency_code")
    value = f"{value} ({code})" if value and code else value or code
    return [("Currency", value)] if value else []


def _capital(fields: _Fields) -> list[Row]:
    """ "Capital and largest city" when the largest city is given as "capital"."""
    capital, largest = fields.take("capital"), fields.take("largest_city")
    if plain_text(largest).lower() in ("capital", "capital city", "the capital"):
        return [("Capital and largest city", capital)] if capital else []
    rows = [("Capital", capital), ("Largest city", largest)]
    return [row for row in rows if row[1]]


def _established(fields: _Fields) -> list[Row]:
    """Independence or formation events: "Independence from Aragon" = "1278", the kind
    (sovereignty_type) read before an event that continues it ("from Aragon")."""
    kind = plain_text(fields.take("sovereignty_type"))
    note = fields.take("sovereignty_note")
    rows: list[Row] = [(kind, note)] if kind and note else []
    pattern = re.compile(r"established_(?:event|date)(\d*)")
    for n in fields.numbered(pattern):
        event, date = fields.take(f"established_event{n}"), fields.take(f"established_date{n}")
        label = plain_text(event)
        if kind and (not label or label[0].islower()):
            label = f"{kind} {label}".strip()
        if date or event:
            rows.append((label or "Established", date or event))
    return rows


_POPULATION_KEYS = tuple(
    f"population_{kind}{suffix}"
    for kind in ("estimate", "census")
    for suffix in ("", "_year", "_rank")
)


def _population(fields: _Fields) -> list[Row]:
    """The estimate and the census, each with its year and rank; a year alone shows nothing."""
    rows: list[Row] = []
    for kind, label in (("estimate", "Population estimate"), ("census", "Census")):
        value = fields.take(f"population_{kind}")
        year = fields.take(f"population_{kind}_year")
        rank = fields.take(f"population_{kind}_rank")
        if value:
            rows.append((label, value + (f" ({year})" if year else "")
                         + (f" ({rank})" if rank else "")))  # fmt: skip
    if len(rows) == 1 and rows[0][0] == "Population estimate":
        rows = [("Population", rows[0][1])]
    return rows


def _index(label: str, key: str) -> _Custom:
    """HDI and Gini: the value, its year, its reference and its rank ("0.845 (2014) · 34th");
    the change arrow is drawing."""

    def build(fields: _Fields) -> list[Row]:
        value, year = fields.take(key), fields.take(f"{key}_year")
        rank, category = fields.take(f"{key}_rank"), fields.take(f"{key}_category")
        fields.take(f"{key}_change")
        if not value:
            return []
        text = value + (f" ({year})" if year else "")
        if category:
            text += f" {category}"
        return [(label, text + (f" · {rank}" if rank else ""))]

    keys = (key, f"{key}_year", f"{key}_rank", f"{key}_change", f"{key}_category")
    return _Custom(keys, build)


# Scientific classification: the Latin rank parameters of {{Taxobox}} and the English ranks
# Wikipedia shows.
_RANKS = (
    ("domain", "Domain"), ("superregnum", "Superkingdom"), ("regnum", "Kingdom"),
    ("subregnum", "Subkingdom"), ("superdivisio", "Superdivision"), ("divisio", "Division"),
    ("subdivisio", "Subdivision"), ("superphylum", "Superphylum"), ("phylum", "Phylum"),
    ("subphylum", "Subphylum"), ("infraphylum", "Infraphylum"), ("superclassis", "Superclass"),
    ("classis", "Class"), ("subclassis", "Subclass"), ("infraclassis", "Infraclass"),
    ("magnordo", "Magnorder"), ("superordo", "Superorder"), ("ordo", "Order"),
    ("subordo", "Suborder"), ("infraordo", "Infraorder"), ("parvordo", "Parvorder"),
    ("superfamilia", "Superfamily"), ("familia", "Family"), ("subfamilia", "Subfamily"),
    ("supertribus", "Supertribe"), ("tribus", "Tribe"), ("subtribus", "Subtribe"),
    ("genus", "Genus"), ("subgenus", "Subgenus"), ("sectio", "Section"),
    ("subsectio", "Subsection"), ("series", "Series"), ("species_group", "Species group"),
    ("species", "Species"), ("subspecies", "Subspecies"), ("variety", "Variety"),
)  # fmt: skip
_STATUSES = {
    "ex": "Extinct", "ew": "Extinct in the wild", "cr": "Critically endangered",
    "en": "Endangered", "vu": "Vulnerable", "nt": "Near threatened", "lc": "Least concern",
    "dd": "Data deficient", "ne": "Not evaluated", "secure": "Secure", "fossil": "Fossil",
    "domesticated": "Domesticated",
}  # fmt: skip


_RANK_KEYS = tuple(key for rank, _label in _RANKS for key in (rank, f"unranked_{rank}"))


def _classification(fields: _Fields) -> list[Row]:
    """The ranks in order; a clade without rank ("unranked_ordo") shows as "(unranked)"."""
    rows: list[Row] = []
    for key, label in _RANKS:
        unranked = fields.take(f"unranked_{key}")
        if unranked:
            rows.append(("(unranked)", unranked))
        value = fields.take(key)
        if value:
            rows.append((label, value))
    return rows


def _scientific_name(label: str, key: str) -> Callable[[_Fields], list[Row]]:
    """ "Binomial name": the name and, below it, its authority."""

    def build(fields: _Fields) -> list[Row]:
        name, authority = fields.take(key), fields.take(f"{key}_authority")
        value = "\n".join(part for part in (name, authority) if part)
        return [(label, value)] if value else []

    return build


def _subdivisions(fields: _Fields) -> list[Row]:
    ranks, members = plain_text(fields.take("subdivision_ranks")), fields.take("subdivision")
    return [(ranks or "Subdivisions", members)] if members else []


def _status(fields: _Fields) -> list[Row]:
    status, system = fields.take("status"), fields.take("status_system")
    if not status:
        return []
    shown = _STATUSES.get(plain_text(status).lower(), status)
    return [("Conservation status", f"{shown} ({system})" if system else shown)]


def _thesis(fields: _Fields) -> list[Row]:
    title, year = fields.take("thesis_title"), fields.take("thesis_year")
    value = f"{title} ({year})" if title and year else title or year
    return [("Thesis", value)] if value else []


# --- label maps ---------------------------------------------------------------------------------

BORN = _Group("Born", ("birth_name", "birth_date", "birth_place", "born"))
DIED = _Group("Died", ("death_date", "death_place", "died"))
RESTING_PLACE = _Group("Resting place", ("resting_place", "burial_place", "restingplace",
                                         "placeofburial", "place_of_burial"))  # fmt: skip
HEIGHT = _Custom(("height", "height_ft", "height_in", "height_m", "height_cm"), _height)
WEIGHT = _Custom(("weight", "weight_lb", "weight_lbs", "weight_kg"), _weight)
OFFICES = _Custom((), _offices, _OFFICE_PATTERN)

_PERSON_HEAD = _specs(
    "native_name=Native name", BORN, "baptised|baptized=Baptised",
    _Group("Disappeared", ("disappeared_date", "disappeared_place")),
    "disappeared_status=Status", DIED, "death_cause=Cause of death",
    "body_discovered=Body discovered", RESTING_PLACE, "monuments=Monuments",
    _Group("Arrested", ("arrest_date", "arrest_place", "arresting_authority")),
    _Group("Released", ("release_date", "release_place")), "detained_at=Detained at",
    "alleged_to_be_a_member_of=Alleged to be a member of",
    "other_names|othernames|alias|aliases=Other names", "pseudonym|pen_name=Pen name",
    "nickname|nicknames=Nickname(s)", "nationality=Nationality", "citizenship=Citizenship",
    "ethnicity=Ethnicity", "education=Education", "alma_mater=Alma mater",
    "occupation|occupations=Occupation", "profession=Profession",
    "years_active|yearsactive=Years active", "era=Era", "employer=Employer",
    "organization|organisation|organizations=Organization", "agent=Agent",
    "known_for|knownfor=Known for", "notable_works|notableworks|notable_work=Notable works",
    "style=Style", "home_town|hometown=Hometown", "net_worth|networth=Net worth", HEIGHT, WEIGHT,
    "television=Television", "title=Title", "term=Term", "predecessor=Predecessor",
    "successor=Successor", "party=Political party", "otherparty=Other political affiliations",
    "movement=Movement", "opponents=Opponent(s)", "boards=Board member of",
    "religion=Religion", "denomination=Denomination",
    "criminal_charge|criminal_charges|charges=Criminal charge(s)",
    "criminal_penalty|penalty=Criminal penalty", "criminal_status=Criminal status",
)  # fmt: skip
_PERSON_TAIL = _specs(
    "spouse|spouses=Spouse", "partner|partners|domestic_partner=Partner", "children=Children",
    "parents=Parent(s)", "mother=Mother", "father=Father", "relatives|relations=Relatives",
    "family=Family", "callsign=Call sign", "awards=Awards", "honours|honors=Honours",
    "website|homepage|url=Website",
)  # fmt: skip
_PERSON = _PERSON_HEAD + _PERSON_TAIL
_MILITARY = _specs(
    "allegiance=Allegiance", "branch=Service/branch", "serviceyears|service_years=Years of service",
    "rank=Rank", "servicenumber|service_number=Service number", "unit=Unit",
    "commands=Commands held", "battles=Battles/wars", "laterwork=Other work",
)  # fmt: skip
_SPORTS_HEAD = _specs("full_name|fullname=Full name", "nickname=Nickname(s)", BORN, DIED,
                      RESTING_PLACE, "nationality=Nationality", HEIGHT, WEIGHT)  # fmt: skip
_LAND = _specs(
    _Measure("Area", "area_total_km2", " km²", "area_total_sq_mi", " sq mi"),
    _Measure("Area", "area_km2", " km²", "area_sq_mi", " sq mi"),
    _Measure("Land area", "area_land_km2", " km²", "area_land_sq_mi", " sq mi"),
    _Measure("Water area", "area_water_km2", " km²", "area_water_sq_mi", " sq mi"),
    "area_water_percent|percent_water=Water (%)",
    _Measure("Urban area", "area_urban_km2", " km²", "area_urban_sq_mi", " sq mi"),
    _Measure("Metro area", "area_metro_km2", " km²", "area_metro_sq_mi", " sq mi"),
    "area_rank=Area rank",
    _Measure("Elevation", "elevation_m", " m", "elevation_ft", " ft"),
    _Measure("Highest elevation", "elevation_max_m", " m", "elevation_max_ft", " ft"),
)  # fmt: skip

# fmt: off
_WRITER = _PERSON_HEAD + _specs(
    "language=Language", "period=Period", "genre|genres=Genre", "subject|subjects=Subject",
    "movement=Literary movement", "influences=Influences", "influenced=Influenced",
) + _PERSON_TAIL
_PHILOSOPHER = _PERSON_HEAD + _specs(
    "region=Region", "school_tradition=School", "institutions=Institutions",
    "main_interests=Main interests", "notable_ideas=Notable ideas", "influences=Influences",
    "influenced=Influenced",
) + _PERSON_TAIL
_SCIENTIST = _PERSON_HEAD + _specs(
    "fields|field=Fields", "workplaces|institutions=Institutions",
    _Custom(("thesis_title", "thesis_year"), _thesis), "doctoral_advisor=Doctoral advisor",
    "academic_advisors=Other academic advisors", "doctoral_students=Doctoral students",
    "notable_students=Other notable students", "influences=Influences",
    "influenced=Influenced", "residence=Residence",
) + _PERSON_TAIL
_OFFICEHOLDER = (OFFICES, *_PERSON_HEAD, *_specs(
    "residence=Residence", "cabinet=Cabinet", "committees=Committees", "portfolio=Portfolio",
), *_PERSON_TAIL, *_MILITARY)
_CRIMINAL = _PERSON_HEAD + _specs(
    "conviction|convictions=Conviction(s)", "victims=Victims", "span|date_span=Span of crimes",
    "country=Country", "states=State(s)", "locations=Location(s)", "targets=Target(s)",
    "killed=Killed", "injured=Injured", "weapons|weapon=Weapon(s)",
    "apprehended|date_apprehended=Date apprehended", "imprisoned=Imprisoned at",
    "motive=Motive",
) + _PERSON_TAIL
_MUSICAL_ARTIST = _specs(
    "alias=Also known as", BORN, "origin=Origin", DIED, "genre|genres=Genres",
    "occupation|occupations=Occupation(s)", "instrument|instruments=Instruments",
    "discography=Discography", "years_active|yearsactive=Years active", "label|labels=Labels",
    "spinoffs=Spinoffs", "spinoff_of=Spinoff of", "associated_acts=Associated acts",
    "current_member_of=Member of", "past_member_of=Formerly of",
    "website|url|homepage=Website", "current_members|members=Members",
    "past_members=Past members",
)
_MILITANT_ORGANIZATION = _specs(
    "native_name=Native name", "founder|founders=Founder(s)", "leaders|leader=Leaders",
    "dates|active=Dates of operation", "split|split_from=Split from",
    "merged|merged_into=Merged into", "allegiance=Allegiance", "group|groups=Group(s)",
    "motives=Motives", "headquarters=Headquarters", "area=Active regions",
    "ideology=Ideology", "slogan=Slogan", "status=Status", "size|strength=Size",
    "partof|part_of=Part of", "predecessor=Preceded by", "successor=Succeeded by",
    "allies=Allies", "opponents=Opponents", "battles|wars=Battles and wars",
    "designated_as_terror_group_by|designated_as_terrorist_group_by"
    "=Designated as a terrorist group by",
    "colors|colours=Colors", "website=Website",
)
_HEADQUARTERS = _Custom(("hq_location", "headquarters", "location", "hq_location_city",
                         "hq_location_country", "location_city", "location_country"),
                        _headquarters)
_ORGANIZATION = _specs(
    "native_name=Native name", "abbreviation=Abbreviation", "motto=Motto",
    "predecessor=Predecessor", "merger=Merger of", "successor=Successor",
    "formation=Formation", "founder|founders=Founder(s)", "founding_location=Founded at",
    "extinction|dissolved=Dissolved", "type=Type", "tax_id=Tax ID no.",
    "registration_id=Registration no.", "status=Legal status", "purpose=Purpose",
    "professional_title=Professional title", _HEADQUARTERS,
    "region|region_served=Region served", "services=Services", "products=Products",
    "methods=Methods", "fields=Fields", "membership=Membership",
    "language|languages=Official language", "owner=Owner",
    _Pairs("leader_title{n}", "leader_name{n}", "Leader"), "key_people=Key people",
    "main_organ=Main organ", "parent_organization|parent_organisation=Parent organization",
    "subsidiaries=Subsidiaries", "secessions=Secessions", "affiliations=Affiliations",
    "budget=Budget", "revenue=Revenue", "expenses=Expenses", "endowment=Endowment",
    "staff=Staff", "volunteers=Volunteers", "formerly=Formerly called", "website=Website",
)
_COMPANY = _specs(
    "native_name=Native name", "romanized_name=Romanized name", "former_name=Formerly",
    "type=Type", "traded_as=Traded as", "isin=ISIN", "industry=Industry", "genre=Genre",
    "predecessor|predecessors=Predecessor", "successor|successors=Successor",
    "founded=Founded", "founder=Founder", "founders=Founders", "defunct=Defunct",
    "fate=Fate", _HEADQUARTERS, "num_locations=Number of locations",
    "area_served=Area served", "key_people=Key people", "products=Products",
    "brands=Brands", "production=Production output", "services=Services",
    "revenue=Revenue", "operating_income=Operating income", "net_income=Net income",
    "aum=AUM", "assets=Total assets", "equity=Total equity", "owner=Owner",
    "owners=Owners", "members=Members", "num_employees=Number of employees",
    "parent=Parent", "divisions=Divisions", "subsid|subsidiaries=Subsidiaries",
    "website|homepage=Website",
)
_FILM = _specs(
    "native_name=Native name", "director|directors=Directed by",
    "screenplay=Screenplay by", "writer|writers=Written by", "story=Story by",
    "based_on=Based on", "producer|producers=Produced by", "starring=Starring",
    "narrator=Narrated by", "music=Music by", "cinematography=Cinematography",
    "editing=Edited by", "studio|production_companies|production_company=Production company",
    "distributor=Distributed by", "released|release_date=Release date",
    "runtime|running_time=Running time", "country=Country", "language=Language",
    "budget=Budget", "gross=Box office",
)
_BOOK = _specs(
    "title_orig=Original title", "translator=Translator", "author|authors=Author",
    "audio_read_by=Audio read by", "illustrator=Illustrator", "cover_artist=Cover artist",
    "country=Country", "language=Language", "series=Series",
    "release_number=Release number", "subject=Subject", "genre=Genre", "set_in=Set in",
    "publisher=Publisher", "published|pub_date|release_date=Publication date",
    "english_pub_date=Published in English", "media_type=Media type", "pages=Pages",
    "awards=Awards", "isbn=ISBN", "oclc=OCLC", "dewey=Dewey Decimal", "congress=LC Class",
    "preceded_by=Preceded by", "followed_by=Followed by",
)
_SETTLEMENT = _specs(
    "native_name=Native name", "other_name=Other names", "settlement_type=Type",
    "nickname=Nickname(s)", "motto=Motto(s)", "etymology=Etymology",
    _Pairs("subdivision_type{n}", "subdivision_name{n}", "Subdivision"),
    _Pairs("established_title{n}", "established_date{n}", "Established"),
    "founder=Founded by", "named_for=Named for", _Pairs("seat_type", "seat", "Seat"),
    _Pairs("parts_type", "parts", "Parts"), "government_type=Government",
    "governing_body=Governing body", _Pairs("leader_title{n}", "leader_name{n}", "Leader"),
    "leader_party=Party", *_LAND,
    "population_total=Population", "population_rank=Population rank",
    "population_density_km2=Density+/km²", "population_urban=Urban population",
    "population_metro=Metro population", "population_demonym=Demonym",
    _zone("Time zone", ("timezone", "timezone1"), ("utc_offset", "utc_offset1")),
    _zone("Summer (DST)", ("timezone_dst", "timezone1_dst"),
          ("utc_offset_dst", "utc_offset1_dst")),
    _Pairs("postal_code_type", "postal_code", "Postal code"),
    _Pairs("area_code_type", "area_code", "Area code(s)"), "geocode=Geocode",
    "iso_code=ISO 3166 code", "registration_plate=Vehicle registration",
    _Pairs("blank_name{n}", "blank_info{n}", "Other"),
    _Pairs("blank{n}_name", "blank{n}_info", "Other"),
    _Pairs("blank_name_sec{n}", "blank_info_sec{n}", "Other"), "website=Website",
)
_COUNTRY = _specs(
    "native_name=Native name", "national_motto|motto=Motto",
    "national_anthem|anthem=Anthem", "royal_anthem=Royal anthem",
    _Custom(("capital", "largest_city"), _capital), "official_languages=Official languages",
    "recognised_languages|recognized_languages=Recognised languages",
    "national_languages=National languages",
    "regional_languages=Recognised regional languages", "languages=Languages",
    "ethnic_groups=Ethnic groups", "religion=Religion", "demonym=Demonym",
    "membership=Membership", "government_type=Government",
    _Pairs("leader_title{n}", "leader_name{n}", "Leader"), "legislature=Legislature",
    "upper_house=Upper house", "lower_house=Lower house",
    _Custom(("sovereignty_type", "sovereignty_note"), _established,
            re.compile(r"established_(?:event|date)\d*")),
    *_LAND,
    _Custom(_POPULATION_KEYS, _population),
    _Measure("Density", "population_density_km2", "/km²", "population_density_sq_mi", "/sq mi"),
    "population_density_rank=Density rank",
    "gdp_ppp=GDP (PPP)", "gdp_ppp_rank=GDP (PPP) rank",
    "gdp_ppp_per_capita=GDP (PPP) per capita",
    "gdp_ppp_per_capita_rank=GDP (PPP) per capita rank", "gdp_nominal=GDP (nominal)",
    "gdp_nominal_rank=GDP (nominal) rank", "gdp_nominal_per_capita=GDP (nominal) per capita",
    "gdp_nominal_per_capita_rank=GDP (nominal) per capita rank",
    _index("Gini", "gini"), _index("HDI", "hdi"),
    _Custom(("currency", "currency_code"), _currency),
    _zone("Time zone", ("time_zone", "timezone"), ("utc_offset",)),
    _zone("Summer (DST)", ("time_zone_dst", "timezone_dst"), ("utc_offset_dst",)),
    "date_format=Date format", "drives_on=Driving side", "calling_code=Calling code",
    "iso3166code|iso_3166_code=ISO 3166 code", "cctld=Internet TLD",
)
_FOOTBALL_BIOGRAPHY = _SPORTS_HEAD + _specs(
    "position|positions=Position(s)", "currentclub|current_club=Current team",
    "clubnumber|club_number=Number",
    _Career("Youth career", "youthyears{n}", "youthclubs{n}", "youthcaps{n}", "youthgoals{n}"),
    _Career("Senior career", "years{n}", "clubs{n}", "caps{n}", "goals{n}"),
    _Career("International career", "nationalyears{n}", "nationalteam{n}", "nationalcaps{n}",
            "nationalgoals{n}"),
    _Career("Teams managed", "manageryears{n}", "managerclubs{n}"),
    "medaltemplates=Medal record",
)
_BASEBALL_BIOGRAPHY = _specs(
    "position=Position", _Custom(("bats", "throws"), _batting), BORN, DIED, RESTING_PLACE,
    HEIGHT, WEIGHT,
    _Custom(("debutdate", "debutyear", "debutteam", "debutleague"),
            _appearance("{league} debut", "debut")),
    _Custom(("finaldate", "finalyear", "finalteam", "finalleague"),
            _appearance("Last {league} appearance", "final")),
    _Pairs("stat{n}label", "stat{n}value", "Statistic"), "teams=Teams",
    "highlights=Career highlights and awards", "hofdate|hof_date=Hall of Fame induction",
    "hofvote|hof_vote=Hall of Fame vote", "hofmethod|hof_method=Hall of Fame election method",
)
_NFL_BIOGRAPHY = _specs(
    "number=No.", "current_team|currentteam=Current team", "position=Position", BORN, DIED,
    RESTING_PLACE, HEIGHT, WEIGHT, "high_school=High school", "college=College",
    _Custom(("draftyear", "draftround", "draftpick", "undraftedyear"), _draft("NFL")),
    "pastteams|teams=Career history", "pastcoaching=Coaching history",
    "highlights=Career highlights and awards",
    _Pairs("statlabel{n}", "statvalue{n}", "Statistic"),
)
_BASKETBALL_BIOGRAPHY = _specs(
    "league=League", "team=Team", "number=Number", "position=Position", BORN, DIED,
    "nationality=Nationality", HEIGHT, WEIGHT, "high_school=High school", "college=College",
    _Custom(("draft_year", "draft_round", "draft_pick", "draft_team", "draft_league"),
            _draft("NBA")),
    _Custom(("career_start", "career_end"),
            _span("Playing career", "career_start", "career_end")),
    "career_position=Position", "career_number=Number",
    _Custom(("coach_start", "coach_end"), _span("Coaching career", "coach_start", "coach_end")),
    _Career("Career history", "years{n}", "team{n}"),
    _Career("Coaching history", "cyears{n}", "cteam{n}"),
    "highlights=Career highlights and awards",
    _Pairs("stat{n}label", "stat{n}value", "Statistic"), "medaltemplates=Medal record",
)
_ICE_HOCKEY_PLAYER = _SPORTS_HEAD + _specs(
    "position=Position", "shoots=Shoots", "catches=Catches", "played_for=Played for",
    "team=Team", "league=League", "ntl_team=National team",
    _Custom(("draft", "draft_year", "draft_team"), _draft("NHL")),
    _Custom(("career_start", "career_end"),
            _span("Playing career", "career_start", "career_end")),
    "medaltemplates=Medal record",
)
_CRICKETER = _SPORTS_HEAD + _specs(
    "batting=Batting", "bowling=Bowling", "role=Role", "relations=Relations",
    "country=National side",
    _Custom(("testdebutdate", "testdebutyear", "testdebutagainst", "testcap"),
            _debut("Test debut", "testdebut", "testcap")),
    _Custom(("lasttestdate", "lasttestyear", "lasttestagainst"),
            _debut("Last Test", "lasttest")),
    _Custom(("odidebutdate", "odidebutyear", "odidebutagainst", "odicap"),
            _debut("ODI debut", "odidebut", "odicap")),
    _Custom(("lastodidate", "lastodiyear", "lastodiagainst"), _debut("Last ODI", "lastodi")),
    _Custom(("t20idebutdate", "t20idebutyear", "t20idebutagainst", "t20icap"),
            _debut("T20I debut", "t20idebut", "t20icap")),
    _Custom(("lastt20idate", "lastt20iyear", "lastt20iagainst"),
            _debut("Last T20I", "lastt20i")),
    _Career("Domestic team information", "year{n}", "club{n}"),
    _Custom((), _cricket_statistics, _CRICKET_PATTERN),
)
_TENNIS_BIOGRAPHY = _SPORTS_HEAD + _specs(
    "country=Country (sports)", "residence=Residence", "turnedpro=Turned pro",
    "retired=Retired", "plays=Plays", "coach=Coach",
    "careerprize|careerprizemoney=Prize money", "singlesrecord=Singles record",
    "singlestitles=Singles titles", "highestsinglesranking=Highest singles ranking",
    "currentsinglesranking=Current singles ranking", "australianopenresult=Australian Open",
    "frenchopenresult=French Open", "wimbledonresult=Wimbledon", "usopenresult=US Open",
    "olympicsresult=Olympic Games", "doublesrecord=Doubles record",
    "doublestitles=Doubles titles", "highestdoublesranking=Highest doubles ranking",
    "currentdoublesranking=Current doubles ranking",
    "australianopendoublesresult=Australian Open (doubles)",
    "frenchopendoublesresult=French Open (doubles)",
    "wimbledondoublesresult=Wimbledon (doubles)", "usopendoublesresult=US Open (doubles)",
    "medaltemplates=Medal record", "website=Website",
)
_SPORTSPERSON = _SPORTS_HEAD + _specs(
    "country=Country", "sport=Sport", "event|events=Event(s)", "position=Position",
    "league=League", "club=Club", "team=Team", "national_team=National team",
    "turnedpro=Turned pro", "coach=Coached by", "retired=Retired", "pb=Personal best(s)",
    "medaltemplates=Medal record", "website=Website",
)

_TAXON_BOXES = frozenset({"taxobox", "speciesbox", "automatic taxobox", "subspeciesbox",
                          "infraspeciesbox"})  # fmt: skip
_TAXOBOX = _specs(
    "fossil_range=Temporal range", _Custom(("status", "status_system"), _status),
    _Custom(_RANK_KEYS, _classification),
    "taxon=Taxon",
    _Custom(("binomial", "binomial_authority"), _scientific_name("Binomial name", "binomial")),
    _Custom(("trinomial", "trinomial_authority"), _scientific_name("Trinomial name", "trinomial")),
    "type_species=Type species", "type_genus=Type genus", "diversity=Diversity",
    _Custom(("subdivision_ranks", "subdivision"), _subdivisions), "synonyms=Synonyms",
)
_SPECS: dict[str, tuple[_Spec, ...]] = {
    "person": _PERSON, "writer": _WRITER, "philosopher": _PHILOSOPHER, "scientist": _SCIENTIST,
    "officeholder": _OFFICEHOLDER, "military person": _PERSON_HEAD + _MILITARY + _PERSON_TAIL,
    "criminal": _CRIMINAL, "musical artist": _MUSICAL_ARTIST,
    "militant organization": _MILITANT_ORGANIZATION, "organization": _ORGANIZATION,
    "company": _COMPANY, "film": _FILM, "book": _BOOK, "settlement": _SETTLEMENT,
    "country": _COUNTRY, "football biography": _FOOTBALL_BIOGRAPHY,
    "baseball biography": _BASEBALL_BIOGRAPHY, "nfl biography": _NFL_BIOGRAPHY,
    "basketball biography": _BASKETBALL_BIOGRAPHY, "ice hockey player": _ICE_HOCKEY_PLAYER,
    "cricketer": _CRICKETER, "tennis biography": _TENNIS_BIOGRAPHY,
    "sportsperson": _SPORTSPERSON,
}

# Labels any infobox gets for these parameters, in parameter order, when its own map (if any)
# did not place them: the common person rows, office blocks, places and organisations.
_UNIVERSAL: tuple[_Spec, ...] = (*_PERSON, *_MILITARY, OFFICES, *_LAND, *_specs(
    "founded=Founded", "founder=Founder", "founders=Founders", "headquarters=Headquarters",
    "location=Location", "country=Country", "language=Language", "genre=Genre",
    "key_people=Key people", "industry=Industry", "products=Products", "owner=Owner",
    "area_served=Area served", "num_employees=Number of employees", "parent=Parent",
    "population_total|population=Population", "capital=Capital", "currency=Currency",
    "type=Type", "status=Status", "motto=Motto", "established=Established",
    "leader=Leader", "chairman=Chairman", "ideology=Ideology", "position=Position",
    "league=League", "sport=Sport", "team=Team", "genres=Genres", "label=Label",
    "released=Released", "recorded=Recorded", "length=Length", "producer=Producer",
    "director=Directed by", "starring=Starring", "developer=Developer",
    "latest_release_version=Stable release", "operating_system=Operating system",
    "programming_language=Written in", "license=License",
    _Pairs("leader{n}_type", "leader{n}", "Leader"),
))
# fmt: on


# --- text -------------------------------------------------------------------------------------


def plain_text(markdown: str) -> str:
    """The text a label shows of an inline-Markdown value: links, emphasis and markup dropped."""
    text = re.sub(r"\[\[[^\[\]|]*\|([^\[\]]*)\]\]", r"\1", markdown)
    text = re.sub(r"\[\[([^\[\]|]*)\]\]", r"\1", text)
    text = re.sub(r"\[\^[^\]\s]+\]", "", text)  # citation markers
    text = re.sub(r"\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)", r"\1", text)
    text = _BREAK.sub(" ", text)
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r"(?<!\\)(?:\*+|(?<![\w\\])_+|_+(?!\w))", "", text)
    text = unescape_text(text)
    return " ".join(text.split())


_COMPOUNDS = {
    "yearsactive": "years active", "birthname": "birth name", "birthdate": "birth date",
    "birthplace": "birth place", "deathdate": "death date", "deathplace": "death place",
    "restingplace": "resting place", "almamater": "alma mater", "knownfor": "known for",
    "notableworks": "notable works", "othernames": "other names", "hometown": "hometown",
    "homepage": "homepage", "currentclub": "current club", "fullname": "full name",
    "deathcause": "cause of death", "serviceyears": "years of service",
    "servicenumber": "service number", "laterwork": "later work", "pastteams": "past teams",
    "turnedpro": "turned pro", "highschool": "high school", "clubnumber": "club number",
    "nationalteam": "national team", "networth": "net worth", "website": "website",
}  # fmt: skip
_ABBREVIATIONS = {
    "num": "number of", "no": "number of", "nr": "number of", "pop": "population",
    "hq": "headquarters", "yrs": "years", "govt": "government",
    "dept": "department", "intl": "international", "km2": "km²", "mi2": "sq mi",
    "sq": "sq", "pct": "percent", "dob": "date of birth", "dod": "date of death",
    "subsid": "subsidiaries", "loc": "location", "admin": "administrative",
    "elev": "elevation", "coords": "coordinates", "min": "minimum", "max": "maximum",
    "avg": "average", "approx": "approximately", "abbr": "abbreviation",
}  # fmt: skip
_ACRONYMS = frozenset({
    "gdp", "ppp", "hdi", "utc", "dst", "iso", "isbn", "issn", "oclc", "url", "uk", "us", "usa",
    "un", "eu", "nfl", "nba", "nhl", "mlb", "ncaa", "fifa", "uefa", "tv", "id", "ceo", "cfo",
    "tld", "cctld", "fips", "gnis", "lccn", "mp", "ipa", "imdb", "odi", "t20i", "ufc", "wwe",
    "aum", "isin", "ipo", "ngo", "nrhp", "icao", "iata", "faa", "gps", "cas", "iupac", "atc",
})  # fmt: skip


def humanize(key: str) -> str:
    """A readable label for a parameter nobody mapped: "num_employees" -> "Number of employees",
    "yearsActive" -> "Years active", "GDP_PPP" -> "GDP PPP"."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key.strip())
    words = text.replace("_", " ").replace("-", " ").lower().split()
    if len(words) == 1 and words[0] in _COMPOUNDS:
        words = _COMPOUNDS[words[0]].split()
    expanded: list[str] = []
    for word in words:
        if word in _ABBREVIATIONS:
            replacement = _ABBREVIATIONS[word].split()
        else:  # "blank1" -> "blank 1", but "t20i" and "km2" stay whole
            replacement = re.sub(r"(?<=[^\W\d_]{2})(?=\d+$)", " ", word).split()
        if expanded[-2:] == ["number", "of"] and replacement == ["of"]:
            continue  # "no_of_episodes": one "of" is enough
        expanded.extend(replacement)
    shown = [word.upper() if word in _ACRONYMS else word for word in expanded]
    label = " ".join(shown)
    return label[:1].upper() + label[1:] if label else key
