"""How text is folded for matching: case, diacritics and apostrophes do not matter.

The full-text tables fold case and diacritics themselves (SQLite's ``unicode61`` tokenizer with
``remove_diacritics 2``; PostgreSQL's ``unaccent`` in the ``cyclopedia`` text search
configuration). Two things are done here, the same for both databases:

- Apostrophe-like letters (ʿ ʾ ’ ʻ …) become ``'``, which both tokenizers treat as a word break,
  and every word written with one is also indexed joined (``Asa'ib`` also as ``Asaib``), so that
  Asa'ib, Asaʿib, Asaib and ASAIB find one another.
- Titles and aliases are folded in Python (:func:`fold`) for exact and prefix matches,
  suggestions and the "did you mean" vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and punctuation that Arabic, Hebrew and Polynesian transliterations use as apostrophes.
APOSTROPHES = "'’‘ʼʻʽʾʿ`´′ꞌ"
# Snippet markers: never part of indexed text.
MARK_START, MARK_END = "\x02", "\x03"
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+")
_OTHER_APOSTROPHE = re.compile("[" + APOSTROPHES[1:] + "]")
_WORD_BEFORE = re.compile(r"[^\W_]+\Z")
_WORD_AFTER = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalize_apostrophes(text: str) -> str:
    """Text with every apostrophe-like character as ``'`` and no control characters."""
    # A regular expression replaces the few it finds several times faster than str.translate
    # goes through a long text (an article body) character by character.
    text = _OTHER_APOSTROPHE.sub("'", text)
    return _CONTROLS.sub(" ", text) if _CONTROLS.search(text) else text


def extra_forms(text: str) -> list[str]:
    """Other spellings under which words of a text are found, indexed beside it.

    Words written with apostrophes, joined (``Asa'ib Ahl al-Haq`` gives ``Asaib``), and words
    with letters that no tokenizer takes apart, folded (``Łódź`` gives ``lodz``). ``text`` has
    had :func:`normalize_apostrophes` applied.
    """
    forms = _joined_words(text)
    forms.extend(fold(word) for word in _special_words(text))
    return forms


def _joined_words(text: str) -> list[str]:
    """Words written with apostrophes, joined; found from the apostrophes outwards, which is
    many times faster than trying a word pattern at every letter of a long text."""
    found = []
    at = text.find("'")
    while at != -1:
        left = _WORD_BEFORE.search(text, max(0, at - 64), at)
        right = _WORD_AFTER.match(text, at + 1)
        if left and right:
            found.append(left.group(0) + right.group(0).replace("'", ""))
            at = text.find("'", right.end())
        else:
            at = text.find("'", at + 1)
    return found


def _special_words(text: str) -> list[str]:
    """Words holding a letter of :data:`_SPECIALS`, found from those letters outwards."""
    found = []
    end = 0
    for letter in _SPECIAL_LETTER.finditer(text):
        if letter.start() < end:
            continue  # a second special letter of a word already taken
        left = _WORD_BEFORE.search(text, max(0, letter.start() - 64), letter.start())
        right = _LETTERS.match(text, letter.start())
        assert right is not None  # the special letter itself is a letter
        end = right.end()
        found.append((left.group(0) if left else "") + right.group(0))
    return found


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """A title or query as compared: no case, diacritics, apostrophes or punctuation.

    ``Asa'ib Ahl al-Haq`` and ``ASAIB AHL AL HAQ`` both fold to ``asaib ahl al haq``.
    """
    text = normalize_apostrophes(text).replace("'", "")
    text = _strip_marks(text).casefold()
    # Letters that have no decomposition but are read as a base letter.
    text = text.translate(BASE_LETTERS)
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return fold(text).split()


_SPECIALS = {
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "ł": "l",
    "ŀ": "l",
    "œ": "oe",
    "æ": "ae",
    "þ": "th",
    "ŧ": "t",
    "ß": "ss",
}
BASE_LETTERS = str.maketrans(_SPECIALS)
_SPECIAL_CLASS = "".join(
    ch for ch in "".join(_SPECIALS) + "".join(_SPECIALS).upper() if ord(ch) > 127
)
_SPECIAL_LETTER = re.compile(f"[{_SPECIAL_CLASS}]")
_LETTERS = re.compile(r"[^\W_]+")
