"""Infobox parameters as the rows a reader sees: labels, merged rows, skipped parameters, order.

Parameter values are written the way the converter hands them over (inline Markdown, templates
inside them already expanded); the real parameter sets come from
/work/shared/corpus/mediawiki/wtf_wikipedia_cache (CC BY-SA Wikipedia text).
"""

from __future__ import annotations

import pytest

from cyclopedia.document import InfoboxField
from cyclopedia.formats.mediawiki.wikitext.infobox_labels import (
    humanize,
    infobox_fields,
    infobox_kind,
    infobox_title,
    is_infobox,
    plain_text,
)

Params = list[tuple[str, str]]


@pytest.mark.parametrize(
    ("name", "infobox", "kind"),
    [
        ("Infobox person", True, "person"),
        ("infobox_officeholder", True, "officeholder"),
        ("Infobox Musical artist", True, "musical artist"),
        ("Infobox", True, ""),
        ("Taxobox", True, ""),
        ("Speciesbox", True, ""),
        ("Automatic taxobox", True, ""),
        ("Chembox", True, ""),
        ("Drugbox", True, ""),
        (
            "Infobox writer <!-- for more information see [[:Template:Infobox writer/doc]] -->",
            True,
            "writer",
        ),
        ("Infobox NFL player", True, "nfl biography"),
        ("Infobox Judge", True, "officeholder"),
        ("Infobox football club ", True, "football club"),
        ("  Infobox   UK_Bus ", True, "uk bus"),
        ("Template:Infobox company", True, "company"),
        ("Infobox adult biography", True, "person"),
        ("Infobox militant group", True, "militant organization"),
        ("infobox organisation", True, "organization"),
        ("Infoboxes", False, ""),
        ("Cite web", False, ""),
        ("Navbox", False, ""),
        ("", False, ""),
    ],
)
def test_names_and_kinds(name: str, infobox: bool, kind: str) -> None:
    assert is_infobox(name) is infobox
    assert infobox_kind(name) == kind


@pytest.mark.parametrize(
    ("params", "title"),
    [
        ([("name", "Freddie Butler")], "Freddie Butler"),
        ([("Name", " Antique ")], "Antique"),
        ([("name", "Hasan Ibn al-Haytham<br>(Alhazen)")], "Hasan Ibn al-Haytham (Alhazen)"),
        ([("name", ""), ("official_name", "Teymanak-e Olya")], "Teymanak-e Olya"),
        ([("conventional_long_name", "Republic of X"), ("common_name", "X")], "Republic of X"),
        ([("clubname", "Raith Rovers")], "Raith Rovers"),
        ([("image", "x.jpg")], None),
        ([("name", "  ")], None),
        ([], None),
    ],
)
def test_titles(params: Params, title: str | None) -> None:
    assert infobox_title("Infobox person", params) == title


def rows(name: str, params: Params) -> list[tuple[str, str]]:
    result = infobox_fields(name, params)
    for label, value in result:  # every row is a valid Document infobox field
        InfoboxField(label=label, value=value)
        assert "[[" not in label
        assert "*" not in label
    return result


# --- real parameter sets from the corpus ----------------------------------------------------------

CORPUS: list[tuple[str, Params, list[tuple[str, str]]]] = [
    (
        "Infobox person",  # Allen-R.-Morris.txt
        [
            ("image", "AllenMorrisHeadShot.jpg"),
            ("imagesize", "200px"),
            ("caption", "Allen R. Morris in his office 2015"),
            ("birth_name", "Allen Robert Morris"),
            ("birth_date", ""),
            ("birth_place", "[[Dallas, Texas]], U.S."),
            ("other_names", ""),
            ("occupation", "Producer/Director/Writer"),
            ("years_active", "1969–present"),
            ("spouse", "Melinda Baldwin (1991–present)"),
            ("children", "Rachel Seitz<br>Asher Allen Morris<br>Kristin Huppe"),
            ("website", "<http://www.belaymedia.com>"),
        ],
        [
            ("Born", "Allen Robert Morris\n[[Dallas, Texas]], U.S."),
            ("Occupation", "Producer/Director/Writer"),
            ("Years active", "1969–present"),
            ("Spouse", "Melinda Baldwin (1991–present)"),
            ("Children", "Rachel Seitz<br>Asher Allen Morris<br>Kristin Huppe"),
            ("Website", "<http://www.belaymedia.com>"),
        ],
    ),
    (
        "Infobox company",  # Alsea-(company).txt
        [
            ("name", "Alsea, S.A.B. de C.V."),
            ("logo", "Alsea_logo.png"),
            ("image", ""),
            ("type", "[[Public Company|Public]]"),
            ("traded_as", "BMV: ALSEA"),
            ("industry", "[[Restaurants]]"),
            ("genre", ""),
            ("fate", ""),
            ("predecessor", "Operadora DP, S.A. de C.V"),
            ("successor", ""),
            ("founded", "16 May 1997 in [[Mexico City]], [[Mexico]]"),
            ("founder", ""),
            ("hq_location", ""),
            ("hq_location_city", "[[Mexico City]]"),
            ("hq_location_country", "Mexico"),
            ("area_served", "Latin America<br>Spain"),
            ("key_people", "Alberto Torrado M.([[Chairman]])"),
            ("products", ""),
            ("revenue", "US$ 1,714 million (2014)<br>US$ 1,230 million (2013)"),
            ("num_employees", "60,000"),
            ("num_employees_year", "2014"),
            ("module", ""),
            ("website", "[www.alsea.com.mx](<http://www.alsea.com.mx>)"),
        ],
        [
            ("Type", "[[Public Company|Public]]"),
            ("Traded as", "BMV: ALSEA"),
            ("Industry", "[[Restaurants]]"),
            ("Predecessor", "Operadora DP, S.A. de C.V"),
            ("Founded", "16 May 1997 in [[Mexico City]], [[Mexico]]"),
            ("Headquarters", "[[Mexico City]], Mexico"),
            ("Area served", "Latin America<br>Spain"),
            ("Key people", "Alberto Torrado M.([[Chairman]])"),
            ("Revenue", "US$ 1,714 million (2014)<br>US$ 1,230 million (2013)"),
            ("Number of employees", "60,000 (2014)"),
            ("Website", "[www.alsea.com.mx](<http://www.alsea.com.mx>)"),
        ],
    ),
    (
        "Infobox football biography",  # Altimont-Butler.txt
        [
            ("image", ""),
            ("name", "Freddie Butler"),
            ("fullname", "Altimont Butler"),
            ("birth_date", "21 July 1968"),
            ("birth_place", "[[Kingston, Jamaica|Kingston]], [[Jamaica]]"),
            ("height", "1.77 m"),
            ("position", "[[Midfielder]]"),
            ("youthyears1", ""),
            ("youthclubs1", ""),
            ("years1", "1984–1987"),
            ("years2", "1988–1990"),
            ("years7", "1996"),
            ("years10", "1998"),
            ("clubs1", "[[Harbour View F.C.|Harbour View]]"),
            ("clubs2", "[[L'Etoile de Morne-à-l'Eau|L'Etoile]]"),
            ("clubs7", "[[San Jose Clash]]"),
            ("clubs10", "[[New Hampshire Phantoms]]"),
            ("caps1", ""),
            ("caps7", "14"),
            ("goals7", "0"),
            ("caps10", "1"),
            ("goals10", "1"),
        ],
        [
            ("Full name", "Altimont Butler"),
            ("Born", "21 July 1968\n[[Kingston, Jamaica|Kingston]], [[Jamaica]]"),
            ("Height", "1.77 m"),
            ("Position(s)", "[[Midfielder]]"),
            (
                "Senior career",
                "1984–1987: [[Harbour View F.C.|Harbour View]]\n"
                "1988–1990: [[L'Etoile de Morne-à-l'Eau|L'Etoile]]\n"
                "1996: [[San Jose Clash]] (14 apps, 0 goals)\n"
                "1998: [[New Hampshire Phantoms]] (1 app, 1 goal)",
            ),
        ],
    ),
    (
        "Infobox musical artist",  # Antique-(band).txt: old capitalised parameter names
        [
            ("Name", "Antique"),
            ("Img", ""),
            ("Img_capt", "Elena Paparizou and Nikos Panagiotidis"),
            ("Img_size", ""),
            ("Background", "group_or_band"),
            ("Origin", "[[Stockholm]], [[Sweden]]"),
            ("Genre", "[[Laïko]], [[Eurodance]]"),
            ("Years_active", "1999–2003"),
            ("Label", "[[V2 Records|V2]], [[Bonnier Music|Bonnier]]"),
            ("URL", ""),
            ("Current_members", "[[Elena Paparizou]]<br>[[Nikos Panagiotidis]]"),
        ],
        [
            ("Origin", "[[Stockholm]], [[Sweden]]"),
            ("Genres", "[[Laïko]], [[Eurodance]]"),
            ("Years active", "1999–2003"),
            ("Labels", "[[V2 Records|V2]], [[Bonnier Music|Bonnier]]"),
            ("Members", "[[Elena Paparizou]]<br>[[Nikos Panagiotidis]]"),
        ],
    ),
    (
        "Infobox baseball biography",  # Jerry-Mumphrey.txt
        [
            ("name", "Jerry Mumphrey"),
            ("image", ""),
            ("position", "[[Outfielder]]"),
            ("bats", "Switch"),
            ("throws", "Right"),
            ("birth_date", "September 9, 1952"),
            ("birth_place", "[[Tyler, Texas]]"),
            ("debutleague", "MLB"),
            ("debutdate", "September 10"),
            ("debutyear", "1974"),
            ("debutteam", "St. Louis Cardinals"),
            ("finalleague", "MLB"),
            ("finaldate", "September 30"),
            ("finalyear", "1988"),
            ("finalteam", "Chicago Cubs"),
            ("statleague", "MLB"),
            ("stat1label", "[[Batting average]]"),
            ("stat1value", ".289"),
            ("stat2label", "[[Home run]]s"),
            ("stat2value", "70"),
            ("stat3label", "[[Runs batted in]]"),
            ("stat3value", "575"),
            ("teams", "- [[St. Louis Cardinals]] (1974–1979)"),
            ("highlights", "- [[Major League Baseball All-Star Game|All-Star]] (1984)"),
        ],
        [
            ("Position", "[[Outfielder]]"),
            ("Batted", "Switch"),
            ("Threw", "Right"),
            ("Born", "September 9, 1952\n[[Tyler, Texas]]"),
            ("MLB debut", "September 10, 1974, for the St. Louis Cardinals"),
            ("Last MLB appearance", "September 30, 1988, for the Chicago Cubs"),
            ("Batting average", ".289"),
            ("Home runs", "70"),
            ("Runs batted in", "575"),
            ("Teams", "- [[St. Louis Cardinals]] (1974–1979)"),
            (
                "Career highlights and awards",
                "- [[Major League Baseball All-Star Game|All-Star]] (1984)",
            ),
        ],
    ),
    (
        "Infobox settlement",  # Teymanak-e-Olya.txt
        [
            ("official_name", "Teymanak-e Olya"),
            ("native_name", "تيمنك عليا"),
            ("settlement_type", "village"),
            ("pushpin_map", "Iran"),
            ("mapsize", "150px"),
            ("subdivision_type", "[[List of countries|Country]]"),
            ("subdivision_name", "Iran"),
            ("subdivision_type1", "[[Provinces of Iran|Province]]"),
            ("subdivision_name1", "[[Razavi Khorasan Province|Razavi Khorasan]]"),
            ("subdivision_type2", "[[Counties of Iran|County]]"),
            ("subdivision_name2", "[[Torbat-e Jam County|Torbat-e Jam]]"),
            ("leader_title", ""),
            ("leader_name", ""),
            ("area_total_km2", ""),
            ("area_footnotes", ""),
            ("population_as_of", "2006"),
            ("population_total", "559"),
            ("population_density_km2", "auto"),
            ("timezone", "[[Iran Standard Time|IRST]]"),
            ("utc_offset", "+3:30"),
            ("timezone_DST", "[[Iran Daylight Time|IRDT]]"),
            ("utc_offset_DST", "+4:30"),
            ("coordinates", "35°30′12″N 60°35′37″E"),
            ("elevation_m", ""),
            ("website", ""),
            ("footnotes", ""),
        ],
        [
            ("Native name", "تيمنك عليا"),
            ("Type", "village"),
            ("Country", "Iran"),
            ("Province", "[[Razavi Khorasan Province|Razavi Khorasan]]"),
            ("County", "[[Torbat-e Jam County|Torbat-e Jam]]"),
            ("Population", "559 (2006)"),
            ("Time zone", "[[Iran Standard Time|IRST]] (UTC+3:30)"),
            ("Summer (DST)", "[[Iran Daylight Time|IRDT]] (UTC+4:30)"),
        ],
    ),
    (
        "Infobox Judge",  # K.-Nicole-Mitchell.txt: an officeholder, "termstart" spelling
        [
            ("name", "K. Nicole Mitchell"),
            ("imagesize", ""),
            ("caption", ""),
            (
                "office",
                "U.S. Magistrate Judge of the [[United States District Court for the "
                "Eastern District of Texas]]",
            ),
            ("termstart", "August 16, 2013"),
            ("termend", ""),
            ("nominator", ""),
            ("appointer", ""),
            ("predecessor", "Judith Guthrie"),
            ("successor", ""),
            ("office2", ""),
            ("termstart2", ""),
            ("birth_date", ""),
            ("spouse", ""),
            ("alma_mater", "[[Texas A&M]] (B.A., M.A.)<br>[[Baylor Law School]] (J.D.)"),
            ("religion", ""),
        ],
        [
            (
                "U.S. Magistrate Judge of the United States District Court for the Eastern "
                "District of Texas",
                "Assumed office\nAugust 16, 2013",
            ),
            ("Preceded by", "Judith Guthrie"),
            ("Alma mater", "[[Texas A&M]] (B.A., M.A.)<br>[[Baylor Law School]] (J.D.)"),
        ],
    ),
    (
        "Infobox NFL biography",  # Charlie-Milstead.txt
        [
            ("name", "Charlie Milstead"),
            ("birth_date", "November 21, 1937"),
            ("birth_place", "[[Tyler, Texas]]"),
            ("death_date", ""),
            ("number", "12"),
            ("position", "[[Quarterback]]<br>[[Defensive back]]"),
            ("height_ft", "6"),
            ("height_in", "2"),
            ("weight_lb", "190"),
            ("college", "[[Texas A&M University|Texas A\\&M]]"),
            ("draftyear", "1960"),
            ("draftround", "14"),
            ("draftpick", "160"),
            ("pastteams", "- [[Houston Oilers]] (1960–1961)"),
            ("statlabel1", "Games played"),
            ("statvalue1", "22"),
            ("statlabel3", "[[Interception]]s"),
            ("statvalue3", "2"),
        ],
        [
            ("No.", "12"),
            ("Position", "[[Quarterback]]<br>[[Defensive back]]"),
            ("Born", "November 21, 1937\n[[Tyler, Texas]]"),
            ("Height", "6 ft 2 in"),
            ("Weight", "190 lb"),
            ("College", "[[Texas A&M University|Texas A\\&M]]"),
            ("NFL draft", "1960 / Round: 14 / Pick: 160"),
            ("Career history", "- [[Houston Oilers]] (1960–1961)"),
            ("Games played", "22"),
            ("Interceptions", "2"),
        ],
    ),
    (
        "Infobox NFL player",  # Terrence-Murphy-(American-football).txt
        [
            ("name", "Terrence Murphy"),
            ("position", "[[Wide receiver]]"),
            ("number", "85"),
            ("birth_date", "December 15, 1982"),
            ("birth_place", "[[Tyler, Texas]]"),
            ("height_ft", "6"),
            ("height_in", "1"),
            ("weight_lbs", "202"),
            ("draftyear", "2005"),
            ("draftround", "2"),
            ("draftpick", "58"),
            ("high_school", "[[Chapel Hill High School (Tyler, Texas)|Tyler (TX) Chapel Hill]]"),
            ("college", "[[Texas A&M University|Texas A\\&M]]"),
            ("teams", "- [[Green Bay Packers]] ([[2005 NFL season|2005]])"),
            ("statlabel1", "[[Reception (American football)|Reception]]s"),
            ("statvalue1", "5"),
            ("nfl", "MUR521959"),
        ],
        [
            ("No.", "85"),
            ("Position", "[[Wide receiver]]"),
            ("Born", "December 15, 1982\n[[Tyler, Texas]]"),
            ("Height", "6 ft 1 in"),
            ("Weight", "202 lb"),
            ("High school", "[[Chapel Hill High School (Tyler, Texas)|Tyler (TX) Chapel Hill]]"),
            ("College", "[[Texas A&M University|Texas A\\&M]]"),
            ("NFL draft", "2005 / Round: 2 / Pick: 58"),
            ("Career history", "- [[Green Bay Packers]] ([[2005 NFL season|2005]])"),
            ("Receptions", "5"),
        ],
    ),
    (
        "Infobox writer <!-- for more information see [[:Template:Infobox writer/doc]] -->",
        [
            ("image", "Elizabeth Gilbert at TED.jpg"),
            ("name", "Elizabeth Gilbert"),
            ("caption", "Gilbert at TED 2009"),
            ("pseudonym", ""),
            ("birth_date", "July 18, 1969"),
            ("birth_place", "[[Waterbury, Connecticut]], U.S."),
            ("death_date", ""),
            ("occupation", "Novelist, memoirist"),
            ("alma_mater", "[[New York University]]"),
            ("nationality", "American"),
            ("period", "1997–present"),
            ("genre", "Fiction, memoir"),
            ("spouse", "Michael Cooper<br>(1994–2002)"),
            ("partner", "Rayya Elias<br>(2016–present)"),
            ("movement", ""),
            ("notableworks", "*[[Eat, Pray, Love]]* (2006)"),
            ("signature", ""),
            ("website", "[ElizabethGilbert.com](<http://Elizabethgilbert.com>)"),
        ],
        [
            ("Born", "July 18, 1969\n[[Waterbury, Connecticut]], U.S."),
            ("Nationality", "American"),
            ("Alma mater", "[[New York University]]"),
            ("Occupation", "Novelist, memoirist"),
            ("Notable works", "*[[Eat, Pray, Love]]* (2006)"),
            ("Period", "1997–present"),
            ("Genre", "Fiction, memoir"),
            ("Spouse", "Michael Cooper<br>(1994–2002)"),
            ("Partner", "Rayya Elias<br>(2016–present)"),
            ("Website", "[ElizabethGilbert.com](<http://Elizabethgilbert.com>)"),
        ],
    ),
    (
        "Infobox philosopher",  # julia_kristeva.txt
        [
            ("name", "Julia Kristeva"),
            ("image", "Kristeva IMG 5888.jpg"),
            ("image_size", ""),
            ("caption", "Julia Kristeva in Paris, 2008"),
            ("birth_name", "Юлия Кръстева"),
            ("birth_date", "24 June 1941"),
            ("birth_place", "[[Sliven]], [[Kingdom of Bulgaria|Bulgaria]]"),
            ("alma_mater", "[[University of Sofia]]"),
            ("residence", "France"),
            ("era", "[[Contemporary philosophy]]"),
            ("region", "[[Western philosophy]]"),
            ("school_tradition", "[[Psychoanalysis]]<br>[[Structuralism]]"),
            ("religion", ""),
            ("spouse", "[[Philippe Sollers]]"),
            ("influences", "[[Mikhail Bakhtin]] · [[Jacques Lacan]]"),
            ("influenced", ""),
            ("website", "[kristeva.fr](<http://kristeva.fr/>)"),
        ],
        [
            ("Born", "Юлия Кръстева\n24 June 1941\n[[Sliven]], [[Kingdom of Bulgaria|Bulgaria]]"),
            ("Alma mater", "[[University of Sofia]]"),
            ("Era", "[[Contemporary philosophy]]"),
            ("Region", "[[Western philosophy]]"),
            ("School", "[[Psychoanalysis]]<br>[[Structuralism]]"),
            ("Influences", "[[Mikhail Bakhtin]] · [[Jacques Lacan]]"),
            ("Spouse", "[[Philippe Sollers]]"),
            ("Website", "[kristeva.fr](<http://kristeva.fr/>)"),
            ("Residence", "France"),
        ],
    ),
    (
        "Infobox scientist",  # al_Haytham.txt
        [
            ("name", "Hasan Ibn al-Haytham<br>(Alhazen)"),
            ("image", ""),
            ("caption", ""),
            ("birth_date", "c. 965 (c. 354 [[Islamic calendar|AH]])[^2]"),
            ("birth_place", "[[Basra]], [[Medieval Iraq|Iraq]]"),
            ("death_date", "c. 1040 (c. 430 AH)[^4]"),
            ("death_place", "[[Cairo]], [[Fatimid Caliphate|Egypt]]"),
            ("residence", "[[Basra]] · [[Cairo]]"),
            ("fields", "[[Optics]] · [[Astronomy]]"),
            ("workplaces", ""),
            ("alma_mater", ""),
            ("notable_students", ""),
            ("influences", "[[Aristotle]], [[Euclid]]"),
            ("known_for", "*[[Book of Optics]]*"),
            ("footnotes", ""),
        ],
        [
            (
                "Born",
                "c. 965 (c. 354 [[Islamic calendar|AH]])[^2]\n[[Basra]], [[Medieval Iraq|Iraq]]",
            ),
            ("Died", "c. 1040 (c. 430 AH)[^4]\n[[Cairo]], [[Fatimid Caliphate|Egypt]]"),
            ("Known for", "*[[Book of Optics]]*"),
            ("Fields", "[[Optics]] · [[Astronomy]]"),
            ("Influences", "[[Aristotle]], [[Euclid]]"),
            ("Residence", "[[Basra]] · [[Cairo]]"),
        ],
    ),
    (
        "Infobox adult biography",  # Britt-Morgan.txt: unknown parameters, humanised, in order
        [
            ("name", "Britt Morgan"),
            ("image", "Britt Morgan.jpg"),
            ("birth_name", ""),
            ("birth_date", "August 12, 1963"),
            ("birth_place", "[[Tyler, Texas]], United States"),
            ("height", "5 ft 3 in[^1]"),
            ("weight", "114 lb (52 kg)[^1]"),
            ("alias", "Brittney Morgan, Brittany Morgan"),
            ("number_of_films", "196 as actress"),
            ("website", "<http://www.brittmorganonline.com/>"),
        ],
        [
            ("Born", "August 12, 1963\n[[Tyler, Texas]], United States"),
            ("Other names", "Brittney Morgan, Brittany Morgan"),
            ("Height", "5 ft 3 in[^1]"),
            ("Weight", "114 lb (52 kg)[^1]"),
            ("Website", "<http://www.brittmorganonline.com/>"),
            ("Number of films", "196 as actress"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "params", "expected"), CORPUS)
def test_corpus_infoboxes(name: str, params: Params, expected: list[tuple[str, str]]) -> None:
    assert rows(name, params) == expected


# --- label maps of the common infoboxes -----------------------------------------------------------

KINDS: list[tuple[str, Params, list[tuple[str, str]]]] = [
    (
        "Infobox person",
        [
            ("death_place", "Paris"),
            ("birth_date", "5 May 1900"),
            ("death_date", "1 June 1970"),
            ("death_cause", "Old age"),
            ("resting_place", "Père Lachaise"),
            ("resting_place_coordinates", "48°51′N"),
            ("nationality", "French"),
            ("citizenship", "France"),
            ("alma_mater", "Sorbonne"),
            ("known_for", "Things"),
            ("awards", "Prize"),
            ("parents", "A, B"),
            ("mother", "A"),
            ("father", "B"),
            ("relatives", "C"),
            ("children", "3"),
            ("partner", "D"),
            ("spouse", "E"),
        ],
        [
            ("Born", "5 May 1900"),
            ("Died", "1 June 1970\nParis"),
            ("Cause of death", "Old age"),
            ("Resting place", "Père Lachaise"),
            ("Nationality", "French"),
            ("Citizenship", "France"),
            ("Alma mater", "Sorbonne"),
            ("Known for", "Things"),
            ("Spouse", "E"),
            ("Partner", "D"),
            ("Children", "3"),
            ("Parent(s)", "A, B"),
            ("Mother", "A"),
            ("Father", "B"),
            ("Relatives", "C"),
            ("Awards", "Prize"),
        ],
    ),
    (
        "Infobox country",
        [
            ("conventional_long_name", "Republic of Example"),
            ("common_name", "Example"),
            ("image_flag", "Flag.svg"),
            ("capital", "[[Capital City]]"),
            ("largest_city", "capital"),
            ("official_languages", "Examplish"),
            ("demonym", "Examplian"),
            ("government_type", "Republic"),
            ("leader_title1", "[[President of Example|President]]"),
            ("leader_name1", "Jane Roe"),
            ("area_km2", "1,234"),
            ("area_sq_mi", "476"),
            ("population_estimate", "5,000,000"),
            ("population_estimate_year", "2020"),
            ("GDP_PPP", "$1 billion"),
            ("GDP_PPP_year", "2019"),
            ("currency", "Example dollar"),
            ("currency_code", "EXD"),
            ("time_zone", "EXT"),
            ("utc_offset", "+2"),
            ("calling_code", "+999"),
            ("cctld", ".ex"),
        ],
        [
            ("Capital and largest city", "[[Capital City]]"),  # largest_city = capital
            ("Official languages", "Examplish"),
            ("Demonym", "Examplian"),
            ("Government", "Republic"),
            ("President", "Jane Roe"),
            ("Area", "1,234 km² (476 sq mi)"),
            ("Population", "5,000,000 (2020)"),
            ("GDP (PPP)", "$1 billion (2019)"),
            ("Currency", "Example dollar (EXD)"),
            ("Time zone", "EXT (UTC+2)"),
            ("Calling code", "+999"),
            ("Internet TLD", ".ex"),
        ],
    ),
    (
        "Infobox film",
        [
            ("name", "Film"),
            ("image", "Poster.jpg"),
            ("director", "[[Jane Doe]]"),
            ("producer", "P"),
            ("writer", "W"),
            ("screenplay", "S"),
            ("starring", "A<br>B"),
            ("music", "M"),
            ("cinematography", "C"),
            ("editing", "E"),
            ("studio", "Studio"),
            ("distributor", "Dist"),
            ("released", "9 April 2008 (Cannes)"),
            ("runtime", "120 minutes"),
            ("country", "France"),
            ("language", "French"),
            ("budget", "$1 million"),
            ("gross", "$2 million"),
        ],
        [
            ("Directed by", "[[Jane Doe]]"),
            ("Screenplay by", "S"),
            ("Written by", "W"),
            ("Produced by", "P"),
            ("Starring", "A<br>B"),
            ("Music by", "M"),
            ("Cinematography", "C"),
            ("Edited by", "E"),
            ("Production company", "Studio"),
            ("Distributed by", "Dist"),
            ("Release date", "9 April 2008 (Cannes)"),
            ("Running time", "120 minutes"),
            ("Country", "France"),
            ("Language", "French"),
            ("Budget", "$1 million"),
            ("Box office", "$2 million"),
        ],
    ),
    (
        "Infobox book",
        [
            ("name", "Book"),
            ("author", "A"),
            ("country", "UK"),
            ("language", "English"),
            ("genre", "Novel"),
            ("publisher", "Pub"),
            ("pub_date", "1900"),
            ("pages", "300"),
            ("isbn", "0-00"),
            ("preceded_by", "*Earlier*"),
            ("followed_by", "*Later*"),
        ],
        [
            ("Author", "A"),
            ("Country", "UK"),
            ("Language", "English"),
            ("Genre", "Novel"),
            ("Publisher", "Pub"),
            ("Publication date", "1900"),
            ("Pages", "300"),
            ("ISBN", "0-00"),
            ("Preceded by", "*Earlier*"),
            ("Followed by", "*Later*"),
        ],
    ),
    (
        "Infobox militant organization",
        [
            ("name", "Asa'ib Ahl al-Haq"),
            ("logo", "AAH.svg"),
            ("dates", "2006–present"),
            ("leaders", "[[Qais al-Khazali]]"),
            ("headquarters", "Baghdad"),
            ("area", "Iraq, Syria"),
            ("ideology", "Shia Islamism"),
            ("allies", "X"),
            ("opponents", "Y"),
            ("battles", "[[Iraq War]]"),
            ("status", "Active"),
            ("flag", "Flag.svg"),
        ],
        [
            ("Leaders", "[[Qais al-Khazali]]"),
            ("Dates of operation", "2006–present"),
            ("Headquarters", "Baghdad"),
            ("Active regions", "Iraq, Syria"),
            ("Ideology", "Shia Islamism"),
            ("Status", "Active"),
            ("Allies", "X"),
            ("Opponents", "Y"),
            ("Battles and wars", "[[Iraq War]]"),
        ],
    ),
    (
        "Infobox organization",
        [
            ("name", "Org"),
            ("formation", "1990"),
            ("type", "NGO"),
            ("headquarters", "Geneva"),
            ("leader_title", "Director"),
            ("leader_name", "Z"),
            ("website", "<https://org.test>"),
        ],
        [
            ("Formation", "1990"),
            ("Type", "NGO"),
            ("Headquarters", "Geneva"),
            ("Director", "Z"),
            ("Website", "<https://org.test>"),
        ],
    ),
    (
        "Infobox military person",
        [
            ("name", "General"),
            ("allegiance", "UK"),
            ("branch", "Army"),
            ("serviceyears", "1900–1940"),
            ("rank", "General"),
            ("commands", "8th Army"),
            ("battles", "[[World War II]]"),
            ("awards", "Medal"),
        ],
        [
            ("Allegiance", "UK"),
            ("Service/branch", "Army"),
            ("Years of service", "1900–1940"),
            ("Rank", "General"),
            ("Commands held", "8th Army"),
            ("Battles/wars", "[[World War II]]"),
            ("Awards", "Medal"),
        ],
    ),
    (
        "Infobox criminal",
        [
            ("name", "C"),
            ("criminal_charge", "Theft"),
            ("penalty", "5 years"),
            ("conviction", "Theft"),
            ("victims", "3"),
            ("motive", "Greed"),
        ],
        [
            ("Criminal charge(s)", "Theft"),
            ("Criminal penalty", "5 years"),
            ("Conviction(s)", "Theft"),
            ("Victims", "3"),
            ("Motive", "Greed"),
        ],
    ),
    (
        "Infobox basketball biography",
        [
            ("name", "B"),
            ("league", "[[NBA]]"),
            ("team", "Cavs"),
            ("position", "Forward"),
            ("height_ft", "6"),
            ("height_in", "9"),
            ("weight_lb", "250"),
            ("draft_year", "2003"),
            ("draft_round", "1"),
            ("draft_pick", "1"),
            ("draft_team", "Cleveland Cavaliers"),
            ("career_start", "2003"),
            ("years1", "2003–2010"),
            ("team1", "Cleveland"),
            ("years2", "2010–2014"),
            ("team2", "Miami"),
            ("highlights", "Champion"),
        ],
        [
            ("League", "[[NBA]]"),
            ("Team", "Cavs"),
            ("Position", "Forward"),
            ("Height", "6 ft 9 in"),
            ("Weight", "250 lb"),
            ("NBA draft", "2003 / Round: 1 / Pick: 1\nSelected by the Cleveland Cavaliers"),
            ("Playing career", "2003–present"),
            ("Career history", "2003–2010: Cleveland\n2010–2014: Miami"),
            ("Career highlights and awards", "Champion"),
        ],
    ),
    (
        "Infobox ice hockey player",
        [
            ("name", "H"),
            ("position", "Centre"),
            ("shoots", "Left"),
            ("played_for", "Penguins"),
            ("draft", "1st overall"),
            ("draft_year", "2005"),
            ("draft_team", "Pittsburgh Penguins"),
            ("career_start", "2005"),
            ("career_end", "2020"),
        ],
        [
            ("Position", "Centre"),
            ("Shoots", "Left"),
            ("Played for", "Penguins"),
            ("NHL draft", "1st overall, 2005\nSelected by the Pittsburgh Penguins"),
            ("Playing career", "2005–2020"),
        ],
    ),
    (
        "Infobox cricketer",
        [
            ("name", "K"),
            ("batting", "Right-handed"),
            ("bowling", "Right-arm fast"),
            ("role", "Bowler"),
            ("country", "India"),
            ("testdebutdate", "1 March"),
            ("testdebutyear", "2002"),
            ("testdebutagainst", "Australia"),
            ("testcap", "123"),
            ("column1", "[[Test cricket|Test]]"),
            ("matches1", "10"),
            ("runs1", "100"),
            ("column2", "ODI"),
            ("matches2", "20"),
            ("bat avg1", "10.0"),
            ("catches/stumpings1", "5/–"),
            ("club1", "Mumbai"),
            ("year1", "2000–2005"),
        ],
        [
            ("Batting", "Right-handed"),
            ("Bowling", "Right-arm fast"),
            ("Role", "Bowler"),
            ("National side", "India"),
            ("Test debut", "(cap 123) 1 March 2002 v Australia"),
            ("Domestic team information", "2000–2005: Mumbai"),
            ("Matches", "Test: 10\nODI: 20"),
            ("Runs scored", "Test: 100"),
            ("Batting average", "Test: 10.0"),
            ("Catches/stumpings", "Test: 5/–"),
        ],
    ),
    (
        "Infobox tennis biography",
        [
            ("name", "T"),
            ("country", "Spain"),
            ("plays", "Left-handed"),
            ("singlesrecord", "1000–200"),
            ("singlestitles", "90"),
            ("highestsinglesranking", "No. 1"),
            ("FrenchOpenresult", "W (2005)"),
            ("doublesrecord", "100–50"),
        ],
        [
            ("Country (sports)", "Spain"),
            ("Plays", "Left-handed"),
            ("Singles record", "1000–200"),
            ("Singles titles", "90"),
            ("Highest singles ranking", "No. 1"),
            ("French Open", "W (2005)"),
            ("Doubles record", "100–50"),
        ],
    ),
    (
        "Infobox sportsperson",
        [
            ("name", "S"),
            ("sport", "Athletics"),
            ("event", "100 m"),
            ("country", "Jamaica"),
            ("pb", "9.58"),
            ("coach", "Glen Mills"),
        ],
        [
            ("Country", "Jamaica"),
            ("Sport", "Athletics"),
            ("Event(s)", "100 m"),
            ("Coached by", "Glen Mills"),
            ("Personal best(s)", "9.58"),
        ],
    ),
    (
        "Infobox officeholder",
        [
            ("name", "Barack Obama"),
            ("order", "44th"),
            ("office", "President of the United States"),
            ("vicepresident", "[[Joe Biden]]"),
            ("term_start", "January 20, 2009"),
            ("term_end", "January 20, 2017"),
            ("predecessor", "[[George W. Bush]]"),
            ("successor", "[[Donald Trump]]"),
            ("office2", "Member of the [[U.S. Senate]]"),
            ("term_start2", "January 3, 2005"),
            ("term_end2", "November 16, 2008"),
            ("predecessor2", "Peter Fitzgerald"),
            ("office3", "Senator"),
            ("term_end3", "2004"),
            ("order4", "1st"),
            ("birth_date", "August 4, 1961"),
            ("birth_place", "Honolulu"),
            ("party", "[[Democratic Party (United States)|Democratic]]"),
            ("spouse", "[[Michelle Obama]]"),
        ],
        [
            (
                "44th President of the United States",
                "In office\nJanuary 20, 2009 – January 20, 2017",
            ),
            ("Vice President", "[[Joe Biden]]"),
            ("Preceded by", "[[George W. Bush]]"),
            ("Succeeded by", "[[Donald Trump]]"),
            ("Member of the U.S. Senate", "In office\nJanuary 3, 2005 – November 16, 2008"),
            ("Preceded by", "Peter Fitzgerald"),
            ("Senator", "In office\n– 2004"),
            ("Office", "1st"),
            ("Born", "August 4, 1961\nHonolulu"),
            ("Political party", "[[Democratic Party (United States)|Democratic]]"),
            ("Spouse", "[[Michelle Obama]]"),
        ],
    ),
    (
        "Infobox WoT detainees",  # the seed page's infobox
        [
            ("name", "Qais al-Khazali"),
            ("birth_date", "1974[^1]"),
            ("birth_place", "[[Sadr City]], [[Baghdad]], Iraq"),
            ("arrest_date", "2007-03-20"),
            ("arrest_place", "Basra, Iraq"),
            ("arresting_authority", "US forces"),
            ("release_date", "2010-01"),
            ("release_place", "Baghdad, Iraq"),
            ("citizenship", "Iraqi"),
            ("alleged_to_be_a_member_of", "[[Mahdi Army]], [[Asa'ib Ahl al-Haq]]"),
        ],
        [
            ("Born", "1974[^1]\n[[Sadr City]], [[Baghdad]], Iraq"),
            ("Arrested", "2007-03-20\nBasra, Iraq\nUS forces"),
            ("Released", "2010-01\nBaghdad, Iraq"),
            ("Alleged to be a member of", "[[Mahdi Army]], [[Asa'ib Ahl al-Haq]]"),
            ("Citizenship", "Iraqi"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "params", "expected"), KINDS)
def test_label_maps(name: str, params: Params, expected: list[tuple[str, str]]) -> None:
    assert rows(name, params) == expected


# --- merges, skips, unknown parameters, nasty input ---------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            [("birth_name", "A B"), ("birth_date", "1 May 1900"), ("birth_place", "Paris")],
            [("Born", "A B\n1 May 1900\nParis")],
        ),
        ([("birth_place", "Paris"), ("birth_date", "1 May 1900")], [("Born", "1 May 1900\nParis")]),
        ([("birth_name", "A B")], [("Born", "A B")]),
        ([("birth_date", " "), ("birth_place", "<br>")], []),
        (
            [("death_date", "1970"), ("death_place", "Rome"), ("death_cause", "Fever")],
            [("Died", "1970\nRome"), ("Cause of death", "Fever")],
        ),
        (
            [("resting_place", "Rome"), ("resting_place_coordinates", "41°N 12°E")],
            [("Resting place", "Rome")],
        ),
    ],
)
def test_merge_groups(params: Params, expected: list[tuple[str, str]]) -> None:
    assert rows("Infobox person", params) == expected
    assert rows("Infobox", params) == expected  # generic infoboxes merge the same way


SKIPPED = [
    "image",
    "image_size",
    "imagesize",
    "upright",
    "alt",
    "caption",
    "signature",
    "signature_alt",
    "module",
    "embed",
    "child",
    "name",
    "honorific_prefix",
    "honorific_suffix",
    "native_name_lang",
    "logo",
    "logo_size",
    "map",
    "map_caption",
    "pushpin_map",
    "pushpin_label_position",
    "coordinates",
    "coor",
    "mapframe",
    "mapframe-zoom",
    "footnotes",
    "image2",
    "image_caption",
    "image_skyline",
    "image_map1",
    "mapsize1",
    "Img",
    "Img_capt",
    "flag_caption",
    "alt_flag",
    "pattern_la1",
    "leftarm2",
    "body1",
    "socks3",
    "latd",
    "longew",
    "unit_pref",
    "cover",
    "coa_pic",
    "structure1",
    "structure1_res",
    "clubname",
    "image-size",
    "Image Size",
    "1",
    "2",
]


@pytest.mark.parametrize("key", SKIPPED)
def test_skipped_parameters(key: str) -> None:
    assert rows("Infobox person", [(key, "something")]) == []
    assert rows("Infobox", [(key, "something")]) == []


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("alt_name", "Alt name"),
        ("mapping", "Mapping"),
        ("coach", "Coach"),
        ("altitude", "Altitude"),
        ("population_ref", "Population ref"),
    ],
)
def test_look_alike_parameters_are_not_skipped(key: str, label: str) -> None:
    assert rows("Infobox", [(key, "x")]) == [(label, "x")]


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("birth_place", "Birth place"),
        ("num_employees", "Number of employees"),
        ("yearsactive", "Years active"),
        ("yearsActive", "Years active"),
        ("years_active", "Years active"),
        ("GDP_PPP", "GDP PPP"),
        ("no_of_episodes", "Number of episodes"),
        ("num_seasons", "Number of seasons"),
        ("pop_est", "Population est"),
        ("hq_city", "Headquarters city"),
        ("area_km2", "Area km²"),
        ("blank1", "Blank 1"),
        ("nfl_draft", "NFL draft"),
        ("deathcause", "Cause of death"),
        ("camelCaseName", "Camel case name"),
        ("ÉtatCivil", "État civil"),
        ("x", "X"),
    ],
)
def test_humanize(key: str, label: str) -> None:
    assert humanize(key) == label


def test_body_parameters_that_are_not_kit_colours_stay() -> None:
    params = [("body1", "ffffff"), ("body_discovered", "1 May 1990"), ("body", "Parliament")]
    expected = [("Body discovered", "1 May 1990"), ("Body", "Parliament")]
    assert rows("Infobox person", params) == expected
    assert rows("Infobox legislature", params) == expected


def test_numbered_leaders_of_a_legislature() -> None:  # Senate_of_Pakistan.txt
    params = [
        ("leader1_type", "[[Chairman of the Senate of Pakistan|Chairman]]"),
        ("leader1", "[[Raza Rabbani]]"),
        ("leader2_type", "[[Chairman of the Senate of Pakistan|Deputy Chairman]]"),
        ("leader2", "[[Abdul Ghafoor Haideri|A.G. Haideri]]"),
        ("leader3_type", "Unfilled"),
    ]
    assert rows("Infobox legislature", params) == [
        ("Chairman", "[[Raza Rabbani]]"),
        ("Deputy Chairman", "[[Abdul Ghafoor Haideri|A.G. Haideri]]"),
    ]


def test_unknown_parameters_keep_their_order_after_the_known_rows() -> None:
    params = [
        ("zeta", "1"),
        ("spouse", "S"),
        ("alpha_beta", "2"),
        ("birth_date", "1900"),
        ("num_employees", "3"),
    ]
    assert rows("Infobox person", params) == [
        ("Born", "1900"),
        ("Spouse", "S"),
        ("Zeta", "1"),
        ("Alpha beta", "2"),
        ("Number of employees", "3"),
    ]
    assert rows("Infobox venue", params) == [
        ("Zeta", "1"),
        ("Spouse", "S"),
        ("Alpha beta", "2"),
        ("Born", "1900"),
        ("Number of employees", "3"),
    ]


def test_a_repeated_parameter_takes_the_last_value_as_mediawiki_does() -> None:
    params = [("occupation", "First"), ("Occupation", ""), ("occupation", "Last")]
    assert rows("Infobox person", params) == [("Occupation", "Last")]


def test_notes_follow_the_value_they_note() -> None:
    params = [
        ("area_footnotes", "[^3]"),
        ("area_total_km2", "4.2"),
        ("area_total_sq_mi", "1.6"),
        ("population_as_of", "2006"),
        ("population_total", "559"),
        ("population_footnotes", "[^4]"),
        ("elevation_ref", "(estimated)"),
    ]
    assert rows("Infobox settlement", params) == [
        ("Area", "4.2 km² (1.6 sq mi)[^3]"),
        ("Population", "559 (2006)[^4]"),
        ("Elevation ref", "(estimated)"),
    ]


@pytest.mark.parametrize(
    "value",
    [
        "[[Foo|Bar]] and [[Baz]]",
        "a \\| b",
        "x|y",
        "Ünïcödé ☃ 日本語 العربية",
        "9" * 5000,
        "*italic* **bold**",
        "line one<br>line two",
        "[^1][^2]",
    ],
)
def test_values_pass_through_unchanged(value: str) -> None:
    assert rows("Infobox person", [("occupation", value)]) == [("Occupation", value)]
    assert rows("Infobox", [("some_thing", value)]) == [("Some thing", value)]


def test_nasty_parameter_names() -> None:
    params = [
        ("clubs" + "9" * 40, "[[A]]"),
        ("years" + "9" * 40, "2000"),
        ("  ", "x"),
        ("", "y"),
        ("stat99999999999999label", "Hits"),
        ("stat99999999999999value", "5"),
        ("office" + "7" * 30, "Chief"),
    ]
    result = rows("Infobox football biography", params)
    assert result[0] == ("Senior career", "2000: [[A]]")
    assert len(result) == 4  # the stat pair and the office come through under some label
    assert rows("Infobox person", [("", "x"), (" ", "y")]) == []


def test_every_label_map_row_is_a_valid_field() -> None:
    for name, params, _expected in CORPUS + KINDS:
        for label, value in infobox_fields(name, params):
            assert label == label.strip()
            assert value == value.strip()
            for markup in ("{{", "}}", "''"):
                assert markup not in value


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("[[List of countries|Country]]", "Country"),
        ("[[Home run]]s", "Home runs"),
        ("*Italic* and **bold**", "Italic and bold"),
        ("snake\\_case \\*star\\*", "snake_case *star*"),
        ("a[^1] b<br>c", "a b c"),
        ("[label](<https://x.test>)", "label"),
        ("<sup>2</sup>", "2"),
        ("under_score_words", "under_score_words"),
    ],
)
def test_plain_text(markdown: str, text: str) -> None:
    assert plain_text(markdown) == text
