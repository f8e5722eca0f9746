"""Django configuration: settings, URLs, WSGI."""
