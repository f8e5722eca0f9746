"""The OpenAPI schema: a snapshot that fails on unintended changes, and schemathesis
property-based requests against every operation (no 500, responses as documented)."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from cyclopedia.apps.accounts.roles import Role
from cyclopedia.apps.api.api import api
from cyclopedia.config.wsgi import application

from .conftest import make_user, publish, secret

SNAPSHOT = Path(__file__).with_name("openapi.json")


def _dump(schema: Any) -> str:
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False)


def test_the_schema_matches_the_snapshot() -> None:
    current = _dump(api.get_openapi_schema())
    committed = _dump(json.loads(SNAPSHOT.read_text(encoding="utf-8")))
    if current != committed:
        diff = "\n".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(),
                    current.splitlines(),
                    "committed",
                    "current",
                    lineterm="",
                )
            )[:80]
        )
        pytest.fail(
            "The API's OpenAPI schema changed. If the change is intended, regenerate the "
            f"snapshot with `make openapi` and commit tests/api/openapi.json.\n{diff}"
        )


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application  # requests go through the WSGI app, as schemathesis.openapi.from_wsgi does
# Unknown query parameters are ignored, as on the web: not an error worth a 4xx.
schema.config.generation.update(allow_extra_parameters=False)


@pytest.fixture
def _connection_kept() -> Iterator[None]:
    """Calls through the WSGI handler must not close the test's database connection at the end
    of each request (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def writer(db: Any, settings: Any, _connection_kept: None) -> str:
    """Some published content, and a reviewer's write token for the requests."""
    settings.API_RATE_LIMITS = {"address": (100_000, 60), "token": (100_000, 60)}
    publish("Basra", categories=("Ports",))
    publish("Andorra", license="CC-BY-SA-3.0")
    reviewer: User = make_user("rita", Role.REVIEWER)
    return secret(reviewer, "write")


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_schemathesis(case: Any, writer: str) -> None:
    # A request the schema allows may still be refused with a clear 400 (an empty search, a
    # date that does not exist, a facts query without criteria): that check stays off.
    case.call_and_validate(
        # Its WSGI client would not undo gzip (test_compression.py covers that).
        headers={"Authorization": f"Bearer {writer}", "Accept-Encoding": "identity"},
        excluded_checks=[positive_data_acceptance],
    )
