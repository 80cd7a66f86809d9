"""Changing one's own password: forced at sign-in (a password set by ``create-user`` or a
reset, or one older than the service's expiry days) or chosen from File ▸ Change password.

The records service judges the new password (length, not the user name, a zxcvbn
strength score) and answers why it refuses one; :class:`PasswordChangeRefused` carries
that reason as a short code the GUI words in the clerk's language. After a change the
desk's offline sign-in follows: the new password opens it, the old one no longer does.

Runs on a worker thread (the GUI calls it through ``Op``); touches no widget.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from clerk_app.app.session import Session, _session_facts, sign_out
from clerk_app.core.errors import UserError
from clerk_app.logs import logger
from clerk_app.remote.api import ApiError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

log = logger("app")

#: Reasons a new password is refused (:attr:`PasswordChangeRefused.reason`), each with the
#: start of the service's wording (``records_service.security.password_problem``).
_WEAK_REASONS = (
    ("too-short", "the password needs at least"),
    ("too-long", "the password may have at most"),
    ("contains-username", "the password must not contain the user name"),
    ("repeated", "the password must not be one or two characters repeated"),
    ("guessable", "the password is too easy to guess"),
    ("same-as-current", "the new password must differ"),
)


class PasswordChangeRefused(UserError):
    """The password was not changed, for a reason the clerk can act on.

    Attributes:
        reason: ``wrong-current`` (the current password is wrong); a rule the new one
            breaks: ``too-short``, ``too-long``, ``contains-username``, ``repeated``,
            ``guessable``, ``same-as-current``, ``weak`` (another rule); or
            ``signed-in-offline`` (no sign-in at the service to change it with),
            ``session-ended`` (the service no longer knows this sign-in: 401).
        field: the field the reason is about: ``current``, ``new`` or ``""`` (none).
        limit: the number in the rule (``too-short``, ``too-long``), when it gave one.
    """

    def __init__(self, reason: str, message: str, *, limit: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.limit = limit
        if reason == "wrong-current":
            self.field = "current"
        elif reason in ("signed-in-offline", "session-ended"):
            self.field = ""
        else:
            self.field = "new"


def weak_reason(message: str) -> tuple[str, int | None]:
    """The reason code (and its number) of the service's wording of a weak password."""
    text = message.strip().casefold()
    number = re.search(r"\d+", text)
    for code, start in _WEAK_REASONS:
        if start in text:
            return code, int(number.group()) if number and code.startswith("too-") else None
    return "weak", None


def change_password(
    context: AppContext, session: Session, current_password: str, new_password: str
) -> Session:
    """Change the signed-in user's password at the service (``POST /auth/password``).

    The change is made with the session's own token (the service ends the user's other
    sign-ins); then this desk's offline credential is the new password's. Returns the
    session, no longer asking for a change.

    Raises:
        PasswordChangeRefused: wrong current password, a new one the service refuses
            (``reason`` says which rule), signed in offline, or a sign-in the service ended.
        ApiError: another refusal (429 too many attempts, …).
        NetworkError / TlsError: the service cannot be reached, or is not trusted.
    """
    window = context.provisioning.window_code
    username = session.username
    token = session.access_token or context.backend.tokens.get_user_token(window, username)
    if session.offline or not token:
        raise PasswordChangeRefused(
            "signed-in-offline", f"{username} signed in offline: no token to change it with"
        )
    try:
        context.backend.api.change_password(token, current_password, new_password)
    except ApiError as exc:
        raise _refusal(exc) from exc
    log.info("password of %s changed", username)
    changed = dataclasses.replace(session, password_change_required=False)
    context.backend.credentials.remember(window, username, new_password, _session_facts(changed))
    return changed


def _refusal(exc: ApiError) -> Exception:
    """What a refusal of ``POST /auth/password`` means for the clerk."""
    slug = exc.slug
    if exc.status == 403 and slug == "wrong-password":
        return PasswordChangeRefused("wrong-current", "the current password is wrong")
    if exc.status == 401:
        return PasswordChangeRefused("session-ended", "the service ended this sign-in")
    if exc.status == 422:
        errors = exc.problem.get("errors")
        first = errors[0] if isinstance(errors, list) and errors else {}
        message = str(first.get("message") or "") if isinstance(first, dict) else ""
        if slug == "validation" and "new_password" in str(first.get("field", "")):
            return PasswordChangeRefused("too-long", f"refused: {message}")
        reason, limit = weak_reason(message or str(exc.problem.get("detail") or ""))
        return PasswordChangeRefused(reason, f"refused: {message or exc}", limit=limit)
    return exc


def give_up_forced_change(context: AppContext, session: Session) -> None:
    """The clerk cancelled the forced change: end the sign-in (``sign_out``; its token may
    do nothing else anyway). Never raises for the network."""
    log.info("forced password change of %s cancelled: signing out", session.username)
    sign_out(context, session)
