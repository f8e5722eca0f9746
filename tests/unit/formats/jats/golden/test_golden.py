"""Golden articles: JATS files of several DTD versions and article types read into Documents.

Each case is ``tests/data/jats/golden/NAME.meta.yaml`` (``source``: the article, a file of
``../shared/corpus/jats`` read where it is, or a small file of ``tests/data/jats``; ``dtd``;
``kind``: what it exercises) with beside it the expected Document in two files:
``NAME.expected.md``, its editable source (``to_source``: front matter, body, references), and
``NAME.expected.yaml``, what the source does not carry (attribution, licence and its evidence,
source key, language). See ``tests/data/jats/README.md``.

After a deliberate change to the reader,

    CYCLOPEDIA_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/unit/formats/jats/golden

rewrites the expected files; read the diff (``git diff tests/data/jats``) against the articles
before committing it: an expected file pins what a reader of the article should see.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from cyclopedia.document import Document
from cyclopedia.document.source import to_source
from tests.unit.formats.jats.conftest import REPOSITORY, read_one

GOLDEN = REPOSITORY / "tests" / "data" / "jats" / "golden"
REGENERATE = os.environ.get("CYCLOPEDIA_REGENERATE_GOLDEN") == "1"
CASES = sorted(GOLDEN.glob("*.meta.yaml"))


def _name(case: Path) -> str:
    return case.name.removesuffix(".meta.yaml")


def _meta(case: Path) -> dict[str, Any]:
    values = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert isinstance(values, dict)
    return values


def _source(case: Path) -> Path:
    source = str(_meta(case)["source"])
    if source.startswith("../"):
        return (REPOSITORY / source).resolve()
    return REPOSITORY / source


def facts(document: Document) -> dict[str, Any]:
    """What a Document holds beyond its editable source."""
    attribution = document.attribution
    return {
        "source_key": document.source_key,
        "language": document.language,
        "license": document.license.spdx,
        "license_status": document.license.status.value,
        "license_reason": document.license.reason,
        "license_evidence": document.license_evidence,
        "attribution": {
            "source_title": attribution.source_title,
            "source_name": attribution.source_name,
            "source_url": attribution.source_url,
            "revision_url": attribution.revision_url,
            "authors": list(attribution.authors),
            "source_timestamp": (
                attribution.source_timestamp.isoformat() if attribution.source_timestamp else None
            ),
            "copyright_notice": attribution.copyright_notice,
            "upstream_notices": list(attribution.upstream_notices),
        },
    }


def _dump(values: dict[str, Any]) -> str:
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=100)


def test_there_are_golden_articles() -> None:
    assert len(CASES) >= 8
    dtds = {str(_meta(case)["dtd"]) for case in CASES}
    assert {
        "NLM Journal Publishing 2.3",
        "NLM Journal Publishing 3.0",
        "JATS Journal Publishing 1.1d3",
        "JATS Archiving 1.1d1",
        "JATS Archiving 1.1",
    } <= dtds


@pytest.mark.parametrize("case", CASES, ids=[_name(case) for case in CASES])
def test_golden_article(case: Path) -> None:
    source = _source(case)
    if not source.exists():
        pytest.skip(f"{source} is not here")
    document = read_one(source)
    expected_md = case.with_name(f"{_name(case)}.expected.md")
    expected_yaml = case.with_name(f"{_name(case)}.expected.yaml")
    if REGENERATE:
        expected_md.write_text(to_source(document), encoding="utf-8", newline="\n")
        expected_yaml.write_text(_dump(facts(document)), encoding="utf-8", newline="\n")
        pytest.skip(f"regenerated the expected files of {_name(case)}")
    if not expected_md.exists() or not expected_yaml.exists():
        pytest.fail(f"{_name(case)} has no expected files; write them with REGENERATE and review")
    assert to_source(document) == expected_md.read_text(encoding="utf-8")
    assert facts(document) == yaml.safe_load(expected_yaml.read_text(encoding="utf-8"))
