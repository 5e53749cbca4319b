# Two commands for a fresh Debian 12 machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
# The test LRS (Ralph) lives apart: its dependencies must not change .venv's.
LRS_VENV := .venv-lrs
PY := $(VENV)/bin/python
PORT ?= 8000
# Two test processes (pytest-xdist): CI has two cores and runs the suite twice.
# `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n 2
# `make run` serves with DEBUG off and a generated key; `make run DEBUG=1` for tracebacks.
DEBUG ?=
RUN_SETTINGS := $(if $(filter 1 true yes on,$(DEBUG)),config.settings.dev,config.settings.embedded)
# System packages the test suite drives for real.
TEST_PACKAGES := ffmpeg gettext fonts-dejavu-core fonts-dejavu-extra chromium redis-server
# The independent credential verifier (tests/verifier, npm ci from the tests); only
# when no npm is on PATH: a NodeSource nodejs bundles npm and conflicts with Debian's.
TEST_NODE_PACKAGES := nodejs npm
RUN_PACKAGES := ffmpeg gettext fonts-dejavu-core fonts-dejavu-extra

.PHONY: run test lint format messages install install-dev lrs

run: $(VENV)/.runtime
	@.ci/apt-install $(RUN_PACKAGES)
	@$(MAKE) --no-print-directory messages
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(PY) manage.py load_demo --port $(PORT)
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) exec $(PY) manage.py runplatform --port $(PORT)

test: $(VENV)/.dev $(LRS_VENV)/.installed
	@.ci/apt-install $(TEST_PACKAGES)
	@command -v npm >/dev/null || .ci/apt-install $(TEST_NODE_PACKAGES)
	@$(MAKE) --no-print-directory messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.runtime
	@DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py compilemessages --ignore=.venv -v0

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev
lrs: $(LRS_VENV)/.installed

$(VENV)/bin/python:
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || .ci/apt-install python3-venv
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install -q -r requirements-dev.txt
	@touch $@

$(LRS_VENV)/.installed: requirements-lrs.txt
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || .ci/apt-install python3-venv
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/python -m pip install -q --upgrade pip
	$(LRS_VENV)/bin/python -m pip install -q -r requirements-lrs.txt
	@touch $@
