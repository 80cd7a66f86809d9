"""Project-wide test set-up: offscreen Qt, a test keyring, Hypothesis profiles.

The keyring: headless test machines have no secure one, so the tests install
``tests.helpers.test_keyring.SharedTestKeyring`` (a file the test process and its children
share, as a desk's processes share the OS keyring). The fixture ``no_secure_keyring``
puts keyring's ``fail`` backend in its place for one test, as on a desk without any.
"""

from __future__ import annotations

import os

# Before anything imports Qt: no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep test runs out of the real user folders.
os.environ.setdefault("CLERK_TEST_RUN", "1")

import atexit
import gc
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings
from keyring.backends import fail

from tests.helpers.test_keyring import ENV as TEST_KEYRING_ENV
from tests.helpers.test_keyring import SharedTestKeyring

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# One keyring file per test process, shared with its child processes (they inherit the
# environment); removed at exit by the process that made it. Each xdist worker makes its
# own: the workers inherit the controller's environment, and with one file for all of them
# a desk signing in "demo-clerk" at W01 in one worker replaced the token another worker's
# test had just kept under the same name (a CI failure).
_KEYRING_OWNER_ENV = "CLERK_TEST_KEYRING_OWNER"
_keyring_owner = os.environ.get("PYTEST_XDIST_WORKER", "")
if not os.environ.get(TEST_KEYRING_ENV) or os.environ.get(_KEYRING_OWNER_ENV, "") != _keyring_owner:
    _keyring_folder = tempfile.mkdtemp(prefix="clerk-test-keyring-")
    atexit.register(shutil.rmtree, _keyring_folder, True)
    os.environ[TEST_KEYRING_ENV] = str(Path(_keyring_folder) / "keyring.json")
    os.environ[_KEYRING_OWNER_ENV] = _keyring_owner
# Qt's own settings (QFileDialog's history in QtProject.conf) and anything else that writes
# the user's configuration folder go to a folder of this run, removed at exit.
if not os.environ.get("CLERK_TEST_CONFIG_HOME"):
    _config_home = tempfile.mkdtemp(prefix="clerk-test-config-")
    atexit.register(shutil.rmtree, _config_home, True)
    os.environ["CLERK_TEST_CONFIG_HOME"] = os.environ["XDG_CONFIG_HOME"] = _config_home
# The sound client espeak-ng uses (PulseAudio's) makes a runtime folder: without a session's
# XDG_RUNTIME_DIR it would leave /tmp/pulse-* behind every run; give it one inside the run's.
if not os.environ.get("XDG_RUNTIME_DIR"):
    _runtime = Path(os.environ["CLERK_TEST_CONFIG_HOME"]) / "runtime"
    _runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(_runtime)
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.helpers.test_keyring.SharedTestKeyring"
_ROOT = str(Path(__file__).resolve().parents[1])  # children import the keyring from here
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_ROOT, os.environ.get("PYTHONPATH", "")) if p
)
keyring.set_keyring(SharedTestKeyring())


# Cyclic garbage is collected on the main thread only, between tests, as the app's
# clerk_app.gui.gc_guard.GarbageCollector does on the GUI thread: left automatic, a
# collection could start on a worker thread and destroy a previous test's widgets there,
# which crashes Qt (a segmentation fault seen in a full run).
gc.disable()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _process_umask() -> Iterator[None]:
    """``build_context`` makes the desk's process umask 077 (its files are private); the
    next test (and the services it starts) gets the umask the run began with."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture
def no_secure_keyring() -> Iterator[None]:
    """A desk without a secure keyring (keyring's ``fail`` backend), for one test; children
    started meanwhile get it too."""
    before = keyring.get_keyring()
    env_before = os.environ["PYTHON_KEYRING_BACKEND"]
    keyring.set_keyring(fail.Keyring())
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    try:
        yield
    finally:
        keyring.set_keyring(before)
        os.environ["PYTHON_KEYRING_BACKEND"] = env_before


pytest_plugins = ["tests.helpers.service"]
