"""QR codes for notices (segno), as PNG bytes, a QImage or a data: URI.

The payload lets the applicant open the public progress page with the case number and the
query code filled in. Error correction M survives a smudged print; scale 8 (8 pixels per
module) still decodes after printing at 36-150 dpi, scale 1 does not.
"""

from __future__ import annotations

import base64
import io
from urllib.parse import urlencode, urlsplit

import segno
from PySide6.QtGui import QImage


def qr_payload(progress_url: str, case_no: str, query_code: str) -> str:
    """What the receipt's QR code carries.

    With a progress address: ``{progress_url}?case={case_no}&code={query_code}`` (``&``
    when the address already has a query). Without: ``"{case_no} {query_code}"``.
    """
    if not progress_url:
        return f"{case_no} {query_code}"
    query = urlencode({"case": case_no, "code": query_code})
    separator = "&" if urlsplit(progress_url).query else "?"
    if progress_url.endswith(("?", "&")):
        separator = ""
    return f"{progress_url}{separator}{query}"


def qr_png(payload: str, scale: int = 8, border: int = 4) -> bytes:
    """The QR code of ``payload`` as PNG bytes (error correction M, black on white)."""
    code = segno.make(payload, error="m", micro=False, boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=border, dark="black", light="white")
    return out.getvalue()


def qr_image(payload: str, scale: int = 8, border: int = 4) -> QImage:
    """The QR code as a QImage, for ``QTextDocument.addResource``."""
    # The format is left to Qt to detect: PySide6's stub wants bytes for it, but the
    # binding accepts only str there at run time.
    image = QImage.fromData(qr_png(payload, scale=scale, border=border))
    if image.isNull():  # pragma: no cover - segno always writes a valid PNG
        raise RuntimeError("could not decode the QR code PNG")
    return image


def qr_data_uri(payload: str, scale: int = 8, border: int = 4) -> str:
    """The QR code as a ``data:image/png;base64,…`` URI (for HTML previews and exports)."""
    encoded = base64.b64encode(qr_png(payload, scale=scale, border=border)).decode("ascii")
    return f"data:image/png;base64,{encoded}"
