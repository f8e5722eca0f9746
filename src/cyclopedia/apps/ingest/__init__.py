"""Imports: runs, their counts and errors, and quarantined items."""
