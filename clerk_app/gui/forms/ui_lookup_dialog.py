# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lookup_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

class Ui_LookupDialog(object):
    def setupUi(self, lookupDialog):
        if not lookupDialog.objectName():
            lookupDialog.setObjectName(u"lookupDialog")
        lookupDialog.resize(520, 340)
        self.mainLayout = QVBoxLayout(lookupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.queryForm = QFormLayout()
        self.queryForm.setObjectName(u"queryForm")
        self.caseLabel = QLabel(lookupDialog)
        self.caseLabel.setObjectName(u"caseLabel")

        self.queryForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseLabel)

        self.lookupCaseEdit = QLineEdit(lookupDialog)
        self.lookupCaseEdit.setObjectName(u"lookupCaseEdit")
        self.lookupCaseEdit.setPlaceholderText(u"HS-W01-20261128-000001")

        self.queryForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lookupCaseEdit)

        self.codeLabel = QLabel(lookupDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.queryForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.lookupCodeEdit = QLineEdit(lookupDialog)
        self.lookupCodeEdit.setObjectName(u"lookupCodeEdit")
        self.lookupCodeEdit.setMaxLength(6)

        self.queryForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lookupCodeEdit)


        self.mainLayout.addLayout(self.queryForm)

        self.lookupMessage = QLabel(lookupDialog)
        self.lookupMessage.setObjectName(u"lookupMessage")
        self.lookupMessage.setText(u"")
        self.lookupMessage.setWordWrap(True)

        self.mainLayout.addWidget(self.lookupMessage)

        self.answerForm = QFormLayout()
        self.answerForm.setObjectName(u"answerForm")
        self.statusCaption = QLabel(lookupDialog)
        self.statusCaption.setObjectName(u"statusCaption")

        self.answerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusValue = QLabel(lookupDialog)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setText(u"")
        self.statusValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusValue)

        self.itemCaption = QLabel(lookupDialog)
        self.itemCaption.setObjectName(u"itemCaption")

        self.answerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.itemCaption)

        self.itemValue = QLabel(lookupDialog)
        self.itemValue.setObjectName(u"itemValue")
        self.itemValue.setText(u"")
        self.itemValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.itemValue)

        self.applicantCaption = QLabel(lookupDialog)
        self.applicantCaption.setObjectName(u"applicantCaption")

        self.answerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.applicantCaption)

        self.applicantValue = QLabel(lookupDialog)
        self.applicantValue.setObjectName(u"applicantValue")
        self.applicantValue.setText(u"")
        self.applicantValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.applicantValue)

        self.receivedCaption = QLabel(lookupDialog)
        self.receivedCaption.setObjectName(u"receivedCaption")

        self.answerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.receivedCaption)

        self.receivedValue = QLabel(lookupDialog)
        self.receivedValue.setObjectName(u"receivedValue")
        self.receivedValue.setText(u"")
        self.receivedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.receivedValue)

        self.dueCaption = QLabel(lookupDialog)
        self.dueCaption.setObjectName(u"dueCaption")

        self.answerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueCaption)

        self.dueValue = QLabel(lookupDialog)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setText(u"")
        self.dueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dueValue)

        self.completedCaption = QLabel(lookupDialog)
        self.completedCaption.setObjectName(u"completedCaption")

        self.answerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.completedCaption)

        self.completedValue = QLabel(lookupDialog)
        self.completedValue.setObjectName(u"completedValue")
        self.completedValue.setText(u"")
        self.completedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.completedValue)


        self.mainLayout.addLayout(self.answerForm)

        self.buttonBox = QDialogButtonBox(lookupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.caseLabel.setBuddy(self.lookupCaseEdit)
        self.codeLabel.setBuddy(self.lookupCodeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lookupCaseEdit, self.lookupCodeEdit)

        self.retranslateUi(lookupDialog)

        QMetaObject.connectSlotsByName(lookupDialog)
    # setupUi

    def retranslateUi(self, lookupDialog):
        lookupDialog.setWindowTitle(QCoreApplication.translate("LookupDialog", u"Look up a case", None))
        self.caseLabel.setText(QCoreApplication.translate("LookupDialog", u"&Case no.:", None))
        self.codeLabel.setText(QCoreApplication.translate("LookupDialog", u"&Query code:", None))
        self.lookupCodeEdit.setPlaceholderText(QCoreApplication.translate("LookupDialog", u"6 digits", None))
        self.statusCaption.setText(QCoreApplication.translate("LookupDialog", u"Status:", None))
        self.itemCaption.setText(QCoreApplication.translate("LookupDialog", u"Item:", None))
        self.applicantCaption.setText(QCoreApplication.translate("LookupDialog", u"Applicant:", None))
        self.receivedCaption.setText(QCoreApplication.translate("LookupDialog", u"Received:", None))
        self.dueCaption.setText(QCoreApplication.translate("LookupDialog", u"Due date:", None))
        self.completedCaption.setText(QCoreApplication.translate("LookupDialog", u"Completed:", None))
    # retranslateUi

