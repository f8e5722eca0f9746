"""The reader-facing web site: home, articles, history, help pages."""
