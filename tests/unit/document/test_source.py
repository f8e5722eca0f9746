"""The editable source of a revision: YAML front matter, then the Markdown body."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from cyclopedia.document import (
    Attribution,
    Document,
    DocumentError,
    Infobox,
    InfoboxField,
    Reference,
    get_license,
)
from cyclopedia.document import source as source_module
from cyclopedia.document.source import SourceError, from_source, source_title, to_source
from cyclopedia.formats.base import ReadOptions
from cyclopedia.formats.text.reader import TextPageReader

SEED = Path(__file__).resolve().parents[2] / "data" / "text" / "qais-al-khazali.txt"
SEED_URL = "https://en.wikipedia.org/wiki/Qais_al-Khazali"

TEMPLATE = Document(
    title="Template",
    body="",
    attribution=Attribution(
        source_title="Source article",
        source_url="https://example.org/source",
        source_timestamp=dt.datetime(2010, 1, 1, tzinfo=dt.UTC),
    ),
    license=get_license("CC-BY-SA-4.0"),
    license_evidence="given",
    source_key="key-1",
    source_revision="42",
)


def seed_document() -> Document:
    [document] = TextPageReader().read(SEED, ReadOptions(source_url=SEED_URL))
    assert isinstance(document, Document)
    return document


def rich_document() -> Document:
    return Document(
        title="Asa'ib Ahl al-Haq",
        language="de",
        aliases=("League of the Righteous", "AAH"),
        infobox=Infobox(
            (
                InfoboxField("Founded", "2006[^a]"),
                InfoboxField("Leader", "[[Qais al-Khazali]]\n(since 2007)"),
                InfoboxField("Headquarters", "  Baghdad: trailing spaces  "),
            ),
            title="Asa'ib Ahl al-Haq",
            caption='Flag: green, "yellow"',
        ),
        categories=("Shia organisations", "Militias in Iraq"),
        body="## History\n\nFounded in 2006.[^a] Split from the Mahdi Army.[^b][^c]\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        references=(
            Reference("a", "Smith, J. (2020). A study.", url="https://example.org/x?y=1&z=2"),
            Reference("b", "Jones: *Militias*, p. 4.", doi="10.1234/abc.5(6)"),
            Reference("c", "Both.", url="https://example.org/c", doi="10.5555/xyz"),
        ),
        attribution=TEMPLATE.attribution,
        license=TEMPLATE.license,
    )


@pytest.mark.parametrize("make", [seed_document, rich_document], ids=["seed", "rich"])
def test_to_source_and_back_gives_the_same_document(make: object) -> None:
    document = make()  # type: ignore[operator]
    text = to_source(document)
    assert from_source(text, template=document) == document
    # And the text is a fixed point: writing the document read back gives the same text.
    assert to_source(from_source(text, template=document)) == text


@pytest.mark.parametrize(
    "reference",
    [
        Reference("1", "<http://www.fraserinstitute.org/WorkArea/DownloadAsset.aspx?id=2520>"),
        Reference("2", "<https://example.org/a>", url="https://example.org/a"),
        Reference("3", "<https://example.org/a>", doi="10.1234/x"),
    ],
    ids=["only-a-link", "link-and-url", "link-and-doi"],
)
def test_a_reference_that_is_only_a_link_round_trips(reference: Reference) -> None:
    # Bare-URL <ref>s of Wikipedia pages become such references; their text must survive.
    document = Document(
        title="Toronto",
        body=f"Cited.[^{reference.label}]\n",
        references=(reference,),
        attribution=TEMPLATE.attribution,
        license=TEMPLATE.license,
    )
    assert from_source(to_source(document), template=document) == document


def test_notices_round_trip_in_the_front_matter() -> None:
    document = dataclasses.replace(
        rich_document(),
        notices=("Retracted: this article was retracted on 2024-05-01 (doi:10.1234/r).",),
    )
    text = to_source(document)
    assert "notices:\n- 'Retracted: this article" in text or "notices:\n- Retracted" in text
    assert from_source(text, template=document) == document


def test_references_are_definitions_with_url_and_doi_at_the_end() -> None:
    text = to_source(rich_document())
    assert text.endswith(
        "\n\n[^a]: Smith, J. (2020). A study. <https://example.org/x?y=1&z=2>\n"
        "[^b]: Jones: *Militias*, p. 4. doi:10.1234/abc.5(6)\n"
        "[^c]: Both. <https://example.org/c> doi:10.5555/xyz\n"
    )


def test_front_matter_layout() -> None:
    text = to_source(rich_document())
    front = text.split("---\n")[1]
    assert front.startswith("title: Asa'ib Ahl al-Haq\nlanguage: de\naliases:\n")
    assert "  fields:\n  - Founded: 2006[^a]\n  - Leader: |-\n      [[Qais al-Khazali]]\n" in front
    assert "categories:\n- Shia organisations\n- Militias in Iraq\n" in front


def test_what_the_source_does_not_carry_comes_from_the_template() -> None:
    document = from_source("---\ntitle: New article\n---\nText.\n", template=TEMPLATE)
    assert document.title == "New article"
    assert document.body == "Text.\n"
    assert document.attribution == TEMPLATE.attribution
    assert (document.license, document.license_evidence) == (TEMPLATE.license, "given")
    assert (document.source_key, document.source_revision) == ("key-1", "42")
    assert (document.language, document.aliases, document.infobox) == ("en", (), None)


def test_windows_line_endings_are_read() -> None:
    document = rich_document()
    text = to_source(document).replace("\n", "\r\n")
    assert from_source(text, template=document) == document


def test_an_empty_body_round_trips() -> None:
    document = dataclasses.replace(TEMPLATE, body="")
    assert from_source(to_source(document), template=TEMPLATE).body == ""


def test_hand_written_values_stay_text() -> None:
    # YAML 1.1 would read these as a number, a date, a sexagesimal number, a boolean and an
    # octal number; in the editable source every value is text, as it was typed.
    text = (
        "---\n"
        "title: 1984\n"
        "aliases: [yes, 1.0]\n"
        "infobox:\n"
        "  fields:\n"
        "  - Released: 1949-06-08\n"
        "  - Running time: 12:30\n"
        "  - In print: yes\n"
        "  - Code: 0123\n"
        "  - Value: null\n"
        "---\n"
        "Body.\n"
    )
    document = from_source(text, template=TEMPLATE)
    assert document.title == "1984"
    assert document.aliases == ("yes", "1.0")
    assert document.infobox is not None
    assert [(f.label, f.value) for f in document.infobox.fields] == [
        ("Released", "1949-06-08"),
        ("Running time", "12:30"),
        ("In print", "yes"),
        ("Code", "0123"),
        ("Value", "null"),
    ]


def test_an_infobox_field_left_empty_is_refused_not_read_as_none() -> None:
    text = "---\ntitle: T\ninfobox:\n  fields:\n  - Born:\n---\nBody.\n"
    with pytest.raises(DocumentError, match="the infobox field 'Born' has an empty value"):
        from_source(text, template=TEMPLATE)


def test_the_module_documentation_example_is_valid_source() -> None:
    doc = source_module.__doc__ or ""
    example = re.search(r"::\n\n((?:    .*\n|\n)+)", doc)
    assert example is not None
    text = "\n".join(line.removeprefix("    ") for line in example.group(1).split("\n"))
    document = from_source(text.strip("\n") + "\n", template=TEMPLATE)
    assert document.title == "Qais al-Khazali"
    assert document.aliases == ("Qayis Khazali",)
    assert document.infobox is not None
    assert document.infobox.fields == (InfoboxField("Born", "1974[^1]\nSadr City, Baghdad, Iraq"),)
    assert document.references == (
        Reference("1", "Reference text", url="https://example.org/cited-page"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just a body.\n", "the source must start with a '---' front matter block"),
        ("", "the source must start with a '---' front matter block"),
        ("title: T\n---\nBody\n", "the source must start with a '---' front matter block"),
        ("---\ntitle: T\nBody\n", "the front matter block is not closed with '---'"),
        ("---\ntitle: [unclosed\n---\nBody\n", "the front matter is not valid YAML"),
        ("---\ntitle: T\n  bad: indent\n---\n", "the front matter is not valid YAML"),
        ("---\n- a\n- b\n---\nBody\n", "the front matter must be a mapping of keys to values"),
        ("---\njust text\n---\nBody\n", "the front matter must be a mapping of keys to values"),
        ("---\n---\nBody\n", "the front matter needs a title"),
        ("---\ntitle:\n---\nBody\n", "the front matter needs a title"),
        ("---\ntitle: [a, b]\n---\nBody\n", "the front matter needs a title"),
        ("---\ntitle: T\naliases: A\n---\n", "aliases must be a list"),
        ("---\ntitle: T\ncategories: {a: b}\n---\n", "categories must be a list"),
        ("---\ntitle: T\ninfobox: [a]\n---\n", "infobox must be a mapping with a list of fields"),
        (
            "---\ntitle: T\ninfobox:\n  fields:\n  - Born: 1974\n    Died: 2000\n---\n",
            "each infobox field is one 'Label: value' pair, not {'Born': '1974', 'Died': '2000'}",
        ),
        (
            "---\ntitle: T\ninfobox:\n  fields:\n  - Born 1974\n---\n",
            "each infobox field is one 'Label: value' pair, not 'Born 1974'",
        ),
        (
            "---\ntitle: T\ninfobox:\n  fields:\n  - {}\n---\n",
            "each infobox field is one 'Label: value' pair, not {}",
        ),
    ],
)
def test_source_that_cannot_be_read_back(text: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        from_source(text, template=TEMPLATE)
    assert str(caught.value).startswith(message)


def test_source_errors_are_document_errors() -> None:
    assert issubclass(SourceError, DocumentError)


def test_model_rules_apply_to_source_text() -> None:
    with pytest.raises(DocumentError, match="citation markers without a reference: 9"):
        from_source("---\ntitle: T\n---\nClaim.[^9]\n", template=TEMPLATE)
    with pytest.raises(DocumentError, match="contains characters a title may not"):
        from_source("---\ntitle: 'A [b]'\n---\nBody.\n", template=TEMPLATE)


def test_source_title_reads_the_front_matter_or_says_none() -> None:
    assert source_title("---\ntitle: 'Hostile & \"quoted\" article'\n---\nBody\n") == (
        'Hostile & "quoted" article'
    )
    assert source_title("---\ntitle: |\n  Two\n---\n") == "Two"
    assert source_title("no front matter") is None
    assert source_title("---\ntitle: [unclosed\n---\n") is None
    assert source_title("---\naliases: [A]\n---\n") is None
