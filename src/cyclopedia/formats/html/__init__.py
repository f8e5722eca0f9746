"""Web pages saved as HTML: their main text (trafilatura), metadata and licence (reader.py)."""
