"""axe-core (bundled in axe-playwright-python) over the main pages, in both themes and at both
sizes: no serious or critical violation. Each run's findings, minor ones included, are written
to var/browser-screenshots/axe-*.json for a look."""

from __future__ import annotations

import json
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.conftest import DESKTOP, PHONE, REVIEWER, RTL_TITLE, SCREENSHOTS, Site

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "article": "/wiki/Qais_al-Khazali",
    "article-sections": "/wiki/Julia_Kristeva",
    "article-rtl": f"/wiki/{RTL_TITLE}",
    "search": "/search?q=Baghdad&fulltext=1",
    "history": "/history/Qais_al-Khazali",
    "login": "/accounts/login",
}
# Pages behind a log-in (a reviewer's account): the editor and the review queue.
LOGGED_IN_PAGES = {"editor": "/submit", "review": "/review"}
BLOCKING = {"serious", "critical"}


def axe(page: Any, name: str) -> list[dict[str, Any]]:
    """Run axe-core in the page; its violations, also written to a JSON file."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations: list[dict[str, Any]] = results["violations"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]],
        }
        for v in violations
    ]
    (SCREENSHOTS / f"axe-{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return report


def blocking(report: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [violation for violation in report if violation["impact"] in BLOCKING]


def log_in(page: Any, site: Site) -> None:
    page.goto(site("/accounts/login"))
    page.get_by_label("Username").fill(REVIEWER[0])
    page.get_by_label("Password").fill(REVIEWER[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Log out").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
def test_no_serious_violation(
    site: Site, new_page: Any, viewport: dict[str, int], scheme: str
) -> None:
    page = new_page(viewport=viewport, color_scheme=scheme)
    found = {}
    for name, path in PAGES.items():
        page.goto(site(path))
        found[name] = blocking(axe(page, f"{name}-{viewport['width']}-{scheme}"))
    assert found == {key: [] for key in PAGES}
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violation_when_logged_in(site: Site, new_page: Any, scheme: str) -> None:
    page = new_page(viewport=DESKTOP, color_scheme=scheme)
    log_in(page, site)
    found = {}
    # A proposed edit of the seed article, so that the queue and a submission have content.
    page.goto(site("/edit/Qais_al-Khazali"))
    source = page.get_by_label("Article source")
    source.fill(source.input_value() + "\n\nA sentence added in the browser test.")
    page.get_by_role("button", name="Show preview").click()
    page.wait_for_load_state()
    found["editor-preview"] = blocking(axe(page, f"editor-preview-{scheme}"))
    page.get_by_label("Edit summary").fill("Browser test")
    page.locator("input[name=license_declared]").check()
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    found["submission"] = blocking(axe(page, f"submission-{scheme}"))
    for name, path in {**LOGGED_IN_PAGES, "article-logged-in": PAGES["article"]}.items():
        page.goto(site(path))
        found[name] = blocking(axe(page, f"{name}-{scheme}"))
        if name == "review":
            assert page.get_by_text("Qais al-Khazali").count() >= 1
    names = ["editor-preview", "submission", *LOGGED_IN_PAGES, "article-logged-in"]
    assert found == {key: [] for key in names}
    assert page.errors == []


def test_axe_finds_what_it_should(site: Site, new_page: Any) -> None:
    """The check can fail: a page with an unlabelled field and faint text is caught."""
    page = new_page(viewport=DESKTOP)
    page.goto(site("/"))
    page.evaluate(
        """() => {
            const input = document.createElement('input');
            document.querySelector('main').appendChild(input);
            document.querySelector('.lede').classList.add('card__text');
            document.querySelector('.lede').style.color = '#bbb';
        }"""
    )
    ids = {violation["id"] for violation in blocking(axe(page, "self-check"))}
    assert {"label", "color-contrast"} <= ids
