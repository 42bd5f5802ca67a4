"""Settings for the Project Nexus examples.

Every value that differs between a laptop, CI and production comes from an environment
variable, read with django-environ. The defaults need nothing installed: SQLite, the
local-memory cache and an in-memory Celery broker. Point the variables at real servers to
run the same code against them, for example::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nexus
    DATABASE_URL=mysql://root@127.0.0.1:3306/nexus
    CACHE_URL=redis://127.0.0.1:6379/1
    CELERY_BROKER_URL=amqp://guest:guest@127.0.0.1:5672//
"""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# The committed default key is short on purpose, so `manage.py check --deploy` reports
# security.W009 when a deployment forgot DJANGO_SECRET_KEY. Django itself would serve with
# it, DEBUG or not; config/secret_key.py stops the WSGI and ASGI applications instead.
# --8<-- [start:environment]
# The default is public (it is in git): with DEBUG off, servers refuse to start with it.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-example-key-for-local-use-only")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
# --8<-- [end:environment]

# --8<-- [start:installed_apps]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Third-party
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's and Redoc's files, served from STATIC_URL
    "graphene_django",
    "corsheaders",
    # Knowledge-core examples
    "catalog",
    "api",
    "api_depth",
    "graphql_api",
    "schema_design",
    "tasks",
    "security",
    "troubleshooting",
    "migrations_demo",
    "pooling",
    # Capstone case studies
    "shop",
    "stays",
    "audiobooks",
]
# --8<-- [end:installed_apps]

# --8<-- [start:middleware]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware: static files get its headers and skip everything below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so its redirects and errors get the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django 5.2 has no CSP of its own: this one sets CONTENT_SECURITY_POLICY (below).
    "security.middleware.ContentSecurityPolicyMiddleware",
]
# --8<-- [end:middleware]

# --8<-- [start:https]
# HTTPS settings: off on a laptop (plain http://127.0.0.1:8000), on in production, where the
# ConfigMap (deploy/k8s/configmap.yaml) sets them. `check --deploy` warns about each one off.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)  # W008
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)  # W004
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)  # W021
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=False)  # W012
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=False)  # W016
# Behind a proxy that ends TLS, Django sees plain HTTP and would redirect forever. Trust its
# X-Forwarded-Proto only when the proxy sets it and drops the one a client sends.
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The kubelet's probes speak plain HTTP to the pod: they need a 200, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# --8<-- [end:https]

# --8<-- [start:csp]
# Scripts only from this site and never inline (Swagger UI loads its start script as a file);
# inline styles stay allowed, because the browsable API, Swagger UI and Redoc use them. Redoc
# runs its search in a worker made from a blob: URL.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
# --8<-- [end:csp]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
            ],
        },
    },
]

# --8<-- [start:databases]
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    # utf8mb4 stores every Unicode character (MySQL's "utf8" stops at three bytes).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("charset", "utf8mb4")

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://nexus")}
# --8<-- [end:databases]

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")

# --8<-- [start:celery]
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default="cache+memory://")
# With the in-memory broker there is no worker, so tasks run inline unless told otherwise.
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory://")
)
# Celery's default, written out: a worker acknowledges each message just before the task
# runs, so a worker that dies mid-task loses that task. True (late acknowledgement) would
# have it redelivered instead, and needs tasks that are safe to run twice.
CELERY_TASK_ACKS_LATE = False
# E-mails get a queue of their own: start workers with -Q celery,emails (see tasks app).
CELERY_TASK_ROUTES = {"tasks.tasks.send_welcome_email": {"queue": "emails"}}
# celery -A config beat sends these on schedule; a worker runs them.
CELERY_BEAT_SCHEDULE = {
    "daily-signups-report": {
        "task": "tasks.tasks.generate_daily_signups_report",
        "schedule": crontab(hour=6, minute=0),
    },
}
# --8<-- [end:celery]

# Django's ModelBackend, plus "no such user" for a username with a NUL character, which
# PostgreSQL refuses with an error (DRF's BasicAuthentication passes the header on as is).
AUTHENTICATION_BACKENDS = ["bad_input.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --8<-- [start:static]
STATIC_URL = "static/"
# collectstatic copies every app's static files here; WhiteNoise serves them from here.
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Hashed, compressed names (base.<hash>.css) need collectstatic's manifest, so they are on
# only where collectstatic has run: the image sets DJANGO_STATIC_MANIFEST=true.
STATIC_MANIFEST = env.bool("DJANGO_STATIC_MANIFEST", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # uploads
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
# --8<-- [end:static]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# --- Django REST framework, JWT and OpenAPI (owned by the api app's pages) ---------------
# --8<-- [start:rest_framework]
REST_FRAMEWORK = {
    # drf-spectacular's AutoSchema, plus public reads and error responses (config/schema.py).
    "DEFAULT_SCHEMA_CLASS": "config.schema.ProjectAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.URLPathVersioning",
    "DEFAULT_VERSION": "v1",
    "ALLOWED_VERSIONS": ["v1", "v2"],
    # DRF's three parsers, JSON replaced by one that answers 400, not 500, for a body
    # nested too deeply for Python's json module (bad_input/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "bad_input.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # How many proxies in front of the app add to X-Forwarded-For (1 behind the Ingress):
    # throttles then count the address the last one saw. Unset: see config/token_views.py.
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=None),
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 5,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
}
# --8<-- [end:rest_framework]

# --8<-- [start:spectacular]
SPECTACULAR_SETTINGS = {
    "TITLE": "Project Nexus examples API",
    "DESCRIPTION": "The REST APIs of the examples project, starting with the bookshop catalog.",
    "VERSION": "1.0.0",
    # Leave the schema endpoint itself out of the schema it serves.
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components (BookRequest vs Book): write-only and
    # read-only fields then show up only where they apply, and generated clients get it right.
    "COMPONENT_SPLIT_REQUEST": True,
    # Strip "/api/v1" when naming operations and grouping them: tag "books", not "v1".
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    # Swagger UI and Redoc from drf-spectacular-sidecar's static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No "valid" badge from validator.swagger.io: the page talks to this site only.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}
# --8<-- [end:spectacular]

# --- CORS (owned by the security pages and the CORS challenge) -----------------------------
# --8<-- [start:cors]
# Pages on these origins may read the API's responses: scheme, host and port, no path.
# The default is a frontend dev server on Vite's port; production lists its real frontends.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["http://localhost:5173"])
# --8<-- [end:cors]

# --- GraphQL (owned by the graphql_api app's pages) ----------------------------------------
GRAPHENE = {
    "SCHEMA": "graphql_api.schema.schema",
}
