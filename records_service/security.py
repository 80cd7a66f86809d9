"""Passwords (argon2, zxcvbn) and tokens (random, stored only as SHA-256)."""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # no stubs, no py.typed

from records_service.models import Token, User

_hasher = PasswordHasher()
#: At most one argon2 computation per core at a time: a burst of sign-ins queues here
#: instead of taking every thread of the server and all of its memory.
ARGON2_SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
# Verified against when the username is unknown, so both failures take the same time.
_DUMMY_HASH = _hasher.hash("clerk-records: no such user")


def hash_password(password: str) -> str:
    with ARGON2_SLOTS:
        return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always does the work of one verification."""
    with ARGON2_SLOTS:
        try:
            return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
        except (VerificationError, InvalidHashError):
            return False


def new_token() -> str:
    """A fresh bearer token (43 URL-safe characters)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


#: The shortest password the service accepts.
MIN_PASSWORD_LENGTH = 10
#: The longest (argon2 hashes anything, but a megabyte password is an attack).
MAX_PASSWORD_LENGTH = 128
#: The lowest zxcvbn score (0-4) accepted: 3 is "safely unguessable" offline.
MIN_PASSWORD_SCORE = 3


def password_problem(username: str, password: str) -> str | None:
    """Why ``password`` is not acceptable for ``username`` (None when it is).

    At least ``MIN_PASSWORD_LENGTH`` characters, not containing the user name, not one
    character repeated, and a zxcvbn score of at least ``MIN_PASSWORD_SCORE`` (zxcvbn knows
    the common passwords, names, keyboard walks and dates).
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"the password needs at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"the password may have at most {MAX_PASSWORD_LENGTH} characters"
    if username and username.casefold() in password.casefold():
        return "the password must not contain the user name"
    if len(set(password)) < 3:
        return "the password must not be one or two characters repeated"
    if zxcvbn(password, user_inputs=[username] if username else [])["score"] < MIN_PASSWORD_SCORE:
        return "the password is too easy to guess (a common word, name, date or pattern)"
    return None


def end_credentials_of(session: Session, user_id: int) -> dict[str, int]:
    """Revoke every live token issued to user ``user_id``: their sign-ins and the device
    tokens of the desks they signed in at (each desk gets a new one at its next online
    sign-in there, or by enrolment). For ``disable-user`` and a password reset; the caller
    audits and commits. Returns the counts ended, by kind (``user``, ``device``)."""
    live = (Token.user_id == user_id, Token.revoked.is_(False))
    counts = {
        kind: int(
            session.scalar(select(func.count(Token.id)).where(*live, Token.kind == kind)) or 0
        )
        for kind in ("user", "device")
    }
    session.execute(update(Token).where(*live).values(revoked=True))
    return counts


def password_set_by_someone_else(session: Session, user: User, password: str) -> dict[str, int]:
    """``create-user`` and a reset: store ``password`` (checked by the caller with
    :func:`password_problem`), make the user change it at their next sign-in, and end every
    credential issued to them (:func:`end_credentials_of`)."""
    user.password_hash = hash_password(password)
    user.must_change_password = True
    return end_credentials_of(session, user.id) if user.id is not None else {}


def password_changed(user: User, password: str, now: datetime) -> None:
    """The user's own change: the new hash, the change time, no change pending."""
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    user.must_change_password = False
