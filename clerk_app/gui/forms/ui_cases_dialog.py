# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cases_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QTableView, QVBoxLayout)

class Ui_CasesDialog(object):
    def setupUi(self, casesDialog):
        if not casesDialog.objectName():
            casesDialog.setObjectName(u"casesDialog")
        casesDialog.resize(1000, 560)
        self.mainLayout = QVBoxLayout(casesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(casesDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")

        self.mainLayout.addWidget(self.summaryLabel)

        self.casesTable = QTableView(casesDialog)
        self.casesTable.setObjectName(u"casesTable")

        self.mainLayout.addWidget(self.casesTable)

        self.buttonBox = QDialogButtonBox(casesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(casesDialog)

        QMetaObject.connectSlotsByName(casesDialog)
    # setupUi

    def retranslateUi(self, casesDialog):
        pass
    # retranslateUi

