"""Tests for the wikitext converter's template modules."""
