"""Citation templates as Citation Style 1 text, with the URL and DOI returned apart.

Parameter values are written the way the converter hands them over: inline Markdown, plain text
backslash-escaped where needed, ''italics'' as *italics*, bare URLs as <autolinks>.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cyclopedia.document import Reference
from cyclopedia.formats.mediawiki.wikitext.citations import (
    Citation,
    format_citation,
    format_page_marker,
    format_short_citation,
    is_citation_template,
    is_page_marker_template,
    is_short_citation_template,
)
from tests.unit.conftest import Rendered

CITATION_NAMES = [
    "Cite web",
    "cite_news",
    "Citation",
    "Cite journal",
    "cite book",
    "cite magazine",
    "cite encyclopedia",
    "cite conference",
    "cite report",
    "cite thesis",
    "cite av media",
    "cite AV media",
    "cite press release",
    "cite episode",
    "cite interview",
    "cite map",
    "cite speech",
    "cite tweet",
    "cite arXiv",
    "cite court",
    "cite patent",
    "vcite journal",
    "vcite book",
    "vcite web",
    "vcite news",
    "cite document",
    "cite dictionary",
    "cite gazette",
    "cite podcast",
    "cite sign",
    "cite mailing list",
    "cite newsgroup",
    "cite serial",
    "cite techreport",
    "cite q",
    "  Cite   Web ",
    "CITE_JOURNAL",
    "cite web <!-- x -->",
    "Template:Cite book",
    "cite news ",
]


@pytest.mark.parametrize("name", CITATION_NAMES)
def test_citation_templates_are_recognised(name: str) -> None:
    assert is_citation_template(name)
    assert not is_short_citation_template(name)


@pytest.mark.parametrize(
    "name",
    [
        "Citation needed",
        "citation needed",
        "cite",
        "Cite GovTrack",
        "cite foo",
        "sfn",
        "rp",
        "harvnb",
        "citations",
        "Cite",
        "Infobox person",
        "reflist",
        "",
    ],
)
def test_other_templates_are_not_citations(name: str) -> None:
    assert not is_citation_template(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sfn", True),
        ("Sfn", True),
        ("sfnp", True),
        ("sfnm", True),
        ("harvnb", True),
        ("Harvnb", True),
        ("harv", True),
        ("harvp", True),
        ("harvtxt", True),
        ("harvs", True),
        ("harvcolnb", True),
        ("Harvard citation no brackets", True),
        ("rp", False),
        ("cite web", False),
        ("sfnref", False),
        ("harvid", False),
        ("efn", False),
    ],
)
def test_is_short_citation_template(name: str, expected: bool) -> None:
    assert is_short_citation_template(name) is expected


# (name, params, text, url, doi). The first block is lifted from the corpus
# (/work/shared/corpus/mediawiki/wtf_wikipedia_cache: Chemical biology, al-Haytham, Antique,
# Alsea, Elizabeth Gilbert, Jerry Mumphrey, Terrence Murphy...).
CASES: list[tuple[str, dict[str, str], str, str | None, str | None]] = [
    (
        "cite journal",
        {
            "vauthors": "Zhao Y, Jensen ON",
            "title": (
                "Modification-specific proteomics: strategies for characterization of "
                "post-translational modifications using enrichment techniques"
            ),
            "journal": "Proteomics",
            "volume": "9",
            "issue": "20",
            "pages": "4632–41",
            "date": "October 2009",
            "pmid": "19743430",
            "pmc": "2892724",
            "doi": "10.1002/pmic.200900398",
        },
        (
            'Zhao Y, Jensen ON (October 2009). "Modification-specific proteomics: strategies for '
            'characterization of post-translational modifications using enrichment techniques". '
            "*Proteomics*. **9** (20): 4632–41. PMC 2892724. PMID 19743430."
        ),
        "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC2892724/",
        "10.1002/pmic.200900398",
    ),
    (
        "cite journal",
        {
            "vauthors": "((Gingras A-C)), Gstaiger M, Raught B, Aebersold R",
            "title": "Analysis of protein complexes using mass spectrometry",
            "journal": "Nature Reviews Molecular Cell Biology",
            "volume": "8",
            "issue": "8",
            "pages": "645–54",
            "year": "2007",
            "pmid": "17593931",
            "doi": "10.1038/nrm2208",
        },
        (
            'Gingras A-C, Gstaiger M, Raught B, Aebersold R (2007). "Analysis of protein complexes '
            'using mass spectrometry". *Nature Reviews Molecular Cell Biology*. **8** (8): 645–54. '
            "PMID 17593931."
        ),
        None,
        "10.1038/nrm2208",
    ),
    (
        "cite journal",
        {
            "vauthors": "Chin JW, Schultz PG",
            "title": "In vivo photocrosslinking with unnatural amino Acid mutagenesis",
            "journal": "Chembiochem",
            "volume": "3",
            "issue": "11",
            "pages": "1135–7",
            "date": "November 2002",
            "pmid": "12404640",
            "doi": "10.1002/1439-7633(20021104)3:11\\<1135::AID-CBIC1135\\>3.0.CO;2-M",
        },
        (
            'Chin JW, Schultz PG (November 2002). "In vivo photocrosslinking with unnatural amino '
            'Acid mutagenesis". *Chembiochem*. **3** (11): 1135–7. PMID 12404640.'
        ),
        None,
        "10.1002/1439-7633(20021104)3:11<1135::AID-CBIC1135>3.0.CO;2-M",
    ),
    (
        "cite journal",
        {
            "doi": "10.2307/2691411",
            "author": "Katz, Victor J.",
            "title": "Ideas of Calculus in Islam and India",
            "jstor": "2691411",
            "journal": "Mathematics Magazine",
            "volume": "68",
            "issue": "3",
            "pages": "163–174",
            "year": "1995",
        },
        (
            'Katz, Victor J. (1995). "Ideas of Calculus in Islam and India". *Mathematics '
            "Magazine*. **68** (3): 163–174. JSTOR 2691411."
        ),
        None,
        "10.2307/2691411",
    ),
    (
        "cite journal",
        {
            "vauthors": "Blethrow J, Zhang C, Shokat KM, Weiss EL",
            "title": "Design and use of analog-sensitive protein kinases",
            "journal": "Curr Protoc Mol Biol",
            "volume": "Chapter 18",
            "issue": "",
            "pages": "Unit 18.11",
            "date": "May 2004",
            "pmid": "18265343",
            "doi": "10.1002/0471142727.mb1811s66",
        },
        (
            'Blethrow J, Zhang C, Shokat KM, Weiss EL (May 2004). "Design and use of '
            'analog-sensitive protein kinases". *Curr Protoc Mol Biol*. Chapter 18: Unit 18.11. '
            "PMID 18265343."
        ),
        None,
        "10.1002/0471142727.mb1811s66",
    ),
    (
        "cite journal",
        {
            "vauthors": "Doudna JA, Cech TR",
            "title": "The chemical repertoire of natural ribozymes",
            "journal": "Nature",
            "volume": "418",
            "issue": "6894",
            "pages": "222–8",
            "date": "July 2002",
            "pmid": "12110898",
            "doi": "10.1038/418222a",
            "bibcode": "2002Natur.418..222D",
        },
        (
            'Doudna JA, Cech TR (July 2002). "The chemical repertoire of natural ribozymes". '
            "*Nature*. **418** (6894): 222–8. Bibcode:2002Natur.418..222D. PMID 12110898."
        ),
        None,
        "10.1038/418222a",
    ),
    (
        "cite book",
        {
            "last1": "Anthony",
            "first1": "Thilani M.",
            "last2": "Dedigama-Arachchige",
            "first2": "Pavithra M.",
            "chapter": "ATP Analogs in Protein Kinase Research",
            "pages": "137–68",
            "doi": "10.1002/9783527683031.ch6",
            "editor1-first": "Heinz-Bernhard",
            "editor1-last": "Kraatz",
            "editor2-first": "Sanela",
            "editor2-last": "Martic",
            "year": "2015",
            "title": "Kinomics: Approaches and Applications",
            "isbn": "978-3-527-68303-1",
        },
        (
            'Anthony, Thilani M.; Dedigama-Arachchige, Pavithra M. (2015). "ATP Analogs in Protein '
            'Kinase Research". In Kraatz, Heinz-Bernhard; Martic, Sanela (eds.). *Kinomics: '
            "Approaches and Applications*. pp. 137–68. ISBN 978-3-527-68303-1."
        ),
        None,
        "10.1002/9783527683031.ch6",
    ),
    (
        "cite book",
        {
            "author": "Michael Varhola",
            "title": "Texas Confidential: Sex, Scandal, Murder, and Mayhem in the Lone Star State",
            "url": "<https://books.google.com/books?id=0gTdiowLJhYC&pg=PA27>",
            "year": "2011",
            "publisher": "Clerisy Press",
            "isbn": "978-1-57860-459-3",
            "page": "27",
        },
        (
            "Michael Varhola (2011). *Texas Confidential: Sex, Scandal, Murder, and Mayhem in the "
            "Lone Star State*. Clerisy Press. p. 27. ISBN 978-1-57860-459-3."
        ),
        "https://books.google.com/books?id=0gTdiowLJhYC&pg=PA27",
        None,
    ),
    (
        "Cite book",
        {
            "url": (
                "<https://books.google.co.in/"
                "books?id=mhLVHR5QAQkC&printsec=frontcover#v=onepage&q&f=false>"
            ),
            "title": "Ptolemy's Theory of Visual Perception: An English Translation of the Optics",
            "last": "A. Mark Smith",
            "publisher": "American Philosophical Society",
            "year": "1996",
            "isbn": "",
            "location": "",
            "pages": "58",
        },
        (
            "A. Mark Smith (1996). *Ptolemy's Theory of Visual Perception: An English Translation "
            "of the Optics*. American Philosophical Society. p. 58."
        ),
        "https://books.google.co.in/books?id=mhLVHR5QAQkC&printsec=frontcover#v=onepage&q&f=false",
        None,
    ),
    (
        "cite news",
        {
            "url": (
                "<https://www.reuters.com/article/2013/09/10/"
                "us-mexico-alsea-walmex-idUSBRE9891A220130910>"
            ),
            "title": "Mexico's Alsea to buy Walmex restaurant chain for 8.2 billion pesos",
            "author": "Elinor Comlay",
            "publisher": "Reuters",
            "date": "10 September 2013",
        },
        (
            "Elinor Comlay (10 September 2013). \"Mexico's Alsea to buy Walmex restaurant chain "
            'for 8.2 billion pesos". Reuters.'
        ),
        "https://www.reuters.com/article/2013/09/10/us-mexico-alsea-walmex-idUSBRE9891A220130910",
        None,
    ),
    (
        "cite web",
        {
            "url": "<http://espressonews.gr/default.asp?pid=79&la=1&catid=3&artid=597669&pg=1>",
            "title": "Κάνοντας μόδα τη Eurovision",
            "last": "Maravegias",
            "first": "Ilias",
            "publisher": "*[[List of newspapers in Greece|Espresso News]]*",
            "date": "2008-02-17",
            "language": "Greek",
            "accessdate": "2009-07-14",
            "deadurl": "yes",
            "archiveurl": (
                "<https://web.archive.org/web/20110721080617/http://espressonews.gr/"
                "default.asp?pid=79&la=1&catid=3&artid=597669&pg=1>"
            ),
            "archivedate": "2011-07-21",
            "df": "",
        },
        (
            'Maravegias, Ilias (17 February 2008). "Κάνοντας μόδα τη Eurovision" (in Greek). '
            "*[[List of newspapers in Greece|Espresso News]]*. Archived from the original on 21 "
            "July 2011. Retrieved 14 July 2009."
        ),
        (
            "https://web.archive.org/web/20110721080617/http://espressonews.gr/"
            "default.asp?pid=79&la=1&catid=3&artid=597669&pg=1"
        ),
        None,
    ),
    (
        "cite news",
        {
            "title": "Έλενα Παπαρίζου: Baby Tiger",
            "work": "Nitro Magazine",
            "author": "Kazoni, Sonia",
            "page": "248",
            "date": "May 2008",
            "language": "el",
        },
        (
            'Kazoni, Sonia (May 2008). "Έλενα Παπαρίζου: Baby Tiger". *Nitro Magazine* (in Greek). '
            "p. 248."
        ),
        None,
        None,
    ),
    (
        "cite web",
        {
            "script-title": "el:Έλενα Παπαρίζου",
            "url": "<https://www.youtube.com/watch?v=caDFJDe2img>",
            "language": "el",
        },
        '"Έλενα Παπαρίζου" (in Greek).',
        "https://www.youtube.com/watch?v=caDFJDe2img",
        None,
    ),
    (
        "Citation",
        {
            "url": "<http://www.mala.bc.ca/~mcneil/cit/citlcalhazen1.htm>",
            "title": "Alhazen (965–1040): Library of Congress Citations",
            "publisher": "Malaspina Great Books",
            "accessdate": "2008-01-23",
            "deadurl": "yes",
            "archiveurl": (
                "<https://web.archive.org/web/20070927190009/http://www.mala.bc.ca/~mcneil/cit/"
                "citlcalhazen1.htm>"
            ),
            "archivedate": "September 27, 2007",
        },
        (
            "*Alhazen (965–1040): Library of Congress Citations*, Malaspina Great Books, archived "
            "from the original on September 27, 2007, retrieved 23 January 2008"
        ),
        (
            "https://web.archive.org/web/20070927190009/http://www.mala.bc.ca/~mcneil/cit/"
            "citlcalhazen1.htm"
        ),
        None,
    ),
    (
        "citation",
        {
            "url": "<http://hvolat.netai.net/Kristeva/kristlan.htm>",
            "title": "Julia Kristeva: A Bibliography",
            "author": "Hélène Volat",
        },
        "Hélène Volat, *Julia Kristeva: A Bibliography*",
        "http://hvolat.netai.net/Kristeva/kristlan.htm",
        None,
    ),
    (
        "cite news",
        {
            "url": (
                "<https://www.nytimes.com/2010/02/28/books/bestseller/"
                "bestpapernonfiction.html?_r=1>"
            ),
            "work": "The New York Times",
            "title": "Paperback Nonfiction",
            "date": "2010-02-28",
            "accessdate": "2010-05-01",
        },
        '"Paperback Nonfiction". *The New York Times*. 28 February 2010. Retrieved 1 May 2010.',
        "https://www.nytimes.com/2010/02/28/books/bestseller/bestpapernonfiction.html?_r=1",
        None,
    ),
    (
        "cite news",
        {
            "url": (
                "<http://nymag.com/thecut/2016/09/"
                "elizabeth-gilbert-announces-shes-dating-another-woman.html>"
            ),
            "title": (
                "*Eat, Pray, Love* Author Elizabeth Gilbert Announces She’s Dating Another Woman"
            ),
            "author": "Landsbaum, Claire",
            "website": "New York Magazine",
            "date": "September 7, 2016",
            "accessdate": "September 8, 2016",
        },
        (
            'Landsbaum, Claire (September 7, 2016). "*Eat, Pray, Love* Author Elizabeth Gilbert '
            'Announces She’s Dating Another Woman". *New York Magazine*. Retrieved September 8, '
            "2016."
        ),
        (
            "http://nymag.com/thecut/2016/09/"
            "elizabeth-gilbert-announces-shes-dating-another-woman.html"
        ),
        None,
    ),
    (
        "cite web",
        {
            "last": "Hannon",
            "first": "Tom",
            "title": "Jerry Mumphrey",
            "url": "<http://www.thebaseballpage.com/players/mumphje01>",
            "publisher": "The Baseball Page",
            "accessdate": "2011-09-09",
            "deadurl": "yes",
            "archiveurl": (
                "<https://web.archive.org/web/20110718023438/http://www.thebaseballpage.com/"
                "players/mumphje01>"
            ),
            "archivedate": "2011-07-18",
            "df": "",
        },
        (
            'Hannon, Tom. "Jerry Mumphrey". The Baseball Page. Archived from the original on 18 '
            "July 2011. Retrieved 9 September 2011."
        ),
        (
            "https://web.archive.org/web/20110718023438/http://www.thebaseballpage.com/players/"
            "mumphje01"
        ),
        None,
    ),
    (
        "cite news",
        {
            "url": "<http://www.maroonweekly.com/ArticleDetail.aspx?Id=957>",
            "title": "Terrence Murphy",
            "date": "2008-11-06",
        },
        '"Terrence Murphy". 6 November 2008.',
        "http://www.maroonweekly.com/ArticleDetail.aspx?Id=957",
        None,
    ),
    (
        "Cite web",
        {
            "url": "<http://www.light2015.org/Home/ScienceStories/1000-Years-of-Arabic-Optics.html>",
            "title": "International Year of Light - Ibn Al-Haytham and the Legacy of Arabic Optics",
            "website": "www.light2015.org",
            "language": "en",
            "access-date": "2017-10-09",
        },
        (
            '"International Year of Light - Ibn Al-Haytham and the Legacy of Arabic Optics". '
            "*www.light2015.org*. Retrieved 9 October 2017."
        ),
        "http://www.light2015.org/Home/ScienceStories/1000-Years-of-Arabic-Optics.html",
        None,
    ),
    # the brief's example (minus the DOI, which the renderer links)
    (
        "cite journal",
        {
            "last1": "Smith",
            "first1": "John",
            "last2": "Doe",
            "first2": "Jane",
            "year": "2004",
            "title": "Title of article",
            "journal": "Journal Name",
            "volume": "12",
            "issue": "3",
            "pages": "45-67",
            "doi": "doi:10.1000/xyz",
            "pmid": "123",
            "url": "<https://example.org/article>",
            "access-date": "2010-05-05",
        },
        (
            'Smith, John; Doe, Jane (2004). "Title of article". *Journal Name*. **12** (3): 45–67. '
            "PMID 123. Retrieved 5 May 2010."
        ),
        "https://example.org/article",
        "10.1000/xyz",
    ),
    # encyclopedias: the article in quotes, the work in italics, the editor before the date
    (
        "cite encyclopedia",
        {
            "title": "Alhazen",
            "encyclopedia": "Encyclopædia Britannica",
            "editor": "Smith, J.",
            "year": "2010",
            "publisher": "Britannica",
            "volume": "1",
        },
        'Smith, J., ed. (2010). "Alhazen". *Encyclopædia Britannica*. Vol. 1. Britannica.',
        None,
        None,
    ),
    (
        "cite dictionary",
        {
            "entry": "Cyclopedia",
            "dictionary": "Oxford English Dictionary",
            "edition": "3rd",
            "last": "Doe",
            "first": "J.",
        },
        'Doe, J. "Cyclopedia". *Oxford English Dictionary* (3rd ed.).',
        None,
        None,
    ),
    # books: edition, series, volume, place, translators, via, trans-title and original date
    (
        "cite book",
        {
            "last": "Tolstoy",
            "first": "Leo",
            "title": "Voina i mir",
            "trans-title": "War and Peace",
            "orig-date": "1869",
            "date": "2007",
            "edition": "2nd",
            "series": "Vintage Classics",
            "volume": "2",
            "location": "New York",
            "publisher": "Knopf",
            "translator": "Pevear, Richard",
            "via": "Internet Archive",
            "isbn": "978-0-307-26693-4",
            "oclc": "123",
            "pages": "1-5",
        },
        (
            "Tolstoy, Leo (2007) \\[1869\\]. *Voina i mir* \\[War and Peace\\]. Vintage Classics. "
            "Vol. 2. Translated by Pevear, Richard (2nd ed.). New York: Knopf. pp. 1–5. ISBN "
            "978-0-307-26693-4. OCLC 123 – via Internet Archive."
        ),
        None,
        None,
    ),
    (
        "cite book",
        {
            "title": "Untitled Work.",
            "format": "PDF",
            "url": "<https://example.org/book.pdf>",
            "quote": '"It was a dark and stormy night"',
            "page": "1",
        },
        '*Untitled Work* (PDF). p. 1. "It was a dark and stormy night"',
        "https://example.org/book.pdf",
        None,
    ),
    (
        "cite magazine",
        {
            "title": "The Cover Story",
            "magazine": "Time",
            "volume": "3",
            "issue": "4",
            "pages": "5-7",
            "last": "Roe",
            "first": "R.",
        },
        'Roe, R. "The Cover Story". *Time*. Vol. 3, no. 4. pp. 5–7.',
        None,
        None,
    ),
    (
        "cite thesis",
        {
            "last": "Doe",
            "first": "Jane",
            "title": "On Things",
            "degree": "PhD",
            "publisher": "MIT",
            "year": "1990",
        },
        "Doe, Jane (1990). *On Things* (PhD thesis). MIT.",
        None,
        None,
    ),
    (
        "cite report",
        {
            "title": "Annual Report",
            "publisher": "Ministry",
            "year": "2001",
            "url": "<https://example.gov/r>",
        },
        "Annual Report. Ministry. 2001.",
        "https://example.gov/r",
        None,
    ),
    (
        "cite press release",
        {
            "title": "We Launch",
            "publisher": "Acme",
            "date": "2020-01-02",
            "url": "<https://acme.test/pr>",
        },
        '"We Launch" (Press release). Acme. 2 January 2020.',
        "https://acme.test/pr",
        None,
    ),
    (
        "cite episode",
        {
            "title": "Pilot",
            "series": "Lost",
            "network": "ABC",
            "airdate": "2004-09-22",
            "season": "1",
            "number": "1",
        },
        '"Pilot". *Lost*. Season 1. Episode 1. ABC. 22 September 2004.',
        None,
        None,
    ),
    (
        "cite interview",
        {
            "subject": "Bowie, David",
            "interviewer": "Jones, Sam",
            "title": "Changes",
            "work": "Rolling Stone",
            "date": "1976",
        },
        'Bowie, David (1976). "Changes". Interviewed by Jones, Sam. *Rolling Stone* (Interview).',
        None,
        None,
    ),
    (
        "cite tweet",
        {
            "user": "jack",
            "number": "20",
            "date": "21 March 2006",
            "title": "just setting up my twttr",
        },
        '@jack (21 March 2006). "just setting up my twttr" (Tweet) – via Twitter.',
        "https://twitter.com/jack/status/20",
        None,
    ),
    (
        "cite arXiv",
        {
            "last": "Doe",
            "first": "J.",
            "eprint": "1234.5678",
            "class": "hep-th",
            "title": "Strings",
            "year": "2012",
        },
        'Doe, J. (2012). "Strings". arXiv:1234.5678 \\[hep-th\\].',
        "https://arxiv.org/abs/1234.5678",
        None,
    ),
    (
        "cite court",
        {
            "litigants": "Roe v. Wade",
            "vol": "410",
            "reporter": "U.S.",
            "opinion": "113",
            "pinpoint": "153",
            "date": "1973",
        },
        "*Roe v. Wade*, 410 U.S. 113, 153 (1973).",
        None,
        None,
    ),
    (
        "cite patent",
        {
            "inventor": "Edison, Thomas",
            "title": "Electric Lamp",
            "country": "US",
            "number": "223898",
            "issue-date": "1880-01-27",
        },
        'Edison, Thomas (27 January 1880). "Electric Lamp". US patent 223898.',
        None,
        None,
    ),
    (
        "cite q",
        {"1": "Q42"},
        "Wikidata item Q42.",
        "https://www.wikidata.org/wiki/Q42",
        None,
    ),
    (
        "vcite journal",
        {
            "author": "Smith J",
            "title": "A title",
            "journal": "Lancet",
            "year": "1999",
            "volume": "353",
            "pages": "1-2",
        },
        'Smith J (1999). "A title". *Lancet*. **353**: 1–2.',
        None,
        None,
    ),
    (
        "cite conference",
        {
            "last": "Lee",
            "first": "K.",
            "title": "Fast Things",
            "book-title": "Proceedings of FOO",
            "conference": "FOO 2001",
            "publisher": "ACM",
            "year": "2001",
            "pages": "1-10",
        },
        'Lee, K. (2001). "Fast Things". *Proceedings of FOO*. FOO 2001. ACM. pp. 1–10.',
        None,
        None,
    ),
]


@pytest.mark.parametrize(("name", "params", "text", "url", "doi"), CASES)
def test_format_citation(
    name: str, params: dict[str, str], text: str, url: str | None, doi: str | None
) -> None:
    assert format_citation(name, params) == Citation(text=text, url=url, doi=doi)


def cite(name: str, **params: str) -> Citation:
    return format_citation(name, {key.replace("_", "-"): value for key, value in params.items()})


@pytest.mark.parametrize(
    ("params", "text"),
    [
        ({"display_authors": "1"}, "Smith, John; et al. (2000). *T*."),
        ({"display_authors": "2"}, "Smith, John; Doe, Jane; et al. (2000). *T*."),
        ({"display_authors": "3"}, "Smith, John; Doe, Jane; Roe, Rick (2000). *T*."),
        ({"display_authors": "etal"}, "Smith, John; Doe, Jane; Roe, Rick; et al. (2000). *T*."),
        ({"display_authors": "0"}, "*T*. 2000."),
        ({"name_list_style": "amp"}, "Smith, John; Doe, Jane & Roe, Rick (2000). *T*."),
        ({"name_list_style": "vanc"}, "Smith J, Doe J, Roe R (2000). *T*."),
    ],
)
def test_author_lists(params: dict[str, str], text: str) -> None:
    names = {
        "last1": "Smith",
        "first1": "John",
        "last2": "Doe",
        "first2": "Jane",
        "last3": "Roe",
        "first3": "Rick",
        "title": "T",
        "year": "2000",
    }
    assert cite("cite book", **names, **params).text == text


@pytest.mark.parametrize(
    ("params", "authors"),
    [
        ({"author": "Staff"}, "Staff"),
        ({"author1": "A", "author2": "B"}, "A; B"),
        ({"last": "Solo"}, "Solo"),
        ({"first": "Nolast"}, ""),
        ({"surname": "Doe", "given": "J."}, "Doe, J."),
        ({"author_last": "Doe", "author_first": "J."}, "Doe, J."),
        ({"last2": "Second", "last1": "First"}, "First; Second"),
        ({"last1": "A", "last3": "C"}, "A; C"),
        (
            {"last": "Smith", "first": "John", "author_link": "John Smith (writer)"},
            "[[John Smith (writer)|Smith, John]]",
        ),
        ({"last1": "Smith", "author1_link": "John\\_Smith"}, "[[John Smith|Smith]]"),
        (
            {"author": "[[Nomanul Haq|Haq, Syed]]", "authorlink": "Nomanul Haq"},
            "[[Nomanul Haq|Haq, Syed]]",
        ),
        ({"last": "Smith", "author_link": "http://evil.example"}, "Smith"),
        ({"last": "Smith", "author_link": "Bad|Target"}, "Smith"),
        ({"last99999999999999999999": "Ghost", "last": "Real"}, "Real"),
        ({"vauthors": "Zhao Y, Jensen ON, Lee K", "display_authors": "1"}, "Zhao Y, et al."),
        ({"authors": "Smith, Jones and Brown"}, "Smith, Jones and Brown"),
        ({"author": "CERN", "collaboration": "ATLAS"}, "CERN (ATLAS)"),
    ],
)
def test_author_parameters(params: dict[str, str], authors: str) -> None:
    text = cite("cite book", title="T", **params).text
    expected = f"{authors.removesuffix('.')}. *T*." if authors else "*T*."
    assert text == expected


@pytest.mark.parametrize(
    ("params", "editors"),
    [
        ({"editor": "Smith, J."}, "Smith, J. (ed.)"),
        ({"editor1": "A", "editor2": "B"}, "A; B (eds.)"),
        ({"editor_last": "Doe", "editor_first": "J."}, "Doe, J. (ed.)"),
        (
            {"editor_last1": "Doe", "editor_first1": "J.", "editor2_last": "Roe"},
            "Doe, J.; Roe (eds.)",
        ),
        ({"editors": "Smith and Jones"}, "Smith and Jones (eds.)"),
        ({"editor1": "A", "editor2": "B", "display_editors": "1"}, "A; et al. (eds.)"),
    ],
)
def test_editors(params: dict[str, str], editors: str) -> None:
    assert cite("cite book", title="T", last="Author", **params).text == f"Author. {editors}. *T*."


def test_editor_with_a_chapter_reads_in() -> None:
    text = cite("cite book", title="Book", chapter="Ch.", editor="Ed", last="Au", year="2000").text
    assert text == 'Au (2000). "Ch". In Ed (ed.). *Book*.'


@pytest.mark.parametrize(
    ("params", "url", "archived"),
    [
        ({"url_status": "dead"}, "https://web.archive.org/x", True),
        ({"url_status": "live"}, "https://example.org/a", True),
        ({"url_status": "unfit"}, "https://web.archive.org/x", True),
        ({"url_status": "usurped"}, "https://web.archive.org/x", True),
        ({"dead_url": "no"}, "https://example.org/a", True),
        ({"deadurl": "yes"}, "https://web.archive.org/x", True),
        ({}, "https://web.archive.org/x", True),
    ],
)
def test_archives(params: dict[str, str], url: str, archived: bool) -> None:
    result = cite(
        "cite web",
        title="T",
        url="https://example.org/a",
        archive_url="https://web.archive.org/x",
        archive_date="2011-07-21",
        **params,
    )
    assert result.url == url
    assert ("Archived from the original on 21 July 2011." in result.text) is archived


def test_an_archive_without_the_original_url_is_still_linked() -> None:
    result = cite("cite web", title="T", archive_url="<https://web.archive.org/x>")
    assert result == Citation(text='"T".', url="https://web.archive.org/x", doi=None)


def test_an_archive_without_a_date() -> None:
    result = cite("cite web", title="T", url="https://a.test/", archiveurl="https://w.test/x")
    assert result.text == '"T". Archived from the original.'


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("<https://example.org/a_b?c=1&d=2>", "https://example.org/a_b?c=1&d=2"),
        ("https://example.org/a\\_b?c=1\\&d=2", "https://example.org/a_b?c=1&d=2"),
        ("[the page](<https://example.org/a>)", "https://example.org/a"),
        ("[the page](https://example.org/a)", "https://example.org/a"),
        ("[one](<https://one.test/>) and [two](<https://two.test/>)", None),
        ("//example.org/a", "https://example.org/a"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("ftp://example.org/a", None),
        ("javascript:alert(1)", None),
        ("www.example.org", None),
        ("https://", None),
        ("http://localhost/x", None),
        ("not a url", None),
        ("   ", None),
    ],
)
def test_urls(value: str, url: str | None) -> None:
    assert cite("cite web", title="T", url=value).url == url


@pytest.mark.parametrize(
    ("value", "doi"),
    [
        ("10.1000/xyz", "10.1000/xyz"),
        ("doi:10.1000/xyz", "10.1000/xyz"),
        ("DOI: 10.1000/xyz", "10.1000/xyz"),
        ("https://doi.org/10.1000/xyz", "10.1000/xyz"),
        ("<http://dx.doi.org/10.1000/xyz>", "10.1000/xyz"),
        ("10.1000/a\\_b\\*c", "10.1000/a_b*c"),
        ("10.1/x", None),
        ("11.1000/xyz", None),
        ("xyz", None),
        ("", None),
    ],
)
def test_dois(value: str, doi: str | None) -> None:
    assert cite("cite journal", title="T", doi=value).doi == doi


@pytest.mark.parametrize(
    ("name", "params", "text"),
    [
        ("cite web", {"url": "https://www.example.org/x/y"}, "www.example.org."),
        ("cite web", {"url": "https://ex_ample.org/x"}, "ex\\_ample.org."),
        ("cite web", {"title": "   ", "url": "https://example.org"}, "example.org."),
        ("cite book", {}, "Untitled."),
        ("cite book", {"title": " ", "publisher": "\t"}, "Untitled."),
        ("cite book", {"last": "Doe", "year": "2000"}, "Doe (2000). Untitled."),
        (
            "cite journal",
            {"journal": "Nature", "volume": "418", "page": "222"},
            "*Nature*. **418**: 222.",
        ),
        ("cite journal", {"journal": "Nature", "issue": "7", "pages": "1–2"}, "*Nature* (7): 1–2."),
        ("cite journal", {"journal": "Nature", "pages": "1–2"}, "*Nature*: 1–2."),
        (
            "cite journal",
            {"title": "T", "journal": "Chem. Biol.", "volume": "8", "issue": "1", "pages": "81"},
            '"T". *Chem. Biol.* **8** (1): 81.',
        ),
        (
            "cite journal",
            {"title": "T", "journal": "J", "year": "1999", "pages": "3"},
            '"T". *J*: 3. 1999.',
        ),
        (
            "cite journal",
            {"title": "T", "journal": "J", "volume": "12345", "pages": "3"},
            '"T". *J*. 12345: 3.',
        ),
        ("cite web", {"title": "T", "access-date": "2010-01-01"}, '"T".'),
        ("cite book", {"title": "T", "pages": "12"}, "*T*. p. 12."),
        ("cite book", {"title": "T", "pages": "12, 14-16"}, "*T*. pp. 12, 14–16."),
        ("cite book", {"title": "T", "pages": "xii-xiv"}, "*T*. pp. xii–xiv."),
        ("cite book", {"title": "T", "pages": "iv, first half"}, "*T*. pp. iv, first half."),
        ("cite book", {"title": "T", "at": "§ 3"}, "*T*. § 3."),
        ("cite book", {"title": "T", "page": "5", "no-pp": "yes"}, "*T*. 5."),
        ("cite book", {"title": "T", "id": "ISBN 0"}, "*T*. ISBN 0."),
        ("cite book", {"title": "U.S.", "year": "2000"}, "*U.S.* 2000."),
        ("cite book", {"title": "Made in the U.S."}, "*Made in the U.S.*"),
        ("cite journal", {"title": "T", "pmc": "٣٤"}, '"T". PMC ٣٤.'),
        ("cite book", {"title": "And then...", "year": "2000"}, "*And then...* 2000."),
        ("cite web", {"title": "Why?", "website": "Site"}, '"Why?". *Site*.'),
        ("cite book", {"title": "T", "language": "fr, de"}, "*T* (in French and German)."),
        ("cite book", {"title": "T", "language": "English"}, "*T*."),
        ("cite book", {"title": "T", "language": "Klingon"}, "*T* (in Klingon)."),
        (
            "cite news",
            {"title": "T", "newspaper": "Daily", "agency": "AP", "location": "Paris"},
            '"T". *Daily*. Paris. AP.',
        ),
        (
            "cite av media",
            {
                "title": "Film",
                "people": "Doe, J. (Director)",
                "medium": "DVD",
                "publisher": "Studio",
                "year": "2001",
            },
            "Doe, J. (Director) (2001). *Film* (DVD). Studio.",
        ),
        (
            "cite map",
            {"title": "Atlas", "cartography": "Rand", "scale": "1:1000", "publisher": "Pub"},
            "*Atlas* (Map). Cartography by Rand. 1:1000. Pub.",
        ),
        (
            "cite speech",
            {
                "title": "I Have a Dream",
                "author": "King, Martin Luther",
                "event": "March on Washington",
                "date": "1963-08-28",
            },
            "King, Martin Luther (28 August 1963). *I Have a Dream*. March on Washington (Speech).",
        ),
        (
            "cite document",
            {"title": "Memo", "publisher": "Office", "date": "1999"},
            "*Memo*. Office. 1999.",
        ),
        (
            "cite gazette",
            {"title": "Notice", "gazette": "London Gazette", "issue": "123", "page": "4"},
            '"Notice". *London Gazette*. No. 123. p. 4.',
        ),
        (
            "cite podcast",
            {"title": "Ep 1", "website": "Show", "url": "https://pod.test/1"},
            '"Ep 1". *Show* (Podcast).',
        ),
        (
            "cite sign",
            {"title": "Historic Marker", "location": "Town"},
            "*Historic Marker* (Sign). Town.",
        ),
        (
            "cite mailing list",
            {"title": "Re: bug", "mailing-list": "dev-list", "date": "2001"},
            '"Re: bug". *dev-list* (Mailing list). 2001.',
        ),
        (
            "cite newsgroup",
            {"title": "Linux", "newsgroup": "comp.os.minix", "date": "1991"},
            '"Linux". Newsgroup: comp.os.minix. 1991.',
        ),
        (
            "cite serial",
            {"title": "Part 1", "series": "Flash Gordon", "network": "Universal"},
            '"Part 1". *Flash Gordon*. Universal.',
        ),
        ("cite techreport", {"title": "Tech", "institution": "Lab"}, "Tech. Lab."),
        ("cite q", {}, "Untitled."),
        (
            "citation",
            {"title": "Art", "journal": "J", "volume": "1", "pages": "2"},
            '"Art", *J*, **1**: 2',
        ),
        ("citation", {"title": "Art", "work": "Paper", "mode": "cs1"}, '"Art". *Paper*.'),
        (
            "cite book",
            {"title": "Book", "mode": "cs2", "access-date": "2001-01-01", "url": "https://b.test"},
            "*Book*, retrieved 1 January 2001",
        ),
        (
            "cite web",
            {"title": "T", "url": "https://a.test", "access-date": "2010-05-05", "df": "mdy"},
            '"T". Retrieved May 5, 2010.',
        ),
        ("cite book", {"title": "A \\| B", "publisher": "C\\|D"}, "*A \\| B*. C\\|D."),
        (
            "cite book",
            {
                "title": "T",
                "isbn": "978-0",
                "issn": "1234-5678",
                "oclc": "9",
                "arxiv": "1",
                "bibcode": "b",
                "jstor": "j",
                "pmc": "PMC7",
                "pmid": "8",
                "lccn": "l",
                "hdl": "h",
                "mr": "m",
                "zbl": "z",
                "s2cid": "s",
                "ssrn": "r",
                "osti": "o",
                "ol": "OL1M",
                "asin": "a",
            },
            "*T*. arXiv:1. ASIN a. Bibcode:b. hdl:h. ISBN 978-0. ISSN 1234-5678. JSTOR j. LCCN l. "
            "MR m. OCLC 9. OL OL1M. OSTI o. PMC 7. PMID 8. SSRN r. S2CID s. Zbl z.",
        ),
    ],
)
def test_citation_details(name: str, params: dict[str, str], text: str) -> None:
    assert format_citation(name, params).text == text


def test_quotes_end_the_citation_without_a_full_stop() -> None:
    result = cite("cite web", title="T", quote="He said “no”.", trans_quote="Il a dit non.")
    assert result.text == '"T". "He said “no”." \\[Il a dit non.\\]'


def test_empty_and_whitespace_parameters_are_ignored() -> None:
    blank = dict.fromkeys(("last", "first", "date", "publisher", "url", "pages", "isbn"), " \t\n")
    assert format_citation("cite book", {"title": "T", **blank}) == Citation("*T*.", None, None)


def test_huge_and_non_ascii_values_pass_through() -> None:
    huge = "9" * 5000
    result = cite(
        "cite journal", title="Ünïcödé ☃ 日本語", journal="Журнал", volume=huge, pages=huge
    )
    assert result.text == f'"Ünïcödé ☃ 日本語". *Журнал*. {huge}: {huge}.'
    assert cite("cite book", title="T", **{f"last{huge}": "X"}).text == "*T*."


def test_titles_that_are_already_italic_are_not_wrapped_twice(
    render_markdown: Callable[[str], Rendered],
) -> None:
    result = cite("cite book", title="*Dune*", publisher="*[[Chilton Books|Chilton]]*")
    assert result.text == "*Dune*. *[[Chilton Books|Chilton]]*."
    result = cite("cite book", title="The *Beagle* and Me")
    assert result.text == "_The *Beagle* and Me_."
    html = render_markdown(result.text).html
    assert html.count("<em>") == 2
    assert "*" not in html
    assert "_" not in html


@pytest.mark.parametrize(("name", "params", "text", "url", "doi"), CASES)
def test_citations_render_as_plain_markdown(
    name: str,
    params: dict[str, str],
    text: str,
    url: str | None,
    doi: str | None,
    render_markdown: Callable[[str], Rendered],
) -> None:
    """No wikitext, no HTML, balanced emphasis: the text renders as text, italics and bold."""
    result = format_citation(name, params)
    for markup in ("{{", "}}", "''", "<ref"):
        assert markup not in result.text
    if "[[" not in "".join(params.values()):
        assert "[[" not in result.text
    rendered = render_markdown(result.text)
    assert rendered.tags <= {"p", "em", "strong"}
    assert "*" not in rendered.html.replace("\\*", "")
    Reference(label="1", text=result.text, url=result.url, doi=result.doi)  # a valid reference


# {{sfn}} and relatives; the first block is lifted from the corpus (al-Haytham, Chemical biology).
SHORT_CASES = [
    ("Harvnb", ["El-Bizri", "2010"], {"p": "11"}, "El-Bizri 2010, p. 11"),
    ("Harvnb", ["O'Connor", "Robertson", "1999"], {}, "O'Connor & Robertson 1999"),
    ("Harvnb", ["Rosenthal", "1960–1961"], {}, "Rosenthal 1960–1961"),
    ("harvnb", ["Vernet", "1996"], {"p": "788"}, "Vernet 1996, p. 788"),
    ("harv", ["Smith", "2001"], {"p": "cxix"}, "(Smith 2001, p. cxix)"),
    ("harv", ["Sabra", "1989"], {"pp": "vol.2, xix-lxxiii"}, "(Sabra 1989, pp. vol.2, xix-lxxiii)"),
    ("harvtxt", ["Wade", "Finger", "2001"], {}, "Wade & Finger (2001)"),
    (
        "harvs",
        ["nb"],
        {"last": "El-Bizri", "year": "2005a", "year2": "2005b"},
        "El-Bizri 2005a, 2005b",
    ),
    ("harvs", ["txt"], {"last1": "A", "last2": "B", "year": "2000"}, "A & B (2000)"),
    ("harvs", [], {"last": "A", "year": "2000", "p": "3"}, "(A 2000, p. 3)"),
    # the brief's examples and the author counts
    ("sfn", ["Smith", "Jones", "2004"], {"p": "5"}, "Smith & Jones 2004, p. 5."),
    ("sfn", ["Smith", "2004"], {}, "Smith 2004."),
    ("sfn", ["Smith", "Jones", "Brown", "2004"], {}, "Smith, Jones & Brown 2004."),
    ("sfn", ["Smith", "Jones", "Brown", "Black", "2004"], {}, "Smith et al. 2004."),
    ("sfn", ["Smith", "Jones", "Brown", "Black", "White", "2004"], {}, "Smith et al. 2004."),
    ("sfn", ["Smith", "2004"], {"pp": "5–7"}, "Smith 2004, pp. 5–7."),
    ("sfn", ["Smith", "2004"], {"page": "5"}, "Smith 2004, p. 5."),
    ("sfn", ["Smith", "2004"], {"loc": "ch. 3"}, "Smith 2004, ch. 3."),
    ("sfn", ["Smith", "2004"], {"p": "5", "loc": "fn. 2"}, "Smith 2004, p. 5, fn. 2."),
    ("sfn", ["Smith", "2004"], {"ps": "none"}, "Smith 2004"),
    ("sfn", ["Smith", "2004"], {"ps": ": a quote."}, "Smith 2004: a quote."),
    ("sfn", [" Smith ", "", "2004"], {}, "Smith 2004."),
    ("sfnp", ["Smith", "2004"], {"p": "5"}, "Smith (2004), p. 5."),
    ("harvp", ["Smith", "2004"], {"p": "5"}, "Smith (2004), p. 5"),
    ("harvtxt", ["Smith", "2004"], {"p": "5"}, "Smith (2004, p. 5)"),
    ("harvcol", ["Smith", "2004"], {"p": "5"}, "(Smith 2004:5)"),
    ("harvcolnb", ["Smith", "2004"], {"pp": "5–7"}, "Smith 2004:5–7"),
    ("harvcoltxt", ["Smith", "2004"], {"p": "5"}, "Smith (2004:5)"),
    (
        "sfnm",
        [],
        {
            "1a1": "Smith",
            "1y": "2004",
            "1p": "5",
            "2a1": "Jones",
            "2a2": "Lee",
            "2y": "2005",
            "2pp": "1–2",
        },
        "Smith 2004, p. 5; Jones & Lee 2005, pp. 1–2.",
    ),
    ("sfn", ["Müller", "Ñúñez", "2004"], {}, "Müller & Ñúñez 2004."),
    ("sfn", ["Smith"], {}, "Smith."),
    ("sfn", [], {}, ""),
    ("sfnm", [], {}, ""),
    ("rp", ["23"], {}, ""),
]


@pytest.mark.parametrize(("name", "positional", "named", "text"), SHORT_CASES)
def test_format_short_citation(
    name: str, positional: list[str], named: dict[str, str], text: str
) -> None:
    assert format_short_citation(name, positional, named) == text


@pytest.mark.parametrize(
    ("positional", "named", "text"),
    [
        (["23"], {}, "\\:23"),
        ([], {"page": "5"}, "\\:5"),
        ([], {"pp": "5–7"}, "\\:5–7"),
        ([], {"at": "§ 2"}, "\\:§ 2"),
        ([" "], {}, ""),
    ],
)
def test_page_markers(positional: list[str], named: dict[str, str], text: str) -> None:
    assert is_page_marker_template("rp")
    assert not is_page_marker_template("sfn")
    assert format_page_marker(positional, named) == text


def test_a_page_marker_after_a_citation_is_not_a_reference_definition(
    render_markdown: Callable[[str], Rendered],
) -> None:
    line = "[^1]" + format_page_marker(["23"], {}) + " more text"
    assert render_markdown(line).text == "[^1]:23 more text"
