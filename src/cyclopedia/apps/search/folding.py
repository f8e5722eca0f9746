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
_APOSTROPHES = "'’‘ʼʻʽʾʿ`´′ꞌ"
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(_APOSTROPHES, "'"))
# Snippet markers: never part of indexed text.
MARK_START, MARK_END = "\x02", "\x03"
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)+")


def normalize_apostrophes(text: str) -> str:
    """Text with every apostrophe-like character as ``'`` and no control characters."""
    return _CONTROLS.sub(" ", text.translate(_TO_APOSTROPHE))


def extra_forms(text: str) -> list[str]:
    """Other spellings under which words of a text are found, indexed beside it.

    Words written with apostrophes, joined (``Asa'ib Ahl al-Haq`` gives ``Asaib``), and words
    with letters that no tokenizer takes apart, folded (``Łódź`` gives ``lodz``). ``text`` has
    had :func:`normalize_apostrophes` applied.
    """
    forms = [match.replace("'", "") for match in _APOSTROPHE_WORD.findall(text)]
    if _SPECIAL_LETTER.search(text):
        forms.extend(fold(word) for word in _SPECIAL_WORD.findall(text))
    return forms


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
    text = text.translate(_BASE_LETTERS)
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
_BASE_LETTERS = str.maketrans(_SPECIALS)
_SPECIAL_CLASS = "".join(
    ch for ch in "".join(_SPECIALS) + "".join(_SPECIALS).upper() if ord(ch) > 127
)
_SPECIAL_LETTER = re.compile(f"[{_SPECIAL_CLASS}]")
_SPECIAL_WORD = re.compile(rf"[^\W_]*[{_SPECIAL_CLASS}][^\W_]*")
