# Cyclopedia: the two commands of the README, and the checks CI runs.
# Only Python 3.11+, pip and make are needed; everything else is installed into .venv
# from the hashed lock files in requirements/.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# PostgreSQL run of the test suite (pytest-django creates and drops test_<name>).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: serve test check lint typecheck layers test-sqlite test-postgres lock bench docs openapi clean

serve: $(VENV)/.serve-installed
	$(BIN)/cyclopedia serve

test: $(VENV)/.dev-installed check test-sqlite test-postgres

check: lint typecheck layers

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

layers: $(VENV)/.dev-installed
	$(BIN)/lint-imports

# Tests keep their data directory (secret key, static files) out of the user's own.
TEST_HOME := $(CURDIR)/var/test-home

test-sqlite: $(VENV)/.dev-installed
	env -u DATABASE_URL CYCLOPEDIA_HOME=$(TEST_HOME) $(BIN)/pytest

# The browser tests (tests/browser) serve their own site on SQLite: they run in the SQLite pass only.
test-postgres: $(VENV)/.dev-installed
	DATABASE_URL=$(TEST_DATABASE_URL) CYCLOPEDIA_HOME=$(TEST_HOME) $(BIN)/pytest -m "not browser"

# Only the browser tests: headless Chromium (Debian package chromium) against cyclopedia serve;
# screenshots in var/browser-screenshots/.
test-browser: $(VENV)/.dev-installed
	env -u DATABASE_URL CYCLOPEDIA_HOME=$(TEST_HOME) $(BIN)/pytest tests/browser

docs: $(VENV)/.dev-installed
	$(BIN)/python -m cyclopedia.cli.reference > docs/cli.md

# The API's OpenAPI schema, as tests/api/test_openapi.py compares it: run after an intended change.
openapi: $(VENV)/.dev-installed
	env -u DATABASE_URL CYCLOPEDIA_HOME=$(TEST_HOME) $(BIN)/cyclopedia manage export_openapi_schema \
		--api cyclopedia.apps.api.api.api --sorted --indent 2 --output tests/api/openapi.json

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.serve-installed: requirements/serve.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/serve.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.serve-installed

# Regenerate the lock files after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
		--quiet -o requirements/serve.txt
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--quiet -o requirements/dev.txt

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
