"""A stand-in for the center's website (issue 19), written against the documented API only
(docs/API.md and the service's OpenAPI): HTTP, its integration credential, nothing of the
service's code. It posts an applicant's pre-submission (网上申报) by its own id, reads the
pre-review back by posting the same body again, re-posts after a supplement notice, sends
the listed files through the attachment uploads (issue 22), and follows the number with the
public progress query, as the applicant does.
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

TIMEOUT = (5, 60)


def content_type_of(content: bytes) -> str:
    """The file kind the website names for a file, by its first bytes."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return "image/png"


def uploaded(name: str, content: bytes, code: str | None = None) -> dict[str, Any]:
    """What the website lists of an uploaded file: its name, SHA-256 and size."""
    material: dict[str, Any] = {
        "name": name,
        "sha256": hashlib.sha256(content).hexdigest(),
        "size": len(content),
    }
    if code is not None:
        material["code"] = code
    return material


@dataclass
class Application:
    """One applicant's application on the website: the body it posts (by ``external_id``)
    and what the service answered last (its number and query code)."""

    body: dict[str, Any]
    no: str | None = None
    query_code: str | None = None
    answers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def external_id(self) -> str:
        return str(self.body["external_id"])


class WebsiteClient:
    """The website's side of ``POST /presubmissions`` and ``GET /progress/{no}``.

    Args:
        api_url: the service's API root (``http://host:port/api/v1``).
        token: the website's integration credential (from an enrolment).
    """

    def __init__(self, api_url: str, token: str) -> None:
        self.api_url = api_url.rstrip("/")
        self.token = token

    def _post(self, body: dict[str, Any]) -> requests.Response:
        return requests.post(
            f"{self.api_url}/presubmissions",
            json=body,
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=TIMEOUT,
        )

    def submit(self, application: Application) -> requests.Response:
        """Post (or post again) the application; remember its number and query code."""
        response = self._post(application.body)
        if response.status_code in (200, 201):
            answer = response.json()
            application.no = answer["presubmission"]["no"]
            application.query_code = answer["query_code"]
            application.answers.append(answer["presubmission"])
        return response

    def status(self, application: Application) -> dict[str, Any]:
        """The pre-submission as it is now: the same body posted again (idempotent)."""
        response = self.submit(application)
        assert response.status_code == 200, response.text
        return application.answers[-1]

    def supplement(
        self, application: Application, materials: list[dict[str, Any]]
    ) -> requests.Response:
        """The applicant's supplement: the application re-posted with more materials."""
        application.body = copy.deepcopy(application.body)
        application.body["materials"] = [*application.body.get("materials", []), *materials]
        return self.submit(application)

    def declare_file(
        self, application: Application, content: bytes, code: str, *, page: int = 1
    ) -> requests.Response:
        """Declare one of the application's files for upload (``POST
        /cases/{no}/attachments`` with the pre-submission's number; the id is the key)."""
        key = str(uuid.uuid4())
        return requests.post(
            f"{self.api_url}/cases/{application.no}/attachments",
            json={
                "id": key,
                "material_code": code,
                "page": page,
                "content_type": content_type_of(content),
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            },
            headers={"Authorization": f"Bearer {self.token}", "Idempotency-Key": key},
            timeout=TIMEOUT,
        )

    def send_chunks(
        self, upload_id: str, content: bytes, chunk: int, *, start: int = 0, stop: int | None = None
    ) -> requests.Response:
        """``PUT /uploads/{id}`` with ``Content-Range``, chunk by chunk from ``start`` (up to
        ``stop`` bytes: a link that breaks); the last answer."""
        end = len(content) if stop is None else stop
        answer = None
        for offset in range(start, end, chunk):
            piece = content[offset : min(offset + chunk, end)]
            answer = requests.put(
                f"{self.api_url}/uploads/{upload_id}",
                data=piece,
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/octet-stream",
                    "Content-Range": f"bytes {offset}-{offset + len(piece) - 1}/{len(content)}",
                },
                timeout=TIMEOUT,
            )
            if answer.status_code != 200:
                return answer
        assert answer is not None
        return answer

    def progress(self, application: Application) -> requests.Response:
        """The public progress query, as the applicant makes it (number and code)."""
        return requests.get(
            f"{self.api_url}/progress/{application.no}",
            params={"code": application.query_code},
            timeout=TIMEOUT,
        )
