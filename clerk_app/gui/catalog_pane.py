"""The catalog pane: a search line filtering the list of items as the clerk types.

Search goes by name, item code, department or pinyin (initials ``sfz`` or full
``shenfenzheng``; ``core.catalog.Catalog.search``). Down/Up in the search line move through
the list, Enter picks. The catalog's packages (一件事 and staged projects, issue 16) are
listed with the items, marked 「一件事」 or 「项目」, found by code, name or pinyin; Enter on
one picks the package (``package_chosen``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.joint_texts import department_name, kind_mark, search_packages

ItemRole = Qt.ItemDataRole.UserRole + 1
CodeRole = Qt.ItemDataRole.UserRole + 2
# The ``core.packages.Package`` of a package row (None on an item's row).
PackageRole = Qt.ItemDataRole.UserRole + 3
# The mark drawn before a package's name (「一件事」 / 「项目」); "" for an item.
MarkRole = Qt.ItemDataRole.UserRole + 4
# A package's search score up to which it is listed before the items (a code or name
# match, or its pinyin from the start); a pinyin match inside comes after them.
_PACKAGE_FIRST = 5

_Index = QModelIndex | QPersistentModelIndex


class CatalogModel(QAbstractListModel):
    """The items and packages of a ``core.catalog.Catalog`` that match the search text.

    Display: the name on the first line, code and department on the second (a package:
    code, lead department and the number of departments). ``ItemRole`` gives the ``Item``
    itself (None on a package's row), ``PackageRole`` the ``Package``; ``CodeRole`` the code.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog: Any = None
        self._rows: list[Any] = []
        self._filter = ""

    def set_catalog(self, catalog: Any) -> None:
        self._catalog = catalog
        self.set_filter(self._filter)

    def set_filter(self, text: str) -> None:
        """Show the items whose name or item code (or department) matches ``text``."""
        self._filter = text
        self.beginResetModel()
        if self._catalog is None:
            self._rows = []
        else:
            items = list(self._catalog.search(text))
            found = sorted(search_packages(self._catalog, text), key=lambda entry: entry[0])
            first = [p for score, p in found if text.strip() and score <= _PACKAGE_FIRST]
            after = [p for _score, p in found if p not in first]
            self._rows = first + items + after
        self.endResetModel()

    @property
    def catalog(self) -> Any:
        return self._catalog

    @staticmethod
    def is_package(row: Any) -> bool:
        return hasattr(row, "stages")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        package = self.is_package(item)
        if role == Qt.ItemDataRole.DisplayRole:
            if package:
                return f"{item.name}\n{self._package_line(item)}"
            second = " · ".join(p for p in (item.code, self.department_name(item)) if p)
            return f"{item.name}\n{second}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if package:
                return f"「{kind_mark(item)}」{item.name} ({item.code})"
            return f"{item.name} ({item.code})"
        if role == ItemRole:
            return None if package else item
        if role == PackageRole:
            return item if package else None
        if role == MarkRole:
            return kind_mark(item) if package else ""
        if role == CodeRole:
            return item.code
        return None

    def _package_line(self, package: Any) -> str:
        """Code · lead department · N departments."""
        try:
            count = len(package.departments(self._catalog))
        except KeyError:  # an item withdrawn from the catalog
            count = 0
        lead = self.tr("lead: %1").replace(
            "%1", department_name(self._catalog, package.lead_department)
        )
        departments = self.tr("%n department(s)", "", count)
        return " · ".join((package.code, lead, departments))

    def department_name(self, item: Any) -> str:
        """The name of the item's department (its code when the catalog does not know it)."""
        try:
            return self._catalog.department(item.department).name
        except (AttributeError, KeyError):
            return item.department

    def item_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        for row, item in enumerate(self._rows):
            if item.code == code:
                return row
        return -1


_SAMPLE = "居民身份证Ag"


class ItemDelegate(QStyledItemDelegate):
    """Draws an item as its name, and below it code · department in a smaller grey line."""

    PAD = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._name_font = QFont()
        self._meta_font = QFont()
        self._name_metrics = QFontMetrics(self._name_font)
        self._meta_metrics = QFontMetrics(self._meta_font)
        self._name_height = self._meta_height = 0

    def _fonts(self, option: QStyleOptionViewItem) -> None:
        """The two fonts and their metrics, made again only when the view's font changes."""
        key = option.font.key()
        if key == self._key:
            return
        self._key = key
        self._name_font = QFont(option.font)
        self._meta_font = QFont(option.font)
        self._meta_font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        self._name_metrics = QFontMetrics(self._name_font)
        self._meta_metrics = QFontMetrics(self._meta_font)
        # Chinese glyphs come from a fallback font taller than the Latin one's metrics.
        self._name_height = max(
            self._name_metrics.height(), self._name_metrics.boundingRect(_SAMPLE).height()
        )
        self._meta_height = max(
            self._meta_metrics.height(), self._meta_metrics.boundingRect(_SAMPLE).height()
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        self._fonts(option)
        height = self._name_height + self._meta_height + 2 * self.PAD + 2
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self._fonts(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        widget = option.widget
        if widget is not None:  # background, selection and focus as the style draws them
            opt = QStyleOptionViewItem(option)
            opt.index = index
            opt.features |= QStyleOptionViewItem.ViewItemFeature.Alternate & opt.features
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget
            )
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        first, _, second = text.partition("\n")
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        width = rect.width()
        name_height = self._name_height
        painter.save()
        painter.setFont(self._name_font)
        mark = str(index.data(MarkRole) or "")
        if mark:  # a package: its kind in a coloured box before the name
            box_width = self._name_metrics.horizontalAdvance(mark) + 8
            box = QRect(rect.left(), rect.top(), box_width, name_height)
            painter.fillRect(box, QColor("#0b4f8a" if mark_is_project(index) else "#1b6e20"))
            painter.setPen(QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
            rect = rect.adjusted(box_width + 6, 0, 0, 0)
            width = rect.width()
        painter.setPen(option.palette.color(role))
        if self._name_metrics.horizontalAdvance(first) > width:
            first = self._name_metrics.elidedText(first, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(rect.left(), rect.top(), width, name_height), 0, first)
        painter.setFont(self._meta_font)
        if not selected:
            role = QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role))
        if self._meta_metrics.horizontalAdvance(second) > width:
            second = self._meta_metrics.elidedText(second, Qt.TextElideMode.ElideRight, width)
        top = rect.top() + name_height + 2
        painter.drawText(QRect(rect.left(), top, width, rect.bottom() - top), 0, second)
        painter.restore()


def mark_is_project(index: _Index) -> bool:
    package = index.data(PackageRole)
    return package is not None and package.kind == "project"


class CatalogPane(QWidget):
    """Search line plus item list. Enter (or a double click) in the list picks the item.

    Signals:
        item_chosen(object): the ``Item`` the clerk picked.
        package_chosen(object): the ``Package`` the clerk picked (issue 16).
    """

    item_chosen = Signal(object)
    package_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CatalogModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("catalogSearch")
        self.search.setClearButtonEnabled(True)
        clear = self.search.findChild(QAction, "_q_qlineeditclearaction")  # its clear button
        if clear is not None:  # named for a screen reader
            clear.setText(self.tr("Clear"))
        self.list = QListView(self)
        self.list.setObjectName("catalogList")
        self.list.setAccessibleName(self.tr("Catalog items"))
        self.list.setModel(self.model)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(ItemDelegate(self.list))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("catalogCount")
        self.caption = caption = QLabel(self)
        caption.setObjectName("catalogCaption")
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        caption.setBuddy(self.search)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("catalogProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.search)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.activated.connect(self._activated)
        self.list.doubleClicked.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the pane's texts in the current language (again, on LanguageChange)."""
        #: Caption of the catalog list; Alt+S (or Ctrl+F) jumps to the search line.
        self.caption.setText(self.tr("&Service items"))
        self.search.setPlaceholderText(self.tr("Name, code, department or pinyin (sfz)"))
        self.search.setToolTip(
            self.tr(
                "Search the catalog (Ctrl+F): item name, item code, department, or pinyin "
                "— initials such as sfz for 身份证, or full pinyin. Down/Up choose, Enter "
                "opens the item."
            )
            + "\n"
            + self.tr(
                "Packages (marked One thing or Project) are found by name, code or pinyin; "
                "Enter on one opens the joint intake."
            )
        )
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_problem(self, message: str) -> None:
        """Say above the list why the catalog is missing (F5 reloads); "" hides it."""
        self.problem_label.setText(message)
        self.problem_label.setVisible(bool(message))

    def set_catalog(self, catalog: Any) -> None:
        self.show_problem("")
        self.model.set_catalog(catalog)
        self._after_filter()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._after_filter()

    def _after_filter(self) -> None:
        if self.model.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n item(s)", "", self.model.rowCount()))

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        package = index.data(PackageRole)
        if package is not None:
            self.package_chosen.emit(package)
        else:
            self.item_chosen.emit(index.data(ItemRole))

    def choose_current(self) -> None:
        """Pick the item under the cursor (or the first one)."""
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        self._activated(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                # Arrows in the search line move through the list; Enter picks.
                self.list.setFocus()
                self.list.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.choose_current()
                return True
        return super().eventFilter(watched, event)
