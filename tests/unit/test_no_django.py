"""The pure packages load without Django (DESIGN.md: document and formats never import it)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "cyclopedia.document",
    "cyclopedia.document.source",
    "cyclopedia.formats.registry",
    "cyclopedia.formats.text.reader",
    "cyclopedia.formats.mediawiki.urls",
    "cyclopedia.exports.jsonl",
    "cyclopedia.exports.zim",
]


def test_the_pure_packages_do_not_import_django() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in MODULES)
        + "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        + "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
