"""Reads of the search index for the search page, suggestions, the JSON API and the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, Min, OuterRef, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from cyclopedia.apps.articles.models import Article, Revision, Source
from cyclopedia.apps.search.backends import Filters, TitleCandidate, backend
from cyclopedia.apps.search.caching import search_cached
from cyclopedia.apps.search.folding import MARK_END, MARK_START, fold
from cyclopedia.apps.search.query import ParsedQuery, parse

PER_PAGE = 20
MAX_PAGE = 50  # deeper pages cost more than any reader reads
SUGGESTIONS = 8
# "Did you mean" is offered when a query finds fewer than this many articles.
FEW_RESULTS = 5


# What a result shows: a revision's stored rendering and source are far larger than these.
_RESULT_FIELDS = (
    "title",
    "language",
    "published_revision__lead",
    "published_revision__license",
    "published_revision__source__name",
)


@dataclass(frozen=True)
class Result:
    article: Article
    score: float | None  # None: listed for its title among more matches than are ranked
    snippet: SafeString  # escaped text with <mark> around matched words

    @property
    def url(self) -> str:
        return self.article.get_absolute_url()


@dataclass(frozen=True)
class SearchPage:
    query: ParsedQuery
    filters: Filters
    results: list[Result] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True  # False: more than ``total`` articles match
    page: int = 1
    per_page: int = PER_PAGE
    did_you_mean: str = ""

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // self.per_page)))

    @property
    def notices(self) -> tuple[str, ...]:
        return self.query.notices


@dataclass(frozen=True)
class Suggestion:
    title: str  # the title or alias that matched
    article: Article

    @property
    def url(self) -> str:
        return self.article.get_absolute_url()

    @property
    def description(self) -> str:
        lead = self.article.published_revision.lead if self.article.published_revision else ""
        if self.title != self.article.title:
            return f"→ {self.article.title}"
        return lead[:160]


def snippet_html(text: str) -> SafeString:
    """A snippet from the backend as safe HTML: the text escaped, the matches marked."""
    text = " ".join(text.split())
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 (escaped above; only our own markers became tags)


def search_run(*, q: str, filters: Filters | None = None, page: int = 1) -> SearchPage:
    """Ranked results of a query: titles and aliases that are or start with it first."""
    query = parse(q)
    filters = filters or Filters()
    page = min(max(page, 1), MAX_PAGE)
    if query.empty:
        return SearchPage(query=query, filters=filters)
    found = backend().search(query, filters, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    articles = (
        Article.objects.select_related("published_revision__source")
        .only(*_RESULT_FIELDS)
        .in_bulk([hit.article_id for hit in found.hits])
    )
    results = [
        Result(
            article=articles[hit.article_id],
            score=hit.score,
            snippet=snippet_html(hit.snippet or _lead(articles[hit.article_id])),
        )
        for hit in found.hits
        if hit.article_id in articles
    ]
    suggestion = (
        did_you_mean(query, filters, found=found.total) if found.total < FEW_RESULTS else ""
    )
    return SearchPage(
        query=query,
        filters=filters,
        results=results,
        total=found.total,
        total_exact=found.total_exact,
        page=page,
        did_you_mean=suggestion,
    )


def _lead(article: Article) -> str:
    revision = article.published_revision
    return revision.lead if revision else ""


def search_go(*, q: str) -> Article | None:
    """The published article whose title or alias is the query (case, accents and punctuation
    aside), the most linked-to if several are."""
    folded = fold(q)
    if not folded or len(folded) > 255:
        return None
    for candidate in backend().titles_with_prefix(folded, limit=20):
        if candidate.folded == folded:
            return _published(candidate.article_id)
    return None


def _published(article_id: int) -> Article | None:
    return (
        Article.objects.filter(pk=article_id, published_revision__isnull=False)
        .select_related("published_revision")
        .first()
    )


def _max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _correct(word: str) -> str | None:
    """The title word most like ``word`` within a small edit distance (a swap of two letters
    counts as one edit), the commonest first."""
    engine = backend()
    limit = _max_distance(word)
    candidates = dict(engine.words_like(word, limit=40))
    candidates.update(engine.words_near(word, limit=400))
    best: tuple[int, int, str] | None = None
    for candidate, freq in candidates.items():
        distance = OSA.distance(word, candidate, score_cutoff=limit)
        if distance > limit or candidate == word:
            continue
        key = (distance, -freq, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _same_case(word: str, corrections: dict[str, str]) -> str:
    corrected = corrections.get(word.lower(), word)
    return corrected.capitalize() if word[:1].isupper() else corrected


def did_you_mean(query: ParsedQuery, filters: Filters, *, found: int | None = None) -> str:
    """A respelling of the query from the words of titles, if it finds more than the query
    (which finds ``found`` articles, counted again if not given); else ``""``."""
    words = [w for w in dict.fromkeys(query.words()) if len(w) >= 3 and not w.isdigit()]
    known = backend().known_words([fold(w) for w in words])
    unknown = [w for w in words if fold(w) not in known][:MAX_RESPELLED_WORDS]
    corrections = {}
    for word in unknown:
        corrected = _correct(fold(word))
        if corrected:
            corrections[word] = corrected
    if not corrections:
        return ""
    pattern = re.compile(
        r"(?<![^\W_])(" + "|".join(re.escape(w) for w in corrections) + r")(?![^\W_])", re.I
    )
    respelled = pattern.sub(lambda m: _same_case(m.group(0), corrections), query.text)
    fresh = parse(respelled)
    if fresh.empty or fresh.folded == query.folded:
        return ""
    before = backend().count(query, filters) if found is None else found
    return respelled if backend().count(fresh, filters) > before else ""


def search_suggest(*, q: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Titles and aliases for a search box, one entry per article: those starting with what was
    typed, the most linked-to first; then, if too few, those starting with it respelled from the
    words of titles (a typo); then titles holding its words further in."""
    folded = fold(q[:200])[:100].rstrip()
    if not folded:
        return []
    engine = backend()
    chosen: dict[int, str] = {}

    def take(candidates: list[TitleCandidate]) -> None:
        for candidate in candidates:
            if len(chosen) >= limit:
                return
            chosen.setdefault(candidate.article_id, candidate.title)

    take(engine.titles_with_prefix(folded, limit=limit * 3))
    if len(chosen) >= limit or len(folded) < 3:
        return _suggestions(chosen)
    respellings = _respellings(folded)
    for respelled in respellings:
        take(engine.titles_with_prefix(respelled, limit=limit * 3))
    for text in [folded, *respellings]:
        if len(chosen) >= limit:
            break
        words = parse(text + "*")  # the last word may be unfinished
        found = engine.titles_with_words(words, limit=limit * 5) if not words.empty else []
        scored = sorted(
            ((-_likeness(text, c.folded), -c.importance, n), c) for n, c in enumerate(found)
        )
        take([c for key, c in scored if -key[0] >= MIN_LIKENESS])
    return _suggestions(chosen)


def _suggestions(chosen: dict[int, str]) -> list[Suggestion]:
    """The chosen articles, each under the title or alias that was matched, in order."""
    articles = (
        Article.objects.filter(published_revision__isnull=False)
        .select_related("published_revision")
        .only("title", "published_revision__lead")
        .in_bulk(list(chosen))
    )
    return [
        Suggestion(title=title, article=articles[article_id])
        for article_id, title in chosen.items()
        if article_id in articles
    ]


MIN_LIKENESS = 75
# Respellings of what was typed that are tried: the likeliest few, of at most so many words.
RESPELLINGS = 3
MAX_RESPELLED_WORDS = 8
MAX_UNKNOWN_WORDS = 2


def _respellings(folded: str) -> list[str]:
    """What was typed with its misspelled words replaced by title words: its finished words by
    the likeliest word (as "did you mean" does), its last word, perhaps unfinished, by the start
    of title words like it. The likeliest first; none if every word is known."""
    *finished, last = folded.split(" ")
    if len(finished) >= MAX_RESPELLED_WORDS:
        return []  # longer than titles are typed
    engine = backend()
    known = engine.known_words(sorted({w for w in finished if len(w) >= 3}))
    unknown = {w for w in finished if len(w) >= 3 and w not in known}
    if len(unknown) > MAX_UNKNOWN_WORDS:
        return []  # not a title mistyped: each respelling costs a few lookups
    corrected = {word: _correct(word) or word for word in unknown}
    fixed = [corrected.get(word, word) for word in finished]
    starts = [last] if engine.words_with_prefix(last, limit=1) else _word_starts_like(last)
    respellings = [" ".join([*fixed, start]) for start in starts[:RESPELLINGS]]
    return [r for r in dict.fromkeys(respellings + _spaces_moved(folded)) if r != folded][
        :RESPELLINGS
    ]


def _spaces_moved(folded: str) -> list[str]:
    """What was typed with a space typed one letter early or late ("lis tof" for "list of"),
    where that makes every finished word a title word."""
    variants = []
    for i, ch in enumerate(folded):
        if ch != " ":
            continue
        for j in (i - 1, i + 1):
            if 0 < j < len(folded) - 1 and folded[j] != " ":
                chars = list(folded)
                chars[i], chars[j] = chars[j], chars[i]
                variants.append("".join(chars))
    finished = {word for v in variants for word in v.split(" ")[:-1]}
    known = backend().known_words(sorted(finished)) if finished else {}
    return [v for v in variants if all(word in known for word in v.split(" ")[:-1])]


def _word_starts_like(typed: str) -> list[str]:
    """Starts of title words within a small edit distance of ``typed`` (a swap of two letters
    is one edit), the closest and commonest first."""
    if len(typed) < 3:
        return []
    engine = backend()
    limit = _max_distance(typed)
    candidates = dict(engine.words_with_prefix(typed[:2], limit=400))
    candidates.update(engine.words_like(typed, limit=40))
    candidates.update(engine.words_near(typed, limit=400))  # the first two letters swapped
    best: dict[str, tuple[int, int]] = {}
    for word, freq in candidates.items():
        for start in {word[: len(typed) - 1], word[: len(typed)], word[: len(typed) + 1]}:
            distance = OSA.distance(typed, start, score_cutoff=limit)
            if distance <= limit and start != typed:
                best[start] = min(best.get(start, (distance, -freq)), (distance, -freq))
    return sorted(best, key=lambda start: (*best[start], start))


def _likeness(typed: str, title: str) -> float:
    """How well what was typed matches the start of a title, or of one of its words (0-100)."""
    starts = [0] + [i + 1 for i, ch in enumerate(title) if ch == " "]
    best = 0.0
    for start in starts:
        score = fuzz.ratio(typed, title[start : start + len(typed)])
        # A match inside a title counts a little less than one at its start.
        best = max(best, score if start == 0 else score - 5)
    return best


@dataclass(frozen=True)
class SuggestionRow:
    """A suggestion as plain data: what pages and the API show, kept in the search cache."""

    title: str  # the title or alias that matched
    article_title: str
    description: str
    path: str


def search_suggestions(*, q: str) -> list[SuggestionRow]:
    """:func:`search_suggest` as plain data, cached per index generation (caching.py)."""

    def answer() -> list[SuggestionRow]:
        return [
            SuggestionRow(s.title, s.article.title, s.description, s.url)
            for s in search_suggest(q=q)
        ]

    return search_cached("suggest", q, answer)


def search_go_path(*, q: str) -> str:
    """The path of the article whose title or alias the query is, or ``""`` (cached)."""

    def answer() -> str:
        article = search_go(q=q)
        return article.get_absolute_url() if article else ""

    return search_cached("go", q, answer)


@dataclass(frozen=True)
class FilterChoices:
    sources: list[str]
    licenses: list[str]
    languages: list[str]


def filter_choices() -> FilterChoices:
    """The values the search filters can take, from what is published (cached as search
    answers are: a publication may add one)."""
    return search_cached("filter-choices", "", _filter_choices)


def _filter_choices() -> FilterChoices:
    published = Exists(Article.objects.filter(published_revision=OuterRef("pk")))
    revisions = Revision.objects.filter(published)
    sources = Source.objects.filter(Exists(revisions.filter(source=OuterRef("pk"))))
    licenses = [
        spdx
        for spdx in _distinct(Revision.objects.all(), "license")
        if revisions.filter(license=spdx).exists()
    ]
    languages = _distinct(Article.objects.filter(published_revision__isnull=False), "language")
    return FilterChoices(
        sources=list(sources.order_by("name").values_list("name", flat=True)),
        licenses=licenses,
        languages=languages,
    )


def _distinct(rows: QuerySet[Any], column: str) -> list[str]:
    """The distinct values of an indexed column in order, one index seek each (a loose index
    scan: neither database skips through an index by itself)."""
    values: list[str] = []
    while True:
        after = rows.filter(**{f"{column}__gt": values[-1]}) if values else rows
        value = after.aggregate(first=Min(column))["first"]
        if value is None:
            return values
        values.append(value)
