"""Offline exports of published articles: ZIM archives for Kiwix readers and JSONL for other
programs and other Cyclopedia sites (pure Python: the app side hands in the articles)."""
