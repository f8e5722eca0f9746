"""``cyclopedia search``: query the index from a terminal, or rebuild it."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cyclopedia.cli.django_setup import migrate, setup_django


class _SearchGroup(click.Group):
    """``cyclopedia search WORDS...`` runs a query; ``cyclopedia search reindex`` rebuilds."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in self.commands:
            return super().resolve_command(ctx, args)
        query = self.commands["query"]
        return "query", query, args


@click.group(
    "search",
    cls=_SearchGroup,
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False},
)
def search() -> None:
    """Search the published articles: `cyclopedia search WORDS...`, or `search reindex`.

    The query language is the search page's: words (all must match), "a phrase",
    -excluded, a OR b, prefix*.
    """


@search.command("query")
@click.argument("words", nargs=-1, required=True)
@click.option("--page", type=click.IntRange(1, 50), default=1, show_default=True)
@click.option("--source", default="", help="Only articles from this source (its name).")
@click.option("--license", "license_", default="", help="Only articles under this SPDX licence.")
@click.option("--category", default="", help="Only articles in this category.")
@click.option("--language", default="", help="Only articles in this language (code).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def query_command(
    words: tuple[str, ...],
    page: int,
    source: str,
    license_: str,
    category: str,
    language: str,
    as_json: bool,
) -> None:
    """Search for WORDS (`search query reindex` looks for the word "reindex")."""
    setup_django()
    migrate()
    from cyclopedia.apps.search.backends import Filters
    from cyclopedia.apps.search.selectors import search_run

    filters = Filters(source=source, license=license_, category=category, language=language)
    found = search_run(q=" ".join(words), filters=filters, page=page)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "query": found.query.text,
                    "total": found.total,
                    "page": found.page,
                    "did_you_mean": found.did_you_mean or None,
                    "results": [
                        {
                            "title": r.article.title,
                            "path": r.url,
                            "score": None if r.score is None else round(r.score, 6),
                        }
                        for r in found.results
                    ],
                },
                ensure_ascii=False,
            )
        )
        return
    console = Console(highlight=False)
    for notice in found.notices:
        console.print(f"[yellow]{notice}[/]")
    if found.query.empty:
        raise click.UsageError("Give at least one word to look for (not only excluded ones).")
    first = (found.page - 1) * found.per_page
    console.print(f"{found.total} article(s) found; page {found.page} of {found.pages}.")
    for number, result in enumerate(found.results, start=first + 1):
        snippet = str(result.snippet).replace("<mark>", "[bold]").replace("</mark>", "[/bold]")
        console.print(f"{number}. [bold]{_plain(result.article.title)}[/]  {result.url}")
        console.print(f"   {_unescape(snippet)}", soft_wrap=True)
    if found.did_you_mean:
        console.print(f"Did you mean: [bold]{_plain(found.did_you_mean)}[/]?")


def _plain(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _unescape(snippet: str) -> str:
    """The snippet's HTML escapes undone, rich markup in the text escaped."""
    import html

    from rich.markup import escape

    parts = snippet.split("[bold]")
    out = [escape(html.unescape(parts[0]))]
    for part in parts[1:]:
        inner, _, rest = part.partition("[/bold]")
        out.append(f"[bold]{escape(html.unescape(inner))}[/bold]{escape(html.unescape(rest))}")
    return "".join(out)


@search.command("reindex")
def reindex_command() -> None:
    """Rebuild the search index from the published articles (after upgrades or repairs)."""
    setup_django()
    migrate()
    from cyclopedia.apps.search.services import search_reindex

    console = Console(stderr=True)
    with Progress(
        TextColumn("Indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("index", total=None)

        def report(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        count = search_reindex(progress=report)
    console.print(f"{count} article(s) indexed.")
