"""`clerk-app self-check` against a live records service, a dead port, and a TLS service."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import trustme

from clerk_app.core.clock import FixedClock
from clerk_app.core.provisioning import MACHINE_DIR_ENV, load_provisioning
from clerk_app.gui.selfcheck_qt import qt_checks
from clerk_app.paths import default_paths
from clerk_app.selfcheck import Level, _clock_result, check_database, exit_code, run_checks

REPO = Path(__file__).resolve().parents[2]

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "provisioning" / "demo-W01.toml"


def provisioning_for(tmp_path: Path, url: str, extra: str = "") -> Path:
    text = DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", url)
    text = text.replace("# ca_bundle = ", "ca_bundle = ") if extra else text
    path = tmp_path / "window.toml"
    path.write_text(text.replace("center-ca.pem", extra), "utf-8")
    return path


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "CLERK_HOME": str(tmp_path / "home"),
        MACHINE_DIR_ENV: str(tmp_path / "machine"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "self-check", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def levels(output: str) -> dict[str, str]:
    return {line.split()[1].rstrip(":"): line.split()[0] for line in output.splitlines()}


def test_live_service_passes_with_warnings_only(records_service, tmp_path):
    window = provisioning_for(tmp_path, records_service.base_url)
    result = run_cli(tmp_path, "--provisioning", str(window), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    got = levels(result.stdout)
    assert got["service"] == "OK" and got["clock"] == "OK", result.stdout
    assert got["tls"] == "WARN"  # plain http to 127.0.0.1
    assert got["keyring"] == "WARN"  # the fail backend: tokens in memory only
    assert got["font"] == "OK" and got["translations"] == "OK"
    assert "reachable (service" in result.stdout


def test_dead_port_fails_with_what_to_do(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    window = provisioning_for(tmp_path, f"http://127.0.0.1:{port}")
    result = run_cli(tmp_path, "--provisioning", str(window))
    assert result.returncode == 1
    line = next(x for x in result.stdout.splitlines() if x.startswith("FAIL service"))
    assert "无法连接" in line and "service.url" in line


def test_no_provisioning_at_all_fails_and_says_run_provision(tmp_path):
    result = run_cli(tmp_path, "--lang", "en")
    assert result.returncode == 1
    assert "FAIL provisioning: this PC is not set up" in result.stdout


def test_tls_chain_checked_against_the_provisioned_ca(service_factory, tmp_path, qapp, monkeypatch):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path / "home"))
    ca = trustme.CA(organization_name="Window Clerk self-check CA")
    cert = ca.issue_cert("127.0.0.1")
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    service = service_factory(tls=(cert_file, key_file))
    paths = default_paths()

    trusted = load_provisioning(provisioning_for(tmp_path, service.base_url, "ca.pem"))
    by_name = {
        r.name: r for r in run_checks(paths, trusted, qt_checks=lambda p: qt_checks(p, ["P1"]))
    }
    assert by_name["tls"].level is Level.OK and by_name["service"].level is Level.OK

    untrusted = load_provisioning(provisioning_for(tmp_path, service.base_url))
    results = run_checks(paths, untrusted, qt_checks=lambda p: qt_checks(p, []))
    by_name = {r.name: r for r in results}
    assert by_name["tls"].level is Level.FAIL
    assert "certificate is not trusted" in by_name["tls"].en
    assert "CERTIFICATE_VERIFY_FAILED" in by_name["tls"].detail  # the words for IT, apart
    assert "CERTIFICATE_VERIFY_FAILED" not in by_name["tls"].en + by_name["tls"].zh
    assert by_name["printers"].level is Level.WARN
    assert exit_code(results) == 1


def test_clock_skew_levels():
    now = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    header = "Sat, 28 Nov 2026 08:00:00 GMT"
    assert _clock_result(header, FixedClock(now).now()).level is Level.OK
    assert _clock_result(header, now + timedelta(seconds=90)).level is Level.WARN
    late = _clock_result(header, now + timedelta(minutes=10))
    assert late.level is Level.FAIL and "+600 s" in late.en and "NTP" in late.en


def test_database_integrity_backlog_and_rejected(tmp_path, monkeypatch):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path))
    paths = default_paths().ensure()
    con = sqlite3.connect(paths.database)
    con.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, state TEXT, created_at TEXT)")
    con.executemany("INSERT INTO outbox (state) VALUES (?)", [("pending",)] * 3 + [("rejected",)])
    con.commit()
    con.close()
    database, outbox = check_database(paths)
    # Read fine, but plain SQLite (an old client's file): the desk encrypts it at its start.
    assert database.level is Level.WARN and "NOT encrypted" in database.en
    assert outbox.level is Level.WARN and outbox.en.startswith("3 waiting, 1 rejected")

    paths.database.write_bytes(b"this is not a database at all" * 200)
    database, _ = check_database(paths)
    assert database.level is Level.FAIL and "do not delete" in database.en


def test_items_waiting_longer_than_the_provisioned_limit_are_a_warning(tmp_path):
    """A real (encrypted) desk database with one item in its outbox: OK while it is young,
    WARN once it has waited longer than ``[sync] max_waiting_hours`` (issue 15)."""
    from clerk_app.app.context import build_context, demo_provisioning
    from clerk_app.paths import Paths

    start = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    clock = FixedClock(start)
    paths = Paths(tmp_path / "data", tmp_path / "config", tmp_path / "log", tmp_path / "docs")
    prov = demo_provisioning(
        REPO / "resources" / "provisioning" / "demo-W01.toml", "http://127.0.0.1:9"
    )
    context = build_context(prov, paths.ensure(), clock=clock)
    try:
        context.backend.store.enqueue(
            kind="client_event", method="POST", path="/audit/client-events",
            idempotency_key="k-1", body={"events": []},
        )  # fmt: skip
    finally:
        context.close()
    assert prov.max_waiting_hours == 24

    def outbox_at(hours: float, limit: int | None = 24):
        _db, outbox = check_database(
            paths, now=start + timedelta(hours=hours), max_waiting_hours=limit
        )
        return outbox

    young = outbox_at(2)
    assert young.level is Level.OK and young.en == "1 waiting, 0 rejected"
    old = outbox_at(25)
    assert old.level is Level.WARN
    assert "the oldest has waited 25 hours" in old.en and "已等待 25 小时" in old.zh
    assert outbox_at(25, limit=48).level is Level.OK  # the provisioned limit decides
