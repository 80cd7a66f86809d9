"""Offline sign-in: a slow (argon2id) hash of each user's password, per window.

After a successful online sign-in the password is hashed and kept with what the session
needs (display name, roles, window). For the provisioned ``[security] offline_signin_hours``
(at most 72) after that, the same user may sign in at this window without the service. The
password itself is never stored.

Refused (``OfflineSignInError.reason``): ``never-online``; ``locked`` after
:data:`MAX_OFFLINE_TRIES` wrong passwords in a row (until the next online sign-in);
``clock`` when the desk's clock is earlier than the last time the service told it the time
(or than the online sign-in itself); ``expired``; ``wrong-password``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clerk_app.core.errors import OfflineSignInRefused
from clerk_app.store.db import Database
from clerk_app.store.local import parse_stamp, stamp
from clerk_app.store.writer import writes

#: Wrong offline passwords in a row before offline sign-in is locked for that user here.
MAX_OFFLINE_TRIES = 5
#: How far the desk's clock may be behind the service's last ``Date`` (ordinary skew).
CLOCK_TOLERANCE = timedelta(minutes=5)


class _Clock(Protocol):
    def now(self) -> datetime: ...


class OfflineSignInError(OfflineSignInRefused):
    """An offline sign-in was refused.

    Attributes:
        reason: ``never-online`` (no online sign-in of this user here), ``locked`` (too many
            wrong passwords: an online sign-in is needed), ``clock`` (the desk's clock is
            behind the time the service last told it), ``expired`` (the last online
            sign-in is older than allowed), ``wrong-password``.
        tries_left: wrong passwords still allowed before the lock (``wrong-password``).
    """

    def __init__(self, reason: str, message: str, *, tries_left: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.tries_left = tries_left


@dataclass(frozen=True)
class StoredCredential:
    window_code: str
    username: str
    session: dict[str, Any]
    verified_at: datetime


class OfflineCredentials:
    """The ``local_credentials`` table.

    Args:
        db: the local database.
        clock: the application clock.
        hasher: argon2 parameters (tests pass cheaper ones; the default is argon2-cffi's).
    """

    def __init__(self, db: Database, clock: _Clock, hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.clock = clock
        self.hasher = hasher or PasswordHasher()

    def remember(
        self, window_code: str, username: str, password: str, session: dict[str, Any]
    ) -> None:
        """Store the hash after a successful ONLINE sign-in (replaces the previous one).

        The (slow) hash is made on the calling thread; only the write goes to the writer.
        """
        self._keep(window_code, username, self.hasher.hash(password), session)

    @writes
    def _keep(self, window_code: str, username: str, hashed: str, session: dict[str, Any]) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO local_credentials (window_code, username, password_hash,"
                " session_json, verified_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (window_code, username) DO UPDATE SET"
                " password_hash = excluded.password_hash, session_json = excluded.session_json,"
                " verified_at = excluded.verified_at",
                (
                    window_code,
                    username,
                    hashed,
                    json.dumps(session, ensure_ascii=False, sort_keys=True),
                    stamp(self.clock.now()),
                ),
            )
            conn.execute("DELETE FROM state WHERE key = ?", (_failures_key(window_code, username),))

    @writes
    def forget(self, window_code: str, username: str) -> None:
        """Drop the user's offline credential here (the service refused the user: 401/403)."""
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM local_credentials WHERE window_code = ? AND username = ?",
                (window_code, username),
            )
            conn.execute("DELETE FROM state WHERE key = ?", (_failures_key(window_code, username),))

    def has(self, window_code: str, username: str) -> bool:
        """Whether an offline credential of this user is kept here."""
        row = self.db.query_one(
            "SELECT 1 FROM local_credentials WHERE window_code = ? AND username = ?",
            (window_code, username),
        )
        return row is not None

    def failures(self, window_code: str, username: str) -> int:
        """Wrong offline passwords in a row since the last good sign-in."""
        row = self.db.query_one(
            "SELECT value FROM state WHERE key = ?", (_failures_key(window_code, username),)
        )
        try:
            return int(row[0]) if row is not None else 0
        except (TypeError, ValueError):
            return MAX_OFFLINE_TRIES  # a value nobody wrote: treat as locked

    @writes
    def _count_failure(self, window_code: str, username: str) -> int:
        key = _failures_key(window_code, username)
        with self.db.transaction() as conn:
            row = conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
            count = (int(row[0]) if row is not None and str(row[0]).isdigit() else 0) + 1
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, str(count)),
            )
        return count

    @writes
    def _clear_failures(self, window_code: str, username: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM state WHERE key = ?", (_failures_key(window_code, username),))

    def verify(
        self,
        window_code: str,
        username: str,
        password: str,
        valid_for: timedelta,
        *,
        not_before: datetime | None = None,
    ) -> StoredCredential:
        """Check a password offline.

        Args:
            not_before: the last time the service told the desk (its ``Date``); a clock
                earlier than that (beyond :data:`CLOCK_TOLERANCE`) is refused.

        Raises:
            OfflineSignInError: never signed in online here, locked, clock set back, too
                long ago, or wrong password (each wrong one counted).
        """
        row = self.db.query_one(
            "SELECT * FROM local_credentials WHERE window_code = ? AND username = ?",
            (window_code, username),
        )
        if row is None:
            raise OfflineSignInError(
                "never-online", f"{username} has never signed in online at {window_code}"
            )
        if self.failures(window_code, username) >= MAX_OFFLINE_TRIES:
            raise OfflineSignInError(
                "locked", f"offline sign-in of {username} is locked: sign in online once"
            )
        verified_at = parse_stamp(row["verified_at"])
        assert verified_at is not None
        now = self.clock.now()
        for last_known in (verified_at, not_before):
            if last_known is not None and now < last_known - CLOCK_TOLERANCE:
                raise OfflineSignInError(
                    "clock", f"the clock ({now}) is earlier than the service's last {last_known}"
                )
        if now - verified_at > valid_for:
            raise OfflineSignInError(
                "expired", f"the last online sign-in of {username} is older than {valid_for}"
            )
        try:
            self.hasher.verify(row["password_hash"], password)
        except (VerificationError, InvalidHashError):
            count = self._count_failure(window_code, username)
            if count >= MAX_OFFLINE_TRIES:
                raise OfflineSignInError(
                    "locked", f"{count} wrong offline passwords: locked until an online sign-in"
                ) from None
            raise OfflineSignInError(
                "wrong-password",
                "wrong user name or password",
                tries_left=MAX_OFFLINE_TRIES - count,
            ) from None
        if self.failures(window_code, username):
            self._clear_failures(window_code, username)
        return StoredCredential(window_code, username, json.loads(row["session_json"]), verified_at)

    def check_password(self, window_code: str, username: str, password: str) -> bool:
        """Whether ``password`` is this user's, by the kept hash (the idle lock, offline);
        no validity window, no counting: the caller counts."""
        row = self.db.query_one(
            "SELECT password_hash FROM local_credentials WHERE window_code = ? AND username = ?",
            (window_code, username),
        )
        if row is None:
            return False
        try:
            return bool(self.hasher.verify(row["password_hash"], password))
        except (VerificationError, InvalidHashError):
            return False


def _failures_key(window_code: str, username: str) -> str:
    return f"offline_signin_failures:{window_code}:{username}"
