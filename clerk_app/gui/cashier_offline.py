"""The cashier screen with the link down (issue 17): a plain red banner says so, cash goes on
the next paper form of the cashier's stock, card and QR are refused in words.

The screen (``gui.cashier.CashierScreen``) holds one :class:`OfflinePart`. It pulls the
center's unpaid notices and the cashier's paper stock when the screen opens and when the
link comes back (the desk's sync worker says so, or F5); a failed call to the service puts
the screen in offline mode. Pulls run on a pool thread (``gui.ops.Op``) and the outbox goes
with the desk's sync worker (``gui.sync_worker``; F5 wakes it): a link that swallows requests
never freezes the screen. A screen without a worker (tests) sends in the pull's own
background work. Offline, a notice the desk never pulled is taken by its number:
the item code and the amount on the payer's paper notice, checked against the catalog, and
the payment is marked "to confirm".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.app import cashier, cashier_offline
from clerk_app.core.fees import PaymentMethod, PaymentNotice, parse_notice_no
from clerk_app.core.money import parse_yuan
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

# The link is tried every minute while offline or while payments wait (between payers).
TICK_MS = 60_000
# Online with nothing waiting, the unpaid notices are pulled again every five minutes.
PULL_EVERY_TICKS = 5
_BANNER_STYLE = "background: #b00020; color: white; font-weight: bold; padding: 6px;"


class OfflinePart(QWidget):
    """The banner and the "to confirm" entry of the cashier screen."""

    def __init__(self, screen: Any) -> None:
        super().__init__(screen)
        self.owner = screen  # the CashierScreen (QWidget.screen() is taken)
        self.offline = False
        self.to_confirm = False
        self.banner = QLabel()
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("Item code on the payer's notice"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount due on the notice (yuan), then Enter"))
        self.amount.returnPressed.connect(self.confirm_entry)
        self.item.returnPressed.connect(self.amount.setFocus)
        self.entry = QWidget()
        row = QHBoxLayout(self.entry)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Not pulled: enter it to confirm")))
        row.addWidget(self.item)
        row.addWidget(self.amount)
        self.entry.hide()
        self._pending_no = ""
        self._ticks = 0
        self.worker: Any = None  # the desk's sync worker (``attach``), which sends
        self.pulling = False  # a pull runs in the background
        self._again: bool | None = None  # asked again meanwhile (its ``now``)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.entry)

    # -- the link ----------------------------------------------------------------------------

    def attach(self, worker: Any) -> None:
        """Follow the desk's sync worker: it sends the outbox; its rounds tell the link."""
        self.worker = worker
        worker.status_changed.connect(self.link_status)

    def pull(self, *, now: bool = False) -> None:
        """Pull unpaid notices and the paper stock in the background, then have what waits
        in the outbox sent (``now``: every waiting payment at once, F5). The banner follows
        when the service answers or the link is found down; never waits on the GUI thread."""
        if self.pulling:  # once more when this one ends
            self._again = bool(self._again) or now
            return
        self.pulling = True
        context, session = self.owner.context, self.owner.session
        day = cashier.today(context)
        send = self.worker is None

        def work() -> Exception | None:
            return cashier_offline.pull_and_send(context, session, day, send=send, now=now)

        Op(self, work).success(lambda refused: self._pulled(refused, now)).failure(
            self._pull_failed
        ).run()

    def _pulled(self, refused: Exception | None, now: bool) -> None:
        if refused is not None:  # a refusal: the link is up all the same
            self.owner._say(error_message(refused))
        self.go_online()
        if now and self.worker is not None:
            self.worker.wake()
        self._pull_done()

    def _pull_failed(self, exc: Exception) -> None:
        if cashier_offline.link_down(exc):
            self.go_offline()
        else:
            self.owner._say(error_message(exc))
        self._pull_done()

    def _pull_done(self) -> None:
        self.pulling = False
        again, self._again = self._again, None
        if again is not None:
            self.pull(now=again)

    def _tick(self) -> None:
        """Every minute, between payers: try the link while offline or while payments wait;
        otherwise pull the unpaid notices again every few minutes."""
        self._ticks += 1
        if self.pulling or self.owner.notice is not None or self.owner.code.text().strip():
            return  # a pull under way, or a payer at the window: nothing in between
        context, session = self.owner.context, self.owner.session
        due = self._ticks % PULL_EVERY_TICKS == 0
        if self.offline or due or cashier_offline.waiting_count(context, session):
            self.pull()

    def go_offline(self) -> None:
        self.offline = True
        self.refresh()

    def go_online(self) -> None:
        self.offline = False
        self.entry.hide()
        self.refresh()

    @Slot(bool, int, int)
    def link_status(self, online: bool, _waiting: int, _rejected: int) -> None:
        """The desk's sync worker after each round: back online pulls again."""
        if online and self.offline:
            self.pull()
        elif not online and not self.offline:
            self.go_offline()
        else:
            self.refresh()

    def refresh(self) -> None:
        """The banner: shown in offline mode, while paper payments wait to be sent, and while
        another cashier's wait for that cashier's sign-in (a desk without device token)."""
        context, session = self.owner.context, self.owner.session
        waiting = cashier_offline.waiting_count(context, session)
        forms = cashier_offline.forms_left(context, session)
        refused = cashier_offline.refused_payments(context, session)
        lines = []
        if refused:  # cash taken but not recorded at the center: said until settled
            text = self.tr(
                "%1 paper payment(s) taken offline were refused by the center (first: receipt "
                "%2, notice %3). Call finance."
            )
            first = refused[0]
            number = f"{first.receipt_code}/{first.receipt_number}"
            lines.append(
                text.replace("%1", str(len(refused)))
                .replace("%2", number)
                .replace("%3", first.notice_no)
            )
        elif self.offline:
            text = self.tr(
                "OFFLINE — cash only, on paper receipts (%1 blank forms left). Card and QR "
                "need the link. %2 payment(s) waiting to be sent."
            )
            lines.append(text.replace("%1", str(forms)).replace("%2", str(waiting)))
        elif waiting:
            text = self.tr("%1 paper payment(s) taken offline are still being sent.")
            lines.append(text.replace("%1", str(waiting)))
        others = cashier_offline.waiting_for_others(context, session)
        if others:  # sent only as their own cashier while the desk has no device token
            text = self.tr(
                "%1 paper payment(s) of another cashier wait for that cashier to sign in at "
                "this desk: this desk has no device token. Call IT support if it stays so."
            )
            lines.append(text.replace("%1", str(others)))
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    # -- offline steps -----------------------------------------------------------------------

    def look_up(self, text: str) -> PaymentNotice | None:
        """The notice from the pulled list; else, for a notice number, ask for its item and
        amount (None then). Raises ``CashierRefused`` (paid here already)."""
        self.to_confirm = False
        self.entry.hide()
        notice = cashier_offline.find_offline(self.owner.context, text)
        if notice is not None:
            return notice
        try:
            parse_notice_no(text.strip().upper())
        except ValueError:
            raise cashier.CashierRefused("not_pulled", text) from None
        self._pending_no = text.strip().upper()
        self.item.clear()
        self.amount.clear()
        self.entry.show()
        self.item.setFocus()
        return None

    def confirm_entry(self) -> None:
        """Enter in the amount: the notice from its number, item and amount (to confirm)."""
        try:
            fen = parse_yuan(self.amount.text())
        except ValueError:
            self.owner._say(self.owner._refusal("not_standard"))
            return
        try:
            notice = cashier_offline.notice_to_confirm(
                self.owner.context, self._pending_no, self.item.text(), fen
            )
        except cashier.CashierRefused as refused:
            self.owner._say(self.owner._refusal(refused.code))
            return
        self.entry.hide()
        self.to_confirm = True
        self.owner._ready(notice)
        self.owner._say(self.tr("Not pulled from the center: the payment is marked to confirm."))

    def take(
        self, notice: PaymentNotice, method: PaymentMethod, received: int
    ) -> cashier.TakenPayment:
        """Cash on the next paper form (raises ``CashierRefused`` for card and QR)."""
        cashier_offline.refuse_without_link(method)
        taken = cashier_offline.take_cash_offline(
            self.owner.context, self.owner.session, notice, received, to_confirm=self.to_confirm
        )
        self.to_confirm = False
        self.refresh()
        if self.worker is not None:  # sent the moment the link answers again
            self.worker.wake()
        return taken
