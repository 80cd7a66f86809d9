# Window Clerk — `make run` and `make test` each work from a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QM_STAMP := resources/translations/.built

# The suite runs on every core (at most 4) with pytest-xdist, a test file per worker at a
# time (module fixtures such as a records service stay in one process). TEST_WORKERS=
# (empty) runs it in one process.
TEST_WORKERS ?= -n auto --maxprocesses 4 --dist loadfile

# mypy's settings (which packages, strict core) are in pyproject.toml.
.PHONY: run test lint forms translations translations-update venv clean debian-run debian-test bench \
	bundle deb nsis package-test

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

# Bring new and changed source strings into the .ts files (then translate the unfinished
# ones in Qt Linguist or by hand; tests/gui/test_i18n.py fails while any is unfinished).
translations-update: $(STAMP)
	@$(PY) -m clerk_app.gui.i18n_build --update

# Regenerate Python code from the Qt Designer forms in ui/.
forms: $(STAMP)
	$(PY) -m clerk_app.gui.forms_build

run: debian-run $(STAMP) translations
	CLERK_HOME=$(CURDIR)/.demo $(PY) -m clerk_app --demo

test: debian-test $(STAMP) translations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider $(TEST_WORKERS)

bench: $(STAMP)
	$(PY) -m bench

# -- packaging (packaging/README.md) ---------------------------------------------------
PKG_STAMP := $(VENV)/.installed-package
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' clerk_app/__init__.py)

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[server,dev,package]'
	@touch $(PKG_STAMP)

# The one-folder PyInstaller build: dist/clerk-app/clerk-app
bundle: $(PKG_STAMP) translations
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/clerk-app.spec

# The Linux package: dist/clerk-app_<version>_<arch>.deb
deb: bundle
	packaging/linux/build-deb.sh dist/clerk-app dist

# The Windows installer from a bundle built on Windows (PAYLOAD=...); here it proves the
# script compiles (tests/packaging/test_nsis.py does the same in `make test`).
nsis:
	makensis -V2 -DPAYLOAD=$(or $(PAYLOAD),dist/clerk-app) -DVERSION=$(VERSION) \
		-DOUTFILE=$(CURDIR)/dist/WindowClerk-Setup-$(VERSION).exe packaging/windows/installer.nsi

# Slow: builds the bundle and the .deb, runs the frozen app and the installed package.
package-test: debian-test deb
	CLERK_PACKAGE_TEST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider \
		tests/packaging/test_bundle.py tests/packaging/test_deb.py \
		tests/packaging/test_frozen_devices.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
