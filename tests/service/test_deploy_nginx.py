"""The deployment past one machine (issue 20), run where it can be here: Debian's nginx with
``records_service/deploy/nginx-clerk-records.conf`` (ports, certificate and log rendered
into a temp folder, TLS from a throwaway CA) in front of two records-service processes on
one SQLite file; the systemd units checked by ``systemd-analyze verify``.

SQLite only: what is tested is the proxy in front of the processes (spreading, passing an
instance that died, headers, body size); two processes on one PostgreSQL database are
tested by the service suites' own multi-worker runs.
"""

from __future__ import annotations

import ctypes
import http.client
import json
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import trustme

from tests.helpers.service import (
    DEMO_PASSWORD,
    REPO_ROOT,
    TEST_NOW,
    RunningService,
    ServiceLauncher,
    _free_port,
)
from tests.helpers.service_api import case_body

DEPLOY = REPO_ROOT / "records_service/deploy"
EXAMPLE = DEPLOY / "nginx-clerk-records.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
SERVER_LINE = re.compile(r"^(\s*server )127\.0\.0\.1:\d+( [^;]*;)$", re.MULTILINE)

needs_nginx = pytest.mark.skipif(
    not Path(NGINX).exists(),
    reason="NO NGINX: `tools/ensure-debian-packages.sh test` installs Debian's nginx; the "
    "deployment example is NOT tested on this machine",
)


def render(example: str, *, https: int, http: int, upstreams: list[int], folder: Path) -> str:
    """The example with this test's ports, certificate and log (nothing else changed)."""
    servers = SERVER_LINE.findall(example)
    assert len(servers) == len(upstreams), "the example lists two instances: update the test"
    lines = iter(upstreams)
    text = SERVER_LINE.sub(lambda m: f"{m[1]}127.0.0.1:{next(lines)}{m[2]}", example)
    replacements = {
        "listen 443 ssl;": f"listen 127.0.0.1:{https} ssl;",
        "listen 80;": f"listen 127.0.0.1:{http};",
        "/etc/nginx/tls/records.example.gov.cn.crt": str(folder / "cert.pem"),
        "/etc/nginx/tls/records.example.gov.cn.key": str(folder / "key.pem"),
        "/var/log/nginx/clerk-records.access.log": str(folder / "access.log"),
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, f"{old!r} is no longer in the example: update the test"
        text = text.replace(old, new)
    return text


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@dataclass
class Proxy:
    """nginx on 127.0.0.1 (``https`` port) in front of ``instances``."""

    https: int
    folder: Path
    context: ssl.SSLContext
    instances: list[RunningService]
    sent: int = 0  # requests sent through nginx so far

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        *,
        source: str = "127.0.0.1",
        raw: bytes | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPSConnection(
            "127.0.0.1", self.https, timeout=30, context=self.context, source_address=(source, 0)
        )
        self.sent += 1
        try:
            payload = raw if raw is not None else None if body is None else json.dumps(body)
            given = {"Content-Type": "application/json", **(headers or {})}
            conn.request(method, "/api/v1" + path, body=payload, headers=given)
            answer = conn.getresponse()
            return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
        finally:
            conn.close()

    def upstreams(self, since: int = 0, count: int = 0) -> list[str]:
        """Per request logged after the first ``since``, the instance addresses nginx tried
        (in order); waits (up to 5 s) for ``count`` of them: nginx writes a request's line
        after its answer has gone out, so a client can be faster than the log."""
        deadline = time.monotonic() + 5
        while True:
            log = (self.folder / "access.log").read_text(encoding="utf-8").splitlines()[since:]
            if len(log) >= count or time.monotonic() > deadline:
                break
            time.sleep(0.02)  # bounded wait for a real process's log line
        pattern = re.compile(r"upstream=(\S+(?:, \S+)*) upstream_status")
        return [m[1] for m in map(pattern.search, log) if m]


def _start_nginx(folder: Path, upstreams: list[int]) -> tuple[subprocess.Popen[bytes], int]:
    for _attempt in range(3):  # another process may take a free port first
        https, http_port = _free_port(), _free_port()
        site = render(
            EXAMPLE.read_text(encoding="utf-8"),
            https=https,
            http=http_port,
            upstreams=upstreams,
            folder=folder,
        )
        (folder / "nginx.conf").write_text(
            "daemon off;\nmaster_process off;\nworker_processes 1;\n"
            f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log notice;\n"
            "events { worker_connections 128; }\nhttp {\n"
            + "".join(
                f"    {kind}_temp_path {folder}/{kind};\n"
                for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + site
            + "\n}\n",
            encoding="utf-8",
        )
        with open(folder / "stderr.log", "wb") as stderr:
            process = subprocess.Popen(
                [NGINX, "-p", f"{folder}/", "-c", str(folder / "nginx.conf"), "-e", "stderr"],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                preexec_fn=_die_with_parent,  # a plain prctl, no Python state
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", http_port), timeout=1).close()
                return process, https
            except OSError:
                time.sleep(0.05)  # bounded start-up poll of a real process
        process.kill()
        process.wait(timeout=10)
    pytest.fail("nginx did not start:\n" + (folder / "stderr.log").read_text(errors="replace"))


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory, records_template_db) -> Iterator[Proxy]:
    folder = tmp_path_factory.mktemp("nginx")
    launcher = ServiceLauncher(folder / "services", records_template_db, clock=TEST_NOW)
    env = {"CLERK_TRUSTED_PROXIES": "127.0.0.1"}
    process: subprocess.Popen[bytes] | None = None
    try:
        first = launcher.start(env=env)
        second = launcher.start(env=env, database_path=first.database_path)
        ca = trustme.CA(organization_name="Window Clerk nginx test CA")
        cert = ca.issue_cert("127.0.0.1")
        cert.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
        cert.private_key_pem.write_to_path(str(folder / "key.pem"))
        context = ssl.create_default_context()
        ca.configure_trust(context)
        ports = [int(s.base_url.rsplit(":", 1)[1]) for s in (first, second)]
        process, https = _start_nginx(folder, ports)
        yield Proxy(https, folder, context, [first, second])
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
        launcher.stop_all()


def _port(instance: RunningService) -> str:
    return instance.base_url.rsplit(":", 1)[1]


@needs_nginx
def test_requests_are_spread_over_both_instances(proxy: Proxy) -> None:
    before = len(proxy.upstreams(count=proxy.sent))
    for _ in range(6):
        status, _headers, _body = proxy.call("GET", "/health")
        assert status == 200
    answered = {u.rsplit(":", 1)[1] for u in proxy.upstreams(before, 6)}
    assert answered == {_port(i) for i in proxy.instances}


@needs_nginx
def test_the_service_sees_the_desks_address_not_the_one_it_claims(proxy: Proxy) -> None:
    # A desk on 127.0.0.3 claims another address: nginx replaces the header with the
    # address it saw, and the service (trusting nginx) records that one.
    status, _headers, body = proxy.call(
        "POST",
        "/auth/login",
        {"username": "demo-clerk", "password": DEMO_PASSWORD, "window_code": "W01"},
        {"X-Forwarded-For": "203.0.113.9"},
        source="127.0.0.3",
    )
    assert status == 200, body
    rows = proxy.instances[0].sql(
        "SELECT client_ip FROM audit_records WHERE action = 'login' ORDER BY id DESC LIMIT 1"
    )
    assert rows == [("127.0.0.3",)]


@needs_nginx
def test_a_case_sent_twice_through_the_proxy_is_stored_once(proxy: Proxy) -> None:
    _status, _h, login = proxy.call(
        "POST",
        "/auth/login",
        {"username": "demo-clerk", "password": DEMO_PASSWORD, "window_code": "W01"},
    )
    token = json.loads(login)["access_token"]
    case = case_body(seq=880_001)
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": case["id"]}
    before = len(proxy.upstreams(count=proxy.sent))
    # The reply to the first was "lost": the desk sends the same write again, and the
    # round robin hands it to the other instance.
    answers = [proxy.call("POST", "/cases", case, headers) for _ in range(2)]
    assert [a[0] for a in answers] == [201, 201]
    assert json.loads(answers[0][2]) == json.loads(answers[1][2])
    assert len(set(proxy.upstreams(before, 2))) == 2
    stored = proxy.instances[0].sql(
        "SELECT count(*) FROM cases WHERE case_no = :no", no=case["case_no"]
    )
    assert stored == [(1,)]


@needs_nginx
def test_a_chunk_passes_the_proxy_and_a_larger_body_does_not(proxy: Proxy) -> None:
    # 512 KiB (an attachment chunk) reaches the service, which answers it (here: nobody
    # signed in, its own 401 problem); 1.1 MB (over 1m) is refused by nginx before any instance.
    chunk = b"\0" * (512 * 1024)
    upload = "/uploads/00000000-0000-4000-8000-000000000000"
    status, headers, _ = proxy.call(
        "PUT", upload, raw=chunk, headers={"Content-Range": "bytes 0-524287/524288"}
    )
    assert status != 413 and headers["content-type"].startswith("application/problem+json")
    status, headers, _ = proxy.call("PUT", "/uploads/x", raw=b"\0" * 1_100_000)
    assert status == 413 and not headers["content-type"].startswith("application/problem")


@needs_nginx
def test_an_instance_killed_leaves_the_service_answering(proxy: Proxy) -> None:
    dead, alive = proxy.instances
    dead.process.send_signal(signal.SIGKILL)
    dead.process.wait(timeout=10)
    before = len(proxy.upstreams(count=proxy.sent))
    statuses = [proxy.call("GET", "/health")[0] for _ in range(8)]
    assert statuses == [200] * 8
    tried = proxy.upstreams(before, 8)
    # Every request was answered by the live instance; the dead one was tried (and
    # passed over) at most max_fails=2 times, then left alone for fail_timeout.
    assert all(t.rsplit(":", 1)[1] == _port(alive) for t in tried), tried
    assert 1 <= sum(f":{_port(dead)}" in t for t in tried) <= 2, tried
    assert all(f":{_port(dead)}" not in t for t in tried[-4:]), tried


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="no systemd-analyze on this machine")
def test_the_systemd_units_verify(tmp_path: Path) -> None:
    # Every unit of deploy/ (the template as one instance), where they say
    # /opt/clerk-records/venv this checkout's venv: the entry point they start must exist.
    entry = Path(sys.executable).parent / "clerk-records"
    assert entry.exists(), "no clerk-records entry point (pip install -e .[server])"
    units = sorted([*DEPLOY.glob("*.service"), *DEPLOY.glob("*.timer")])
    assert {"clerk-records.service", "clerk-records@.service"} <= {u.name for u in units}
    for unit in units:
        text = unit.read_text(encoding="utf-8")
        if unit.suffix == ".service":
            assert "ExecStart=/opt/clerk-records/venv/bin/clerk-records " in text, unit.name
        target = tmp_path / unit.name.replace("@.", "@8441.")
        target.write_text(text.replace("/opt/clerk-records/venv/bin/clerk-records", str(entry)))
    result = subprocess.run(
        [str(SYSTEMD_ANALYZE), "verify", *(str(p) for p in sorted(tmp_path.iterdir()))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
