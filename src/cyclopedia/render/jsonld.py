"""JSON-LD for a ``<script type="application/ld+json">`` block that hostile text cannot leave.

Inside a script element only ``</script`` (and ``<!--``) end or confuse it; JSON may spell any
character as ``\\uXXXX``, so ``<``, ``>`` and ``&`` are written that way (as Django's
``json_script`` does) and no value, however written, can close the element.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_text(data: dict[str, Any]) -> str:
    """The JSON of ``data`` safe to place between script tags."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_ESCAPES)


def json_ld_script(data: dict[str, Any]) -> str:
    """The whole script element."""
    return f'<script type="application/ld+json">{json_ld_text(data)}</script>'
