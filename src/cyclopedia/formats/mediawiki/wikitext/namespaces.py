"""The namespaces of a wiki: which link prefixes name files, categories or other pages.

A link whose prefix is a namespace is not a link to an article: ``[[File:x.jpg]]`` is an image
(left out), ``[[Category:X]]`` files the page in a category, ``[[Help:X]]`` points outside the
encyclopedia. The names come from a dump's site information; the canonical English ones and the
common localised names of the larger Wikipedias are known here as well, because a dump's site
information may be wrong (the DBpedia minidumps all claim to be the English Wikipedia) and a bare
wikitext file has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FILE_NAMESPACES = {
    "file", "image", "media", "datei", "bild", "fichier", "archivo", "imagen", "ficheiro",
    "immagine", "afbeelding", "bestand", "plik", "grafika", "soubor", "fil", "tiedosto",
    "файл", "изображение", "ملف", "صورة", "ファイル", "画像", "文件", "档案", "檔案", "图像",
    "圖像", "파일", "dosya", "resim", "berkas", "tập tin", "hình", "payl", "paypay", "fitxer",
}  # fmt: skip
CATEGORY_NAMESPACES = {
    "category", "kategorie", "catégorie", "categoría", "categoria", "categorie", "kategoria",
    "kategori", "kategória", "luokka", "категория", "категорія", "تصنيف", "カテゴリ", "分类",
    "分類", "분류", "thể loại", "kaarangay", "kategorija", "flokkur", "rummad",
}  # fmt: skip
OTHER_NAMESPACES = {
    "talk", "user", "user talk", "wikipedia", "project", "wp", "help", "template", "portal",
    "module", "draft", "special", "mediawiki", "book", "timedtext", "wikt", "wiktionary",
    "commons", "w", "s", "q", "n", "b", "v", "voy", "d", "m", "meta", "species", "mw",
    "wikisource", "wikiquote", "wikinews", "wikibooks", "wikiversity", "wikivoyage", "wikidata",
    "vorlage", "modèle", "plantilla", "predefinição", "шаблон", "قالب", "テンプレート",
    "模板", "benutzer", "utilisateur", "usuario", "участник", "مستخدم", "ويكيبيديا", "википедия",
    "wikipédia", "portail", "портал", "بوابة", "ポータル", "hilfe", "aide", "ayuda",
    "справка", "مساعدة", "spezial", "spécial", "especial", "служебная", "خاص", "特別",
}  # fmt: skip


@dataclass
class Namespaces:
    """The namespace prefixes that make a link not an article link."""

    files: set[str] = field(default_factory=lambda: set(FILE_NAMESPACES))
    categories: set[str] = field(default_factory=lambda: set(CATEGORY_NAMESPACES))
    others: set[str] = field(default_factory=lambda: set(OTHER_NAMESPACES))

    @classmethod
    def from_site(cls, names: dict[int, str]) -> Namespaces:
        spaces = cls()
        for number, name in names.items():
            key = name.strip().lower().replace("_", " ")
            if not key:
                continue
            if number in (6, -2):
                spaces.files.add(key)
            elif number == 14:
                spaces.categories.add(key)
            elif number != 0:
                spaces.others.add(key)
        return spaces
