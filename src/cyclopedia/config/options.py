"""Every setting an operator can give, declared as data with its help text.

``docs/configuration.md`` documents each of them; a test fails when one is missing there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    default: str
    help: str

    def get(self) -> str:
        return os.environ.get(self.name, self.default)

    def get_bool(self) -> bool:
        value = self.get().strip().lower()
        if value in ("1", "true", "yes", "on"):
            return True
        if value in ("0", "false", "no", "off", ""):
            return False
        raise ValueError(f"{self.name} must be true or false, not {value!r}")


def _default_home() -> str:
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data) / "cyclopedia")


HOME = Option(
    "CYCLOPEDIA_HOME",
    _default_home(),
    "Data directory: the SQLite database, the generated secret key, collected static files. "
    "Created on first run. Default: $XDG_DATA_HOME/cyclopedia (~/.local/share/cyclopedia).",
)
DATABASE_URL = Option(
    "DATABASE_URL",
    "",
    "Database to use instead of SQLite in the data directory, e.g. "
    "postgres://user@127.0.0.1:5432/cyclopedia (PostgreSQL 13+).",
)
DEBUG = Option("CYCLOPEDIA_DEBUG", "false", "Django debug mode. Never on a public site.")
SECRET_KEY = Option(
    "CYCLOPEDIA_SECRET_KEY",
    "",
    "Secret key. Default: generated on first run and kept in $CYCLOPEDIA_HOME/secret_key; give "
    "the same one to every app server of a multi-machine site.",
)
ALLOWED_HOSTS = Option(
    "CYCLOPEDIA_ALLOWED_HOSTS",
    "127.0.0.1,localhost,[::1]",
    "Comma-separated host names the site answers to.",
)
SITE_NAME = Option("CYCLOPEDIA_SITE_NAME", "Cyclopedia", "The site's name in pages and feeds.")
SITE_URL = Option(
    "CYCLOPEDIA_SITE_URL",
    "http://127.0.0.1:8000",
    "The site's public address, for links in e-mails, feeds and exports made outside a request.",
)
LOG_LEVEL = Option("CYCLOPEDIA_LOG_LEVEL", "INFO", "Log level: DEBUG, INFO, WARNING or ERROR.")
SECURE = Option(
    "CYCLOPEDIA_SECURE",
    "false",
    "Served over HTTPS: secure cookies, HSTS (with preload) and a redirect from plain HTTP.",
)

WIKIMEDIA_LICENSE_SWITCH = Option(
    "CYCLOPEDIA_WIKIMEDIA_LICENSE_SWITCH",
    "2023-06-07",
    "The day Wikimedia text moved from CC BY-SA 3.0 to 4.0 (ISO date): imported revisions "
    "before it are CC BY-SA 3.0, revisions from it on CC BY-SA 4.0.",
)

PROXY_COUNT = Option(
    "CYCLOPEDIA_PROXY_COUNT",
    "0",
    "Number of reverse proxies in front of the site that append the client's address to "
    "X-Forwarded-For. 0: the address is the connection's own (REMOTE_ADDR). Log-in throttling "
    "counts failures per address, so behind a proxy this must be set.",
)

SEARCH_CACHE_SECONDS = Option(
    "CYCLOPEDIA_SEARCH_CACHE_SECONDS",
    "600",
    "How long each worker keeps a search answer (a results page, suggestions) in memory at most; "
    "a change to the index makes older answers unreachable at once. 0: no caching.",
)

EMAIL_FROM = Option(
    "CYCLOPEDIA_EMAIL_FROM",
    "Cyclopedia <noreply@localhost>",
    "Sender of the site's e-mail (password resets, notifications).",
)
SMTP_HOST = Option(
    "CYCLOPEDIA_SMTP_HOST",
    "",
    "SMTP server for outgoing e-mail. Unset: e-mails are printed to the console (standard "
    "output of the server) instead of being sent.",
)
SMTP_PORT = Option("CYCLOPEDIA_SMTP_PORT", "587", "SMTP server port.")
SMTP_USER = Option("CYCLOPEDIA_SMTP_USER", "", "SMTP user name, if the server wants one.")
SMTP_PASSWORD = Option("CYCLOPEDIA_SMTP_PASSWORD", "", "SMTP password.")
SMTP_SECURITY = Option(
    "CYCLOPEDIA_SMTP_SECURITY",
    "starttls",
    "How the SMTP connection is protected: starttls (usually port 587), tls (implicit TLS, "
    "usually port 465) or none.",
)

OPTIONS: tuple[Option, ...] = (
    HOME,
    DATABASE_URL,
    DEBUG,
    SECRET_KEY,
    ALLOWED_HOSTS,
    SITE_NAME,
    SITE_URL,
    LOG_LEVEL,
    SECURE,
    WIKIMEDIA_LICENSE_SWITCH,
    PROXY_COUNT,
    SEARCH_CACHE_SECONDS,
    EMAIL_FROM,
    SMTP_HOST,
    SMTP_PORT,
    SMTP_USER,
    SMTP_PASSWORD,
    SMTP_SECURITY,
)
