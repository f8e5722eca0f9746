"""Infobox facts: kept with the published revision, queried on the facts page, shown as a
timeline, cleared on withdrawal, rebuilt by the backfill."""

from __future__ import annotations

import json

import lxml.html
import pytest
from django.core.management import call_command
from django.test import Client

from cyclopedia.apps.articles.models import Article, InfoboxFact
from cyclopedia.apps.articles.services import (
    alias_import,
    article_import_document,
    source_get_or_create,
)
from cyclopedia.document import Attribution, Document, Infobox, InfoboxField, get_license
from cyclopedia.formats.base import ReadOptions
from tests.apps.helpers import import_file
from tests.conftest import SEED, SEED_URL

pytestmark = pytest.mark.django_db

TIMELINE = "//section[@class='timeline']"


def publish(title: str, body: str = "Text.", infobox: Infobox | None = None) -> Article:
    source = source_get_or_create(name="Test wiki", kind="mediawiki")
    document = Document(
        title=title,
        body=body,
        infobox=infobox,
        attribution=Attribution(source_title=title, source_name="Test wiki"),
        license=get_license("CC-BY-SA-4.0"),
    )
    article_import_document(document=document, source=source)
    return Article.objects.get(title=title)


def seed() -> Article:
    import_file(SEED, ReadOptions(source_url=SEED_URL))
    return Article.objects.get(title="Qais al-Khazali")


def summary(article: Article) -> list[tuple[object, ...]]:
    return [
        (
            f.label,
            f.date_display,
            f.date_precision,
            f.place,
            f.detail,
            f.date is None and f.text,
            f.link_title,
        )
        for f in InfoboxFact.objects.filter(article=article).order_by("position", "part")
    ]


def test_seed_facts_with_membership_linked() -> None:
    mahdi = publish("Mahdi Army")
    aah = publish("Asa'ib Ahl al-Haq")
    article = seed()
    # fmt: off
    assert summary(article) == [
        ("Born", "1974", "year", "Sadr City, Baghdad, Iraq", "", False, ""),
        ("Arrested", "2007-03-20", "day", "Basra, Iraq", "US forces", False, ""),
        ("Released", "2010-01", "month", "Baghdad, Iraq", "", False, ""),
        ("Citizenship", "", "", "", "", "Iraqi", "Iraqi"),
        ("Alleged to be a member of", "", "", "", "", "Mahdi Army", "Mahdi Army"),
        ("Alleged to be a member of", "", "", "", "", "Asa'ib Ahl al-Haq", "Asa'ib Ahl al-Haq"),
    ]
    # fmt: on
    members = InfoboxFact.objects.filter(article=article, key="alleged to be a member of")
    assert [f.linked_article for f in members] == [mahdi, aah]
    assert all(f.revision_id == article.published_revision_id for f in members)


def test_later_article_is_linked_by_its_title_and_by_the_backfill() -> None:
    article = seed()
    membership = InfoboxFact.objects.get(article=article, key="alleged to be a member of")
    assert membership.linked_article is None
    iraqi = publish("Iraqi")  # a value that is a title: linked when the article arrives
    assert InfoboxFact.objects.get(article=article, key="citizenship").linked_article == iraqi
    mahdi = publish("Mahdi Army")
    call_command("facts_rebuild")
    members = InfoboxFact.objects.filter(article=article, key="alleged to be a member of")
    assert [(f.text, f.linked_article) for f in members] == [
        ("Mahdi Army", mahdi),
        ("Asa'ib Ahl al-Haq", None),
    ]


def test_new_revision_replaces_facts_and_withdrawal_clears_them() -> None:
    article = publish("Person", infobox=Infobox((InfoboxField("Born", "1950"),)))
    assert summary(article)[0][:3] == ("Born", "1950", "year")
    publish("Person", body="Changed.", infobox=Infobox((InfoboxField("Died", "March 2001"),)))
    assert [row[:3] for row in summary(article)] == [("Died", "2001-03", "month")]
    alias_import(title="Person", target="Elsewhere", source=article.revisions.first().source)
    article.refresh_from_db()
    assert article.published_revision is None
    assert not InfoboxFact.objects.filter(article=article).exists()


def test_facts_page_by_label_value_and_dates(client: Client) -> None:
    seed()
    publish("Someone", infobox=Infobox((InfoboxField("Date of birth", "3 May 1980\nBaghdad"),)))
    publish("Other", infobox=Infobox((InfoboxField("Born", "1990\nLondon"),)))

    def found(query: str) -> list[str]:
        response = client.get("/facts" + query)
        assert response.status_code == 200
        page = lxml.html.fromstring(response.content)
        rows = page.xpath("//table[@class='facts-table']/tbody/tr")
        return [row.text_content().split()[0] for row in rows]

    assert found("?label=Born&value=Baghdad") == ["Qais", "Someone"]
    assert found("?label=born&from=1975&to=1985") == ["Someone"]
    assert found("?label=Arrested&from=2007-03&to=2007-03") == ["Qais"]
    assert found("?from=2010-01-15&to=2010-02") == ["Qais"]  # Released 2010-01 overlaps
    assert found("?label=Born&value=Paris") == []
    response = client.get("/facts?from=someday")
    assert response.status_code == 400
    assert "is not a date" in response.content.decode()


def test_facts_page_keeps_hostile_text_inert(client: Client) -> None:
    hostile = "</script><script>alert(1)</script>"
    publish(
        "Hostile", infobox=Infobox((InfoboxField("Born", "1970\n" + hostile.replace("<", "\\<")),))
    )
    response = client.get("/facts?label=Born&value=alert")
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;alert(1)" in response.content


def test_article_page_shows_the_timeline(client: Client) -> None:
    seed()
    page = lxml.html.fromstring(client.get("/wiki/Qais_al-Khazali").content)
    events = [" ".join(li.text_content().split()) for li in page.xpath(TIMELINE + "//li")]
    assert events == [
        "1974: Born in Sadr City, Baghdad, Iraq",
        "2007-03-20: Arrested in Basra, Iraq (US forces)",
        "2010-01: Released in Baghdad, Iraq",
    ]
    assert [t.get("datetime") for t in page.xpath(TIMELINE + "//time")] == [
        "1974",
        "2007-03-20",
        "2010-01",
    ]


def test_no_timeline_without_dated_facts(client: Client) -> None:
    publish("Plain", infobox=Infobox((InfoboxField("Colour", "Blue"),)))
    page = lxml.html.fromstring(client.get("/wiki/Plain").content)
    assert page.xpath(TIMELINE) == []


def json_ld(client: Client, url: str) -> dict[str, object]:
    page = lxml.html.fromstring(client.get(url).content)
    (script,) = page.xpath("//script[@type='application/ld+json']")
    return json.loads(script.text)


def test_json_ld_of_the_seed(client: Client) -> None:
    mahdi = publish("Mahdi Army")
    article = seed()
    data = json_ld(client, "/wiki/Qais_al-Khazali")
    assert data["@type"] == "Article"
    assert data["name"] == "Qais al-Khazali"
    assert data["url"] == "http://testserver/wiki/Qais_al-Khazali"
    assert data["inLanguage"] == "en"
    revision = article.published_revision
    assert data["dateModified"] == revision.created.isoformat()
    assert data["license"] == revision.license_info.url
    assert data["isBasedOn"]["url"] in (revision.revision_url, SEED_URL)
    assert data["isBasedOn"]["name"] == revision.source_title
    assert data["creator"]
    about = data["about"]
    assert about["@type"] == "Person"
    assert about["birthDate"] == "1974"
    assert about["birthPlace"] == {"@type": "Place", "name": "Sadr City, Baghdad, Iraq"}
    assert about["nationality"] == "Iraqi"
    assert about["memberOf"][0] == {
        "@type": "Organization",
        "name": "Mahdi Army",
        "url": "http://testserver" + mahdi.get_absolute_url(),
    }


def test_json_ld_cannot_be_closed_by_hostile_text(client: Client) -> None:
    hostile = "</script><script>alert(1)</script>"
    source = source_get_or_create(name="Test wiki", kind="mediawiki")
    document = Document(
        title="Hostile page",
        body=hostile.replace("<", "\\<") + " &amp; more.",
        infobox=Infobox((InfoboxField("Born", "1970\n" + hostile.replace("<", "\\<")),)),
        attribution=Attribution(source_title="Hostile " + hostile, source_name="Test wiki"),
        license=get_license("CC-BY-SA-4.0"),
    )
    article_import_document(document=document, source=source)
    response = client.get("/wiki/Hostile_page")
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert html.count("<script") == html.count('<script type="application/ld+json">') + html.count(
        '<script src="'
    )
    data = json_ld(client, "/wiki/Hostile_page")
    assert data["isBasedOn"]["name"] == "Hostile " + hostile  # the text, intact as data
    assert data["about"]["birthPlace"]["name"] == hostile
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
