# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cases_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHeaderView, QLabel, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

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

