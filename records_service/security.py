"""Passwords (argon2) and tokens (random, stored only as SHA-256)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the username is unknown, so both failures take the same time.
_DUMMY_HASH = _hasher.hash("clerk-records: no such user")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always does the work of one verification."""
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


def password_problem(username: str, password: str) -> str | None:
    """Why ``password`` is not acceptable for ``username`` (None when it is).

    At least ``MIN_PASSWORD_LENGTH`` characters, not containing the user name, and not one
    character repeated.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"the password needs at least {MIN_PASSWORD_LENGTH} characters"
    if username and username.casefold() in password.casefold():
        return "the password must not contain the user name"
    if len(set(password)) < 3:
        return "the password must not be one or two characters repeated"
    return None
