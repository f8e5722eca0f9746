"""The shapes of the API's requests and responses (OpenAPI components)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

# Query and body text: bounded, and never a NUL character (PostgreSQL refuses them).
NO_NUL = r"^[^\x00]*$"
Text = Annotated[str, StringConstraints(max_length=255, pattern=NO_NUL)]
LongText = Annotated[str, StringConstraints(max_length=1000, pattern=NO_NUL)]
# A date, or a date and time, in ISO 8601 (UTC when no zone is given).
IsoDateTime = Annotated[
    str,
    StringConstraints(
        max_length=40,
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
        r"([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$",
    ),
]
# Row ids: positive and within a 64-bit integer column.
Id = Annotated[int, Field(ge=1, le=2**62)]
MAX_LIMIT = 100
MAX_OFFSET = 10_000
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]


class Page(Schema):
    count: int
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, if any")


class LicenseOut(Schema):
    spdx: str
    name: str
    short_name: str
    url: str


class AttributionOut(Schema):
    source_name: str
    source_kind: str
    source_title: str
    source_url: str
    revision_url: str
    history_url: str
    authors: list[str]
    source_revision: str
    source_timestamp: dt.datetime | None
    license: LicenseOut
    modified: bool
    copyright_notice: str
    upstream_notices: list[str]
    local_history_url: str = Field(description="This site's history of the article")
    local_diff_url: str = Field(description="This site's diff of this revision")


class InfoboxFieldOut(Schema):
    label: str
    html: str


class InfoboxOut(Schema):
    title: str | None = None
    fields: list[InfoboxFieldOut] = Field(default_factory=list)


class ReferenceOut(Schema):
    number: int
    label: str
    html: str


class AliasOut(Schema):
    title: str
    kind: str


class ArticleSummary(Schema):
    id: int
    title: str
    url: str
    language: str
    created: dt.datetime
    updated: dt.datetime
    revision_id: int
    license: str
    source: str
    lead: str


class ArticleList(Page):
    results: list[ArticleSummary]


class ArticleOut(ArticleSummary):
    redirected_from: str | None = Field(None, description="The alias the lookup went through")
    html: str
    plain_text: str
    infobox: InfoboxOut | None
    references: list[ReferenceOut]
    categories: list[str]
    aliases: list[AliasOut]
    notices: list[str]
    attribution: AttributionOut


class RevisionSummary(Schema):
    id: int
    article_id: int
    parent_id: int | None
    created: dt.datetime
    author: str = Field(description="The user who wrote it, or the source it was imported from")
    author_is_user: bool
    summary: str
    size: int
    size_change: int | None
    license: str
    current: bool


class RevisionList(Page):
    results: list[RevisionSummary]


class RevisionOut(RevisionSummary):
    content_hash: str
    source_text: str
    html: str
    attribution: AttributionOut


class SegmentOut(Schema):
    text: str
    changed: bool


class DiffRowOut(Schema):
    kind: Literal["equal", "delete", "insert", "change", "fold"]
    left_number: int | None
    right_number: int | None
    left: list[SegmentOut] | None
    right: list[SegmentOut] | None
    folded: int


class DiffOut(Schema):
    article_id: int
    from_revision: int | None
    to_revision: int
    identical: bool
    added_lines: int
    removed_lines: int
    size_change: int
    rows: list[DiffRowOut]


class SearchResultOut(Schema):
    title: str
    url: str
    snippet: str
    score: float | None = Field(
        description="The database's relevance score (BM25 on SQLite, ts_rank on PostgreSQL; "
        "higher is better). Titles and aliases that are or start with the query come first "
        "whatever their score. null: not scored, because the query matches more articles than "
        "are ranked (a title match, or an article that only mentions a very common word)."
    )
    language: str
    license: str | None


class SearchOut(Schema):
    query: str
    total: int
    total_exact: bool = Field(
        description="False when more articles match than were counted (at least `total`)"
    )
    page: int
    pages: int
    per_page: int
    did_you_mean: str | None
    notices: list[str]
    results: list[SearchResultOut]


class SuggestionOut(Schema):
    title: str = Field(description="The title or alias that matched")
    article_title: str
    description: str
    url: str


class CategoryOut(Schema):
    name: str
    url: str
    article_count: int


class CategoryList(Page):
    results: list[CategoryOut]


class SourceOut(Schema):
    name: str
    kind: str
    homepage: str
    article_count: int


class LinkedArticle(Schema):
    id: int
    title: str
    url: str


class FactOut(Schema):
    article: LinkedArticle
    label: str
    key: str
    text: str
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    date_display: str
    date_approximate: bool
    place: str
    detail: str
    link_title: str
    linked_article: LinkedArticle | None


class FactList(Page):
    results: list[FactOut]


class EventOut(Schema):
    actor: str
    action: str
    text: str
    created: dt.datetime


class SubmissionSummary(Schema):
    id: int
    kind: str
    state: str
    title: str
    author: str
    article_id: int | None
    version: int
    created: dt.datetime
    updated: dt.datetime
    submitted: dt.datetime | None
    url: str


class SubmissionList(Page):
    results: list[SubmissionSummary]


class SubmissionOut(SubmissionSummary):
    base_revision_id: int | None
    source_text: str
    summary: str
    content_hash: str
    license_declared: dt.datetime | None
    reviewer: str | None
    published_revision_id: int | None
    events: list[EventOut]


class ApprovalPlanOut(Schema):
    submission_id: int
    version: int
    content_hash: str
    current_revision_id: int | None
    stale: bool
    conflicts: int
    text: str = Field(description="What approving would publish now")


# Request bodies: plain pydantic models, which take JSON objects only (a ninja Schema also
# reads attributes of other values: a string's .title would become a title).
class In(BaseModel):
    model_config = ConfigDict(str_max_length=2_000_000)


SourceText = Annotated[str, StringConstraints(max_length=2_000_000)]
Summary = Annotated[str, StringConstraints(max_length=500)]
Comment = Annotated[str, StringConstraints(max_length=10_000)]


class SubmissionCreate(In):
    article_id: Id | None = Field(None, description="The article to edit; none for a new one")
    title: Text = Field("", description="A new article's title (when no source_text is given)")
    source_text: SourceText | None = Field(
        None, description="Front matter and body; by default the article's current text"
    )
    summary: Summary = ""

    @model_validator(mode="after")
    def _says_what(self) -> SubmissionCreate:
        if self.article_id is None and not self.title.strip() and self.source_text is None:
            raise ValueError("give article_id (an edit), or a title or source_text (a new one)")
        return self


class SubmissionUpdate(In):
    version: Id
    source_text: SourceText
    summary: Summary = ""


class SubmissionSubmit(In):
    version: Id
    license_declared: bool = Field(
        description="The text is your own or under a licence compatible with CC BY-SA 4.0, "
        "and you publish it under CC BY-SA 4.0 (Terms of Use)"
    )


class VersionIn(In):
    version: Id


class CommentIn(In):
    text: Comment


class DecisionIn(In):
    decision: Literal["approve", "request_changes", "reject"]
    version: Id
    text: Comment = Field("", description="The reason (required unless approving) or a note")
    content_hash: Annotated[str, StringConstraints(max_length=64)] = Field(
        "", description="Approve: the content_hash you reviewed"
    )
    current_revision_id: Id | None = Field(
        None, description="Approve: the article's revision you reviewed against (none for new)"
    )
    edited_text: SourceText | None = Field(None, description="Approve: your edit of the text")
