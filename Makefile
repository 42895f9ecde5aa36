# The portal's commands. On a fresh clone: `make run` (serve the demo) and `make test` (the suite).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint format messages bench clean help

help:
	@echo "make run    - install, migrate, load the demo data, serve http://$(HOST):$(PORT) with a Celery worker"
	@echo "make test   - install what the tests need and run lint, migration check and the whole suite"
	@echo "make bench  - measure pages, reports and imports (see docs/performance.md)"
	@echo "make messages - extract and compile translations"

$(VENV)/.run-installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.run-installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.run-installed
	$(PY) manage.py migrate --noinput
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(PY) manage.py load_demo_data
	HOST=$(HOST) PORT=$(PORT) scripts/run.sh

test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_translations.py
	$(PY) scripts/translation_conflicts.py
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

# Against PostgreSQL only (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/nscl_bench, created if
# missing); generates the national-scale data on first use. BENCH_ARGS="--skip-load --repeat 10" for a quick run.
bench: $(VENV)/.dev-installed
	$(PY) scripts/bench.py $(BENCH_ARGS)

messages: $(VENV)/.dev-installed
	$(PY) scripts/messages.py

clean:
	rm -rf var staticfiles .pytest_cache
