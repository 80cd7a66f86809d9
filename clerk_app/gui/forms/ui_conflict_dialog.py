# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, conflictDialog):
        if not conflictDialog.objectName():
            conflictDialog.setObjectName(u"conflictDialog")
        conflictDialog.resize(860, 420)
        self.mainLayout = QVBoxLayout(conflictDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(conflictDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.applicantLabel = QLabel(conflictDialog)
        self.applicantLabel.setObjectName(u"applicantLabel")
        self.applicantLabel.setText(u"")

        self.mainLayout.addWidget(self.applicantLabel)

        self.sidesLayout = QHBoxLayout()
        self.sidesLayout.setObjectName(u"sidesLayout")
        self.deskBox = QGroupBox(conflictDialog)
        self.deskBox.setObjectName(u"deskBox")
        self.deskLayout = QVBoxLayout(self.deskBox)
        self.deskLayout.setObjectName(u"deskLayout")
        self.deskForm = QFormLayout()
        self.deskForm.setObjectName(u"deskForm")
        self.deskStatusCaption = QLabel(self.deskBox)
        self.deskStatusCaption.setObjectName(u"deskStatusCaption")

        self.deskForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deskStatusCaption)

        self.deskStatus = QLabel(self.deskBox)
        self.deskStatus.setObjectName(u"deskStatus")
        self.deskStatus.setStyleSheet(u"font-weight: bold;")
        self.deskStatus.setText(u"")

        self.deskForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deskStatus)


        self.deskLayout.addLayout(self.deskForm)

        self.deskEvents = QTableWidget(self.deskBox)
        if (self.deskEvents.columnCount() < 3):
            self.deskEvents.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.deskEvents.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.deskEvents.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.deskEvents.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.deskEvents.setObjectName(u"deskEvents")
        self.deskEvents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deskEvents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deskEvents.setColumnCount(3)
        self.deskEvents.horizontalHeader().setStretchLastSection(True)
        self.deskEvents.verticalHeader().setVisible(False)

        self.deskLayout.addWidget(self.deskEvents)


        self.sidesLayout.addWidget(self.deskBox)

        self.centerBox = QGroupBox(conflictDialog)
        self.centerBox.setObjectName(u"centerBox")
        self.centerLayout = QVBoxLayout(self.centerBox)
        self.centerLayout.setObjectName(u"centerLayout")
        self.centerForm = QFormLayout()
        self.centerForm.setObjectName(u"centerForm")
        self.centerStatusCaption = QLabel(self.centerBox)
        self.centerStatusCaption.setObjectName(u"centerStatusCaption")

        self.centerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.centerStatusCaption)

        self.centerStatus = QLabel(self.centerBox)
        self.centerStatus.setObjectName(u"centerStatus")
        self.centerStatus.setStyleSheet(u"font-weight: bold;")
        self.centerStatus.setText(u"")

        self.centerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.centerStatus)


        self.centerLayout.addLayout(self.centerForm)

        self.centerEvents = QTableWidget(self.centerBox)
        if (self.centerEvents.columnCount() < 3):
            self.centerEvents.setColumnCount(3)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.centerEvents.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.centerEvents.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.centerEvents.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        self.centerEvents.setObjectName(u"centerEvents")
        self.centerEvents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.centerEvents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.centerEvents.setColumnCount(3)
        self.centerEvents.horizontalHeader().setStretchLastSection(True)
        self.centerEvents.verticalHeader().setVisible(False)

        self.centerLayout.addWidget(self.centerEvents)


        self.sidesLayout.addWidget(self.centerBox)


        self.mainLayout.addLayout(self.sidesLayout)

        self.messageLabel = QLabel(conflictDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.centerButton = QPushButton(conflictDialog)
        self.centerButton.setObjectName(u"centerButton")

        self.buttonLayout.addWidget(self.centerButton)

        self.mineButton = QPushButton(conflictDialog)
        self.mineButton.setObjectName(u"mineButton")

        self.buttonLayout.addWidget(self.mineButton)

        self.laterButton = QPushButton(conflictDialog)
        self.laterButton.setObjectName(u"laterButton")

        self.buttonLayout.addWidget(self.laterButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.deskStatusCaption.setBuddy(self.deskStatus)
        self.centerStatusCaption.setBuddy(self.centerStatus)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.deskEvents, self.centerEvents)
        QWidget.setTabOrder(self.centerEvents, self.centerButton)
        QWidget.setTabOrder(self.centerButton, self.mineButton)
        QWidget.setTabOrder(self.mineButton, self.laterButton)

        self.retranslateUi(conflictDialog)

        QMetaObject.connectSlotsByName(conflictDialog)
    # setupUi

    def retranslateUi(self, conflictDialog):
        self.introLabel.setText(QCoreApplication.translate("ConflictDialog", u"The center changed this case while this desk had changes of it that did not get there. Nothing is lost: choose which version stands.", None))
        self.deskBox.setTitle(QCoreApplication.translate("ConflictDialog", u"On this desk", None))
        self.deskStatusCaption.setText(QCoreApplication.translate("ConflictDialog", u"Status:", None))
        ___qtablewidgetitem = self.deskEvents.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ConflictDialog", u"Event", None))
        ___qtablewidgetitem1 = self.deskEvents.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ConflictDialog", u"When", None))
        ___qtablewidgetitem2 = self.deskEvents.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ConflictDialog", u"State", None))
        self.centerBox.setTitle(QCoreApplication.translate("ConflictDialog", u"At the center", None))
        self.centerStatusCaption.setText(QCoreApplication.translate("ConflictDialog", u"Status:", None))
        ___qtablewidgetitem3 = self.centerEvents.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ConflictDialog", u"Event", None))
        ___qtablewidgetitem4 = self.centerEvents.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ConflictDialog", u"When", None))
        ___qtablewidgetitem5 = self.centerEvents.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ConflictDialog", u"By", None))
#if QT_CONFIG(tooltip)
        self.centerButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"Void this desk's events of the case and take the center's version (Alt+C)", None))
#endif // QT_CONFIG(tooltip)
        self.centerButton.setText(QCoreApplication.translate("ConflictDialog", u"Keep the &center's", None))
        self.mineButton.setText(QCoreApplication.translate("ConflictDialog", u"&Resend mine", None))
#if QT_CONFIG(tooltip)
        self.laterButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"Close; the conflict stays listed (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.laterButton.setText(QCoreApplication.translate("ConflictDialog", u"Decide &later", None))
        pass
    # retranslateUi

