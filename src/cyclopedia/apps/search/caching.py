"""Search answers kept for a while: the results part of a results page, suggestions, the
article a title goes to, the filter choices, and the same in the JSON API.

Answers are kept in Django's ``search`` cache (each worker's memory) under a key made of the
question and the index *generation*. Every transaction that changes what search shows calls
:func:`search_changed`, which adds a row to ``SearchChange`` in that same transaction; the
generation is the count of those rows and the sum of their random tokens. So it changes at the
moment such a transaction commits, in every worker process and on every machine, with nothing
left to do after the commit that could fail or be cut short, and no transaction waits for
another (rows are only added). Reading it costs one small aggregate per answer. Keys also
expire after ``CYCLOPEDIA_SEARCH_CACHE_SECONDS``.

Inside a transaction that has changed the index and not yet committed, the cache is neither
read nor filled: that transaction sees its own changes, nobody else does yet.

The rule every writer keeps: a service that changes what search shows (an article's text,
title, aliases, categories, licence, source or publication) indexes the article through
``services.py``, which calls :func:`search_changed`.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import connection, transaction

from cyclopedia.apps.search.models import SearchChange

T = TypeVar("T")
CACHE = "search"
# Rows kept: the generation is read over these on every cached answer.
KEEP = 100
_MISSING = object()
_TABLE = SearchChange._meta.db_table
_READ = f"SELECT count(*), coalesce(sum(token), 0) FROM {_TABLE}"
_PRUNE = f"DELETE FROM {_TABLE} WHERE id <= (SELECT max(id) FROM {_TABLE}) - %s"


def search_generation() -> str | None:
    """The index generation, or None inside a transaction that has changed the index."""
    if _uncommitted_changes():
        return None
    with connection.cursor() as cursor:  # read for every answer: no ORM query to build
        cursor.execute(_READ)
        count, total = cursor.fetchone()
    return f"{count}.{total}"


def search_cached(kind: str, question: object, answer: Callable[[], T]) -> T:
    """``answer()``, or what it returned for the same ``kind`` of ``question`` (anything JSON
    can encode) in this generation of the index."""
    generation = search_generation()
    if generation is None:
        return answer()
    asked = json.dumps(question, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.blake2b(asked.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    key = f"{kind}:{generation}:{digest}"
    cache = caches[CACHE]
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[no-any-return]
    value = answer()
    cache.set(key, value)
    return value


def search_changed() -> None:
    """The index was changed in the current transaction (or just now, without one): a new
    generation from its commit. Called by the indexing services; once per transaction."""
    if _uncommitted_changes():
        return
    # 48 random bits: the sum of a few hundred stays far inside a 64-bit integer.
    SearchChange.objects.create(token=secrets.randbits(48))
    transaction.on_commit(_prune, robust=True)


def _prune() -> None:
    """Only the last rows are kept (after the commit; if this fails, more rows are read)."""
    with connection.cursor() as cursor:
        cursor.execute(_PRUNE, [KEEP])


def _uncommitted_changes() -> bool:
    """Whether this connection's open transaction changed the index (a new generation is due)."""
    if not connection.in_atomic_block:
        return False
    pending = getattr(connection, "run_on_commit", ())
    return any(entry[1] is _prune for entry in pending)
