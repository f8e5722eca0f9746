"""Rendered MediaWiki HTML (action=render, Parsoid, mwoffliner pages in ZIMs) as a Document."""
