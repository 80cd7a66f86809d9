# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accepted_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout)

class Ui_AcceptedDialog(object):
    def setupUi(self, acceptedDialog):
        if not acceptedDialog.objectName():
            acceptedDialog.setObjectName(u"acceptedDialog")
        acceptedDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(acceptedDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headlineLabel = QLabel(acceptedDialog)
        self.headlineLabel.setObjectName(u"headlineLabel")
        self.headlineLabel.setText(u"")

        self.mainLayout.addWidget(self.headlineLabel)

        self.factsForm = QFormLayout()
        self.factsForm.setObjectName(u"factsForm")
        self.caseNoCaption = QLabel(acceptedDialog)
        self.caseNoCaption.setObjectName(u"caseNoCaption")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseNoCaption)

        self.caseNoLabel = QLabel(acceptedDialog)
        self.caseNoLabel.setObjectName(u"caseNoLabel")
        self.caseNoLabel.setText(u"")
        self.caseNoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caseNoLabel)

        self.queryCodeCaption = QLabel(acceptedDialog)
        self.queryCodeCaption.setObjectName(u"queryCodeCaption")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.queryCodeCaption)

        self.queryCodeLabel = QLabel(acceptedDialog)
        self.queryCodeLabel.setObjectName(u"queryCodeLabel")
        self.queryCodeLabel.setText(u"")
        self.queryCodeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.queryCodeLabel)

        self.dueCaption = QLabel(acceptedDialog)
        self.dueCaption.setObjectName(u"dueCaption")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueCaption)

        self.dueLabel = QLabel(acceptedDialog)
        self.dueLabel.setObjectName(u"dueLabel")
        self.dueLabel.setText(u"")
        self.dueLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dueLabel)


        self.mainLayout.addLayout(self.factsForm)

        self.receiptPathLabel = QLabel(acceptedDialog)
        self.receiptPathLabel.setObjectName(u"receiptPathLabel")
        self.receiptPathLabel.setText(u"")
        self.receiptPathLabel.setWordWrap(True)
        self.receiptPathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.mainLayout.addWidget(self.receiptPathLabel)

        self.buttonBox = QDialogButtonBox(acceptedDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.caseNoCaption.setBuddy(self.caseNoLabel)
        self.queryCodeCaption.setBuddy(self.queryCodeLabel)
        self.dueCaption.setBuddy(self.dueLabel)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(acceptedDialog)

        QMetaObject.connectSlotsByName(acceptedDialog)
    # setupUi

    def retranslateUi(self, acceptedDialog):
        self.caseNoCaption.setText(QCoreApplication.translate("AcceptedDialog", u"Case number:", None))
        self.queryCodeCaption.setText(QCoreApplication.translate("AcceptedDialog", u"Query code:", None))
        self.dueCaption.setText(QCoreApplication.translate("AcceptedDialog", u"Due date:", None))
        pass
    # retranslateUi

