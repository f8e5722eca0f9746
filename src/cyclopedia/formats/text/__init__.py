"""Plain-text encyclopedia pages, as scraped from mirrors (the seed page is one)."""
