"""mwoffliner's article footer: read (page, revision, day of the last edit, licence), taken out."""

from __future__ import annotations

import datetime as dt

from cyclopedia.formats.wikihtml.footer import take_footer
from cyclopedia.formats.wikihtml.tree import parse_html

ENGLISH = """<div id="mw-content-text"><p>Text.</p>
<div><div style="clear:both">
    This article is issued from
    <a class="external text" title="Last edited on 2020-03-26"
       href="https://en.wikipedia.org/wiki/Georgia_on_My_Mind?oldid=947402059">Wikipedia</a>.
    The text is licensed under <a class="external text"
       href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons - Attribution -
       Sharealike</a>. Additional terms may apply for the media files.
</div></div></div>"""

FRENCH = """<div id="mw-content-text"><p>Texte.</p><div><div>Cet article est issu de
<a title="dernière modification le 2019-01-02" href="https://fr.wikipedia.org/wiki/Paris?oldid=42">
Wikipédia</a>. Le texte est sous licence <a href="https://creativecommons.org/licenses/by-sa/4.0/">
Creative Commons - Attribution - Partage dans les mêmes conditions</a>.</div></div></div>"""


def test_the_english_footer() -> None:
    root = parse_html(ENGLISH)
    footer = take_footer(root)
    assert footer is not None
    assert footer.page_url == "https://en.wikipedia.org/wiki/Georgia_on_My_Mind"
    assert footer.revision_id == "947402059"
    assert footer.edited == dt.datetime(2020, 3, 26, tzinfo=dt.UTC)
    assert footer.site_name == "Wikipedia"
    assert footer.license_url == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert footer.text.startswith("This article is issued from Wikipedia.")
    assert root.text_content().strip() == "Text."  # taken out, wrappers and all


def test_a_translated_footer_is_known_by_its_links() -> None:
    root = parse_html(FRENCH)
    footer = take_footer(root)
    assert footer is not None
    assert (footer.revision_id, footer.site_name) == ("42", "Wikipédia")
    assert footer.edited == dt.datetime(2019, 1, 2, tzinfo=dt.UTC)
    assert root.text_content().strip() == "Texte."


def test_a_page_without_a_footer_keeps_its_text() -> None:
    root = parse_html(
        "<p>See <a href='https://en.wikipedia.org/w/index.php?title=X&oldid=5'>an old version</a>"
        " of the page, under <a href='https://creativecommons.org/licenses/by/4.0/'>CC BY</a>, "
        + "and a long discussion of it. " * 40
        + "</p>"
    )
    assert take_footer(root) is None
    assert "an old version" in root.text_content()
