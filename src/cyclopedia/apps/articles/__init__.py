"""Articles, their immutable revisions, and what hangs off them (aliases, categories, links)."""
