"""The ticket kiosk's tests (issue 18): a kiosk PC enrolled against a real records service
(an admin's ``POST /enrolments`` of kind ``kiosk``, redeemed by ``app.kiosk.enrol_kiosk``),
provisioned with an offline block and the elderly age; ID numbers that pass GB 11643."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

import requests

from clerk_app.app import kiosk
from clerk_app.app.context import AppContext
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for

#: GB 11643 check-digit weights.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(birth: date, serial: int = 123, area: str = "110105") -> str:
    """A valid resident ID number born on ``birth`` (Beijing Chaoyang by default)."""
    body = f"{area}{birth:%Y%m%d}{serial:03d}"
    total = sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def kiosk_code(service: Any, label: str = "kiosk 1") -> str:
    """A one-time kiosk enrolment code made by the demo admin."""
    admin = token_for(service, "demo-admin", window_code=None)
    answer = requests.post(
        service.url("/enrolments"),
        json={"kind": "kiosk", "label": label},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["code"])


def as_kiosk(
    context: AppContext, *, block: int | None = 8, elderly_age: int = 60, printer: str = ""
) -> AppContext:
    """``context`` provisioned as a kiosk: its offline block, elderly age and printer."""
    printers = dict(context.provisioning.printers)
    if printer:
        printers["queue_ticket"] = printer
    context.provisioning = context.provisioning._replace(
        queue_offline_block=block,
        queue_elderly_age=elderly_age,
        printers=type(context.provisioning.printers)(printers),
    )
    return context


def enrolled_kiosk(
    service: Any, context: AppContext, label: str = "kiosk 1", **provisioned: Any
) -> kiosk.KioskCredentialHolder:
    """Enrol ``context``'s PC as a kiosk of ``service``; its credential holder."""
    as_kiosk(context, **provisioned)
    credential = kiosk.enrol_kiosk(context, kiosk_code(service, label))
    return kiosk.KioskCredentialHolder(context, credential)


CST = timezone(timedelta(hours=8))
#: Monday 30 November 2026, 09:30 in the center: a working day, the hall open.
MONDAY_MORNING = datetime(2026, 11, 30, 9, 30, tzinfo=CST)


def book_appointment(service: Any, id_number: str, category: str = "ZH") -> str:
    """Book this morning's appointment of ``id_number`` through the website's integration
    credential; its code (``YY…``)."""
    admin = token_for(service, "demo-admin", window_code=None)
    made = requests.post(
        service.url("/enrolments"),
        json={"kind": "integration", "label": f"website {uuid.uuid4().hex[:6]}"},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert made.status_code == 201, made.text
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": made.json()["code"]}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    key = str(uuid.uuid4())
    body = {
        "id": key,
        "category": category,
        "day": MONDAY_MORNING.date().isoformat(),
        "half": "am",
        "name": "王秀英",
        "id_number": id_number,
        "phone": "13800138000",
        "source": "website",
    }
    booked = requests.post(
        service.url("/appointments"),
        json=body,
        headers={**auth(redeemed.json()["token"]), "Idempotency-Key": key},
        timeout=TIMEOUT,
    )
    assert booked.status_code == 201, booked.text
    return str(booked.json()["appointment"]["code"])
