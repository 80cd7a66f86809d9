# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_up_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout)

class Ui_FollowUpDialog(object):
    def setupUi(self, followUpDialog):
        if not followUpDialog.objectName():
            followUpDialog.setObjectName(u"followUpDialog")
        followUpDialog.resize(480, 260)
        self.mainLayout = QVBoxLayout(followUpDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.aboutLabel = QLabel(followUpDialog)
        self.aboutLabel.setObjectName(u"aboutLabel")
        self.aboutLabel.setText(u"")
        self.aboutLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.aboutLabel)

        self.noteEdit = QPlainTextEdit(followUpDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.mainLayout.addWidget(self.noteEdit)

        self.buttonBox = QDialogButtonBox(followUpDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(followUpDialog)

        QMetaObject.connectSlotsByName(followUpDialog)
    # setupUi

    def retranslateUi(self, followUpDialog):
        followUpDialog.setWindowTitle(QCoreApplication.translate("FollowUpDialog", u"Record the follow-up", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("FollowUpDialog", u"What was done, who was called, the outcome", None))
    # retranslateUi

