"""Django settings: one module, every value from the options in :mod:`cyclopedia.config.options`."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url

from cyclopedia.config import options

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = Path(options.HOME.get()).expanduser()


def _secret_key() -> str:
    if given := options.SECRET_KEY.get():
        return given
    path = HOME / "secret_key"
    if not path.exists():
        HOME.mkdir(parents=True, exist_ok=True)
        # Written to a private temporary file and linked into place, so that concurrent first
        # runs (several workers) all end up reading the one key that won.
        fd, temporary = tempfile.mkstemp(dir=HOME, prefix=".secret_key.")
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(50))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return path.read_text(encoding="ascii").strip()


def _database() -> dict[str, object]:
    if url := options.DATABASE_URL.get():
        return dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    HOME.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(HOME / "cyclopedia.sqlite3"),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        },
    }


DEBUG = options.DEBUG.get_bool()
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [host.strip() for host in options.ALLOWED_HOSTS.get().split(",") if host.strip()]
SITE_NAME = options.SITE_NAME.get()
SITE_URL = options.SITE_URL.get()
WIKIMEDIA_LICENSE_SWITCH = dt.date.fromisoformat(options.WIKIMEDIA_LICENSE_SWITCH.get())

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "cyclopedia.apps.articles",
    "cyclopedia.apps.ingest",
    "cyclopedia.apps.search",
    "cyclopedia.apps.editorial",
    "cyclopedia.apps.pages",
    "cyclopedia.apps.accounts",
    "cyclopedia.apps.api",
    "ninja",  # its static files: the API docs page
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, compressed ahead of time
    # Pages and JSON, compressed for clients that accept gzip (Django's BREACH mitigation:
    # random padding; CSRF tokens are masked per response).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cyclopedia.apps.pages.middleware.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the 429 lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cyclopedia.config.urls"
WSGI_APPLICATION = "cyclopedia.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cyclopedia.apps.pages.context.site",
            ],
        },
    }
]

DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _seconds(option: options.Option) -> int:
    value = option.get().strip()
    if not value.isdigit():
        raise ValueError(f"{option.name} must be a whole number of seconds, not {value!r}")
    return int(value)


# Each worker's memory: nothing here must be shared (search answers are keyed by the index
# generation read from the database, apps/search/caching.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "search": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "search",
        "TIMEOUT": _seconds(options.SEARCH_CACHE_SECONDS),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Applied by the sign-up and password forms and by `cyclopedia user create` alike.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (docs/accounts.md). django-axes first: it refuses a locked-out log-in before any
# password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 24 * 3600  # a reset link works for one day

# Log-in throttling: failures counted per account and, separately, per address, kept in the
# database (shared by every worker and app server). A lock lifts by itself after the cool-off,
# so an attacker cannot lock a real user out for good; a successful log-in clears the count.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_CLIENT_IP_CALLABLE = "cyclopedia.apps.accounts.client_address.client_address"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful log-ins (Privacy Policy)
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
PROXY_COUNT = int(options.PROXY_COUNT.get())

# E-mail: plain text, printed to the console unless an SMTP server is configured.
DEFAULT_FROM_EMAIL = SERVER_EMAIL = options.EMAIL_FROM.get()
EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
if options.SMTP_HOST.get():
    _smtp_security = options.SMTP_SECURITY.get().strip().lower()
    if _smtp_security not in ("starttls", "tls", "none"):
        raise ValueError(
            f"CYCLOPEDIA_SMTP_SECURITY must be starttls, tls or none, not {_smtp_security!r}"
        )
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = options.SMTP_HOST.get()
    EMAIL_PORT = int(options.SMTP_PORT.get())
    EMAIL_HOST_USER = options.SMTP_USER.get()
    EMAIL_HOST_PASSWORD = options.SMTP_PASSWORD.get()
    EMAIL_USE_TLS = _smtp_security == "starttls"
    EMAIL_USE_SSL = _smtp_security == "tls"
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# Security headers (POLICY.md §4, Accounts); HTTPS-only ones when CYCLOPEDIA_SECURE is on.
SECURE = options.SECURE.get_bool()
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31_536_000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": options.LOG_LEVEL.get().upper()},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
