"""Sign-in attempts: counted before the password is checked, limited three ways.

Every attempt is written (``sign_in_attempts``) in its own short write transaction
*before* argon2 runs, after the counts below were read in that same transaction under one
lock, so N parallel wrong passwords count N and at most ``login_max_failures`` of them are
ever tried. The limits, all on the service's injected clock (nobody sleeps):

- **user + address**: ``login_max_failures`` failed attempts since the pair's last success
  (or a lead's unlock) within ``login_lock_minutes`` lock that pair — the only hard lock on
  a user, so nobody can keep a clerk out from another machine;
- **address**: ``login_address_max_failures`` failed attempts from one address (any user
  names) within ``login_lock_minutes`` lock the address (spraying many names);
- **progressive delay**, per user (from anywhere) after ``login_delay_after`` passwords
  tried and wrong since their last success, and per address after three times as many
  failed attempts: each next try waits 1, 2, 4 … seconds after the last, at most
  ``login_delay_max_seconds``. An attempt refused by a delay is written too (``tried`` is
  False): it counts for its pair's lock and its address, never for the user's delay, so
  guesses that keep coming lock the guesser's pair, not the user.

An IPv6 address counts by its /64 (one customer's whole network).
"""

from __future__ import annotations

import ipaddress
import math
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from records_service import audit
from records_service.db import Database
from records_service.models import AuditRecord, SignInAttempt
from records_service.problems import ProblemError
from records_service.settings import Settings

#: The audit action a lead's or admin's unlock is recorded under.
UNLOCK_ACTION = "login.unlock"
#: Attempts older than this are deleted.
KEEP_ATTEMPTS = timedelta(days=2)
_LOCK_KEY = 0x5349474E  # "SIGN": the PostgreSQL advisory lock of the counts


def address_key(address: str | None) -> str:
    """What an address is counted as: an IPv4 address itself, an IPv6 address its /64."""
    if not address:
        return "?"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _too_many(detail: str, wait_s: float) -> ProblemError:
    return ProblemError(
        429,
        "too-many-attempts",
        detail,
        title="Too many sign-in attempts",
        headers={"Retry-After": str(max(1, math.ceil(wait_s)))},
    )


def _delay(failures: int, free: int, cap: int) -> int:
    """Seconds the next try waits after ``failures`` (the first ``free`` wait nothing)."""
    if failures < free or cap <= 0:
        return 0
    return min(cap, 2 ** min(failures - free, 20))


def _failures(
    session: Session, since: datetime, *, tried_only: bool = False, **where: str
) -> tuple[int, datetime | None]:
    conditions = [SignInAttempt.ok.is_(False), SignInAttempt.at >= since]
    if tried_only:
        conditions.append(SignInAttempt.tried.is_(True))
    conditions += [getattr(SignInAttempt, k) == v for k, v in where.items()]
    count, last = session.execute(
        select(func.count(SignInAttempt.id), func.max(SignInAttempt.at)).where(*conditions)
    ).one()
    return int(count or 0), last


def _last_ok(session: Session, **where: str) -> datetime | None:
    conditions = [SignInAttempt.ok.is_(True)]
    conditions += [getattr(SignInAttempt, k) == v for k, v in where.items()]
    return session.scalar(select(func.max(SignInAttempt.at)).where(*conditions))


def _latest(*moments: datetime | None) -> datetime:
    return max(m for m in moments if m is not None)


def admit(
    db: Database, settings: Settings, username: str, address: str | None, now: datetime
) -> int:
    """Record an attempt of ``username`` from ``address`` before its password is checked.

    Returns the attempt's id (for :func:`succeeded`). Raises 429 ``too-many-attempts``
    (with ``Retry-After``, audited) when a limit holds: then nothing is tried.
    """
    where = address_key(address)
    window_start = now - timedelta(minutes=settings.login_lock_minutes)
    with db.write() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        unlocked = session.scalar(
            select(func.max(AuditRecord.at)).where(
                AuditRecord.action == UNLOCK_ACTION, AuditRecord.target == username
            )
        )
        refusal, delayed = _refusal(session, settings, username, where, now, window_start, unlocked)
        if refusal is not None:
            if delayed:
                session.add(
                    SignInAttempt(username=username, address=where, at=now, ok=False, tried=False)
                )
            audit.record(
                session,
                at=now,
                action="login",
                result="throttled",
                actor=username,
                client_ip=address,
                detail={"reason": refusal.detail},
            )
            session.commit()
            raise refusal
        attempt = SignInAttempt(username=username, address=where, at=now, ok=False, tried=True)
        session.add(attempt)
        session.flush()
        if attempt.id % 50 == 0:
            session.execute(delete(SignInAttempt).where(SignInAttempt.at < now - KEEP_ATTEMPTS))
        return attempt.id


def _refusal(
    session: Session,
    settings: Settings,
    username: str,
    where: str,
    now: datetime,
    window_start: datetime,
    unlocked: datetime | None,
) -> tuple[ProblemError | None, bool]:
    """Why this attempt is refused, if it is, and whether by a delay (else a lock)."""
    lock = timedelta(minutes=settings.login_lock_minutes)
    pair_since = _latest(
        window_start, unlocked, _last_ok(session, username=username, address=where)
    )
    pair, pair_last = _failures(session, pair_since, username=username, address=where)
    if pair >= settings.login_max_failures:
        wait = ((pair_last or now) + lock - now).total_seconds()
        return _too_many(
            "Too many failed sign-ins; try again later or ask a lead to unlock the account.",
            wait,
        ), False
    spread, spread_last = _failures(session, window_start, address=where)
    if spread >= settings.login_address_max_failures:
        wait = ((spread_last or now) + lock - now).total_seconds()
        return _too_many(
            "Too many failed sign-ins from this address; try again later.", wait
        ), False
    user_since = _latest(window_start, unlocked, _last_ok(session, username=username))
    mine, mine_last = _failures(session, user_since, tried_only=True, username=username)
    cap = settings.login_delay_max_seconds
    for count, last, free in (
        (mine, mine_last, settings.login_delay_after),
        (spread, spread_last, settings.login_delay_after * 3),
    ):
        wait_s = _delay(count, free, cap)
        if wait_s and last is not None and now < last + timedelta(seconds=wait_s):
            return _too_many(
                "Signing in again too soon after failed attempts; wait a moment.",
                (last + timedelta(seconds=wait_s) - now).total_seconds(),
            ), True
    return None, False


def succeeded(session: Session, attempt_id: int) -> None:
    """Mark the attempt as the right password (in the caller's transaction)."""
    session.execute(update(SignInAttempt).where(SignInAttempt.id == attempt_id).values(ok=True))


def failures_by_user(
    session: Session, settings: Settings, usernames: list[str], now: datetime
) -> dict[str, tuple[int, bool]]:
    """For the lead's list of users: each user's failed attempts since their last success
    or unlock (within ``login_lock_minutes``), and whether an address is locked out of
    their account (its pair has ``login_max_failures``)."""
    window_start = now - timedelta(minutes=settings.login_lock_minutes)
    unlocked = dict(
        session.execute(
            select(AuditRecord.target, func.max(AuditRecord.at))
            .where(AuditRecord.action == UNLOCK_ACTION, AuditRecord.target.in_(usernames))
            .group_by(AuditRecord.target)
        ).all()
    )
    result: dict[str, tuple[int, bool]] = {}
    for name in usernames:
        since = _latest(window_start, unlocked.get(name), _last_ok(session, username=name))
        per_address = session.execute(
            select(SignInAttempt.address, func.count(SignInAttempt.id))
            .where(
                SignInAttempt.username == name,
                SignInAttempt.ok.is_(False),
                SignInAttempt.at >= since,
            )
            .group_by(SignInAttempt.address)
        ).all()
        total = sum(int(n) for _, n in per_address)
        locked = any(int(n) >= settings.login_max_failures for _, n in per_address)
        result[name] = (total, locked)
    return result
