# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'selfcheck_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout)

class Ui_SelfCheckDialog(object):
    def setupUi(self, selfCheckDialog):
        if not selfCheckDialog.objectName():
            selfCheckDialog.setObjectName(u"selfCheckDialog")
        selfCheckDialog.resize(760, 420)
        self.mainLayout = QVBoxLayout(selfCheckDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.selfCheckSummary = QLabel(selfCheckDialog)
        self.selfCheckSummary.setObjectName(u"selfCheckSummary")

        self.mainLayout.addWidget(self.selfCheckSummary)

        self.selfCheckReport = QPlainTextEdit(selfCheckDialog)
        self.selfCheckReport.setObjectName(u"selfCheckReport")
        self.selfCheckReport.setReadOnly(True)

        self.mainLayout.addWidget(self.selfCheckReport)

        self.buttonBox = QDialogButtonBox(selfCheckDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(selfCheckDialog)

        QMetaObject.connectSlotsByName(selfCheckDialog)
    # setupUi

    def retranslateUi(self, selfCheckDialog):
        selfCheckDialog.setWindowTitle(QCoreApplication.translate("SelfCheckDialog", u"Self-check", None))
        self.selfCheckSummary.setText(QCoreApplication.translate("SelfCheckDialog", u"Checking\u2026", None))
#if QT_CONFIG(accessibility)
        self.selfCheckReport.setAccessibleName(QCoreApplication.translate("SelfCheckDialog", u"Self-check report", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

