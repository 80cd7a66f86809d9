# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'log_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

class Ui_LogView(object):
    def setupUi(self, logView):
        if not logView.objectName():
            logView.setObjectName(u"logView")
        logView.resize(980, 620)
        self.mainLayout = QVBoxLayout(logView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.levelLabel = QLabel(logView)
        self.levelLabel.setObjectName(u"levelLabel")

        self.filterLayout.addWidget(self.levelLabel)

        self.logLevelFilter = QComboBox(logView)
        self.logLevelFilter.setObjectName(u"logLevelFilter")

        self.filterLayout.addWidget(self.logLevelFilter)

        self.areaLabel = QLabel(logView)
        self.areaLabel.setObjectName(u"areaLabel")

        self.filterLayout.addWidget(self.areaLabel)

        self.logAreaFilter = QComboBox(logView)
        self.logAreaFilter.setObjectName(u"logAreaFilter")

        self.filterLayout.addWidget(self.logAreaFilter)

        self.textLabel = QLabel(logView)
        self.textLabel.setObjectName(u"textLabel")

        self.filterLayout.addWidget(self.textLabel)

        self.logTextFilter = QLineEdit(logView)
        self.logTextFilter.setObjectName(u"logTextFilter")
        self.logTextFilter.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.logTextFilter)

        self.filterLayout.setStretch(5, 1)

        self.mainLayout.addLayout(self.filterLayout)

        self.logText = QPlainTextEdit(logView)
        self.logText.setObjectName(u"logText")
        self.logText.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.logText.setReadOnly(True)

        self.mainLayout.addWidget(self.logText)

        self.countLabel = QLabel(logView)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.mainLayout.addWidget(self.countLabel)

        self.logStatus = QLabel(logView)
        self.logStatus.setObjectName(u"logStatus")
        self.logStatus.setText(u"")
        self.logStatus.setWordWrap(True)

        self.mainLayout.addWidget(self.logStatus)

        self.buttonBox = QDialogButtonBox(logView)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.levelLabel.setBuddy(self.logLevelFilter)
        self.areaLabel.setBuddy(self.logAreaFilter)
        self.textLabel.setBuddy(self.logTextFilter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.logLevelFilter, self.logAreaFilter)
        QWidget.setTabOrder(self.logAreaFilter, self.logTextFilter)
        QWidget.setTabOrder(self.logTextFilter, self.logText)

        self.retranslateUi(logView)

        QMetaObject.connectSlotsByName(logView)
    # setupUi

    def retranslateUi(self, logView):
        logView.setWindowTitle(QCoreApplication.translate("LogView", u"Log", None))
        self.levelLabel.setText(QCoreApplication.translate("LogView", u"&Level:", None))
        self.areaLabel.setText(QCoreApplication.translate("LogView", u"&Area:", None))
        self.textLabel.setText(QCoreApplication.translate("LogView", u"&Contains:", None))
#if QT_CONFIG(accessibility)
        self.logText.setAccessibleName(QCoreApplication.translate("LogView", u"Log lines", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

