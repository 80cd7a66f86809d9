# Window Clerk — `make run` and `make test` each work from a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QM_STAMP := resources/translations/.built

.PHONY: run test lint forms translations venv clean debian-run debian-test bench

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[server,dev]'
	@touch $(STAMP)

venv: $(STAMP)

debian-run:
	@tools/ensure-debian-packages.sh run

debian-test:
	@tools/ensure-debian-packages.sh test

# Compile Qt Linguist sources (.ts) into the .qm files the app loads.
translations: $(STAMP)
	@$(PY) -m clerk_app.gui.i18n_build

# Regenerate Python code from the Qt Designer forms in ui/.
forms: $(STAMP)
	$(PY) -m clerk_app.gui.forms_build

run: debian-run $(STAMP) translations
	CLERK_HOME=$(CURDIR)/.demo $(PY) -m clerk_app --demo

test: debian-test $(STAMP) translations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
