"""Hostile text in a page comes out inert: in the title, the infobox and the body."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from django.test import Client

from cyclopedia.document import get_license
from cyclopedia.formats.base import ReadOptions
from tests.apps.helpers import import_file

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click](javascript:alert(3))",
    '<a href="javascript:alert(4)">x</a>',
    "<svg onload=alert(5)>",
    "{{ 7*7 }} {% debug %}",
]


def hostile_page(tmp_path: Path) -> Path:
    payload = " ".join(PAYLOADS)
    page = tmp_path / "hostile.txt"
    page.write_text(
        f"Evil \"onerror=alert(0)\" 'javascript:alert(0)' title\n\n"
        f"Born {payload}\n"
        f"Citizenship <img src=x onerror=alert(9)>\n\n"
        f"A body paragraph with {payload} inside it.[1]\n",
        encoding="utf-8",
    )
    return page


def test_hostile_text_is_shown_as_text_and_never_runs(client: Client, tmp_path: Path) -> None:
    run = import_file(hostile_page(tmp_path), ReadOptions(license=get_license("CC0-1.0")))
    assert run.created == 1, run.errors
    response = client.get("/wiki/Evil_%22onerror=alert(0)%22_'javascript:alert(0)'_title")
    assert response.status_code == 200
    html = response.content.decode()
    page = lxml.html.fromstring(html)
    # Nothing executable but the site's own script file: no inline script, no event handlers,
    # no javascript: URLs. The JSON-LD block is data, never run, and holds the text as data.
    scripts = page.xpath("//script[not(@type='application/ld+json')]")
    assert [(s.get("src"), s.text) for s in scripts] == [("/static/cyclopedia/site.js", None)]
    (data,) = page.xpath("//script[@type='application/ld+json']")
    assert "<" not in data.text
    assert json.loads(data.text)["name"] == "Evil \"onerror=alert(0)\" 'javascript:alert(0)' title"
    for element in page.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            scheme = value.strip().lower().split(":", 1)[0] if ":" in value else ""
            assert scheme not in ("javascript", "vbscript", "data"), (element.tag, name, value)
    assert page.xpath("//svg | //img | //iframe") == []
    # ...and the text is all there, as text, for the reader to see.
    visible = page.text_content()
    assert "Evil \"onerror=alert(0)\" 'javascript:alert(0)' title" in visible
    for payload in PAYLOADS:
        assert payload in visible


def test_a_title_with_markup_characters_is_refused_naming_the_file(tmp_path: Path) -> None:
    from cyclopedia.formats.base import ReadError

    page = tmp_path / "script-title.txt"
    page.write_text("<script>alert(1)</script>\n\nBody text here.\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"script-title\.txt: .*characters a title may not"):
        import_file(page, ReadOptions(license=get_license("CC0-1.0")))
