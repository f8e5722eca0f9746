"""The JSON API (django-ninja), its tokens and its rate limits: docs/api.md."""
