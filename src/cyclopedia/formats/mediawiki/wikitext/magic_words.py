"""Magic words written like templates: ``{{formatnum:1234}}``, ``{{lc:X}}``, ``{{DEFAULTSORT:x}}``
(which shows nothing), and the local names of some of them."""

from __future__ import annotations

from cyclopedia.document.markup import escape_text

# Those that show nothing, with the local names of the sort key (Japanese, German, French...).
_SILENT_MAGIC = {"defaultsort", "defaultsortkey", "defaultcategorysort", "displaytitle",
                 "デフォルトソート", "sortierung", "clef de tri", "ordenar", "сортировка",
                 "ترتيب", "pagesincategory", "pagesize", "int", "ns", "fullurl", "localurl",
                 "urlencode", "anchorencode", "filepath"}  # fmt: skip


def magic_word_text(raw_name: str) -> str | None:
    """The text of a magic word, "" for one that shows nothing, None for none known."""
    word, _, argument = raw_name.partition(":")
    word = word.strip().lower()
    argument = argument.strip()
    if word in _SILENT_MAGIC:
        return ""
    if word == "formatnum":
        number = argument.replace(",", "")
        try:
            value = float(number)
        except ValueError:
            return escape_text(argument) if "{" not in argument else None
        if "." in number:
            decimals = len(number.split(".", 1)[1])
            return f"{value:,.{decimals}f}"
        return f"{int(value):,}"
    if word in ("lc", "uc", "lcfirst", "ucfirst") and "{" not in argument:
        text = {"lc": argument.lower(), "uc": argument.upper(),
                "lcfirst": argument[:1].lower() + argument[1:],
                "ucfirst": argument[:1].upper() + argument[1:]}[word]  # fmt: skip
        return escape_text(text)
    return None
