# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton, QVBoxLayout, QWidget)

class Ui_FirstRunWizard(object):
    def setupUi(self, firstRunWizard):
        if not firstRunWizard.objectName():
            firstRunWizard.setObjectName(u"firstRunWizard")
        self.mainLayout = QVBoxLayout(firstRunWizard)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(firstRunWizard)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.service_url_label = QLabel(firstRunWizard)
        self.service_url_label.setObjectName(u"service_url_label")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.service_url_label)

        self.service_url = QLineEdit(firstRunWizard)
        self.service_url.setObjectName(u"service_url")
        self.service_url.setPlaceholderText(u"https://records.example.gov.cn:8443")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.service_url)

        self.service_url_error = QLabel(firstRunWizard)
        self.service_url_error.setObjectName(u"service_url_error")
        self.service_url_error.setStyleSheet(u"color: #b00020")
        self.service_url_error.setText(u"")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.service_url_error)

        self.service_ca_bundle_label = QLabel(firstRunWizard)
        self.service_ca_bundle_label.setObjectName(u"service_ca_bundle_label")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.service_ca_bundle_label)

        self.caBundleLayout = QHBoxLayout()
        self.caBundleLayout.setObjectName(u"caBundleLayout")
        self.service_ca_bundle = QLineEdit(firstRunWizard)
        self.service_ca_bundle.setObjectName(u"service_ca_bundle")

        self.caBundleLayout.addWidget(self.service_ca_bundle)

        self.browseButton = QPushButton(firstRunWizard)
        self.browseButton.setObjectName(u"browseButton")

        self.caBundleLayout.addWidget(self.browseButton)


        self.fieldsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.caBundleLayout)

        self.service_ca_bundle_error = QLabel(firstRunWizard)
        self.service_ca_bundle_error.setObjectName(u"service_ca_bundle_error")
        self.service_ca_bundle_error.setStyleSheet(u"color: #b00020")
        self.service_ca_bundle_error.setText(u"")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.service_ca_bundle_error)

        self.center_code_label = QLabel(firstRunWizard)
        self.center_code_label.setObjectName(u"center_code_label")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.center_code_label)

        self.center_code = QLineEdit(firstRunWizard)
        self.center_code.setObjectName(u"center_code")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.center_code)

        self.center_code_error = QLabel(firstRunWizard)
        self.center_code_error.setObjectName(u"center_code_error")
        self.center_code_error.setStyleSheet(u"color: #b00020")
        self.center_code_error.setText(u"")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.center_code_error)

        self.center_name_label = QLabel(firstRunWizard)
        self.center_name_label.setObjectName(u"center_name_label")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.center_name_label)

        self.center_name = QLineEdit(firstRunWizard)
        self.center_name.setObjectName(u"center_name")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.center_name)

        self.center_name_error = QLabel(firstRunWizard)
        self.center_name_error.setObjectName(u"center_name_error")
        self.center_name_error.setStyleSheet(u"color: #b00020")
        self.center_name_error.setText(u"")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.center_name_error)

        self.window_code_label = QLabel(firstRunWizard)
        self.window_code_label.setObjectName(u"window_code_label")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.window_code_label)

        self.window_code = QLineEdit(firstRunWizard)
        self.window_code.setObjectName(u"window_code")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.window_code)

        self.window_code_error = QLabel(firstRunWizard)
        self.window_code_error.setObjectName(u"window_code_error")
        self.window_code_error.setStyleSheet(u"color: #b00020")
        self.window_code_error.setText(u"")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.window_code_error)

        self.window_name_label = QLabel(firstRunWizard)
        self.window_name_label.setObjectName(u"window_name_label")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.window_name_label)

        self.window_name = QLineEdit(firstRunWizard)
        self.window_name.setObjectName(u"window_name")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.window_name)

        self.window_name_error = QLabel(firstRunWizard)
        self.window_name_error.setObjectName(u"window_name_error")
        self.window_name_error.setStyleSheet(u"color: #b00020")
        self.window_name_error.setText(u"")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.window_name_error)

        self.window_department_label = QLabel(firstRunWizard)
        self.window_department_label.setObjectName(u"window_department_label")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.window_department_label)

        self.window_department = QLineEdit(firstRunWizard)
        self.window_department.setObjectName(u"window_department")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.window_department)

        self.window_department_error = QLabel(firstRunWizard)
        self.window_department_error.setObjectName(u"window_department_error")
        self.window_department_error.setStyleSheet(u"color: #b00020")
        self.window_department_error.setText(u"")

        self.fieldsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.window_department_error)

        self.languageLabel = QLabel(firstRunWizard)
        self.languageLabel.setObjectName(u"languageLabel")

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(firstRunWizard)
        self.languageCombo.setObjectName(u"languageCombo")

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.enrolment_code_label = QLabel(firstRunWizard)
        self.enrolment_code_label.setObjectName(u"enrolment_code_label")

        self.fieldsForm.setWidget(15, QFormLayout.ItemRole.LabelRole, self.enrolment_code_label)

        self.enrolment_code = QLineEdit(firstRunWizard)
        self.enrolment_code.setObjectName(u"enrolment_code")
        self.enrolment_code.setPlaceholderText(u"ABCD-EFGH-JKLM")

        self.fieldsForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.enrolment_code)

        self.enrolment_code_error = QLabel(firstRunWizard)
        self.enrolment_code_error.setObjectName(u"enrolment_code_error")
        self.enrolment_code_error.setStyleSheet(u"color: #b00020")
        self.enrolment_code_error.setText(u"")
        self.enrolment_code_error.setWordWrap(True)

        self.fieldsForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.enrolment_code_error)


        self.mainLayout.addLayout(self.fieldsForm)

        self.wizardReport = QPlainTextEdit(firstRunWizard)
        self.wizardReport.setObjectName(u"wizardReport")
        self.wizardReport.setMaximumSize(QSize(16777215, 140))
        self.wizardReport.setReadOnly(True)

        self.mainLayout.addWidget(self.wizardReport)

        self.detailsButton = QToolButton(firstRunWizard)
        self.detailsButton.setObjectName(u"detailsButton")
        self.detailsButton.setCheckable(True)

        self.mainLayout.addWidget(self.detailsButton)

        self.detailsText = QPlainTextEdit(firstRunWizard)
        self.detailsText.setObjectName(u"detailsText")
        self.detailsText.setMaximumSize(QSize(16777215, 100))
        self.detailsText.setReadOnly(True)

        self.mainLayout.addWidget(self.detailsText)

        self.buttonBox = QDialogButtonBox(firstRunWizard)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.service_url_label.setBuddy(self.service_url)
        self.service_ca_bundle_label.setBuddy(self.service_ca_bundle)
        self.center_code_label.setBuddy(self.center_code)
        self.center_name_label.setBuddy(self.center_name)
        self.window_code_label.setBuddy(self.window_code)
        self.window_name_label.setBuddy(self.window_name)
        self.window_department_label.setBuddy(self.window_department)
        self.languageLabel.setBuddy(self.languageCombo)
        self.enrolment_code_label.setBuddy(self.enrolment_code)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.service_url, self.service_ca_bundle)
        QWidget.setTabOrder(self.service_ca_bundle, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.center_code)
        QWidget.setTabOrder(self.center_code, self.center_name)
        QWidget.setTabOrder(self.center_name, self.window_code)
        QWidget.setTabOrder(self.window_code, self.window_name)
        QWidget.setTabOrder(self.window_name, self.window_department)
        QWidget.setTabOrder(self.window_department, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.enrolment_code)
        QWidget.setTabOrder(self.enrolment_code, self.wizardReport)
        QWidget.setTabOrder(self.wizardReport, self.detailsButton)
        QWidget.setTabOrder(self.detailsButton, self.detailsText)

        self.retranslateUi(firstRunWizard)

        QMetaObject.connectSlotsByName(firstRunWizard)
    # setupUi

    def retranslateUi(self, firstRunWizard):
        firstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"Set up this window", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunWizard", u"No provisioning file was found. Enter the window's set-up from IT; it is checked with the records service before it is saved.", None))
        self.service_url_label.setText(QCoreApplication.translate("FirstRunWizard", u"Records service address:", None))
        self.service_ca_bundle_label.setText(QCoreApplication.translate("FirstRunWizard", u"Center CA certificate (optional):", None))
        self.browseButton.setText(QCoreApplication.translate("FirstRunWizard", u"Browse\u2026", None))
        self.center_code_label.setText(QCoreApplication.translate("FirstRunWizard", u"Center code:", None))
        self.center_name_label.setText(QCoreApplication.translate("FirstRunWizard", u"Center name:", None))
        self.window_code_label.setText(QCoreApplication.translate("FirstRunWizard", u"Window code:", None))
        self.window_name_label.setText(QCoreApplication.translate("FirstRunWizard", u"Window name (optional):", None))
        self.window_department_label.setText(QCoreApplication.translate("FirstRunWizard", u"Department:", None))
        self.languageLabel.setText(QCoreApplication.translate("FirstRunWizard", u"&Language:", None))
        self.enrolment_code_label.setText(QCoreApplication.translate("FirstRunWizard", u"&Enrolment code (optional):", None))
#if QT_CONFIG(tooltip)
        self.enrolment_code.setToolTip(QCoreApplication.translate("FirstRunWizard", u"A one-time code from IT (clerk-records enrol): a desk code lets this PC send its cases before anyone signs in; a display code makes this PC a hall screen.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.wizardReport.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"Check report", None))
#endif // QT_CONFIG(accessibility)
        self.detailsButton.setText(QCoreApplication.translate("FirstRunWizard", u"&Details", None))
    # retranslateUi

