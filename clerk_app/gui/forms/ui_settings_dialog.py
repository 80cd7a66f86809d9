# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, settingsDialog):
        if not settingsDialog.objectName():
            settingsDialog.setObjectName(u"settingsDialog")
        settingsDialog.resize(520, 560)
        self.mainLayout = QVBoxLayout(settingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.generalGroup = QGroupBox(settingsDialog)
        self.generalGroup.setObjectName(u"generalGroup")
        self.generalForm = QFormLayout(self.generalGroup)
        self.generalForm.setObjectName(u"generalForm")
        self.languageLabel = QLabel(self.generalGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.generalGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.yellowLabel = QLabel(self.generalGroup)
        self.yellowLabel.setObjectName(u"yellowLabel")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yellowLabel)

        self.yellowDaysSpin = QSpinBox(self.generalGroup)
        self.yellowDaysSpin.setObjectName(u"yellowDaysSpin")
        self.yellowDaysSpin.setMaximum(30)

        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yellowDaysSpin)

        self.applicantScreenCheck = QCheckBox(self.generalGroup)
        self.applicantScreenCheck.setObjectName(u"applicantScreenCheck")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.applicantScreenCheck)

        self.applicantScreenNote = QLabel(self.generalGroup)
        self.applicantScreenNote.setObjectName(u"applicantScreenNote")
        self.applicantScreenNote.setStyleSheet(u"color: #b3261e;")
        self.applicantScreenNote.setText(u"")
        self.applicantScreenNote.setWordWrap(True)

        self.generalForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.applicantScreenNote)

        self.applicantConfirmCheck = QCheckBox(self.generalGroup)
        self.applicantConfirmCheck.setObjectName(u"applicantConfirmCheck")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.applicantConfirmCheck)


        self.mainLayout.addWidget(self.generalGroup)

        self.printerGroup = QGroupBox(settingsDialog)
        self.printerGroup.setObjectName(u"printerGroup")
        self.printerForm = QFormLayout(self.printerGroup)
        self.printerForm.setObjectName(u"printerForm")

        self.mainLayout.addWidget(self.printerGroup)

        self.settingsError = QLabel(settingsDialog)
        self.settingsError.setObjectName(u"settingsError")
        self.settingsError.setStyleSheet(u"color: #b3261e;")
        self.settingsError.setText(u"")
        self.settingsError.setWordWrap(True)

        self.mainLayout.addWidget(self.settingsError)

        self.buttonBox = QDialogButtonBox(settingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.yellowLabel.setBuddy(self.yellowDaysSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.yellowDaysSpin)
        QWidget.setTabOrder(self.yellowDaysSpin, self.applicantScreenCheck)
        QWidget.setTabOrder(self.applicantScreenCheck, self.applicantConfirmCheck)

        self.retranslateUi(settingsDialog)

        QMetaObject.connectSlotsByName(settingsDialog)
    # setupUi

    def retranslateUi(self, settingsDialog):
        settingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.generalGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Desk", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Language:", None))
#if QT_CONFIG(tooltip)
        self.languageCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"Applies at once, no restart needed", None))
#endif // QT_CONFIG(tooltip)
        self.yellowLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Yellow when due within:", None))
#if QT_CONFIG(tooltip)
        self.yellowDaysSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"Worklist cases due within this many working days are shown yellow", None))
#endif // QT_CONFIG(tooltip)
        self.yellowDaysSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" working day(s)", None))
#if QT_CONFIG(tooltip)
        self.applicantScreenCheck.setToolTip(QCoreApplication.translate("SettingsDialog", u"Applies at once: full screen on a monitor other than the desk's", None))
#endif // QT_CONFIG(tooltip)
        self.applicantScreenCheck.setText(QCoreApplication.translate("SettingsDialog", u"Applicant &screen on a second monitor", None))
        self.applicantConfirmCheck.setText(QCoreApplication.translate("SettingsDialog", u"Accept only after the applicant &confirmed", None))
        self.printerGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Printers", None))
    # retranslateUi

