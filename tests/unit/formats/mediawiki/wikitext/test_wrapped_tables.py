"""Tables inside wrappers (<center>, <div>, <onlyinclude>) stay tables; a table where no table
can be (inside a cell, in an infobox value) is flattened with its rows and cells kept apart,
never run together ("YearTitle2001Foo")."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert

TABLE = "{|\n! Year !! Title\n|-\n| 2001 || Foo\n|}"
GFM = "| Year | Title |\n|---|---|\n| 2001 | Foo |"


@pytest.mark.parametrize("wrapper", ["center", "div", "onlyinclude"])
def test_a_wrapped_table_is_a_table(wrapper: str) -> None:
    body = convert(f"Before.\n<{wrapper}>\n{TABLE}\n</{wrapper}>\nAfter.").body
    assert body == f"Before.\n\n{GFM}\n\nAfter.\n"


def test_a_wrapper_keeps_its_headings_and_paragraphs() -> None:
    body = convert("<div>\n== History ==\nOne.\n\nTwo.\n</div>\nAfter.").body
    assert body == "## History\n\nOne.\n\nTwo.\n\nAfter.\n"


def test_a_wrapper_inside_a_sentence_stays_in_it() -> None:
    assert convert("Text <div>in a div</div> and <center>centred</center>.").body == (
        "Text in a div and centred.\n"
    )


def test_a_table_in_a_cell_keeps_its_rows_and_cells_apart() -> None:
    body = convert(f"{{|\n| outer\n|\n{TABLE}\n|}}").body
    assert "| outer | Year · Title<br>2001 · Foo |" in body


def test_a_table_in_an_infobox_value_keeps_its_rows_and_cells_apart() -> None:
    infobox = convert(f"{{{{Infobox person|name=X|stats=\n{TABLE}\n}}}}").infobox
    assert infobox is not None
    assert [(f.label, f.value) for f in infobox.fields] == [("Stats", "Year · Title\n2001 · Foo")]
