"""REST client for the records service (``/api/v1``, see shared/API.md).

One :class:`requests.Session` per client, made at its first call (``requests`` is imported
then, not while the desk starts: issue 21). TLS is verified against the provisioning file's CA
bundle (a private CA) or the system store; it is never switched off. Every call has a
``(connect, read)`` timeout. Only idempotent reads are retried here (urllib3 ``Retry``);
writes are retried by the outbox, which owns their Idempotency-Key.

Errors:

* :class:`ApiError` — the service (or something in between) answered with an HTTP error;
  ``problem`` is the RFC 9457 problem document (made up from the status when the body is not
  JSON, e.g. a proxy's HTML page); ``retry_after`` in seconds when the answer said so.
* :class:`NetworkError` — no answer: connection refused, DNS, timeout, broken connection.
  :class:`TlsError` (a subclass) when the server's certificate is not trusted.
* :class:`BadResponseError` — a 2xx answer whose body is not what the contract promises.

Tokens are never logged: the ``clerk.remote`` logger gets method, path, status and time.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from clerk_app.core.errors import BadAnswer, CertificateNotTrusted, Offline, Refused

if TYPE_CHECKING:
    import requests
    from urllib3.util.retry import Retry

log = logging.getLogger("clerk.remote")

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = (3.05, 15.0)


def _client_version() -> str:
    try:
        from importlib.metadata import version

        return version("window-clerk")
    except Exception:  # not installed as a distribution (running from a checkout)
        return "0"


class RemoteError(Exception):
    """Base of everything this module raises."""


class NetworkError(RemoteError, Offline):
    """No usable answer: the service could not be reached, or the connection broke."""


class TlsError(NetworkError, CertificateNotTrusted):
    """The server's certificate is not trusted (wrong or missing CA bundle, wrong host)."""


class BadResponseError(RemoteError, BadAnswer):
    """A successful status with a body that does not follow the contract."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class ApiError(RemoteError, Refused):
    """An HTTP error answer.

    Attributes:
        status: the HTTP status.
        problem: the problem document (``type``, ``title``, ``status``, ``detail``, ...).
        retry_after: seconds to wait, from ``Retry-After``, or None.
    """

    def __init__(
        self, status: int, problem: dict[str, Any], retry_after: float | None = None
    ) -> None:
        title = problem.get("title") or _status_phrase(status)
        detail = problem.get("detail")
        super().__init__(f"{status} {title}" + (f": {detail}" if detail else ""))
        self.status = status
        self.problem = problem
        self.retry_after = retry_after

    @property
    def type(self) -> str:
        """The problem type URI ("about:blank" when the answer gave none)."""
        return str(self.problem.get("type") or "about:blank")

    @property
    def slug(self) -> str:
        """The problem type's last path segment, a trailing slash ignored.

        ``already-paid`` for ``https://clerk.example/problems/already-paid``; "about:blank"
        when the answer gave no type.
        """
        return self.type.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Health:
    """``GET /health``."""

    status: str
    version: str | None
    min_client_version: str | None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LoginResult:
    """``POST /auth/login``."""

    access_token: str
    expires_at: datetime
    user: dict[str, Any]
    window: dict[str, Any]
    device_token: str | None
    sequence_high_water: dict[str, int]
    #: The password was set by someone else or has expired: only ``change_password`` (and
    #: ``logout``) may be used with this token until it is changed.
    password_change_required: bool = False


@dataclass(frozen=True)
class CatalogResponse:
    """``GET /catalog``: ``not_modified`` when the cached copy (``If-None-Match``) is current."""

    not_modified: bool
    data: dict[str, Any] | None
    etag: str | None


class ApiClient:
    """The records service over HTTP(S).

    Args:
        base_url: the service root, e.g. ``https://records.center.example:8443`` (the
            ``/api/v1`` prefix is added here).
        ca_bundle: PEM file with the center's CA; None means the system store.
        timeout: ``(connect, read)`` seconds for every call.
        session: a session to use (tests); a new one by default.
        user_agent: sent with every request.
        get_retry: urllib3 ``Retry`` for reads; by default one immediate retry on 502/503/504
            and on connection errors (those are retried for any method: nothing was sent).
            Writes are never retried on a status or a read error.
    """

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: Path | str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        session: requests.Session | None = None,
        user_agent: str | None = None,
        get_retry: Retry | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.verify: str | bool = str(ca_bundle) if ca_bundle is not None else True
        self._session = session
        self._user_agent = user_agent
        self._get_retry = get_retry
        self._session_ready = False
        self._session_lock = threading.Lock()

    @property
    def session(self) -> requests.Session:
        """The HTTP session (the one given, else a new one), set up at its first use."""
        with self._session_lock:
            if self._session is None or not self._session_ready:
                self._session = self._set_up(self._session)
                self._session_ready = True
            return self._session

    def _set_up(self, session: requests.Session | None) -> requests.Session:
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        session = session or requests.Session()
        session.headers["User-Agent"] = self._user_agent or f"WindowClerk/{_client_version()}"
        session.headers["Accept"] = "application/json, application/problem+json"
        # One immediate retry (urllib3 does not back off before the first retry): enough
        # for a dropped keep-alive connection or a gateway hiccup, and a worker never sleeps.
        retry = self._get_retry or Retry(
            total=1,
            backoff_factor=0,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
            respect_retry_after_header=False,
            raise_on_status=False,
        )
        # Writes are never retried by the transport: the outbox does it with its key.
        session.mount("http://", HTTPAdapter(max_retries=retry))
        session.mount("https://", HTTPAdapter(max_retries=retry))
        return session

    def close(self) -> None:
        """Close the pooled connections (none if no call was made)."""
        if self._session is not None:
            self._session.close()

    #: The service's ``Date`` header of the last answer (any status), for clock skew.
    last_server_date: datetime | None = None

    def _note_date(self, response: requests.Response) -> None:
        text = response.headers.get("Date")
        if not text:
            return
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return
        if parsed.tzinfo is not None:
            self.last_server_date = parsed

    # -- generic ----------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: Any = None,
        idempotency_key: str | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        """Send one request; return the response if its status is below 400 (``timeout``:
        this call's ``(connect, read)`` seconds instead of the client's).

        ``body`` may be data (sent as JSON) or an already serialised ``str``/``bytes`` (sent
        byte for byte, which keeps outbox retries identical). ``path`` is relative to the
        service root and must start with ``/``.

        Raises:
            ApiError, NetworkError, TlsError.
        """
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/': {path!r}")
        all_headers: dict[str, str] = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        if idempotency_key:
            all_headers["Idempotency-Key"] = idempotency_key
        data: bytes | None = None
        if body is not None:
            if isinstance(body, bytes):
                data = body
            elif isinstance(body, str):
                data = body.encode("utf-8")
            else:
                data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            all_headers.setdefault("Content-Type", "application/json")  # an upload's: its own
        url = self.base_url + path
        session = self.session  # imports requests at the first call
        import requests

        started = time.monotonic()
        try:
            response = session.request(
                method.upper(),
                url,
                data=data,
                params=params,
                headers=all_headers,
                timeout=timeout or self.timeout,
                verify=self.verify,
                allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            log.warning("%s %s: TLS failure", method, path)
            raise TlsError(
                f"the certificate of {self.base_url} is not trusted "
                f"(CA bundle: {self.verify if self.verify is not True else 'system store'}): "
                f"{_short(exc)}"
            ) from exc
        except requests.exceptions.Timeout as exc:
            log.info("%s %s: timed out", method, path)
            raise NetworkError(f"{self.base_url} did not answer in time: {_short(exc)}") from exc
        except (
            requests.exceptions.ConnectionError,
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
            requests.exceptions.RetryError,
        ) as exc:
            log.info("%s %s: unreachable", method, path)
            raise NetworkError(f"cannot reach {self.base_url}: {_short(exc)}") from exc
        self._note_date(response)
        elapsed_ms = (time.monotonic() - started) * 1000
        log.info("%s %s -> %d (%.0f ms)", method, path, response.status_code, elapsed_ms)
        if response.status_code >= 400 or 300 <= response.status_code < 304:
            raise ApiError(response.status_code, _problem_of(response), _retry_after(response))
        return response

    def send(
        self,
        method: str,
        path: str,
        token: str | None,
        body: Any = None,
        idempotency_key: str | None = None,
    ) -> tuple[int, Any]:
        """Send a write (an outbox row) and return ``(status, json or None)``.

        Raises:
            ApiError, NetworkError, TlsError, BadResponseError (2xx with a non-JSON body).
        """
        response = self.request(
            method, path, token=token, body=body, idempotency_key=idempotency_key
        )
        if response.status_code == 204 or not response.content:
            return response.status_code, None
        return response.status_code, _json_of(response)

    # -- routes -----------------------------------------------------------------------------

    def health(self, *, timeout: tuple[float, float] | None = None) -> Health:
        """``GET /health`` (no token); ``timeout`` replaces the client's for this call (the
        sync engine's heartbeat probes with a short one)."""
        data = _expect_dict(self.request("GET", f"{API_PREFIX}/health", timeout=timeout))
        status = data.get("status")
        if not isinstance(status, str):
            raise BadResponseError("health answer without a status", status=200)
        return Health(
            status=status,
            version=_opt_str(data.get("version")),
            min_client_version=_opt_str(data.get("min_client_version")),
            raw=data,
        )

    def login(
        self,
        username: str,
        password: str,
        window_code: str,
        device_id: str,
        client_version: str,
        *,
        has_device_token: bool | None = None,
    ) -> LoginResult:
        """``POST /auth/login``. ``has_device_token``: whether this desk still holds its
        device token (False: a clerk of the window gets a new one, the old one revoked);
        None leaves it out, as clients before it did.

        Raises:
            ApiError: 401 wrong credentials, 429 too many failures, 426 client too old.
        """
        body: dict[str, Any] = {
            "username": username,
            "password": password,
            "window_code": window_code,
            "device_id": device_id,
            "client_version": client_version,
        }
        if has_device_token is not None:
            body["has_device_token"] = has_device_token
        response = self.request("POST", f"{API_PREFIX}/auth/login", body=body)
        data = _expect_dict(response)
        try:
            token = data["access_token"]
            expires_at = datetime.fromisoformat(str(data["expires_at"]))
            user = data["user"]
            window = data["window"]
            high_water = {str(k): int(v or 0) for k, v in dict(data["sequence_high_water"]).items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise BadResponseError(f"login answer does not follow the contract: {exc!r}") from exc
        if not isinstance(token, str) or not token:
            raise BadResponseError("login answer without an access token")
        if not isinstance(user, dict) or not isinstance(window, dict):
            raise BadResponseError("login answer without user or window")
        if expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=UTC)
        device_token = data.get("device_token")
        return LoginResult(
            access_token=token,
            expires_at=expires_at,
            user=user,
            window=window,
            device_token=device_token if isinstance(device_token, str) and device_token else None,
            sequence_high_water=high_water,
            password_change_required=data.get("password_change_required") is True,
        )

    def change_password(self, token: str, current_password: str, new_password: str) -> None:
        """``POST /auth/password``: the signed-in user's own change (204; the user's other
        sign-ins are ended, this token stays valid).

        Raises:
            ApiError: 403 ``…/wrong-password``, 422 ``…/weak-password`` (the detail and
                ``errors`` say which rule), 429 ``…/too-many-attempts``, 401.
        """
        self.request(
            "POST",
            f"{API_PREFIX}/auth/password",
            token=token,
            body={"current_password": current_password, "new_password": new_password},
        )

    def logout(self, token: str, *, timeout: tuple[float, float] | None = None) -> None:
        """``POST /auth/logout``: end the token on the service; ``timeout`` replaces the
        client's ``(connect, read)`` for this call (sign-out at quit must not wait long)."""
        self.request("POST", f"{API_PREFIX}/auth/logout", token=token, timeout=timeout)

    def catalog(self, token: str, etag: str | None = None) -> CatalogResponse:
        """``GET /catalog``, conditional on ``etag`` (then 304 → ``not_modified``)."""
        headers = {"If-None-Match": etag} if etag else None
        response = self.request("GET", f"{API_PREFIX}/catalog", token=token, headers=headers)
        if response.status_code == 304:
            return CatalogResponse(not_modified=True, data=None, etag=etag)
        data = _expect_dict(response)
        if not isinstance(data.get("items"), list):
            raise BadResponseError("catalog answer without items", status=response.status_code)
        return CatalogResponse(
            not_modified=False, data=data, etag=response.headers.get("ETag") or None
        )

    def calendar(self, token: str, year: int) -> dict[str, Any]:
        """``GET /calendar?year=``: the published working-day calendar."""
        response = self.request(
            "GET", f"{API_PREFIX}/calendar", token=token, params={"year": int(year)}
        )
        data = _expect_dict(response)
        if not isinstance(data.get("holidays"), list) or not isinstance(data.get("workdays"), list):
            raise BadResponseError("calendar answer without holidays/workdays")
        return data

    def calendar_if_changed(
        self, token: str, year: int, etag: str | None
    ) -> tuple[bool, dict[str, Any] | None, str | None]:
        """``GET /calendar?year=`` with ``If-None-Match``: ``(not_modified, data, etag)``."""
        headers = {"If-None-Match": etag} if etag else None
        response = self.request(
            "GET", f"{API_PREFIX}/calendar", token=token, params={"year": int(year)},
            headers=headers,
        )  # fmt: skip
        if response.status_code == 304:
            return True, None, etag
        data = _expect_dict(response)
        if not isinstance(data.get("holidays"), list) or not isinstance(data.get("workdays"), list):
            raise BadResponseError("calendar answer without holidays/workdays")
        return False, data, response.headers.get("ETag") or None

    def changes(self, token: str, after: int, limit: int = 200) -> tuple[list[dict], int]:
        """``GET /changes?after=&limit=`` → ``(cases, next cursor)``."""
        response = self.request(
            "GET", f"{API_PREFIX}/changes", token=token, params={"after": after, "limit": limit}
        )
        data = _expect_dict(response)
        items, nxt = data.get("items"), data.get("next")
        if not isinstance(items, list) or not isinstance(nxt, int):
            raise BadResponseError("changes answer without items/next")
        return [i for i in items if isinstance(i, dict)], nxt

    def report_status(self, token: str, device_id: str, report: dict[str, Any]) -> None:
        """``POST /devices/{device_id}/status``: waiting, rejected, version, clock."""
        self.request(
            "POST",
            f"{API_PREFIX}/devices/{quote(device_id, safe='')}/status",
            token=token,
            body=report,
        )

    def create_case(
        self, token: str, body: Any, idempotency_key: str
    ) -> tuple[int, dict[str, Any]]:
        """``POST /cases`` → ``(status, {"case": ...})``."""
        status, data = self.send("POST", f"{API_PREFIX}/cases", token, body, idempotency_key)
        if not isinstance(data, dict) or not isinstance(data.get("case"), dict):
            raise BadResponseError("case answer without a case", status=status)
        return status, data

    def create_joint_case(
        self, token: str, body: Any, idempotency_key: str
    ) -> tuple[int, dict[str, Any]]:
        """``POST /joint-cases`` (the joint case with every part; Idempotency-Key = the
        joint id) → ``(status, {"joint_case": ...})``."""
        status, data = self.send("POST", f"{API_PREFIX}/joint-cases", token, body, idempotency_key)
        if not isinstance(data, dict) or not isinstance(data.get("joint_case"), dict):
            raise BadResponseError("joint case answer without a joint case", status=status)
        return status, data

    def get_joint_case(self, token: str, joint_no: str) -> dict[str, Any]:
        """``GET /joint-cases/{joint_no}`` → the joint case with its parts and stages."""
        response = self.request(
            "GET",
            f"{API_PREFIX}/joint-cases/{quote(joint_no, safe='')}",
            token=token,
        )
        data = _expect_dict(response).get("joint_case")
        if not isinstance(data, dict) or "joint_no" not in data:
            raise BadResponseError("joint case answer without a joint case")
        return data

    def create_payment(self, token: str, body: Any, idempotency_key: str) -> dict[str, Any]:
        """``POST /payments`` (the cashier; Idempotency-Key = the payment id) →
        ``{"payment": ..., "notice": ...}`` with the receipt the center issued."""
        status, data = self.send("POST", f"{API_PREFIX}/payments", token, body, idempotency_key)
        if not isinstance(data, dict) or not isinstance(data.get("payment"), dict):
            raise BadResponseError("payment answer without a payment", status=status)
        return data

    def cashier_day(self, token: str, day: date) -> dict[str, Any]:
        """``GET /cashier/day?date=`` → the signed-in cashier's day sheet."""
        response = self.request(
            "GET", f"{API_PREFIX}/cashier/day", token=token, params={"date": day.isoformat()}
        )
        sheet = _expect_dict(response).get("day")
        if not isinstance(sheet, dict):
            raise BadResponseError("day answer without a day")
        return sheet

    def get_payment_notice(self, token: str, notice_no: str) -> dict[str, Any]:
        """``GET /payment-notices/{notice_no}`` (issue 17) → the notice as the center has
        it: status and the payment code the fiscal platform assigned.

        Raises:
            ApiError: 404 when the center has no such notice (in reach).
        """
        response = self.request(
            "GET",
            f"{API_PREFIX}/payment-notices/{quote(notice_no, safe='')}",
            token=token,
        )
        data = _expect_dict(response).get("notice")
        if not isinstance(data, dict) or "notice_no" not in data:
            raise BadResponseError("payment notice answer without a notice")
        return data

    def get_notice_payment(self, token: str, notice_no: str) -> dict[str, Any]:
        """``GET /payment-notices/{notice_no}/payment`` (issue 17) → the payment of a paid
        notice with its fiscal receipt (``{"payment": ..., "notice": ...}``).

        Raises:
            ApiError: 404 when the notice is not paid (or not in reach).
        """
        response = self.request(
            "GET",
            f"{API_PREFIX}/payment-notices/{quote(notice_no, safe='')}/payment",
            token=token,
        )
        data = _expect_dict(response)
        if not isinstance(data.get("payment"), dict):
            raise BadResponseError("payment answer without a payment")
        return data

    def progress(self, case_no: str, code: str) -> dict[str, Any]:
        """``GET /progress/{case_no}?code=`` (no token): the applicant's public view.

        Raises:
            ApiError: 404 for an unknown number or a wrong code (the same answer), 429.
        """
        response = self.request(
            "GET",
            f"{API_PREFIX}/progress/{quote(case_no, safe='')}",
            params={"code": code},
        )
        data = _expect_dict(response)
        if "status" not in data:
            raise BadResponseError("progress answer without a status")
        return data

    def get_case(self, token: str, case_no: str) -> dict[str, Any]:
        """``GET /cases/{case_no}`` → the case with its events."""
        response = self.request("GET", f"{API_PREFIX}/cases/{quote(case_no, safe='')}", token=token)
        data = _expect_dict(response)
        case = data.get("case", data)
        if not isinstance(case, dict) or "case_no" not in case:
            raise BadResponseError("case answer without a case")
        return case

    # -- shift lead dashboard ----------------------------------------------------------------

    def _get_dict(self, token: str, path: str, params: Mapping[str, Any] | None = None) -> dict:
        data = _expect_dict(self.request("GET", API_PREFIX + path, token=token, params=params))
        if not isinstance(data.get("items"), list):
            raise BadResponseError(f"{path} answer without items")
        return data

    def workload(self, token: str, start: date, end: date, group: str = "window") -> dict:
        """``GET /workload?from=&to=&group=`` → figures per group, total and daily trend."""
        params = {"from": start.isoformat(), "to": end.isoformat(), "group": group}
        return self._get_dict(token, "/workload", params)

    def workload_cases(
        self, token: str, window: str, start: date, end: date, limit: int = 200
    ) -> dict:
        """``GET /workload/cases``: one window's cases of the period (applicant masked)."""
        params = {"window": window, "from": start.isoformat(), "to": end.isoformat()}
        return self._get_dict(token, "/workload/cases", {**params, "limit": limit})

    def joint_workload(
        self, token: str, start: date, end: date, limit: int = 200, cursor: str | None = None
    ) -> dict:
        """``GET /workload/joint``: the stage dashboard of the joint cases received in the
        period (per stage and department, and a page of joint cases, newest first)."""
        params: dict[str, str | int] = {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "limit": limit,
        }
        if cursor:
            params["cursor"] = cursor
        path = API_PREFIX + "/workload/joint"
        data = _expect_dict(self.request("GET", path, token=token, params=params))
        if not isinstance(data.get("stages"), list) or not isinstance(data.get("projects"), list):
            raise BadResponseError("/workload/joint answer without stages and projects")
        return data

    def windows(self, token: str) -> dict:
        """``GET /windows``: every window's clients (last contact, waiting, rejected …)."""
        return self._get_dict(token, "/windows")

    def bad_ratings(self, token: str, followed_up: bool | None = None) -> dict:
        """``GET /ratings/bad``: bad ratings with their follow-up deadline."""
        params = {} if followed_up is None else {"followed_up": str(followed_up).lower()}
        return self._get_dict(token, "/ratings/bad", params)

    def users(self, token: str) -> dict:
        """``GET /users``: the users a lead looks after, with their lock-out state."""
        return self._get_dict(token, "/users")

    def unlock_user(self, token: str, username: str) -> None:
        """``POST /users/{username}/unlock``."""
        self.request(
            "POST",
            f"{API_PREFIX}/users/{quote(username, safe='')}/unlock",
            token=token,
        )

    def follow_up_rating(self, token: str, rating_id: str, note: str) -> dict:
        """``POST /ratings/{id}/follow-up`` → the rating as recorded."""
        response = self.request(
            "POST",
            f"{API_PREFIX}/ratings/{quote(rating_id, safe='')}/follow-up",
            token=token,
            body={"note": note},
        )
        return _expect_dict(response)

    def board(self, token: str, limit: int = 50) -> dict[str, Any]:
        """``GET /board?limit=`` (display, lead, admin): the hall screen's rows and totals."""
        response = self.request(
            "GET", f"{API_PREFIX}/board", token=token, params={"limit": int(limit)}
        )
        data = _expect_dict(response)
        if not isinstance(data.get("items"), list) or not isinstance(data.get("today"), dict):
            raise BadResponseError("board answer without items/today")
        return data

    # -- set-up and machine credentials (first-run wizard, hall screen) --------------------

    def check_window(self, center_code: str, window_code: str) -> dict[str, Any]:
        """``GET /centers/{center}/windows/{window}`` (no token): the window's name and
        department. Raises ``ApiError`` 404 when the center has no such window."""
        path = f"/centers/{quote(center_code, safe='')}/windows/{quote(window_code, safe='')}"
        data = _expect_dict(self.request("GET", API_PREFIX + path))
        if not isinstance(data.get("name"), str):
            raise BadResponseError("window answer without a name", status=200)
        return data

    def redeem_enrolment(self, code: str, device_id: str | None) -> dict[str, Any]:
        """``POST /enrolments/redeem`` (no token): ``{token, kind, window_code, label,
        expires_at}``. Raises ``ApiError`` 404 (unknown, used or expired code), 409, 429."""
        body: dict[str, Any] = {"code": code}
        if device_id:
            body["device_id"] = device_id
        return _credential_of(self.request("POST", f"{API_PREFIX}/enrolments/redeem", body=body))

    def renew_credential(self, token: str, kind: str) -> dict[str, Any]:
        """``POST /credentials/renew``: the machine credential's successor (the old one is
        revoked). Raises ``ApiError`` 401 when the credential is revoked or expired."""
        response = self.request(
            "POST", f"{API_PREFIX}/credentials/renew", token=token, body={"kind": kind}
        )
        return _credential_of(response)


def _credential_of(response: requests.Response) -> dict[str, Any]:
    """A ``CredentialIssued`` answer, ``expires_at`` read as a timezone-aware datetime."""
    data = _expect_dict(response)
    try:
        token, kind = data["token"], data["kind"]
        expires_at = datetime.fromisoformat(str(data["expires_at"]))
    except (KeyError, ValueError) as exc:
        raise BadResponseError(f"credential answer does not follow the contract: {exc!r}") from exc
    if not isinstance(token, str) or not token or not isinstance(kind, str):
        raise BadResponseError("credential answer without a token", status=response.status_code)
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=UTC)
    return {**data, "expires_at": expires_at}


# -- helpers -------------------------------------------------------------------------------


def _status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 300 else text[:297] + "..."


def _json_of(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise BadResponseError(
            f"{response.status_code} answer is not JSON "
            f"({response.headers.get('Content-Type', 'no content type')})",
            status=response.status_code,
        ) from exc


def _expect_dict(response: requests.Response) -> dict[str, Any]:
    data = _json_of(response)
    if not isinstance(data, dict):
        raise BadResponseError(
            f"{response.status_code} answer is not a JSON object", status=response.status_code
        )
    return data


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _problem_of(response: requests.Response) -> dict[str, Any]:
    """The problem document of an error answer; made up from the status if unusable."""
    status = response.status_code
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, dict):
        problem = dict(data)
        if "detail" in problem and not isinstance(problem["detail"], str | None):
            # FastAPI's default errors carry a list/dict in "detail".
            problem.setdefault("errors", problem["detail"])
            problem["detail"] = None
        problem.setdefault("status", status)
        problem.setdefault("title", _status_phrase(status))
        problem.setdefault("type", "about:blank")
        return problem
    return {
        "type": "about:blank",
        "title": _status_phrase(status),
        "status": status,
        "detail": f"the answer was not a problem document "
        f"({response.headers.get('Content-Type', 'no content type')})",
    }


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
