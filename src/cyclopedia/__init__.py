"""Cyclopedia: an open-content encyclopedia platform."""

__version__ = "0.1.0.dev0"
