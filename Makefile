# The two commands of the README: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint setup system-run system-test clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-run:
	scripts/system-deps.sh run

system-test:
	scripts/system-deps.sh test

run: setup system-run
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: setup
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

test: lint system-test
	scripts/with-postgres.sh $(VENV)/bin/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles
