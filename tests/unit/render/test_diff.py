"""Line and word differences for the history and review pages."""

from __future__ import annotations

from cyclopedia.render.diff import MAX_WORD_DIFF_CHARS, Segment, diff_texts, words_diff


def test_identical_texts_have_no_changes() -> None:
    diff = diff_texts("a\nb\n", "a\nb\n")
    assert diff.identical
    assert diff.hunks == ()
    assert all(row.kind in ("equal", "fold") for row in diff.rows)


def test_a_changed_line_marks_only_the_changed_words() -> None:
    diff = diff_texts("Born in 1974 in Baghdad.\n", "Born in 1975 in Baghdad.\n")
    (row,) = diff.rows
    assert row.kind == "change"
    assert row.left == (Segment("Born in "), Segment("1974", True), Segment(" in Baghdad."))
    assert row.right == (Segment("Born in "), Segment("1975", True), Segment(" in Baghdad."))
    assert (diff.added_lines, diff.removed_lines, diff.size_change) == (1, 1, 0)


def test_inserted_and_deleted_lines_stand_alone() -> None:
    diff = diff_texts("one\ntwo\nthree\n", "one\nthree\nfour\n")
    kinds = [(row.kind, row.left_number, row.right_number) for row in diff.rows]
    assert kinds == [
        ("equal", 1, 1),
        ("delete", 2, None),
        ("equal", 3, 2),
        ("insert", None, 3),
    ]
    assert diff.hunks == (1, 3)


def test_long_unchanged_stretches_are_folded_around_the_context() -> None:
    old = "".join(f"line {n}\n" for n in range(100))
    new = old.replace("line 50\n", "line fifty\n")
    diff = diff_texts(old, new, context=2)
    kinds = [row.kind for row in diff.rows]
    assert kinds == ["fold", "equal", "equal", "change", "equal", "equal", "fold"]
    assert diff.rows[0].folded == 48
    assert diff.rows[-1].folded == 47


def test_more_lines_replaced_than_replacing_pairs_what_it_can() -> None:
    diff = diff_texts("a b\nc d\ne f\n", "a x\n")
    assert [row.kind for row in diff.rows] == ["change", "delete", "delete"]


def test_very_long_lines_are_compared_whole() -> None:
    old, new = "x " * MAX_WORD_DIFF_CHARS, "y " * MAX_WORD_DIFF_CHARS
    left, right = words_diff(old, new)
    assert left == (Segment(old, True),)
    assert right == (Segment(new, True),)


def test_markup_is_kept_as_text_for_the_template_to_escape() -> None:
    diff = diff_texts("safe\n", "<script>alert(1)</script>\n")
    texts = [segment.text for row in diff.rows for segment in (row.right or ())]
    assert "".join(texts) == "<script>alert(1)</script>"
