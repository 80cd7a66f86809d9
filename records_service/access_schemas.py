"""Requests and answers of the access routes: password change and enrolment (issue 14)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from records_service.schemas import Moment, Public, Strict, WindowCode

#: What an enrolment code makes: a desk's device credential, a hall or window screen's
#: display credential, a kiosk's, or an outside system's integration credential.
EnrolmentKind = Literal["desk", "display", "kiosk", "integration"]
#: ``AAAA-BBBB-CCCC``: what IT types into the first-run wizard.
ENROLMENT_CODE_PATTERN = r"^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$"


class PasswordChange(Strict):
    """``POST /auth/password``: the user's own change (also the forced one)."""

    current_password: Annotated[str, Field(min_length=1, max_length=256)]
    new_password: Annotated[str, Field(min_length=1, max_length=256)]


class EnrolmentCreate(Strict):
    """``POST /enrolments``: a code for one machine. ``window_code`` is required for a desk
    and names a window's own screen for a display; kiosks and integrations have none."""

    kind: EnrolmentKind
    window_code: WindowCode | None = None
    label: Annotated[str, Field(min_length=1, max_length=100)]


class EnrolmentPublic(Public):
    """The code, shown once (only its hash is kept)."""

    code: str
    kind: EnrolmentKind
    window_code: str | None
    label: str
    expires_at: Moment


class EnrolmentRedeem(Strict):
    """``POST /enrolments/redeem``: the machine exchanges its code for its credential;
    a desk names its device id."""

    code: Annotated[str, Field(min_length=14, max_length=14, pattern=ENROLMENT_CODE_PATTERN)]
    device_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None


class CredentialIssued(Public):
    """A machine's credential (a bearer token), shown once."""

    token: str
    kind: EnrolmentKind
    window_code: str | None
    label: str
    expires_at: Moment


class CredentialPublic(Public):
    """A live machine credential (never the token itself)."""

    id: int
    kind: EnrolmentKind
    label: str | None
    window_code: str | None
    device_id: str | None
    issued_to: str | None
    issued_at: Moment
    expires_at: Moment
    last_used_at: Moment | None


class Credentials(Public):
    items: list[CredentialPublic]


#: The credentials that renew themselves (an integration's is renewed by an admin).
RenewableKind = Literal["desk", "display", "kiosk"]


class CredentialRenew(Strict):
    """``POST /credentials/renew``: a live machine credential asks for its successor.

    ``kind`` names what the machine believes it holds; a mismatch answers 422. (Naming it
    also keeps a stray empty POST from rotating a credential.)"""

    kind: RenewableKind


class WindowCheck(Public):
    """``GET /centers/{center_code}/windows/{window_code}``: what the first-run wizard
    checks before a window PC is set up (the names the hall shows anyway)."""

    code: str
    name: str
    department: str
    department_code: str
    center_code: str
    center_name: str
