"""Offline sign-in: a slow (argon2id) hash of each user's password, per window.

After a successful online sign-in the password is hashed and kept with what the session
needs (display name, roles, window). For ``offline.signin_hours`` after that, the same user
may sign in at this window without the service. The password itself is never stored.
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


class _Clock(Protocol):
    def now(self) -> datetime: ...


class OfflineSignInError(OfflineSignInRefused):
    """An offline sign-in was refused.

    Attributes:
        reason: ``never-online`` (no online sign-in of this user here), ``expired`` (the
            last online sign-in is older than allowed), ``wrong-password``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


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

    @writes
    def forget(self, window_code: str, username: str) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM local_credentials WHERE window_code = ? AND username = ?",
                (window_code, username),
            )

    def verify(
        self, window_code: str, username: str, password: str, valid_for: timedelta
    ) -> StoredCredential:
        """Check a password offline.

        Raises:
            OfflineSignInError: never signed in online here, too long ago, or wrong password.
        """
        row = self.db.query_one(
            "SELECT * FROM local_credentials WHERE window_code = ? AND username = ?",
            (window_code, username),
        )
        if row is None:
            raise OfflineSignInError(
                "never-online", f"{username} has never signed in online at {window_code}"
            )
        verified_at = parse_stamp(row["verified_at"])
        assert verified_at is not None
        if self.clock.now() - verified_at > valid_for:
            raise OfflineSignInError(
                "expired", f"the last online sign-in of {username} is older than {valid_for}"
            )
        try:
            self.hasher.verify(row["password_hash"], password)
        except (VerificationError, InvalidHashError):
            raise OfflineSignInError("wrong-password", "wrong user name or password") from None
        return StoredCredential(window_code, username, json.loads(row["session_json"]), verified_at)
