"""Enrolment codes and the machine credentials they give (issues 14 and 15).

IT types a one-time enrolment code (``clerk-records enrol`` or an admin's
``POST /enrolments``) into the first-run wizard; :func:`enrol` redeems it and keeps what it
gives, the way ``build_context`` keeps secrets (the OS keyring, else the machine key file
readable only by the app's user):

- a desk's device token → the desk token of this window (``backend.tokens``), so the desk
  syncs before anyone signs in online, with its expiry (the desk renews it itself, see
  ``clerk_app.app.renewal``);
- a display credential → this PC becomes a hall screen: it starts into the board with no
  person signing in (:func:`display_credential`) and renews its credential itself when a
  third of its lifetime is left (:func:`renew_if_due`).

The wizard runs before there is an ``AppContext`` (nothing is provisioned yet), so
:func:`enrol_machine` builds the few parts it needs from the provisioning and the folders.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from clerk_app.app.renewal import RENEW_WHEN_LEFT, remember_token_age
from clerk_app.core.errors import Refused, UserError
from clerk_app.device import device_id as load_device_id
from clerk_app.remote.api import ApiClient
from clerk_app.remote.tokens import TokenStore
from clerk_app.store.keys import SecretStore

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.core.clock import Clock
    from clerk_app.core.provisioning import Provisioning
    from clerk_app.paths import Paths

log = logging.getLogger("clerk.remote")

#: The secret holding this PC's display credential (JSON, see :class:`MachineCredential`).
DISPLAY_SECRET = "display-credential"  # noqa: S105 - the entry's name, not a secret


class EnrolmentProblem(UserError):
    """An enrolment code that gave nothing this PC can use.

    Attributes:
        reason: ``unknown-code`` (unknown, used or expired), ``device-limit`` (the window
            has as many desks as it may), ``rate-limited``, ``wrong-window`` (a desk's code
            for another window: ``window`` names it), ``unsupported`` (a kiosk's or an
            integration's code: this program is neither).
    """

    def __init__(self, reason: str, *, window: str | None = None, kind: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.window = window
        self.kind = kind


class CredentialRevoked(UserError):
    """The service refused this PC's display credential (revoked or expired): no retry
    mends it; IT enrols the PC again with a new code."""


@dataclass(frozen=True)
class MachineCredential:
    """A machine credential this PC holds: ``kind`` ``desk`` or ``display``."""

    token: str
    kind: str
    window_code: str | None
    label: str
    expires_at: datetime
    obtained_at: datetime

    def renew_due(self, now: datetime) -> bool:
        """Whether less than :data:`RENEW_WHEN_LEFT` of the lifetime is left at ``now``."""
        life = self.expires_at - self.obtained_at
        return now >= self.expires_at - max(life, timedelta(0)) * RENEW_WHEN_LEFT

    def to_json(self) -> str:
        return json.dumps(
            {
                "token": self.token,
                "kind": self.kind,
                "window_code": self.window_code,
                "label": self.label,
                "expires_at": self.expires_at.isoformat(),
                "obtained_at": self.obtained_at.isoformat(),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> MachineCredential | None:
        """The credential kept as ``text``; None when it cannot be read."""
        try:
            data = json.loads(text)
            return cls(
                token=str(data["token"]),
                kind=str(data["kind"]),
                window_code=data.get("window_code"),
                label=str(data.get("label") or ""),
                expires_at=datetime.fromisoformat(data["expires_at"]),
                obtained_at=datetime.fromisoformat(data["obtained_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Enrolled:
    """What :func:`enrol` kept: ``kind`` ``desk`` or ``display``."""

    kind: str
    window_code: str | None
    label: str
    expires_at: datetime

    @property
    def hall_screen(self) -> bool:
        return self.kind == "display"


def normalise_code(text: str) -> str:
    """``abcd efgh-ijkl`` → ``ABCD-EFGH-IJKL`` (what IT types, as the service wants it)."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != 12:
        return text.strip().upper()
    return "-".join(letters[i : i + 4] for i in (0, 4, 8))


def enrol(
    api: ApiClient,
    tokens: TokenStore,
    secrets: SecretStore,
    *,
    code: str,
    window_code: str,
    device_id: str,
    clock: Clock,
) -> Enrolled:
    """Redeem ``code`` and keep its credential.

    Raises:
        EnrolmentProblem: the code gave nothing usable (see its ``reason``).
        ConnectionProblem: no usable answer (``Offline``, ``CertificateNotTrusted`` …).
    """
    try:
        issued = api.redeem_enrolment(normalise_code(code), device_id)
    except Refused as exc:
        reasons = {404: "unknown-code", 409: "device-limit", 422: "unknown-code"}
        reason = reasons.get(exc.status, "rate-limited" if exc.status == 429 else None)
        if reason is None:
            raise
        raise EnrolmentProblem(reason) from exc
    kind = str(issued["kind"])
    window = issued.get("window_code")
    credential = MachineCredential(
        token=str(issued["token"]),
        kind=kind,
        window_code=window,
        label=str(issued.get("label") or ""),
        expires_at=issued["expires_at"],
        obtained_at=clock.now(),
    )
    if kind == "desk":
        if window != window_code:
            log.warning("enrolment: a desk code for window %s typed at %s", window, window_code)
            raise EnrolmentProblem("wrong-window", window=window, kind=kind)
        tokens.set_device_token(window_code, device_id, credential.token)
        remember_token_age(
            secrets,
            window_code,
            device_id,
            credential.token,
            expires_at=credential.expires_at,
            obtained_at=credential.obtained_at,
        )
    elif kind == "display":
        secrets.set(DISPLAY_SECRET, credential.to_json())
    else:
        log.warning("enrolment: a %s code typed into a window client", kind)
        raise EnrolmentProblem("unsupported", kind=kind)
    log.info("enrolled as %s (%s, window %s)", kind, credential.label, window)
    return Enrolled(kind, window, credential.label, credential.expires_at)


def enrol_machine(provisioning: Provisioning, paths: Paths, code: str, clock: Clock) -> Enrolled:
    """:func:`enrol` before there is an ``AppContext`` (the first-run wizard): the same
    token store, secret store and device id as ``build_context`` makes."""
    paths.ensure()
    device = load_device_id(paths.data_dir)
    secrets = SecretStore(paths.key_file, scope=device)
    api = ApiClient(provisioning.service_url, ca_bundle=provisioning.ca_bundle, timeout=(5, 15))
    try:
        return enrol(
            api,
            TokenStore(secrets=secrets),
            secrets,
            code=code,
            window_code=provisioning.window_code,
            device_id=device,
            clock=clock,
        )
    finally:
        api.close()


@dataclass(frozen=True)
class ServiceProbe:
    """What the first-run wizard learnt from the service at the provisioned address.

    Attributes:
        problem: None when the service answered; else ``offline`` (no answer at that
            address), ``tls`` (its certificate is not trusted), ``not-records`` (something
            answered, not a records service), ``refused`` (it refused the check, e.g. 429).
        window: the service's record of the window (``name``, ``department``, …); None
            when the center has no such window (or there was a problem).
        detail: the technical words behind ``problem`` (for the details and the log).
    """

    problem: str | None
    window: dict[str, Any] | None = None
    detail: str = ""


def probe_service(provisioning: Provisioning, timeout: float = 5.0) -> ServiceProbe:
    """Ask the service at ``provisioning.service_url`` whether it is there and knows the
    window; never raises for the network (the problem is in the answer)."""
    from clerk_app.core.errors import BadAnswer, CertificateNotTrusted, Offline

    api = ApiClient(
        provisioning.service_url, ca_bundle=provisioning.ca_bundle, timeout=(timeout, timeout)
    )
    cause: Exception
    try:
        health = api.health()
        if health.version is None:
            return ServiceProbe("not-records", detail=f"/health answered {health.raw!r}"[:500])
        try:
            window = api.check_window(provisioning.center_code, provisioning.window_code)
        except Refused as exc:
            if exc.status != 404:
                raise
            window = None
        return ServiceProbe(None, window=window)
    except CertificateNotTrusted as exc:
        problem, cause = "tls", exc
    except Offline as exc:
        problem, cause = "offline", exc
    except (BadAnswer, Refused) as exc:
        problem = "refused" if getattr(exc, "status", 0) == 429 else "not-records"
        cause = exc
    finally:
        api.close()
    detail = f"{type(cause).__name__}: {cause}"
    log.warning("first-run check of %s: %s (%s)", provisioning.service_url, problem, detail)
    return ServiceProbe(problem, detail=detail)


# -- the hall screen's display credential ---------------------------------------------------


def display_credential(context: AppContext) -> MachineCredential | None:
    """This PC's display credential (it is then a hall screen), or None."""
    secrets = context.backend.secrets
    if secrets is None:
        return None
    text = secrets.get(DISPLAY_SECRET)
    return MachineCredential.from_json(text) if text else None


def renew_if_due(context: AppContext, credential: MachineCredential) -> MachineCredential:
    """``credential``, renewed first when :meth:`MachineCredential.renew_due` says so on the
    context's clock (the successor is kept before it is used; the service revokes the old).

    Raises:
        CredentialRevoked: the service refused the credential (401).
        ConnectionProblem: no answer; the old credential stays and is tried again later.
    """
    now = context.clock.now()
    if not credential.renew_due(now):
        return credential
    try:
        issued = context.backend.api.renew_credential(credential.token, credential.kind)
    except Refused as exc:
        if exc.status == 401:
            raise CredentialRevoked("display credential refused") from exc
        raise
    renewed = MachineCredential(
        token=str(issued["token"]),
        kind=credential.kind,
        window_code=issued.get("window_code"),
        label=str(issued.get("label") or credential.label),
        expires_at=issued["expires_at"],
        obtained_at=now,
    )
    if context.backend.secrets is not None:
        context.backend.secrets.set(DISPLAY_SECRET, renewed.to_json())
    log.info("display credential renewed; valid until %s", renewed.expires_at.isoformat())
    return renewed


def enrol_here(context: AppContext, code: str) -> Enrolled:
    """:func:`enrol` on a PC already set up (a hall screen whose credential was revoked
    gets a new code typed in)."""
    backend = context.backend
    if backend.secrets is None:  # pragma: no cover - build_context always makes one
        raise EnrolmentProblem("unsupported")
    return enrol(
        backend.api,
        backend.tokens,
        backend.secrets,
        code=code,
        window_code=context.provisioning.window_code,
        device_id=context.device_id,
        clock=context.clock,
    )
