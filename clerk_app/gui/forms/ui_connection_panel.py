# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'connection_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_ConnectionPanel(object):
    def setupUi(self, connectionPanel):
        if not connectionPanel.objectName():
            connectionPanel.setObjectName(u"connectionPanel")
        connectionPanel.resize(680, 480)
        self.mainLayout = QVBoxLayout(connectionPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.factsForm = QFormLayout()
        self.factsForm.setObjectName(u"factsForm")
        self.stateCaption = QLabel(connectionPanel)
        self.stateCaption.setObjectName(u"stateCaption")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stateCaption)

        self.stateLabel = QLabel(connectionPanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stateLabel)

        self.waitingCaption = QLabel(connectionPanel)
        self.waitingCaption.setObjectName(u"waitingCaption")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.waitingCaption)

        self.waitingLabel = QLabel(connectionPanel)
        self.waitingLabel.setObjectName(u"waitingLabel")
        self.waitingLabel.setText(u"")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.waitingLabel)

        self.contactCaption = QLabel(connectionPanel)
        self.contactCaption.setObjectName(u"contactCaption")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactCaption)

        self.contactLabel = QLabel(connectionPanel)
        self.contactLabel.setObjectName(u"contactLabel")
        self.contactLabel.setText(u"")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactLabel)

        self.skewCaption = QLabel(connectionPanel)
        self.skewCaption.setObjectName(u"skewCaption")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.skewCaption)

        self.skewLabel = QLabel(connectionPanel)
        self.skewLabel.setObjectName(u"skewLabel")
        self.skewLabel.setText(u"")
        self.skewLabel.setWordWrap(True)

        self.factsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.skewLabel)


        self.mainLayout.addLayout(self.factsForm)

        self.rejectedLabel = QLabel(connectionPanel)
        self.rejectedLabel.setObjectName(u"rejectedLabel")

        self.mainLayout.addWidget(self.rejectedLabel)

        self.rejectedItemsTable = QTableWidget(connectionPanel)
        if (self.rejectedItemsTable.columnCount() < 3):
            self.rejectedItemsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.rejectedItemsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.rejectedItemsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.rejectedItemsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.rejectedItemsTable.setObjectName(u"rejectedItemsTable")
        self.rejectedItemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejectedItemsTable.setColumnCount(3)
        self.rejectedItemsTable.horizontalHeader().setStretchLastSection(True)

        self.mainLayout.addWidget(self.rejectedItemsTable)

        self.conflictsLabel = QLabel(connectionPanel)
        self.conflictsLabel.setObjectName(u"conflictsLabel")

        self.mainLayout.addWidget(self.conflictsLabel)

        self.conflictLayout = QHBoxLayout()
        self.conflictLayout.setObjectName(u"conflictLayout")
        self.conflictsTable = QTableWidget(connectionPanel)
        if (self.conflictsTable.columnCount() < 3):
            self.conflictsTable.setColumnCount(3)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflictsTable.setColumnCount(3)
        self.conflictsTable.horizontalHeader().setStretchLastSection(True)
        self.conflictsTable.verticalHeader().setVisible(False)

        self.conflictLayout.addWidget(self.conflictsTable)

        self.resolveButton = QPushButton(connectionPanel)
        self.resolveButton.setObjectName(u"resolveButton")

        self.conflictLayout.addWidget(self.resolveButton, 0, Qt.AlignmentFlag.AlignTop)

        self.conflictLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.conflictLayout)

        self.buttonBox = QDialogButtonBox(connectionPanel)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.stateCaption.setBuddy(self.stateLabel)
        self.waitingCaption.setBuddy(self.waitingLabel)
        self.contactCaption.setBuddy(self.contactLabel)
        self.skewCaption.setBuddy(self.skewLabel)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(connectionPanel)

        QMetaObject.connectSlotsByName(connectionPanel)
    # setupUi

    def retranslateUi(self, connectionPanel):
        connectionPanel.setWindowTitle(QCoreApplication.translate("ConnectionPanel", u"Connection to the records service", None))
        self.stateCaption.setText(QCoreApplication.translate("ConnectionPanel", u"State:", None))
        self.waitingCaption.setText(QCoreApplication.translate("ConnectionPanel", u"Waiting to be sent:", None))
        self.contactCaption.setText(QCoreApplication.translate("ConnectionPanel", u"Last contact:", None))
        self.skewCaption.setText(QCoreApplication.translate("ConnectionPanel", u"Clock:", None))
        self.rejectedLabel.setText(QCoreApplication.translate("ConnectionPanel", u"Rejected by the service (not sent again):", None))
        ___qtablewidgetitem = self.rejectedItemsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ConnectionPanel", u"Case", None))
        ___qtablewidgetitem1 = self.rejectedItemsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ConnectionPanel", u"What", None))
        ___qtablewidgetitem2 = self.rejectedItemsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ConnectionPanel", u"Reason", None))
#if QT_CONFIG(accessibility)
        self.rejectedItemsTable.setAccessibleName(QCoreApplication.translate("ConnectionPanel", u"Rejected records", None))
#endif // QT_CONFIG(accessibility)
        self.conflictsLabel.setText(QCoreApplication.translate("ConnectionPanel", u"Changed at the center while this desk had unsent changes (decide):", None))
        ___qtablewidgetitem3 = self.conflictsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ConnectionPanel", u"Case", None))
        ___qtablewidgetitem4 = self.conflictsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ConnectionPanel", u"On this desk", None))
        ___qtablewidgetitem5 = self.conflictsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ConnectionPanel", u"At the center", None))
#if QT_CONFIG(tooltip)
        self.resolveButton.setToolTip(QCoreApplication.translate("ConnectionPanel", u"Compare this desk's version with the center's and decide (Alt+S, or Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.resolveButton.setText(QCoreApplication.translate("ConnectionPanel", u"Re&solve\u2026", None))
    # retranslateUi

