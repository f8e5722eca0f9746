"""Fixtures for the CLI tests: the same static storage as the app tests."""

from tests.apps.conftest import _plain_static_storage  # noqa: F401
