"""The rules for user names, shared by the sign-up form, the services and the CLI.

A user name is public: it is shown in history, in diffs and on profile pages, and it credits the
author under the licence. So it must read as what it is:

- NFKC-normalised (as Django normalises names at log-in), so "ａｄｍｉｎ" is "admin";
- 2 to 40 characters: letters (any script, with their combining marks), digits, and ``.``, ``_``,
  ``-`` between them; no spaces (they are invisible at the ends and doubled unnoticed);
- no control, bidirectional-override or zero-width characters, which change how a name and the text
  around it are displayed;
- no mix of scripts that imitates another name ("pаypal" with a Cyrillic а);
- not one of the reserved names, and not a look-alike of an existing user's name: two names with
  the same :func:`username_key` (case folded, confusable characters replaced by their Latin
  prototypes) cannot both exist.
"""

from __future__ import annotations

import functools
import unicodedata

from confusable_homoglyphs import confusables
from django.core.exceptions import ValidationError

MIN_LENGTH = 2
MAX_LENGTH = 40
PUNCTUATION = frozenset("._-")
MAX_MARKS = 3  # combining marks on one letter; more is "Zalgo" text

# Bidirectional formatting characters (Unicode Bidi_Control): they reorder the text around them.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Characters that take no space: two names that differ only by them look identical.
ZERO_WIDTH = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")

# Names that would pass for the site or its staff, or for a page of the site.
RESERVED = frozenset(
    {
        "abuse", "accounts", "admin", "administrator", "anonymous", "api", "cyclopedia",
        "deleted", "editor", "help", "hostmaster", "info", "login", "logout", "moderator",
        "no-reply", "noreply", "null", "none", "postmaster", "reviewer", "root", "security",
        "settings", "signup", "staff", "static", "support", "sysop", "system", "unknown",
        "user", "webmaster",
    }
)  # fmt: skip

# After case folding: ASCII sequences that read as another ("rn" as "m", as UTS #39 has it;
# "l" and "1" as the "I" of a capitalised name, which folds to "i").
_ASCII_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "i"), ("l", "i"), ("|", "i"))


def normalize_username(raw: str) -> str:
    """The stored spelling of a typed name: NFKC, surrounding white space removed."""
    return unicodedata.normalize("NFKC", raw).strip()


@functools.lru_cache(maxsize=4096)
def _prototype(char: str) -> str:
    """The ASCII character(s) a non-ASCII character imitates, or the character itself."""
    if char.isascii():
        return char
    for glyph in confusables.confusables_data.get(char, ()):
        if glyph["c"].isascii() and glyph["c"].isprintable():
            return str(glyph["c"])
    return char


def username_key(name: str) -> str:
    """The look-alike key of a name: equal keys mean the names can be mistaken for each other."""
    text = "".join(_prototype(char) for char in normalize_username(name)).casefold()
    for sequence, replacement in _ASCII_LOOKALIKES:
        text = text.replace(sequence, replacement)
    return text


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def _invisible_errors(name: str) -> list[ValidationError]:
    for char in name:
        if char in BIDI_CONTROLS:
            return [
                ValidationError(
                    "User names may not contain characters that change the direction of text "
                    "(found %(char)s).",
                    code="bidi",
                    params={"char": _describe(char)},
                )
            ]
        if char in ZERO_WIDTH or unicodedata.category(char) in ("Cf", "Cc", "Cs", "Co", "Cn"):
            return [
                ValidationError(
                    "User names may not contain invisible, zero-width or control characters "
                    "(found %(char)s).",
                    code="invisible",
                    params={"char": _describe(char)},
                )
            ]
    return []


def _shape_errors(name: str) -> list[ValidationError]:
    errors = []
    if any(char.isspace() for char in name):
        errors.append(
            ValidationError(
                "User names may not contain spaces; use “_” or “-” instead.", code="space"
            )
        )
    bad = sorted(
        {
            char
            for char in name
            if not char.isspace()
            and char not in PUNCTUATION
            and unicodedata.category(char)[0] not in ("L", "M", "N")
        }
    )
    if bad:
        errors.append(
            ValidationError(
                "User names may contain only letters, digits, “.”, “_” and “-” (not %(chars)s).",
                code="characters",
                params={"chars": " ".join(bad)},
            )
        )
    if not (MIN_LENGTH <= len(name) <= MAX_LENGTH):
        errors.append(
            ValidationError(
                "User names are %(min)d to %(max)d characters long (this one has %(length)d).",
                code="length",
                params={"min": MIN_LENGTH, "max": MAX_LENGTH, "length": len(name)},
            )
        )
    if name and not (_is_letter_or_digit(name[0]) and _ends_well(name)):
        errors.append(
            ValidationError("User names begin and end with a letter or a digit.", code="ends")
        )
    if not any(unicodedata.category(char).startswith("L") for char in name):
        errors.append(ValidationError("User names contain at least one letter.", code="letter"))
    marks = 0
    for char in name:
        marks = marks + 1 if unicodedata.category(char).startswith("M") else 0
        if marks > MAX_MARKS:
            errors.append(ValidationError("Too many accents stacked on one letter.", code="marks"))
            break
    return errors


def _is_letter_or_digit(char: str) -> bool:
    return unicodedata.category(char)[0] in ("L", "N")


def _ends_well(name: str) -> bool:
    stripped = name.rstrip("".join(c for c in name if unicodedata.category(c).startswith("M")))
    return bool(stripped) and _is_letter_or_digit(stripped[-1])


def validate_username(name: str) -> None:
    """Raise ValidationError with every rule a (normalised) name breaks; no database access."""
    if not name:
        raise ValidationError("Choose a user name.", code="required")
    errors = _invisible_errors(name) or _shape_errors(name)
    if not errors and confusables.is_dangerous(name):
        errors.append(
            ValidationError(
                "User names may not mix alphabets with letters that look alike (for example a "
                "Cyrillic “а” among Latin letters): such a name can imitate another.",
                code="lookalike",
            )
        )
    if not errors and username_key(name) in _RESERVED_KEYS:
        errors.append(ValidationError("This user name is reserved.", code="reserved"))
    if errors:
        raise ValidationError(errors)


_RESERVED_KEYS = frozenset(username_key(name) for name in RESERVED)
