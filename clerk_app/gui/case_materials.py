"""The scans of a case's materials in the case detail and in the lead's case view (issue 22).

:class:`MaterialsPanel` lists the pages by material: on the desk that scanned them as
thumbnails of its own sealed pages (decrypted in memory) with what the center has of each;
for a case pulled from the center, the center's list (``GET /cases/{no}/attachments``),
each picture fetched when the clerk opens it (the center audits the read). Keyboard: Alt+B
goes to the pages, Enter opens the current one (a PDF is drawn page by page, Page Up /
Page Down turn them; Esc closes it), Alt+U marks it unreadable for a 补正 request: the
material is ticked on the 补正 checklist and the printed notice names the page
(:func:`mark_unreadable`). :class:`CaseMaterialsDialog` is the lead's view of one case's
files (Enter on a case in a window's case list: :func:`install_case_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.case_actions import case_item
from clerk_app.app.case_materials import (
    AT_CENTER,
    CENTER,
    SENDING,
    CenterFiles,
    MaterialPage,
    center_files_if_online,
    desk_pages,
)
from clerk_app.app.scans import scan_image
from clerk_app.core.lifecycle import EventType
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

THUMB = 96
PDF = "application/pdf"
REQUEST_SUPPLEMENT = EventType.REQUEST_SUPPLEMENT.value
PAGE_ROLE = Qt.ItemDataRole.UserRole + 10
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
# The 补正 checklist's roles (``gui.case_detail``): (name, what it must be), material code.
NEED_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class MaterialsPanel(QGroupBox):
    """The pages of a case's materials (see the module docstring).

    Args:
        names: a material code's name (the item's checklist).
        files: the center's files (None: only this desk's pages are shown).
        context: the desk's context (None: no pages of its own, the lead's view).

    Signals:
        unreadable(str, int): the clerk marked a page unreadable (material code, page).
    """

    unreadable = Signal(str, int)

    def __init__(
        self,
        names: Callable[[str], str],
        *,
        files: CenterFiles | None = None,
        context: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("materialsPanel")
        self.names, self.files, self.context = names, files, context
        self.case_no = ""
        self.pages: list[MaterialPage] = []
        self.busy = False
        self._shown = 0  # how many times the list was filled (late thumbnails are dropped)
        self.thumbnails_ready = True
        self.label = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("materialPages")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(THUMB + 64)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.installEventFilter(self)
        self.label.setBuddy(self.list)
        self.message = QLabel(self)
        self.message.setObjectName("materialsMessage")
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_current)
        self.unreadable_button = QPushButton(self)
        self.unreadable_button.clicked.connect(self.mark_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.unreadable_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.focus_shortcut = QShortcut(QKeySequence("Alt+B"), self)
        self.focus_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.focus_shortcut.activated.connect(self.list.setFocus)
        # Alt+B also when no shortcut took the key (no active window).
        self.owner = parent
        if parent is not None:
            parent.installEventFilter(self)
        self.viewer: PageViewer | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Scans of the materials"))
        self.label.setText(self.tr("Scanned pages (Alt+B):"))
        self.list.setAccessibleName(self.tr("Scanned pages"))
        self.open_button.setText(self.tr("Show the page (Enter)"))
        self.unreadable_button.setText(self.tr("&Unreadable: ask for it again (补正)"))
        self.unreadable_button.setToolTip(
            self.tr("Ticks the page's material on the 补正 checklist; the notice names the page")
        )

    # -- loading ---------------------------------------------------------------------------

    def show_case(self, case: Any) -> None:
        """The case detail's case (a ``core.records.Case``): its item's material names;
        the center is asked only for a case it holds (``synced``)."""
        items = case_item(self.context, case.item_code).materials
        names = {m.code: m.name for m in items}
        self.names = lambda code: names.get(code, code)
        self.set_case(case.case_no, ask_center=case.server_state == "synced")

    def set_case(self, case_no: str, *, ask_center: bool = True) -> None:
        """Show the case's pages: this desk's own, else (``ask_center``) the center's list."""
        self.case_no = case_no
        own = desk_pages(self.context, case_no) if self.context is not None else []
        if own or self.files is None or not ask_center:
            self._show(own)
            if not own:
                self.message.setText(self.tr("No page of this case was scanned on this desk."))
            return
        if self.busy:
            return
        self.busy = True
        self.message.setText(self.tr("Asking the center for the case's files…"))
        files = self.files
        Op(self, lambda: files.pages(case_no)).success(self._center_listed).failure(
            self._center_failed
        ).run()

    def _center_listed(self, pages: list[MaterialPage]) -> None:
        self.busy = False
        self._show(pages)
        self.message.setText(
            self.tr("The center's files: Enter fetches a page (each view is recorded there).")
            if pages
            else self.tr("The center holds no file of this case.")
        )

    def _center_failed(self, exc: Exception) -> None:
        self.busy = False
        self._show([])
        self.message.setText(
            self.tr("The center's files cannot be listed now: %1").replace("%1", error_message(exc))
        )

    def _show(self, pages: list[MaterialPage]) -> None:
        self.pages = pages
        self.list.clear()
        for page in pages:
            text = self.page_text(page)
            item = QListWidgetItem(text, self.list)
            item.setData(PAGE_ROLE, page)
            item.setData(ACCESSIBLE, text)
        if self.list.count():
            self.list.setCurrentRow(0)
        has = bool(pages)
        self.open_button.setEnabled(has)
        self.unreadable_button.setEnabled(has)
        self._shown += 1
        if any(page.source != CENTER for page in pages):
            self._load_thumbnails(self._shown, pages)

    def _load_thumbnails(self, shown: int, pages: list[MaterialPage]) -> None:
        """Decrypt and shrink the desk's pages off the GUI thread (a case of many pages
        opens at once); the thumbnails come in when ready, if the list is still theirs."""
        context = self.context

        def work() -> list[tuple[int, QImage | None]]:
            out: list[tuple[int, QImage | None]] = []
            for row, page in enumerate(pages):
                if page.source == CENTER:
                    continue
                try:
                    data = scan_image(context, page.ref)
                except Exception:  # a page that cannot be read is listed, without a picture
                    out.append((row, None))
                    continue
                if page.media_type == PDF:
                    image = pdf_page_image(data, 0, THUMB) or QImage()
                else:
                    image = QImage.fromData(data)
                if image.isNull():
                    out.append((row, None))
                    continue
                out.append((row, image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)))
            return out

        def done(out: list[tuple[int, QImage | None]]) -> None:
            if shown != self._shown:
                return  # the list was filled again meanwhile
            for row, image in out:
                item = self.list.item(row)
                if item is None:
                    continue
                if image is None:
                    item.setText(item.text() + "\n" + self.tr("the file cannot be read"))
                else:
                    item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.thumbnails_ready = True

        self.thumbnails_ready = False
        Op(self, work).success(done).run()

    def page_text(self, page: MaterialPage) -> str:
        state = {
            AT_CENTER: self.tr("at the center"),
            SENDING: self.tr("being sent"),
        }.get(page.state, self.tr("waiting to be sent"))
        text = self.tr("%1 · page %2").replace("%1", self.names(page.material_code))
        text = text.replace("%2", str(page.page)) + f"\n{state}"
        if page.case_no != self.case_no:
            text += "\n" + self.tr("shared, with %1").replace("%1", page.case_no)
        return text

    def _thumbnail(self, item: QListWidgetItem, data: bytes, media_type: str = "") -> None:
        """A page fetched from the center becomes its thumbnail (a PDF: its first page)."""
        pixmap = QPixmap()
        if media_type == PDF:
            image = pdf_page_image(data, 0, THUMB)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
        elif pixmap.loadFromData(data):
            item.setIcon(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)))

    # -- acting on a page ------------------------------------------------------------------

    def current(self) -> MaterialPage | None:
        item = self.list.currentItem()
        return item.data(PAGE_ROLE) if item is not None else None

    def open_current(self) -> None:
        """Show the current page at full size (a center's page is fetched first)."""
        page = self.current()
        if page is None:
            return
        if page.source != CENTER:
            try:
                self._view(page, scan_image(self.context, page.ref))
            except Exception as exc:
                self.message.setText(error_message(exc))
            return
        if self.files is None or self.busy:
            return
        self.busy = True
        self.message.setText(self.tr("Fetching the page from the center…"))
        files, item = self.files, self.list.currentItem()

        def fetched(data: bytes) -> None:
            self.busy = False
            self.message.clear()
            self._thumbnail(item, data, page.media_type)
            self._view(page, data)

        def failed(exc: Exception) -> None:
            self.busy = False
            self.message.setText(
                self.tr("The page cannot be fetched: %1").replace("%1", error_message(exc))
            )

        Op(self, lambda: files.image(page)).success(fetched).failure(failed).run()

    def _view(self, page: MaterialPage, data: bytes) -> None:
        self.viewer = PageViewer(self.page_text(page).split("\n")[0], page, data, self)
        self.viewer.open()

    def mark_current(self) -> None:
        page = self.current()
        if page is not None:
            self.unreadable.emit(page.material_code, page.page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the pages shows the current one, Alt+U marks it unreadable; Alt+B
        reaching the window goes to the pages (also when no shortcut took the key)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if (
                plain
                and watched is self.list
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                self.open_current()
                return True
            if alt and watched is self.list and event.key() == Qt.Key.Key_U:
                self.mark_current()
                return True
            if alt and watched is self.owner and event.key() == Qt.Key.Key_B:
                self.list.setFocus()
                return True
        return super().eventFilter(watched, event)


def on_paper(drawn: QImage) -> QImage:
    """A rendered PDF page (transparent where nothing is drawn) on white paper."""
    image = QImage(drawn.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, drawn)
    painter.end()
    return image


def pdf_page_image(data: bytes, index: int, width: int) -> QImage | None:
    """Page ``index`` of the PDF ``data`` drawn ``width`` pixels wide (None: not a PDF Qt
    can read, or no such page). Safe off the GUI thread."""
    from PySide6.QtPdf import QPdfDocument  # only when a PDF is shown

    holder = QByteArray(data)
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or not 0 <= index < document.pageCount():
        return None
    points = document.pagePointSize(index)
    height = max(1, round(width * points.height() / max(points.width(), 1.0)))
    image = on_paper(document.render(index, QSize(width, height)))
    document.close()
    return image


class PageViewer(QDialog):
    """One page at full size; a PDF's pages are drawn one at a time (QtPdf), Page Up /
    Page Down or the buttons turn them; Esc closes it."""

    # The width a PDF page is drawn at (pixels).
    PDF_WIDTH = 850

    def __init__(self, title: str, page: MaterialPage, data: bytes, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pageViewer")
        self.setWindowTitle(title)
        self.picture = QLabel(self)
        self.picture.setObjectName("pagePicture")
        self.picture.setAccessibleName(title)
        self.document: QPdfDocument | None = None
        self.pdf_page = 0
        area = QScrollArea(self)
        area.setWidget(self.picture)
        area.setWidgetResizable(False)
        self.area = area
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.previous_button = QPushButton(self.tr("&Previous page"), self)
        self.previous_button.setObjectName("previousPdfPage")
        self.next_button = QPushButton(self.tr("Ne&xt page"), self)
        self.next_button.setObjectName("nextPdfPage")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pdfPageLabel")
        row = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        area.installEventFilter(self)  # Page Up / Page Down turn a PDF's pages
        pixmap = QPixmap()
        if page.media_type == PDF:
            self._load_pdf(data)
        elif pixmap.loadFromData(data):
            self.picture.setPixmap(pixmap)
            self.picture.adjustSize()
        else:
            self.picture.setText(self.tr("The file cannot be shown."))
        for widget in (self.previous_button, self.page_label, self.next_button):
            widget.setVisible(self.document is not None)
        self.resize(900, 700)
        area.setFocus()

    def _load_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument  # only when a PDF is shown

        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(self._buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            self.picture.setText(self.tr("The PDF file cannot be read."))
            return
        self.document = document
        self.show_pdf_page(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.document is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            self.turn(-1 if event.key() == Qt.Key.Key_PageUp else 1)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.document is not None and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.turn(-1 if event.key() == Qt.Key.Key_PageUp else 1)
            return
        super().keyPressEvent(event)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def turn(self, step: int) -> None:
        """The PDF's previous (-1) or next (1) page, if there is one."""
        if self.document is not None and 0 <= self.pdf_page + step < self.page_count():
            self.show_pdf_page(self.pdf_page + step)

    def show_pdf_page(self, index: int) -> None:
        """Draw the PDF's page ``index`` (from 0) at :attr:`PDF_WIDTH` pixels wide."""
        assert self.document is not None
        self.pdf_page = index
        points = self.document.pagePointSize(index)
        width = self.PDF_WIDTH
        height = max(1, round(width * points.height() / max(points.width(), 1.0)))
        image = on_paper(self.document.render(index, QSize(width, height)))
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.picture.resize(image.size())
        count = self.page_count()
        self.page_label.setText(
            self.tr("page %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count))
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < count)


# -- the 补正 checklist -----------------------------------------------------------------------


def materials_panel(detail: Any, layout: Any) -> MaterialsPanel:
    """The case detail's scans (``gui.case_detail``): added to ``layout``; a page marked
    unreadable ticks its material on the 补正 checklist and chooses 要求补正 when offered."""
    files = center_files_if_online(detail.context, detail.session)
    panel = MaterialsPanel(lambda code: code, files=files, context=detail.context, parent=detail)

    def unreadable(material_code: str, page: int) -> None:
        index = detail.action_box.findData(REQUEST_SUPPLEMENT)
        if index >= 0:
            detail.action_box.setCurrentIndex(index)
        if mark_unreadable(detail.missing_list, material_code, page):
            detail.missing_list.setFocus()

    panel.unreadable.connect(unreadable)
    layout.addWidget(panel)
    return panel


def mark_unreadable(checklist: QListWidget, material_code: str, page: int) -> bool:
    """Tick ``material_code`` on the case detail's 补正 checklist and add the page to what
    the notice asks for (the notice prints each ticked material's name and need). Returns
    False when the checklist has no such material."""
    for row in range(checklist.count()):
        entry = checklist.item(row)
        if entry.data(CODE_ROLE) != material_code:
            continue
        name, need = entry.data(NEED_ROLE)
        note = QCoreApplication.translate("MaterialsPanel", "page %1 of the scan is unreadable")
        note = note.replace("%1", str(page))
        if note not in str(need):
            need = f"{need}；{note}" if need else note
            entry.setData(NEED_ROLE, (name, need))
            entry.setText(f"{name}（{need}）")
        entry.setCheckState(Qt.CheckState.Checked)
        checklist.setCurrentItem(entry)
        return True
    return False


# -- the lead's view of a case ---------------------------------------------------------------


class CaseMaterialsDialog(QDialog):
    """One case's files at the center for a lead (Esc closes it)."""

    def __init__(
        self,
        case_no: str,
        files: CenterFiles,
        parent: QWidget | None = None,
        *,
        names: dict[str, str] | None = None,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseMaterialsDialog")
        self.setWindowTitle(title or self.tr("Scans of case %1").replace("%1", case_no))
        known = dict(names or {})
        self.panel = MaterialsPanel(lambda code: known.get(code, code), files=files, parent=self)
        self.panel.unreadable_button.hide()  # a 补正 is the window's
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(close)
        self.resize(720, 360)
        self.panel.set_case(case_no)
        self.panel.list.setFocus()


def install_case_view(dashboard: Any) -> None:
    """Enter on a case of a window's case list (``DashboardWindow.cases_shown``) opens its
    scans (:class:`CaseMaterialsDialog`) with the lead's token."""

    def shown(dialog: Any) -> None:
        def open_case(index: Any) -> None:
            case_no = dialog.model.item(index.row(), 0).text()
            source = dashboard.source
            files = CenterFiles(getattr(source, "api", None), getattr(source, "token", None))
            dashboard.materials_dialog = CaseMaterialsDialog(case_no, files, dialog)
            dashboard.materials_dialog.open()

        dialog.table.activated.connect(open_case)

    dashboard.cases_shown.connect(shown)


def install_presubmission_files(dialog: Any, window: Any) -> None:
    """F6 in the 网上待接件 list (``gui.presubmissions``): the files the website uploaded
    for the current pre-submission, from the center, for the pre-review (Enter shows one)."""
    action = QAction(dialog)
    action.setShortcut(QKeySequence("F6"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def show() -> None:
        item = dialog.current()
        if item is None:
            return
        files = center_files_if_online(window.context, window.session)
        if files is None:
            dialog.message.setText(
                QCoreApplication.translate(
                    "MaterialsPanel", "Signed in offline: the uploaded files are at the center."
                )
            )
            return
        names = {m.code: m.name for m in item.materials if m.code}
        title = QCoreApplication.translate("MaterialsPanel", "Files uploaded for %1")
        dialog.files_dialog = CaseMaterialsDialog(
            item.no, files, dialog, names=names, title=title.replace("%1", item.no)
        )
        dialog.files_dialog.open()

    action.triggered.connect(show)
    dialog.addAction(action)
    dialog.files_action = action
    dialog.keys.setText(
        dialog.keys.text()
        + " · "
        + QCoreApplication.translate("MaterialsPanel", "F6 the uploaded files")
    )
