"""Cyclopedia's own JSONL exports (``cyclopedia export --format jsonl``), read back."""
