"""Text templates of names in two scripts, transcriptions and languages: {{nihongo}}, {{IPA
link}}, {{zh}}, {{langx}}, {{native name}} and the like.
"""

from __future__ import annotations

from collections.abc import Sequence

from cyclopedia.formats.mediawiki.wikitext.languages import LANGUAGES
from cyclopedia.formats.mediawiki.wikitext.template_handlers import Handler, stripped


def nihongo(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{nihongo|Tokyo Tower|東京タワー|Tōkyō tawā}} → "Tokyo Tower (東京タワー, Tōkyō tawā)"."""
    args = stripped(positional) + [""] * 4
    english, kanji, romaji, extra = args[:4]
    inner = ", ".join(part for part in (kanji, f"*{romaji}*" if romaji else "", extra) if part)
    if not english:
        return inner
    return f"{english} ({inner})" if inner else english


def nihongo3(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{nihongo3|Tokyo Tower|東京タワー|Tōkyō tawā}}: the romaji first."""
    args = stripped(positional) + [""] * 3
    english, kanji, romaji = args[:3]
    inner = ", ".join(part for part in (kanji, english) if part)
    head = f"*{romaji}*" if romaji else ""
    return f"{head} ({inner})".strip() if inner else head


def nihongo2(positional: Sequence[str], named: dict[str, str]) -> str:
    return stripped(positional)[0] if positional else ""


def angle_brackets(positional: Sequence[str], named: dict[str, str]) -> str:
    text = positional[0].strip() if positional else ""
    return f"⟨{text}⟩" if text else ""


def ipa_link(left: str, right: str) -> Handler:
    """{{IPA link|ɛ}} → ɛ, {{IPAblink|ɛ}} → [ɛ], {{IPAslink|ɛ}} → /ɛ/."""

    def build(positional: Sequence[str], named: dict[str, str]) -> str:
        text = positional[0].strip() if positional else ""
        return f"{left}{text}{right}" if text else ""

    return build


def in_language(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{in lang|de}} → "(in German)"."""
    names = [LANGUAGES.get(code.lower(), code) for code in stripped(positional) if code]
    return f"(in {' and '.join(names)})" if names else ""


def chinese(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{zh|t=臺灣|s=台湾|p=Táiwān}} → "traditional Chinese: 臺灣; simplified Chinese: 台湾;
    pinyin: Táiwān"."""
    labels = (("c", "Chinese"), ("t", "traditional Chinese"), ("s", "simplified Chinese"),
              ("p", "pinyin"), ("tp", "Tongyong Pinyin"), ("w", "Wade–Giles"),
              ("j", "Jyutping"), ("cy", "Cantonese Yale"), ("poj", "Pe̍h-ōe-jī"))  # fmt: skip
    parts = [f"{label}: {named[key]}" for key, label in labels if named.get(key)]
    parts += [f"Chinese: {value}" for value in stripped(positional) if value]
    return "; ".join(parts)


def language_text(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{langx|de|Berlin}} → "German: Berlin"."""
    args = stripped(positional)
    if len(args) < 2:
        return args[0] if args else ""
    name = LANGUAGES.get(args[0].lower())
    return f"{name}: {args[1]}" if name else args[1]


def arabic_german(positional: Sequence[str], named: dict[str, str]) -> str:
    """Arabic {{ألمانية|Spree}} and {{لغة-أل|Berlin}}: "(بالألمانية: Spree)"."""
    text = positional[0].strip() if positional else ""
    return f"(بالألمانية: {text})" if text else ""


def greek_lexicon(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{LSJ|a)rxh/|ἀρχή|ref}}: the Greek word (the first argument is its Beta Code)."""
    args = stripped(positional)
    return args[1] if len(args) > 1 and args[1] else (args[0] if args else "")


def native_name(positional: Sequence[str], named: dict[str, str]) -> str:
    """{{native name|ca|Principat d'Andorra}}: the name (after the language code)."""
    args = stripped(positional)
    return args[1] if len(args) > 1 else ""
