"""Wikitext to Cyclopedia Markdown and a Document, on top of mwparserfromhell."""
