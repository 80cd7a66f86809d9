# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'joint_accepted_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout)

class Ui_JointAcceptedDialog(object):
    def setupUi(self, jointAcceptedDialog):
        if not jointAcceptedDialog.objectName():
            jointAcceptedDialog.setObjectName(u"jointAcceptedDialog")
        jointAcceptedDialog.resize(920, 560)
        self.mainLayout = QVBoxLayout(jointAcceptedDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headline = QLabel(jointAcceptedDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setWordWrap(True)

        self.mainLayout.addWidget(self.headline)

        self.numbersLayout = QHBoxLayout()
        self.numbersLayout.setObjectName(u"numbersLayout")
        self.jointCaption = QLabel(jointAcceptedDialog)
        self.jointCaption.setObjectName(u"jointCaption")

        self.numbersLayout.addWidget(self.jointCaption)

        self.jointNoLabel = QLabel(jointAcceptedDialog)
        self.jointNoLabel.setObjectName(u"jointNoLabel")
        self.jointNoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.numbersLayout.addWidget(self.jointNoLabel)

        self.codeCaption = QLabel(jointAcceptedDialog)
        self.codeCaption.setObjectName(u"codeCaption")

        self.numbersLayout.addWidget(self.codeCaption)

        self.jointQueryCodeLabel = QLabel(jointAcceptedDialog)
        self.jointQueryCodeLabel.setObjectName(u"jointQueryCodeLabel")
        self.jointQueryCodeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.numbersLayout.addWidget(self.jointQueryCodeLabel)

        self.numbersStretch = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.numbersLayout.addItem(self.numbersStretch)


        self.mainLayout.addLayout(self.numbersLayout)

        self.jointPartsTable = QTableWidget(jointAcceptedDialog)
        self.jointPartsTable.setObjectName(u"jointPartsTable")
        self.jointPartsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.jointPartsTable.setTabKeyNavigation(False)
        self.jointPartsTable.setColumnCount(6)
        self.jointPartsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.jointPartsTable)

        self.jointReceiptLabel = QLabel(jointAcceptedDialog)
        self.jointReceiptLabel.setObjectName(u"jointReceiptLabel")
        self.jointReceiptLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.jointReceiptLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsStretch = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsStretch)

        self.jointPrintButton = QPushButton(jointAcceptedDialog)
        self.jointPrintButton.setObjectName(u"jointPrintButton")
        self.jointPrintButton.setEnabled(False)

        self.buttonsLayout.addWidget(self.jointPrintButton)

        self.closeButton = QPushButton(jointAcceptedDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(jointAcceptedDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(jointAcceptedDialog)
    # setupUi

    def retranslateUi(self, jointAcceptedDialog):
        pass
    # retranslateUi

