"""The Document model validates itself on construction."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from cyclopedia.document import (
    Attribution,
    Document,
    DocumentError,
    Infobox,
    InfoboxField,
    Reference,
    get_license,
    model,
)
from cyclopedia.document.markup import escape_text

ATTRIBUTION = Attribution(source_title="Source")


def make(**changes: object) -> Document:
    fields: dict[str, object] = {"title": "Title", "body": "Body.", "attribution": ATTRIBUTION}
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def test_a_minimal_document_gets_the_defaults() -> None:
    document = make()
    assert document.title == "Title"
    assert document.body == "Body.\n"
    assert document.license.spdx == "NOASSERTION"
    assert document.language == "en"
    assert (document.aliases, document.references, document.categories) == ((), (), ())
    assert document.infobox is None


def test_documents_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        make().title = "Other"  # type: ignore[misc]


@pytest.mark.parametrize("title", ["", "   ", "_", "\u200b", "\u202e\u202c", "\t\n"])
def test_empty_title_is_refused(title: str) -> None:
    with pytest.raises(DocumentError, match="the title is empty"):
        make(title=title)


@pytest.mark.parametrize(
    ("title", "characters"),
    [
        ("Foo [bar]", "[ ]"),
        ("Foo|bar", "|"),
        ("{{template}}", "{ }"),
        ("<script>", "< >"),
        ("Section#1", "#"),
    ],
)
def test_title_with_link_breaking_characters_is_refused(title: str, characters: str) -> None:
    with pytest.raises(DocumentError) as caught:
        make(title=title)
    assert f"contains characters a title may not: {characters}" in str(caught.value)


def test_nul_in_the_body_is_refused() -> None:
    with pytest.raises(DocumentError, match="the body contains a NUL character"):
        make(body="Text\x00more")


def test_nul_in_an_infobox_or_reference_is_refused() -> None:
    with pytest.raises(DocumentError, match="an infobox value contains a NUL"):
        InfoboxField("Born", "1974\x00")
    with pytest.raises(DocumentError, match="an infobox label contains a NUL"):
        InfoboxField("Bo\x00rn", "1974")
    with pytest.raises(DocumentError, match="a reference contains a NUL"):
        Reference("1", "Text\x00")


def test_reference_labels_used_twice_are_refused() -> None:
    references = (Reference("1", "One."), Reference("2", "Two."), Reference("1", "Again."))
    with pytest.raises(DocumentError, match=r"reference labels used twice: 1$"):
        make(body="A.[^1] B.[^2]", references=references)


def test_a_citation_marker_without_a_reference_is_refused() -> None:
    with pytest.raises(DocumentError, match=r"citation markers without a reference: 2, note-3$"):
        make(body="A.[^1] B.[^2] C.[^note-3]", references=(Reference("1", "One."),))


def test_a_citation_in_the_infobox_needs_a_reference_too() -> None:
    infobox = Infobox((InfoboxField("Born", "1974[^9]"),))
    with pytest.raises(DocumentError, match=r"citation markers without a reference: 9$"):
        make(infobox=infobox)


def test_escaped_marker_text_needs_no_reference() -> None:
    document = make(body=escape_text("Footnotes look like [^1] in Markdown."))
    assert document.cited_labels() == []


def test_references_that_are_not_cited_are_kept() -> None:
    document = make(references=(Reference("1", "Further reading."),))
    assert [ref.label for ref in document.references] == ["1"]


def test_cited_labels_are_in_order_of_first_citation_infobox_first() -> None:
    infobox = Infobox((InfoboxField("Born", "1974[^b]"),))
    references = tuple(Reference(label, f"Ref {label}.") for label in "abc")
    document = make(infobox=infobox, body="X.[^a] Y.[^b][^c] Z.[^a]", references=references)
    assert document.cited_labels() == ["b", "a", "c"]


def test_aliases_equal_to_the_title_are_dropped_and_the_rest_deduplicated() -> None:
    document = make(
        title="Qais al-Khazali",
        aliases=(
            "Qais al-Khazali",
            "Qais_al-Khazali",
            "  Qais   al-Khazali ",
            "Qayis Khazali",
            "Qayis_Khazali",
            "Qais al-Khazali\u200b",
        ),
    )
    assert document.aliases == ("Qayis Khazali",)


def test_nfc_and_nfd_forms_of_one_title_normalise_equal() -> None:
    nfc = "Z\u00fcrich Stra\u00dfe Ba\u0308r"  # "Bär" written decomposed on purpose
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    first, second = make(title=nfc), make(title=nfd, aliases=(nfc,))
    assert first.title == second.title == unicodedata.normalize("NFC", nfc)
    assert second.aliases == ()  # the alias is the title in another normal form
    assert first == second


@pytest.mark.parametrize(
    "title",
    [
        "Qais\u200b al-Khazali",  # zero-width space
        "\u202eQais al-Khazali\u202c",  # right-to-left override ... pop
        "Qais al-\u2067Khazali\u2069",  # first-strong isolate
        "\ufeffQais al-Khazali",  # byte order mark
        "Qais al\u200d-Khazali\u200e",  # zero-width joiner, left-to-right mark
        "Qais al-Kha\u00adzali",  # soft hyphen
        "Qais al-Khazali\x07",  # a control character
    ],
)
def test_bidi_controls_and_zero_width_characters_are_stripped_from_titles(title: str) -> None:
    assert make(title=title).title == "Qais al-Khazali"


def test_categories_are_normalised_and_deduplicated() -> None:
    document = make(categories=("Iraqi_politicians", "Iraqi politicians", "Living people"))
    assert document.categories == ("Iraqi politicians", "Living people")


@pytest.mark.parametrize(
    ("body", "expected"),
    [("\n\nText\n\n\n", "Text\n"), ("", ""), ("  \n\t\n", ""), ("A\n\nB", "A\n\nB\n")],
)
def test_the_body_ends_with_exactly_one_newline(body: str, expected: str) -> None:
    assert make(body=body).body == expected


def test_an_oversized_body_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "MAX_BODY_LENGTH", 10)
    make(body="123456789")
    with pytest.raises(DocumentError, match="the body is 12 characters long; at most 10"):
        make(body="12345678901")


@pytest.mark.parametrize("language", ["", "en us", "<x>", "en_GB"])
def test_invalid_language_codes_are_refused(language: str) -> None:
    with pytest.raises(DocumentError, match="invalid language code"):
        make(language=language)


def test_language_codes_with_a_region_are_accepted() -> None:
    assert make(language="pt-BR").language == "pt-BR"


def test_an_infobox_needs_a_field_and_fields_need_a_label_and_a_value() -> None:
    with pytest.raises(DocumentError, match="at least one field"):
        Infobox(())
    with pytest.raises(DocumentError, match="empty label"):
        InfoboxField(" ", "Iraqi")
    with pytest.raises(DocumentError, match="the infobox field 'Citizenship' has an empty value"):
        InfoboxField("Citizenship", "  \n")


@pytest.mark.parametrize("label", ["", "a b", "x]", "[x", "^1", "1\n"])
def test_invalid_reference_labels_are_refused(label: str) -> None:
    with pytest.raises(DocumentError, match="invalid reference label"):
        Reference(label, "Text.")


def test_a_reference_needs_text() -> None:
    with pytest.raises(DocumentError, match="reference '1' has no text"):
        Reference("1", " ")


def test_an_attribution_needs_the_source_title() -> None:
    with pytest.raises(DocumentError, match="needs the source title"):
        Attribution(source_title=" ")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/page", "//example.org/page", "example.org"]
)
@pytest.mark.parametrize("field", ["source_url", "revision_url", "history_url"])
def test_attribution_links_must_be_http(field: str, url: str) -> None:
    with pytest.raises(DocumentError, match="is not an http\\(s\\) URL"):
        Attribution(source_title="Source", **{field: url})  # type: ignore[arg-type]


def test_extra_does_not_take_part_in_equality() -> None:
    assert make(extra={"a": "1"}) == make(extra={"b": "2"})


def test_the_licence_is_kept_as_given() -> None:
    assert make(license=get_license("CC-BY-SA-4.0")).license.short_name == "CC BY-SA 4.0"


def test_attribution_source_title_loses_bidi_overrides() -> None:
    from cyclopedia.document import Attribution

    assert Attribution(source_title="Licence\u202e AS-YB CC").source_title == "Licence AS-YB CC"
