"""Citation templates of other Wikipedias, read as the Citation Style 1 templates they mean.

French ``{{Lien web}}``, German ``{{Internetquelle}}``, Spanish ``{{Cita web}}``, Arabic
``{{استشهاد ويب}}``, Russian ``{{Книга}}`` and their kin take the same information as
``{{cite web}}`` or ``{{cite book}}`` under other parameter names. :func:`foreign_kind` says which
CS1 class a template is, and :func:`translate` renames its parameters, so that the citation
builder formats them all alike. (The wording stays CS1's English: "Retrieved", "Archived".)
"""

from __future__ import annotations

from collections.abc import Mapping

# Parameter names shared by a language's templates, normalised (lower case, "-" for spaces and
# underscores), mapped to CS1 names. Numbered names ("auteur2", "nom3") keep their number.
_FRENCH = {
    "titre": "title", "sous-titre": "subtitle", "auteur": "author", "auteurs": "authors",
    "auteur-institutionnel": "author", "prénom": "first", "nom": "last",
    "lien-auteur": "author-link", "directeur": "editor", "date": "date", "année": "year",
    "mois": "month", "jour": "day", "site": "website", "périodique": "journal",
    "journal": "journal", "revue": "journal", "éditeur": "publisher", "lieu": "location",
    "langue": "language", "consulté-le": "access-date", "url": "url", "lire-en-ligne": "url",
    "présentation-en-ligne": "alt-url", "format": "format", "archive-url": "archive-url",
    "archiveurl": "archive-url", "archive-date": "archive-date", "citation": "quote",
    "volume": "volume", "tome": "volume", "numéro": "issue", "pages": "pages",
    "passage": "page", "isbn": "isbn", "issn": "issn", "doi": "doi", "pmid": "pmid",
    "oclc": "oclc", "collection": "series", "série": "series", "numéro-d'édition": "edition",
    "traducteur": "translator", "titre-chapitre": "chapter", "id": "id",
    "titre-original": "trans-title", "traduction-titre": "trans-title", "en-ligne-le": "date",
}  # fmt: skip
_GERMAN = {
    "url": "url", "titel": "title", "titelerg": "subtitle", "untertitel": "subtitle",
    "autor": "author", "hrsg": "publisher", "werk": "website", "datum": "date", "jahr": "year",
    "monat": "month", "tag": "day", "abruf": "access-date", "sprache": "language",
    "archiv-url": "archive-url", "archiv-datum": "archive-date", "zitat": "quote",
    "format": "format", "seiten": "pages", "seite": "page", "band": "volume", "nummer": "issue",
    "auflage": "edition", "verlag": "publisher", "ort": "location", "isbn": "isbn",
    "issn": "issn", "doi": "doi", "online": "url", "kapitel": "chapter", "reihe": "series",
    "übersetzer": "translator", "sammelwerk": "collection", "zeitschrift": "journal",
}  # fmt: skip
_SPANISH = {
    "url": "url", "título": "title", "titulo": "title", "apellido": "last", "apellidos": "last",
    "nombre": "first", "nombres": "first", "autor": "author", "enlaceautor": "author-link",
    "fecha": "date", "año": "year", "mes": "month", "editorial": "publisher",
    "ubicación": "location", "lugar": "location", "obra": "work", "sitioweb": "website",
    "publicación": "journal", "periódico": "newspaper", "idioma": "language",
    "fechaacceso": "access-date", "urlarchivo": "archive-url", "fechaarchivo": "archive-date",
    "formato": "format", "cita": "quote", "páginas": "pages", "página": "page",
    "volumen": "volume", "número": "issue", "edición": "edition", "capítulo": "chapter",
    "urlcapítulo": "chapter-url", "agencia": "agency", "serie": "series", "isbn": "isbn",
    "issn": "issn", "doi": "doi", "editor": "editor",
}  # fmt: skip
_ARABIC = {
    "مسار": "url", "عنوان": "title", "تاريخ-الوصول": "access-date", "تاريخ": "date",
    "سنة": "year", "ناشر": "publisher", "الناشر": "publisher", "عمل": "work",
    "موقع": "website", "صحيفة": "newspaper", "لغة": "language", "اللغة": "language",
    "مسار-الأرشيف": "archive-url", "مسار-أرشيف": "archive-url",
    "تاريخ-الأرشيف": "archive-date", "تاريخ-أرشيف": "archive-date", "الأول": "first",
    "الأخير": "last", "مؤلف": "author", "المؤلف": "author", "صفحات": "pages",
    "صفحة": "page", "مكان": "location", "المكان": "location", "مجلة": "journal",
    "المجلد": "volume", "العدد": "issue", "رقم": "issue", "ردمك": "isbn",
}  # fmt: skip
_RUSSIAN = {
    "автор": "author", "заглавие": "title", "ссылка": "url", "место": "location",
    "издательство": "publisher", "год": "year", "страницы": "pages", "isbn": "isbn",
    "том": "volume", "номер": "issue", "издание": "journal", "язык": "language",
    "дата": "date", "doi": "doi", "ответственный": "others", "викитека": "url",
    "дата-обращения": "access-date", "архив": "archive-url", "дата-архива": "archive-date",
}  # fmt: skip

_TEMPLATES: dict[str, tuple[str, Mapping[str, str]]] = {
    # French Wikipedia
    "lien web": ("web", _FRENCH), "lien brisé": ("web", _FRENCH),
    "lien archive": ("web", _FRENCH), "lien archivé": ("web", _FRENCH),
    "lien news": ("news", _FRENCH), "article": ("journal", _FRENCH),
    "ouvrage": ("book", _FRENCH), "chapitre": ("book", _FRENCH),
    "lien conférence": ("web", _FRENCH), "lien vidéo": ("av media", _FRENCH),
    # German Wikipedia
    "internetquelle": ("web", _GERMAN), "literatur": ("book", _GERMAN),
    "cite web/de": ("web", _GERMAN),
    # Spanish Wikipedia
    "cita web": ("web", _SPANISH), "cita libro": ("book", _SPANISH),
    "cita publicación": ("journal", _SPANISH), "cita noticia": ("news", _SPANISH),
    "cita enciclopedia": ("encyclopedia", _SPANISH), "cita video": ("av media", _SPANISH),
    # Arabic Wikipedia (which accepts the English names too)
    "استشهاد ويب": ("web", _ARABIC), "استشهاد بويب": ("web", _ARABIC),
    "استشهاد بكتاب": ("book", _ARABIC), "استشهاد بخبر": ("news", _ARABIC),
    "استشهاد بدورية محكمة": ("journal", _ARABIC), "استشهاد بمجلة": ("magazine", _ARABIC),
    # Russian Wikipedia
    "книга": ("book", _RUSSIAN), "статья": ("journal", _RUSSIAN),
    "публикация": ("book", _RUSSIAN),
    # Chinese and Japanese Wikipedias write the English templates, sometimes without the space
    "citeweb": ("web", {}), "citenews": ("news", {}), "citebook": ("book", {}),
    "citejournal": ("journal", {}),
}  # fmt: skip


def foreign_kind(key: str) -> str | None:
    """The CS1 class ("web", "book"...) of another Wikipedia's citation template, or None."""
    entry = _TEMPLATES.get(key)
    return entry[0] if entry else None


def _normal(name: str) -> str:
    return "-".join(name.strip().lower().replace("_", " ").replace("-", " ").split())


def translate(key: str, params: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The CS1 class and parameters of another Wikipedia's citation template."""
    kind, names = _TEMPLATES[key]
    out: dict[str, str] = {}
    if names is _FRENCH:
        out["mode"] = "cs2"  # commas and no final full stop, as the French Wikipedia writes them
    for raw, value in params.items():
        name = _normal(raw)
        stem, number = name.rstrip("0123456789"), name[len(name.rstrip("0123456789")) :]
        mapped = names.get(name) or (names.get(stem, "") + number if names.get(stem) else name)
        if value.strip() and mapped not in out:
            out[mapped] = value
    subtitle = out.pop("subtitle", "")
    if subtitle and out.get("title"):
        out["title"] = f"{out['title']}: {subtitle}"
    alternative = out.pop("alt-url", "")
    if alternative and not out.get("url"):
        out["url"] = alternative
    day, month = out.pop("day", ""), out.pop("month", "")
    if (day or month) and out.get("year") and not out.get("date"):
        out["date"] = " ".join(part for part in (day, month, out.pop("year")) if part)
    collection = out.pop("collection", "")
    if collection:  # {{Literatur|Titel=chapter|Sammelwerk=book}}: a chapter, or an article
        if out.get("publisher") or out.get("isbn"):
            kind, out["chapter"], out["title"] = "book", out.get("title", ""), collection
        else:
            kind, out["journal"] = "journal", collection
    if kind == "book" and out.get("page") and not out.get("pages"):
        page = out["page"]
        if "-" in page or "–" in page:
            out["pages"] = out.pop("page")
    return kind, out


# Public-domain encyclopedias cited by their article's title on Wikisource ({{cite EB1911|
# wstitle=Anarchism}}): the encyclopedia each template names.
_ENCYCLOPEDIAS = {
    "cite eb1911": "Encyclopædia Britannica (11th ed.)",
    "cite eb9": "Encyclopædia Britannica (9th ed.)",
    "cite amcyc": "The American Cyclopædia", "cite nsrw": "The New Student's Reference Work",
    "cite collier's": "Collier's New Encyclopedia", "cite nie": "New International Encyclopedia",
    "cite catholic encyclopedia": "Catholic Encyclopedia",
    "cite ee1911": "Everyman's Encyclopaedia",
    "cite americana": "Encyclopedia Americana", "cite dnb": "Dictionary of National Biography",
}  # fmt: skip


def encyclopedia_params(key: str, params: dict[str, str]) -> dict[str, str]:
    """A citation's parameters, with an encyclopedia article's Wikisource title as its title."""
    title = params.get("wstitle", "")
    if not title:
        return params
    shown = dict(params)
    shown.setdefault("title", title)
    shown.setdefault("work", _ENCYCLOPEDIAS.get(key, ""))
    return shown


def is_unknown_citation(key: str, names: set[str]) -> bool:
    """A citation template of a kind not known here ({{cite grec}}, {{cite govtrack}}) that
    has what a citation needs, a title or an address (``names``: its named parameters with a
    value): formatted as {{cite web}}."""
    if not key.startswith(("cite ", "vcite ")):
        return False
    return bool(names & {"title", "url", "chapter", "work", "website", "wstitle"})
