"""Inline templates whose arguments are what the reader reads: {{sic}}, {{frac}} and
{{sfrac}}, {{sub}}."""

from __future__ import annotations

import pytest

from cyclopedia.formats.mediawiki.wikitext.convert import convert


@pytest.mark.parametrize(
    ("wikitext", "body"),
    [
        ("The {{sic|teh}} cat.", "The teh \\[sic\\] cat."),
        ("As written{{sic}}.", "As written \\[sic\\]."),
        ("To {{sic|hide=y|recieve}} it.", "To recieve it."),
        ("{{frac|1|2}}, {{frac|4}}, {{sfrac|1|2|3}}", "1/2, 1/4, 1 2/3"),
        ("{{sfrac|3''n'' + 1|2}} O", "(3*n* \\+ 1)/2 O"),
        ("C{{sub|n}}H{{sub|2n+2}}", "C<sub>n</sub>H<sub>2n+2</sub>"),
    ],
)
def test_the_arguments_are_read(wikitext: str, body: str) -> None:
    conversion = convert(wikitext)
    assert conversion.body == body + "\n"
    assert not conversion.unknown_templates
