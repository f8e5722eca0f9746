"""Forms of the editorial pages. Only these fields are read from a request: a forged state,
author, licence or attribution field is never looked at (POLICY.md §4)."""

from __future__ import annotations

from django import forms

from cyclopedia.apps.editorial.services import (
    MAX_COMMENT_CHARS,
    MAX_SOURCE_CHARS,
    MAX_SUMMARY_CHARS,
)


class EditorForm(forms.Form):
    source_text = forms.CharField(
        label="Article source",
        max_length=MAX_SOURCE_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "true", "class": "editor__text"}),
        help_text="Front matter (title, aliases, infobox, categories) between --- lines, "
        "then the text in Markdown; [[Title]] links to another article, [^1] cites a reference.",
    )
    summary = forms.CharField(
        label="Edit summary",
        max_length=MAX_SUMMARY_CHARS,
        required=False,
        help_text="Say briefly what you changed and why.",
    )
    license_declared = forms.BooleanField(
        required=False,
        label="I publish this text under CC BY-SA 4.0 (Terms of Use), and it is my own or is "
        "under a licence compatible with it.",
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment", max_length=MAX_COMMENT_CHARS, widget=forms.Textarea(attrs={"rows": 4})
    )


class DecisionForm(forms.Form):
    """What a reviewer posts; ``content_hash`` and ``current`` bind the decision to what they
    saw."""

    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("changes", "Request changes"), ("reject", "Reject")]
    )
    version = forms.IntegerField()
    content_hash = forms.CharField(max_length=64)
    current = forms.IntegerField(required=False)
    text = forms.CharField(
        label="Comment to the author",
        max_length=MAX_COMMENT_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    edited_text = forms.CharField(
        label="Text to publish",
        max_length=MAX_SOURCE_CHARS,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "class": "editor__text"}),
    )


class VersionForm(forms.Form):
    version = forms.IntegerField()
