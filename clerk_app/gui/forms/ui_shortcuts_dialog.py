# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortcuts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_ShortcutsDialog(object):
    def setupUi(self, shortcutsDialog):
        if not shortcutsDialog.objectName():
            shortcutsDialog.setObjectName(u"shortcutsDialog")
        shortcutsDialog.resize(620, 520)
        self.mainLayout = QVBoxLayout(shortcutsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.shortcutsTable = QTableWidget(shortcutsDialog)
        if (self.shortcutsTable.columnCount() < 3):
            self.shortcutsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.shortcutsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.shortcutsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.shortcutsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.shortcutsTable.setObjectName(u"shortcutsTable")
        self.shortcutsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shortcutsTable.setAlternatingRowColors(True)
        self.shortcutsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shortcutsTable.setColumnCount(3)
        self.shortcutsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.shortcutsTable)

        self.buttonBox = QDialogButtonBox(shortcutsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(shortcutsDialog)

        QMetaObject.connectSlotsByName(shortcutsDialog)
    # setupUi

    def retranslateUi(self, shortcutsDialog):
        shortcutsDialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts", None))
        ___qtablewidgetitem = self.shortcutsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ShortcutsDialog", u"Menu", None))
        ___qtablewidgetitem1 = self.shortcutsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ShortcutsDialog", u"Action", None))
        ___qtablewidgetitem2 = self.shortcutsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ShortcutsDialog", u"Keys", None))
#if QT_CONFIG(accessibility)
        self.shortcutsTable.setAccessibleName(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

