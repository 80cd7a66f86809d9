# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(LoginDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(20, 20, 20, 16)
        self.centerLabel = QLabel(LoginDialog)
        self.centerLabel.setObjectName(u"centerLabel")
        self.centerLabel.setText(u"center")
        self.centerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.centerLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(8)
        self.userCaption = QLabel(LoginDialog)
        self.userCaption.setObjectName(u"userCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userCaption)

        self.userEdit = QLineEdit(LoginDialog)
        self.userEdit.setObjectName(u"userEdit")
        self.userEdit.setMaxLength(64)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordCaption = QLabel(LoginDialog)
        self.passwordCaption.setObjectName(u"passwordCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordCaption)

        self.passwordEdit = QLineEdit(LoginDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(128)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.windowCaption = QLabel(LoginDialog)
        self.windowCaption.setObjectName(u"windowCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.windowCaption)

        self.windowEdit = QLineEdit(LoginDialog)
        self.windowEdit.setObjectName(u"windowEdit")
        self.windowEdit.setReadOnly(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.windowEdit)

        self.serverCaption = QLabel(LoginDialog)
        self.serverCaption.setObjectName(u"serverCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.serverCaption)

        self.serverLabel = QLabel(LoginDialog)
        self.serverLabel.setObjectName(u"serverLabel")
        self.serverLabel.setText(u"https://")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.serverLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(LoginDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.userCaption.setBuddy(self.userEdit)
        self.passwordCaption.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.userEdit, self.passwordEdit)

        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Sign in \u2014 Window Clerk", None))
        self.userCaption.setText(QCoreApplication.translate("LoginDialog", u"&User name:", None))
        self.passwordCaption.setText(QCoreApplication.translate("LoginDialog", u"&Password:", None))
        self.windowCaption.setText(QCoreApplication.translate("LoginDialog", u"Window:", None))
#if QT_CONFIG(accessibility)
        self.windowEdit.setAccessibleName(QCoreApplication.translate("LoginDialog", u"Window", None))
#endif // QT_CONFIG(accessibility)
        self.serverCaption.setText(QCoreApplication.translate("LoginDialog", u"Records service:", None))
    # retranslateUi

