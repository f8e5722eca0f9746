"""The quarantine: editors confirm a licence (publishing the item) or discard it, once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from cyclopedia.apps.articles.models import Article, Revision
from cyclopedia.apps.ingest.models import ImportRun, Quarantine
from cyclopedia.apps.ingest.quarantine import (
    QuarantineError,
    quarantine_confirm,
    quarantine_confirm_many,
    quarantine_discard,
    quarantine_pending,
)
from cyclopedia.apps.ingest.services import documents_ingest, import_run_start
from cyclopedia.cli.main import cli
from cyclopedia.document import Attribution, Document, Infobox, InfoboxField, Reference, get_license
from tests.apps.helpers import import_file

pytestmark = pytest.mark.django_db

SENTENCE = "This is an open access article distributed under the terms of the CC BY licence."


def held(title: str, spdx: str = "CC-BY-4.0", *, heuristic: bool = True) -> Document:
    lic = get_license(spdx)
    return Document(
        title=title,
        body="Findings.[^1]",
        references=(Reference("1", "Smith 2020.", doi="10.1234/x"),),
        infobox=Infobox((InfoboxField("Journal", "PLOS ONE"),)),
        notices=("Correction: see doi:10.1234/c.",),
        attribution=Attribution(
            source_title=title,
            source_name="PLOS ONE",
            source_url="https://doi.org/10.1234/" + title.replace(" ", ""),
            authors=("A. Author", "B. Author"),
            copyright_notice="© 2020 Author et al.",
        ),
        license=lic.as_heuristic("a licence sentence") if heuristic else lic,
        license_evidence=f"license-p: {SENTENCE}",
        language="en",
        source_key="10.1234/" + title.replace(" ", ""),
    )


def quarantine(*documents: Document) -> list[Quarantine]:
    run = import_run_start(path="articles.xml", format="jats", options={})
    documents_ingest(run=run, items=list(documents))
    assert ImportRun.objects.get(pk=run.pk).quarantined == len(documents)
    return list(Quarantine.objects.order_by("id"))


def test_a_heuristic_licence_is_quarantined_with_what_it_needs_to_publish() -> None:
    (item,) = quarantine(held("A study"))
    assert item.status == Quarantine.Status.PENDING
    assert item.license == "CC-BY-4.0"
    assert "confirm" in item.reason
    assert item.attribution["authors"] == ["A. Author", "B. Author"]
    assert item.format == "jats"
    assert not Article.objects.exists()


def test_confirming_publishes_with_the_confirmation_in_the_evidence() -> None:
    (item,) = quarantine(held("A study"))
    quarantine_confirm(item_id=item.pk, editor="Ada Editor", note="checked the PDF")
    article = Article.objects.get(title="A study")
    revision = article.published_revision
    assert revision.license == "CC-BY-4.0"
    assert "confirmed by Ada Editor" in revision.license_evidence
    assert "checked the PDF" in revision.license_evidence
    assert SENTENCE in revision.license_evidence
    assert revision.authors == ["A. Author", "B. Author"]
    assert revision.copyright_notice == "© 2020 Author et al."
    assert revision.notices == ["Correction: see doi:10.1234/c."]
    assert revision.infobox["fields"][0]["label"] == "Journal"
    item.refresh_from_db()
    assert item.status == Quarantine.Status.PUBLISHED
    assert item.decided_by == "Ada Editor"
    assert item.confirmed_license == "CC-BY-4.0"


def test_a_decision_is_taken_once() -> None:
    (item,) = quarantine(held("A study"))
    quarantine_discard(item_id=item.pk, editor="Ada", note="not ours to publish")
    with pytest.raises(QuarantineError, match="already decided"):
        quarantine_confirm(item_id=item.pk, editor="Bob")
    with pytest.raises(QuarantineError, match="already decided"):
        quarantine_discard(item_id=item.pk, editor="Bob")
    assert not Article.objects.exists()


def test_a_refused_licence_needs_another_verified_licence() -> None:
    (item,) = quarantine(held("Non-commercial", "CC-BY-NC-4.0", heuristic=False))
    with pytest.raises(QuarantineError, match="may not be published"):
        quarantine_confirm(item_id=item.pk, editor="Ada")
    with pytest.raises(QuarantineError, match="may not be published"):
        quarantine_confirm(item_id=item.pk, editor="Ada", license=get_license("CC-BY-ND-4.0"))
    assert quarantine_pending().count() == 1
    quarantine_confirm(item_id=item.pk, editor="Ada", license=get_license("CC-BY-4.0"))
    assert Article.objects.get().published_revision.license == "CC-BY-4.0"


def test_an_editor_must_be_named_and_the_item_must_exist() -> None:
    (item,) = quarantine(held("A study"))
    with pytest.raises(QuarantineError, match="editor"):
        quarantine_confirm(item_id=item.pk, editor="  ")
    with pytest.raises(QuarantineError, match="no quarantined item"):
        quarantine_confirm(item_id=item.pk + 100, editor="Ada")


def test_items_without_kept_attribution_ask_for_a_new_import() -> None:
    (item,) = quarantine(held("A study"))
    Quarantine.objects.filter(pk=item.pk).update(attribution={})
    with pytest.raises(QuarantineError, match="import its file again"):
        quarantine_confirm(item_id=item.pk, editor="Ada")
    assert quarantine_pending().count() == 1  # nothing half-done


def test_cli_lists_and_confirms_in_bulk_by_licence_sentence() -> None:
    other = dataclasses.replace(held("Other"), license_evidence="copyright statement: all mine")
    quarantine(held("First study"), held("Second study"), other)
    runner = CliRunner()
    listed = runner.invoke(cli, ["quarantine", "list"])
    assert listed.exit_code == 0, listed.output
    assert "3 item(s) waiting" in listed.output
    result = runner.invoke(
        cli, ["quarantine", "confirm", "--evidence", SENTENCE[:40], "--editor", "Ada"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("published") == 2
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "First study",
        "Second study",
    ]
    assert quarantine_pending().get().title == "Other"


def test_cli_refuses_a_vague_or_impossible_decision() -> None:
    (item,) = quarantine(held("Non-commercial", "CC-BY-NC-4.0", heuristic=False))
    runner = CliRunner()
    assert runner.invoke(cli, ["quarantine", "confirm", "--editor", "Ada"]).exit_code == 2
    result = runner.invoke(cli, ["quarantine", "confirm", str(item.pk), "--editor", "Ada"])
    assert result.exit_code == 1
    assert "may not be published" in result.output
    result = runner.invoke(
        cli, ["quarantine", "confirm", "--evidence", "nothing like it", "--editor", "Ada"]
    )
    assert result.exit_code == 1
    assert "no waiting item" in result.output
    result = runner.invoke(cli, ["quarantine", "discard", str(item.pk), "--editor", "Ada"])
    assert result.exit_code == 0
    assert "discarded" in result.output


JATS = Path(__file__).parents[1] / "data" / "jats"
PLOS = Path(__file__).parents[2].parent / "shared" / "corpus" / "jats" / "plos_allofplos"


def test_a_non_commercial_jats_article_is_quarantined_and_cannot_be_confirmed() -> None:
    run = import_file(JATS / "elife00270-cc-by-nc.xml", fmt="jats")
    assert (run.quarantined, run.created) == (1, 0)
    item = Quarantine.objects.get()
    assert "non-commercial" in item.reason.lower()
    with pytest.raises(QuarantineError, match="may not be published"):
        quarantine_confirm(item_id=item.pk, editor="Ada")


def test_plos_articles_licensed_by_a_sentence_wait_and_are_confirmed_together() -> None:
    files = sorted(PLOS.glob("journal.p*.xml"))[:6]
    for path in files:
        import_file(path, fmt="jats")
    waiting = quarantine_pending(evidence="distributed under the terms of the Creative Commons")
    count = waiting.count()
    assert count >= 1
    ids = list(waiting.values_list("pk", flat=True))
    results = quarantine_confirm_many(item_ids=ids, editor="Ada", note="PLOS policy")
    assert all(not isinstance(result, QuarantineError) for result in results.values())
    published = Article.objects.filter(published_revision__isnull=False)
    assert published.count() >= count
    for revision in Revision.objects.filter(pk__in=published.values("published_revision")):
        assert revision.license.startswith("CC-BY")
        assert revision.revision_url.startswith("https://doi.org/")
