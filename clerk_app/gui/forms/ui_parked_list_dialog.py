# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'parked_list_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_ParkedListDialog(object):
    def setupUi(self, parkedListDialog):
        if not parkedListDialog.objectName():
            parkedListDialog.setObjectName(u"parkedListDialog")
        parkedListDialog.resize(720, 320)
        self.mainLayout = QVBoxLayout(parkedListDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.emptyLabel = QLabel(parkedListDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.mainLayout.addWidget(self.emptyLabel)

        self.parkedTable = QTableWidget(parkedListDialog)
        if (self.parkedTable.columnCount() < 4):
            self.parkedTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.parkedTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.parkedTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.parkedTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.parkedTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.parkedTable.setObjectName(u"parkedTable")
        self.parkedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parkedTable.setTabKeyNavigation(False)
        self.parkedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parkedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parkedTable.setColumnCount(4)
        self.parkedTable.horizontalHeader().setStretchLastSection(True)
        self.parkedTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.parkedTable)

        self.hintLabel = QLabel(parkedListDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #555555;")

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(parkedListDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(parkedListDialog)

        QMetaObject.connectSlotsByName(parkedListDialog)
    # setupUi

    def retranslateUi(self, parkedListDialog):
        parkedListDialog.setWindowTitle(QCoreApplication.translate("ParkedListDialog", u"Parked intakes", None))
        self.emptyLabel.setText(QCoreApplication.translate("ParkedListDialog", u"No intake is parked at this window.", None))
        ___qtablewidgetitem = self.parkedTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ParkedListDialog", u"Parked at", None))
        ___qtablewidgetitem1 = self.parkedTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ParkedListDialog", u"Item", None))
        ___qtablewidgetitem2 = self.parkedTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ParkedListDialog", u"Applicant", None))
        ___qtablewidgetitem3 = self.parkedTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ParkedListDialog", u"Document no.", None))
#if QT_CONFIG(accessibility)
        self.parkedTable.setAccessibleName(QCoreApplication.translate("ParkedListDialog", u"Parked intakes", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText(QCoreApplication.translate("ParkedListDialog", u"Enter: resume \u00b7 Delete: discard \u00b7 Esc: close", None))
    # retranslateUi

