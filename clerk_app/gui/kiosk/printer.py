"""The kiosk's ticket printer: the printer of kind ``queue_ticket`` (the one remembered at
this PC, else the provisioning file's ``[printers] queue_ticket`` or ``default``, else the
system's default — as everywhere, ``gui.printing``), and its paper.

A thermal roll printer that runs out of paper tells CUPS (IPP ``printer-state-reasons``
``media-empty`` / ``media-needed``, shown by ``lpstat -l -p`` as an alert): the kiosk asks
before it prints, says so on screen and keeps the ticket for its reprint. Where there is
no ``lpstat`` (Windows) an empty roll surfaces as a failed print, and the ticket is kept
the same way.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from typing import Any

from clerk_app.documents import RenderedDocument
from clerk_app.gui.printing import PrinterChoices, PrintFailed, print_document

log = logging.getLogger("clerk.print")

KIND = "queue_ticket"
#: CUPS printer-state-reasons that mean the roll is empty (RFC 8011 §5.4.12).
PAPER_OUT_REASONS = ("media-empty", "media-needed", "media-jam")


class PaperOut(PrintFailed):
    """The ticket printer has no paper (or a jam); ``str()`` is for the log only."""


def alerts_say_paper_out(lpstat_output: str) -> bool:
    """Whether ``lpstat -l -p QUEUE`` output carries an empty-roll alert."""
    for line in lpstat_output.splitlines():
        label, _, value = line.strip().partition(":")
        if label.strip().lower() == "alerts":
            reasons = value.replace(",", " ").split()
            return any(r.startswith(PAPER_OUT_REASONS) for r in reasons)
    return False


def paper_out(name: str) -> bool:
    """Whether CUPS says the queue ``name`` is out of paper (False when it cannot tell)."""
    lpstat = shutil.which("lpstat")
    if lpstat is None or not name:
        return False
    try:
        out = subprocess.run(  # noqa: S603 - fixed tool, the queue name as one argument
            [lpstat, "-l", "-p", name],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return alerts_say_paper_out(out.stdout)


class TicketPrinter:
    """Prints tickets on the kiosk's printer (no dialog: nobody at a kiosk answers one)."""

    def __init__(self, context: Any) -> None:
        self.choices = PrinterChoices(context)

    def name(self) -> str:
        return self.choices.printer_for(KIND)

    def paper_out(self, name: str) -> bool:
        return paper_out(name)

    def print_ticket(self, document: RenderedDocument) -> str:
        """Print ``document``; the printer's name.

        Raises:
            PaperOut: the printer has no paper (nothing printed).
            PrintFailed: no such printer, or it refused the job.
        """
        name = self.name()
        if self.paper_out(name):
            log.warning("ticket printer %s is out of paper", name)
            raise PaperOut(f"{name}: out of paper", printer=name)
        print_document(document, name)
        return name
