"""Every archive of the sample corpus (``../shared/corpus/zim``): what it gives, item by item.

The figures are those of the archives as they are: articles (Documents), alternative names
(AliasItems) and entries that could not be read (ItemErrors), with the reason for each error.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from cyclopedia.document import Document
from cyclopedia.formats.base import AliasItem, ItemError, ReadError, ReadOptions
from cyclopedia.formats.zim.reader import ZimReader

from .zimfiles import CORPUS

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is not here")

# file: (Documents, AliasItems, ItemErrors)
EXPECTED = {
    "kiwixjs_foo-zstd.zim": (16, 0, 0),  # zstd, old layout, 16 plain-text articles
    "libkiwix_corner_cases.zim": (0, 0, 4),  # "C#" is no title; an empty page
    "libkiwix_example.zim": (2, 0, 2),  # two scripts labelled text/html
    "libkiwix_poor.zim": (7, 0, 4),  # an empty page, three redirects in loops
    "libkiwix_zimfile_raycharles.zim": (127, 157, 0),
    "zts_noTitleListingV0_small.zim": (1, 0, 0),
    "zts_noTitleListingV0_wikibooks_be_all_nopic_2017-02.zim": (66, 3, 0),
    "zts_nons_small.zim": (1, 0, 0),
    "zts_nons_wikibooks_be_all_nopic_2017-02.zim": (66, 3, 0),
    "zts_withns_small.zim": (1, 0, 0),
    "zts_withns_wikibooks_be_all_nopic_2017-02.zim": (66, 3, 0),
}


def read_all(path: Path, **options: object) -> list[object]:
    return list(ZimReader().read(path, ReadOptions(**options)))  # type: ignore[arg-type]


def counts(items: list[object]) -> tuple[int, int, int]:
    kinds = collections.Counter(type(item) for item in items)
    return kinds[Document], kinds[AliasItem], kinds[ItemError]


@needs_corpus
def test_the_corpus_has_the_archives_expected() -> None:
    assert {path.name for path in CORPUS.glob("*.zim")} == set(EXPECTED)


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_valid_archive_imports(name: str) -> None:
    items = read_all(CORPUS / name)
    assert counts(items) == EXPECTED[name]
    for item in items:
        if isinstance(item, ItemError):
            assert item.message


@needs_corpus
def test_the_errors_say_why() -> None:
    messages = {
        item.key.rpartition(":")[2]: item.message
        for name in ("libkiwix_corner_cases.zim", "libkiwix_poor.zim", "libkiwix_example.zim")
        for item in read_all(CORPUS / name)
        if isinstance(item, ItemError)
    }
    assert messages["empty.html"] == "the entry is empty"
    assert "characters a title may not: #" in messages["c#.html"]
    assert messages["redirect_loop.html"] == "the redirect leads round in a loop"
    assert messages["Wikibooks_files/index(2).php"] == "labelled text/html but is not an HTML page"


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "zts_withns_wikibooks_be_all_nopic_2017-02.zim",  # old layout
        "zts_nons_wikibooks_be_all_nopic_2017-02.zim",  # new layout
        "zts_noTitleListingV0_wikibooks_be_all_nopic_2017-02.zim",  # no title listing
    ],
)
def test_the_same_wikibooks_in_both_layouts_give_the_same_articles(name: str) -> None:
    documents = {item.title: item for item in read_all(CORPUS / name) if isinstance(item, Document)}
    lesson = documents["Італьянская мова/Урок 1"]
    assert lesson.language == "be"
    assert lesson.attribution.source_url == (
        "https://be.wikibooks.org/wiki/%D0%86%D1%82%D0%B0%D0%BB%D1%8C%D1%8F%D0%BD%D1%81%D0%BA"
        "%D0%B0%D1%8F_%D0%BC%D0%BE%D0%B2%D0%B0/%D0%A3%D1%80%D0%BE%D0%BA_1"
    )
    assert lesson.license.spdx == "CC-BY-SA-3.0"
    assert "| **sì** | так |" in lesson.body
    course = documents["Італьянская мова"]
    assert "[[Італьянская мова/Урок 2|Урок 2 - дыфтонгі;" in course.body
    aliases = {item.title: item.target for item in read_all(CORPUS / name)
               if isinstance(item, AliasItem)}  # fmt: skip
    assert aliases["Main Page"] == "Першая старонка"


@needs_corpus
def test_archives_of_both_layouts_agree() -> None:
    def bodies(name: str) -> dict[str, str]:
        return {
            item.title: item.body for item in read_all(CORPUS / name) if isinstance(item, Document)
        }

    old = bodies("zts_withns_wikibooks_be_all_nopic_2017-02.zim")
    new = bodies("zts_nons_wikibooks_be_all_nopic_2017-02.zim")
    assert old == new


@needs_corpus
def test_plain_text_articles_of_a_zstd_archive() -> None:
    items = read_all(CORPUS / "kiwixjs_foo-zstd.zim")
    first = items[0]
    assert isinstance(first, Document)
    assert (first.title, first.body) == ("1", "this is article 1\n")
    assert first.license.spdx == "NOASSERTION"  # no licence anywhere: quarantined


@needs_corpus
def test_an_archive_without_any_licence_gets_the_operators() -> None:
    from cyclopedia.document import get_license

    items = read_all(CORPUS / "zts_nons_small.zim", license=get_license("CC0-1.0"))
    (document,) = items
    assert isinstance(document, Document)
    assert document.license.spdx == "CC0-1.0"
    assert document.license_evidence == "given by the operator (--license)"


@needs_corpus
def test_a_resumed_import_gives_the_rest_of_the_items() -> None:
    path = CORPUS / "libkiwix_zimfile_raycharles.zim"
    everything = read_all(path)
    rest = read_all(path, skip=100)
    assert rest == everything[100:]


@needs_corpus
def test_a_split_archive_is_read_from_its_first_part(tmp_path: Path) -> None:
    data = (CORPUS / "zts_nons_small.zim").read_bytes()
    (tmp_path / "small.zimaa").write_bytes(data[:20000])
    (tmp_path / "small.zimab").write_bytes(data[20000:])
    assert counts(read_all(tmp_path / "small.zimaa")) == (1, 0, 0)
    with pytest.raises(ReadError, match="import its first part"):
        read_all(tmp_path / "small.zimab")
