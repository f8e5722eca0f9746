"""Hostile and broken XML (POLICY.md §4, "XML importers"): entity expansion, external entities
and DTDs, deep nesting, huge files, encodings, garbage. Each is refused with a clear message, or
read without touching any file or network resource but the article itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from cyclopedia.document.source import to_source
from cyclopedia.formats.base import ReadError, ReadOptions
from cyclopedia.formats.jats import parsing
from cyclopedia.formats.jats.reader import JatsReader
from tests.unit.formats.jats.conftest import TODAY, article_xml, read_items, read_xml

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE article [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<article><front><article-meta><title-group><article-title>&lol9;</article-title>
</title-group></article-meta></front></article>
"""


def _read(path: Path) -> list[object]:
    return list(JatsReader(today=TODAY).read(path, ReadOptions()))


def _refused(tmp_path: Path, data: str | bytes, name: str = "hostile.xml") -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    with pytest.raises(ReadError) as caught:
        _read(path)
    assert caught.value.path == str(path)
    return caught.value.reason


def test_billion_laughs_is_refused_before_parsing(tmp_path: Path) -> None:
    reason = _refused(tmp_path, BILLION_LAUGHS)
    assert "declares entities" in reason


def test_quadratic_blowup_is_refused(tmp_path: Path) -> None:
    big = "x" * 100_000
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "{big}">]>'
        f"<article><body><p>{'&a;' * 1000}</p></body></article>"
    )
    assert "declares entities" in _refused(tmp_path, xml)


@pytest.mark.parametrize(
    "subset",
    [
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
        '<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">',
        '<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;',
        '<!entity xxe SYSTEM "file:///etc/passwd">',
    ],
    ids=["file", "http", "parameter-entity", "lower-case"],
)
def test_external_entities_are_refused(tmp_path: Path, subset: str) -> None:
    xml = f'<?xml version="1.0"?><!DOCTYPE article [{subset}]><article><p>&xxe;</p></article>'
    reason = _refused(tmp_path, xml)
    assert "declares entities" in reason or "not well-formed" in reason


def test_entities_in_utf16_are_refused_too(tmp_path: Path) -> None:
    data = BILLION_LAUGHS.replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    )
    assert "declares entities" in _refused(tmp_path, data.encode("utf-16"))


def test_the_external_dtd_of_the_doctype_is_never_loaded(tmp_path: Path) -> None:
    """A DOCTYPE names its DTD (every JATS file does); a local file it names is not read, so the
    entities that file would define stay undefined and show as written."""
    (tmp_path / "evil.dtd").write_text('<!ENTITY secret "TOP-SECRET">', encoding="utf-8")
    for system in ("evil.dtd", (tmp_path / "evil.dtd").as_uri(), "http://127.0.0.1:9/x.dtd"):
        xml = article_xml("<p>Before &secret; after.</p>").replace(
            '"JATS-journalpublishing1.dtd"', f'"{system}"'
        )
        document = read_xml(tmp_path, xml)
        assert "TOP-SECRET" not in to_source(document)
        assert "Before &secret; after." in document.body.replace("\\", "")


def test_the_parser_loads_no_dtd(tmp_path: Path) -> None:
    (tmp_path / "evil.dtd").write_text('<!ENTITY secret "TOP-SECRET">', encoding="utf-8")
    data = article_xml().replace('"JATS-journalpublishing1.dtd"', '"evil.dtd"').encode()
    root = parsing.parse_bytes(tmp_path / "a.xml", data)
    assert root.getroottree().docinfo.externalDTD is None


def test_html_entities_of_the_dtd_are_read_as_characters(tmp_path: Path) -> None:
    document = read_xml(
        tmp_path, article_xml("<p>A&nbsp;B&hellip; &alpha; &unknownthing; &amp;</p>")
    )
    assert "A\u00a0B… α \\&unknownthing; \\&" in document.body


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    body = "<p>" + "<italic>" * 200 + "deep" + "</italic>" * 200 + "</p>"
    reason = _refused(tmp_path, article_xml(body))
    assert "nested" in reason


def test_truncated_xml_is_refused(tmp_path: Path) -> None:
    reason = _refused(tmp_path, article_xml()[:400])
    assert reason.startswith("not well-formed XML")


def test_empty_and_oversized_files_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _refused(tmp_path, b"  \n") == "the file is empty"
    monkeypatch.setattr(parsing, "MAX_ITEM_BYTES", 1000)
    assert "bytes; an article may be 1,000" in _refused(tmp_path, article_xml())


def test_other_xml_is_not_an_article(tmp_path: Path) -> None:
    reason = _refused(tmp_path, "<mediawiki><page/></mediawiki>")
    assert "not a JATS article" in reason
    assert "<mediawiki>" in reason


def test_utf16_article_is_read(tmp_path: Path) -> None:
    xml = article_xml("<p>Größe</p>").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    document = read_xml(tmp_path, xml.encode("utf-16"))
    assert "Größe" in document.body


def test_an_article_set_gives_one_item_per_article(tmp_path: Path) -> None:
    one = article_xml("<p>One.</p>", title="First").split("?>", 1)[1].split("]>", 1)[-1]
    two = one.replace("First", "Second").replace("10.5555/test.1", "10.5555/test.2")
    one = one.split('"JATS-journalpublishing1.dtd">', 1)[-1]
    two = two.split('"JATS-journalpublishing1.dtd">', 1)[-1]
    path = tmp_path / "set.xml"
    path.write_text(f"<pmc-articleset>{one}{two}</pmc-articleset>", encoding="utf-8")
    items = read_items(path)
    assert [getattr(item, "title", None) for item in items] == ["First", "Second"]
    skipped = read_items(path, ReadOptions(skip=1))
    assert [getattr(item, "title", None) for item in skipped] == ["Second"]
