"""Golden Documents of readers of whole articles (saved wiki pages, ZIM entries): the editable
source of each (``to_source``) in ``NAME.expected.md``, its attribution and licence in
``NAME.expected.yaml``, beside ``NAME.meta.yaml`` which says where the input is.

``CYCLOPEDIA_REGENERATE_GOLDEN=1`` rewrites the expected files instead of comparing; read the
diff against the input before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from cyclopedia.document import Document
from cyclopedia.document.source import to_source

REGENERATE = os.environ.get("CYCLOPEDIA_REGENERATE_GOLDEN") == "1"


def metadata(meta: Path) -> dict[str, Any]:
    values = yaml.safe_load(meta.read_text(encoding="utf-8"))
    return values if isinstance(values, dict) else {}


def provenance(document: Document) -> str:
    a = document.attribution
    values = {
        "license": document.license.spdx,
        "license_evidence": document.license_evidence,
        "language": document.language,
        "source_key": document.source_key,
        "source_revision": document.source_revision,
        "attribution": {
            "source_title": a.source_title,
            "source_name": a.source_name,
            "source_url": a.source_url,
            "revision_url": a.revision_url,
            "history_url": a.history_url,
            "source_revision_id": a.source_revision_id,
            "source_timestamp": a.source_timestamp.isoformat() if a.source_timestamp else None,
            "upstream_notices": list(a.upstream_notices),
        },
    }
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=100)


def check_golden(meta: Path, document: Document) -> None:
    stem = meta.name.removesuffix(".meta.yaml")
    expected_source = meta.with_name(f"{stem}.expected.md")
    expected_provenance = meta.with_name(f"{stem}.expected.yaml")
    source, attribution = to_source(document), provenance(document)
    if REGENERATE:
        expected_source.write_text(source, encoding="utf-8", newline="\n")
        expected_provenance.write_text(attribution, encoding="utf-8", newline="\n")
        pytest.skip(f"regenerated the expected files of {stem}")
    if not expected_source.exists() or not expected_provenance.exists():
        pytest.fail(f"{stem} has no expected files; write them with CYCLOPEDIA_REGENERATE_GOLDEN=1")
    assert source == expected_source.read_text(encoding="utf-8")
    assert attribution == expected_provenance.read_text(encoding="utf-8")
