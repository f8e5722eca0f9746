"""The title of a ZIM entry: the title the archive gives it, else one made from its path."""

from __future__ import annotations

import re

from cyclopedia.document.titles import TitleError, normalize_title

_EXTENSION = re.compile(r"\.html?$", re.IGNORECASE)


def entry_title(title: str, path: str, *, new_scheme: bool) -> str:
    """The normalised title of an entry; raises TitleError when it can have none.

    ``title`` is "" when the archive gives none (libzim then answers with the path); the path
    then makes one: without the namespace of the old layout, its ``.html``, its underscores.
    """
    if title.strip():
        return normalize_title(title)
    if not new_scheme and len(path) > 2 and path[1] == "/":
        path = path[2:]
    return normalize_title(_EXTENSION.sub("", path))


def redirect_to_itself(
    title: str, path: str, target_title: str, target_path: str, *, new_scheme: bool
) -> bool:
    """Whether a redirect names the same title as the article it leads to ("index.htm",
    titled like the main page, leading to it): no alternative name at all."""
    try:
        return entry_title(title, path, new_scheme=new_scheme) == entry_title(
            target_title, target_path, new_scheme=new_scheme
        )
    except TitleError:
        return False
