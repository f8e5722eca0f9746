"""The article page, the search box and the reading preferences in a real browser."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, RTL_TITLE, Site, screenshot

pytestmark = pytest.mark.browser

SEED = "/wiki/Qais_al-Khazali"


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not laid out"
    return found


def in_viewport(page: Any, selector: str) -> bool:
    found = box(page, selector)
    height = page.viewport_size["height"]
    return found["y"] >= -1 and found["y"] < height


def test_infobox_beside_the_lead_on_a_wide_screen(site: Site, new_page: Any) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(site(SEED))
    assert page.locator(".infobox").is_visible()
    infobox, lead = box(page, ".infobox"), box(page, ".article__body > p")
    # Level with the lead's first paragraph, whose lines stop short of it, inside the window.
    lines = page.evaluate(
        """() => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector('.article__body > p'));
            return [...range.getClientRects()].map(r => ({top: r.top, right: r.right}));
        }"""
    )
    beside = [line for line in lines if line["top"] < infobox["y"] + infobox["height"]]
    assert beside
    assert max(line["right"] for line in beside) <= infobox["x"]
    assert infobox["x"] > lead["x"] + 300
    assert infobox["y"] < lead["y"] + lead["height"]
    assert lead["y"] < infobox["y"] + infobox["height"]
    assert infobox["x"] + infobox["width"] <= DESKTOP["width"]
    # The text keeps a readable measure: no paragraph wider than about 75 characters' worth.
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.article__body > p')]"
        ".map(p => p.getBoundingClientRect().width))"
    )
    assert 400 < widest <= 760
    screenshot(page, "article-1366x900")
    assert page.errors == []


def test_infobox_after_the_lead_on_a_phone(site: Site, new_page: Any) -> None:
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(site(SEED))
    assert page.locator(".infobox").is_visible()
    paragraphs = page.locator(".article__body > p")
    last_of_lead = paragraphs.nth(paragraphs.count() - 1).bounding_box()
    infobox = box(page, ".infobox")
    title = box(page, "h1")
    assert infobox["y"] >= last_of_lead["y"] + last_of_lead["height"]
    assert infobox["y"] > title["y"]
    assert infobox["x"] >= 0
    assert infobox["x"] + infobox["width"] <= PHONE["width"]
    # After the infobox the contents, then the later sections; nothing scrolls sideways.
    assert box(page, ".toc")["y"] > infobox["y"] + infobox["height"]
    assert box(page, "#References")["y"] > box(page, ".toc")["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "article-390x844")
    page.locator(".infobox").scroll_into_view_if_needed()
    screenshot(page, "article-390x844-infobox")
    assert page.errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
def test_table_of_contents(site: Site, new_page: Any, viewport: dict[str, int]) -> None:
    page = new_page(viewport=viewport)
    page.goto(site(SEED))
    toc = page.locator("nav.toc")
    assert toc.get_by_role("link").all_inner_texts() == [
        "Timeline",
        "References",
        "Source and licence",
    ]
    toc.get_by_role("link", name="References").click()
    page.wait_for_function("location.hash === '#References'")
    assert 0 <= box(page, "#References")["y"] < 120
    if viewport is DESKTOP:
        # Sticky: still on screen, beside the text, with the page scrolled to its end.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function("window.scrollY > 300")
        assert in_viewport(page, "nav.toc")
        assert box(page, "nav.toc")["x"] < box(page, ".article__body")["x"]
        screenshot(page, "toc-sticky-1366x900")
    # Collapsible (a <details>: no script needed), and open again.
    page.evaluate("window.scrollTo(0, 0)")
    summary = toc.locator("summary")
    summary.click()
    assert not toc.locator("ol").is_visible()
    summary.click()
    assert toc.locator("ol").is_visible()
    screenshot(page, f"toc-{viewport['width']}x{viewport['height']}")
    assert page.errors == []


def test_nested_contents_and_section_links(site: Site, new_page: Any) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(site("/wiki/Julia_Kristeva"))
    entry = page.locator("nav.toc li.toc__level-3").first
    target = entry.locator("a").get_attribute("href")
    entry.locator("a").click()
    page.wait_for_function(f"location.hash === {target!r}")
    assert 0 <= box(page, target)["y"] < 120
    # Each section heading gets a link to itself, named for screen readers.
    anchor = page.locator(f"{target} > a.heading-anchor")
    assert anchor.get_attribute("href") == target
    assert anchor.get_attribute("aria-label").startswith("Link to the section")
    page.locator("#Life").hover()
    assert (
        page.locator("#Life > a.heading-anchor").evaluate("a => getComputedStyle(a).opacity") == "1"
    )
    page.locator("#Life > a.heading-anchor").click()
    page.wait_for_function("location.hash === '#Life'")
    screenshot(page, "sections-1366x900")
    assert page.errors == []


def test_reference_marker_preview_jump_and_back(site: Site, new_page: Any) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(site(SEED))
    marker = page.locator("#cite_ref-2-1 a")
    reference_text = page.locator("#cite_note-2 .reference-text").inner_text()
    # Hover: a preview of the reference beside the marker, described to assistive technology.
    marker.hover()
    preview = page.locator(".ref-preview")
    preview.wait_for(state="visible")
    assert reference_text in preview.inner_text()
    assert marker.get_attribute("aria-describedby") == "ref-preview"
    screenshot(page, "reference-preview-1366x900")
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    # The marker still jumps to its reference, and the arrow back.
    marker.click()
    page.wait_for_function("location.hash === '#cite_note-2'")
    assert in_viewport(page, "#cite_note-2")
    screenshot(page, "reference-target-1366x900")
    page.locator("#cite_note-2 a.backlink").click()
    page.wait_for_function("location.hash === '#cite_ref-2-1'")
    assert in_viewport(page, "#cite_ref-2-1")
    # Keyboard: focusing a marker shows its preview too.
    page.locator("#cite_ref-3-1 a").focus()
    preview.wait_for(state="visible")
    assert page.locator("#cite_note-3 .reference-text").inner_text() in preview.inner_text()
    assert page.errors == []


def test_reference_marker_works_without_javascript(site: Site, new_page: Any) -> None:
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(site(SEED))
    page.locator("#cite_ref-5-1 a").click()
    page.wait_for_url("**#cite_note-5")
    assert in_viewport(page, "#cite_note-5")
    page.locator("#cite_note-5 a.backlink").click()
    page.wait_for_url("**#cite_ref-5-1")
    assert in_viewport(page, "#cite_ref-5-1")
    # Without the script the preferences, which need it, stay hidden.
    assert not page.locator(".prefs").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
def test_search_suggestions(site: Site, new_page: Any, viewport: dict[str, int]) -> None:
    page = new_page(viewport=viewport)
    page.goto(site("/"))
    box_ = page.get_by_role("combobox", name="Search Cyclopedia")
    box_.click()
    page.keyboard.type("Qais")
    options = page.locator("#site-search-suggestions [role=option]")
    options.first.wait_for(state="visible")
    assert "Qais al-Khazali" in options.all_inner_texts()[0]
    assert box_.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    assert box_.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    screenshot(page, f"search-suggestions-{viewport['width']}x{viewport['height']}")
    page.keyboard.press("Escape")
    assert not options.first.is_visible()
    assert box_.get_attribute("aria-expanded") == "false"
    page.keyboard.type(" ")  # the suggestions come back
    options.first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/wiki/Qais_al-Khazali")
    assert page.locator("h1").inner_text() == "Qais al-Khazali"
    assert page.errors == []


def background(page: Any) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


LIGHT, DARK = "rgb(255, 255, 255)", "rgb(21, 23, 26)"


def test_theme_toggle_is_remembered_without_cookies(site: Site, new_page: Any) -> None:
    page = new_page(viewport=PHONE, color_scheme="light")
    page.goto(site(SEED))
    toggle = page.get_by_role("button", name="Dark theme")
    assert background(page) == LIGHT
    assert toggle.get_attribute("aria-pressed") == "false"
    screenshot(page, "theme-light-390x844")
    toggle.click()
    assert background(page) == DARK
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    assert background(page) == DARK
    assert page.get_by_role("button", name="Dark theme").get_attribute("aria-pressed") == "true"
    # Remembered on other pages too, in localStorage and in no cookie.
    page.goto(site("/"))
    assert background(page) == DARK
    assert page.evaluate("localStorage.getItem('cyclopedia-theme')") == "dark"
    assert page.context.cookies() == []
    screenshot(page, "theme-dark-home-390x844")
    # Back to light, the system's: the page follows the system again.
    page.get_by_role("button", name="Dark theme").click()
    assert background(page) == LIGHT
    assert page.evaluate("localStorage.getItem('cyclopedia-theme')") is None


def test_dark_system_setting_and_the_toggle(site: Site, new_page: Any) -> None:
    page = new_page(viewport=DESKTOP, color_scheme="dark")
    page.goto(site(SEED))
    assert background(page) == DARK
    toggle = page.get_by_role("button", name="Dark theme")
    assert toggle.get_attribute("aria-pressed") == "true"
    screenshot(page, "theme-dark-1366x900")
    toggle.click()
    assert background(page) == LIGHT
    page.reload()
    assert background(page) == LIGHT  # the reader's choice beats the system's


def test_text_size_is_remembered(site: Site, new_page: Any) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(site(SEED))
    size = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    assert page.evaluate(size) == 16
    page.get_by_role("button", name="Larger text").click()
    page.get_by_role("button", name="Larger text").click()
    assert page.evaluate(size) == 20
    page.reload()
    assert page.evaluate(size) == 20
    screenshot(page, "text-larger-1366x900")
    for _ in range(4):
        smaller = page.get_by_role("button", name="Smaller text")
        if smaller.is_enabled():
            smaller.click()
    assert page.evaluate(size) == 14
    assert page.get_by_role("button", name="Smaller text").is_disabled()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1366x900"])
def test_rtl_article_is_laid_out_right_to_left(
    site: Site, new_page: Any, viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    page.goto(site(f"/wiki/{RTL_TITLE}"))
    article = page.locator("article.article")
    assert article.get_attribute("lang") == "ar"
    assert article.get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "en"  # the interface stays English
    # The text starts at the right: the title's glyphs hug the right edge of its box.
    right_gap, left_gap = page.evaluate(
        """() => {
            const h1 = document.querySelector('h1'), range = document.createRange();
            range.selectNodeContents(h1);
            const text = range.getBoundingClientRect(), block = h1.getBoundingClientRect();
            return [block.right - text.right, text.left - block.left];
        }"""
    )
    assert right_gap < 2
    assert left_gap > 100
    first = page.locator(".article__body > p").first
    assert first.evaluate("p => getComputedStyle(p).direction") == "rtl"
    if viewport is DESKTOP:
        # The contents column mirrors to the right of the text.
        assert box(page, "nav.toc")["x"] > box(page, ".article__body")["x"]
    # The interface lines inside the article stay left to right.
    assert page.locator(".attribution").evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(page, f"rtl-article-{viewport['width']}x{viewport['height']}")
    assert page.errors == []


def test_print_layout(site: Site, new_page: Any) -> None:
    page = new_page(viewport=DESKTOP)
    page.goto(site("/wiki/Julia_Kristeva"))
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer nav", "nav.toc", ".prefs"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator(".references").is_visible()
    assert page.locator(".attribution").is_visible()
    # An outside link shows its address; a link whose text is the address does not repeat it.
    shown = page.evaluate(
        """() => [...document.querySelectorAll('.article__body a[href^="http"]')].map(
            a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    assert shown, "the article has outside links"
    for href, after in shown:
        assert after == '" (" attr(href) ")"' or href in after, (href, after)
    repeated = page.evaluate(
        """() => [...document.querySelectorAll('a[data-url-shown]')].map(
            a => getComputedStyle(a, '::after').content)"""
    )
    assert repeated
    assert set(repeated) == {"none"}
    screenshot(page, "article-print-media-1366x900")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    from tests.browser.conftest import SCREENSHOTS

    (SCREENSHOTS / "article-print.pdf").write_bytes(pdf)


def test_skip_link_and_visible_focus(site: Site, new_page: Any) -> None:
    page = new_page(viewport=PHONE)
    page.goto(site(SEED))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("a => a === document.activeElement")
    skip_box = box(page, ".skip-link")
    assert skip_box["x"] >= 0
    assert skip_box["y"] >= 0
    outline = "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    assert skip.evaluate(outline) == "solid 3px"
    screenshot(page, "skip-link-390x844")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#content'")
    # The next Tab goes on from the main content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    assert page.evaluate(f"({outline})(document.activeElement)") == "solid 3px"
    # One h1 and the landmarks.
    assert page.locator("h1").count() == 1
    for role in ("banner", "main", "contentinfo", "search"):
        assert page.get_by_role(role).count() >= 1, role
