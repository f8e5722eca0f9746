"""Full-text search: an index of published articles, queries, suggestions, "did you mean"."""
