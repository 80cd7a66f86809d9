"""The service's min_client_version: sign-in says which version is needed; self-check FAILs."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from clerk_app import __version__
from clerk_app.core.provisioning import load_provisioning
from clerk_app.gui.ops import error_message
from clerk_app.paths import default_paths
from clerk_app.remote.api import ApiClient, ApiError
from clerk_app.selfcheck import Level, run_checks

DEMO = Path(__file__).resolve().parents[2] / "resources" / "provisioning" / "demo-W01.toml"


def test_too_old_client_is_told_the_required_version(service_factory, tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path))
    service = service_factory(env={"CLERK_MIN_CLIENT_VERSION": "9.1.0"})
    api = ApiClient(service.base_url, timeout=(3.05, 10))
    try:
        with pytest.raises(ApiError) as exc:
            api.login("demo-clerk", "demo-pass-2026", "W01", str(uuid.uuid4()), __version__)
    finally:
        api.close()
    assert exc.value.status == 426
    message = error_message(exc.value)
    assert "9.1.0" in message and __version__ in message and "Ask IT" in message

    window = tmp_path / "window.toml"
    window.write_text(
        DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", service.base_url), "utf-8"
    )
    results = run_checks(default_paths(), load_provisioning(window))
    service_line = next(r for r in results if r.name == "service")
    assert service_line.level is Level.FAIL
    assert "needs 9.1.0" in service_line.en and "信息科" in service_line.zh
