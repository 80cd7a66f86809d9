"""The desk renews its own device token (issue 14), so a year after its enrolment it still
sends without a clerk's online sign-in.

The sync engine calls :meth:`DeskTokenRenewal.renew_if_due` at the start of each round (on
the sync worker thread, on the context's clock). When less than :data:`RENEW_WHEN_LEFT` of
the token's lifetime is left, it asks ``POST /credentials/renew`` and keeps the successor
where the old token was (``backend.tokens``: the OS keyring, else the machine key file).

What the desk knows of its token (when it got it, when it expires, and a fingerprint that
ties that to the token) is kept next to it, in the secret store, as ``desk-credential:…``.
A token of unknown age (re-issued at a clerk's online sign-in, or enrolled by an older
client) is renewed :data:`UNKNOWN_AGE_RENEW_AFTER` after the desk first sees it: the
renewal's answer tells its expiry.

A failed renewal changes nothing: the old token stays (the service keeps a renewed token
valid for a grace of some minutes, so a lost answer strands no desk) and the next try comes
:data:`RETRY_AFTER` later, on a round after one that reached the service.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from clerk_app.core.errors import BadAnswer, ConnectionProblem, Refused

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.core.clock import Clock
    from clerk_app.remote.api import ApiClient
    from clerk_app.remote.tokens import TokenStore
    from clerk_app.store.keys import SecretStore

log = logging.getLogger("clerk.remote")

#: Renew when less than this share of the credential's lifetime is left.
RENEW_WHEN_LEFT = 1 / 3
#: After a failed renewal, the next try waits at least this long.
RETRY_AFTER = timedelta(minutes=1)
#: A device token whose expiry the desk does not know is renewed this long after it first
#: sees it (every device token lives days at least; the answer then tells the expiry).
UNKNOWN_AGE_RENEW_AFTER = timedelta(days=1)
#: The secret that holds what the desk knows of its device token (never the token).
AGE_SECRET = "desk-credential"  # noqa: S105 - the entry's name, not a secret


def fingerprint(token: str) -> str:
    """A short, one-way name of ``token`` (which token the kept age belongs to)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class TokenAge:
    """When the desk got its device token and when it expires (None: not known)."""

    fingerprint: str
    obtained_at: datetime
    expires_at: datetime | None

    def renew_due(self, now: datetime, when_left: float = RENEW_WHEN_LEFT) -> bool:
        """Whether less than ``when_left`` of the lifetime is left at ``now`` (a token of
        unknown expiry: whether :data:`UNKNOWN_AGE_RENEW_AFTER` has passed since)."""
        if self.expires_at is None:
            return now >= self.obtained_at + UNKNOWN_AGE_RENEW_AFTER
        life = max(self.expires_at - self.obtained_at, timedelta(0))
        return now >= self.expires_at - life * when_left

    def to_json(self) -> str:
        return json.dumps(
            {
                "fingerprint": self.fingerprint,
                "obtained_at": self.obtained_at.isoformat(),
                "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> TokenAge | None:
        """The age kept as ``text``; None when it cannot be read."""
        try:
            data = json.loads(text)
            expires = data.get("expires_at")
            return cls(
                fingerprint=str(data["fingerprint"]),
                obtained_at=datetime.fromisoformat(data["obtained_at"]),
                expires_at=datetime.fromisoformat(expires) if expires else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def _age_key(window_code: str, device_id: str) -> str:
    return f"{AGE_SECRET}:{window_code}:{device_id}"


def remember_token_age(
    secrets: SecretStore | None,
    window_code: str,
    device_id: str,
    token: str,
    *,
    expires_at: datetime | None,
    obtained_at: datetime,
) -> TokenAge:
    """Keep what the desk knows of its device ``token`` (after an enrolment or renewal)."""
    age = TokenAge(fingerprint(token), obtained_at, expires_at)
    if secrets is not None:
        secrets.set(_age_key(window_code, device_id), age.to_json())
    return age


class DeskTokenRenewal:
    """Renews this desk's device token when due; see the module docstring.

    Args:
        api: the service client.
        tokens: where the device token is (it is replaced there).
        secrets: where its age is kept (None: in memory only).
        clock: the application's clock.
        window_code: this desk's window.
        device_id: this installation's id.
        when_left: renew when less than this share of the lifetime is left.
        retry_after: the least wait after a failed try.
    """

    def __init__(
        self,
        api: ApiClient,
        tokens: TokenStore,
        secrets: SecretStore | None,
        clock: Clock,
        *,
        window_code: str,
        device_id: str,
        when_left: float = RENEW_WHEN_LEFT,
        retry_after: timedelta = RETRY_AFTER,
    ) -> None:
        self.api = api
        self.tokens = tokens
        self.secrets = secrets
        self.clock = clock
        self.window_code = window_code
        self.device_id = device_id
        self.when_left = when_left
        self.retry_after = retry_after
        self._age: TokenAge | None = None
        self._next_try: datetime | None = None
        self._lock = threading.Lock()

    def expires_at(self) -> datetime | None:
        """When the device token the desk holds expires; None: no token, or not known."""
        token = self.tokens.get_device_token(self.window_code, self.device_id)
        if token is None:
            return None
        age = self._known_age(token)
        return age.expires_at if age is not None else None

    def renew_if_due(self, *, online: bool = True) -> bool:
        """Renew the device token when due (never while the last round found the service
        unreachable, nor sooner than ``retry_after`` after a failure). True when renewed;
        a failure keeps the old token (logged, never raised)."""
        with self._lock:
            token = self.tokens.get_device_token(self.window_code, self.device_id)
            if token is None:
                return False
            now = self.clock.now()
            age = self._age_of(token, now)
            if not age.renew_due(now, self.when_left) or not online:
                return False
            if self._next_try is not None and now < self._next_try:
                return False
            try:
                issued = self.api.renew_credential(token, "desk")
            except (ConnectionProblem, BadAnswer, Refused) as exc:
                # The answer may have been lost after the service renewed: the old token
                # stays valid for the service's grace, and the next try asks again with it.
                self._next_try = now + self.retry_after
                log.warning("device token renewal failed, kept the old one: %s", exc)
                return False
            new = str(issued["token"])
            self.tokens.set_device_token(self.window_code, self.device_id, new)
            self._age = remember_token_age(
                self.secrets,
                self.window_code,
                self.device_id,
                new,
                expires_at=issued["expires_at"],
                obtained_at=now,
            )
            self._next_try = None
            log.info("device token renewed; valid until %s", issued["expires_at"].isoformat())
            return True

    def _known_age(self, token: str) -> TokenAge | None:
        mark = fingerprint(token)
        if self._age is not None and self._age.fingerprint == mark:
            return self._age
        if self.secrets is None:
            return None
        text = self.secrets.get(_age_key(self.window_code, self.device_id))
        age = TokenAge.from_json(text) if text else None
        if age is None or age.fingerprint != mark:
            return None
        self._age = age
        return age

    def _age_of(self, token: str, now: datetime) -> TokenAge:
        """The token's kept age; a token seen for the first time is noted as of ``now``."""
        age = self._known_age(token)
        if age is None:
            age = remember_token_age(
                self.secrets,
                self.window_code,
                self.device_id,
                token,
                expires_at=None,
                obtained_at=now,
            )
            self._age = age
        return age


def desk_token_renewal(context: AppContext) -> DeskTokenRenewal:
    """The renewal of this desk's device token (what :func:`app.sync.sync_engine` gives
    the engine)."""
    backend = context.backend
    return DeskTokenRenewal(
        backend.api,
        backend.tokens,
        backend.secrets,
        context.clock,
        window_code=context.provisioning.window_code,
        device_id=context.device_id,
    )
