"""A rendering made without a database, with its missing links marked afterwards, is the
rendering made with the database's answer."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from cyclopedia.formats.mediawiki.page import PageText, WikiSource, page_document
from cyclopedia.render import render_document
from cyclopedia.render.prepared import prepare

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "mediawiki" / "golden"
PAGES = ["abraham-lincoln", "andorra", "julia-kristeva", "question-mark-film", "alsea"]


@pytest.mark.parametrize("name", [p for p in PAGES if (GOLDEN / f"{p}.wiki").exists()])
def test_marking_missing_links_equals_rendering_with_the_answer(name: str) -> None:
    document = page_document(
        PageText(title="Page", wikitext=(GOLDEN / f"{name}.wiki").read_text(encoding="utf-8")),
        WikiSource(server="https://en.wikipedia.org", site_name="Wikipedia (English)"),
        license=None,
        switch=dt.date(2023, 6, 7),
    )
    prepared = prepare(document)
    links = list(prepared.rendered.links)
    assert links, "a golden article with no links tests nothing"
    chooser = random.Random(name)
    for _ in range(3):
        existing = {title for title in links if chooser.random() < 0.5}
        expected = render_document(document, link_exists=existing.__contains__)
        assert prepared.rendered.with_missing_links(set(links) - existing) == expected
