"""Readers: one module per source format, each turning its input into Documents (no Django)."""
