"""Django apps: persistence, ingestion, web pages."""
