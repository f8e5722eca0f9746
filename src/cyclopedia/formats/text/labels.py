"""Infobox row labels as Wikipedia's infoboxes display them.

A scraped page prints an infobox as lines of "Label value"; knowing the labels is how the reader
tells an infobox row from a continuation line or from prose. Drawn from the displayed labels of the
person, officeholder, military person, criminal, scientist, artist, sportsperson, organisation,
militant organisation, company, settlement and country infoboxes.
"""

from __future__ import annotations

_PERSON = """
Born | Died | Resting place | Cause of death | Body discovered | Burial place | Monuments
Other names | Birth name | Native name | Also known as | Nickname | Nickname(s) | Pen name
Pseudonym | Stage name | Title | Honorific prefix | Citizenship | Nationality | Ethnicity
Education | Alma mater | Occupation | Occupations | Occupation(s) | Profession | Years active
Era | Region | Employer | Organization | Organisation | Agent | Known for | Notable work
Notable works | Style | Home town | Hometown | Height | Weight | Television | Party
Political party | Other political affiliations | Spouse | Spouses | Spouse(s) | Partner
Partners | Partner(s) | Children | Parent | Parents | Parent(s) | Relatives | Family | Religion
Denomination | Awards | Honours | Honors | Signature | Website | Official website | Residence
Net worth | Movement | Criminal charge | Criminal charges | Criminal penalty | Criminal status
Conviction | Conviction(s) | Victims | Span of crimes | Date apprehended | Imprisoned at
Arrested | Released | Detained at | Capture | Captured | Killed | Allegiance
Alleged to be a member of | Member of | Wanted by | Reward | Motive | Genre | Genres
Instrument | Instruments | Labels | Associated acts | Formerly of | Musical career | Origin
Fields | Field | Institutions | Thesis | Doctoral advisor | Doctoral students
Other academic advisors | Notable students | Influences | Influenced | Sport | Position
Team | Current team | League | Playing career | Coaching career | Medal record
"""

_OFFICE = """
Preceded by | Succeeded by | President | Prime Minister | Monarch | Deputy | Vice President
Governor | Lieutenant | Constituency | Majority | In office | Assumed office | Appointed by
Nominated by | Leader | Leaders | Cabinet | Term | Service | Branch | Service/branch
Years of service | Rank | Unit | Commands held | Battles/wars | Battles | Wars | Service number
"""

_ORGANISATION = """
Founded | Founder | Founders | Founded by | Founding leader | Dates of operation | Formation
Established | Dissolved | Defunct | Type | Legal status | Purpose | Headquarters | Location
Coordinates | Area served | Region served | Membership | Members | Official language
Official languages | Key people | Leader | Chairman | Secretary General | General Secretary
Main organ | Parent organization | Affiliations | Staff | Volunteers | Budget | Revenue
Operating income | Net income | Total assets | Owner | Owners | Number of employees | Subsidiaries
Industry | Products | Services | Traded as | ISIN | Predecessor | Successor | Ideology
Motives | Active regions | Notable attacks | Status | Size | Strength | Allies | Opponents
Opponent(s) | Battles and wars | Part of | Group(s) | Split from | Merged into | Colors | Colours
Slogan | Motto | Anthem | Flag | Emblem | Logo | Designated as terrorist group by
Designated as a terrorist group by | Originated as | Became | Annual revenue | Funding
"""

_PLACE = """
Country | State | Province | District | County | Municipality | Capital | Largest city
Government | Governing body | Mayor | Area | Elevation | Population | Density | Demonym
Time zone | Postal code | Area code | Area code(s) | Website | Sovereign state | Continent
Currency | Calling code | ISO 3166 code | Internet TLD | Driving side | Languages | GDP | HDI
"""


def _labels(*blocks: str) -> tuple[str, ...]:
    found = {part.strip() for block in blocks for part in block.replace("\n", "|").split("|")}
    found.discard("")
    # Longest first, so "Alleged to be a member of" wins over a shorter label it starts with.
    return tuple(sorted(found, key=lambda label: (-len(label), label)))


INFOBOX_LABELS: tuple[str, ...] = _labels(_PERSON, _OFFICE, _ORGANISATION, _PLACE)


def split_label(line: str) -> tuple[str, str] | None:
    """``(label, value)`` when a line is an infobox row, else None.

    The value may be empty when the row's value is on the following lines.
    """
    for label in INFOBOX_LABELS:
        if line == label:
            return label, ""
        if line.startswith(label) and line[len(label) : len(label) + 1] in (" ", "\t", ":"):
            value = line[len(label) + 1 :].strip()
            return label, value
    return None
