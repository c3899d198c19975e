"""Settings for Tribune, read strictly from the environment.

SQLite (WAL) under TRIBUNE_DATA_DIR by default; PostgreSQL when DATABASE_URL is set.
"""

import datetime
import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name: str, default: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated addresses or networks (10.0.0.5, 10.1.0.0/16, ::1)."""
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an address or network") from exc
    return networks


def env_positive(name: str, default: int) -> int:
    value = env_int(name, default)
    if value <= 0:
        raise ImproperlyConfigured(f"{name} must be a positive integer, not {value}")
    return value


def env_secret(name: str) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE."""
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {exc}") from exc
    return None


DATA_DIR = Path(os.environ.get("TRIBUNE_DATA_DIR") or Path.cwd() / "var").resolve()


def _secret_key() -> str:
    key = env_secret("SECRET_KEY")
    if key:
        return key
    # Generated once and kept in the data dir, so sessions survive a restart.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "tribune.jobs",
    "tribune.kit",
    "axes",
    "tribune.org",
    "tribune.outlets",
    "tribune.newsroom",
    "tribune.planning",
    "tribune.deputies",
    "tribune.assessment",
    "tribune.web",
    # After the apps: the kit's form templates (templates/django/forms/) override Django's.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CSRF reads POST): refuses an oversized body by its
    # Content-Length, with a page in the user's language.
    "tribune.org.middleware.RequestSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tribune.org.middleware.MemberMiddleware",
    # After the member is known: idle and absolute session timeouts, forced password change.
    "tribune.org.middleware.SessionSecurityMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Forms and widgets render through the project's templates, so the kit's templates/django/forms/
# (one form template, one field template; a faster select) are what every form draws.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "tribune.urls"
WSGI_APPLICATION = "tribune.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tribune.web.context_processors.navigation",
            ],
            "builtins": ["tribune.kit.templatetags.tribune"],
        },
    }
]

_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {exc}") from exc
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "tribune.sqlite3",
            # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
            # BEGIN so two writers queue instead of failing with "database is locked" mid-way.
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs (tribune.jobs): Django's tasks API with the database backend, so the SQLite
# default and a PostgreSQL deployment with workers on several machines run the same code.
# `tribune worker` runs them; `tribune serve` starts one worker beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Run each job at once, in the caller's thread, instead of queueing it (the test settings).
TRIBUNE_JOBS_EAGER = env_bool("TRIBUNE_JOBS_EAGER", False)

# --- Security: logins, passwords, sessions (等保 2.0 level 2; docs/security.md) -------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked account or address before the password is checked.
    "tribune.org.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout (tribune/org/lockout.py): an account after N failures within the window, for the lock
# time; an address only at a much higher count (a whole office shares one address behind NAT).
TRIBUNE_LOCKOUT_FAILURES = env_positive("TRIBUNE_LOCKOUT_FAILURES", 5)
TRIBUNE_LOCKOUT_WINDOW_MINUTES = env_positive("TRIBUNE_LOCKOUT_WINDOW_MINUTES", 15)
TRIBUNE_LOCKOUT_MINUTES = env_positive("TRIBUNE_LOCKOUT_MINUTES", 30)
TRIBUNE_LOCKOUT_ADDRESS_FAILURES = env_positive("TRIBUNE_LOCKOUT_ADDRESS_FAILURES", 50)
AXES_HANDLER = "tribune.org.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = TRIBUNE_LOCKOUT_FAILURES
AXES_COOLOFF_TIME = datetime.timedelta(minutes=TRIBUNE_LOCKOUT_MINUTES)
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # one row per failure, with its time: the handler counts them
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "tribune.org.middleware.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "tribune.org.lockout.lockout_response"
AXES_VERBOSE = False

# Passwords (tribune/org/passwords.py): length and character classes, not the login name, not
# common; changed at first login and after an administrator's reset; expiry (0: never).
TRIBUNE_PASSWORD_MIN_LENGTH = env_positive("TRIBUNE_PASSWORD_MIN_LENGTH", 8)
TRIBUNE_PASSWORD_CLASSES = env_int("TRIBUNE_PASSWORD_CLASSES", 3)
if not 1 <= TRIBUNE_PASSWORD_CLASSES <= 4:
    raise ImproperlyConfigured("TRIBUNE_PASSWORD_CLASSES must be between 1 and 4")
TRIBUNE_PASSWORD_MAX_AGE_DAYS = env_int("TRIBUNE_PASSWORD_MAX_AGE_DAYS", 90)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "tribune.org.passwords.MinimumLengthValidator"},
    {"NAME": "tribune.org.passwords.CharacterClassesValidator"},
    {"NAME": "tribune.org.passwords.NotTheUserNameValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Sessions: closed after an idle time and after an absolute lifetime, whichever comes first. The
# last-seen time is written at most once a minute, and polling requests (X-Tribune-Poll) do not
# count as activity (SessionSecurityMiddleware).
TRIBUNE_SESSION_IDLE_MINUTES = env_positive("TRIBUNE_SESSION_IDLE_MINUTES", 30)
TRIBUNE_SESSION_MAX_HOURS = env_positive("TRIBUNE_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = TRIBUNE_SESSION_MAX_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Security: transport and headers (等保 2.0 level 2; docs/security.md) -----------------------
# Behind the intranet's HTTPS proxy, switch these on (the README's production recipe does), and
# `tribune check --deploy` is clean.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's health check may come over plain HTTP
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# The proxy says a request came over HTTPS with `X-Forwarded-Proto: https` (it must overwrite
# whatever the client sent); without this the SSL redirect would loop.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Reverse proxies whose X-Real-IP is believed (addresses or networks). From any other peer the
# header is ignored and the peer's own address is what the audit log and the lockout see.
TRIBUNE_TRUSTED_PROXIES = env_networks("TRIBUNE_TRUSTED_PROXIES", [])

# Content-Security-Policy (django-csp): scripts only from our own static files, no inline script,
# no eval (htmx runs with allowEval off, see base.html). Inline *styles* stay allowed: templates
# use style attributes and ECharts draws with them; they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise wants it to exist, even if empty
MEDIA_ROOT = Path(os.environ.get("TRIBUNE_MEDIA_DIR") or DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the app folders, so `tribune serve` needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Upload limits, in megabytes (per file).
TRIBUNE_MAX_IMAGE_MB = env_int("TRIBUNE_MAX_IMAGE_MB", 10)
TRIBUNE_MAX_VIDEO_MB = env_int("TRIBUNE_MAX_VIDEO_MB", 200)
TRIBUNE_MAX_DOCUMENT_MB = env_int("TRIBUNE_MAX_DOCUMENT_MB", 20)
# The whole request body, refused by its Content-Length before it is read: the largest upload
# limit plus room for the form around it.
TRIBUNE_MAX_REQUEST_MB = env_positive(
    "TRIBUNE_MAX_REQUEST_MB", max(TRIBUNE_MAX_IMAGE_MB, TRIBUNE_MAX_VIDEO_MB, TRIBUNE_MAX_DOCUMENT_MB) + 2)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tribune@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.locmem.EmailBackend"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refusal (403) is an expected event, recorded in the audit log: one WARNING line, no traceback.
    "filters": {"forbidden_one_line": {"()": "tribune.org.logfilters.ForbiddenWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["forbidden_one_line"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
