"""Search answers kept for a while: a results page, suggestions, a title's article.

Answers are kept in Django's ``search`` cache (each worker's memory unless configured otherwise)
under a key made of the question and the index *generation*, a value in the database that is
changed after every commit that changed the index (:func:`search_changed`). Reading the
generation costs one primary-key lookup; a new one makes every older answer unreachable, in every
worker process and on every machine, without any message between them. Keys also expire after
the cache's timeout.

Inside a transaction that has changed the index and not yet committed, nothing is read from or
written to the cache: that transaction sees its own changes, nobody else does yet.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import connection, transaction

from cyclopedia.apps.search.models import SearchGeneration

T = TypeVar("T")
CACHE = "search"
_ROW = 1
_log = logging.getLogger(__name__)
_MISSING = object()
_READ = f"SELECT value FROM {SearchGeneration._meta.db_table} WHERE id = %s"


def search_generation() -> int | None:
    """The index generation, or None if it cannot be trusted (answers are then not cached)."""
    if _uncommitted_changes():
        return None
    with connection.cursor() as cursor:  # read on every search: no ORM query to build
        cursor.execute(_READ, [_ROW])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


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
    """The index was changed in the current transaction: a new generation once it commits
    (immediately without a transaction). Called by the indexing services."""
    if _uncommitted_changes():
        return  # already due at this commit
    transaction.on_commit(_new_generation, robust=True)


def _new_generation() -> None:
    value = secrets.randbits(62)  # never an earlier value, even one rolled back
    if not SearchGeneration.objects.filter(pk=_ROW).update(value=value):
        SearchGeneration.objects.update_or_create(pk=_ROW, defaults={"value": value})
    _log.debug("search index generation %s", value)


def _uncommitted_changes() -> bool:
    """Whether this connection's open transaction changed the index (a new generation is due)."""
    if not connection.in_atomic_block:
        return False
    pending = getattr(connection, "run_on_commit", ())
    return any(entry[1] is _new_generation for entry in pending)
