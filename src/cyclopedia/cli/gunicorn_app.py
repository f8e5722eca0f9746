"""Gunicorn, embedded: the WSGI application with options from ``cyclopedia serve``."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class GunicornApplication(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from cyclopedia.config.wsgi import application

        return application
