"""{{convert}}: the value as written and, for the common units, converted as Wikipedia shows it
(the figures below are those of the articles the golden pages come from)."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert
from cyclopedia.formats.mediawiki.wikitext.unit_conversion import conversion

NB = "\u00a0"


@pytest.mark.parametrize(
    ("wikitext", "shown"),
    [
        ("{{convert|10|mi|km}}", "10 mi (16 km)"),
        ("{{convert|230| acre|ha}}", "230 acres (93 ha)"),
        ("{{convert|4000|mi|km}}", "4000 mi (6,400 km)"),
        ("{{convert|2942|m|ft|0}}", "2942 m (9,652 ft)"),
        ("{{convert|175|km|0|abbr=on}}", "175 km (109 mi)"),
        ("{{convert|12|km|abbr=off}}", "12 km (7.5 mi)"),
        ("{{convert|1.6|sqmi}}", "1.6 sq mi (4.1 km²)"),
        ("{{convert|25.4|mm|in}}", "25.4 mm (1.00 in)"),
        ("{{convert|6|ft|4|in|cm|0}}", "6 ft 4 in (193 cm)"),
        ("{{convert|30|C}}", "30 °C (86 °F)"),
        ("{{convert|-40|F|C}}", "-40 °F (−40 °C)"),
        ("{{convert|100|C|F}}", "100 °C (212 °F)"),
        ("{{convert|0|K}}", "0 K (−273 °C)"),
        ("{{convert|1234|km}}", "1234 km (767 mi)"),
        ("{{convert|100|kg|lb}}", "100 kg (220 lb)"),
        ("{{convert|70|mi|km}}", "70 mi (110 km)"),
        ("{{convert|840|m|ft|0|abbr=on|disp=or}}", "840 m or 2,756 ft"),
        ("{{convert|25|km|disp=flip}}", "16 mi (25 km)"),
    ],
)
def test_converted_as_wikipedia_shows_it(wikitext: str, shown: str) -> None:
    assert convert(wikitext).body.replace(NB, " ") == shown + "\n"


def test_a_value_and_its_unit_are_never_split() -> None:
    assert convert("{{convert|10|mi|km}}").body == f"10{NB}mi (16{NB}km)\n"


@pytest.mark.parametrize(
    ("wikitext", "shown"),
    [
        ("{{convert|5|-|10|km}}", f"5–10{NB}km"),
        ("{{convert|5|to|10|km}}", f"5 to 10{NB}km"),
        ("{{convert|abc|m}}", f"abc{NB}m"),
        ("{{convert|10|furlong}}", f"10{NB}furlong"),
        ("{{convert|10|km|kg}}", f"10{NB}km"),
        ("{{convert|1" + "0" * 400 + "|km|mi}}", "1" + "0" * 400 + f"{NB}km"),
        ("{{convert|1" + "0" * 305 + "|sqmi}}", "1" + "0" * 305 + f"{NB}sq mi"),
    ],
)
def test_as_written_where_there_is_nothing_to_convert(wikitext: str, shown: str) -> None:
    assert convert(wikitext).body == shown + "\n"


def test_conversion() -> None:
    assert conversion("10", "km") == f"6.2{NB}mi"
    assert conversion("0", "C") == f"32{NB}°F"
    assert conversion("1,000", "m") == f"3,300{NB}ft"
    assert conversion("1", "km", "furlong") == ""
    assert conversion("", "km") == ""
