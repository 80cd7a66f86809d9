"""A TCP proxy on 127.0.0.1 between the client and the records service that injects faults.

It understands just enough HTTP/1.1 (request and response framing by Content-Length or
chunked encoding) to decide *per request* what happens:

=================== ===========================================================================
fault               what the client sees
=================== ===========================================================================
``pass``            the service's answer
``delay``           the service's answer, ``delay_s`` later
``drop``            the connection closed before the request reached the service
``reset``           a TCP reset before the request reached the service
``blackhole``       nothing at all: the request is swallowed, no answer until the client gives up
``error_503``       a 503 problem answer made by the proxy (the service saw nothing)
``error_429``       a 429 with ``Retry-After`` made by the proxy (the service saw nothing)
``reset_mid``       the service APPLIED the request; half its answer, then a reset
``lose_reply``      the service APPLIED the request; the connection closes with no answer
=================== ===========================================================================

The last two are what peers get wrong: the write is committed on the service and the
client cannot know. ``faults`` is a callable ``(request_number) -> fault name`` (or a fixed
name); ``counts`` says how often each fault was applied.

A weak link (a sub-center on the government WAN, issue 20) is two more knobs, applied on
top of the plan: ``latency_s`` delays every request before it goes on (a round trip, real
time), and ``loss`` turns that share of the requests the plan lets ``pass`` into a random
``drop`` (the request lost on the way) or ``lose_reply`` (the answer lost on the way back),
drawn from ``random.Random(seed)``; :meth:`FaultProxy.set_link` changes both.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable

FAULTS = (
    "pass",
    "delay",
    "drop",
    "reset",
    "blackhole",
    "error_503",
    "error_429",
    "reset_mid",
    "lose_reply",
)
#: Faults after which the service has applied the request.
APPLIED_FAULTS = ("pass", "delay", "reset_mid", "lose_reply")


class _Closed(Exception):
    pass


def _read_until(sock: socket.socket, buf: bytearray, marker: bytes) -> int:
    while True:
        idx = buf.find(marker)
        if idx >= 0:
            return idx
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buf += chunk


def _read_exact(sock: socket.socket, buf: bytearray, n: int) -> None:
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buf += chunk


def read_message(sock: socket.socket, buf: bytearray, *, response: bool = False) -> bytes:
    """Read one HTTP/1.1 message (head + body) from ``sock``; leftovers stay in ``buf``."""
    end = _read_until(sock, buf, b"\r\n\r\n") + 4
    head = bytes(buf[:end]).decode("latin-1")
    lines = head.split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if response:
        status = int(lines[0].split()[1])
        if status in (204, 304) or 100 <= status < 200:
            msg = bytes(buf[:end])
            del buf[:end]
            return msg
    if headers.get("transfer-encoding", "").lower() == "chunked":
        pos = end
        while True:
            line_end = _read_until_from(sock, buf, b"\r\n", pos)
            size = int(bytes(buf[pos:line_end]).split(b";")[0], 16)
            pos = line_end + 2 + size + 2
            _read_exact(sock, buf, pos)
            if size == 0:
                break
        msg = bytes(buf[:pos])
        del buf[:pos]
        return msg
    length = int(headers.get("content-length", "0"))
    _read_exact(sock, buf, end + length)
    msg = bytes(buf[: end + length])
    del buf[: end + length]
    return msg


def _read_until_from(sock: socket.socket, buf: bytearray, marker: bytes, start: int) -> int:
    while True:
        idx = buf.find(marker, start)
        if idx >= 0:
            return idx
        chunk = sock.recv(65536)
        if not chunk:
            raise _Closed
        buf += chunk


def _canned(status: int, reason: str, extra: str = "") -> bytes:
    body = (
        f'{{"type":"about:blank","title":"{reason}","status":{status},'
        f'"detail":"made by the fault proxy"}}'
    ).encode()
    return (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/problem+json\r\n"
        f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n"
    ).encode() + body


def _reset(sock: socket.socket) -> None:
    """Close with a TCP RST (SO_LINGER 0)."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class FaultProxy:
    """The proxy. ``start()`` it, point the client at ``base_url``, ``stop()`` it.

    Args:
        upstream: (host, port) of the real service.
        faults: a fault name, or ``(request_number) -> fault name``; changeable any time.
        delay_s: how long ``delay`` waits.
        blackhole_s: the longest a black-holed request is held (the client gives up first).
        latency_s: added before every request goes on (a slow link).
        loss: the share (0–1) of passing requests lost at random (``drop``/``lose_reply``).
        seed: the seed of the loss draws (the same seed, the same requests lost).
    """

    def __init__(
        self,
        upstream: tuple[str, int],
        faults: str | Callable[[int], str] = "pass",
        *,
        delay_s: float = 0.05,
        blackhole_s: float = 30.0,
        latency_s: float = 0.0,
        loss: float = 0.0,
        seed: int | None = None,
    ) -> None:
        self.upstream = upstream
        self.faults = faults
        self.delay_s = delay_s
        self.blackhole_s = blackhole_s
        self.latency_s = latency_s
        self.loss = loss
        self._random = random.Random(seed)
        self.counts: Counter[str] = Counter()
        self.requests = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._healed = threading.Event()
        self._conns: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"

    # -- control ------------------------------------------------------------------------

    def set_faults(self, faults: str | Callable[[int], str]) -> None:
        """Change the plan; black-holed requests held so far are released (closed)."""
        self.faults = faults
        self._healed.set()
        self._healed = threading.Event()

    def set_link(self, *, latency_s: float | None = None, loss: float | None = None) -> None:
        """Change the link's latency and random loss (None: keep)."""
        if latency_s is not None:
            self.latency_s = latency_s
        if loss is not None:
            self.loss = loss

    def start(self) -> FaultProxy:
        t = threading.Thread(target=self._accept_loop, name="faultproxy-accept", daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def stop(self) -> None:
        """Close everything and wait for the proxy's threads (bounded)."""
        self._stopping.set()
        self._healed.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept loop at once
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                c.close()
        for t in self._threads:
            t.join(timeout=5)

    # -- plumbing -----------------------------------------------------------------------

    def _next_fault(self) -> str:
        with self._lock:
            self.requests += 1
            n = self.requests
        plan = self.faults
        fault = plan if isinstance(plan, str) else plan(n)
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}")
        with self._lock:
            if fault == "pass" and self.loss > 0 and self._random.random() < self.loss:
                fault = self._random.choice(("drop", "lose_reply"))
            self.counts[fault] += 1
        return fault

    def _track(self, sock: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._conns.add(sock)
            else:
                self._conns.discard(sock)

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._track(client, True)
            t = threading.Thread(target=self._serve, args=(client,), daemon=True)
            with self._lock:
                self._threads = [x for x in self._threads if x.is_alive()]
                self._threads.append(t)
            t.start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        cbuf, ubuf = bytearray(), bytearray()
        try:
            while not self._stopping.is_set():
                request = read_message(client, cbuf)
                if self.latency_s > 0:
                    time.sleep(self.latency_s)
                fault = self._next_fault()
                if fault == "drop":
                    client.close()
                    return
                if fault == "reset":
                    _reset(client)
                    return
                if fault == "blackhole":
                    healed = self._healed
                    healed.wait(self.blackhole_s)
                    client.close()
                    return
                if fault == "error_503":
                    client.sendall(_canned(503, "Service Unavailable"))
                    client.close()
                    return
                if fault == "error_429":
                    client.sendall(_canned(429, "Too Many Requests", "Retry-After: 1\r\n"))
                    client.close()
                    return
                if fault == "delay":
                    time.sleep(self.delay_s)
                if upstream is None:
                    upstream = socket.create_connection(self.upstream, timeout=60)
                    self._track(upstream, True)
                upstream.sendall(request)
                response = read_message(upstream, ubuf, response=True)
                if fault == "lose_reply":
                    _reset(client)
                    return
                if fault == "reset_mid":
                    client.sendall(response[: max(1, len(response) // 2)])
                    _reset(client)
                    return
                client.sendall(response)
        except (_Closed, OSError):
            pass
        finally:
            self._track(client, False)
            with contextlib.suppress(OSError):
                client.close()
            if upstream is not None:
                self._track(upstream, False)
                with contextlib.suppress(OSError):
                    upstream.close()
