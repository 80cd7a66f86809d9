"""GUI test set-up: the app's English translation is installed, as the running app does."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.gui import i18n_build
from clerk_app.gui.i18n import install_translations


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory) -> Path:
    """The .ts files compiled into a temp folder (tests never need `make translations`)."""
    out = tmp_path_factory.mktemp("qm")
    i18n_build.release(sorted(i18n_build.TRANSLATIONS_DIR.glob("clerk_*.ts")), out)
    return out


@pytest.fixture(autouse=True)
def english(qapp, qm_dir):
    install_translations("en", qm_dir)
    yield
    install_translations("en", qm_dir)
