"""Signing in at this window: online against the records service, or offline against the
password hash kept at the last online sign-in; signing out; unlocking the idle lock.

Runs on a worker thread (the GUI calls it through ``Op``); touches no widget.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from clerk_app import __version__
from clerk_app.app.audit import record_offline_sign_in
from clerk_app.core.provisioning import MAX_OFFLINE_SIGNIN_HOURS
from clerk_app.logs import logger
from clerk_app.remote.api import ApiError, NetworkError, TlsError
from clerk_app.store.credentials import OfflineSignInError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

log = logger("app")

#: The local sequences, by the names the service reports its high-water marks under.
CASE_SEQUENCE = "case"
DOCUMENT_SEQUENCE = "document"


@dataclass(frozen=True)
class Session:
    """A clerk signed in at this window."""

    username: str
    display_name: str
    roles: tuple[str, ...]
    window_code: str
    window_name: str
    department: str
    access_token: str | None
    expires_at: datetime | None
    offline: bool = False
    #: The service wants a new password first (set by someone else, or expired): see
    #: ``clerk_app.app.password``.
    password_change_required: bool = False


def sign_in(context: AppContext, username: str, password: str) -> Session:
    """Sign in online; when the service cannot be reached, offline (if allowed).

    Online: keep the tokens, raise the numbering floors to the service's marks, note the
    service's time, and keep an argon2 hash of the password for later offline sign-ins at
    this window. Offline (no answer, 5xx): the password is checked against that hash (see
    :func:`sign_in_offline`); the session says ``offline=True``. Both kinds of offline
    attempt (allowed or refused) are audited: a journal line and an outbox row for
    ``POST /audit/client-events``. A 401 or 403 forgets the user's offline credential here;
    a certificate that is not trusted is an error, never a reason to sign in offline.

    Raises:
        ApiError: wrong credentials (401), locked out (429), client too old (426), …
        TlsError: the service's certificate is not trusted.
        OfflineSignInError: offline, and this user may not sign in offline here (``reason``).
    """
    try:
        session = sign_in_online(context, username, password)
    except TlsError:
        log.error("sign-in of %s: the service's certificate is not trusted", username)
        raise
    except NetworkError as exc:
        return sign_in_offline(context, username, password, cause=exc)
    except ApiError as exc:
        if exc.status in (401, 403):
            _forget_offline(context, username, exc.status)
        if exc.status < 500:
            raise
        return sign_in_offline(context, username, password, cause=exc)
    if session.password_change_required:
        # A password set by someone else (or expired) never opens this desk offline; the
        # new one is kept once it is changed (clerk_app.app.password).
        context.backend.credentials.forget(context.provisioning.window_code, username)
    else:
        context.backend.credentials.remember(
            context.provisioning.window_code, session.username, password, _session_facts(session)
        )
    return session


def _forget_offline(context: AppContext, username: str, status: int) -> None:
    """The service refused this user: no offline sign-in here on the old password."""
    credentials = context.backend.credentials
    window = context.provisioning.window_code
    if credentials.has(window, username):
        credentials.forget(window, username)
        log.warning(
            "offline credential of %s forgotten (the service answered %d)", username, status
        )


def _session_facts(session: Session) -> dict[str, object]:
    facts = asdict(session)
    for secret_or_volatile in ("access_token", "expires_at", "offline", "password_change_required"):
        facts.pop(secret_or_volatile)
    facts["roles"] = list(session.roles)
    return facts


def sign_in_offline(
    context: AppContext, username: str, password: str, *, cause: Exception | None = None
) -> Session:
    """Check the password against the hash kept at the last online sign-in (see sign_in).

    Allowed for the machine's provisioned ``[security] offline_signin_hours`` (never above
    72) after that sign-in, at most 5 wrong passwords in a row (then only an online sign-in
    opens it again), and never with a clock earlier than the last time the service told
    the desk its time (``sync_state.last_server_date``).
    """
    window = context.provisioning.window_code
    hours = min(int(context.provisioning.offline_signin_hours), MAX_OFFLINE_SIGNIN_HOURS)
    try:
        stored = context.backend.credentials.verify(
            window,
            username,
            password,
            timedelta(hours=hours),
            not_before=context.backend.sync_state.load().last_server_date,
        )
    except OfflineSignInError as exc:
        record_offline_sign_in(context, username, f"refused:{exc.reason}")
        log.warning("offline sign-in of %s refused: %s (%s)", username, exc.reason, cause)
        raise
    facts = stored.session
    session = Session(
        username=str(facts.get("username") or username),
        display_name=str(facts.get("display_name") or username),
        roles=tuple(facts.get("roles") or ()),
        window_code=str(facts.get("window_code") or window),
        window_name=str(facts.get("window_name") or context.provisioning.window_name),
        department=str(facts.get("department") or context.provisioning.department),
        access_token=None,
        expires_at=None,
        offline=True,
    )
    record_offline_sign_in(context, session.username, "ok")
    log.info("signed in OFFLINE as %s at window %s (%s)", session.username, window, cause)
    return session


def sign_in_online(context: AppContext, username: str, password: str) -> Session:
    """Sign in online: keep the tokens, raise the numbering floors to the service's marks.

    Raises:
        ApiError: wrong credentials (401), locked out (429), client too old (426), …
        NetworkError / TlsError: the service cannot be reached, or its certificate is not
            trusted.
    """
    prov = context.provisioning
    api = context.backend.api
    result = api.login(
        username,
        password,
        prov.window_code,
        context.device_id,
        __version__,
        has_device_token=has_device_token(context),
    )
    _note_service_time(context)
    context.backend.tokens.set_user_token(prov.window_code, username, result.access_token)
    if result.device_token:
        context.backend.tokens.set_device_token(
            prov.window_code, context.device_id, result.device_token
        )
    for name, value in result.sequence_high_water.items():
        # A reinstalled client never hands out a number the service has already seen.
        context.backend.store.raise_floor(name, int(value))
    window = result.window or {}
    user = result.user or {}
    session = Session(
        username=str(user.get("username") or username),
        display_name=str(user.get("display_name") or username),
        roles=tuple(user.get("roles") or ()),
        window_code=str(window.get("code") or prov.window_code),
        window_name=str(window.get("name") or prov.window_name),
        department=str(window.get("department") or prov.department),
        access_token=result.access_token,
        expires_at=result.expires_at,
        password_change_required=result.password_change_required,
    )
    log.info("signed in as %s at window %s", session.username, session.window_code)
    return session


def has_device_token(context: AppContext) -> bool:
    """Whether this desk holds its device token for its provisioned window. Sent with every
    sign-in: a clerk or cashier of the window signing in online at a desk that holds none
    gets a new one (the service revokes the lost one)."""
    prov = context.provisioning
    return context.backend.tokens.get_device_token(prov.window_code, context.device_id) is not None


def _note_service_time(context: AppContext) -> None:
    """Keep the service's ``Date``: an offline sign-in with a clock before it is refused."""
    server_date = context.backend.api.last_server_date
    if server_date is not None:
        context.backend.sync_state.record_contact(server_date, context.clock.now())


#: ``(connect, read)`` seconds a sign-out waits for the service: a tiny request, and a
#: desk being closed must not hang on a service that does not answer.
SIGN_OUT_TIMEOUT = (2.0, 3.0)


def sign_out(
    context: AppContext, session: Session, *, timeout: tuple[float, float] = SIGN_OUT_TIMEOUT
) -> None:
    """End the session: forget its token here first (whatever happens next, it is gone
    from this desk), then ``POST /auth/logout`` with it, waiting at most ``timeout``
    (unreachable, slow or refused: the token simply ends at its expiry). Never raises for
    the network."""
    window = context.provisioning.window_code
    token = session.access_token or context.backend.tokens.get_user_token(window, session.username)
    context.backend.tokens.delete_user_token(window, session.username)
    if token:
        try:
            context.backend.api.logout(token, timeout=timeout)
        except (NetworkError, ApiError) as exc:  # offline, expired, revoked: forgotten
            log.info(
                "sign-out of %s: the service did not end the token (%s)", session.username, exc
            )
    log.info("signed out: %s at window %s", session.username, window)


def unlock(context: AppContext, session: Session, password: str) -> None:
    """Check the signed-in clerk's password to lift the idle lock.

    Online the service checks it (a fresh sign-in whose new token is ended at once; the
    desk keeps its session); when the service cannot be reached, the offline credential
    does, with the offline rules (tries, clock, validity). A 401/403 forgets the offline
    credential, as at sign-in; a certificate that is not trusted is an error.

    Raises:
        ApiError, TlsError, OfflineSignInError: the password was not accepted (or could
            not be checked); the desk stays locked.
    """
    prov = context.provisioning
    username = session.username
    api = context.backend.api
    try:
        result = api.login(
            username,
            password,
            prov.window_code,
            context.device_id,
            __version__,
            has_device_token=has_device_token(context),
        )
    except TlsError:
        raise
    except NetworkError:
        context.backend.credentials.verify(
            prov.window_code,
            username,
            password,
            timedelta(hours=min(int(prov.offline_signin_hours), MAX_OFFLINE_SIGNIN_HOURS)),
            not_before=context.backend.sync_state.load().last_server_date,
        )
        log.info("idle lock lifted for %s (checked offline)", username)
        return
    except ApiError as exc:
        if exc.status in (401, 403):
            _forget_offline(context, username, exc.status)
        raise
    _note_service_time(context)
    if result.device_token:
        context.backend.tokens.set_device_token(
            prov.window_code, context.device_id, result.device_token
        )
    try:
        api.logout(result.access_token, timeout=SIGN_OUT_TIMEOUT)
    except (NetworkError, ApiError) as exc:
        log.info("idle lock: the check's token was not ended (%s)", exc)
    context.backend.credentials.remember(
        prov.window_code, username, password, _session_facts(session)
    )
    log.info("idle lock lifted for %s", username)
