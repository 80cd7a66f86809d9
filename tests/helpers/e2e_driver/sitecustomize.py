"""Loaded at start-up by a client process an e2e test starts: see tests/helpers/client_driver.py."""

import clerk_app.gui.app
from tests.helpers.client_driver import take_in_one_case

clerk_app.gui.app._run_smoke = take_in_one_case
