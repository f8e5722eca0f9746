"""Three-way merges of editable source texts."""

from __future__ import annotations

from cyclopedia.document.merge import has_conflict_markers, merge_texts

BASE = "---\ntitle: T\n---\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"


def test_changes_to_different_lines_merge_cleanly() -> None:
    proposed = BASE.replace("First paragraph.", "First paragraph, improved.")
    published = BASE.replace("Third paragraph.", "Third paragraph, updated upstream.")
    result = merge_texts(base=BASE, proposed=proposed, published=published)
    assert result.clean
    assert "First paragraph, improved." in result.text
    assert "Third paragraph, updated upstream." in result.text
    assert not has_conflict_markers(result.text)


def test_changes_to_the_same_line_conflict_with_markers() -> None:
    proposed = BASE.replace("Second paragraph.", "Second paragraph (ours).")
    published = BASE.replace("Second paragraph.", "Second paragraph (theirs).")
    result = merge_texts(base=BASE, proposed=proposed, published=published)
    assert result.conflicts == 1
    assert has_conflict_markers(result.text)
    start = result.text.index("<<<<<<< proposed")
    assert result.text.index("(ours)") > start
    assert result.text.index("(theirs)") > result.text.index("\n=======\n")
    assert result.text.rstrip().endswith("Third paragraph.")


def test_the_same_change_on_both_sides_is_not_a_conflict() -> None:
    changed = BASE.replace("Second", "2nd")
    result = merge_texts(base=BASE, proposed=changed, published=changed)
    assert result.clean
    assert result.text == changed


def test_an_edit_of_a_last_line_without_newline_merges() -> None:
    base = "a\nb"
    result = merge_texts(base=base, proposed="A\nb", published="a\nb")
    assert result.clean
    assert result.text == "A\nb"


def test_a_markdown_heading_underline_is_not_a_conflict_marker() -> None:
    assert not has_conflict_markers("Title\n=======\n\nText\n")
    assert has_conflict_markers("<<<<<<< proposed\na\n=======\nb\n>>>>>>> published\n")
