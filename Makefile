# Tribune. Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TRIBUNE := $(VENV)/bin/tribune
PYTEST_ARGS ?=

.PHONY: run test lint install install-dev browser messages ci

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, migrate, load the demo data if the database is empty, serve on :8000
run: install
	$(TRIBUNE) migrate --noinput
	$(TRIBUNE) demo

## Debian's Chromium and CJK fonts for the browser tests (Playwright cannot download browsers here)
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
		echo "Installing Debian's chromium and fonts-noto-cjk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

lint: install-dev
	$(VENV)/bin/ruff check .

## make test: lint, then the whole suite (browser tests included) on two cores
test: install-dev browser lint
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

## recompile the translation catalogues after editing a .po file
messages: install-dev
	cd tribune && ../$(TRIBUNE) compilemessages --ignore='.venv'

ci:
	bash .ci/run
